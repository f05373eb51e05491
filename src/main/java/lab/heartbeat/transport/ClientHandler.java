package lab.heartbeat.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.detect.Cause;
import lab.heartbeat.detect.HeartbeatMode;
import lab.heartbeat.detect.MissCounter;
import lab.heartbeat.detect.PhiAccrualDetector;
import lab.heartbeat.detect.Prediction;
import lab.heartbeat.detect.Predictions;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.TickSchedule;
import lab.heartbeat.protocol.Frame;
import lab.heartbeat.protocol.FrameType;

/**
 * The client end of one connection: says HELLO, sends heartbeats on a fixed-rate timer and runs
 * the profile's client-side detectors (seed 000's miss counter, or phi accrual).
 */
final class ClientHandler extends ConnectionHandler {
    private static final int MAX_OUTSTANDING = 64;

    private final String clientName;
    private final Profile profile;
    private final MissCounter misses;
    private final PhiAccrualDetector phi;
    private final ArrayDeque<Long> outstanding = new ArrayDeque<>();
    private TickSchedule ticks;
    private ScheduledFuture<?> phiCheck;

    ClientHandler(String clientName, Profile profile, ConnectionObserver observer, Duration kernelSampleInterval) {
        super(observer, profile.keepalive(), profile.userTimeout(), kernelSampleInterval);
        this.clientName = clientName;
        this.profile = profile;
        boolean countsMisses = profile.heartbeat() == HeartbeatMode.REQUEST && profile.phi() == null;
        this.misses = countsMisses ? new MissCounter(profile.heartbeatMisses()) : null;
        this.phi = profile.phi() != null ? new PhiAccrualDetector(profile.phi()) : null;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        send(Frame.hello(helloText()));
        if (profile.sendsHeartbeats()) {
            long period = profile.heartbeatInterval().toNanos();
            // The phase is when the timer is armed, not when the channel went active: the work in
            // between (a first connection loads classes) would otherwise skew every prediction.
            ticks = new TickSchedule(now(), period);
            every(period, period, this::tick);
        }
    }

    private String helloText() {
        long heartbeatMs = profile.sendsHeartbeats() ? profile.heartbeatInterval().toMillis() : 0;
        return padToWholeHeaders(clientName + "\nheartbeat=" + heartbeatMs + "\nmode="
                + profile.heartbeat().name().toLowerCase() + "\nprofile=" + profile.name());
    }

    /**
     * Seed 002's server reads the stream as 8-byte headers and skips no payload, so a HELLO whose
     * length is not a multiple of 8 would shift every later beacon off a header boundary and the seed
     * server would never recognise another heartbeat (and sweep the connection). Trailing newlines,
     * which {@link Hello#parse} ignores, keep the stream aligned.
     */
    static String padToWholeHeaders(String text) {
        int bytes = Frame.HEADER_BYTES + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int pad = (Frame.HEADER_BYTES - bytes % Frame.HEADER_BYTES) % Frame.HEADER_BYTES;
        return text + "\n".repeat(pad);
    }

    private void tick() {
        long now = now();
        if (misses != null && silentTick(misses, Cause.APP_HEARTBEAT,
                () -> Predictions.appHeartbeat(ticks, lastReceivedNanos, misses.limit()),
                () -> "no frame for " + misses.limit() + " heartbeat intervals of "
                        + profile.heartbeatInterval().toMillis() + " ms")) {
            return;
        }
        if (profile.heartbeat() == HeartbeatMode.REQUEST) {
            if (outstanding.size() == MAX_OUTSTANDING) {
                outstanding.removeFirst();
            }
            outstanding.addLast(now);
        }
        send(Frame.heartbeat());
    }

    @Override
    protected void onFrame(Frame frame, long now) {
        heard(misses);
        if (frame.type() == FrameType.HEARTBEAT_ACK) {
            Long sentAt = outstanding.pollFirst();
            if (sentAt != null) {
                observer.heartbeatAcked(now - sentAt);
            }
            if (phi != null) {
                phi.heartbeat(now);
                observer.phiChanged(phi.estimate());
                schedulePhiCheck(now);
            }
        }
    }

    /** Phi only rises between arrivals, so one check at the predicted crossing is exact and cheap. */
    private void schedulePhiCheck(long now) {
        if (phiCheck != null) {
            phiCheck.cancel(false);
        }
        long crossing = phi.predictedCrossingNanos();
        if (crossing == Long.MAX_VALUE) {
            return;
        }
        phiCheck = ctx.executor().schedule(this::checkPhi, Math.max(0, crossing - now), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void onTimersCancelled() {
        if (phiCheck != null) {
            phiCheck.cancel(false);
        }
    }

    @Override
    protected void onThawed() {
        if (phi != null) {
            schedulePhiCheck(now());
        }
    }

    private void checkPhi() {
        if (frozen()) {
            return; // onThawed() checks again
        }
        long now = now();
        if (phi.isAvailable(now)) {
            schedulePhiCheck(now);
            return;
        }
        closeWith(Cause.PHI_ACCRUAL, String.format("phi %.1f crossed the threshold %.1f", phi.phi(now),
                profile.phi().threshold()), now, Prediction.point(Predictions.phiAccrual(phi)));
    }

    /** Sends a DATA frame, used by scenarios to count what survives an outage; false when frozen (a hung app sends nothing). */
    boolean sendData(byte[] payload) {
        if (frozen()) {
            return false;
        }
        send(Frame.data(payload));
        return true;
    }
}
