package lab.heartbeat.ui.race;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.RaceGroups;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * Which lanes the race timeline draws, worked out without a toolkit: one per end of a small race
 * (the order of the ends: the winner on top), or for a large one one per group of ends with the
 * members of the groups the user opened, and one per client group coming back.
 */
final class TimelineLanes {
    /** A race with more ends than this is drawn by group: a lane per end would not fit a screen. */
    static final int MAX_END_LANES = 16;
    /** An opened group shows this many of its members; the table lists them all. */
    static final int MAX_MEMBERS = 10;
    /** Targets that nothing noticed get a quiet lane each up to this many, then one lane together. */
    static final int MAX_QUIET_LANES = 4;

    enum Kind { END, GROUP, MEMBER, MORE, QUIET, RECONNECTION }

    /**
     * One lane. {@code end} is set for {@code END} and {@code MEMBER}, {@code group} for
     * {@code GROUP}, {@code back} for {@code RECONNECTION}; {@code recoveredMs} is when the lane's
     * client was connected again (NaN: not on this lane).
     */
    record Lane(Kind kind, String label, RaceSnapshot.Entry end, RaceGroups.Ends group,
            Race.GroupRecovery back, double recoveredMs) {

        /** The text beside the lane's marks (under them for a group, whose figures are long). */
        String markLabel() {
            return switch (kind) {
                case END, MEMBER -> endLabel(end);
                case GROUP -> spread(group.firstMs(), group.medianMs(), group.lastMs());
                case RECONNECTION -> back.back() == 0 ? "none back yet"
                        : spread(back.firstMs(), back.medianMs(), back.lastMs());
                case QUIET -> "no end while the fault lasts";
                case MORE -> "";
            };
        }

        /** Whether the lane sums up many ends or clients: taller, its figures on a line of their own. */
        boolean summary() {
            return kind == Kind.GROUP || kind == Kind.RECONNECTION;
        }
    }

    private TimelineLanes() {
    }

    static boolean grouped(RaceSnapshot race) {
        return race.entries().size() > MAX_END_LANES;
    }

    static List<Lane> of(RaceSnapshot race, Set<String> open) {
        return grouped(race) ? byGroup(race, open) : byEnd(race);
    }

    private static List<Lane> byEnd(RaceSnapshot race) {
        List<Lane> lanes = new ArrayList<>();
        Set<String> backShown = new HashSet<>();
        for (RaceSnapshot.Entry e : race.entries()) {
            Double back = race.recoveries().get(e.client());
            boolean showBack = back != null && backShown.add(e.client());
            lanes.add(new Lane(Kind.END, e.client() + " · " + e.side(), e, null, null,
                    showBack ? back : Double.NaN));
        }
        Set<String> ended = new HashSet<>();
        race.entries().forEach(e -> ended.add(e.client()));
        List<String> quiet = race.targets().stream().filter(c -> !ended.contains(c)).toList();
        if (quiet.size() <= MAX_QUIET_LANES) {
            quiet.forEach(c -> lanes.add(new Lane(Kind.QUIET, c, null, null, null, Double.NaN)));
        } else {
            lanes.add(new Lane(Kind.QUIET, quiet.size() + " other clients", null, null, null, Double.NaN));
        }
        return lanes;
    }

    private static List<Lane> byGroup(RaceSnapshot race, Set<String> open) {
        List<Lane> lanes = new ArrayList<>();
        for (RaceGroups.Ends g : race.groups()) {
            boolean opened = open.contains(g.key());
            lanes.add(new Lane(Kind.GROUP, (opened ? "▾ " : "▸ ") + g.key() + " ×" + g.count(), null, g, null,
                    Double.NaN));
            if (opened) {
                List<RaceSnapshot.Entry> members = race.entries().stream().filter(e -> e.group().equals(g.key()))
                        .toList();
                members.stream().limit(MAX_MEMBERS).forEach(e -> lanes.add(new Lane(Kind.MEMBER,
                        "   " + e.client(), e, null, null, Double.NaN)));
                if (members.size() > MAX_MEMBERS) {
                    lanes.add(new Lane(Kind.MORE, "   and " + (members.size() - MAX_MEMBERS) + " more in the table",
                            null, null, null, Double.NaN));
                }
            }
        }
        for (Race.GroupRecovery r : race.reconnections()) {
            lanes.add(new Lane(Kind.RECONNECTION, r.group() + " back " + r.back() + "/" + r.of(), null, null, r,
                    Double.NaN));
        }
        return lanes;
    }

    /** "app-heartbeat 1,006 ms (+12)": what ended it, when, and how far from theory. */
    static String endLabel(RaceSnapshot.Entry e) {
        String error = e.hasPrediction() ? String.format(Locale.ROOT, " (%+.0f)", e.errorMs()) : "";
        return e.cause() + " " + ms(e.measuredMs()) + error;
    }

    private static String spread(double first, double median, double last) {
        return String.format(Locale.ROOT, "first %s · median %s · last %s", ms(first), ms(median), ms(last));
    }

    static String ms(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    /** The latest time a lane needs on the axis for its ends and predictions. */
    static double endsMs(List<Lane> lanes) {
        double max = 0;
        for (Lane l : lanes) {
            if (l.end() != null) {
                max = Math.max(max, Math.max(l.end().measuredMs(),
                        Double.isNaN(l.end().predictedHiMs()) ? 0 : l.end().predictedHiMs()));
            } else if (l.group() != null) {
                max = Math.max(max, l.group().lastMs());
            }
        }
        return max;
    }
}
