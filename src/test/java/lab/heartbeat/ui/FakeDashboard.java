package lab.heartbeat.ui;

import static lab.heartbeat.ui.DashboardFixture.fx;
import static org.awaitility.Awaitility.await;

import java.util.List;
import javafx.stage.Stage;
import lab.heartbeat.detect.Presets;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.detect.ProfileKind;
import lab.heartbeat.ui.charts.ChartsView;
import org.testfx.api.FxToolkit;

/** A dashboard in a Monocle stage on a {@link FakeLab}, whose clients, states and detections the test makes. */
final class FakeDashboard implements AutoCloseable {
    final FakeLab lab = new FakeLab();
    Dashboard dashboard;

    /** Opens the dashboard on that many clients of one profile kind, named after it, once their rows show. */
    Profile open(ProfileKind kind, int clients) throws Exception {
        FxToolkit.registerPrimaryStage();
        Profile profile = Profile.of(kind, Presets.teaching());
        lab.addClients(kind.label(), clients, profile);
        dashboard = fx(() -> {
            Dashboard d = new Dashboard(lab, (owner, title) -> null);
            d.show(new Stage());
            return d;
        });
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> dashboard.model().connections().rows().size() == clients));
        return profile;
    }

    /** Selects these clients as the table would and waits until the charts show them one by one. */
    void select(List<String> clients) throws Exception {
        fx(() -> {
            dashboard.model().connections().select(clients);
            return null;
        });
        await().atMost(DashboardFixture.PATIENCE).until(() -> fx(() -> !charts().isAggregate()));
    }

    ChartsView charts() throws Exception {
        return fx(() -> dashboard.view().charts());
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        if (dashboard != null) {
            dashboard.close();
        }
    }
}
