package chatqa.rules;

import java.io.Serializable;
import java.util.Map;

/** The rule book's business hours: one calendar for every shop, and a shop's own where it has one. */
public record ShopHours(BusinessHours defaults, Map<String, BusinessHours> shops) implements Serializable {
    /** Every shop always open: waits are elapsed time. */
    public static final ShopHours ALWAYS_OPEN = new ShopHours(BusinessHours.ALWAYS_OPEN, Map.of());

    public ShopHours {
        shops = Map.copyOf(shops);
    }

    /** The calendar of a shop (null: a conversation without a shop id gets the default). */
    public BusinessHours forShop(String shopId) {
        return shopId == null ? defaults : shops.getOrDefault(shopId, defaults);
    }
}
