package chatqa.sample;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes synthetic conversations to one export file as they are generated, so a day of a million
 * conversations never has to be held in memory.
 */
interface ConversationWriter extends Closeable {
    void write(SampleConversation conversation) throws IOException;

    /** Bad rows written so far, on purpose. */
    int badRows();
}
