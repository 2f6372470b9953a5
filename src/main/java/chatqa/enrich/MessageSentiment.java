package chatqa.enrich;

import java.util.List;

/** Scores a message in its language: Chinese (and script-less) text by the chat model, English by CoreNLP. */
public final class MessageSentiment {
    private MessageSentiment() {
    }

    public static Sentiment score(String text, List<String> words) {
        return score(text, words, ChatTurn.NONE);
    }

    /** In context: what the message answers ({@link ChatTurn}) moves the Chinese chat model. */
    public static Sentiment score(String text, List<String> words, ChatTurn turn) {
        return Language.detect(text) == Language.EN ? EnglishSentiment.score(text) : ChatSentiment.shared().score(text, words, turn);
    }
}
