package chatqa.model;

/**
 * Why a check passed or failed: the message it concerns (its id and position in the
 * conversation), the matched span of that message's text if any, and a sentence a supervisor
 * can read. {@code start}/{@code end} are -1 when nothing was matched (a missing element).
 */
public record Evidence(String messageId, int messageSeq, String matchedText, int start, int end, String why) {

    public static Evidence missing(String messageId, int messageSeq, String why) {
        return new Evidence(messageId, messageSeq, null, -1, -1, why);
    }

    public static Evidence none(String why) {
        return new Evidence(null, -1, null, -1, -1, why);
    }
}
