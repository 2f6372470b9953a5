package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Rating;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** Which conversation a rating of a separate ratings file lands on. */
class RatingJoinTest {
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    private static Message msg(int minute, Role role, String agent) {
        return new Message(null, null, T0.plusSeconds(minute * 60L), role, agent, "u1", "s1", "文本", new SourceRef("chat.csv", 0, minute));
    }

    private static Conversation chat(String id, int from, String agent) {
        return new Conversation(id, "s1", "u1", List.of(msg(from, Role.CUSTOMER, null), msg(from + 2, Role.AGENT, agent),
                msg(from + 5, Role.CUSTOMER, null)));
    }

    private static Message rating(int minute, String agent, String code, Double csat, int line) {
        return new Message(null, null, minute < 0 ? null : T0.plusSeconds(minute * 60L), Role.SYSTEM, agent, "u1", "s1", "rating",
                new SourceRef("ratings.csv", 1, line), code == null ? null : new Rating(code, csat), null, null);
    }

    @Test
    void withinTheConversationOrLaterTheSameDayAndOnlyForItsAgent() {
        List<Conversation> chats = List.of(chat("morning", 0, "a1"), chat("noon", 240, "a2"));
        RatingJoin.Result r = RatingJoin.join(chats, List.of(
                rating(3, "a1", "0", 5.0, 2),        // within the morning chat
                rating(300, "a2", "4", 1.0, 3),      // an hour after noon's ended: the latest begun before it
                rating(3, "a2", "2", 3.0, 4),        // a2 took no part in the morning chat, and noon had not begun
                rating(240 + 24 * 60 + 1, "a2", "1", 4.0, 5))); // more than a day after noon began
        assertEquals(5.0, r.conversations().get(0).rating().csat());
        assertEquals(1.0, r.conversations().get(1).rating().csat());
        assertEquals(2, r.joined().size());
        assertEquals(List.of(4L, 5L), r.unmatched().stream().map(QuarantinedRow::line).toList());
        assertEquals(QuarantineReason.UNMATCHED_RATING, r.unmatched().get(0).reason());
        assertTrue(r.unmatched().get(0).detail().contains("agent a2"), r.unmatched().get(0).detail());
    }

    @Test
    void theLaterRatingWinsAndReplacesTheExportsOwn() {
        Conversation rated = new Conversation("c", "s1", "u1", List.of(msg(0, Role.CUSTOMER, null),
                msg(2, Role.AGENT, "a1").withRating(new Rating("1", 4.0))));
        RatingJoin.Result r = RatingJoin.join(List.of(rated), List.of(rating(2, null, "3", 2.0, 7), rating(1, null, "0", 5.0, 6)));
        assertEquals(new Rating("3", 2.0), r.conversations().get(0).rating(), "line 7 rated later (minute 2) than line 6");
        assertEquals(2, r.joined().size());
    }

    @Test
    void noChatsNoTimesAndNoRating() {
        RatingJoin.Result none = RatingJoin.join(List.of(), List.of(rating(1, "a1", "0", 5.0, 2)));
        assertTrue(none.unmatched().get(0).detail().startsWith("no chat of the run"), none.unmatched().get(0).detail());
        RatingJoin.Result untimed = RatingJoin.join(List.of(chat("a", 0, "a1"), chat("b", 60, "a1")), List.of(rating(-1, "a1", "0", 5.0, 2)));
        assertNull(untimed.conversations().get(0).rating());
        assertEquals(5.0, untimed.conversations().get(1).rating().csat(), "without a time: the key's last conversation of the agent");
        RatingJoin.Result empty = RatingJoin.join(List.of(chat("a", 0, "a1")), List.of(rating(1, "a1", null, null, 2)));
        assertTrue(empty.unmatched().get(0).detail().contains("no rating"));
    }
}
