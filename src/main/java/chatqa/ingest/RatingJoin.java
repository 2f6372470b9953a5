package chatqa.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import chatqa.model.Conversation;
import chatqa.model.Message;

/**
 * Puts the ratings of a separate ratings file (the Taobao kefueval export, a shop's CSAT survey)
 * on the conversations they rate. A rating arrives with the conversation key of the chats it
 * belongs to (shop + conversation id, or shop + customer), so only one key's conversations are
 * looked at. Among them, a rating names its conversation by its time — the invitation's or the
 * rating's: the conversation it falls within, else the latest that began before it, up to
 * {@link #LATE} earlier (customers rate after the chat ends) — and, when it names an agent, only
 * conversations that agent took part in. The later of two ratings of one conversation wins, and a
 * joined rating replaces one the export carried. A rating that fits none, or a row without one, is
 * quarantined as {@code unmatched_rating}.
 */
public final class RatingJoin {
    /** How long after a conversation began a rating of it may come. */
    public static final Duration LATE = Duration.ofHours(24);

    private RatingJoin() {
    }

    /** The conversations with their joined ratings, and the ratings that fit none. */
    public record Result(List<Conversation> conversations, List<Message> joined, List<QuarantinedRow> unmatched) {
    }

    /**
     * Joins {@code ratings} (rating rows as {@link RowValidator} accepts them under a ratings
     * mapping: their shop, customer, agent, conversation id, time and rating) onto
     * {@code conversations}, which share their key.
     */
    public static Result join(List<Conversation> conversations, List<Message> ratings) {
        List<Conversation> out = new ArrayList<>(conversations);
        List<Message> sorted = new ArrayList<>(ratings);
        sorted.sort(Comparator.comparing(Message::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Message::source));
        List<QuarantinedRow> unmatched = new ArrayList<>();
        List<Message> joined = new ArrayList<>();
        for (Message r : sorted) {
            int i = r.rating() == null ? -1 : target(out, r);
            if (i < 0) {
                unmatched.add(new QuarantinedRow(r.source().file(), r.source().line(), QuarantineReason.UNMATCHED_RATING, null,
                        r.rating() == null ? "the row carries no rating: nothing to join" : why(r, conversations.isEmpty()),
                        r.rating() == null ? "" : r.rating().raw()));
                continue;
            }
            Conversation c = out.get(i);
            List<Message> ms = new ArrayList<>(c.messages());
            ms.set(ms.size() - 1, ms.get(ms.size() - 1).withRating(r.rating()));
            out.set(i, new Conversation(c.id(), c.shopId(), c.customerId(), ms));
            joined.add(r);
        }
        return new Result(out, joined, unmatched);
    }

    private static int target(List<Conversation> cs, Message r) {
        int latestBefore = -1;
        for (int i = 0; i < cs.size(); i++) {
            Conversation c = cs.get(i);
            if (r.agentId() != null && c.messages().stream().noneMatch(m -> r.agentId().equals(m.agentId()))) {
                continue;
            }
            Instant t = r.sentAt();
            if (t == null || c.startedAt() == null) {
                latestBefore = i; // without times, the key's last conversation of the agent
                continue;
            }
            if (!t.isBefore(c.startedAt()) && !t.isAfter(c.endedAt())) {
                return i;
            }
            if (!t.isBefore(c.startedAt()) && !t.isAfter(c.startedAt().plus(LATE))
                    && (latestBefore < 0 || cs.get(latestBefore).startedAt() == null || c.startedAt().isAfter(cs.get(latestBefore).startedAt()))) {
                latestBefore = i;
            }
        }
        return latestBefore;
    }

    private static String why(Message r, boolean noChats) {
        String who = "customer " + r.customerId() + (r.agentId() == null ? "" : ", agent " + r.agentId())
                + (r.conversationId() == null ? "" : ", conversation " + r.conversationId());
        return noChats ? "no chat of the run has this rating's shop and " + (r.conversationId() == null ? "customer" : "conversation")
                + " (" + who + ")"
                : "no conversation of " + who + " around " + r.sentAt() + " (within it, or begun up to " + LATE.toHours() + " h before)";
    }
}
