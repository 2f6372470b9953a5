package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import chatqa.config.YamlTree;

/**
 * Reads the keys every matcher of the rule book shares — {@code phrases}, {@code regex},
 * {@code exclude}, {@code whole_words} and the context keys — into a {@link PhraseSet} with the
 * next id of its book, for rules, triggers, conditions and scenarios alike.
 */
final class PhraseSetReader {
    private static final Pattern CODE_ESCAPE = Pattern.compile("\\\\[xuN0]");

    private PhraseSetReader() {
    }

    static PhraseSet read(YamlTree node, int[] nextSetId) {
        List<String> phrases = cleaned(node, "phrases");
        List<String> exclude = cleaned(node, "exclude");
        Pattern regex = null;
        YamlTree regexNode = node.get("regex");
        if (regexNode != null) {
            try {
                regex = Pattern.compile(regexNode.text(), caseFlags(regexNode.text()));
            } catch (PatternSyntaxException e) {
                throw regexNode.error("bad regex: " + e.getDescription() + " near index " + e.getIndex());
            }
        }
        List<String> unless = cleaned(node, "unless_near");
        List<String> requires = cleaned(node, "requires_near");
        int near = RuleFields.positive(node, "near_chars", PhraseSet.DEFAULT_NEAR_CHARS);
        if (node.get("near_chars") != null && unless.isEmpty() && requires.isEmpty()) {
            throw node.required("near_chars").error("'near_chars' only applies with 'unless_near' or 'requires_near'");
        }
        return new PhraseSet(nextSetId[0]++, phrases, regex, exclude, node.bool("whole_words", false), unless, requires, near,
                node.bool("ignore_quoted", false));
    }

    /**
     * Regular expressions match regardless of case, but a Unicode case-insensitive match folds
     * the case of every character it compares, which makes the Chinese-only expressions of a
     * rule book several times slower for nothing. So the flags are set only when the expression
     * has a letter with case outside its escapes (character classes such as "any space" or "any
     * punctuation" are not letters), or a hex, Unicode, named or octal escape that may stand for one.
     */
    static int caseFlags(String regex) {
        if (CODE_ESCAPE.matcher(regex).find()) {
            return Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        String literal = regex.replaceAll("\\\\[pP]\\{[^}]*\\}|\\\\[pP][A-Za-z]|\\\\.", "");
        boolean cased = literal.codePoints().anyMatch(c -> Character.toUpperCase(c) != c || Character.toLowerCase(c) != c);
        return cased ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    }

    private static List<String> cleaned(YamlTree node, String key) {
        List<String> out = new ArrayList<>();
        for (String p : node.strings(key)) {
            String s = p.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                throw node.required(key).error("empty phrase");
            }
            out.add(s);
        }
        return out;
    }
}
