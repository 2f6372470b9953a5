package chatqa.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per warehouse: a run holds {@code <warehouse>/_LOCK} (its host, process, run id and
 * start) from before it reads the first export until its commit is done, so two runs of a day
 * cannot both commit, one over the other. The lock is created atomically (O_EXCL on a local disk,
 * create-without-overwrite on a cluster file system). A lock left by a process that died is
 * taken over: on this host when its process is gone, from another host when it is older than
 * {@link #STALE_ELSEWHERE}. A second run waits up to its {@code wait}, then refuses, naming the
 * holder. The staging and journal protocol of {@link DayPartitions} is unchanged underneath.
 */
public final class WarehouseLock implements AutoCloseable {
    static final String FILE = "_LOCK";
    /** No run takes this long; a lock from another host this old belongs to a process that died. */
    static final Duration STALE_ELSEWHERE = Duration.ofHours(24);
    private static final long POLL_MS = 1000;

    private final FileSystem fs;
    private final Path file;
    private final String content;

    private WarehouseLock(FileSystem fs, Path file, String content) {
        this.fs = fs;
        this.file = file;
        this.content = content;
    }

    /** The warehouse is held by another run. */
    public static final class Held extends IOException {
        Held(String message) {
            super(message);
        }
    }

    /** Takes the lock of {@code warehouse} for {@code runId}, waiting up to {@code wait} for another run to finish. */
    public static WarehouseLock acquire(String warehouse, Configuration conf, String runId, Duration wait) throws IOException {
        Path root = new Path(warehouse);
        FileSystem fs = root.getFileSystem(conf);
        fs.mkdirs(root);
        Path file = fs.makeQualified(new Path(root, FILE));
        String content = DayPartitions.owner() + "\n" + runId + "\n" + Instant.now() + "\n";
        long until = System.currentTimeMillis() + wait.toMillis();
        while (true) {
            if (create(fs, file, content)) {
                return new WarehouseLock(fs, file, content);
            }
            String holder = read(fs, file);
            if (holder != null && isStale(fs, file, holder)) {
                // Take over only the lock we judged stale: another run may have replaced it meanwhile.
                if (holder.equals(read(fs, file))) {
                    fs.delete(file, false);
                }
                continue;
            }
            if (System.currentTimeMillis() >= until) {
                throw new Held("the warehouse " + warehouse + " is being written by another run (" + describe(holder)
                        + "); wait for it to finish (--wait-for-lock SECONDS), or, if that process is gone, delete " + file);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock of " + warehouse, e);
            }
        }
    }

    /** Releases the lock, if it is still ours. */
    @Override
    public void close() throws IOException {
        if (content.equals(read(fs, file))) {
            fs.delete(file, false);
        }
    }

    private static boolean create(FileSystem fs, Path file, String content) throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            // Hadoop's local create checks and creates in two steps; the JDK's CREATE_NEW is one.
            java.nio.file.Path local = java.nio.file.Path.of(file.toUri());
            try {
                Files.writeString(local, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    private static boolean isStale(FileSystem fs, Path file, String holder) throws IOException {
        long changed;
        try {
            changed = fs.getFileStatus(file).getModificationTime();
        } catch (java.io.FileNotFoundException e) {
            return true;
        }
        return !DayPartitions.isAlive(holder.lines().findFirst().orElse(""), changed, STALE_ELSEWHERE.toMillis());
    }

    private static String describe(String holder) {
        if (holder == null) {
            return "unknown holder";
        }
        String[] lines = holder.split("\n");
        return "run " + (lines.length > 1 ? lines[1] : "?") + " of process " + lines[0] + (lines.length > 2 ? ", since " + lines[2] : "");
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }
}
