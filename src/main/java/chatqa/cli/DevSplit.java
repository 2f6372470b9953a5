package chatqa.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The dev split of our labelled data: a conversation is in it when the MD5 of its id is 0 mod 4
 * (a quarter). Models are fitted on the rest and judged here; the same rule split the labelled
 * chat messages (src/test/resources/labels/chat-sentiment.jsonl), so a dialogue is dev for both.
 */
final class DevSplit {
    private DevSplit() {
    }

    static boolean contains(String conversationId) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5).mod(BigInteger.valueOf(4)).signum() == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
