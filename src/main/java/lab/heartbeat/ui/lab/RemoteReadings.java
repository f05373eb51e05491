package lab.heartbeat.ui.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.heartbeat.control.ClientJson;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.Side;
import lab.heartbeat.lab.EventJson;
import lab.heartbeat.lab.Race;
import lab.heartbeat.lab.RaceGroups;
import lab.heartbeat.lab.Report;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.telemetry.DataCount;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.telemetry.EventKind;
import lab.heartbeat.telemetry.LabEvent;
import lab.heartbeat.transport.ClientState;
import lab.heartbeat.transport.KernelTcpInfo;

/**
 * An attached lab's answers as the dashboard's own readings: its clients as {@link EndpointView}s,
 * its events as {@link LabEvent}s and its races as {@link RaceSnapshot}s, the clients named
 * {@code client@lab} ({@link LabNames}) and the times moved onto the dashboard's clock.
 *
 * @param lab        the attached lab's {@code host:port}
 * @param startNanos when the attached lab started, on the dashboard's clock
 * @param originNanos the dashboard's own lab's start, time zero of its axis
 */
record RemoteReadings(String lab, long startNanos, long originNanos) {

    /** The client as a row reads it, with its last detection as this dashboard has seen it (or null). */
    EndpointView client(ClientJson c, Detection last) {
        String name = LabNames.qualify(c.name(), lab);
        KernelTcpInfo kernel = c.kernelProbes() == null ? null
                : new KernelTcpInfo(0, c.kernelProbes(), 0, c.kernelRetransmits() == null ? 0 : c.kernelRetransmits(),
                        c.kernelUnacked() == null ? 0 : c.kernelUnacked(), 0, 0, 0, 0, 0);
        return new EndpointView("client/" + name, Side.CLIENT, name, null, null, c.profile(), state(c.state()),
                c.connected(), 0, 0, c.heartbeatsSent(), c.acksReceived(), 0, 0, 0, 0, 0, 0, DataCount.NONE,
                c.misses(), c.rttMs() == null ? Double.NaN : c.rttMs(), Double.NaN, c.connections(), c.reconnects(),
                kernel, last, null, null);
    }

    /** The event on the dashboard's clock, or null for a kind this dashboard does not know. */
    LabEvent event(EventJson e) {
        EventKind kind = byLabel(EventKind.values(), e.event(), EventKind::label);
        if (kind == null) {
            return null;
        }
        EventJson.Timing t = e.timing();
        List<Long> window = t == null ? null : t.predictedWindowMs();
        return new LabEvent(startNanos + e.t() * 1_000_000, kind,
                byLabel(Side.values(), e.side(), Side::label), LabNames.qualify(e.client(), lab),
                LabNames.qualify(e.connection(), lab), byLabel(Cause.values(), e.cause(), Cause::label), e.detail(),
                t == null ? null : t.measuredMs(), t == null ? null : t.predictedMs(),
                e.retry() == null ? null : e.retry().attempt(), e.retry() == null ? null : e.retry().delayMs(), e.port(),
                t == null ? null : t.since(), window == null ? null : window.get(0), window == null ? null : window.get(1));
    }

    /**
     * A detection event as the detection it reports, or null for another event. Its delays count
     * from the reference the event names ({@code since}): the last frame, or a fault's t0, where
     * the race gives the table its figure.
     */
    Detection detection(LabEvent e) {
        if (!e.isDetection() || e.side() == null || e.cause() == null) {
            return null;
        }
        long reference = e.measuredMs() == null ? e.nanos() : e.nanos() - e.measuredMs() * 1_000_000;
        Prediction predicted = Prediction.NONE;
        if (e.predictedMs() != null) {
            long at = reference + e.predictedMs() * 1_000_000;
            predicted = e.predictedLoMs() == null ? Prediction.point(at) : Prediction.window(
                    reference + e.predictedLoMs() * 1_000_000, at, reference + e.predictedHiMs() * 1_000_000);
        }
        return new Detection(e.nanos(), e.side(), e.client(), e.connection(), e.cause(), 0, reference, predicted, null,
                e.detail());
    }

    /** A race as the attached lab's {@code GET /faults/{id}/race} gave it. */
    RaceSnapshot race(Report.Fault f) {
        List<RaceSnapshot.Entry> entries = new ArrayList<>();
        List<RaceGroups.End> ends = new ArrayList<>();
        for (Report.RaceEntry e : f.detections()) {
            double predicted = e.predictedMs() == null ? Double.NaN : e.predictedMs();
            List<Double> w = e.predictedWindowMs();
            String what = e.mechanism() != null ? e.mechanism() : e.cause();
            entries.add(new RaceSnapshot.Entry(LabNames.qualify(e.client(), lab), LabNames.qualify(e.connection(), lab),
                    e.side(), e.cause(), e.mechanism(), e.measuredMs(), predicted, w == null ? predicted : w.get(0),
                    w == null ? predicted : w.get(1), e.side() + " " + what));
            ends.add(new RaceGroups.End(e.side(), what, e.mechanism() != null, e.measuredMs(),
                    e.measuredMs() - predicted));
        }
        List<Race.GroupRecovery> back = f.reconnected().stream().map(r -> new Race.GroupRecovery(r.group(),
                (int) r.clients(), r.of(), orNaN(r.firstMs()), orNaN(r.medianMs()), orNaN(r.lastMs()))).toList();
        Map<String, Double> recoveries = new LinkedHashMap<>();
        return new RaceSnapshot(lab, Integer.parseInt(f.id().substring("fault-".length())), f.kind(), f.backend(),
                f.targets().stream().map(c -> LabNames.qualify(c, lab)).toList(), seconds(f.t0()),
                f.cleared() == null ? Double.NaN : seconds(f.cleared()), entries, recoveries, RaceGroups.of(ends), back);
    }

    /** Milliseconds since the attached lab started, as seconds on the dashboard's axis. */
    private double seconds(double ms) {
        return (startNanos - originNanos) / 1e9 + ms / 1000;
    }

    private static double orNaN(Double ms) {
        return ms == null ? Double.NaN : ms;
    }

    private static ClientState state(String label) {
        return byLabel(ClientState.values(), label, ClientState::label);
    }

    private static <E> E byLabel(E[] values, String label, java.util.function.Function<E, String> labelOf) {
        if (label == null) {
            return null;
        }
        for (E v : values) {
            if (labelOf.apply(v).equals(label)) {
                return v;
            }
        }
        return null;
    }
}
