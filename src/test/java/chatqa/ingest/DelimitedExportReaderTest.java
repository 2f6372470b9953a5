package chatqa.ingest;

import static chatqa.ingest.CollectingSink.readCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** Reading canonical CSV exports: what is accepted, and how broken structure costs as few rows as possible. */
class DelimitedExportReaderTest {

    @Test
    void acceptsRowsWithEveryCanonicalField() {
        CollectingSink sink = readCsv("""
                conversation_id,message_id,sent_at,sender_role,agent_id,customer_id,shop_id,text
                c1,m1,2024-03-01 10:00:00,customer,,u1,s1,在吗
                c1,m2,2024-03-01 10:00:08,客服,a7,u1,s1,  您好，我是客服7号
                """);

        assertEquals(List.of(
                new Message("c1", "m1", Instant.parse("2024-03-01T02:00:00Z"), Role.CUSTOMER, null, "u1", "s1", "在吗",
                        new SourceRef("x.csv", 0, 2)),
                new Message("c1", "m2", Instant.parse("2024-03-01T02:00:08Z"), Role.AGENT, "a7", "u1", "s1", "您好，我是客服7号",
                        new SourceRef("x.csv", 0, 3))),
                sink.accepted);
        assertEquals(List.of(), sink.quarantined);
        assertEquals(FileEncoding.UTF_8, sink.charset);
    }

    @Test
    void headerNamesAreMatchedCaseInsensitivelyInAnyOrder() {
        CollectingSink sink = readCsv("""
                TEXT, Sender_Role ,Sent_At,customer_id
                在吗,buyer,2024-03-01T10:00:00+08:00,u1
                """);

        assertEquals(List.of(new Message(null, null, Instant.parse("2024-03-01T02:00:00Z"), Role.CUSTOMER, null, "u1", null,
                "在吗", new SourceRef("x.csv", 0, 2))), sink.accepted);
    }

    @Test
    void quotedTextKeepsCommasDoubledQuotesAndLineBreaks() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text
                c1,2024-03-01 10:00:00,customer,"你好, 我要退货 ""尽快""\"
                c1,2024-03-01 10:00:05,agent,"第一行
                第二行"
                c1,2024-03-01 10:00:09,customer,好的
                """);

        assertEquals(List.of("你好, 我要退货 \"尽快\"", "第一行\n第二行", "好的"), sink.texts());
        assertEquals(List.of(2L, 3L, 5L), sink.acceptedLines());
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text
                c1,2024-03-01 10:00:00,customer,他说"马上到"
                """);

        assertEquals(List.of("他说\"马上到\""), sink.texts());
    }

    @Test
    void windowsLineEndingsAreNotPartOfTheText() {
        CollectingSink sink = readCsv("conversation_id,sent_at,sender_role,text\r\n"
                + "c1,2024-03-01 10:00:00,customer,在吗\r\n"
                + "c1,2024-03-01 10:00:05,agent,\"您好\r\n请讲\"\r\n");

        assertEquals(List.of("在吗", "您好\n请讲"), sink.texts());
    }

    @Test
    void byteOrderMarkIsStrippedSoTheHeaderIsRecognised() {
        CollectingSink sink = readCsv("\uFEFFconversation_id,sent_at,sender_role,text\n"
                + "c1,2024-03-01 10:00:00,customer,在吗\n");

        assertEquals(List.of("在吗"), sink.texts());
        assertEquals("c1", sink.accepted.get(0).conversationId());
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void blankLinesAreSkippedButKeepTheirLineNumbers() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text

                c1,2024-03-01 10:00:00,customer,在吗
                  \t
                c1,2024-03-01 10:00:05,agent,您好

                """);

        assertEquals(List.of(3L, 5L), sink.acceptedLines());
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void rowWithTooFewColumnsIsWrongColumnCount() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text
                c1,2024-03-01 10:00:00,在吗
                c1,2024-03-01 10:00:05,agent,您好,多余
                c1,2024-03-01 10:00:09,agent,请讲
                """);

        assertEquals(List.of("2:wrong_column_count:-", "3:wrong_column_count:-"), sink.quarantineSummary());
        assertEquals("expected 4 columns, found 3", sink.quarantined.get(0).detail());
        assertEquals("c1,2024-03-01 10:00:00,在吗", sink.quarantined.get(0).raw());
        assertEquals(List.of(4L), sink.acceptedLines());
    }

    @Test
    void headerWithoutTextColumnQuarantinesEveryRowAsMissingColumn() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role
                c1,2024-03-01 10:00:00,customer
                c1,2024-03-01 10:00:05,agent
                """);

        assertEquals(List.of("2:missing_column:text", "3:missing_column:text"), sink.quarantineSummary());
        assertEquals(List.of(), sink.accepted);
    }

    @Test
    void headerThatCannotBeDecodedQuarantinesEveryRowInsteadOfTakingTheFirstRowAsHeader() {
        byte[] header = "conversation_id,sent_at,sender_role,text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] rows = "\nc1,2024-03-01 10:00:00,customer,在吗\nc1,2024-03-01 10:00:05,agent,您好\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(header, header.length + 1 + rows.length);
        bytes[header.length] = (byte) 0xFF;
        System.arraycopy(rows, 0, bytes, header.length + 1, rows.length);

        CollectingSink sink = CollectingSink.read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(List.of("1:bad_encoding:-", "2:missing_column:-", "3:missing_column:-"), sink.quarantineSummary());
        assertEquals(List.of(), sink.accepted);
    }

    @Test
    void headerWithNeitherConversationNorCustomerIsMissingColumn() {
        CollectingSink sink = readCsv("""
                sent_at,sender_role,text
                2024-03-01 10:00:00,customer,在吗
                """);

        assertEquals(List.of("2:missing_column:conversation_id"), sink.quarantineSummary());
    }

    @Test
    void quoteThatNeverClosesCostsOnlyItsOwnRow() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text
                c1,2024-03-01 10:00:00,customer,"在吗
                c1,2024-03-01 10:00:05,agent,您好
                c1,2024-03-01 10:00:09,customer,好的
                """);

        assertEquals(List.of("2:unbalanced_quotes:-"), sink.quarantineSummary());
        assertEquals("c1,2024-03-01 10:00:00,customer,\"在吗", sink.quarantined.get(0).raw());
        assertEquals(List.of("您好", "好的"), sink.texts());
        assertEquals(List.of(3L, 4L), sink.acceptedLines());
    }

    @Test
    void strayQuoteClosingLinesLaterDoesNotJoinTheRowsInBetween() {
        // The quote opened on line 2 closes at the quoted time on line 4; joined, the record has 6 columns, not 4.
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text
                c1,2024-03-01 10:00:00,customer,"在吗
                c1,2024-03-01 10:00:05,agent,您好
                c1,"2024-03-01 10:00:09",customer,好的
                c1,2024-03-01 10:00:12,agent,收到
                """);

        assertEquals(List.of("2:unbalanced_quotes:-"), sink.quarantineSummary());
        assertEquals(List.of("您好", "好的", "收到"), sink.texts());
        assertEquals(List.of(3L, 4L, 5L), sink.acceptedLines());
        assertEquals(Instant.parse("2024-03-01T02:00:09Z"), sink.accepted.get(1).sentAt());
    }

    @Test
    void quoteStillOpenAfterTheLineLimitCostsOnlyItsOwnRow() {
        int rows = DelimitedExportReader.MAX_RECORD_LINES + 50;
        StringBuilder csv = new StringBuilder("conversation_id,sent_at,sender_role,text\n");
        csv.append("c1,2024-03-01 10:00:00,customer,\"在吗\n");
        IntStream.range(0, rows).forEach(i -> csv.append("c1,2024-03-01 10:01:00,agent,第").append(i).append("条\n"));

        CollectingSink sink = readCsv(csv.toString());

        assertEquals(List.of("2:unbalanced_quotes:-"), sink.quarantineSummary());
        assertEquals(LongStream.rangeClosed(3, rows + 2).boxed().toList(), sink.acceptedLines());
    }

    @Test
    void everyDataRowIsEitherAcceptedOrQuarantinedExactlyOnce() {
        CollectingSink sink = readCsv("""
                conversation_id,sent_at,sender_role,text
                c1,2024-03-01 10:00:00,customer,在吗
                c1,2024-03-01 10:00:01,customer,"多行
                文本"
                c1,昨天,customer,在吗
                c1,2024-03-01 10:00:05,老板,您好
                c1,2024-03-01 10:00:06,agent,"你好
                c1,2024-03-01 10:00:07,agent,请讲
                c1,2024-03-01 10:00:08,agent
                ,2024-03-01 10:00:09,customer,我的快递
                c1,,customer,没有时间
                c1,2024-03-01 10:00:11,,没有角色
                c1,2024-03-01 10:00:12,agent,
                """);

        List<Long> lines = new java.util.ArrayList<>(sink.acceptedLines());
        sink.quarantined.forEach(q -> lines.add(q.line()));
        lines.sort(null);
        assertEquals(List.of(2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L), lines);
        assertEquals(List.of("在吗", "多行\n文本", "请讲"), sink.texts());
        assertEquals(List.of("5:bad_timestamp:sent_at", "6:unknown_role:sender_role", "7:unbalanced_quotes:-",
                "9:wrong_column_count:-", "10:missing_customer:customer_id", "11:missing_timestamp:sent_at",
                "12:missing_role:sender_role", "13:missing_text:text"), sink.quarantineSummary());
    }
}
