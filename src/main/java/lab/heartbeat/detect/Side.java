package lab.heartbeat.detect;

/** Which end of a connection noticed something. */
public enum Side {
    CLIENT("client"),
    SERVER("server");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
