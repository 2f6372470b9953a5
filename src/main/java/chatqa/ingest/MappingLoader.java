package chatqa.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import chatqa.config.ConfigError;
import chatqa.config.YamlTree;
import chatqa.model.Role;

/** Reads an export mapping (YAML, see docs/mappings.md); errors name the file, line and key. */
public final class MappingLoader {
    private static final Set<String> KEYS = Set.of("description", "format", "delimiter", "quote", "header", "encoding",
            "columns", "roles", "defaults", "timestamp_formats", "time_format", "expected_columns", "account_prefix", "sub_accounts",
            "bot_when", "sheet", "kind", "kinds", "ratings", "transcript");

    /** The mappings shipped in the jar, by name (--mapping NAME). */
    public static final List<String> BUILT_IN = List.of("jddc", "jd-chatlog", "taobao-chatlog", "taobao-chat-copy", "pdd-chat", "pdd-xlsx",
            "qiyu-export", "udesk-im", "meiqia", "aliyun-sca");

    private MappingLoader() {
    }

    /**
     * The built-in mapping (or the canonical schema) whose named columns share the most names with
     * {@code header}, as "name (k of n columns)", with the option to use when a built-in mapping
     * finds every column it names; null when none shares any.
     */
    public static String closestBuiltIn(List<String> header) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        header.forEach(h -> seen.add(h.strip().toLowerCase(Locale.ROOT)));
        String best = null;
        long most = 0;
        Map<String, ExportMapping> candidates = new LinkedHashMap<>();
        candidates.put(null, ExportMapping.canonical());
        BUILT_IN.forEach(name -> candidates.put(name, load(name)));
        for (Map.Entry<String, ExportMapping> e : candidates.entrySet()) {
            ExportMapping m = e.getValue();
            // The optional rating column tells no layout apart.
            List<Column> named = m.columns().entrySet().stream().filter(c -> !c.getKey().optional())
                    .map(Map.Entry::getValue).filter(c -> !c.byIndex()).toList();
            long shared = named.stream().filter(c -> seen.contains(c.name().strip().toLowerCase(Locale.ROOT))).count();
            if (shared > most) {
                most = shared;
                best = m.source() + " (" + shared + " of " + named.size() + " columns"
                        + (e.getKey() != null && shared == named.size() ? ": run with --mapping " + e.getKey() : "") + ")";
            }
        }
        return best;
    }

    /**
     * Where the built-in mappings of one kind are (a folder under chatqa/mappings/), by which names,
     * the option that names them, and whether they read --ratings files.
     */
    record Shelf(String option, String folder, List<String> names, boolean ratingsFile) {
    }

    private static final Shelf EXPORTS = new Shelf("--mapping", "", BUILT_IN, false);

    /**
     * Loads a mapping file, or a built-in mapping by name (e.g. {@code jddc}) when {@code spec} is
     * a bare name and no such file exists.
     */
    public static ExportMapping load(String spec) {
        return load(spec, EXPORTS);
    }

    /** As {@link #load(String)}, from {@code shelf}'s built-in mappings. */
    static ExportMapping load(String spec, Shelf shelf) {
        Path file = Path.of(spec);
        if (!Files.exists(file) && spec.matches("[a-z0-9_-]+")) {
            String name = shelf.folder() + spec + ".yaml";
            try (var in = MappingLoader.class.getResourceAsStream("/chatqa/mappings/" + name)) {
                if (in == null) {
                    throw new ConfigError(shelf.option() + " " + spec + ": no such file, and no built-in mapping of that name (built-in: "
                            + String.join(", ", shelf.names()) + ")");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in:" + name, shelf.ratingsFile());
            } catch (IOException e) {
                throw new ConfigError(shelf.option() + " " + spec + ": " + e.getMessage());
            }
        }
        return read(file, shelf.ratingsFile());
    }

    private static ExportMapping read(Path file, boolean ratingsFile) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), ratingsFile);
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot read the mapping: " + e.getMessage());
        }
    }

    /** The mapping {@code spec} names (see {@link #load(String)}), or the canonical schema when it is null. */
    public static ExportMapping loadOrCanonical(String spec) {
        return spec == null ? ExportMapping.canonical() : load(spec);
    }

    public static ExportMapping load(Path file) {
        return read(file, false);
    }

    public static ExportMapping parse(String yaml, String source) {
        return parse(yaml, source, false);
    }

    /**
     * Parses a mapping; with {@code ratingsFile}, one of a --ratings file ({@link RatingsMappings}):
     * it maps {@code rating} and the keys that find the rated conversation, no text and no sender.
     */
    static ExportMapping parse(String yaml, String source, boolean ratingsFile) {
        YamlTree root = YamlTree.parse(yaml, source);
        root.rejectUnknownKeys(KEYS);
        ExportFormat format = null;
        YamlTree formatNode = root.get("format");
        if (formatNode != null) {
            format = switch (formatNode.text().trim().toLowerCase(Locale.ROOT)) {
                case "csv", "tsv" -> ExportFormat.CSV;
                case "jsonl", "json" -> ExportFormat.JSONL;
                case "xlsx" -> ExportFormat.XLSX;
                case "chat-copy" -> ExportFormat.CHAT_COPY;
                case "qiyu-zip" -> ExportFormat.QIYU_ZIP;
                case "sca-tickets" -> ExportFormat.SCA_TICKETS;
                case "auto" -> null;
                default -> throw formatNode.error("expected csv, tsv, jsonl, xlsx, chat-copy, qiyu-zip, sca-tickets or auto");
            };
        }
        // "format: tsv" means tab-separated even for .txt/.csv file names.
        boolean tsv = formatNode != null && "tsv".equalsIgnoreCase(formatNode.text().trim());
        Character delimiter = singleChar(root, "delimiter", tsv ? '\t' : null);
        Character quote = '"';
        YamlTree quoteNode = root.get("quote");
        if (quoteNode != null) {
            quote = "none".equals(quoteNode.text()) ? null : singleChar(root, "quote", '"');
        }
        boolean header = root.bool("header", true);
        String encoding = encoding(root.get("encoding"));
        Map<CanonicalField, Column> columns = columns(root.required("columns"), header);
        Map<String, Role> roles = roles(root.get("roles"));
        Map<CanonicalField, String> defaults = defaults(root.get("defaults"));
        int expected = root.integer("expected_columns", 0);
        if (expected < 0 || (header && expected != 0)) {
            throw root.required("expected_columns").error("only for files without header, and at least 1");
        }
        for (Map.Entry<CanonicalField, Column> e : columns.entrySet()) {
            if (expected > 0 && e.getValue().index() >= expected) {
                throw root.required("columns").error(e.getKey().column() + " points at column " + e.getValue().index()
                        + " but expected_columns is " + expected);
            }
        }
        boolean transcript = root.bool("transcript", false);
        if (ratingsFile) {
            if (!columns.containsKey(CanonicalField.RATING)) {
                throw root.required("columns").error("a ratings mapping must map 'rating'");
            }
            if (columns.containsKey(CanonicalField.TEXT) || columns.containsKey(CanonicalField.SENDER_ROLE) || transcript) {
                throw root.required("columns").error("a ratings file has no messages: map no text, sender_role or transcript");
            }
            defaults.putAll(RatingsMappings.ROW_DEFAULTS);
        } else if (transcript && !columns.containsKey(CanonicalField.TEXT)) {
            throw root.required("columns").error("a transcript mapping must map 'text' (the column holding the conversation)");
        }
        if (transcript && columns.containsKey(CanonicalField.SENDER_ROLE)) {
            throw root.required("columns").error("a transcript names each message's speaker: sender_role has no column");
        }
        if (!ratingsFile && !transcript && (!columns.containsKey(CanonicalField.TEXT) || !columns.containsKey(CanonicalField.SENDER_ROLE))) {
            throw root.required("columns").error("must map at least 'text' and 'sender_role'");
        }
        if (!columns.containsKey(CanonicalField.CONVERSATION_ID) && !columns.containsKey(CanonicalField.CUSTOMER_ID)) {
            throw root.required("columns").error("must map 'conversation_id' or 'customer_id' (to group messages into conversations)");
        }
        ExportMapping.Accounts accounts = new ExportMapping.Accounts(root.string("account_prefix", ""), root.bool("sub_accounts", false));
        Column botWhen = null;
        YamlTree bot = root.get("bot_when");
        if (bot != null) {
            if (!header) {
                throw bot.error("bot_when names a column, which needs a header");
            }
            botWhen = Column.named(bot.text().trim());
        }
        return new ExportMapping(source, format, delimiter, quote, header, encoding, columns, roles, defaults,
                timeFormats(root), expected, accounts, botWhen, root.string("sheet", null),
                root.get("kind") == null ? null : Column.named(root.required("kind").text().trim()), ratings(root.get("ratings")),
                kinds(root), transcript);
    }

    /** The kind column's code table: each code a kind word, {@code text} or {@code system}. */
    private static Map<String, String> kinds(YamlTree root) {
        YamlTree node = root.get("kinds");
        Map<String, String> out = new HashMap<>();
        if (node == null) {
            return out;
        }
        if (root.get("kind") == null) {
            throw node.error("kinds: a code table needs kind: the column it reads");
        }
        node.entries().forEach((code, word) -> {
            String w = word.text().trim();
            if (w.isEmpty() || w.contains("[") || w.contains("]")) {
                throw word.error("expected a kind word (图片), text or system for code '" + code + "', got '" + word.text() + "'");
            }
            out.put(code, w);
        });
        return out;
    }

    private static Map<CanonicalField, Column> columns(YamlTree node, boolean header) {
        Map<CanonicalField, Column> out = new EnumMap<>(CanonicalField.class);
        node.entries().forEach((key, value) -> {
            CanonicalField field = CanonicalField.fromColumn(key);
            if (field == null) {
                throw value.error("unknown canonical field '" + key + "' (expected one of: "
                        + String.join(", ", java.util.Arrays.stream(CanonicalField.values()).map(CanonicalField::column).toList()) + ")");
            }
            String v = value.text().trim();
            if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
                out.put(field, Column.at(Integer.parseInt(v)));
            } else if (!header) {
                throw value.error("a file without header needs column indexes (0, 1, …), got '" + v + "'");
            } else {
                out.put(field, Column.named(v));
            }
        });
        return out;
    }

    /**
     * {@code time_format} (one pattern or a list) and its older spelling {@code timestamp_formats};
     * each must be a valid java.time pattern, said at its line rather than on the first row.
     */
    private static List<String> timeFormats(YamlTree root) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("time_format", "timestamp_formats")) {
            for (String p : root.strings(key)) {
                try {
                    DateTimeFormatter.ofPattern(p);
                } catch (IllegalArgumentException e) {
                    throw root.required(key).error("bad time pattern '" + p + "': " + e.getMessage()
                            + " (java.time letters, e.g. yyyy/MM/dd HH:mm:ss)");
                }
                out.add(p);
            }
        }
        return out;
    }

    /** {@code ratings:} raw value → CSAT 1–5. */
    private static Map<String, Integer> ratings(YamlTree node) {
        Map<String, Integer> out = new HashMap<>();
        if (node == null) {
            return out;
        }
        node.entries().forEach((raw, csat) -> {
            int v;
            try {
                v = Integer.parseInt(csat.text().trim());
            } catch (NumberFormatException e) {
                throw csat.error("expected a CSAT from 1 to 5 for rating '" + raw + "', got '" + csat.text() + "'");
            }
            if (v < 1 || v > 5) {
                throw csat.error("expected a CSAT from 1 to 5 for rating '" + raw + "', got " + v);
            }
            out.put(raw, v);
        });
        return out;
    }

    private static Map<String, Role> roles(YamlTree node) {
        Map<String, Role> out = new HashMap<>();
        if (node == null) {
            return out;
        }
        node.entries().forEach((code, role) -> {
            try {
                out.put(code, Role.fromCode(role.text().trim()));
            } catch (IllegalArgumentException e) {
                throw role.error("unknown role '" + role.text() + "' (expected customer, agent, bot or system)");
            }
        });
        return out;
    }

    private static Map<CanonicalField, String> defaults(YamlTree node) {
        Map<CanonicalField, String> out = new EnumMap<>(CanonicalField.class);
        if (node == null) {
            return out;
        }
        node.entries().forEach((key, value) -> {
            CanonicalField field = CanonicalField.fromColumn(key);
            if (field == null || field == CanonicalField.TEXT || field == CanonicalField.SENT_AT || field == CanonicalField.RATING) {
                throw value.error("cannot default '" + key + "' (allowed: conversation_id, message_id, sender_role, agent_id, customer_id, shop_id)");
            }
            out.put(field, value.text());
        });
        return out;
    }

    private static String encoding(YamlTree node) {
        if (node == null) {
            return "auto";
        }
        if ("auto".equalsIgnoreCase(node.text().trim())) {
            return "auto";
        }
        FileEncoding e = FileEncoding.fromName(node.text());
        if (e == null) {
            throw node.error("expected auto, UTF-8, GBK (GB18030), Big5, UTF-16LE or UTF-16BE, got '" + node.text() + "'");
        }
        return e.label();
    }

    private static Character singleChar(YamlTree root, String key, Character fallback) {
        YamlTree node = root.get(key);
        if (node == null) {
            return fallback;
        }
        String v = node.text();
        if ("\\t".equals(v) || "tab".equalsIgnoreCase(v)) {
            return '\t';
        }
        if (v.length() != 1) {
            throw node.error("expected one character (or \\t / tab), got '" + v + "'");
        }
        return v.charAt(0);
    }

}
