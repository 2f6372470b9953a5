package chatqa.rules;

/** A matched part of a message's text: characters {@code [start, end)}. */
public record Span(int start, int end, String text) {
    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
