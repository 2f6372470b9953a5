package chatqa.ingest;

import static chatqa.ingest.CollectingSink.readCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** Each way a well-formed row can still be unusable gets its own reason, line and field. */
class RowValidatorTest {
    private static final String HEADER = "conversation_id,customer_id,sent_at,sender_role,text\n";

    /** Reads one data row (line 2) that must be quarantined, and returns that quarantined row. */
    private static QuarantinedRow quarantinedRow(String row) {
        CollectingSink sink = readCsv(HEADER + row + "\n");
        assertEquals(List.of(), sink.accepted);
        assertEquals(1, sink.quarantined.size());
        return sink.quarantined.get(0);
    }

    private static String summary(QuarantinedRow q) {
        return q.line() + ":" + q.reason().code() + ":" + q.field();
    }

    @Test
    void unreadableTimestampIsBadTimestamp() {
        QuarantinedRow q = quarantinedRow("c1,u1,昨天下午3点,customer,在吗");

        assertEquals("2:bad_timestamp:sent_at", summary(q));
        assertTrue(q.detail().startsWith("'昨天下午3点' is not"), q.detail());
        assertEquals("c1,u1,昨天下午3点,customer,在吗", q.raw());
    }

    @Test
    void emptyTimestampIsMissingTimestamp() {
        assertEquals("2:missing_timestamp:sent_at", summary(quarantinedRow("c1,u1,  ,customer,在吗")));
    }

    @Test
    void unknownSpellingOfTheSenderIsUnknownRole() {
        QuarantinedRow q = quarantinedRow("c1,u1,2024-03-01 10:00:00,老板,在吗");

        assertEquals("2:unknown_role:sender_role", summary(q));
        assertTrue(q.detail().startsWith("unknown sender role '老板'"), q.detail());
    }

    @Test
    void emptySenderIsMissingRole() {
        assertEquals("2:missing_role:sender_role", summary(quarantinedRow("c1,u1,2024-03-01 10:00:00,,在吗")));
    }

    @Test
    void blankTextIsMissingText() {
        assertEquals("2:missing_text:text", summary(quarantinedRow("c1,u1,2024-03-01 10:00:00,customer,   ")));
    }

    @Test
    void rowWithNeitherConversationNorCustomerIsMissingCustomer() {
        assertEquals("2:missing_customer:customer_id", summary(quarantinedRow(",,2024-03-01 10:00:00,customer,在吗")));
    }

    @Test
    void missingTextIsReportedBeforeAnyOtherProblem() {
        assertEquals("2:missing_text:text", summary(quarantinedRow(",,昨天,老板,")));
    }

    @Test
    void customerAloneIsEnoughToPlaceTheMessage() {
        CollectingSink sink = readCsv(HEADER + ",u1,1709258400,customer,在吗\n");

        assertEquals(List.of(new Message(null, null, Instant.parse("2024-03-01T02:00:00Z"), Role.CUSTOMER, null, "u1", null,
                "在吗", new SourceRef("x.csv", 0, 2))), sink.accepted);
    }

    @Test
    void rolesAreReadInEnglishAndChineseRegardlessOfCase() {
        CollectingSink sink = readCsv(HEADER + """
                c1,u1,2024-03-01 10:00:00,Customer,a
                c1,u1,2024-03-01 10:00:01,顾客,b
                c1,u1,2024-03-01 10:00:02,买家,c
                c1,u1,2024-03-01 10:00:03,客户,d
                c1,u1,2024-03-01 10:00:04,AGENT,e
                c1,u1,2024-03-01 10:00:05,客服,f
                c1,u1,2024-03-01 10:00:06,卖家,g
                c1,u1,2024-03-01 10:00:07,Bot,h
                c1,u1,2024-03-01 10:00:08,机器人,i
                c1,u1,2024-03-01 10:00:09,SYSTEM,j
                c1,u1,2024-03-01 10:00:10,系统,k
                """);

        assertEquals(List.of(Role.CUSTOMER, Role.CUSTOMER, Role.CUSTOMER, Role.CUSTOMER, Role.AGENT, Role.AGENT, Role.AGENT,
                Role.BOT, Role.BOT, Role.SYSTEM, Role.SYSTEM), sink.accepted.stream().map(Message::role).toList());
    }

    @Test
    void mappingDefaultsFillFieldsTheRowLeavesEmpty() {
        ExportMapping canonical = ExportMapping.canonical();
        ExportMapping withShop = new ExportMapping("test", null, null, '"', true, "auto", canonical.columns(), Map.of(),
                Map.of(CanonicalField.SHOP_ID, "默认店", CanonicalField.AGENT_ID, "a0"), List.of(), 0);

        CollectingSink sink = CollectingSink.read(withShop, "x.csv", """
                conversation_id,sent_at,sender_role,agent_id,shop_id,text
                c1,2024-03-01 10:00:00,agent,a7,,您好
                c1,2024-03-01 10:00:05,agent,,s2,请讲
                c1,2024-03-01 10:00:09,customer,,s2,好的
                """);

        assertEquals(List.of("默认店", "s2", "s2"), sink.accepted.stream().map(Message::shopId).toList());
        // A default agent id names agents only: the customer's row keeps none.
        assertEquals(java.util.Arrays.asList("a7", "a0", null), sink.accepted.stream().map(Message::agentId).toList());
    }

    @Test
    void epochZeroIsAnImplausibleTimestamp() {
        QuarantinedRow q = quarantinedRow("c1,u1,0,customer,在吗");

        assertEquals("2:implausible_timestamp:sent_at", summary(q));
        assertEquals("'0' is 1970-01-01T00:00:00Z, before 2000-01-01T00:00:00Z: a zero or unset clock, not a chat time", q.detail());
    }

    @Test
    void timestampMoreThanADayAfterReadingIsImplausible() {
        Instant readAt = Instant.parse("2026-11-21T02:00:00Z");
        CollectingSink sink = new CollectingSink();
        RowValidator validator = new RowValidator(chatqa.ingest.ExportMapping.canonical(),
                new TimestampParser(CollectingSink.SHANGHAI, List.of()), readAt);
        SourceRef at = new SourceRef("x.csv", 0, 2);
        validator.validate(Map.of(CanonicalField.CONVERSATION_ID, "c1", CanonicalField.SENDER_ROLE, "customer",
                CanonicalField.TEXT, "在吗", CanonicalField.SENT_AT, "2026-11-22T02:00:00Z"), at, "row", sink);
        validator.validate(Map.of(CanonicalField.CONVERSATION_ID, "c1", CanonicalField.SENDER_ROLE, "customer",
                CanonicalField.TEXT, "在吗", CanonicalField.SENT_AT, "2026-11-22T02:00:01Z"), at, "row", sink);

        assertEquals(List.of(Instant.parse("2026-11-22T02:00:00Z")), sink.accepted.stream().map(Message::sentAt).toList());
        assertEquals(List.of("2:implausible_timestamp:sent_at"), sink.quarantineSummary());
    }

    @Test
    void escapedNulInAJsonFieldIsBadEncodingOfThatField() {
        CollectingSink sink = CollectingSink.read(ExportMapping.canonical(), "x.jsonl",
                "{\"conversation_id\":\"c1\",\"sent_at\":\"2026-11-20 10:00:00\",\"sender_role\":\"customer\",\"text\":\"好\\u0000\"}\n");

        assertEquals(List.of("1:bad_encoding:text"), sink.quarantineSummary());
        assertEquals("a NUL character (U+0000) in text", sink.quarantined.get(0).detail());
    }
}
