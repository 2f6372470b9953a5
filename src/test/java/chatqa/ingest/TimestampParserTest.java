package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The timestamp forms shop exports use; times without a zone are read in the run's zone. */
class TimestampParserTest {
    private final TimestampParser shanghai = new TimestampParser(ZoneId.of("Asia/Shanghai"), List.of());

    @Test
    void isoWithZ() {
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), shanghai.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void isoWithOffset() {
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), shanghai.parse("2024-03-01T10:00:00+08:00"));
        assertEquals(Instant.parse("2024-03-01T15:00:00Z"), shanghai.parse("2024-03-01T10:00:00-05:00"));
    }

    @Test
    void isoWithOffsetWithoutColon() {
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), shanghai.parse("2024-03-01T10:00:00+0800"));
    }

    @Test
    void isoWithoutZoneIsInTheGivenZone() {
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), shanghai.parse("2024-03-01T10:00:00"));
        TimestampParser utc = new TimestampParser(ZoneId.of("UTC"), List.of());
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), utc.parse("2024-03-01T10:00:00"));
    }

    @Test
    void spaceBetweenDateAndTime() {
        assertEquals(Instant.parse("2024-03-01T02:00:05Z"), shanghai.parse("2024-03-01 10:00:05"));
    }

    @Test
    void secondsMayBeLeftOut() {
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), shanghai.parse("2024-03-01 10:00"));
    }

    @Test
    void fractionOfSeconds() {
        assertEquals(Instant.parse("2024-03-01T02:00:05.250Z"), shanghai.parse("2024-03-01 10:00:05.25"));
        assertEquals(Instant.parse("2024-03-01T10:00:05.123456789Z"), shanghai.parse("2024-03-01T10:00:05.123456789Z"));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), shanghai.parse("  2024-03-01 10:00:00 "));
    }

    @Test
    void tenDigitsAreEpochSeconds() {
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), shanghai.parse("1709258400"));
    }

    @Test
    void thirteenDigitsAreEpochMillis() {
        assertEquals(Instant.parse("2024-03-01T02:00:00.123Z"), shanghai.parse("1709258400123"));
    }

    @Test
    void mappingPatternsAreTriedAfterTheBuiltInForms() {
        TimestampParser dotted = new TimestampParser(ZoneId.of("Asia/Shanghai"), List.of("dd.MM.yyyy HH:mm:ss"));

        assertEquals(Instant.parse("2024-03-01T02:00:05Z"), dotted.parse("01.03.2024 10:00:05"));
        assertEquals(Instant.parse("2024-03-01T02:00:05Z"), dotted.parse("2024-03-01 10:00:05"));
        assertNull(shanghai.parse("01.03.2024 10:00:05"));
    }

    @Test
    void formsExcelAndDeskToolsWriteOnResaveAreBuiltIn() {
        Instant ten = Instant.parse("2026-11-21T02:00:00Z");
        assertEquals(ten, shanghai.parse("2026/11/21 10:00"));
        assertEquals(ten, shanghai.parse("2026/11/21 10:00:00"));
        assertEquals(Instant.parse("2026-01-05T01:03:05Z"), shanghai.parse("2026-1-5 9:03:05"));
        assertEquals(Instant.parse("2026-01-05T01:03:05Z"), shanghai.parse("2026/1/5 9:03:05"));
        assertEquals(ten, shanghai.parse("2026年11月21日 10:00"));
        assertEquals(Instant.parse("2026-11-21T02:00:05Z"), shanghai.parse("2026年11月21日10:00:05"));
        assertNull(shanghai.parse("2026/2/30 10:00"), "an impossible date stays a bad timestamp");
    }

    @Test
    void aTimeOfDayIsPutOnTheRunsDayOnlyWhenOneIsGivenAndCounted() {
        TimestampParser withDay = new TimestampParser(ZoneId.of("Asia/Shanghai"), List.of(), java.time.LocalDate.of(2026, 11, 21));

        assertNull(shanghai.parse("10:00:05"));
        assertTrue(shanghai.whyNot("10:00:05").contains("time of day without a date: pass --date"), shanghai.whyNot("10:00:05"));
        assertEquals(Instant.parse("2026-11-21T02:00:05Z"), withDay.parse("10:00:05"));
        assertEquals(Instant.parse("2026-11-21T01:05:00Z"), withDay.parse("9:05"));
        assertEquals(2, withDay.timeOnlyDated());
        assertEquals(Instant.parse("2026-11-20T02:00:05Z"), withDay.parse("2026-11-20 10:00:05"), "a full timestamp keeps its own day");
        assertEquals(2, withDay.timeOnlyDated());
    }

    @Test
    void mappingPatternOfDigitsWinsOverTheEpochGuess() {
        TimestampParser compact = new TimestampParser(ZoneId.of("Asia/Shanghai"), List.of("yyyyMMddHHmmss"));

        assertEquals(Instant.parse("2024-03-01T02:00:05Z"), compact.parse("20240301100005"));
        assertEquals(Instant.parse("2024-03-01T02:00:00Z"), compact.parse("1709258400"));
    }

    @Test
    void impossibleDateIsNullNotMovedToTheLastDayOfTheMonth() {
        assertNull(shanghai.parse("2024-02-30 10:00:00"));
        assertNull(shanghai.parse("2023-02-29T10:00:00+08:00"));
        assertEquals(Instant.parse("2024-02-29T02:00:00Z"), shanghai.parse("2024-02-29 10:00:00"));
    }

    @Test
    void unknownFormsAreNull() {
        assertNull(shanghai.parse("昨天下午"));
        assertNull(shanghai.parse(""));
        assertNull(shanghai.parse("2024-03-01"));
        assertNull(shanghai.parse("2024-03-01 25:00:00"));
        assertNull(shanghai.parse("12345678901234567890"));
    }
}
