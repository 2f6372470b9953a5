package chatqa.ingest;

/** How an export file is laid out. */
public enum ExportFormat {
    /** Delimited text (CSV, TSV); quoted fields may span lines. */
    CSV,
    /** One JSON object per line. */
    JSONL;

    /** The format a file name suggests: .jsonl/.json/.ndjson are JSON Lines, anything else delimited. */
    public static ExportFormat fromFileName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") ? JSONL : CSV;
    }
}
