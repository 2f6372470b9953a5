package chatqa.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full-width and mixed-width numbers, and names where a message says it gives one (issue "Never
 * lose a scored day", finding 6: １３８１２３４５６７８ passed the phone mask).
 */
class WidthAndNameMaskTest {
    private static String masked(String text) {
        return PersonalDataMask.standard().mask(text).text();
    }

    @Test
    void fullWidthAndMixedWidthPhonesAreMasked() {
        assertEquals("电话138****5678", masked("电话１３８１２３４５６７８"));
        assertEquals("电话138****5678", masked("电话138１２３４5678"));
        assertEquals("打＋８６ 139****5678", masked("打＋８６ １３９１２３４５６７８"), "the country code stays as written");
    }

    @Test
    void fullWidthIdsCardsAndOrdersAreMasked() {
        assertEquals("身份证[身份证]", masked("身份证１１０１０１１９９００３０７１２３３"));
        assertEquals("卡号[银行卡尾号0128]", masked("卡号６２２２０２１２３４５６７８９０１２８"));
        assertEquals("订单号：[单号尾号5678]", masked("订单号：２０２６１１２０１２３４５６７８"));
    }

    @Test
    void theRestOfAFullWidthMessageIsLeftAsItWas() {
        assertEquals("Ｘ码３件，电话138****5678！", masked("Ｘ码３件，电话１３８１２３４５６７８！"));
    }

    @Test
    void namesAfterTheWordsThatIntroduceThemAreMasked() {
        assertEquals("我叫[姓名]，订单没到", masked("我叫张伟，订单没到"));
        assertEquals("收件人[姓名]电话138****8000", masked("收件人李四电话13800138000"));
        assertEquals("收货人：[姓名]", masked("收货人：欧阳娜娜"));
        assertEquals("姓名 [姓名] 地址不变", masked("姓名 王小明 地址不变"));
        assertEquals("联系人是[姓名]先生", masked("联系人是陈先生"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"我叫了快递", "收件人写错了", "收货人信息在哪改", "姓名和电话都对", "我叫客服帮忙", "张三丰的书到了吗"})
    void wordsThatOnlyLookLikeALabelStay(String text) {
        assertEquals(text, masked(text));
    }
}
