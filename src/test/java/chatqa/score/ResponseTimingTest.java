package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.ingest.TimestampParser;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** First response and every later wait, on the edge cases shops argue about. */
class ResponseTimingTest {

    private static ResponseTiming timing(String... lines) {
        return ResponseTiming.measure(Chat.of(lines).messages());
    }

    @Test
    void firstResponseIgnoresBotReplies() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:01 bot 您好，客服马上就来", "10:00:12 agent a1 您好");
        assertEquals(12.0, t.firstResponseSeconds());
    }

    @Test
    void systemNoticesDoNotStopTheClockEither() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:02 system [订单卡片]", "10:00:07 agent a1 在的");
        assertEquals(7.0, t.firstResponseSeconds());
    }

    @Test
    void botOnlyConversationHasNoFirstResponseAndOneUnansweredTurn() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:01 bot 您好", "10:02:00 customer 人呢");
        assertNull(t.firstResponseSeconds());
        assertEquals(1, t.customerTurns());
        assertEquals(1, t.unansweredTurns());
        assertEquals(List.of(), t.waitsSeconds());
        assertNull(t.longestWaitSeconds());
    }

    @Test
    void agentWritingFirstDoesNotCountAsAResponse() {
        ResponseTiming t = timing("09:59:00 agent a1 您好，您的订单已发货", "10:00:00 customer 什么时候到", "10:00:20 agent a1 预计两天");
        assertEquals(20.0, t.firstResponseSeconds());
        assertEquals(1, t.customerTurns());
    }

    @Test
    void aTurnOfSeveralCustomerMessagesWaitsFromItsFirstMessage() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:10 customer 在不在", "10:00:30 agent a1 在的");
        assertEquals(30.0, t.firstResponseSeconds());
        assertEquals(1, t.customerTurns());
    }

    @Test
    void everyLaterWaitIsListedWithTheLongestAndMean() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:05 agent a1 在的", "10:01:00 customer 有货吗",
                "10:01:45 agent a1 有的", "10:02:00 customer 包邮吗", "10:02:10 agent a1 包邮");
        assertEquals(List.of(5.0, 45.0, 10.0), t.waitsSeconds());
        assertEquals(45.0, t.longestWaitSeconds());
        assertEquals(20.0, t.meanWaitSeconds());
        assertEquals(3, t.answeredTurns());
        assertEquals(0, t.unansweredTurns());
    }

    @Test
    void unansweredLastTurnIsCounted() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:05 agent a1 在的", "10:01:00 customer 还有别的颜色吗");
        assertEquals(2, t.customerTurns());
        assertEquals(1, t.unansweredTurns());
        assertEquals(List.of(new ResponseTiming.Turn(1, 2, 5.0), new ResponseTiming.Turn(3, 0, null)), t.turns());
    }

    @Test
    void customerWithNoReplyAtAllHasNoFirstResponse() {
        ResponseTiming t = timing("10:00:00 customer 在吗");
        assertNull(t.firstResponseSeconds());
        assertEquals(1, t.unansweredTurns());
    }

    @Test
    void sameSecondReplyWaitsZero() {
        ResponseTiming t = timing("10:00:00 customer 在吗", "10:00:00 agent a1 在的");
        assertEquals(0.0, t.firstResponseSeconds());
    }

    @Test
    void waitAcrossMidnightIsMeasuredOnTheInstants() {
        Instant before = Instant.parse("2026-11-20T15:59:50Z");
        Instant after = Instant.parse("2026-11-20T16:00:05Z");
        List<Message> messages = List.of(
                new Message("c", "1", before, Role.CUSTOMER, null, "u", "s", "在吗", new SourceRef("f", 0, 1)),
                new Message("c", "2", after, Role.AGENT, "a1", "u", "s", "在的", new SourceRef("f", 0, 2)));
        assertEquals(15.0, ResponseTiming.measure(messages).firstResponseSeconds(),
                "23:59:50 to 00:00:05 in Shanghai");
    }

    @Test
    void zonelessTimestampsAreReadInTheRunsTimeZone() {
        TimestampParser shanghai = new TimestampParser(java.time.ZoneId.of("Asia/Shanghai"), List.of());
        TimestampParser utc = new TimestampParser(java.time.ZoneId.of("UTC"), List.of());
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), shanghai.parse("2026-11-20 10:00:00"));
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), utc.parse("2026-11-20 10:00:00"));
        assertEquals(shanghai.parse("2026-11-20T10:00:00+08:00"), utc.parse("2026-11-20T10:00:00+08:00"),
                "a time with its own zone ignores the run's zone");
    }

    @Test
    void withoutTimestampsDurationsAreUnknownButTurnsAreCounted() {
        ResponseTiming t = timing("- customer 在吗", "- agent - 在的", "- customer 有货吗");
        assertNull(t.firstResponseSeconds());
        assertNull(t.longestWaitSeconds());
        assertNull(t.meanWaitSeconds());
        assertEquals(2, t.customerTurns());
        assertEquals(1, t.answeredTurns());
        assertEquals(1, t.unansweredTurns());
    }
}
