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
