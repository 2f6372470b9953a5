package chatqa.enrich;

import java.util.Properties;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;

/**
 * English sentiment with Stanford CoreNLP's sentiment annotator (for cross-border shops). Its
 * five classes map onto chatqa's scale: very negative -1, negative -0.5, neutral 0, positive 0.5,
 * very positive 1, averaged over sentences by length. The pipeline (parser and sentiment model,
 * a few seconds to load) is built once per JVM, and only when an English message arrives.
 */
public final class EnglishSentiment {
    private static final double[] SCALE = {-1.0, -0.5, 0.0, 0.5, 1.0};
    /** How far from 0 the averaged score must be for a negative or positive label. */
    private static final double LABEL_AT = 0.25;

    private EnglishSentiment() {
    }

    private static final class Pipeline {
        static final StanfordCoreNLP INSTANCE = build();

        private static StanfordCoreNLP build() {
            Properties p = new Properties();
            p.setProperty("annotators", "tokenize,ssplit,parse,sentiment");
            p.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
            p.setProperty("parse.binaryTrees", "true");
            p.setProperty("tokenize.language", "en");
            return new StanfordCoreNLP(p);
        }
    }

    public static Sentiment score(String text) {
        Annotation doc = new Annotation(text);
        Pipeline.INSTANCE.annotate(doc);
        double sum = 0;
        int weight = 0;
        StringBuilder why = new StringBuilder();
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            int predicted = RNNCoreAnnotations.getPredictedClass(tree);
            int tokens = Math.max(1, sentence.get(CoreAnnotations.TokensAnnotation.class).size());
            sum += SCALE[predicted] * tokens;
            weight += tokens;
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append(sentence.get(SentimentCoreAnnotations.SentimentClass.class));
        }
        if (weight == 0) {
            return Sentiment.NEUTRAL;
        }
        double score = sum / weight;
        // CoreNLP's five classes averaged over sentences: below "slightly negative" is negative.
        SentimentLabel label = score <= -LABEL_AT ? SentimentLabel.NEGATIVE : score >= LABEL_AT ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
        return new Sentiment(score, label, "corenlp: " + why, "corenlp");
    }
}
