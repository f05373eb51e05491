package lab.heartbeat.ui.lab;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.SweepParams;
import lab.heartbeat.fault.FaultException;
import lab.heartbeat.fault.FaultKind;
import lab.heartbeat.fault.Latency;
import lab.heartbeat.lab.FaultRecord;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.Lab;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EventLog;
import lab.heartbeat.telemetry.SeriesView;
import lab.heartbeat.telemetry.TelemetrySnapshot;
import lab.heartbeat.transport.ServerSettings;

/** The dashboard's view of a real {@link Lab}. */
public final class LiveLab implements LabGateway {
    private final Lab lab;
    private final String name;

    public LiveLab(Lab lab) {
        this(lab, RaceSnapshot.LIVE);
    }

    /** A lab named for the race panel, e.g. a scenario run. */
    public LiveLab(Lab lab, String name) {
        this.lab = lab;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    public Lab lab() {
        return lab;
    }

    @Override
    public TelemetrySnapshot snapshot() {
        return lab.telemetry().snapshot();
    }

    @Override
    public Events eventsSince(long seen) {
        EventLog.Batch batch = lab.telemetry().events().after(seen);
        return new Events(batch.events(), batch.next());
    }

    @Override
    public List<Detection> detectionsSince(int index) {
        return lab.telemetry().detectionsSince(index);
    }

    @Override
    public List<Detection> endsSince(int index) {
        return lab.telemetry().endsSince(index);
    }

    @Override
    public Optional<SeriesView> series(String track) {
        return lab.telemetry().series(track);
    }

    @Override
    public long startNanos() {
        return lab.telemetry().startNanos();
    }

    @Override
    public String transport() {
        return lab.transport().label();
    }

    @Override
    public int port() {
        return lab.target().getPort();
    }

    @Override
    public ServerSettings serverSettings() {
        return lab.server() == null ? null : lab.server().settings();
    }

    @Override
    public SweepParams serverSweep() {
        return lab.server() == null ? null : lab.server().sweep();
    }

    @Override
    public void updateSweep(SweepParams sweep) {
        lab.updateSweep(sweep);
    }

    @Override
    public List<String> addClients(String group, int count, Profile profile) {
        return lab.addClients(group, count, profile);
    }

    @Override
    public void removeClients(Collection<String> names) throws InterruptedException {
        lab.removeClients(names);
    }

    @Override
    public FaultStatus faultStatus() {
        java.util.Map<FaultKind, String> why = new java.util.EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            String reason = lab.whyUnavailable(k);
            if (reason != null) {
                why.put(k, reason);
            }
        }
        return new FaultStatus(lab.faultBackend(), lab.namespace().label(), lab.faultBackendNote(),
                lab.faultLimitation(), why);
    }

    @Override
    public void inject(FaultKind kind, String target, Latency latency) throws FaultException {
        lab.inject(kind, target, latency);
    }

    @Override
    public void plugIn(String target) throws FaultException {
        lab.plugIn(target);
    }

    @Override
    public void unfreeze(String target) {
        lab.unfreeze(target);
    }

    @Override
    public void restartServer(java.time.Duration down) throws InterruptedException {
        lab.restartServer(down);
    }

    @Override
    public List<FaultRecord> faults() {
        return lab.faults();
    }

    @Override
    public List<Race> races() {
        return lab.races();
    }

    @Override
    public void close() throws InterruptedException {
        lab.close();
    }
}
