package lab.heartbeat.fault;

/** Which backend makes network faults: {@code auto} prefers the kernel and falls back to the proxy. */
public enum FaultBackendChoice {
    AUTO, KERNEL, PROXY, NONE;

    public static FaultBackendChoice ofLabel(String label) {
        for (FaultBackendChoice c : values()) {
            if (c.name().equalsIgnoreCase(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown fault backend '" + label + "'; expected auto, kernel, proxy or none");
    }
}
