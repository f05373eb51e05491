package lab.heartbeat.ui.parameters;

import java.util.List;
import lab.heartbeat.detect.Durations;
import lab.heartbeat.detect.ParameterKey;
import lab.heartbeat.detect.SweepParams;

/** The parameters the editor offers: the profile's, keyed as {@link ParameterKey}, and the server's sweep. */
public final class ParameterCatalog {

    public static final String SWEEP_INTERVAL = "sweepInterval";
    public static final String SWEEP_MISSES = "sweepMisses";

    /** The profile's parameters, in the editor's order. */
    public static final List<ParameterKey> PROFILE = List.of(ParameterKey.values());

    private ParameterCatalog() {
    }

    static String sweepValue(SweepParams sweep, String key) {
        if (sweep == null) {
            return "off";
        }
        return SWEEP_INTERVAL.equals(key) ? Durations.format(sweep.interval()) : Integer.toString(sweep.misses());
    }
}
