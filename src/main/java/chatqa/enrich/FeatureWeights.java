package chatqa.enrich;

import java.util.Map;

/**
 * The chat model's weights by feature name, in an open-addressing table with its own hash. The
 * features are short strings of Chinese characters ("c:还没", "t:怎么还"), and String.hashCode
 * (31·a + b) gives thousands of such pairs the same value: in a HashMap they pile into tree bins
 * and every look-up, for every feature of every customer message, walks a tree comparing strings.
 * Mixing the code and probing an open table keeps each look-up to a comparison or two.
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
        // String caches its hashCode, and the feature map has computed it already; the mix spreads
        // the narrow range of 31·a + b over the table. Equal codes are few and probe on.
        long h = s.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) (h ^ h >>> 32) & mask;
    }
}
