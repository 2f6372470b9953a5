package chatqa.ingest;

import chatqa.model.Message;

/** Receives every row of an export: each one is either accepted or quarantined, never dropped. */
public interface RowSink {
    void accept(Message message);

    void quarantine(QuarantinedRow row);
}
