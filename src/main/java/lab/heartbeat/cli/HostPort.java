package lab.heartbeat.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code HOST:PORT} (and {@code [v6]:PORT}) into an unresolved address, checking the port. */
final class HostPort implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
        return parse(value, 1);
    }

    /** {@code HOST:PORT} with a port from {@code lowestPort} to 65535. */
    static InetSocketAddress parse(String value, int lowestPort) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException("expected HOST:PORT, e.g. 127.0.0.1:8898, got '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("port must be a number in '" + value + "'");
        }
        if (port < lowestPort || port > 65535) {
            throw new TypeConversionException("port must be between " + lowestPort + " and 65535 in '" + value + "'");
        }
        return new InetSocketAddress(host, port);
    }
}
