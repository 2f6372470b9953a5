package chatqa.privacy;

import java.util.regex.Pattern;

/**
 * One way of recognising one kind of personal data: a compiled regular expression whose group
 * {@code v} (or whole match) is the value, the check the value must pass and its mask.
 * {@code requires} indexes the cheap pre-check that every match implies (-1: none), shared
 * between patterns so each distinct pre-check runs once per text.
 */
record PersonalDataPattern(String kind, Pattern regex, boolean valueGroup, NumberCheck check, MaskTemplate mask, int requires) {
}
