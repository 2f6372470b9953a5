package chatqa.enrich;

/**
 * The language a message is scored in, by majority script: cross-border shops get English
 * messages, and mixed messages go to whichever script has more letters. Messages with neither
 * (emoji, "!!!") are scored by the Chinese model, which knows chat punctuation and emoticons.
 */
public enum Language {
    ZH, EN;

    public static Language detect(String text) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                latin++;
            }
            i += Character.charCount(cp);
        }
        // Latin letters come several to a word, Han characters one or two: weigh them so.
        return latin >= 2 && latin > han * 3 ? EN : ZH;
    }
}
