package chatqa.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import chatqa.config.YamlTree;

/**
 * The entity kinds a rule condition can name ({@code entity: order_number}): one pattern each,
 * read once from {@code chatqa/rules/entities.yaml} so their Chinese labels stay out of the code.
 * Whitespace between the alternatives of the YAML text is layout, not part of the pattern.
 */
public final class Entities {
    static final String RESOURCE = "/chatqa/rules/entities.yaml";
    private static final Map<String, Pattern> KINDS = load();

    private Entities() {
    }

    /** The pattern of {@code kind}, or null when there is no such kind. */
    public static Pattern pattern(String kind) {
        return KINDS.get(kind);
    }

    public static Set<String> kinds() {
        return KINDS.keySet();
    }

    private static Map<String, Pattern> load() {
        try (InputStream in = Entities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("entity patterns missing from the jar: " + RESOURCE);
            }
            YamlTree root = YamlTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in:entities.yaml");
            root.rejectUnknownKeys(Set.of("entities"));
            Map<String, Pattern> out = new TreeMap<>();
            root.required("entities").entries().forEach((kind, node) -> {
                try {
                    out.put(kind, Pattern.compile(node.text().replaceAll("\\s*\\n\\s*|\\s+\\|", "|").replace("||", "|")));
                } catch (PatternSyntaxException e) {
                    throw node.error("bad regex: " + e.getDescription());
                }
            });
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
