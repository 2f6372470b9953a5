package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import chatqa.config.YamlTree;
import chatqa.model.Role;

/** Sender-role spellings (English and Chinese) from resources, plus a mapping's own codes. */
public final class RoleAliases implements Serializable {
    private static final String RESOURCE = "/chatqa/ingest/roles.yaml";
    private final Map<String, Role> aliases;

    private RoleAliases(Map<String, Role> aliases) {
        this.aliases = aliases;
    }

    /** The built-in spellings, with {@code extra} codes taking precedence. */
    public static RoleAliases withExtra(Map<String, Role> extra) {
        Map<String, Role> all = new HashMap<>(builtIn());
        extra.forEach((k, v) -> all.put(k.trim().toLowerCase(Locale.ROOT), v));
        return new RoleAliases(all);
    }

    /** The role for {@code value}, or null when it is not a known spelling. */
    public Role resolve(String value) {
        return aliases.get(value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The role of a speaker's name in a transcript: its spelling, or else the longest spelling of
     * at least two characters it starts with (访客8812 and 客服小美 as desks name their sides);
     * null when neither.
     */
    public Role resolveSpeaker(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Role exact = aliases.get(n);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String a : aliases.keySet()) {
            if (a.length() >= 2 && n.startsWith(a) && (best == null || a.length() > best.length())) {
                best = a;
            }
        }
        return best == null ? null : aliases.get(best);
    }

    private static Map<String, Role> builtIn() {
        try (InputStream in = RoleAliases.class.getResourceAsStream(RESOURCE)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Role> out = new HashMap<>();
            YamlTree.parse(yaml, RESOURCE).entries().forEach((role, list) -> {
                for (YamlTree item : list.items()) {
                    out.put(item.text().trim().toLowerCase(Locale.ROOT), Role.fromCode(role));
                }
            });
            return out;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + " from the jar", e);
        }
    }
}
