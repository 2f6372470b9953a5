package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.model.Message;

/** Reading samples without Spark takes the files as the job does: sorted, each once. */
class LocalExportsTest {
    private static final String EXPORT = "conversation_id,sent_at,sender_role,text\nc1,2026-11-20 10:00:00,customer,在吗\n";

    @TempDir
    Path tmp;

    private LocalExports.Read read(List<Path> inputs) throws IOException {
        return LocalExports.read(inputs, ExportMapping.canonical(), CollectingSink.SHANGHAI, Duration.ofMinutes(30));
    }

    private Path write(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), EXPORT, StandardCharsets.UTF_8);
    }

    @Test
    void filesAreTakenInSortedOrderWhateverOrderTheInputsCameIn() throws IOException {
        Path b = write("b.csv");
        Path a = write("a.csv");

        LocalExports.Read r = read(List.of(b, a));

        Message kept = r.conversations().get(0).messages().get(0);
        assertEquals(a.toString(), kept.source().file());
        assertEquals(0, kept.source().fileIndex());
        assertEquals(List.of(b + ":2: duplicate_message: same message as " + a + ":2"),
                r.quarantined().stream().map(QuarantinedRow::toString).toList());
    }

    @Test
    void aFileNamedTwiceIsReadOnce() throws IOException {
        Path a = write("a.csv");

        LocalExports.Read r = read(List.of(tmp, a));

        assertEquals(1, r.conversations().get(0).messages().size());
        assertEquals(List.of(), r.quarantined());
    }
}
