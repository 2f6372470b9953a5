package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.config.ConfigError;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;

/** Export mappings: the built-in JDDC one, custom ones, and errors that point at the offending line. */
class MappingLoaderTest {

    private static String errorOf(String yaml) {
        return assertThrows(ConfigError.class, () -> MappingLoader.parse(yaml, "shop.yaml")).getMessage();
    }

    @Test
    void builtInJddcMappingDescribesAHeaderlessTsvWithoutTimestamps() {
        ExportMapping jddc = MappingLoader.load("jddc");

        assertEquals("built-in:jddc.yaml", jddc.source());
        assertEquals(false, jddc.header());
        assertEquals('\t', jddc.delimiterFor("chat.csv"));
        assertNull(jddc.quote());
        assertEquals("UTF-8", jddc.encoding());
        assertEquals(7, jddc.expectedColumns());
        assertEquals(false, jddc.hasTimestamps());
    }

    @Test
    void jddcRowsBecomeCustomerAndAgentMessagesWithDefaultShop() {
        CollectingSink sink = CollectingSink.read(MappingLoader.load("jddc"), "chat.txt",
                "s1\tU1\t0\t0\t0\tnan\t你好\n"
                        + "s1\tU1\t1\t0\t0\tnan\t您好，有什么可以帮您\n");

        assertEquals(List.of(
                new Message("s1", null, null, Role.CUSTOMER, null, "U1", "jd", "你好", new SourceRef("chat.txt", 0, 1)),
                new Message("s1", null, null, Role.AGENT, null, "U1", "jd", "您好，有什么可以帮您",
                        new SourceRef("chat.txt", 0, 2))),
                sink.accepted);
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void jdChatLogApiRecordsAsJsonLinesOrCsvBecomeMessagesOfTheSession() {
        ExportMapping jd = MappingLoader.load("jd-chatlog");
        CollectingSink json = CollectingSink.read(jd, "chatlog.jsonl",
                "{\"customer\":\"jd_buyer1\",\"waiter\":\"shop_kefu01\",\"content\":\"在吗，什么时候发货\",\"sid\":\"S9\","
                        + "\"skuId\":100012,\"time\":\"2026-11-20 10:00:05\",\"channel\":\"app\",\"waiterSend\":false}\n"
                        + "{\"customer\":\"jd_buyer1\",\"waiter\":\"shop_kefu01\",\"content\":\"您好，今天下午发出\",\"sid\":\"S9\","
                        + "\"skuId\":100012,\"time\":\"2026-11-20 10:00:35\",\"channel\":\"app\",\"waiterSend\":true}\n");
        CollectingSink csv = CollectingSink.read(jd, "chatlog.csv",
                "customer,waiter,content,sid,skuId,time,channel,waiterSend\n"
                        + "jd_buyer1,shop_kefu01,在吗，什么时候发货,S9,100012,2026-11-20 10:00:05,app,0\n"
                        + "jd_buyer1,shop_kefu01,您好，今天下午发出,S9,100012,2026-11-20 10:00:35,app,1\n");

        for (CollectingSink sink : List.of(json, csv)) {
            assertEquals(List.of(), sink.quarantined);
            assertEquals(List.of(Role.CUSTOMER, Role.AGENT), sink.accepted.stream().map(Message::role).toList());
            Message reply = sink.accepted.get(1);
            assertEquals("S9", reply.conversationId());
            assertEquals("shop_kefu01", reply.agentId());
            assertEquals("jd_buyer1", reply.customerId());
            assertEquals("jd", reply.shopId());
            assertEquals(Instant.parse("2026-11-20T02:00:35Z"), reply.sentAt(), "Beijing time");
        }
    }

    @Test
    void jddcRowWithSixColumnsIsWrongColumnCount() {
        CollectingSink sink = CollectingSink.read(MappingLoader.load("jddc"), "chat.txt",
                "s1\tU1\t0\t0\tnan\t你好\n"
                        + "s1\tU1\t1\t0\t0\tnan\t您好\n");

        assertEquals(List.of("1:wrong_column_count:-"), sink.quarantineSummary());
        assertEquals("expected 7 columns, found 6", sink.quarantined.get(0).detail());
        assertEquals(List.of(2L), sink.acceptedLines());
    }

    @Test
    void jddcTreatsQuotesAsText() {
        CollectingSink sink = CollectingSink.read(MappingLoader.load("jddc"), "chat.txt",
                "s1\tU1\t0\t0\t0\tnan\t\"在吗\n"
                        + "s1\tU1\t1\t0\t0\tnan\t您好\n");

        assertEquals(List.of("\"在吗", "您好"), sink.texts());
    }

    @Test
    void customMappingRenamesColumnsAddsRoleCodesAndTimestampPatterns() {
        ExportMapping mapping = MappingLoader.parse("""
                format: csv
                delimiter: ";"
                columns:
                  conversation_id: 会话ID
                  sent_at: 时间
                  sender_role: 发送方
                  text: 内容
                roles:
                  C: customer
                  S: agent
                timestamp_formats: ["yyyy/MM/dd HH:mm:ss"]
                """, "shop.yaml");

        CollectingSink sink = CollectingSink.read(mapping, "chat.txt", """
                会话ID;时间;发送方;内容
                c1;2024/03/01 10:00:00;C;在吗, 有货吗
                c1;2024/03/01 10:00:04;s;有的
                """);

        assertEquals(List.of(
                new Message("c1", null, Instant.parse("2024-03-01T02:00:00Z"), Role.CUSTOMER, null, null, null, "在吗, 有货吗",
                        new SourceRef("chat.txt", 0, 2)),
                new Message("c1", null, Instant.parse("2024-03-01T02:00:04Z"), Role.AGENT, null, null, null, "有的",
                        new SourceRef("chat.txt", 0, 3))),
                sink.accepted);
    }

    @Test
    void formatTsvMeansTabSeparatedWhateverTheFileIsCalled() {
        ExportMapping mapping = MappingLoader.parse("""
                format: tsv
                columns:
                  conversation_id: conversation_id
                  sender_role: sender_role
                  text: text
                """, "shop.yaml");

        CollectingSink sink = CollectingSink.read(mapping, "export.txt", "conversation_id\tsender_role\ttext\nc1\tcustomer\t在吗, 有货吗\n");

        assertEquals(List.of("在吗, 有货吗"), sink.texts());
    }

    @Test
    void unknownKeyIsNamedWithItsLine() {
        String error = errorOf("""
                header: false
                delimeter: ","
                columns:
                  conversation_id: 0
                  sender_role: 1
                  text: 2
                """);

        assertTrue(error.startsWith("shop.yaml:2: unknown key 'delimeter' (allowed: "), error);
    }

    @Test
    void unknownCanonicalFieldIsNamedWithItsLine() {
        String error = errorOf("""
                columns:
                  conversation_id: 会话ID
                  sender_role: 发送方
                  body: 内容
                """);

        assertTrue(error.startsWith("shop.yaml:4: columns.body: unknown canonical field 'body'"), error);
    }

    @Test
    void unsupportedEncodingIsNamedWithItsLine() {
        String error = errorOf("""
                description: old desktop export
                encoding: latin1
                columns:
                  conversation_id: 会话ID
                  sender_role: 发送方
                  text: 内容
                """);

        assertEquals("shop.yaml:2: encoding: expected auto, UTF-8, GBK (GB18030), Big5, UTF-16LE or UTF-16BE, got 'latin1'", error);
    }

    @Test
    void headerlessMappingNeedsColumnIndexes() {
        String error = errorOf("""
                header: false
                columns:
                  conversation_id: 0
                  sender_role: 1
                  text: content
                """);

        assertEquals("shop.yaml:5: columns.text: a file without header needs column indexes (0, 1, …), got 'content'", error);
    }

    @Test
    void mappingWithoutTextIsRejected() {
        String error = errorOf("""
                description: no text
                columns:
                  conversation_id: 会话ID
                  sender_role: 发送方
                """);

        // Located at the first line of the columns block.
        assertEquals("shop.yaml:3: columns: must map at least 'text' and 'sender_role'", error);
    }

    @Test
    void mappingWithNeitherConversationNorCustomerIsRejected() {
        String error = errorOf("""
                columns:
                  sender_role: 发送方
                  text: 内容
                """);

        assertTrue(error.contains("columns: must map 'conversation_id' or 'customer_id'"), error);
    }

    @Test
    void unknownRoleInRoleCodesIsNamedWithItsLine() {
        String error = errorOf("""
                columns:
                  conversation_id: 会话ID
                  sender_role: 发送方
                  text: 内容
                roles:
                  "9": boss
                """);

        assertTrue(error.startsWith("shop.yaml:6: roles.9: unknown role 'boss'"), error);
    }

    @Test
    void textCannotHaveADefault() {
        String error = errorOf("""
                columns:
                  conversation_id: 会话ID
                  sender_role: 发送方
                  text: 内容
                defaults:
                  text: 在吗
                """);

        assertTrue(error.startsWith("shop.yaml:6: defaults.text: cannot default 'text'"), error);
    }

    @Test
    void errorsInAMappingFileNameThatFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taobao.yaml");
        Files.writeString(file, """
                columns:
                  conversation_id: 会话ID
                  sender_role: 发送方
                  text: 内容
                quote: "''"
                """);

        ConfigError e = assertThrows(ConfigError.class, () -> MappingLoader.load(file.toString()));

        assertTrue(e.getMessage().startsWith(file + ":5: quote: expected one character"), e.getMessage());
    }

    @Test
    void unknownBuiltInMappingNameIsAConfigError() {
        ConfigError e = assertThrows(ConfigError.class, () -> MappingLoader.load("no-such-mapping"));

        assertTrue(e.getMessage().startsWith("--mapping no-such-mapping: no such file"), e.getMessage());
    }
}
