package lab.heartbeat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import lab.heartbeat.ui.attach.AttachViewModel;
import lab.heartbeat.ui.lab.LabsGateway;
import org.junit.jupiter.api.Test;

/** "Attach to lab…" without a window: what the OK button may do, and a failure kept for the dialog. */
class AttachViewModelTest {
    private final List<String> status = new ArrayList<>();

    @Test
    void onlyHostColonPortWithAPortInRangeCanBeAttached() {
        assertThat(AttachViewModel.isHostPort("127.0.0.1:7070")).isTrue();
        assertThat(AttachViewModel.isHostPort(" lab-host.example:1 ")).isTrue();
        assertThat(AttachViewModel.isHostPort("[::1]:65535")).isTrue();
        assertThat(AttachViewModel.isHostPort("127.0.0.1")).isFalse();
        assertThat(AttachViewModel.isHostPort("127.0.0.1:")).isFalse();
        assertThat(AttachViewModel.isHostPort("127.0.0.1:0")).isFalse();
        assertThat(AttachViewModel.isHostPort("127.0.0.1:65536")).isFalse();
        assertThat(AttachViewModel.isHostPort("http://127.0.0.1:7070")).isFalse();
        assertThat(AttachViewModel.isHostPort(null)).isFalse();
    }

    @Test
    void theButtonFollowsTheAddressAndAFailureStaysForTheDialogUntilTheAddressChanges() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        try (LabsGateway labs = new LabsGateway(new FakeLab(), System::nanoTime)) {
            AttachViewModel model = new AttachViewModel(labs, Runnable::run, Runnable::run, status::add);
            assertThat(model.canAttachProperty().get()).isFalse();
            model.addressProperty().set("127.0.0.1:" + free);
            assertThat(model.canAttachProperty().get()).isTrue();
            List<String> closed = new ArrayList<>();

            model.attach(() -> closed.add("closed"));

            assertThat(model.errorProperty().get()).startsWith("no lab answers at 127.0.0.1:" + free);
            assertThat(closed).as("the dialog stays open").isEmpty();
            assertThat(model.attached()).isEmpty();
            assertThat(model.busyProperty().get()).isFalse();
            model.addressProperty().set("127.0.0.1:" + free + "1");
            assertThat(model.errorProperty().get()).isEmpty();
        }
    }

    @Test
    void aDashboardWithoutLabsToAttachToSaysSo() {
        AttachViewModel model = new AttachViewModel(null, Runnable::run, Runnable::run, status::add);
        model.addressProperty().set("127.0.0.1:7070");

        model.attach(() -> { });

        assertThat(model.errorProperty().get()).isEqualTo("this dashboard cannot attach labs");
    }
}
