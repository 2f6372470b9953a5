package chatqa.publish;

import java.util.Locale;

/** The languages reports are written in: Chinese by default, English on request ({@code --lang}). */
public enum ReportLanguage {
    ZH("zh", Locale.SIMPLIFIED_CHINESE, "zh-CN"),
    EN("en", Locale.ENGLISH, "en");

    private final String code;
    private final Locale locale;
    private final String htmlLang;

    ReportLanguage(String code, Locale locale, String htmlLang) {
        this.code = code;
        this.locale = locale;
        this.htmlLang = htmlLang;
    }

    /** As written on the command line and in the rule book's {@code report.language}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The page's {@code lang} attribute. */
    public String htmlLang() {
        return htmlLang;
    }

    /** The language of a code (zh, en); an unknown code is an error naming the choices. */
    public static ReportLanguage of(String code) {
        for (ReportLanguage l : values()) {
            if (l.code.equalsIgnoreCase(code.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown report language '" + code + "': expected zh or en");
    }
}
