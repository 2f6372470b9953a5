package chatqa.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replaces one day's partitions of every table as a unit. A run writes its tables under
 * {@code <warehouse>/_staging/<run-id>/}; only when all are written does {@link #commit} move
 * them into {@code <table>/dt=<day>/}, each swap a directory rename. A run that fails before the
 * commit leaves the day's previous output untouched, and other days are never touched.
 */
public final class DayPartitions {
    private final FileSystem fs;
    private final Path warehouse;
    private final Path staging;
    private final String day;

    public DayPartitions(String warehouse, String runId, String day, Configuration conf) throws IOException {
        this.warehouse = new Path(warehouse);
        this.fs = this.warehouse.getFileSystem(conf);
        this.staging = new Path(this.warehouse, "_staging/" + runId);
        this.day = day;
    }

    /** Where a run writes {@code table} before the commit. */
    public String stagingPath(String table) {
        return new Path(staging, table).toString();
    }

    public String partitionPath(String table) {
        return new Path(new Path(warehouse, table), "dt=" + day).toString();
    }

    /** Moves every staged table into place, replacing the day's previous partition. */
    public void commit(List<String> tables) throws IOException {
        for (String table : tables) {
            if (!fs.exists(new Path(stagingPath(table)))) {
                throw new IOException("table " + table + " was not staged; nothing committed for " + day);
            }
        }
        Path old = new Path(staging, "_replaced");
        fs.mkdirs(old);
        List<String> swapped = new ArrayList<>();
        for (String table : tables) {
            Path target = new Path(partitionPath(table));
            fs.mkdirs(target.getParent());
            if (fs.exists(target) && !fs.rename(target, new Path(old, table))) {
                throw new IOException("could not move aside " + target + " (already replaced: " + swapped + ")");
            }
            if (!fs.rename(new Path(stagingPath(table)), target)) {
                throw new IOException("could not move " + stagingPath(table) + " to " + target + " (already replaced: " + swapped + ")");
            }
            swapped.add(table);
        }
        discard();
    }

    /** Removes this run's staging area (after a commit, or after a failed run). */
    public void discard() throws IOException {
        fs.delete(staging, true);
        Path parent = staging.getParent();
        if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
            fs.delete(parent, false);
        }
    }
}
