package lab.heartbeat.ui.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javax.imageio.ImageIO;

/**
 * Writes PNG images of nodes. The snapshot is taken on the FX thread (the only place it can be);
 * encoding and writing happen on the given executor so that the FX thread does no file I/O.
 */
public final class ChartExporter {
    private final Executor io;

    public ChartExporter(Executor io) {
        this.io = io;
    }

    /** Call on the FX thread; completes with the files written. Names are used as {@code name.png}. */
    public CompletableFuture<List<Path>> export(Map<String, ? extends Node> nodes, Path folder) {
        Map<String, BufferedImage> images = images(nodes);
        return CompletableFuture.supplyAsync(() -> write(images, folder), io);
    }

    /** Snapshots the nodes as images; call on the FX thread. */
    public static Map<String, BufferedImage> images(Map<String, ? extends Node> nodes) {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        nodes.forEach((name, node) -> images.put(name, SwingFXUtils.fromFXImage(node.snapshot(null, null), null)));
        return images;
    }

    /** Writes the images as {@code name.png} into the folder; any thread. */
    public static List<Path> write(Map<String, BufferedImage> images, Path folder) {
        try {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, BufferedImage> e : images.entrySet()) {
                Path file = folder.resolve(e.getKey() + ".png");
                if (!ImageIO.write(e.getValue(), "png", file.toFile())) {
                    throw new IOException("no PNG writer for " + file);
                }
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
