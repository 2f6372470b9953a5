package chatqa.score;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Spearman's rank correlation of two paired samples (ties share their mean rank), with an
 * approximate 95 % interval from Fisher's z (standard error 1.06 / sqrt(n − 3), the usual
 * adjustment for ranks). How well a number chatqa prints orders conversations the way people do.
 */
public record Spearman(double rho, double low, double high, int n) {

    public static Spearman of(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n != y.size()) {
            throw new IllegalArgumentException("samples of different sizes");
        }
        if (n < 4) {
            return new Spearman(Double.NaN, Double.NaN, Double.NaN, n);
        }
        double rho = pearson(ranks(x), ranks(y));
        double z = 0.5 * Math.log((1 + rho) / (1 - rho));
        double se = 1.06 / Math.sqrt(n - 3);
        return new Spearman(rho, Math.tanh(z - 1.96 * se), Math.tanh(z + 1.96 * se), n);
    }

    static double[] ranks(List<Double> v) {
        Integer[] idx = new Integer[v.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(v::get));
        double[] r = new double[v.size()];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && v.get(idx[j + 1]).equals(v.get(idx[i]))) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return da == 0 || db == 0 ? Double.NaN : num / Math.sqrt(da * db);
    }
}
