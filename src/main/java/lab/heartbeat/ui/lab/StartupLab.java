package lab.heartbeat.ui.lab;

import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.detect.Preset;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.lab.ClientGroup;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.lab.LabConfig;
import lab.heartbeat.telemetry.TelemetryConfig;
import lab.heartbeat.transport.ServerSettings;

/** The lab the dashboard opens with: a teaching server and one client per teaching profile. */
public final class StartupLab {

    /** One client each, so that a first pull shows every mechanism racing. */
    public static final List<ProfileKind> KINDS =
            List.of(ProfileKind.APP_HEARTBEAT, ProfileKind.OS_KEEPALIVE, ProfileKind.BEACON, ProfileKind.USER_TIMEOUT);

    private StartupLab() {
    }

    public static LabConfig config() {
        Preset teaching = Presets.teaching();
        ServerSettings server = ServerSettings.defaults().withPort(0)
                .withSweep(teaching.sweep())
                .withKeepalive(teaching.serverKeepalive());
        List<ClientGroup> groups = new ArrayList<>();
        for (ProfileKind kind : KINDS) {
            groups.add(new ClientGroup(kind.label(), 1, Profile.of(kind, teaching)));
        }
        // Kernel faults in a private namespace, or in the host's with --no-sandbox as root; else the proxy.
        // The dashboard plots clients only: the server's ends keep counters but no time series (half the history).
        return LabConfig.embedded(server, groups).withTelemetry(TelemetryConfig.defaults().withServerSeries(false))
                .withFaults(lab.heartbeat.fault.FaultBackendChoice.AUTO, lab.heartbeat.fault.HostFirewall.optedIn());
    }

    public static LiveLab start() throws InterruptedException {
        return new LiveLab(Lab.start(config()));
    }
}
