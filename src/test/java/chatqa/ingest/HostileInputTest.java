package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.model.Conversation;
import chatqa.model.Message;

/**
 * The hostile exports of docs/hostile-input.md, read as the job reads them (the same readers,
 * validation and sessionizing, through {@link LocalExports}). For each: the read finishes, every
 * data row is accepted or quarantined exactly once (read = accepted + quarantined), each
 * quarantined row names its file, line, reason and field, and the good rows around a bad one
 * are all accepted.
 */
class HostileInputTest {
    private static final Duration GAP = Duration.ofMinutes(30);

    @TempDir
    Path tmp;

    /** What reading some export files gave. */
    private record Outcome(List<Conversation> conversations, List<QuarantinedRow> quarantined) {
        List<Message> accepted() {
            return conversations.stream().flatMap(c -> c.messages().stream()).toList();
        }

        /** Accepted rows as "file:line", in file and line order. */
        List<String> acceptedRows() {
            return accepted().stream().map(m -> m.source()).sorted().map(s -> name(s.file()) + ":" + s.line()).toList();
        }

        /** Quarantined rows as "file:line:reason:field" ("-" for no field), in file and line order. */
        List<String> quarantinedRows() {
            return quarantined.stream()
                    .sorted(Comparator.comparing((QuarantinedRow q) -> name(q.file())).thenComparingLong(QuarantinedRow::line))
                    .map(q -> name(q.file()) + ":" + q.line() + ":" + q.reason().code() + ":" + (q.field() == null ? "-" : q.field()))
                    .toList();
        }

        QuarantinedRow quarantinedAt(long line) {
            return quarantined.stream().filter(q -> q.line() == line).findFirst().orElseThrow();
        }

        List<String> texts() {
            return accepted().stream().map(Message::text).toList();
        }

        /**
         * Read = accepted + quarantined, row by row: the rows starting on {@code rows} ("file:line")
         * are each accepted or quarantined exactly once, and nothing else turned up.
         */
        void assertEveryRowAccountedFor(List<String> rows) {
            List<String> seen = new ArrayList<>(acceptedRows());
            quarantined.forEach(q -> seen.add(name(q.file()) + ":" + q.line()));
            assertEquals(rows.size(), accepted().size() + quarantined.size(), "read = accepted + quarantined");
            assertEquals(new HashSet<>(rows), new HashSet<>(seen));
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no row both accepted and quarantined: " + seen);
            for (QuarantinedRow q : quarantined) {
                assertTrue(q.line() > 0 && !q.detail().isBlank() && q.raw() != null, q.toString());
            }
        }
    }

    private static String name(String file) {
        return Path.of(file).getFileName().toString();
    }

    private static Outcome read(Path... files) throws IOException {
        return read(ExportMapping.canonical(), files);
    }

    private static Outcome read(ExportMapping mapping, Path... files) throws IOException {
        LocalExports.Read r = LocalExports.read(List.of(files), mapping, CollectingSink.SHANGHAI, GAP);
        return new Outcome(r.conversations(), r.quarantined());
    }

    private static Path fixture(String name) {
        return HostileExports.fixtures().resolve(name);
    }

    /** "name:2", "name:3", … for the given lines. */
    private static List<String> rows(String file, long... lines) {
        return java.util.Arrays.stream(lines).mapToObj(l -> file + ":" + l).toList();
    }

    @Test
    void csvCutInsideAQuotedFieldLosesOnlyTheCutRow() throws IOException {
        Outcome o = read(fixture("truncated-mid-field.csv"));

        o.assertEveryRowAccountedFor(rows("truncated-mid-field.csv", 2, 3, 4));
        assertEquals(rows("truncated-mid-field.csv", 2, 3), o.acceptedRows());
        assertEquals(List.of("truncated-mid-field.csv:4:unbalanced_quotes:-"), o.quarantinedRows());
        assertEquals("a quoted field is never closed", o.quarantinedAt(4).detail());
    }

    @Test
    void csvCutInsideAUtf8CharacterSaysTheFileWasCutShort() throws IOException {
        Outcome o = read(fixture("truncated-mid-char.csv"));

        o.assertEveryRowAccountedFor(rows("truncated-mid-char.csv", 2, 3, 4));
        assertEquals(rows("truncated-mid-char.csv", 2, 3), o.acceptedRows());
        assertEquals(List.of("truncated-mid-char.csv:4:bad_encoding:-"), o.quarantinedRows());
        assertEquals("an incomplete UTF-8 character at the end of the file (was it cut short?)", o.quarantinedAt(4).detail());
    }

    @Test
    void jsonLinesCutInsideAStringOrACharacterLoseOnlyTheLastLine() throws IOException {
        Outcome field = read(fixture("truncated-mid-field.jsonl"));
        Outcome character = read(fixture("truncated-mid-char.jsonl"));

        field.assertEveryRowAccountedFor(rows("truncated-mid-field.jsonl", 1, 2, 3));
        assertEquals(List.of("truncated-mid-field.jsonl:3:bad_json:-"), field.quarantinedRows());
        assertEquals(List.of("在吗", "您好，很高兴为您服务"), field.texts());
        character.assertEveryRowAccountedFor(rows("truncated-mid-char.jsonl", 1, 2, 3));
        assertEquals(List.of("truncated-mid-char.jsonl:3:bad_encoding:-"), character.quarantinedRows());
        assertEquals(List.of("在吗", "您好，很高兴为您服务"), character.texts());
    }

    @Test
    void quoteThatNeverClosesCostsItsRowAndNotTheRowsAfterIt() throws IOException {
        Outcome o = read(fixture("unbalanced-quotes.csv"));

        o.assertEveryRowAccountedFor(rows("unbalanced-quotes.csv", 2, 3, 4, 5, 6, 7));
        assertEquals(List.of("unbalanced-quotes.csv:4:unbalanced_quotes:-"), o.quarantinedRows());
        assertEquals(rows("unbalanced-quotes.csv", 2, 3, 5, 6, 7), o.acceptedRows());
        assertEquals(Set.of("uq1", "uq2"), o.conversations().stream().map(Conversation::id).collect(Collectors.toSet()));
    }

    @Test
    void quotedTextKeepsItsLineBreaksAndLaterRowsKeepTheirLineNumbers() throws IOException {
        Outcome o = read(fixture("embedded-newlines.csv"));

        o.assertEveryRowAccountedFor(rows("embedded-newlines.csv", 2, 5, 6, 8));
        assertEquals(List.of(), o.quarantinedRows());
        assertEquals(List.of("第一行\n第二行，还有\"引号\"\n第三行", "您好，很高兴为您服务", "地址：\n北京市", "好的，已为您修改"), o.texts());
    }

    @Test
    void rowsWithTooManyOrTooFewColumnsAreWrongColumnCount() throws IOException {
        Outcome o = read(fixture("wrong-column-count.csv"));

        o.assertEveryRowAccountedFor(rows("wrong-column-count.csv", 2, 3, 4, 5, 6));
        assertEquals(List.of("wrong-column-count.csv:4:wrong_column_count:-", "wrong-column-count.csv:5:wrong_column_count:-"),
                o.quarantinedRows());
        assertEquals("expected 6 columns, found 7", o.quarantinedAt(4).detail());
        assertEquals("expected 6 columns, found 3", o.quarantinedAt(5).detail());
        assertEquals(rows("wrong-column-count.csv", 2, 3, 6), o.acceptedRows());
    }

    @Test
    void byteOrderMarkIsInvisibleInCsvAndJsonLines() throws IOException {
        Outcome csv = read(fixture("bom.csv"));
        Outcome jsonl = read(fixture("bom.jsonl"));

        csv.assertEveryRowAccountedFor(rows("bom.csv", 2, 3));
        assertEquals(List.of("bom1"), csv.conversations().stream().map(Conversation::id).toList());
        jsonl.assertEveryRowAccountedFor(rows("bom.jsonl", 1, 2));
        assertEquals(List.of("bomj1"), jsonl.conversations().stream().map(Conversation::id).toList());
        assertEquals(List.of("在吗", "您好"), jsonl.texts());
    }

    @Test
    void gbkFileWithoutAMappingIsDetected() throws IOException {
        Outcome o = read(fixture("gbk-no-mapping.csv"));

        o.assertEveryRowAccountedFor(rows("gbk-no-mapping.csv", 2, 3, 4));
        assertEquals(List.of("在吗，我的快递怎么还没到", "您好，很高兴为您服务，非常抱歉让您久等了", "好的，谢谢"), o.texts());
    }

    @Test
    void gbkThatStartsOnlyAfterTheSniffedPartIsQuarantinedWithTheFixNamed() throws IOException {
        Path file = HostileExports.gbkBeyondTheSniff(tmp);
        Outcome auto = read(file);
        ExportMapping c = ExportMapping.canonical();
        ExportMapping gbk = new ExportMapping("gbk", null, null, '"', true, "GBK", c.columns(), c.roleCodes(), c.defaults(),
                c.timestampFormats(), 0);
        Outcome mapped = read(gbk, file);

        List<String> all = new ArrayList<>();
        for (long line = 2; line <= 1003; line++) {
            all.add("gbk-late.csv:" + line);
        }
        auto.assertEveryRowAccountedFor(all);
        assertEquals(List.of("gbk-late.csv:1002:bad_encoding:-", "gbk-late.csv:1003:bad_encoding:-"), auto.quarantinedRows());
        assertEquals("bytes that are not valid UTF-8 (set 'encoding' in a mapping if the file is in another encoding)",
                auto.quarantinedAt(1002).detail());
        assertEquals(1000, auto.accepted().size());
        mapped.assertEveryRowAccountedFor(all);
        assertEquals(List.of(), mapped.quarantinedRows());
        assertEquals("亲，很抱歉给您添麻烦了", mapped.texts().get(1001));
    }

    @Test
    void invalidUtf8BytesCostOnlyTheirOwnLine() throws IOException {
        Outcome csv = read(fixture("invalid-utf8.csv"));
        Outcome jsonl = read(fixture("invalid-utf8.jsonl"));

        csv.assertEveryRowAccountedFor(rows("invalid-utf8.csv", 2, 3, 4, 5, 6, 7));
        assertEquals(List.of("invalid-utf8.csv:4:bad_encoding:-", "invalid-utf8.csv:5:bad_encoding:-", "invalid-utf8.csv:6:bad_encoding:-"),
                csv.quarantinedRows());
        assertEquals(rows("invalid-utf8.csv", 2, 3, 7), csv.acceptedRows());
        jsonl.assertEveryRowAccountedFor(rows("invalid-utf8.jsonl", 1, 2, 3));
        assertEquals(List.of("invalid-utf8.jsonl:2:bad_encoding:-"), jsonl.quarantinedRows());
    }

    @Test
    void nulBytesAndAZeroFilledTailAreBadEncoding() throws IOException {
        Outcome csv = read(fixture("nul-bytes.csv"));
        Outcome jsonl = read(fixture("nul-bytes.jsonl"));

        csv.assertEveryRowAccountedFor(rows("nul-bytes.csv", 2, 3, 4, 5, 6));
        assertEquals(List.of("nul-bytes.csv:4:bad_encoding:-", "nul-bytes.csv:6:bad_encoding:-"), csv.quarantinedRows());
        assertEquals("a NUL byte (0x00) at byte 49 of the line", csv.quarantinedAt(4).detail());
        assertEquals("a NUL byte (0x00) at byte 1 of the line", csv.quarantinedAt(6).detail());
        assertFalse(csv.quarantinedAt(4).raw().contains("\0"), "the quarantined raw row shows U+FFFD, not NUL");
        assertEquals(rows("nul-bytes.csv", 2, 3, 5), csv.acceptedRows());
        jsonl.assertEveryRowAccountedFor(rows("nul-bytes.jsonl", 1, 2, 3, 4));
        assertEquals(List.of("nul-bytes.jsonl:2:bad_encoding:-", "nul-bytes.jsonl:3:bad_encoding:text"), jsonl.quarantinedRows());
    }

    @Test
    void headerWithAStrayQuoteQuarantinesEveryRowSayingWhyInsteadOfTakingARowAsHeader() throws IOException {
        Outcome o = read(fixture("broken-header.csv"));

        o.assertEveryRowAccountedFor(rows("broken-header.csv", 1, 2, 3));
        assertEquals(List.of("broken-header.csv:1:unbalanced_quotes:-", "broken-header.csv:2:missing_column:-",
                "broken-header.csv:3:missing_column:-"), o.quarantinedRows());
        assertEquals("the header on line 1 could not be read (unbalanced_quotes: a quoted field is never closed), so no column can be found",
                o.quarantinedAt(2).detail());
    }

    @Test
    void emptyFilesAndAHeaderAloneReadAsNoRows() throws IOException {
        for (String name : List.of("empty.csv", "empty.jsonl", "header-only.csv")) {
            Outcome o = read(fixture(name));

            o.assertEveryRowAccountedFor(List.of());
            assertEquals(List.of(), o.conversations(), name);
        }
    }

    @Test
    void oneMegabyteMessageIsAcceptedWholeAndQuarantinedCutTo2000Characters() throws IOException {
        String text = HostileExports.longText();
        Outcome csv = read(HostileExports.longMessageCsv(tmp));
        Outcome jsonl = read(HostileExports.longMessageJsonl(tmp));

        assertTrue(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 1 << 20);
        csv.assertEveryRowAccountedFor(rows("long-message.csv", 2, 3, 4, 5));
        assertEquals(List.of("在吗", text, "您好，很高兴为您服务，L码合适"), csv.texts());
        assertEquals(List.of("long-message.csv:5:unknown_role:sender_role"), csv.quarantinedRows());
        assertEquals(QuarantinedRow.RAW_LIMIT, csv.quarantinedAt(5).raw().length());
        jsonl.assertEveryRowAccountedFor(rows("long-message.jsonl", 1, 2, 3));
        assertEquals(text, jsonl.texts().get(1));
    }

    @Test
    void timestampsFrom1970OrTheFutureAreImplausibleAndTheRestOfTheConversationStays() throws IOException {
        Outcome csv = read(fixture("timestamps.csv"));
        Outcome jsonl = read(fixture("timestamps.jsonl"));

        csv.assertEveryRowAccountedFor(rows("timestamps.csv", 2, 3, 4, 5, 6, 7, 8));
        assertEquals(List.of("timestamps.csv:4:implausible_timestamp:sent_at", "timestamps.csv:5:implausible_timestamp:sent_at",
                "timestamps.csv:6:implausible_timestamp:sent_at", "timestamps.csv:7:implausible_timestamp:sent_at"), csv.quarantinedRows());
        assertTrue(csv.quarantinedAt(5).detail().startsWith("'1970-01-01 08:00:00' is 1970-01-01T00:00:00Z, before 2000-01-01"),
                csv.quarantinedAt(5).detail());
        assertTrue(csv.quarantinedAt(6).detail().contains("more than 1 day after the export was read"), csv.quarantinedAt(6).detail());
        Conversation ts1 = csv.conversations().get(0);
        assertEquals(List.of(2L, 3L, 8L), ts1.messages().stream().map(m -> m.source().line()).toList());
        assertEquals(Duration.ofSeconds(30), Duration.between(ts1.startedAt(), ts1.endedAt()));
        jsonl.assertEveryRowAccountedFor(rows("timestamps.jsonl", 1, 2, 3, 4));
        assertEquals(List.of("timestamps.jsonl:2:implausible_timestamp:sent_at", "timestamps.jsonl:3:implausible_timestamp:sent_at"),
                jsonl.quarantinedRows());
    }

    @Test
    void messagesExportedOutOfOrderAreSortedByTime() throws IOException {
        Outcome o = read(fixture("out-of-order.csv"));

        o.assertEveryRowAccountedFor(rows("out-of-order.csv", 2, 3, 4, 5));
        Conversation c = o.conversations().get(0);
        assertEquals(List.of(5L, 4L, 3L, 2L), c.messages().stream().map(m -> m.source().line()).toList());
        assertEquals(List.of("oo1#1", "oo1#2", "oo1#3", "oo1#4"), c.messages().stream().map(Message::messageId).toList());
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), c.startedAt());
    }

    @Test
    void sameExportUnderTwoNamesIsCountedOnceAndTheLaterFileQuarantined() throws IOException {
        Outcome o = read(fixture("duplicate-export.csv"), fixture("duplicate-export-copy.csv"));

        List<String> all = new ArrayList<>(rows("duplicate-export-copy.csv", 2, 3, 4, 5));
        all.addAll(rows("duplicate-export.csv", 2, 3, 4, 5));
        o.assertEveryRowAccountedFor(all);
        // Files are taken in sorted order: "duplicate-export-copy.csv" sorts before "duplicate-export.csv".
        assertEquals(rows("duplicate-export-copy.csv", 2, 3, 4, 5), o.acceptedRows());
        assertEquals(List.of("duplicate-export.csv:2:duplicate_message:-", "duplicate-export.csv:3:duplicate_message:-",
                "duplicate-export.csv:4:duplicate_message:-", "duplicate-export.csv:5:duplicate_message:-"), o.quarantinedRows());
        assertTrue(o.quarantinedAt(4).detail().endsWith("duplicate-export-copy.csv:4"), o.quarantinedAt(4).detail());
    }

    @Test
    void unknownOrMissingRolesAreQuarantinedAndTheirNeighboursKept() throws IOException {
        Outcome csv = read(fixture("unknown-roles.csv"));
        Outcome jsonl = read(fixture("unknown-roles.jsonl"));

        csv.assertEveryRowAccountedFor(rows("unknown-roles.csv", 2, 3, 4, 5, 6, 7));
        assertEquals(List.of("unknown-roles.csv:4:unknown_role:sender_role", "unknown-roles.csv:5:unknown_role:sender_role",
                "unknown-roles.csv:6:missing_role:sender_role"), csv.quarantinedRows());
        assertTrue(csv.quarantinedAt(5).detail().startsWith("unknown sender role '主管'"), csv.quarantinedAt(5).detail());
        assertEquals(rows("unknown-roles.csv", 2, 3, 7), csv.acceptedRows());
        jsonl.assertEveryRowAccountedFor(rows("unknown-roles.jsonl", 1, 2, 3));
        assertEquals(List.of("unknown-roles.jsonl:2:unknown_role:sender_role"), jsonl.quarantinedRows());
    }

    @Test
    void conversationOf50000MessagesStaysOneSortedConversation() throws IOException {
        Outcome o = read(HostileExports.longConversation(tmp, 50_000));

        assertEquals(1, o.conversations().size());
        List<Message> messages = o.conversations().get(0).messages();
        assertEquals(50_000, messages.size());
        assertEquals(List.of(), o.quarantined());
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(i + 2L, messages.get(i).source().line(), "message " + i + " is the row on line " + (i + 2));
        }
        assertEquals("long1#50000", messages.get(49_999).messageId());
        assertEquals(Duration.ofSeconds(49_999), Duration.between(messages.get(0).sentAt(), messages.get(49_999).sentAt()));
    }

    @Test
    void tenThousandAgentsEachKeepTheirOwnConversation() throws IOException {
        Outcome o = read(HostileExports.manyAgents(tmp, 10_000));

        assertEquals(20_000, o.accepted().size());
        assertEquals(List.of(), o.quarantined());
        assertEquals(10_000, o.conversations().size());
        Map<String, String> agentOf = o.accepted().stream().filter(Message::isAgent)
                .collect(Collectors.toMap(Message::conversationId, Message::agentId));
        assertEquals(10_000, new HashSet<>(agentOf.values()).size());
        assertEquals("agent-04711", agentOf.get("ma04711"));
    }
}
