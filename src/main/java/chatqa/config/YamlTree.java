package chatqa.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document read as a tree that remembers line numbers, so configuration errors can say
 * "file:line: field: what was expected". SnakeYAML's node graph is used instead of binding to
 * classes because binding loses the position of the offending value.
 */
public final class YamlTree {
    private final String source;
    private final org.yaml.snakeyaml.nodes.Node node;
    private final String path;

    private YamlTree(String source, org.yaml.snakeyaml.nodes.Node node, String path) {
        this.source = source;
        this.node = node;
        this.path = path;
    }

    /** Parses one YAML document; a syntax error becomes a {@link ConfigError} with its line. */
    public static YamlTree parse(String text, String source) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                throw new ConfigError(source + ": the file is empty");
            }
            return new YamlTree(source, root, "");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigError(source + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            if (e instanceof ConfigError ce) {
                throw ce;
            }
            throw new ConfigError(source + ": not valid YAML: " + e.getMessage());
        }
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String path() {
        return path;
    }

    /** An error located at this node. */
    public ConfigError error(String message) {
        return new ConfigError(where() + message);
    }

    public String where() {
        return source + ":" + line() + ": " + (path.isEmpty() ? "" : path + ": ");
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Entries of a mapping, in file order. */
    public Map<String, YamlTree> entries() {
        if (!(node instanceof MappingNode map)) {
            throw error("expected a mapping of keys to values");
        }
        Map<String, YamlTree> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlTree(source, t.getKeyNode(), path).error("keys must be plain words");
            }
            // SnakeYAML checks duplicate keys only when constructing objects, never on compose().
            if (out.put(key.getValue(), new YamlTree(source, t.getValueNode(), child(key.getValue()))) != null) {
                throw new YamlTree(source, key, path).error("duplicate key '" + key.getValue() + "'");
            }
        }
        return out;
    }

    /** Rejects keys that are not in {@code allowed}, naming the first unknown one and its line. */
    public void rejectUnknownKeys(Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw error("expected a mapping of keys to values");
        }
        for (NodeTuple t : map.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                throw new YamlTree(source, t.getKeyNode(), path)
                        .error("unknown key '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The child at {@code key}, or null when absent or explicitly null. */
    public YamlTree get(String key) {
        YamlTree child = entries().get(key);
        if (child == null || (child.isScalar() && "tag:yaml.org,2002:null".equals(child.node.getTag().getValue()))) {
            return null;
        }
        return child;
    }

    public YamlTree required(String key) {
        YamlTree child = get(key);
        if (child == null) {
            throw error("missing required key '" + key + "'");
        }
        return child;
    }

    public List<YamlTree> items() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list");
        }
        List<YamlTree> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlTree(source, seq.getValue().get(i), path + "[" + i + "]"));
        }
        return out;
    }

    public String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    public String string(String key, String fallback) {
        YamlTree child = get(key);
        return child == null ? fallback : child.text();
    }

    public int integer(String key, int fallback) {
        YamlTree child = get(key);
        return child == null ? fallback : child.asInt();
    }

    public int asInt() {
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + text() + "'");
        }
    }

    public boolean bool(String key, boolean fallback) {
        YamlTree child = get(key);
        if (child == null) {
            return fallback;
        }
        String v = child.text().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw child.error("expected true or false, got '" + child.text() + "'");
        };
    }

    /** A list of strings; a single scalar is accepted as a one-element list. */
    public List<String> strings(String key) {
        YamlTree child = get(key);
        if (child == null) {
            return List.of();
        }
        if (child.isScalar()) {
            return List.of(child.text());
        }
        List<String> out = new ArrayList<>();
        for (YamlTree item : child.items()) {
            out.add(item.text());
        }
        return out;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
