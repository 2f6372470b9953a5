package chatqa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import chatqa.enrich.Segmenter;

/** One automaton pass finds every phrase set's hits; exclusions and word boundaries apply per set. */
class PhraseMatcherTest {
    private static final PhraseSet GREETING = new PhraseSet(0, List.of("您好", "亲", "hello"), null, List.of(), true);
    private static final PhraseSet RUDE = new PhraseSet(1, List.of("滚"), null, List.of("滚筒"), false);
    private static final PhraseSet INTRO = new PhraseSet(2, List.of(), Pattern.compile("客服[0-9]+号"), List.of(), false);
    private static final PhraseSet HOURS = new PhraseSet(3, List.of(), Pattern.compile("[0-9]+\\s*(h\\b|小时)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), List.of(), false);
    private static final PhraseSet CODE = new PhraseSet(4, List.of(), Pattern.compile("VIP[0-9]+"), List.of(), false);
    private static final PhraseMatcher MATCHER = new PhraseMatcher(List.of(GREETING, RUDE, INTRO, HOURS, CODE));

    private static MessageMatches scan(String text) {
        return MATCHER.scan(text, Segmenter.segment(text));
    }

    @Test
    void onePassFindsHitsOfEverySet() {
        MessageMatches m = scan("您好，我是客服8号");
        assertEquals(List.of(new Span(0, 2, "您好")), m.find(GREETING));
        assertEquals(List.of(new Span(5, 9, "客服8号")), m.find(INTRO));
        assertEquals(List.of(), m.find(RUDE));
    }

    @Test
    void phrasesMatchIgnoringCase() {
        assertEquals(List.of(new Span(0, 5, "Hello")), scan("Hello，在吗").find(GREETING));
    }

    @Test
    void exclusionCancelsAHitInsideIt() {
        assertEquals(List.of(), scan("滚筒洗衣机坏了").find(RUDE));
        assertEquals(List.of(new Span(0, 1, "滚")), scan("滚").find(RUDE));
    }

    @Test
    void wholeWordsFollowTheSegmentation() {
        assertEquals(List.of(new Span(0, 1, "亲")), scan("亲，您好").find(GREETING).subList(0, 1));
        assertEquals(List.of(), scan("我亲自给您发货").find(GREETING));
    }

    /** The strings a regex needs sit in the automaton; the regex runs where one is found, whatever the case. */
    @Test
    void regularExpressionsRunWhereTheAutomatonFindsWhatTheyNeed() {
        assertEquals("h|小", HOURS.regexNeeds().toString().replace("H|", ""), "the first characters, in every case");
        assertEquals(List.of(new Span(0, 2, "3H")), scan("3H 内处理").find(HOURS));
        assertEquals(List.of(new Span(0, 4, "24小时")), scan("24小时内处理").find(HOURS));
        assertEquals(List.of(), scan("您好").find(HOURS));
        assertEquals(List.of(new Span(2, 6, "VIP8")), scan("您是VIP8会员").find(CODE), "a case-sensitive string found in the lower-cased scan");
        assertEquals(List.of(), scan("您是vip8会员").find(CODE));
    }
}
