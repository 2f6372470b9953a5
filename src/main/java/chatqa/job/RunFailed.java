package chatqa.job;

/**
 * A run that failed after its rows were counted, with the summary so far: the console still
 * gets the counts and the reasons, and whether the day was committed before the failure.
 */
public final class RunFailed extends RuntimeException {
    private final transient RunSummary summary;

    RunFailed(RunSummary summary, Throwable cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        this.summary = summary;
    }

    public RunSummary summary() {
        return summary;
    }
}
