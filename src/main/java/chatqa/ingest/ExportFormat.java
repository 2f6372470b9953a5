package chatqa.ingest;

/** How an export file is laid out. */
public enum ExportFormat {
    /** Delimited text (CSV, TSV); quoted fields may span lines. */
    CSV,
    /** One JSON object per line. */
    JSONL,
    /** An Excel workbook (.xlsx): one sheet's rows, the first its header. */
    XLSX,
    /** The chat-window copy agents paste into a text file: 昵称 time lines, each followed by its text. */
    CHAT_COPY,
    /** Qiyu's export zip: session.txt and message.txt, JSON Lines, messages read with their session. */
    QIYU_ZIP,
    /** Alibaba Cloud SCA's text upload: one JSON document of tickets, each with its dialogue. */
    SCA_TICKETS;

    /** The format a file name suggests: .jsonl/.json/.ndjson are JSON Lines, .xlsx a workbook, anything else delimited. */
    public static ExportFormat fromFileName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".xlsx")) {
            return XLSX;
        }
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") ? JSONL : CSV;
    }
}
