package lab.heartbeat.ui.lab;

import java.util.EnumMap;
import java.util.Map;
import lab.heartbeat.fault.FaultKind;

/**
 * What a lab can break and why not the rest: its fault backend ({@code kernel}, {@code proxy},
 * {@code none}), the network namespace it runs in, why that backend, what the backend cannot show,
 * and for each fault it cannot make, the reason (for disabled buttons).
 */
public record FaultStatus(String backend, String namespace, String note, String limitation,
        Map<FaultKind, String> unavailable) {

    /** A lab that makes no faults, such as a test's fake. */
    public static final FaultStatus NONE = new FaultStatus("none", "host", "this lab makes no faults", "",
            none());

    public FaultStatus {
        unavailable = unavailable.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(unavailable));
    }

    private static Map<FaultKind, String> none() {
        Map<FaultKind, String> all = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            all.put(k, "this lab makes no faults");
        }
        return all;
    }

    /** Why this fault cannot be made here, or null when it can. */
    public String whyUnavailable(FaultKind kind) {
        return unavailable.get(kind);
    }

    /** The status bar's short text: backend and namespace. */
    public String headline() {
        return "fault backend: " + backend + "  ·  namespace: " + namespace;
    }

    /** The status bar's long text: why this backend, and what it cannot show. */
    public String details() {
        StringBuilder s = new StringBuilder(note == null ? "" : note);
        if (limitation != null && !limitation.isBlank()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(limitation);
        }
        return s.toString();
    }
}
