package lab.heartbeat.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.heartbeat.telemetry.Detection;

/**
 * A race summed up for a reader who cannot take in two hundred ends one by one: its ends by side
 * and mechanism or cause, each group with its first, median (the project's nearest rank,
 * {@link Race#rank}) and last delay after t0 (the way back by client group is
 * {@link Race#recoveriesByGroup}).
 */
public final class RaceGroups {

    /**
     * The ends of one side and one mechanism or cause: how many, and their delays after t0.
     *
     * @param key           what names the group in the race, {@link #key(Detection)}
     * @param what          the mechanism, or the cause of an end that was no detection
     * @param worstErrorMs  the largest distance between a measurement and its prediction, NaN without one
     */
    public record Ends(String key, String side, String what, boolean detection, int count, double firstMs,
            double medianMs, double lastMs, double worstErrorMs) {
    }

    private RaceGroups() {
    }

    /** The group an end belongs to: its side and its mechanism, or its cause when it was no detection. */
    public static String key(Detection d) {
        return d.side().label() + " " + (d.isDetection() ? d.mechanism().label() : d.cause().label());
    }

    /**
     * One end as the groups count it: its side, its mechanism or cause, its delay after t0 and its
     * distance from the prediction (NaN without one).
     */
    public record End(String side, String what, boolean detection, double measuredMs, double errorMs) {
        String key() {
            return side + " " + what;
        }
    }

    /** The race's ends by group, in the order of each group's first end. */
    public static List<Ends> ends(Race race) {
        return of(race.entries().stream().map(d -> new End(d.side().label(),
                d.isDetection() ? d.mechanism().label() : d.cause().label(), d.isDetection(), race.measuredMs(d),
                d.hasPrediction() ? race.measuredMs(d) - race.predictedMs(d) : Double.NaN)).toList());
    }

    /** Ends (of a race read from report.json or a control API too) by group, in the order of each group's first end. */
    public static List<Ends> of(List<End> ends) {
        Map<String, List<End>> byKey = new LinkedHashMap<>();
        for (End e : ends) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        List<Ends> groups = new ArrayList<>();
        byKey.forEach((key, es) -> {
            double[] measured = es.stream().mapToDouble(End::measuredMs).sorted().toArray();
            double worst = es.stream().mapToDouble(e -> Math.abs(e.errorMs())).filter(d -> !Double.isNaN(d)).max()
                    .orElse(Double.NaN);
            End first = es.get(0);
            groups.add(new Ends(key, first.side(), first.what(), first.detection(), measured.length, measured[0],
                    measured[Race.rank(50, measured.length)], measured[measured.length - 1], worst));
        });
        return groups;
    }
}
