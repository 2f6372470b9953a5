package chatqa.warehouse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replaces one day's partitions of every table as a unit, surviving a kill at any point.
 *
 * <p>A run writes its tables under {@code <warehouse>/_staging/<run-id>/} (with an {@code _OWNER}
 * file naming its host and process). When all are written, {@link #commit} first writes the
 * journal {@code _COMMITTING} (the day and the tables), then swaps each table's partition by
 * directory renames, then removes the staging folder. Each rename is atomic, so after a kill the
 * journal says exactly what to do: {@link #recover} rolls a journaled commit forward to the new
 * partitions, and deletes the staging folder of a run that died before its journal (the day's
 * previous partitions were never touched). Every reader and writer of the warehouse recovers
 * first. Other days are never touched.
 */
public final class DayPartitions {
    static final String STAGING = "_staging";
    static final String JOURNAL = "_COMMITTING";
    static final String OWNER = "_OWNER";
    static final String REPLACED = "_replaced";
    /** A commit is a few renames; a journal this old belongs to a process that died. */
    static final long STALE_JOURNAL_MS = 60_000;
    /**
     * Fault injection for the crash test only: the process halts (like SIGKILL: no cleanup) after
     * this many swaps of a commit. Negative: never.
     */
    static final int HALT_AFTER_SWAPS = Integer.getInteger("chatqa.fault.halt-after-swaps", -1);
    /** A run that has written nothing for this long on another host is taken as dead. */
    static final long STALE_RUN_MS = 24 * 3600_000L;

    private final FileSystem fs;
    private final Path warehouse;
    private final Path staging;

    /** Opens the run's staging folder; the day is named at the commit, when the data has told it. */
    public DayPartitions(String warehouse, String runId, Configuration conf) throws IOException {
        this.warehouse = new Path(warehouse);
        this.fs = this.warehouse.getFileSystem(conf);
        this.staging = new Path(this.warehouse, STAGING + "/" + runId);
        fs.mkdirs(staging);
        write(new Path(staging, OWNER), owner());
    }

    /** Where a run writes {@code table} before the commit. */
    public String stagingPath(String table) {
        return new Path(staging, table).toString();
    }

    public String partitionPath(String table, String day) {
        return partition(warehouse, table, day).toString();
    }

    private static Path partition(Path warehouse, String table, String day) {
        return new Path(new Path(warehouse, table), "dt=" + day);
    }

    /** Moves every staged table into place, replacing the day's previous partition. */
    public void commit(String day, List<String> tables) throws IOException {
        for (String table : tables) {
            if (!fs.exists(new Path(stagingPath(table)))) {
                throw new IOException("table " + table + " was not staged; nothing committed for " + day);
            }
        }
        write(new Path(staging, JOURNAL), day + "\n" + String.join(",", tables) + "\n" + owner());
        rollForward(fs, warehouse, staging, day, tables);
    }

    /** Removes this run's staging area after a failed run (nothing was committed). */
    public void discard() throws IOException {
        Path journal = new Path(staging, JOURNAL);
        if (fs.exists(journal)) {
            // The journal is written only once every table is staged: finish, never half-undo.
            String[] lines = read(fs, journal).split("\n");
            rollForward(fs, warehouse, staging, lines[0], Arrays.asList(lines[1].split(",")));
            return;
        }
        fs.delete(staging, true);
        removeEmptyStagingRoot(fs, warehouse);
    }

    /**
     * Finishes commits interrupted by a kill and clears the staging folders of dead runs. Returns
     * the days rolled forward. Safe to call at any time from any process: a run that is alive
     * (its process on this host, or recent activity on another) is left alone.
     */
    public static List<String> recover(String warehouse, Configuration conf) throws IOException {
        Path root = new Path(warehouse);
        FileSystem fs = root.getFileSystem(conf);
        Path stagingRoot = new Path(root, STAGING);
        List<String> days = new ArrayList<>();
        if (!fs.exists(stagingRoot)) {
            return days;
        }
        for (FileStatus run : fs.listStatus(stagingRoot)) {
            Path dir = run.getPath();
            Path journal = new Path(dir, JOURNAL);
            if (fs.exists(journal)) {
                String[] lines = read(fs, journal).split("\n");
                if (isAlive(lines.length > 2 ? lines[2] : "", fs.getFileStatus(journal).getModificationTime(), STALE_JOURNAL_MS)) {
                    continue;
                }
                rollForward(fs, root, dir, lines[0], Arrays.asList(lines[1].split(",")));
                days.add(lines[0]);
            } else {
                Path owner = new Path(dir, OWNER);
                String who = fs.exists(owner) ? read(fs, owner) : "";
                if (!isAlive(who, latestChange(fs, dir), STALE_RUN_MS)) {
                    fs.delete(dir, true);
                }
            }
        }
        removeEmptyStagingRoot(fs, root);
        return days;
    }

    /** The journaled swap; every step can be repeated after a kill and ends in the same state. */
    private static void rollForward(FileSystem fs, Path warehouse, Path staging, String day, List<String> tables) throws IOException {
        Path replaced = new Path(staging, REPLACED);
        fs.mkdirs(replaced);
        int swaps = 0;
        for (String table : tables) {
            if (swaps++ == HALT_AFTER_SWAPS) {
                Runtime.getRuntime().halt(137);
            }
            Path staged = new Path(staging, table);
            if (!fs.exists(staged)) {
                continue; // already moved into place before the kill
            }
            Path target = partition(warehouse, table, day);
            fs.mkdirs(target.getParent());
            Path aside = new Path(replaced, table);
            if (fs.exists(target) && !fs.rename(target, aside)) {
                throw new IOException("could not move aside " + target + "; run chatqa again to finish the commit of " + day);
            }
            if (!fs.rename(staged, target)) {
                throw new IOException("could not move " + staged + " to " + target + "; run chatqa again to finish the commit of " + day);
            }
        }
        fs.delete(staging, true);
        removeEmptyStagingRoot(fs, warehouse);
    }

    private static void removeEmptyStagingRoot(FileSystem fs, Path warehouse) throws IOException {
        Path root = new Path(warehouse, STAGING);
        if (fs.exists(root) && fs.listStatus(root).length == 0) {
            fs.delete(root, false);
        }
    }

    /** "host pid" of this process. */
    static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        return host + " " + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** On this host we can ask whether the process lives; elsewhere only recent activity tells. */
    static boolean isAlive(String owner, long lastChangeMs, long staleAfterMs) {
        String[] parts = owner.trim().split(" ");
        String self = owner();
        if (parts.length == 2 && parts[0].equals(self.split(" ")[0])) {
            try {
                long pid = Long.parseLong(parts[1]);
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return System.currentTimeMillis() - lastChangeMs < staleAfterMs;
    }

    private static long latestChange(FileSystem fs, Path dir) throws IOException {
        long latest = fs.getFileStatus(dir).getModificationTime();
        for (FileStatus f : fs.listStatus(dir)) {
            latest = Math.max(latest, f.getModificationTime());
        }
        return latest;
    }

    /** Writes beside and renames, so a reader never sees half a journal. */
    private void write(Path file, String text) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("could not write " + file);
        }
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
