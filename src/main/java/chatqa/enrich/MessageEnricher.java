package chatqa.enrich;

import java.util.ArrayList;
import java.util.List;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.rules.PhraseMatcher;
import chatqa.rules.RuleBook;

/**
 * Segments each message once, scans it once with the rule book's phrase automaton, and scores
 * customer messages' sentiment from the same words. Build one
 * per rule book per JVM: the automaton is the expensive part.
 */
public final class MessageEnricher {
    private final PhraseMatcher matcher;

    public MessageEnricher(RuleBook book) {
        this.matcher = new PhraseMatcher(book.phraseSets());
    }

    /** The words of each message of {@code conversation}, in order. */
    public static List<SegmentedText> segment(Conversation conversation) {
        List<SegmentedText> out = new ArrayList<>(conversation.messages().size());
        for (Message m : conversation.messages()) {
            out.add(Segmenter.segment(m.text()));
        }
        return out;
    }

    /** The messages of {@code conversation} enriched, from their words segmented beforehand ({@link #segment}). */
    public List<EnrichedMessage> enrich(Conversation conversation, List<SegmentedText> segmented) {
        List<Message> messages = conversation.messages();
        List<EnrichedMessage> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            SegmentedText words = segmented.get(i);
            Sentiment sentiment = m.isCustomer() ? MessageSentiment.score(m.text(), words.words(), ChatTurn.of(messages, i)) : null;
            out.add(new EnrichedMessage(m, i + 1, words, matcher.scan(m.text(), words), sentiment));
        }
        return out;
    }
}
