package chatqa.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import chatqa.config.ConfigError;

/**
 * How to read a separate ratings file ({@code --ratings}): the customers' ratings of
 * conversations, exported apart from the chats (Taobao's kefueval records, a shop's CSAT survey).
 * Its rows go through the export readers and {@link RowValidator} like messages — accounts,
 * times and rating codes read the same way — and are then joined onto the conversations they rate
 * ({@link RatingJoin}). Built-in layouts live in {@code chatqa/mappings/ratings/}; the canonical
 * one is a header naming canonical fields, {@code rating} and any of {@code conversation_id,
 * shop_id, agent_id, customer_id, sent_at}.
 */
public final class RatingsMappings {
    /** The built-in ratings layouts, by name. */
    public static final List<String> BUILT_IN = List.of("taobao-kefueval");
    /** What a rating row is as a message: a system line, never shown or scored (it becomes the conversation's rating). */
    static final Map<CanonicalField, String> ROW_DEFAULTS = Map.of(CanonicalField.SENDER_ROLE, "system", CanonicalField.TEXT, "rating");
    private static final List<CanonicalField> CANONICAL = List.of(CanonicalField.CONVERSATION_ID, CanonicalField.SHOP_ID,
            CanonicalField.AGENT_ID, CanonicalField.CUSTOMER_ID, CanonicalField.SENT_AT, CanonicalField.RATING);

    private RatingsMappings() {
    }

    private static final MappingLoader.Shelf SHELF = new MappingLoader.Shelf("--ratings-mapping", "ratings/", BUILT_IN, true);

    /** A ratings mapping file, or a built-in one by name. */
    public static ExportMapping load(String spec) {
        return MappingLoader.load(spec, SHELF);
    }

    /**
     * {@code --ratings-mapping auto}: the built-in layout whose columns the first file's first
     * record has, else the canonical header; a {@link ConfigError} naming the columns seen when
     * neither fits, or when files disagree.
     */
    public static LayoutDetection.Chosen choose(List<String> inputs) throws IOException {
        Set<Path> files = new TreeSet<>(Comparator.comparing(Path::toString));
        for (String input : inputs) {
            if (input.contains("://")) {
                throw new ConfigError("--ratings " + input + ": not on this machine, so its layout cannot be recognised: pass --ratings-mapping");
            }
            try (Stream<Path> s = Files.walk(Path.of(input))) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(files::add);
            }
        }
        ExportMapping chosen = null;
        String said = null;
        for (Path f : files) {
            List<String> columns = LayoutDetection.detect(f).columns();
            ExportMapping m = fit(columns);
            if (m == null) {
                throw new ConfigError("--ratings " + f + ": no ratings layout fits its columns " + columns + " (built-in: "
                        + String.join(", ", BUILT_IN) + ", or a header with rating and conversation_id or customer_id;"
                        + " pass --ratings-mapping FILE for another)");
            }
            if (chosen != null && !chosen.source().equals(m.source())) {
                throw new ConfigError("--ratings: the files hold more than one layout (" + chosen.source() + ", " + m.source()
                        + " in " + f.getFileName() + "); pass them in separate runs or give --ratings-mapping");
            }
            if (chosen == null) {
                chosen = m;
                said = "ratings mapping: auto, " + m.source() + " from " + f.getFileName();
            }
        }
        if (chosen == null) {
            throw new ConfigError("--ratings " + String.join(", ", inputs) + ": no files");
        }
        return new LayoutDetection.Chosen(chosen, said);
    }

    private static ExportMapping fit(List<String> columns) {
        Set<String> seen = new TreeSet<>();
        columns.forEach(c -> seen.add(c.strip().toLowerCase(Locale.ROOT)));
        for (String name : BUILT_IN) {
            ExportMapping m = load(name);
            if (m.columns().values().stream().filter(c -> !c.byIndex()).allMatch(c -> seen.contains(c.name().toLowerCase(Locale.ROOT)))) {
                return m;
            }
        }
        Map<CanonicalField, Column> cols = new EnumMap<>(CanonicalField.class);
        for (CanonicalField f : CANONICAL) {
            if (seen.contains(f.column())) {
                cols.put(f, Column.named(f.column()));
            }
        }
        if (!cols.containsKey(CanonicalField.RATING)
                || !(cols.containsKey(CanonicalField.CONVERSATION_ID) || cols.containsKey(CanonicalField.CUSTOMER_ID))) {
            return null;
        }
        return new ExportMapping("canonical ratings", null, null, '"', true, "auto", cols, Map.of(), new EnumMap<>(ROW_DEFAULTS),
                new ArrayList<>(), 0);
    }
}
