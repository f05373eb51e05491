package lab.heartbeat.ui.connections;

import javafx.beans.property.ReadOnlyObjectWrapper;
import lab.heartbeat.telemetry.DataCount;

import lab.heartbeat.ui.parameters.ProfileVersions;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.heartbeat.detect.Profile;
import lab.heartbeat.telemetry.Detection;
import lab.heartbeat.telemetry.EndpointView;
import lab.heartbeat.transport.KernelTcpInfo;
import lab.heartbeat.ui.lab.LabNames;

/**
 * One client's row in the connections table. Updated in place every tick, so the table keeps its
 * selection and only the cells whose value changed repaint.
 */
public final class ConnectionRow {
    private final String client;
    private final String name;
    private final String lab;
    private final String profile;
    private final ReadOnlyObjectWrapper<StateBadge> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyDoubleWrapper rttMs = new ReadOnlyDoubleWrapper(this, "rttMs", Double.NaN);
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper acked = new ReadOnlyLongWrapper(this, "acked");
    private final ReadOnlyIntegerWrapper misses = new ReadOnlyIntegerWrapper(this, "misses");
    private final ReadOnlyLongWrapper reconnects = new ReadOnlyLongWrapper(this, "reconnects");
    private final ReadOnlyLongWrapper probes = new ReadOnlyLongWrapper(this, "probes", -1);
    private final ReadOnlyLongWrapper retransmits = new ReadOnlyLongWrapper(this, "retransmits", -1);
    private final ReadOnlyObjectWrapper<DataCount> data = new ReadOnlyObjectWrapper<>(this, "data", DataCount.NONE);
    private final ReadOnlyLongWrapper unacked = new ReadOnlyLongWrapper(this, "unacked", -1);
    private final ReadOnlyStringWrapper lastDetection = new ReadOnlyStringWrapper(this, "lastDetection", "");
    private final ReadOnlyIntegerWrapper paramsVersion = new ReadOnlyIntegerWrapper(this, "paramsVersion", 1);
    private final ReadOnlyBooleanWrapper paramsOutdated = new ReadOnlyBooleanWrapper(this, "paramsOutdated");
    private final ReadOnlyStringWrapper paramsLabel = new ReadOnlyStringWrapper(this, "paramsLabel", "");
    private final ReadOnlyStringWrapper paramsDifferences = new ReadOnlyStringWrapper(this, "paramsDifferences", "");
    private Detection shownDetection;
    /** The version of the races the detection was stated with. */
    private int statedWith = -1;
    /** The profile the params were judged for, and the edit count then: judged again when either changes. */
    private Profile judgedSpec;
    private int judgedEdits = -1;
    /** The tick that last saw this client, to drop the rows of removed ones. */
    long seenTick;

    ConnectionRow(String client, String profile) {
        this.client = client;
        this.name = LabNames.nameOf(client);
        this.lab = LabNames.labOf(client);
        this.profile = profile;
    }

    /** Shows the client's latest figures; {@code delays} states its last detection as the race does. */
    void update(EndpointView v, DetectionDelays delays) {
        state.set(StateBadge.of(v));
        rttMs.set(v.rttLastMs());
        sent.set(v.heartbeatsSent());
        acked.set(v.acksReceived());
        misses.set(v.misses());
        reconnects.set(v.reconnectAttempts());
        KernelTcpInfo k = v.kernel();
        probes.set(k == null ? -1 : k.probes());
        retransmits.set(k == null ? -1 : k.totalRetrans());
        data.set(v.data());
        unacked.set(k == null ? -1 : k.unacked());
        if (v.lastDetection() != shownDetection || delays.version() != statedWith) {
            shownDetection = v.lastDetection();
            statedWith = delays.version();
            lastDetection.set(delays.label(shownDetection));
        }
    }

    /** Judges the client's parameters ({@code spec}, as the lab runs them) against the current versions. */
    void params(Profile spec, ProfileVersions versions) {
        int edits = versions.edits();
        if (spec == judgedSpec && edits == judgedEdits) {
            return;
        }
        judgedSpec = spec;
        judgedEdits = edits;
        ProfileVersions.Params p = versions.paramsOf(spec);
        paramsVersion.set(p.version());
        paramsOutdated.set(p.outdated());
        paramsDifferences.set(p.differences());
        paramsLabel.set(spec == null ? "" : p.label());
    }

    /** The dashboard's name of the client: unique across labs ({@link LabNames}). */
    public String client() {
        return client;
    }

    /** The client's name in its own lab. */
    public String name() {
        return name;
    }

    /** {@link LabNames#LOCAL}, or the attached lab's {@code host:port}. */
    public String lab() {
        return lab;
    }

    public boolean local() {
        return lab.equals(LabNames.LOCAL);
    }

    public String profile() {
        return profile;
    }

    public ReadOnlyObjectProperty<StateBadge> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StateBadge state() {
        return state.get();
    }

    public ReadOnlyDoubleProperty rttMsProperty() {
        return rttMs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty ackedProperty() {
        return acked.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty missesProperty() {
        return misses.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty reconnectsProperty() {
        return reconnects.getReadOnlyProperty();
    }

    /** Keepalive probes out now, -1 when the transport cannot read the kernel. */
    public ReadOnlyLongProperty probesProperty() {
        return probes.getReadOnlyProperty();
    }

    /** Retransmissions over the connection's life, -1 when unknown. */
    /** The client's DATA frames: sent, delivered to the server, lost with connections that ended. */
    public ReadOnlyObjectProperty<DataCount> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty retransmitsProperty() {
        return retransmits.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty unackedProperty() {
        return unacked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastDetectionProperty() {
        return lastDetection.getReadOnlyProperty();
    }

    /** {@code v2}, {@code v1 (old)}, {@code custom (old)}: what the params column shows. */
    public ReadOnlyStringProperty paramsLabelProperty() {
        return paramsLabel.getReadOnlyProperty();
    }

    public String paramsLabel() {
        return paramsLabel.get();
    }

    /** How an outdated client's parameters differ from a new client's, e.g. {@code heartbeatInterval 1s (now 500ms)}. */
    public String paramsDifferences() {
        return paramsDifferences.get();
    }

    public ReadOnlyStringProperty paramsDifferencesProperty() {
        return paramsDifferences.getReadOnlyProperty();
    }

    public int paramsVersion() {
        return paramsVersion.get();
    }

    public boolean paramsOutdated() {
        return paramsOutdated.get();
    }
}
