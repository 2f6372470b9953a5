package chatqa.model;

import java.io.Serializable;

/**
 * A customer's rating of the service as the export carried it ({@code raw}: 非常满意, 5, an
 * eval_code) and on chatqa's 1–5 CSAT scale (5 very satisfied; null when the raw value is none the
 * mapping's scale knows).
 */
public record Rating(String raw, Double csat) implements Serializable {
}
