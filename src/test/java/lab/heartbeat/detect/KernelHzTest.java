package lab.heartbeat.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the kernel's HZ comes from, and what the lab says when it cannot find it. */
class KernelHzTest {
    @TempDir
    Path dir;

    @Test
    void readsConfigHzFromAGzippedConfig() throws Exception {
        Path gz = dir.resolve("config.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("# CONFIG_HZ_100 is not set\nCONFIG_HZ_1000=y\nCONFIG_HZ=1000\n".getBytes(StandardCharsets.US_ASCII));
        }

        KernelHz hz = KernelHz.read(List.of(dir.resolve("missing.gz"), gz));

        assertThat(hz.hz()).isEqualTo(1000);
        assertThat(hz.note()).isEqualTo("kernel timers at HZ=1000 (CONFIG_HZ in " + gz + ")");
    }

    @Test
    void readsAPlainBootConfig() throws Exception {
        Path plain = Files.writeString(dir.resolve("config-6.1.0"), "CONFIG_HZ_300=y\nCONFIG_HZ=300\n");

        assertThat(KernelHz.read(List.of(plain)).hz()).isEqualTo(300);
    }

    @Test
    void withoutAConfigItAssumes250AndSaysSo() throws Exception {
        Path noHz = Files.writeString(dir.resolve("config"), "CONFIG_PREEMPT=y\n");

        KernelHz hz = KernelHz.read(List.of(dir.resolve("missing.gz"), noHz));

        assertThat(hz.hz()).isEqualTo(250);
        assertThat(hz.note()).startsWith("kernel timers at HZ=250, assumed: no CONFIG_HZ in ").contains("missing.gz");
    }
}
