package chatqa.ingest;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.SourceRef;

/**
 * Turns the messages of one conversation key into conversations. The key is the shop plus the
 * conversation id, or, when the export has none, the shop plus the customer: those messages are
 * split wherever the customer and the shop were silent longer than the inactivity gap.
 * Messages are sorted by time; ties keep file order. Exact duplicates, as when the same export
 * is given twice, are counted once and quarantined as duplicate_message.
 */
public final class Sessionizer {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Duration inactivityGap;

    public Sessionizer(Duration inactivityGap) {
        this.inactivityGap = inactivityGap;
    }

    /** The conversations of one key, and the duplicates found among its messages. */
    public record Result(List<Conversation> conversations, List<QuarantinedRow> duplicates) {
    }

    /** The grouping key of a message: messages with equal keys may belong to one conversation. */
    public static String key(String shopId, String conversationId, String customerId) {
        String shop = shopId == null ? "" : shopId;
        return conversationId != null ? shop + "\u0001c\u0001" + conversationId : shop + "\u0001u\u0001" + customerId;
    }

    public Result split(List<Message> messages) {
        List<Message> sorted = new ArrayList<>(messages);
        boolean timed = sorted.stream().allMatch(m -> m.sentAt() != null);
        Comparator<Message> bySource = Comparator.comparing(Message::source);
        sorted.sort(timed ? Comparator.comparing(Message::sentAt).thenComparing(bySource) : bySource);

        List<QuarantinedRow> duplicates = new ArrayList<>();
        List<Message> unique = dropDuplicates(sorted, duplicates);
        if (unique.isEmpty()) {
            return new Result(List.of(), duplicates);
        }
        List<List<Message>> parts = new ArrayList<>();
        Message first = unique.get(0);
        if (first.conversationId() != null || !timed) {
            parts.add(unique);
        } else {
            List<Message> current = new ArrayList<>();
            for (Message m : unique) {
                if (!current.isEmpty()
                        && Duration.between(current.get(current.size() - 1).sentAt(), m.sentAt()).compareTo(inactivityGap) > 0) {
                    parts.add(current);
                    current = new ArrayList<>();
                }
                current.add(m);
            }
            parts.add(current);
        }
        List<Conversation> conversations = new ArrayList<>();
        for (List<Message> part : parts) {
            conversations.add(conversation(part));
        }
        return new Result(conversations, duplicates);
    }

    private static Conversation conversation(List<Message> part) {
        Message first = part.get(0);
        String id = first.conversationId();
        if (id == null) {
            String start = first.sentAt() == null ? "untimed" : ID_TIME.format(first.sentAt());
            id = (first.shopId() == null ? "" : first.shopId() + ":") + first.customerId() + ":" + start;
        }
        String customer = part.stream().map(Message::customerId).filter(Objects::nonNull).findFirst().orElse(null);
        List<Message> withIds = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            Message m = part.get(i);
            withIds.add(m.withIds(id, m.messageId() != null ? m.messageId() : id + "#" + (i + 1)));
        }
        return new Conversation(id, first.shopId(), customer, withIds);
    }

    /**
     * A message is a duplicate when an identical one was already kept from another file, or has
     * the same export message id. Identical messages in one file without ids are kept: customers
     * do send "在吗" twice in a second.
     */
    private static List<Message> dropDuplicates(List<Message> sorted, List<QuarantinedRow> duplicates) {
        Map<ContentKey, SourceRef> seen = new HashMap<>();
        List<Message> unique = new ArrayList<>(sorted.size());
        for (Message m : sorted) {
            ContentKey key = new ContentKey(m);
            SourceRef earlier = seen.get(key);
            if (earlier != null && (m.messageId() != null || earlier.fileIndex() != m.source().fileIndex())) {
                duplicates.add(new QuarantinedRow(m.source().file(), m.source().line(), QuarantineReason.DUPLICATE_MESSAGE,
                        null, "same message as " + earlier, m.text()));
                continue;
            }
            seen.putIfAbsent(key, m.source());
            unique.add(m);
        }
        return unique;
    }

    /** Message content without its source position. */
    private record ContentKey(String conversationId, String messageId, java.time.Instant sentAt, chatqa.model.Role role,
                              String agentId, String customerId, String shopId, String text) {
        ContentKey(Message m) {
            this(m.conversationId(), m.messageId(), m.sentAt(), m.role(), m.agentId(), m.customerId(), m.shopId(), m.text());
        }
    }
}
