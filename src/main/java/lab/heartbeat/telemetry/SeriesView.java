package lab.heartbeat.telemetry;

/** An immutable copy of one track's time series: sample times and one column per {@link Series}. */
public record SeriesView(String track, long[] nanos, float[][] columns) {

    public int size() {
        return nanos.length;
    }

    public float value(Series series, int index) {
        return columns[series.ordinal()][index];
    }
}
