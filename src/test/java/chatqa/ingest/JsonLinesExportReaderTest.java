package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** JSON Lines exports: one object per line, keys named like the canonical columns. */
class JsonLinesExportReaderTest {

    private static CollectingSink readJsonl(String text) {
        return CollectingSink.read(ExportMapping.canonical(), "chats.jsonl", text);
    }

    @Test
    void acceptsOneMessagePerObject() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","message_id":"m1","sent_at":"2024-03-01T10:00:00+08:00","sender_role":"买家","customer_id":"u1","shop_id":"s1","text":"在吗"}
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:06","sender_role":"agent","agent_id":"a7","customer_id":"u1","shop_id":"s1","text":"您好"}
                """);

        assertEquals(List.of(
                new Message("c1", "m1", Instant.parse("2024-03-01T02:00:00Z"), Role.CUSTOMER, null, "u1", "s1", "在吗",
                        new SourceRef("chats.jsonl", 0, 1)),
                new Message("c1", null, Instant.parse("2024-03-01T02:00:06Z"), Role.AGENT, "a7", "u1", "s1", "您好",
                        new SourceRef("chats.jsonl", 0, 2))),
                sink.accepted);
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void numericSentAtIsEpochMillis() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":1709258400123,"sender_role":"customer","text":"在吗"}
                """);

        assertEquals(Instant.parse("2024-03-01T02:00:00.123Z"), sink.accepted.get(0).sentAt());
    }

    @Test
    void numericIdsAreReadAsText() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":42,"customer_id":7,"sent_at":"2024-03-01 10:00:00","sender_role":"customer","text":"在吗"}
                """);

        assertEquals("42", sink.accepted.get(0).conversationId());
        assertEquals("7", sink.accepted.get(0).customerId());
    }

    @Test
    void textWithEscapedLineBreakStaysOneMessage() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:00","sender_role":"agent","text":"第一行\\n第二行 \\"好\\""}
                """);

        assertEquals(List.of("第一行\n第二行 \"好\""), sink.texts());
    }

    @Test
    void truncatedLineIsBadJsonAndLaterLinesAreStillRead() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:00","sender_role":"customer","text":"在
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:06","sender_role":"agent","text":"您好"}
                """);

        assertEquals(List.of("1:bad_json:-"), sink.quarantineSummary());
        assertTrue(sink.quarantined.get(0).detail().startsWith("not valid JSON"), sink.quarantined.get(0).detail());
        assertEquals(List.of(2L), sink.acceptedLines());
    }

    @Test
    void arrayLineIsBadJson() {
        CollectingSink sink = readJsonl("""
                ["c1","2024-03-01 10:00:00","customer","在吗"]
                """);

        assertEquals(List.of("1:bad_json:-"), sink.quarantineSummary());
        assertEquals("expected one JSON object per line", sink.quarantined.get(0).detail());
    }

    @Test
    void twoObjectsRunTogetherOnOneLineAreBadJsonNotHalfRead() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:00","sender_role":"customer","text":"在吗"}{"conversation_id":"c1","sent_at":"2024-03-01 10:00:06","sender_role":"agent","text":"您好"}
                """);

        assertEquals(List.of("1:bad_json:-"), sink.quarantineSummary());
        assertEquals(List.of(), sink.accepted);
    }

    @Test
    void unknownSenderIsUnknownRole() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:00","sender_role":"老板","text":"在吗"}
                """);

        assertEquals(List.of("1:unknown_role:sender_role"), sink.quarantineSummary());
    }

    @Test
    void nullOrMissingKeysAreAbsentFields() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":null,"sender_role":"customer","text":"在吗"}
                {"conversation_id":"c1","sender_role":"customer","text":"在吗"}
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:00","sender_role":"customer","text":null}
                """);

        assertEquals(List.of("1:missing_timestamp:sent_at", "2:missing_timestamp:sent_at", "3:missing_text:text"),
                sink.quarantineSummary());
    }

    @Test
    void blankLinesAreSkippedAndEveryOtherLineIsAcceptedOrQuarantined() {
        CollectingSink sink = readJsonl("""
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:00","sender_role":"customer","text":"在吗"}

                not json
                {"conversation_id":"c1","sent_at":"昨天","sender_role":"customer","text":"在吗"}
                {"conversation_id":"c1","sent_at":"2024-03-01 10:00:09","sender_role":"system","text":"订单已发货"}
                """);

        assertEquals(List.of(1L, 5L), sink.acceptedLines());
        assertEquals(List.of("3:bad_json:-", "4:bad_timestamp:sent_at"), sink.quarantineSummary());
    }
}
