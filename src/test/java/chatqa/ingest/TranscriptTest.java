package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;

/** The speaker-and-time lines of a conversation written into one field. */
class TranscriptTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void eachSpellingOfAHeaderOpensAMessage() {
        Transcript.Split s = Transcript.split("""
                访客8812 2026-11-20 10:00:00
                在吗
                [2026-11-20 10:00:30] 小美：您好
                小美（2026-11-20 10:01:00）: 请问有什么可以帮您
                2026/11/20 10:02:00 访客8812:我要改地址
                改成公司的""", DAY);
        assertNull(s.preamble());
        assertEquals(List.of("访客8812", "小美", "小美", "访客8812"), s.entries().stream().map(Transcript.Entry::speaker).toList());
        assertEquals(List.of("在吗", "您好", "请问有什么可以帮您", "我要改地址\n改成公司的"),
                s.entries().stream().map(Transcript.Entry::text).toList());
        assertEquals("2026/11/20 10:02:00", s.entries().get(3).time());
        assertEquals(List.of(0, 2, 3, 4), s.entries().stream().map(Transcript.Entry::line).toList());
    }

    @Test
    void aTimeInTheTextIsNoHeaderAndTimesOfDayTakeTheDateAcrossMidnight() {
        Transcript.Split s = Transcript.split("""
                客服 23:59:00
                预计 15:00 到，明天 10:00 前送达
                访客 00:00:10
                好的""", DAY);
        assertEquals(2, s.entries().size(), "预计 15:00 has no seconds: text, not a speaker");
        assertEquals("预计 15:00 到，明天 10:00 前送达", s.entries().get(0).text());
        assertEquals("2026-11-20 23:59:00", s.entries().get(0).time());
        assertEquals("2026-11-21 00:00:10", s.entries().get(1).time());
    }

    @Test
    void textBeforeTheFirstSpeakerIsThePreamble() {
        Transcript.Split s = Transcript.split("对话记录\n\n访客 10:00:00\n在吗", DAY);
        assertEquals("对话记录", s.preamble());
        assertEquals(1, s.entries().size());
        assertTrue(Transcript.split("没有时间的一段话", DAY).entries().isEmpty());
        assertEquals(DAY, Transcript.dateOf("2026-11-20T10:00:00"));
        assertNull(Transcript.dateOf("10:00:00"));
    }

    @Test
    void aTranscriptMappingNamesNoSenderRoleColumn() {
        ConfigError e = assertThrows(ConfigError.class, () -> MappingLoader.parse("""
                transcript: true
                columns:
                  conversation_id: id
                  sender_role: who
                  text: content
                """, "m.yaml"));
        assertTrue(e.getMessage().contains("sender_role"), e.getMessage());
        MappingLoader.parse("""
                transcript: true
                columns:
                  conversation_id: id
                  text: content
                """, "m.yaml");
    }

    @Test
    void aBareAgentWordIsTheRowsAgentAndOtherNamesAfterTheCustomerAreAgents() {
        ExportMapping m = MappingLoader.parse("""
                transcript: true
                columns:
                  conversation_id: id
                  agent_id: agent
                  text: content
                """, "m.yaml");
        CollectingSink sink = new CollectingSink();
        RowValidator v = new RowValidator(m, new TimestampParser(java.time.ZoneId.of("Asia/Shanghai"), List.of(), null));
        v.validate(java.util.Map.of(CanonicalField.CONVERSATION_ID, "c1", CanonicalField.AGENT_ID, "2001", CanonicalField.TEXT, """
                王先生 2026-11-20 10:00:00
                在吗
                客服 2026-11-20 10:00:20
                在的
                阿杰 2026-11-20 10:01:00
                我来为您处理"""), new chatqa.model.SourceRef("m.csv", 0, 2), "row", sink);
        assertEquals(List.of(), sink.quarantined);
        assertEquals(List.of("王先生", "王先生", "王先生"), sink.accepted.stream().map(chatqa.model.Message::customerId).toList(),
                "the first name no role word claims is the customer, on every message");
        assertEquals(List.of("2001", "2001", "阿杰"), sink.accepted.stream().map(chatqa.model.Message::agentId).toList(),
                "客服 is the row's agent (whose id every row of the conversation carries); a later unknown name another agent");
        assertEquals(List.of(2L, 4L, 6L), sink.accepted.stream().map(x -> x.source().line()).toList(), "the row's line plus the line in the field");
    }
}
