package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import chatqa.model.Conversation;
import chatqa.model.Message;

/**
 * Reads a few export files on one machine, without Spark, into conversations: for trying a rule
 * book on samples. Uses the same readers, validation and sessionizing as the nightly job.
 */
public final class LocalExports {
    private LocalExports() {
    }

    /** Conversations and quarantined rows of the files under {@code inputs}. */
    public record Read(List<Conversation> conversations, List<QuarantinedRow> quarantined) {
    }

    public static Read read(List<Path> inputs, ExportMapping mapping, ZoneId zone, Duration gap) throws IOException {
        // As the job does: one sorted list of distinct files, whatever order the inputs came in,
        // so file order (which breaks ties and decides which copy of a duplicate is kept) is the same.
        Set<Path> found = new TreeSet<>(Comparator.comparing(Path::toString));
        for (Path p : inputs) {
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile).forEach(found::add);
            }
        }
        List<Path> files = new ArrayList<>(found);
        List<Message> messages = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            InputFile file = new InputFile(files.get(i).toString(), i, Files.size(files.get(i)), "");
            try (InputStream in = Files.newInputStream(files.get(i))) {
                ExportReader.forFile(mapping, zone, file).read(in, file, new RowSink() {
                    @Override
                    public void accept(Message message) {
                        messages.add(message);
                    }

                    @Override
                    public void quarantine(QuarantinedRow row) {
                        quarantined.add(row);
                    }
                });
            }
        }
        Map<String, List<Message>> byKey = new LinkedHashMap<>();
        for (Message m : messages) {
            byKey.computeIfAbsent(Sessionizer.key(m.shopId(), m.conversationId(), m.customerId()), k -> new ArrayList<>()).add(m);
        }
        Sessionizer sessionizer = new Sessionizer(gap);
        List<Conversation> conversations = new ArrayList<>();
        for (List<Message> group : byKey.values()) {
            Sessionizer.Result r = sessionizer.split(group);
            conversations.addAll(r.conversations());
            quarantined.addAll(r.duplicates());
        }
        return new Read(conversations, quarantined);
    }
}
