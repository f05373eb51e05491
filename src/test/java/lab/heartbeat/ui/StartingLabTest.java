package lab.heartbeat.ui;

import lab.heartbeat.ui.lab.StartingLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StartingLabTest {

    @Test
    void theDashboardGetsTheLabThatStartedAlongsideJavaFx() throws InterruptedException {
        FakeLab lab = new FakeLab();
        StartingLab starting = StartingLab.begin(() -> lab);

        assertThat(starting.claim()).isSameAs(lab);
        starting.closeUnclaimed();
        assertThat(lab.closes).as("claimed: the dashboard closes it, not the launcher").hasValue(0);
    }

    @Test
    void claimWaitsForAStartThatIsStillRunning() throws InterruptedException {
        FakeLab lab = new FakeLab();
        CountDownLatch mayFinish = new CountDownLatch(1);
        StartingLab starting = StartingLab.begin(() -> {
            mayFinish.await();
            return lab;
        });
        Thread release = new Thread(mayFinish::countDown);
        release.start();

        assertThat(starting.claim()).isSameAs(lab);
        release.join();
    }

    @Test
    void aLabThatFailedToStartFailsTheClaimWithItsOwnMessage() {
        StartingLab starting = StartingLab.begin(() -> {
            throw new IllegalStateException("port 7000 is in use");
        });

        assertThatThrownBy(starting::claim).isInstanceOf(IllegalStateException.class)
                .hasMessage("port 7000 is in use");
    }

    @Test
    void aLaunchThatNeverClaimedTheLabClosesIt() throws InterruptedException {
        FakeLab lab = new FakeLab();
        StartingLab starting = StartingLab.begin(() -> lab);

        starting.closeUnclaimed();

        assertThat(lab.closes).as("no display: the lab must not outlive the failed launch").hasValue(1);
        assertThatThrownBy(starting::claim).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAFailedStartHasNothingToClose() throws InterruptedException {
        StartingLab starting = StartingLab.begin(() -> {
            throw new IllegalStateException("no loopback");
        });

        starting.closeUnclaimed();
    }

    @Test
    void onlyOneCallerMayClaimTheLab() throws InterruptedException {
        StartingLab starting = StartingLab.begin(FakeLab::new);
        starting.claim();

        assertThatThrownBy(starting::claim).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already claimed");
    }
}
