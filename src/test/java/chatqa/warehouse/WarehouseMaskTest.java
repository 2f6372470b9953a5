package chatqa.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import chatqa.enrich.Segmenter;
import chatqa.model.Evidence;
import chatqa.privacy.PersonalDataMask;

class WarehouseMaskTest {
    private final WarehouseMask mask = new WarehouseMask(PersonalDataMask.standard());

    @Test
    void textAndWordsOfAMessageAreMaskedAndOtherWordsKept() {
        String text = "你自己看，我的手机13800138000打不通";
        WarehouseMask.MaskedMessage m = mask.message(text, Segmenter.segment(text));
        assertEquals("你自己看，我的手机138****8000打不通", m.text());
        String joined = String.join("|", m.words());
        assertFalse(joined.contains("13800138000"), joined);
        assertTrue(Arrays.asList(m.words()).contains("138****8000"), joined);
        assertEquals(1, Arrays.stream(m.words()).filter("138****8000"::equals).count(), "the mask once: " + joined);
        assertTrue(joined.startsWith("你|自己|看") || joined.startsWith("你自己|看") || joined.contains("自己"), joined);
        assertTrue(joined.endsWith("打不通") || joined.endsWith("打|不通") || joined.contains("不通"), joined);
    }

    @Test
    void messageWithoutPersonalDataIsStoredUnchanged() {
        String text = "亲，这件199元，今天下单明天发";
        WarehouseMask.MaskedMessage m = mask.message(text, Segmenter.segment(text));
        assertEquals(text, m.text());
        assertArrayEquals(Segmenter.segment(text).words().toArray(new String[0]), m.words());
    }

    @Test
    void evidenceSpansMoveOntoTheMaskedText() {
        String text = "电话13800138000，你自己看";
        PersonalDataMask.Masked m = PersonalDataMask.standard().mask(text);
        int start = text.indexOf("自己看");
        Evidence e = new Evidence("c#3", 3, "自己看", start, start + 3, "forbidden '自己看' in an agent message");
        Evidence moved = WarehouseMask.evidence(e, m);
        assertEquals("自己看", m.text().substring(moved.start(), moved.end()));
        assertEquals("自己看", moved.matchedText());
        assertEquals(e.why(), moved.why());

        Evidence onPhone = new Evidence("c#3", 3, "13800138000", 2, 13, "matched '13800138000'");
        Evidence masked = WarehouseMask.evidence(onPhone, m);
        assertEquals("138****8000", masked.matchedText());
        assertEquals("matched '138****8000'", masked.why());
        Evidence missing = Evidence.missing("c#3", 3, "no greeting");
        assertSame(missing, WarehouseMask.evidence(missing, m));
    }

    @Test
    void quarantinedLinesAreMaskedWhole() {
        assertEquals("C9,,bad-time,customer,,u1,s1,我的邮箱 z***@qq.com", mask.text("C9,,bad-time,customer,,u1,s1,我的邮箱 zhang.san@qq.com"));
    }
}
