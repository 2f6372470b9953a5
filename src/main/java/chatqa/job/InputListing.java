package chatqa.job;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import chatqa.ingest.InputFile;

/**
 * Expands the --input paths (files or folders, local or on a cluster file system) into the
 * run's sorted list of export files, each with its size and SHA-256 for the run manifest.
 * Folders are searched recursively for export files; hidden files and other kinds are skipped,
 * and workbooks and archives among them are named so the summary can say why they were not read.
 */
final class InputListing {
    private static final Set<String> EXTENSIONS = Set.of("csv", "tsv", "txt", "jsonl", "json", "ndjson", "xlsx");
    /** Kinds of file people put beside their exports that chatqa does not read, and what to do about them. */
    private static final Map<String, String> NOT_READ = Map.of(
            "xls", "an old Excel workbook: save it as \"CSV UTF-8\" (chatqa reads CSV, TSV, JSON Lines and .xlsx)",
            "zip", "a zip archive: unpack it and pass the files inside",
            "gz", "a compressed file: unpack it first",
            "7z", "an archive: unpack it first",
            "rar", "an archive: unpack it first");

    private InputListing() {
    }

    /** The export files to read, and the files in the input folders that were passed over, with why. */
    record Listing(List<InputFile> files, List<String> skipped) {
    }

    static Listing expand(List<String> inputs, Configuration conf) throws IOException {
        return expand(inputs, conf, false);
    }

    /** With {@code zips}, zip archives in the folders are exports too (the mapping reads them: Qiyu's). */
    static Listing expand(List<String> inputs, Configuration conf, boolean zips) throws IOException {
        List<String> paths = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String input : inputs) {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new IOException("--input " + input + ": no such file or folder");
            }
            collect(fs, fs.getFileStatus(p), true, zips, paths, skipped);
        }
        List<String> sorted = paths.stream().distinct().sorted().toList();
        List<InputFile> files = new ArrayList<>();
        for (String path : sorted) {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            files.add(new InputFile(path, files.size(), fs.getFileStatus(p).getLen(), sha256(fs, p)));
        }
        return new Listing(files, skipped.stream().sorted().toList());
    }

    private static void collect(FileSystem fs, FileStatus status, boolean named, boolean zips, List<String> out, List<String> skipped)
            throws IOException {
        String name = status.getPath().getName();
        if (!named && (name.startsWith(".") || name.startsWith("_"))) {
            return;
        }
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                collect(fs, child, false, zips, out, skipped);
            }
        } else if (named || EXTENSIONS.contains(extension(name)) || (zips && extension(name).equals("zip"))) {
            out.add(status.getPath().toString());
        } else if (NOT_READ.containsKey(extension(name))) {
            skipped.add(status.getPath().toString() + ": skipped, " + NOT_READ.get(extension(name)));
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(FileSystem fs, Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
