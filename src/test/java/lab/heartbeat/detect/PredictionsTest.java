package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    private static final Retransmission NOTHING_UNACKED = null;
    private static final KeepaliveParams SEED_001 = KeepaliveParams.ofSeconds(5, 3, 3);
    private static final TimerWheel WHEEL = new TimerWheel(250);

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }

    private static long s(long seconds) {
        return seconds * 1_000_000_000L;
    }

    @Test
    void app_heartbeat_is_the_kth_tick_after_the_last_frame() {
        TickSchedule every5s = new TickSchedule(ms(300), s(5));

        assertThat(Predictions.appHeartbeat(every5s, s(12), 6)).isEqualTo(ms(15_300) + s(25));
    }

    @Test
    void server_sweep_is_the_mth_sweep_after_the_last_beacon() {
        TickSchedule every3s = new TickSchedule(0, s(3));

        assertThat(Predictions.serverSweep(every3s, s(7), 5)).isEqualTo(s(21));
        assertThat(Predictions.serverSweep(every3s, s(9), 5)).isEqualTo(s(24));
    }

    @Test
    void os_keepalive_fires_idle_plus_count_intervals_after_the_last_activity() {
        assertThat(Predictions.osKeepalive(SEED_001, s(10), false, WHEEL).windowLoNanos()).isEqualTo(s(24));
    }

    @Test
    void the_kernel_counts_idle_time_from_its_own_last_receive_not_from_the_applications_later_read() {
        // As in the cable-pull run of docs/FAULTS.md: the server's event loop read the client's HELLO
        // 111 ms after its segment (which carried an ACK) arrived, and the kernel's keepalive fired
        // 4,980 ms after the read, 20 ms before a window counted from the read.
        KeepaliveParams teaching = KeepaliveParams.ofSeconds(2, 1, 3);
        long segmentArrived = ms(1_000);
        long helloRead = ms(1_111);
        long detected = ms(6_091);

        long heard = Predictions.kernelLastHeard(helloRead, detected, 5_091, 5_091);

        assertThat(heard).isEqualTo(segmentArrived);
        Prediction fromKernel = Predictions.osKeepalive(teaching, heard, false, WHEEL);
        assertThat(detected).isBetween(fromKernel.windowLoNanos(), fromKernel.windowHiNanos());
        assertThat(detected).isLessThan(Predictions.osKeepalive(teaching, helloRead, false, WHEEL).windowLoNanos());
    }

    @Test
    void the_later_of_the_kernels_last_segment_and_last_ack_counts() {
        assertThat(Predictions.kernelLastHeard(ms(500), s(10), 4_000, 7_000)).isEqualTo(s(6));
        assertThat(Predictions.kernelLastHeard(ms(500), s(10), 7_000, 3_000)).isEqualTo(s(7));
    }

    @Test
    void a_frame_read_after_the_kernels_sample_is_later_than_anything_the_sample_knows() {
        assertThat(Predictions.kernelLastHeard(s(12), s(10), 4_000, 4_000)).isEqualTo(s(12));
    }

    @Test
    void os_keepalive_never_fires_while_data_is_in_flight() {
        assertThat(Predictions.osKeepalive(SEED_001, s(10), true, WHEEL).exists()).isFalse();
    }

    @Test
    void user_timeout_with_data_in_flight_counts_from_the_oldest_unacked_send() {
        Duration u = Duration.ofMillis(3000);

        assertThat(Predictions.userTimeout(u, new Retransmission(ms(10_250), 0, 0), s(9), null, WHEEL).windowLoNanos()).isEqualTo(ms(13_250));
        assertThat(Predictions.userTimeout(u, new Retransmission(ms(10_250), 0, 0), s(9), SEED_001, WHEEL).windowLoNanos()).isEqualTo(ms(13_250));
    }

    @Test
    void user_timeout_on_an_idle_socket_aborts_at_the_first_probe_at_least_u_after_the_last_receive() {
        long last = s(100);

        // probes at +5 s, +8 s, +11 s, +14 s, ...; the kernel checks u at each with a probe out
        assertThat(Predictions.userTimeout(Duration.ofSeconds(10), NOTHING_UNACKED, last, SEED_001, WHEEL).windowLoNanos()).isEqualTo(last + s(11));
        assertThat(Predictions.userTimeout(Duration.ofSeconds(11), NOTHING_UNACKED, last, SEED_001, WHEEL).windowLoNanos()).isEqualTo(last + s(11));
        assertThat(Predictions.userTimeout(Duration.ofMillis(11_001), NOTHING_UNACKED, last, SEED_001, WHEEL).windowLoNanos()).isEqualTo(last + s(14));
    }

    @Test
    void user_timeout_shorter_than_idle_still_waits_for_one_probe() {
        assertThat(Predictions.userTimeout(Duration.ofSeconds(1), NOTHING_UNACKED, 0, SEED_001, WHEEL).windowLoNanos()).isEqualTo(s(8));
    }

    @Test
    void user_timeout_overrides_the_keepalive_count_on_an_idle_socket() {
        assertThat(Predictions.userTimeout(Duration.ofSeconds(20), NOTHING_UNACKED, 0, SEED_001, WHEEL).windowLoNanos()).isEqualTo(s(20));
        assertThat(Predictions.osKeepalive(SEED_001, 0, false, WHEEL).windowLoNanos()).isEqualTo(s(14));
    }

    @Test
    void teaching_user_timeout_beats_teaching_keepalive() {
        Preset teaching = Presets.teaching();

        assertThat(Predictions.userTimeout(teaching.userTimeout(), NOTHING_UNACKED, 0, teaching.keepalive(), WHEEL).windowLoNanos()).isEqualTo(s(3));
        assertThat(Predictions.osKeepalive(teaching.keepalive(), 0, false, WHEEL).windowLoNanos()).isEqualTo(s(5));
    }

    @Test
    void kernel_predictions_are_windows_as_wide_as_the_timer_wheels_steps() {
        Preset teaching = Presets.teaching();
        // keepalive: the 2 s timer and three 1 s probes, each up to 32 ms late
        Prediction keepalive = Predictions.osKeepalive(teaching.keepalive(), 0, false, WHEEL);
        assertThat(keepalive.windowHiNanos()).isEqualTo(ms(5_128));
        assertThat(keepalive.atNanos()).isEqualTo(ms(5_078));
        // idle user timeout: the 2 s timer and one 1 s probe
        Prediction idle = Predictions.userTimeout(teaching.userTimeout(), NOTHING_UNACKED, 0, teaching.keepalive(), WHEEL);
        assertThat(idle.windowHiNanos()).isEqualTo(ms(3_064));
        // in flight: the loss probe (204 ms, 4 ms), the RTO (204 ms, 4 ms) and the last RTO, cut to 1,572 ms (32 ms)
        Retransmission first = new Retransmission(ms(10_408), ms(204), ms(204));
        assertThat(first.lastTimerBefore(ms(3000))).isEqualTo(ms(1_572));
        Prediction inFlight = Predictions.userTimeout(teaching.userTimeout(), first, 0, null, WHEEL);
        assertThat(inFlight.windowLoNanos()).isEqualTo(ms(13_408));
        assertThat(inFlight.windowHiNanos()).isEqualTo(ms(13_448));
        assertThat(inFlight.atNanos()).isEqualTo(ms(13_428));
    }

    @Test
    void the_loss_probe_waits_twice_the_rtt_in_whole_jiffies_and_the_minimum_rto_at_most_one_rto() {
        Retransmission loopback = Retransmission.afterLossProbe(s(10), 50_000, ms(204), WHEEL);
        assertThat(loopback.probeNanos()).isEqualTo(ms(204));
        assertThat(loopback.atNanos()).isEqualTo(s(10) + ms(408));

        Retransmission far = Retransmission.afterLossProbe(s(10), ms(30), ms(400), WHEEL);
        assertThat(far.probeNanos()).isEqualTo(ms(260));
        assertThat(Retransmission.afterLossProbe(s(10), ms(30), ms(240), WHEEL).probeNanos()).isEqualTo(ms(240));
    }

    @Test
    void user_timeout_on_an_idle_socket_without_keepalive_never_fires() {
        assertThat(Predictions.userTimeout(Duration.ofSeconds(3), NOTHING_UNACKED, s(5), null, WHEEL).exists()).isFalse();
    }

    @Test
    void user_timeout_must_be_positive() {
        assertThatThrownBy(() -> Predictions.userTimeout(Duration.ZERO, null, 0, null, WHEEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userTimeout must be positive: 0s");
    }
}
