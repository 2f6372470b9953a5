package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;

/**
 * Excel input: the Pinduoduo export plugin's workbook (a 会话 summary sheet before the 消息明细
 * messages), with real date cells, an image without text, a bot, and a blank row.
 */
class XlsxExportTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    /** The workbook as the plugin writes it; dates as Excel date cells, one as text. */
    static Path pddWorkbook(Path dir) throws IOException {
        Path file = dir.resolve("拼多多聊天记录-2026-11-20.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm:ss"));
            Sheet sessions = wb.createSheet("会话");
            row(sessions, 0, "消费者账号", "消费者ID(uid)", "客服账号", "消息条数", "首条时间", "末条时间");
            row(sessions, 1, "pdd_小雨", "5501", "柚子家居:小美", "4", "2026-11-20 10:00:00", "2026-11-20 10:03:00");
            Sheet messages = wb.createSheet("消息明细");
            row(messages, 0, "消费者头像", "消费者账号", "客服账号", "发送方", "消息类型", "消息内容", "图片链接", "发送时间");
            Object[][] rows = {
                {"", "pdd_小雨", "柚子家居:小美", "消费者", "文本", "这个枕头有现货吗", "", LocalDateTime.of(2026, 11, 20, 10, 0, 0)},
                {"", "pdd_小雨", "柚子家居:小美", "机器人", "文本", "您好，欢迎光临柚子家居", "", LocalDateTime.of(2026, 11, 20, 10, 0, 2)},
                {"", "pdd_小雨", "柚子家居:小美", "客服", "文本", "亲，有现货的，今天下单今天发", "", LocalDateTime.of(2026, 11, 20, 10, 1, 0)},
                {"", "pdd_小雨", "柚子家居:小美", "消费者", "图片", "", "https://img.example/1.jpg", "2026-11-20 10:02:00"},
                {},
                {"", "pdd_小雨", "柚子家居:小美", "客服", "文本", "收到图片，是这款的", "", LocalDateTime.of(2026, 11, 20, 10, 3, 0)},
            };
            for (int i = 0; i < rows.length; i++) {
                Row r = messages.createRow(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    if (rows[i][c] instanceof LocalDateTime t) {
                        r.createCell(c).setCellValue(t);
                        r.getCell(c).setCellStyle(date);
                    } else {
                        r.createCell(c).setCellValue((String) rows[i][c]);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    private static void row(Sheet sheet, int n, String... cells) {
        Row r = sheet.createRow(n);
        for (int c = 0; c < cells.length; c++) {
            r.createCell(c).setCellValue(cells[c]);
        }
    }

    @Test
    void thePinduoduoWorkbookIsRecognisedAndItsMessageSheetRead() throws IOException {
        Path file = pddWorkbook(tmp);
        LayoutDetection.Detected d = LayoutDetection.detect(file);
        assertEquals("pdd-xlsx", d.preset(), d.columns().toString());
        LocalExports.Read read = LocalExports.read(List.of(file), d.mapping(), SHANGHAI, Duration.ofMinutes(30));
        assertEquals(List.of(), read.quarantined());
        assertEquals(1, read.conversations().size());
        Conversation c = read.conversations().get(0);
        assertEquals("pdd", c.shopId());
        assertEquals("pdd_小雨", c.customerId());
        List<Message> m = c.messages();
        assertEquals(List.of(Role.CUSTOMER, Role.BOT, Role.AGENT, Role.CUSTOMER, Role.AGENT), m.stream().map(Message::role).toList());
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), m.get(0).sentAt(), "an Excel date cell, Beijing time");
        assertEquals(Instant.parse("2026-11-20T02:02:00Z"), m.get(3).sentAt(), "a date typed as text");
        assertEquals("[图片]", m.get(3).text(), "an image is a message of its kind, not a row without text");
        assertEquals("柚子家居:小美", m.get(2).agentId());
        assertEquals(7, m.get(4).source().line(), "lines are Excel's row numbers (header 1, the blank row 6 skipped)");
        chatqa.score.ConversationScore scored = new chatqa.score.ConversationScorer(chatqa.rules.RuleBookLoader.loadDefault()).score(c);
        assertEquals(60.0, scored.timing().firstResponseSeconds(), 1e-9, "the robot's welcome does not stop the clock: 10:00:00 → 10:01:00");
        assertEquals("柚子家居:小美", scored.agentId());
    }

    @Test
    void aWorkbookThatIsNoZipIsQuarantinedNotACrash() throws IOException {
        Path bad = Files.writeString(tmp.resolve("broken.xlsx"), "not a workbook");
        LocalExports.Read read = LocalExports.read(List.of(bad), MappingLoader.load("pdd-xlsx"), SHANGHAI, Duration.ofMinutes(30));
        assertEquals(1, read.quarantined().size());
        assertTrue(read.quarantined().get(0).detail().contains("not a readable Excel workbook"), read.quarantined().get(0).detail());
    }
}
