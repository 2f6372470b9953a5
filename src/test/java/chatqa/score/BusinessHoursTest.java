package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;
import chatqa.rules.BusinessHours;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;

/**
 * Waits in business time: a shop's hours by weekday, holidays and special days (双11), per shop,
 * from the rule book; a message at 02:00 answered at 09:00 waited nothing, across midnight the
 * open minutes on both sides count, a holiday counts none.
 */
class BusinessHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String RULES = """
            rules:
              - id: greeting.hello
                category: greeting
                position: first_agent_message
                phrases: [您好]
                points: 5
            """;
    private static final String HOURS = """
            business_hours:
              timezone: Asia/Shanghai
              weekly:
                mon-fri: 09:00-23:00
                sat: 10:00-18:00, 20:00-24:00
                sun: 00:00-02:00, 20:00-24:00
              closed: [2026-10-01, 2026-10-02]
              special:
                2026-11-11: 00:00-24:00
              shops:
                night-shop:
                  weekly:
                    daily: 00:00-24:00
            """;

    private static RuleBook book(String yaml) {
        return RuleBookLoader.parse(yaml + RULES, "hours.yaml");
    }

    private static BusinessHours hours(String shop) {
        return book(HOURS).businessHours().forShop(shop);
    }

    /** Messages at "yyyy-MM-ddTHH:mm:ss role text" in Shanghai time. */
    private static List<Message> chat(String shop, String... lines) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] p = lines[i].split(" ", 3);
            Role role = Role.fromCode(p[1]);
            out.add(new Message("c1", "m" + (i + 1), LocalDateTime.parse(p[0]).atZone(SHANGHAI).toInstant(), role,
                    role == Role.AGENT ? "a1" : null, "u1", shop, p[2], new SourceRef("t.csv", 0, i + 2)));
        }
        return out;
    }

    @Test
    void aMessageAt2AmAnsweredAtOpeningWaitedOnlyFromTheOpening() {
        // 2026-11-20 is a Friday: open 09:00-23:00.
        ResponseTiming t = ResponseTiming.measure(chat("s1", "2026-11-20T02:00:00 customer 在吗", "2026-11-20T09:00:30 agent 您好"), hours("s1"));
        assertEquals(30.0, t.firstResponseSeconds());
        assertEquals(1, t.outOfHoursTurns());
        assertTrue(t.turns().get(0).outOfHours());
        ResponseTiming open = ResponseTiming.measure(chat("s1", "2026-11-20T10:00:00 customer 在吗", "2026-11-20T10:00:08 agent 您好"),
                hours("s1"));
        assertEquals(8.0, open.firstResponseSeconds());
        assertEquals(0, open.outOfHoursTurns());
    }

    @Test
    void acrossMidnightTheOpenMinutesOnBothSidesCount() {
        // Saturday 2026-11-21 open until 24:00, Sunday from 00:00 to 02:00.
        ResponseTiming t = ResponseTiming.measure(chat("s1", "2026-11-21T23:59:00 customer 在吗", "2026-11-22T00:01:00 agent 您好"), hours("s1"));
        assertEquals(120.0, t.firstResponseSeconds());
        // Sunday 01:59 → Sunday 20:00:10: one minute before closing, ten seconds after opening.
        ResponseTiming gap = ResponseTiming.measure(chat("s1", "2026-11-22T01:59:00 customer 在吗", "2026-11-22T20:00:10 agent 您好"),
                hours("s1"));
        assertEquals(70.0, gap.firstResponseSeconds());
        assertEquals(0, gap.outOfHoursTurns(), "it began while open");
    }

    @Test
    void holidaysCountNothingAndSpecialDaysHaveTheirOwnHours() {
        // Wed 2026-09-30 22:50 (open till 23:00), 10-01 and 10-02 closed, Sat 10-03 opens at 10:00.
        ResponseTiming t = ResponseTiming.measure(chat("s1", "2026-09-30T22:50:00 customer 在吗", "2026-10-03T10:05:00 agent 您好"), hours("s1"));
        assertEquals(600.0 + 300.0, t.firstResponseSeconds());
        BusinessHours h = hours("s1");
        assertFalse(h.isOpen(LocalDateTime.parse("2026-10-01T12:00:00").atZone(SHANGHAI).toInstant()), "a holiday");
        assertTrue(h.isOpen(LocalDateTime.parse("2026-11-11T03:00:00").atZone(SHANGHAI).toInstant()), "双11: open all night");
        assertFalse(h.isOpen(LocalDateTime.parse("2026-11-12T03:00:00").atZone(SHANGHAI).toInstant()), "the day after: normal hours");
    }

    @Test
    void aShopsOwnCalendarAndTheDefaultOfAlwaysOpen() {
        ResponseTiming night = ResponseTiming.measure(chat("night-shop", "2026-11-20T02:00:00 customer 在吗", "2026-11-20T02:00:40 agent 您好"),
                hours("night-shop"));
        assertEquals(40.0, night.firstResponseSeconds());
        assertEquals(0, night.outOfHoursTurns());
        BusinessHours always = book("").businessHours().forShop("s1");
        assertTrue(always.alwaysOpen(), "no business_hours: always open, as before");
        assertEquals(7 * 3600.0, ResponseTiming.measure(chat("s1", "2026-11-20T02:00:00 customer 在吗", "2026-11-20T09:00:00 agent 您好"),
                always).firstResponseSeconds());
    }

    @Test
    void theScorerMeasuresEachShopInItsOwnHours() {
        ConversationScorer scorer = new ConversationScorer(book(HOURS));
        List<Message> m = chat("s1", "2026-11-20T02:00:00 customer 在吗", "2026-11-20T09:00:05 agent 您好", "2026-11-20T09:01:00 customer 好的",
                "2026-11-20T09:01:20 agent 还有别的吗");
        ConversationScore s = scorer.score(new Conversation("c1", "s1", "u1", m));
        assertEquals(5.0, s.timing().firstResponseSeconds());
        assertEquals(List.of(5.0, 20.0), s.timing().waitsSeconds());
        assertEquals(1, s.timing().outOfHoursTurns());
        assertEquals(5.0, s.segments().get(0).responseSeconds(), "the part's first response too");
    }

    @Test
    void mistakesNameTheirLine() {
        ConfigError bad = assertThrows(ConfigError.class, () -> book("business_hours:\n  weekly:\n    mon-fri: 9-18\n"));
        assertTrue(bad.getMessage().contains("hours.yaml:3") && bad.getMessage().contains("'9-18' is not an interval HH:MM-HH:MM"), bad.getMessage());
        ConfigError backwards = assertThrows(ConfigError.class, () -> book("business_hours:\n  weekly:\n    daily: 22:00-02:00\n"));
        assertTrue(backwards.getMessage().contains("the end must come after the start"), backwards.getMessage());
        ConfigError day = assertThrows(ConfigError.class, () -> book("business_hours:\n  weekly:\n    monday: 09:00-18:00\n"));
        assertTrue(day.getMessage().contains("'monday' is not a weekday"), day.getMessage());
        ConfigError twice = assertThrows(ConfigError.class, () -> book("business_hours:\n  weekly:\n    daily: 09:00-18:00\n    sat: closed\n"));
        assertTrue(twice.getMessage().contains("sat is given twice"), twice.getMessage());
        ConfigError zone = assertThrows(ConfigError.class, () -> book("business_hours:\n  timezone: Mars/Olympus\n"));
        assertTrue(zone.getMessage().contains("unknown time zone 'Mars/Olympus'"), zone.getMessage());
        ConfigError date = assertThrows(ConfigError.class, () -> book("business_hours:\n  closed: [2026-13-01]\n"));
        assertTrue(date.getMessage().contains("'2026-13-01' is not a date"), date.getMessage());
    }
}
