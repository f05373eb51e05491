package lab.heartbeat.ui.status;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.heartbeat.ui.lab.FaultStatus;
import lab.heartbeat.ui.lab.LabGateway;
import lab.heartbeat.ui.lab.RaceSnapshot;

/**
 * The status bar's view model: the outcome of the last command, the shown lab (its name,
 * transport, port and fault backend) and how many of its clients are up. It knows no node.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper transport = new ReadOnlyStringWrapper(this, "transport", "");
    private final ReadOnlyIntegerWrapper port = new ReadOnlyIntegerWrapper(this, "port");
    private final ReadOnlyIntegerWrapper clientsUp = new ReadOnlyIntegerWrapper(this, "clientsUp");
    private final ReadOnlyIntegerWrapper clientCount = new ReadOnlyIntegerWrapper(this, "clientCount");
    private final ReadOnlyObjectWrapper<FaultStatus> faultStatus = new ReadOnlyObjectWrapper<>(this, "faultStatus",
            FaultStatus.NONE);
    private final ReadOnlyStringWrapper labName = new ReadOnlyStringWrapper(this, "labName", RaceSnapshot.LIVE);

    public StatusViewModel(LabGateway lab) {
        transport.set(lab.transport());
        port.set(lab.port());
        faultStatus.set(lab.faultStatus());
    }

    /** Another lab is shown. */
    public void switchTo(LabGateway lab) {
        transport.set(lab.transport());
        port.set(lab.port());
        labName.set(lab.name());
        faultStatus.set(lab.faultStatus());
    }

    public void clients(int up, int count) {
        clientsUp.set(up);
        clientCount.set(count);
    }

    /** Shows the outcome of something the user did. */
    public void showMessage(String text) {
        message.set(text);
    }

    /** The outcome of the last command. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty transportProperty() {
        return transport.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty clientsUpProperty() {
        return clientsUp.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty clientCountProperty() {
        return clientCount.getReadOnlyProperty();
    }

    /** The shown lab's fault backend, namespace and what it cannot do. */
    public ReadOnlyObjectProperty<FaultStatus> faultStatusProperty() {
        return faultStatus.getReadOnlyProperty();
    }

    /** Whose lab the dashboard shows: {@link RaceSnapshot#LIVE}, or a scenario run's name. */
    public ReadOnlyStringProperty labNameProperty() {
        return labName.getReadOnlyProperty();
    }
}
