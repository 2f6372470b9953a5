package chatqa.privacy;

import java.time.YearMonth;

/**
 * A check digit that a personal number must carry before a pattern counts as a match. Bank
 * cards and resident ids look like any long number; without their checksums the mask would
 * report order numbers as bank cards and miss nothing more, so the checks buy correct kinds
 * and fewer false alarms on ordinary digit runs.
 */
enum NumberCheck {
    /** No check: the pattern alone decides. */
    NONE {
        @Override
        boolean accepts(String digits) {
            return true;
        }
    },
    /** The Luhn (mod 10) check digit of payment cards, over 16 to 19 digits. */
    LUHN {
        @Override
        boolean accepts(String digits) {
            if (digits.length() < 16 || digits.length() > 19) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = digits.charAt(digits.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            return sum % 10 == 0;
        }
    },
    /**
     * An 18-character resident identity number (GB 11643): a real calendar date at positions
     * 7-14 and the ISO 7064 MOD 11-2 check character (0-9 or X) at the end.
     */
    RESIDENT_ID {
        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final String CHECK_CHARS = "10X98765432";

        @Override
        boolean accepts(String id) {
            if (id.length() != 18 || !realDate(id.substring(6, 14))) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * WEIGHTS[i];
            }
            return Character.toUpperCase(id.charAt(17)) == CHECK_CHARS.charAt(sum % 11);
        }

        private boolean realDate(String yyyymmdd) {
            int year = Integer.parseInt(yyyymmdd.substring(0, 4));
            int month = Integer.parseInt(yyyymmdd.substring(4, 6));
            int day = Integer.parseInt(yyyymmdd.substring(6, 8));
            return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
        }
    };

    /** Whether {@code value} (letters and digits only, separators removed) passes the check. */
    abstract boolean accepts(String value);

    /** The check named {@code name} in the resource ({@code luhn}, {@code resident-id}), or null. */
    static NumberCheck named(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "luhn" -> LUHN;
            case "resident-id" -> RESIDENT_ID;
            default -> null;
        };
    }
}
