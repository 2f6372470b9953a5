package chatqa.ingest;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import chatqa.model.Role;

/**
 * How to read one kind of export into the canonical schema: file layout, encoding, which column
 * holds which field, export-specific role codes, and constant values for fields the export
 * lacks (e.g. the shop). Fields without a column and without a default are absent; a mapping
 * without {@code sent_at} declares an export without timestamps, whose latencies are unknown.
 *
 * @param format    null: decided per file by its name
 * @param delimiter null: ',' for CSV, tab for .tsv files
 * @param quote     null: no quoting at all (fields never contain the delimiter)
 * @param encoding  "auto" (sniffed: see {@link EncodingSniffer}) or the {@link FileEncoding#label()} of a declared one
 * @param expectedColumns for files without header: the exact column count, or 0 for "at least
 *                  enough for the mapped indexes"
 * @param accounts  how the export spells accounts (platform prefixes, 主账号:子账号 sub-accounts)
 * @param botWhen   a column whose true value (true, 1, yes) makes the row a bot message whatever its
 *                  sender says (Udesk's is_welcome), or null
 * @param sheet     the workbook sheet to read (.xlsx), or null: the first with the mapped columns
 * @param ratings   raw rating → CSAT 1–5 (the platform's codes, e.g. Taobao's eval_code 0 → 5); empty:
 *                  the shared scale of chatqa/ingest/ratings.yaml (1–5 as numbers, 非常满意 … 差评)
 * @param kind      a column naming the message's kind (图片, 表情, image …): a message without text
 *                  is kept as {@code [kind]} (it counts for response times) instead of quarantined; or null
 * @param kinds     the kind column's codes and what they mean ({@link RowValidator#applyKind}): a word
 *                  (PDD type 1 → 图片: the row is kept as [图片] whatever its content), {@code text} (the
 *                  content is the message) or {@code system} / {@code system:撤回} (a notice such as a
 *                  recall: neither side wrote it); empty: the column holds the words themselves
 * @param transcript whether each row is a whole conversation, its text a {@link Transcript} of
 *                  speaker and time lines (美洽's conv_content); the roles and times come from it
 */
public record ExportMapping(
        String source,
        ExportFormat format,
        Character delimiter,
        Character quote,
        boolean header,
        String encoding,
        Map<CanonicalField, Column> columns,
        Map<String, Role> roleCodes,
        Map<CanonicalField, String> defaults,
        List<String> timestampFormats,
        int expectedColumns,
        Accounts accounts,
        Column botWhen,
        String sheet,
        Column kind,
        Map<String, Integer> ratings,
        Map<String, String> kinds,
        boolean transcript) implements Serializable {

    /**
     * Account spellings: {@code prefix} is stripped from agent and customer ids (Taobao's
     * {@code cntaobao}); with {@code subAccounts} an agent id {@code 主账号:子账号} is the shop
     * (when the row names none) and the agent.
     */
    public record Accounts(String prefix, boolean subAccounts) implements Serializable {
        public static final Accounts NONE = new Accounts("", false);
    }

    /** A mapping with plain account ids and no bot marker. */
    public ExportMapping(String source, ExportFormat format, Character delimiter, Character quote, boolean header, String encoding,
                         Map<CanonicalField, Column> columns, Map<String, Role> roleCodes, Map<CanonicalField, String> defaults,
                         List<String> timestampFormats, int expectedColumns) {
        this(source, format, delimiter, quote, header, encoding, columns, roleCodes, defaults, timestampFormats, expectedColumns,
                Accounts.NONE, null, null, null, Map.of(), Map.of(), false);
    }

    public ExportMapping {
        accounts = accounts == null ? Accounts.NONE : accounts;
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
        roleCodes = Map.copyOf(roleCodes);
        defaults = defaults.isEmpty() ? Map.of() : new EnumMap<>(defaults);
        timestampFormats = List.copyOf(timestampFormats);
    }

    /** The canonical schema: a header row naming the canonical fields, UTF-8 (or detected GBK). */
    public static ExportMapping canonical() {
        Map<CanonicalField, Column> cols = new EnumMap<>(CanonicalField.class);
        for (CanonicalField f : CanonicalField.values()) {
            cols.put(f, Column.named(f.column()));
        }
        return new ExportMapping("canonical schema", null, null, '"', true, "auto", cols, Map.of(), Map.of(), List.of(), 0);
    }

    /** The same mapping with the file format forced (the --format option). */
    public ExportMapping withFormat(ExportFormat forced) {
        return new ExportMapping(source, forced, delimiter, quote, header, encoding, columns, roleCodes, defaults,
                timestampFormats, expectedColumns, accounts, botWhen, sheet, kind, ratings, kinds, transcript);
    }

    /** Whether this is the canonical schema (no mapping given), which reads a header without sent_at as an export without times. */
    public boolean isCanonical() {
        return CANONICAL.equals(source);
    }

    private static final String CANONICAL = "canonical schema";

    public boolean hasTimestamps() {
        return columns.containsKey(CanonicalField.SENT_AT);
    }

    public ExportFormat formatFor(String fileName) {
        return format != null ? format : ExportFormat.fromFileName(fileName);
    }

    public char delimiterFor(String fileName) {
        if (delimiter != null) {
            return delimiter;
        }
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
    }
}
