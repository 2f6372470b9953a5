package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import chatqa.config.YamlTree;
import chatqa.model.Rating;

/**
 * Puts an export's rating on the 1–5 CSAT scale: through the mapping's {@code ratings:} table when
 * it has one (platform codes), else the shared words of chatqa/ingest/ratings.yaml and numbers 1–5
 * as they are. A value neither knows keeps its raw text with no CSAT.
 */
final class CsatScale {
    private static final Map<String, Integer> SHARED = load();

    private CsatScale() {
    }

    static Rating of(String raw, Map<String, Integer> table) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        Integer csat = table.isEmpty() ? shared(v) : table.get(v);
        return new Rating(v, csat == null ? null : csat.doubleValue());
    }

    private static Integer shared(String v) {
        Integer word = SHARED.get(v.toLowerCase(Locale.ROOT));
        if (word != null) {
            return word;
        }
        try {
            double d = Double.parseDouble(v);
            return d >= 1 && d <= 5 && d == Math.rint(d) ? (int) d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Integer> load() {
        try (InputStream in = CsatScale.class.getResourceAsStream("/chatqa/ingest/ratings.yaml")) {
            if (in == null) {
                throw new IllegalStateException("chatqa/ingest/ratings.yaml is missing from the jar");
            }
            Map<String, Integer> out = new HashMap<>();
            YamlTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "ratings.yaml").entries()
                    .forEach((word, csat) -> out.put(word.toLowerCase(Locale.ROOT), csat.asInt()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
