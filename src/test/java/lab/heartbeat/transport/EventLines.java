package lab.heartbeat.transport;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A listener that keeps reconnect attempts, refusals and accept failures as lines, for tests. */
final class EventLines implements TransportListener {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public ConnectionObserver connectionOpened(ConnectionId id, String remoteAddress, long nanos) {
        return ConnectionObserver.NONE;
    }

    @Override public void clientStateChanged(String client, ClientState state, long nanos) { }

    @Override
    public void reconnectScheduled(String client, int attempt, Duration delay, String err, long nanos) {
        lines.add("reconnect " + attempt + " in " + delay.toMillis() + " ms");
    }

    @Override public void serverStarted(int port, String transport, long nanos) { }
    @Override public void serverStopped(int port, long nanos) { }
    @Override public void unsupported(String client, String what, long nanos) { }

    @Override
    public void connectionRefused(String remoteAddress, String reason, long nanos) {
        lines.add("refused: " + reason);
    }

    @Override
    public void acceptFailed(String reason, Duration retryIn, long nanos) {
        lines.add("accept-failed " + reason + "; retry in " + retryIn.toMillis() + " ms");
    }
}
