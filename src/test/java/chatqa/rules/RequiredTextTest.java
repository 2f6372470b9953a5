package chatqa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RequiredTextTest {
    private static String needs(String regex) {
        return RequiredText.of(Pattern.compile(regex)).toString();
    }

    @Test
    void runsOfExactPiecesStayWholeStrings() {
        assertEquals("今天送到|明天送到", needs("(今天|明天)送到"));
        assertEquals("今天到|今天送到|明天到|明天送到", needs("(今天|明天)(送到|到货|到)"), "今天到货 contains 今天到");
        assertEquals("不可能", needs("(的|吧)?不可能(的|吧|啊)?"), "optional pieces add their strings and \"\"");
        assertEquals("不满|失望", needs("失望|不满意|不满"));
        assertEquals("为|帮|给|转", needs("[转为帮给]"));
        assertEquals("0|1|2|3|4|5|6|7|8|9", needs("[0-9]+"));
    }

    @Test
    void aSequenceKeepsThePieceLeastLikelyToBeThere() {
        assertEquals("今天|明天", needs("(今天|明天)[^，。]{0,10}"));
        assertEquals("送到", needs("(今|明)[^，。]{0,10}送到"), "a two-character string over two single characters");
        assertEquals("满", needs("满\\s*[0-9０-９]+"));
    }

    @Test
    void whatCanBeAbsentOrIsNotReadRequiresNothing() {
        assertEquals("", needs("(今天|明天)?[^，。]{0,10}"), "optional");
        assertEquals("", needs("\\p{IsHan}+"), "a property class");
        assertEquals("", needs("[^好]"), "a negated class");
        assertEquals("", needs("今天|"), "an empty branch");
        assertEquals("", needs("(?i)abc"), "inline flags");
        assertEquals("", needs("\\Q今天\\E"), "quoting");
        assertEquals("", needs("[a[b]]"), "nested classes");
        assertEquals("", needs("x{0,2}"));
        assertEquals("", needs("."));
        assertFalse(RequiredText.of(Pattern.compile("今天", Pattern.COMMENTS)).isKnown(), "comments mode reads spaces differently");
    }

    @Test
    void lookaroundsAnchorsAndEscapesMatchNoText() {
        assertEquals("可以|可能", needs("(?<!不)可(以|能)"));
        assertEquals("转人工|转接", needs("(?=[转为])(?<!无法[^，]{0,4})转(接|人工)"));
        assertEquals("亲", needs("^[\\s\\p{P}]*亲"));
        assertEquals("亲你好", needs("^亲\\b你好$"));
        assertEquals(".", needs("\\d+\\.\\d+"), "an escaped dot is a dot");
        assertEquals("天", needs("\\u0041?天\\x{4e00}?"));
    }

    @Test
    void caseInsensitiveExpressionsNeedEveryCaseOfTheirLetters() {
        RequiredText r = RequiredText.of(Pattern.compile("k\\b|天", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        assertTrue(r.mayMatch("3K"));
        assertTrue(r.mayMatch("3k"));
        assertTrue(r.mayMatch("3\u212A"), "the Kelvin sign folds to k");
        assertFalse(r.mayMatch("3 小时"));
    }

    @Test
    void aTextWithoutTheNeededCharactersIsSkipped() {
        RequiredText r = RequiredText.of(Pattern.compile("(今天|明天)[^，。]{0,10}(到|送到)"));
        assertFalse(r.mayMatch("您好，请问有什么可以帮您"));
        assertTrue(r.mayMatch("明天送到"));
        assertTrue(RequiredText.NONE.mayMatch(""));
    }

    /**
     * The guarantee that matters: wherever an expression of the shipped rule book or the chat
     * cues matches, its requirement lets the text through — over the sample day's lines and texts
     * made of each expression's own characters, so near-misses are common.
     */
    @Test
    void neverSkipsATextTheExpressionMatches() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        Pattern quoted = Pattern.compile("^\\s*(?:-\\s*)?(?:regex|[a-z_]+):\\s*'(.*)'\\s*$");
        for (String resource : List.of("/chatqa/rules/default.yaml", "/chatqa/sentiment/chat-cues.yaml")) {
            try (InputStream in = RequiredTextTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    Matcher m = quoted.matcher(line);
                    if (m.matches() && (line.contains("regex:") || resource.contains("cues"))) {
                        String regex = m.group(1).replace("''", "'");
                        patterns.add(Pattern.compile(regex, PhraseSetReader.caseFlags(regex)));
                    }
                }
            }
        }
        assertTrue(patterns.size() > 30, "read the books' expressions: " + patterns.size());
        List<String> texts = new ArrayList<>();
        for (Path p : List.of(Path.of("sample-data/2026-11-20/shop-a-chats.csv"), Path.of("sample-data/2026-11-20/shop-b-app.jsonl"))) {
            texts.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
        Random random = new Random(20261204L);
        int known = 0;
        int skipped = 0;
        for (Pattern p : patterns) {
            RequiredText r = RequiredText.of(p);
            known += r.isKnown() ? 1 : 0;
            String alphabet = p.pattern().replaceAll("[\\\\()\\[\\]{}|?*+^$]", "") + "，。 天";
            List<String> probes = new ArrayList<>(texts);
            for (int i = 0; i < 3000; i++) {
                StringBuilder b = new StringBuilder();
                for (int n = 1 + random.nextInt(12); n > 0; n--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                probes.add(b.toString());
            }
            for (String text : probes) {
                if (!r.mayMatch(text)) {
                    skipped++;
                    assertFalse(p.matcher(text).find(), () -> "skipped a match of /" + p.pattern() + "/ in " + text);
                }
            }
        }
        assertTrue(known >= patterns.size() * 3 / 4, known + " of " + patterns.size() + " expressions have a requirement");
        assertTrue(skipped > 0);
    }
}
