package chatqa.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import chatqa.config.ConfigError;
import chatqa.privacy.PersonalDataMask.Masked;
import chatqa.privacy.PersonalDataMask.Replacement;

/** What the default patterns mask in real-looking customer messages, and what they leave alone. */
class PersonalDataMaskTest {
    private static final PersonalDataMask MASK = PersonalDataMask.standard();

    private static String masked(String text) {
        return MASK.mask(text).text();
    }

    private static List<String> kinds(String text) {
        return MASK.mask(text).replacements().stream().map(Replacement::kind).toList();
    }

    @Test
    void phoneAndAddressInOneMessage() {
        Masked m = MASK.mask("我的手机是13800138000，地址是浙江省杭州市西湖区文三路123号4栋501室");
        assertEquals("我的手机是138****8000，地址是浙江省杭州市[地址]", m.text());
        assertEquals(List.of(new Replacement(5, 16, 5, 16, "phone"), new Replacement(26, 42, 26, 30, "address")),
                m.replacements());
    }

    @Test
    void phonesWithSpacesDashesAndCountryCode() {
        assertEquals("电话138****8000", masked("电话138 0013 8000"));
        assertEquals("电话138****8000", masked("电话138-0013-8000"));
        assertEquals("打+86 139****5678就行", masked("打+86 13912345678就行"));
        assertEquals("0086139****5678", masked("008613912345678"));
    }

    @Test
    void phoneBoundedByOtherDigitsIsNotAPhone() {
        // 12 digits: an order-like number, masked as such, never read as a phone plus a digit.
        assertEquals(List.of("order_number"), kinds("编号138001380001"));
        assertEquals("号码12800138000", masked("号码12800138000"));
    }

    @Test
    void landlinesWithAreaCodes() {
        assertEquals("公司电话[座机]，分机找王经理", masked("公司电话010-12345678，分机找王经理"));
        assertEquals("打[座机]", masked("打0755-1234567"));
        assertEquals("打[座机]", masked("打(021)87654321"));
        assertEquals("客服热线400-820-8820", masked("客服热线400-820-8820"));
    }

    @Test
    void orderNumberAfterLabelKeepsLastFourDigits() {
        assertEquals("订单号:[单号尾号5678] 还没发货", masked("订单号:2026112012345678 还没发货"));
        assertEquals(List.of("order_number"), kinds("订单号:2026112012345678 还没发货"));
        assertEquals("订单号是[单号尾号1234]", masked("订单号是88661234"));
    }

    @Test
    void courierNumbersWithLetterPrefixes() {
        assertEquals("快递单号[单号尾号0123]", masked("快递单号SF1234567890123"));
        assertEquals("运单号：[单号尾号8901]", masked("运单号：JD0012345678901"));
        assertEquals("顺丰[单号尾号0123]到哪了", masked("顺丰SF1234567890123到哪了"));
        assertEquals("EMS [单号尾号89CN]", masked("EMS EA123456789CN"));
    }

    @Test
    void unlabelledLongDigitRunIsAnOrderNumber() {
        assertEquals("就是这个 [单号尾号6789] 帮我查下", masked("就是这个 3456789012346789 帮我查下"));
    }

    @Test
    void residentIdWithValidChecksum() {
        assertEquals("身份证号[身份证]", masked("身份证号110101199003071233"));
        assertEquals(List.of("resident_id"), kinds("我的是44030419851231002X请核对"));
        assertEquals("我的是[身份证]请核对", masked("我的是44030419851231002x请核对"));
    }

    @Test
    void residentIdWithWrongChecksumIsStillHidden() {
        assertEquals("身份证号码：[身份证]", masked("身份证号码：110101199003071234"));
        // Without a label the bad checksum fails the id check; the digits still hide as a number.
        assertEquals(List.of("order_number"), kinds("110101199003071234"));
        assertEquals("身份证[身份证]", masked("身份证110101900307123"));
        assertEquals("号码[身份证]", masked("号码11010119900307123X"));
    }

    @Test
    void bankCardsPassingLuhn() {
        assertEquals("卡号[银行卡尾号0128]", masked("卡号6222 0212 3456 7890 128"));
        assertEquals("退到[银行卡尾号0106]这张卡", masked("退到6217001234567890106这张卡"));
        assertEquals(List.of("bank_card"), kinds("6222-0212-3456-7890-128"));
    }

    @Test
    void digitRunFailingLuhnIsNotABankCard() {
        assertEquals(List.of("order_number"), kinds("6217001234567890107"));
    }

    @Test
    void emailKeepsFirstLetterAndDomain() {
        assertEquals("邮箱 z***@qq.com", masked("邮箱 zhang.san@qq.com"));
        assertEquals("发到1***@163.com吧", masked("发到13800138000@163.com吧"));
        assertEquals(List.of("email"), kinds("发到13800138000@163.com吧"));
    }

    @Test
    void streetAddresses() {
        assertEquals("寄到北京市[地址]，谢谢", masked("寄到北京市朝阳区建国路88号，谢谢"));
        assertEquals("收货地址：广东省深圳市[地址]", masked("收货地址：广东省深圳市南山区科技园南区阳光花园3栋2单元1502"));
        assertEquals("我家就在[地址]", masked("我家就在中山北路1088弄12号"));
        assertEquals("上海市[地址]", masked("上海市浦东新区张江镇祖冲之路887号"));
        assertEquals("广州市[地址]", masked("广州市天河区天河路385号太古汇1座2001"));
        assertEquals("新疆维吾尔自治区乌鲁木齐市[地址]", masked("新疆维吾尔自治区乌鲁木齐市天山区解放南路100号"));
        assertEquals("老地址是[地址]，新地址是[地址]", masked("老地址是文三路123号，新地址是文二路45号2幢"));
    }

    @Test
    void addressStopsBeforeTheWordsAfterIt() {
        assertEquals("[地址]发货3件", masked("文三路123号发货3件"));
        assertEquals("收件人：[姓名] 138****8000 浙江省杭州市[地址]",
                masked("收件人：张三 13800138000 浙江省杭州市余杭区五常街道文一西路969号"));
    }

    @Test
    void bareOrderLabelNeedsMoreDigitsThanADate() {
        assertEquals("订单 20261120 下单", masked("订单 20261120 下单"));
        assertEquals("订单[单号尾号5678]", masked("订单2026112012345678"));
    }

    @Test
    void wechatAndQqIdsAfterLabels() {
        assertEquals("加我微信：[账号]", masked("加我微信：zhangsan_88"));
        assertEquals("vx [账号] 发你图", masked("vx zs-2026abc 发你图"));
        assertEquals("QQ号[账号]", masked("QQ号12345678"));
        assertEquals("[账号]", masked("wxid_a1b2c3d4e5"));
        // A phone after 微信 stays a phone: it is the more specific kind.
        assertEquals("微信同手机139****5678", masked("微信同手机13912345678"));
        assertEquals("用微信支付可以吗", masked("用微信支付可以吗"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "这件199元", "2026-11-20 10:00 下单的", "尺码175/92A", "iPhone15 Pro", "满300减30的券", "3件",
        "亲，您好，有什么可以帮您？", "身高170cm体重65kg穿什么码", "下个月3号能到吗", "我知道3号发货",
        "1件2999元，共5件14995元", "订单号是多少呀", "价格是1299.00元", "11月20日 23:59:59前付款",
        "型号XR-2000S，电池5000mAh", "客服8号为您服务", "第2单元格式不对", "退款¥1,299.00已到账",
        "20261120", "https://item.taobao.com/item.htm?id=123456", "优惠券编号CP2026 满200减20",
        "下个月10号发货", "放在小区门口3号柜", "我知道3号发货", "售后中心3楼", "政府3号文件", "5号电池买10节",
        "现在1号线地铁", "我住3号楼", "客服热线95588", "身份证后四位1234", "手机尾号8000", "加vx：abc", "买2送1"})
    void ordinaryChatIsNotMasked(String text) {
        Masked m = MASK.mask(text);
        assertEquals(text, m.text());
        assertFalse(m.changed());
    }

    @Test
    void spanBeforeAfterAndAcrossMasksMapsOntoMaskedText() {
        String text = "手机13800138000收到了吗，订单号:2026112012345678";
        Masked m = MASK.mask(text);
        assertEquals("手机138****8000收到了吗，订单号:[单号尾号5678]", m.text());
        assertArrayEquals(new int[] {0, 2}, m.mapSpan(0, 2));
        int received = text.indexOf("收到");
        int[] moved = m.mapSpan(received, received + 2);
        assertEquals("收到", m.text().substring(moved[0], moved[1]));
        int label = text.indexOf("订单号");
        moved = m.mapSpan(label, label + 3);
        assertEquals("订单号", m.text().substring(moved[0], moved[1]));
        assertEquals(text.length(), m.originalLength());
    }

    @Test
    void spanTouchingAMaskWidensToTheWholeMask() {
        Masked m = MASK.mask("我的手机是13800138000哦");
        assertArrayEquals(new int[] {5, 16}, m.mapSpan(8, 10));
        assertEquals("是138****8000", m.text().substring(m.mapSpan(4, 6)[0], m.mapSpan(4, 6)[1]));
        Masked id = MASK.mask("身份证号110101199003071233吗");
        int[] span = id.mapSpan(0, 6);
        assertEquals("身份证号[身份证]", id.text().substring(span[0], span[1]));
        assertArrayEquals(new int[] {4, 4}, id.mapSpan(4, 4));
        assertArrayEquals(new int[] {9, 10}, id.mapSpan(22, 23));
    }

    @Test
    void spanOutsideTheOriginalTextIsRejected() {
        Masked m = MASK.mask("手机13800138000");
        assertThrows(IllegalArgumentException.class, () -> m.mapSpan(0, 14));
        assertThrows(IllegalArgumentException.class, () -> m.mapSpan(3, 2));
    }

    @Test
    void unmaskedTextMapsSpansToThemselves() {
        Masked m = MASK.mask("这件199元");
        assertArrayEquals(new int[] {2, 5}, m.mapSpan(2, 5));
    }

    @Test
    void shortValuesHideTheirHint() {
        PersonalDataMask mask = PersonalDataMask.fromYaml("""
                kinds:
                  code: '[码{tail4}]'
                patterns:
                  - kind: code
                    regex: '码(?<v>\\d+)'
                """, "test.yaml");
        assertEquals("码[码**]", mask.mask("码123456").text());
        assertEquals("码[码5678]", mask.mask("码12345678").text());
    }

    @Test
    void standardPatternsAreCompiledOnce() {
        assertSame(PersonalDataMask.standard(), PersonalDataMask.standard());
    }

    @Test
    void badPatternFilesNameTheLineAndField() {
        ConfigError unknownKind = assertThrows(ConfigError.class, () -> PersonalDataMask.fromYaml("""
                kinds:
                  phone: '{head3}****'
                patterns:
                  - kind: fone
                    regex: '1\\d{10}'
                """, "p.yaml"));
        assertTrue(unknownKind.getMessage().startsWith("p.yaml:4: patterns[0].kind: unknown kind 'fone'"), unknownKind.getMessage());
        ConfigError badRegex = assertThrows(ConfigError.class, () -> PersonalDataMask.fromYaml("""
                kinds:
                  phone: '[电话]'
                patterns:
                  - kind: phone
                    check: luhn
                    regex: '1(\\d{10}'
                """, "p.yaml"));
        assertTrue(badRegex.getMessage().startsWith("p.yaml:6: patterns[0].regex: not a valid regular expression"), badRegex.getMessage());
        ConfigError badMask = assertThrows(ConfigError.class, () -> PersonalDataMask.fromYaml("""
                kinds:
                  phone: '{middle4}'
                patterns: []
                """, "p.yaml"));
        assertTrue(badMask.getMessage().startsWith("p.yaml:2: kinds.phone: unknown placeholder"), badMask.getMessage());
    }

    @Test
    void typicalMessagesMaskInMicroseconds() {
        String[] texts = {"我的手机是13800138000，地址是浙江省杭州市西湖区文三路123号4栋501室",
            "亲，这件衣服199元，满300减30，今天下单明天发货哦", "好的亲，已经帮您备注了，今天下午就能发出"};
        for (int i = 0; i < 3_000; i++) {
            for (String t : texts) {
                MASK.mask(t);
            }
        }
        // The fastest of several rounds, so a busy shared machine does not fail the build.
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                for (String t : texts) {
                    MASK.mask(t);
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1000.0 / (500 * texts.length));
        }
        // A few µs on an idle machine; the bound only proves microseconds, not milliseconds, so that
        // a machine shared with Spark tests does not fail the build.
        assertTrue(best < 1000, "took " + best + " µs per message");
    }

    @Test
    void longMessagesDoNotBacktrackForever() {
        String line = "浙江省杭州市西湖区文三路附近，这件199元，满300减30，亲我知道3号发货，订单号2026112012345678，";
        String text = line.repeat(100);
        long t0 = System.nanoTime();
        Masked m = MASK.mask(text);
        double millis = (System.nanoTime() - t0) / 1e6;
        assertEquals(100, m.replacements().size());
        assertTrue(millis < 2000, "took " + millis + " ms for " + text.length() + " characters");
    }
}
