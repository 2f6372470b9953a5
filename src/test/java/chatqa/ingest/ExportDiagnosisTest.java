package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** One sentence for a file that failed as a whole (issue "Never lose a scored day", finding 2). */
class ExportDiagnosisTest {
    private static String diagnose(String text, String file, String reason, long rows, String detail) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return ExportDiagnosis.diagnose(b, b.length, ExportMapping.canonical(),
                new ExportDiagnosis.FileOutcome(file, rows, 0, reason, rows, null, detail));
    }

    @Test
    void aChineseHeaderGetsTheMappingItLooksLike() {
        String d = diagnose("会话ID,时间,发送方,客服,内容\nc1,2026-11-21 10:00,顾客,,在吗\n", "x.csv", "missing_column", 1,
                "the header has no column 'conversation_id'");

        assertTrue(d.startsWith("the header 会话ID, 时间, 发送方, 客服, 内容 matches no column of canonical schema; it looks like a mapping "
                + "with columns: conversation_id: 会话ID, sent_at: 时间, sender_role: 发送方, agent_id: 客服, text: 内容"), d);
    }

    @Test
    void anEnglishHeaderNamesTheClosestBuiltInMapping() {
        String d = diagnose("conversation_id,when,who,text\n", "x.csv", "missing_column", 3, "the header has no column 'sent_at'");

        assertTrue(d.endsWith("closest built-in mapping: canonical schema (2 of 8 columns)"), d);
    }

    @Test
    void aJdChatLogHeaderIsToldWhichBuiltInMappingReadsIt() {
        String d = diagnose("customer,waiter,content,sid,skuId,time,channel,waiterSend\n", "chatlog.csv", "missing_column", 3,
                "the header has no column 'conversation_id'");

        assertTrue(d.endsWith("closest built-in mapping: built-in:jd-chatlog.yaml (6 of 6 columns: run with --mapping jd-chatlog)"), d);
    }

    @Test
    void aWorkbookOrArchiveIsNamed() {
        byte[] xlsx = "PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml".getBytes(StandardCharsets.ISO_8859_1);
        byte[] zip = "PK\u0003\u0004....session.txt".getBytes(StandardCharsets.ISO_8859_1);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};

        assertTrue(ExportDiagnosis.notText(xlsx, xlsx.length).startsWith("this is an Excel workbook (.xlsx)"));
        assertTrue(ExportDiagnosis.notText(zip, zip.length).startsWith("this is a zip archive"));
        assertTrue(ExportDiagnosis.notText(xls, xls.length).startsWith("this is an old Excel workbook (.xls)"));
        assertNull(ExportDiagnosis.notText("a,b\n".getBytes(StandardCharsets.UTF_8), 4));
    }

    @Test
    void unreadTimestampsGetATimeFormat() {
        String d = diagnose("x", "x.csv", "bad_timestamp", 40, "'11/21/2026 10:00' is not an ISO-8601 time, …");
        String timeOnly = diagnose("x", "x.csv", "bad_timestamp", 40, "'10:00:05' is a time of day without a date: pass --date …");

        assertEquals("timestamps look like '11/21/2026 10:00', a form chatqa does not read by itself: add time_format: "
                + "'M/d/yyyy H:mm' to a mapping (docs/mappings.md)", d);
        assertTrue(timeOnly.startsWith("timestamps are times of day without a date (10:00:05): pass --date YYYY-MM-DD"), timeOnly);
    }

    @Test
    void aWrongDelimiterIsNamed() {
        String d = diagnose("conversation_id;sent_at;sender_role;text\nc1;x;y;z\n", "x.csv", "missing_column", 1, "no column");

        assertEquals("the header is one column when split at ',', but the file looks ;-separated: set delimiter: \";\" in a mapping "
                + "(docs/mappings.md)", d);
    }

    @Test
    void aJsonArrayIsNotJsonLines() {
        String d = diagnose("[{\"text\": \"在吗\"},\n{\"text\": \"您好\"}]\n", "/in/x.json", "bad_json", 2, "not valid JSON");

        assertTrue(d.startsWith("this is one JSON array, not JSON Lines"), d);
    }

    @Test
    void aFileMostlyAcceptedIsNotDiagnosed() {
        assertNull(ExportDiagnosis.diagnose(new byte[0], 0, ExportMapping.canonical(),
                new ExportDiagnosis.FileOutcome("x.csv", 100, 80, "bad_timestamp", 20, "sent_at", "'x' is not …")));
    }

    @Test
    void timePatternsAreGuessedFromTheValue() {
        assertEquals("M/d/yyyy H:mm", TimePatternGuess.of("11/21/2026 10:00"));
        assertEquals("d.M.yyyy H:mm:ss", TimePatternGuess.of("21.11.2026 10:00:05"));
        assertEquals("yyyyMMddHHmmss", TimePatternGuess.of("20261121100005"));
        assertEquals("d/M/yyyy H:mm' or 'M/d/yyyy H:mm", TimePatternGuess.of("05/06/2026 10:00"));
        assertNull(TimePatternGuess.of("yesterday"));
    }
}
