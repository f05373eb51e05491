package lab.heartbeat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab.heartbeat.testing.SeedPrograms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The codec against the real C seed peers over loopback TCP: what unit bytes cannot prove. */
class SeedInteropTest {

    private EventLoopGroup group;
    private Channel server;
    private final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startAckingServer() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(), FrameEncoder.INSTANCE, new SimpleChannelInboundHandler<Frame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
                                received.add(frame);
                                if (frame.type() == FrameType.HEARTBEAT) {
                                    ctx.writeAndFlush(Frame.heartbeatAck());
                                }
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    @AfterEach
    void stopServer() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void seed000ClientGetsAnAckForEveryRequest() throws Exception {
        Process client = start("seed000_client", "20", "3");
        try {
            assertThat(client.waitFor(10, TimeUnit.SECONDS)).as("seed 000 client counted 3 acks and exited").isTrue();
            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("connected", "ack 1", "ack 2", "ack 3");
            assertThat(client.exitValue()).isZero();
        } finally {
            client.destroyForcibly();
        }
    }

    @Test
    void seed002BeaconsWithZeroLengthArriveAsHeartbeats() throws Exception {
        Process client = start("seed002_client", "20", "3");
        try {
            for (int i = 0; i < 3; i++) {
                Frame frame = received.poll(10, TimeUnit.SECONDS);
                assertThat(frame).as("beacon %d", i + 1).isNotNull();
                assertThat(frame.type()).isEqualTo(FrameType.HEARTBEAT);
            }
        } finally {
            client.destroyForcibly();
        }
    }

    private Process start(String program, String... args) throws IOException {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        String[] command = new String[3 + args.length];
        command[0] = SeedPrograms.executable(program).toString();
        command[1] = "127.0.0.1";
        command[2] = Integer.toString(port);
        System.arraycopy(args, 0, command, 3, args.length);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
