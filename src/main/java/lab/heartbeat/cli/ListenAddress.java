package lab.heartbeat.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code [HOST:]PORT} for a listening service: loopback unless a host is given; port 0 picks a free one. */
final class ListenAddress implements ITypeConverter<InetSocketAddress> {
    private static final String LOOPBACK = "127.0.0.1";

    @Override
    public InetSocketAddress convert(String value) {
        InetSocketAddress address = HostPort.parse(value.contains(":") ? value : LOOPBACK + ":" + value, 0);
        if (address.isUnresolved()) {
            throw new TypeConversionException("unknown host '" + address.getHostString() + "' in '" + value + "'");
        }
        return address;
    }
}
