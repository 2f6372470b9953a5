package chatqa.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.ingest.JudgedDialogues;
import chatqa.rules.RuleBook;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;
import chatqa.score.SatisfactionModel;
import chatqa.score.Spearman;

/**
 * {@code chatqa satisfaction train}: fits the satisfaction estimate to the STC-3 judges' mean
 * rating on the train split of the dialogues, writes the weights, and prints the Spearman
 * correlation on the dev split it never saw.
 */
@Command(name = "satisfaction", mixinStandardHelpOptions = true, description = "Train the satisfaction estimate.",
        subcommands = {SatisfactionCommand.Train.class})
final class SatisfactionCommand implements Callable<Integer> {
    static final double LAMBDA = 5.0;
    private static final int FOLDS = 5;

    @Override
    public Integer call() {
        throw new ChatQa.BadArgument("satisfaction needs a subcommand: train");
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Fit the satisfaction weights to judged dialogues (train split); print dev-split correlations.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--stc3", defaultValue = ChatSentimentCommand.STC3, paramLabel = "FILE.json",
                description = "Dialogues with judgements, STC-3 layout (default: ${DEFAULT-VALUE}).")
        Path stc3;

        @Mixin
        RulesOption rules;

        @Option(names = "--out", defaultValue = "src/main/resources/chatqa/score/satisfaction.tsv", paramLabel = "FILE",
                description = "Where the weights go (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            RuleBook book = rules.load();
            ConversationScorer scorer = new ConversationScorer(book, SatisfactionModel.NONE);
            List<Map<String, Double>> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<JudgedDialogues.Dialogue> dev = new ArrayList<>();
            for (JudgedDialogues.Dialogue d : JudgedDialogues.read(stc3)) {
                if (d.satisfaction() == null || d.conversation().messages().isEmpty()) {
                    continue;
                }
                if (DevSplit.contains(d.conversation().id())) {
                    dev.add(d);
                } else {
                    x.add(SatisfactionModel.features(scorer.score(d.conversation())));
                    y.add(d.satisfaction());
                    ids.add(d.conversation().id());
                }
            }
            SatisfactionModel model = SatisfactionModel.fit(x, y, LAMBDA);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                model.write(w);
            }
            System.out.printf("fitted on %d dialogues (train split) -> %s%n", x.size(), out);
            Spearman cv = crossValidated(x, y, ids);
            System.out.printf("train split, %d-fold cross-validated: Spearman %.3f (95 %% %.3f .. %.3f)%n", FOLDS, cv.rho(), cv.low(), cv.high());
            ConversationScorer withModel = new ConversationScorer(book, model);
            List<Double> estimate = new ArrayList<>();
            List<Double> judged = new ArrayList<>();
            for (JudgedDialogues.Dialogue d : dev) {
                ConversationScore s = withModel.score(d.conversation());
                if (s.satisfaction() != null) {
                    estimate.add(s.satisfaction().value());
                    judged.add(d.satisfaction());
                }
            }
            Spearman r = Spearman.of(estimate, judged);
            System.out.printf("dev split: satisfaction_estimate vs mean S, Spearman %.3f (95 %% %.3f .. %.3f, n %d)%n", r.rho(), r.low(),
                    r.high(), r.n());
            return ChatQa.OK;
        }

        /**
         * Each train dialogue estimated by weights fitted without its fold: the figure to compare
         * feature or penalty changes by, so the dev split stays unseen until the end.
         */
        private static Spearman crossValidated(List<Map<String, Double>> x, List<Double> y, List<String> ids) {
            double[] predicted = new double[x.size()];
            for (int fold = 0; fold < FOLDS; fold++) {
                List<Map<String, Double>> fx = new ArrayList<>();
                List<Double> fy = new ArrayList<>();
                for (int i = 0; i < x.size(); i++) {
                    if (fold(ids.get(i)) != fold) {
                        fx.add(x.get(i));
                        fy.add(y.get(i));
                    }
                }
                SatisfactionModel m = SatisfactionModel.fit(fx, fy, LAMBDA);
                for (int i = 0; i < x.size(); i++) {
                    if (fold(ids.get(i)) == fold) {
                        predicted[i] = m.estimate(x.get(i)).value();
                    }
                }
            }
            return Spearman.of(Arrays.stream(predicted).boxed().toList(), y);
        }

        private static int fold(String id) {
            return Math.floorMod(id.hashCode() * 31 + 7, FOLDS);
        }
    }
}
