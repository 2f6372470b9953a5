package chatqa.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import chatqa.config.YamlTree;

/**
 * Reads the personal-data resource ({@code kinds}, {@code fragments}, {@code patterns}) into
 * compiled patterns in priority order. Every problem names the file, line and field, as for the
 * rule book, because the patterns are meant to be tuned by people who do not read the code.
 */
final class PersonalDataPatterns {
    private static final Pattern FRAGMENT = Pattern.compile("\\{\\{(\\w+)}}");

    private PersonalDataPatterns() {
    }

    /** The patterns in priority order and the distinct pre-checks they point to. */
    record Parsed(List<PersonalDataPattern> patterns, List<Pattern> prechecks) {
    }

    static Parsed parse(String yaml, String source) {
        YamlTree root = YamlTree.parse(yaml, source);
        root.rejectUnknownKeys(Set.of("kinds", "fragments", "patterns"));
        Map<String, MaskTemplate> masks = masks(root.required("kinds"));
        Map<String, String> fragments = new HashMap<>();
        YamlTree fragmentTree = root.get("fragments");
        if (fragmentTree != null) {
            fragmentTree.entries().forEach((name, value) -> fragments.put(name, value.text()));
        }
        List<PersonalDataPattern> out = new ArrayList<>();
        Map<String, Integer> prechecks = new LinkedHashMap<>();
        for (YamlTree item : root.required("patterns").items()) {
            out.add(pattern(item, masks, fragments, prechecks));
        }
        if (out.isEmpty()) {
            throw root.required("patterns").error("expected at least one pattern");
        }
        return new Parsed(List.copyOf(out), prechecks.keySet().stream().map(Pattern::compile).toList());
    }

    private static Map<String, MaskTemplate> masks(YamlTree kinds) {
        Map<String, MaskTemplate> masks = new HashMap<>();
        kinds.entries().forEach((kind, template) -> {
            try {
                masks.put(kind, MaskTemplate.parse(template.text()));
            } catch (IllegalArgumentException e) {
                throw template.error(e.getMessage());
            }
        });
        return masks;
    }

    private static PersonalDataPattern pattern(YamlTree item, Map<String, MaskTemplate> masks, Map<String, String> fragments,
            Map<String, Integer> prechecks) {
        item.rejectUnknownKeys(Set.of("kind", "regex", "check", "requires"));
        YamlTree kindTree = item.required("kind");
        String kind = kindTree.text();
        if (!masks.containsKey(kind)) {
            throw kindTree.error("unknown kind '" + kind + "' (declare it under kinds: with its mask)");
        }
        YamlTree checkTree = item.get("check");
        NumberCheck check = checkTree == null ? NumberCheck.NONE : NumberCheck.named(checkTree.text());
        if (check == null) {
            throw checkTree.error("unknown check '" + checkTree.text() + "' (allowed: none, luhn, resident-id)");
        }
        Pattern regex = compile(item.required("regex"), fragments);
        int requires = -1;
        YamlTree requiresTree = item.get("requires");
        if (requiresTree != null) {
            compile(requiresTree, fragments);
            requires = prechecks.computeIfAbsent(expand(requiresTree, fragments), k -> prechecks.size());
        }
        return new PersonalDataPattern(kind, regex, regex.pattern().contains("(?<v>"), check, masks.get(kind), requires);
    }

    private static Pattern compile(YamlTree regexTree, Map<String, String> fragments) {
        try {
            return Pattern.compile(expand(regexTree, fragments));
        } catch (PatternSyntaxException e) {
            throw regexTree.error("not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static String expand(YamlTree regexTree, Map<String, String> fragments) {
        Matcher m = FRAGMENT.matcher(regexTree.text());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String fragment = fragments.get(m.group(1));
            if (fragment == null) {
                throw regexTree.error("unknown fragment {{" + m.group(1) + "}} (declare it under fragments:)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(fragment));
        }
        return m.appendTail(sb).toString();
    }
}
