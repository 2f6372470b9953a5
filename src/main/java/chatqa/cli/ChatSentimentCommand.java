package chatqa.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import chatqa.enrich.ChatSentiment;
import chatqa.enrich.ChatSentimentEvaluation;
import chatqa.enrich.ChatSentimentTraining;
import chatqa.enrich.ChatTurn;
import chatqa.enrich.LabelledReviews;
import chatqa.enrich.Segmenter;
import chatqa.enrich.Sentiment;
import chatqa.enrich.SentimentEvaluation;
import chatqa.enrich.SentimentLabel;

/**
 * {@code chatqa sentiment train-chat|eval-chat}: the three-class chat model, trained on the
 * labelled chat messages of the train split (and the review sets), measured on the dev split
 * it never saw.
 */
final class ChatSentimentCommand {
    static final String LABELS = "src/test/resources/labels/chat-sentiment.jsonl";
    static final String JDDC = "../shared/data/jddc/chat_sample.tsv";
    static final String STC3 = "../shared/data/stc3/stc3_dialogues_cn.json";
    /** Review examples per file that join the chat labels in training, and how much each counts. */
    static final int REVIEWS_PER_FILE = 1000;
    static final double REVIEW_WEIGHT = 0.3;

    private ChatSentimentCommand() {
    }

    /** Where the labelled messages and their texts are. */
    static final class Data {
        @Option(names = "--labels", defaultValue = LABELS, paramLabel = "FILE.jsonl", description = "Labelled chat messages (default: ${DEFAULT-VALUE}).")
        Path labels;

        @Option(names = "--jddc", defaultValue = JDDC, paramLabel = "FILE.tsv", description = "JDDC chat sample (default: ${DEFAULT-VALUE}).")
        Path jddc;

        @Option(names = "--stc3", defaultValue = STC3, paramLabel = "FILE.json", description = "STC-3 dialogues (default: ${DEFAULT-VALUE}).")
        Path stc3;

        ChatLabels.Set load() throws IOException {
            for (Path p : List.of(labels, jddc, stc3)) {
                if (!Files.exists(p)) {
                    throw new ChatQa.BadArgument(p + ": no such file");
                }
            }
            ChatLabels.Set set = ChatLabels.load(labels, jddc, stc3);
            if (!set.missing().isEmpty()) {
                System.out.printf("%d labelled ids not found in the data (first: %s)%n", set.missing().size(), set.missing().get(0));
            }
            return set;
        }
    }

    @Command(name = "train-chat", mixinStandardHelpOptions = true,
            description = "Train the chat model on the train split of the labelled chat messages and the review sets; print dev figures.")
    static final class Train implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Data data;

        @Option(names = "--reviews", arity = "0..*", paramLabel = "FILE.csv",
                defaultValue = "../shared/data/sentiment/online_shopping_10_cats.train.csv,../shared/data/sentiment/waimai_10k.train.csv",
                split = ",", description = "Labelled review CSVs that join the training (default: the two shared sets).")
        List<Path> reviews;

        @Option(names = "--out", defaultValue = "src/main/resources/chatqa/sentiment/zh-chat.tsv.gz", paramLabel = "FILE",
                description = "Where the weights go (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--cv", defaultValue = "0", paramLabel = "K",
                description = "Instead of training: K-fold cross-validation on the train split (folds by conversation), to choose settings "
                        + "without looking at the dev split.")
        int folds;

        @Option(names = "--errors", paramLabel = "FILE.tsv",
                description = "With --cv: write the messages whose held-out prediction disagrees with their label (id, label, "
                        + "prediction, text, what it answers, the words that drove it), for a label audit or error analysis.")
        Path errors;

        @Option(names = "--l2", paramLabel = "X", description = "L2 penalty (default: the shipped setting).")
        Double l2;

        @Option(names = "--epochs", paramLabel = "N", description = "Passes over the data (default: the shipped setting).")
        Integer epochs;

        @Option(names = "--reviews-per-file", defaultValue = "" + REVIEWS_PER_FILE, paramLabel = "N",
                description = "Review examples drawn from each review file (default: ${DEFAULT-VALUE}).")
        int reviewsPerFile;

        @Option(names = "--review-weight", defaultValue = "" + REVIEW_WEIGHT, paramLabel = "X",
                description = "How much a review example counts against a chat one (default: ${DEFAULT-VALUE}).")
        double reviewWeight;

        @Option(names = "--negative-weight", paramLabel = "X", description = "How much a negative chat example counts (default: the shipped setting).")
        Double negativeWeight;

        @Override
        public Integer call() throws Exception {
            ChatSentimentTraining.Settings d = ChatSentimentTraining.Settings.DEFAULT;
            ChatSentimentTraining.Settings settings = new ChatSentimentTraining.Settings(epochs == null ? d.epochs() : epochs,
                    d.learningRate(), l2 == null ? d.l2() : l2, d.minCount(), d.seed(),
                    negativeWeight == null ? d.negativeWeight() : negativeWeight);
            ChatLabels.Set set = data.load();
            List<ChatLabels.Labelled> train = set.messages().stream().filter(m -> !m.dev()).toList();
            List<ChatSentimentTraining.Example> reviewExamples = reviewExamples();
            if (folds > 1) {
                crossValidate(train, reviewExamples, settings);
                return ChatQa.OK;
            }
            List<ChatSentimentTraining.Example> examples = new ArrayList<>(chatExamples(train, settings));
            int chat = examples.size();
            examples.addAll(reviewExamples);
            long t0 = System.nanoTime();
            Map<String, double[]> weights = ChatSentimentTraining.train(examples, settings);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                ChatSentiment.write(weights, os);
            }
            System.out.printf("trained on %d chat messages and %d reviews in %.1f s: %,d features -> %s (%,d bytes)%n", chat,
                    examples.size() - chat, (System.nanoTime() - t0) / 1e9, weights.size(), out, Files.size(out));
            ChatSentiment model = ChatSentimentTraining.model(weights);
            report(model, set, true);
            for (Path p : reviews) {
                List<LabelledReviews.Review> held = LabelledReviews.read(p).stream().filter(r -> r.heldOut(15)).toList();
                System.out.printf("reviews held out of %s: accuracy %.3f (%d)%n", p.getFileName(), SentimentEvaluation.of(model, held).accuracy(),
                        held.size());
            }
            return ChatQa.OK;
        }


        private List<ChatSentimentTraining.Example> reviewExamples() throws IOException {
            List<ChatSentimentTraining.Example> out = new ArrayList<>();
            for (Path p : reviews) {
                List<LabelledReviews.Review> train = new ArrayList<>(LabelledReviews.read(p).stream().filter(r -> !r.heldOut(15)).toList());
                java.util.Collections.shuffle(train, new Random(20261202L));
                for (LabelledReviews.Review r : train.subList(0, Math.min(reviewsPerFile, train.size()))) {
                    out.add(new ChatSentimentTraining.Example(features(r.text(), ChatTurn.NONE),
                            r.positive() ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE, reviewWeight));
                }
            }
            return out;
        }

        /** Mean figures over K folds of the train split, folds by conversation so a chat's messages stay together. */
        private void crossValidate(List<ChatLabels.Labelled> train, List<ChatSentimentTraining.Example> reviewExamples,
                                   ChatSentimentTraining.Settings settings) throws IOException {
            ChatSentimentEvaluation all = new ChatSentimentEvaluation();
            ChatSentimentEvaluation jd = new ChatSentimentEvaluation();
            List<String> disagreements = new ArrayList<>();
            for (int k = 0; k < folds; k++) {
                int fold = k;
                List<ChatLabels.Labelled> in = train.stream().filter(m -> foldOf(m) != fold).toList();
                List<ChatLabels.Labelled> out = train.stream().filter(m -> foldOf(m) == fold).toList();
                List<ChatSentimentTraining.Example> examples = new ArrayList<>(chatExamples(in, settings));
                examples.addAll(reviewExamples);
                ChatSentiment model = ChatSentimentTraining.model(ChatSentimentTraining.train(examples, settings));
                for (ChatLabels.Labelled m : out) {
                    Sentiment scored = model.score(m.text(), Segmenter.segment(m.text()).words(), m.turn());
                    SentimentLabel got = scored.label();
                    all.add(m.label(), got);
                    if (got != m.label()) {
                        disagreements.add(String.join("\t", m.id(), m.source(), m.label().code(), got.code(), oneLine(m.text()),
                                oneLine(m.turn().previousAgent()), oneLine(m.turn().previousCustomer()), oneLine(scored.explanation())));
                    }
                    if (m.source().equals("jddc")) {
                        jd.add(m.label(), got);
                    }
                }
            }
            System.out.println("== " + folds + "-fold cross-validation on the train split, all (" + settings + ")");
            System.out.print(all.render());
            System.out.println("== the same, jddc");
            System.out.print(jd.render());
            if (errors != null) {
                List<String> lines = new ArrayList<>(List.of("id\tsource\tlabel\tpredicted\ttext\tprevious_agent\tprevious_customer\twhy"));
                lines.addAll(disagreements);
                Files.write(errors, lines);
                System.out.printf("%d messages where the held-out fold's model disagrees with the label -> %s%n", disagreements.size(), errors);
            }
        }

        private static String oneLine(String s) {
            return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
        }

        private int foldOf(ChatLabels.Labelled m) {
            return Math.floorMod(m.id().substring(0, m.id().indexOf('#')).hashCode(), folds);
        }
    }

    @Command(name = "eval-chat", mixinStandardHelpOptions = true,
            description = "3-class accuracy, macro F1 and per-class precision/recall of the shipped chat model on the dev split.")
    static final class Eval implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Data data;

        @Option(names = "--all", description = "Also the train split (figures the model was fitted on, for reference).")
        boolean all;

        @Override
        public Integer call() throws Exception {
            report(ChatSentiment.shared(), data.load(), all);
            return ChatQa.OK;
        }
    }

    private static List<ChatSentimentTraining.Example> chatExamples(List<ChatLabels.Labelled> messages, ChatSentimentTraining.Settings s) {
        return messages.stream().map(m -> new ChatSentimentTraining.Example(features(m.text(), m.turn()), m.label(),
                m.label() == SentimentLabel.NEGATIVE ? s.negativeWeight() : 1.0)).toList();
    }

    private static Map<String, Double> features(String text, ChatTurn turn) {
        return ChatSentimentTraining.features(text, Segmenter.segment(text).words(), turn);
    }

    /** Dev-split figures, overall and per source; with {@code train}, the train split's too. */
    static void report(ChatSentiment model, ChatLabels.Set set, boolean train) {
        for (String split : train ? List.of("dev", "train") : List.of("dev")) {
            for (String source : List.of("all", "jddc", "stc3")) {
                ChatSentimentEvaluation e = new ChatSentimentEvaluation();
                for (ChatLabels.Labelled m : set.messages()) {
                    if (m.split().equals(split) && (source.equals("all") || source.equals(m.source()))) {
                        e.add(m.label(), model.score(m.text(), Segmenter.segment(m.text()).words(), m.turn()).label());
                    }
                }
                System.out.println("== " + split + " split, " + source + (split.equals("train") ? " (fitted on)" : ""));
                System.out.print(e.render());
            }
        }
    }
}
