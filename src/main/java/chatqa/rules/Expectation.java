package chatqa.rules;

/** Whether a rule's phrases must appear in its messages (an element) or must not (a red line). */
public enum Expectation {
    PRESENT, ABSENT
}
