package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** Grouping one key's messages into conversations: order, ids, inactivity splits and duplicates. */
class SessionizerTest {
    private final Sessionizer sessionizer = new Sessionizer(Duration.ofMinutes(30));

    /** 2024-03-01 at {@code hhmmss} Beijing time; null for an export without timestamps. */
    private static Instant at(String hhmmss) {
        return hhmmss == null ? null : LocalDateTime.parse("2024-03-01T" + hhmmss).toInstant(ZoneOffset.ofHours(8));
    }

    private static SourceRef a(long line) {
        return new SourceRef("a.csv", 0, line);
    }

    private static SourceRef b(long line) {
        return new SourceRef("b.csv", 1, line);
    }

    private static Message msg(String conversationId, String messageId, String time, Role role, String text, SourceRef source) {
        return new Message(conversationId, messageId, at(time), role, null, "u1", "s1", text, source);
    }

    private static Message customer(String time, String text, SourceRef source) {
        return msg(null, null, time, Role.CUSTOMER, text, source);
    }

    private static List<String> texts(Conversation c) {
        return c.messages().stream().map(Message::text).toList();
    }

    private static List<String> messageIds(Conversation c) {
        return c.messages().stream().map(Message::messageId).toList();
    }

    @Test
    void messagesAreSortedByTimeWithTiesInFileOrder() {
        Sessionizer.Result r = sessionizer.split(List.of(
                msg("c1", null, "10:00:05", Role.AGENT, "从b文件", b(2)),
                msg("c1", null, "10:00:05", Role.AGENT, "第5行", a(5)),
                msg("c1", null, "10:00:09", Role.CUSTOMER, "最后", a(1)),
                msg("c1", null, "10:00:05", Role.AGENT, "第3行", a(3)),
                msg("c1", null, "10:00:00", Role.CUSTOMER, "最早", a(9))));

        assertEquals(1, r.conversations().size());
        assertEquals(List.of("最早", "第3行", "第5行", "从b文件", "最后"), texts(r.conversations().get(0)));
    }

    @Test
    void conversationIdKeepsMessagesTogetherAcrossLongSilences() {
        Sessionizer.Result r = sessionizer.split(List.of(
                msg("c1", null, "10:00:00", Role.CUSTOMER, "在吗", a(2)),
                msg("c1", "m9", "10:00:06", Role.AGENT, "您好", a(3)),
                msg("c1", null, "15:00:00", Role.CUSTOMER, "还在吗", a(4))));

        assertEquals(1, r.conversations().size());
        Conversation c = r.conversations().get(0);
        assertEquals("c1", c.id());
        assertEquals("s1", c.shopId());
        assertEquals("u1", c.customerId());
        assertEquals(List.of("c1#1", "m9", "c1#3"), messageIds(c));
        assertEquals(List.of("c1", "c1", "c1"), c.messages().stream().map(Message::conversationId).toList());
    }

    @Test
    void withoutConversationIdASilenceLongerThanTheGapStartsANewConversation() {
        Sessionizer.Result r = sessionizer.split(List.of(
                customer("10:00:00", "在吗", a(2)),
                customer("10:29:00", "人呢", a(3)),
                customer("11:00:00", "我的快递", a(4)),
                customer("11:01:00", "怎么还没到", a(5))));

        assertEquals(List.of("s1:u1:20240301T020000Z", "s1:u1:20240301T030000Z"),
                r.conversations().stream().map(Conversation::id).toList());
        assertEquals(List.of("在吗", "人呢"), texts(r.conversations().get(0)));
        assertEquals(List.of("我的快递", "怎么还没到"), texts(r.conversations().get(1)));
        assertEquals(List.of("s1:u1:20240301T030000Z#1", "s1:u1:20240301T030000Z#2"), messageIds(r.conversations().get(1)));
    }

    @Test
    void silenceOfExactlyTheGapDoesNotSplit() {
        Sessionizer.Result r = sessionizer.split(List.of(
                customer("10:00:00", "在吗", a(2)),
                customer("10:30:00", "人呢", a(3))));

        assertEquals(1, r.conversations().size());
    }

    @Test
    void generatedIdLeavesOutAMissingShop() {
        Message noShop = new Message(null, null, at("10:00:00"), Role.CUSTOMER, null, "u1", null, "在吗", a(2));

        Sessionizer.Result r = sessionizer.split(List.of(noShop));

        assertEquals("u1:20240301T020000Z", r.conversations().get(0).id());
        assertEquals("u1:20240301T020000Z#1", r.conversations().get(0).messages().get(0).messageId());
    }

    @Test
    void sameMessageFromASecondFileIsQuarantinedAsDuplicate() {
        Sessionizer.Result r = sessionizer.split(List.of(
                customer("10:00:00", "在吗", b(7)),
                customer("10:00:00", "在吗", a(2)),
                msg(null, null, "10:00:06", Role.AGENT, "您好", a(3))));

        assertEquals(List.of(new QuarantinedRow("b.csv", 7, QuarantineReason.DUPLICATE_MESSAGE, null,
                "same message as a.csv:2", "在吗")), r.duplicates());
        Conversation c = r.conversations().get(0);
        assertEquals(List.of("在吗", "您好"), texts(c));
        assertEquals(List.of(a(2), a(3)), c.messages().stream().map(Message::source).toList());
    }

    @Test
    void identicalMessagesWithoutIdInOneFileAreBothKept() {
        Sessionizer.Result r = sessionizer.split(List.of(
                customer("10:00:00", "在吗", a(2)),
                customer("10:00:00", "在吗", a(3))));

        assertEquals(List.of(), r.duplicates());
        assertEquals(List.of("在吗", "在吗"), texts(r.conversations().get(0)));
    }

    @Test
    void aRepeatedFileDropsEveryCopyOfItsRepeatedMessages() {
        Sessionizer.Result r = sessionizer.split(List.of(
                customer("10:00:00", "在吗", a(2)),
                customer("10:00:00", "在吗", a(3)),
                customer("10:00:00", "在吗", b(2)),
                customer("10:00:00", "在吗", b(3))));

        assertEquals(List.of(a(2), a(3)), r.conversations().get(0).messages().stream().map(Message::source).toList());
        assertEquals(List.of(2L, 3L), r.duplicates().stream().map(QuarantinedRow::line).toList());
        assertEquals(List.of("b.csv", "b.csv"), r.duplicates().stream().map(QuarantinedRow::file).toList());
    }

    @Test
    void sameMessageIdTwiceIsADuplicateEvenInOneFile() {
        Sessionizer.Result r = sessionizer.split(List.of(
                msg("c1", "m1", "10:00:00", Role.CUSTOMER, "在吗", a(2)),
                msg("c1", "m1", "10:00:00", Role.CUSTOMER, "在吗", a(5))));

        assertEquals(List.of("a.csv:5: duplicate_message: same message as a.csv:2"),
                r.duplicates().stream().map(QuarantinedRow::toString).toList());
        assertEquals(List.of("m1"), messageIds(r.conversations().get(0)));
    }

    @Test
    void messagesWithoutTimestampsKeepFileOrderAndAreNeverSplit() {
        Sessionizer.Result r = sessionizer.split(List.of(
                customer(null, "第三", a(4)),
                customer(null, "第一", a(2)),
                customer(null, "第四", b(1)),
                customer(null, "第二", a(3))));

        assertEquals(1, r.conversations().size());
        Conversation c = r.conversations().get(0);
        assertEquals("s1:u1:untimed", c.id());
        assertEquals(List.of("第一", "第二", "第三", "第四"), texts(c));
        assertEquals(List.of("s1:u1:untimed#1", "s1:u1:untimed#2", "s1:u1:untimed#3", "s1:u1:untimed#4"), messageIds(c));
        assertFalse(c.hasTimestamps());
    }

    @Test
    void noMessagesMakeNoConversation() {
        Sessionizer.Result r = sessionizer.split(List.of());

        assertEquals(List.of(), r.conversations());
        assertEquals(List.of(), r.duplicates());
    }

    @Test
    void keyUsesTheConversationIdWhenThereIsOneAndTheCustomerOtherwise() {
        assertEquals(Sessionizer.key("s1", "c1", "u1"), Sessionizer.key("s1", "c1", "u2"));
        assertNotEquals(Sessionizer.key("s1", "c1", "u1"), Sessionizer.key("s2", "c1", "u1"));
        assertNotEquals(Sessionizer.key("s1", null, "c1"), Sessionizer.key("s1", "c1", null));
        assertEquals(Sessionizer.key(null, null, "u1"), Sessionizer.key(null, null, "u1"));
    }
}
