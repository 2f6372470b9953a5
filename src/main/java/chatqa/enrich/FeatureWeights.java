package chatqa.enrich;

import java.util.Map;

/**
 * The chat model's weights by feature name, in an open-addressing table with its own hash. The
 * features are short strings of Chinese characters ("c:还没", "t:怎么还"), and String.hashCode
 * (31·a + b) gives thousands of such pairs the same value: in a HashMap they pile into tree bins
 * and every look-up, for every feature of every customer message, walks a tree comparing strings.
 * A 64-bit multiply-and-mix hash spreads them.
 */
final class FeatureWeights {
    private final String[] keys;
    private final double[][] values;
    private final int mask;

    FeatureWeights(Map<String, double[]> weights) {
        int capacity = Integer.highestOneBit(Math.max(4, weights.size() * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new double[capacity][];
        mask = capacity - 1;
        weights.forEach((k, v) -> {
            int i = slot(k);
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            values[i] = v.clone();
        });
    }

    /** The weights of {@code feature}, or null when the model does not know it. */
    double[] get(String feature) {
        int i = slot(feature);
        String k;
        while ((k = keys[i]) != null) {
            if (k.equals(feature)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private int slot(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }
}
