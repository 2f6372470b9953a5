package chatqa.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import chatqa.enrich.ChatSentiment;
import chatqa.enrich.ChineseSentiment;
import chatqa.enrich.LabelledReviews;
import chatqa.enrich.SentimentEvaluation;
import chatqa.enrich.SentimentTraining;

/** {@code chatqa sentiment train|eval}: reproduce the shipped sentiment weights and measure them. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Train or evaluate the Chinese sentiment model (labelled CSV: label,review or cat,label,review).",
        subcommands = {SentimentCommand.Train.class, SentimentCommand.Eval.class, ChatSentimentCommand.Train.class,
                ChatSentimentCommand.Eval.class})
final class SentimentCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ChatQa.BadArgument("sentiment needs a subcommand: train, eval (review model), train-chat or eval-chat (chat model)");
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train the weights on labelled CSVs, holding out a share of each for evaluation.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE.csv", description = "Labelled CSV files.")
        List<Path> inputs;

        @Option(names = "--holdout", defaultValue = "15", paramLabel = "PERCENT", description = "Share held out (default: ${DEFAULT-VALUE}).")
        int holdout;

        @Option(names = "--out", defaultValue = "src/main/resources/chatqa/sentiment/zh-nb.tsv.gz", paramLabel = "FILE",
                description = "Where the weights go (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<LabelledReviews.Review> all = new ArrayList<>();
            for (Path p : inputs) {
                all.addAll(LabelledReviews.read(p));
            }
            long t0 = System.nanoTime();
            ChineseSentiment model = SentimentTraining.train(all, holdout, out);
            System.out.printf("trained on %d texts (%d held out) in %.1f s -> %s (%,d bytes)%n",
                    all.stream().filter(r -> !r.heldOut(holdout)).count(), all.stream().filter(r -> r.heldOut(holdout)).count(),
                    (System.nanoTime() - t0) / 1e9, out, java.nio.file.Files.size(out));
            for (Path p : inputs) {
                List<LabelledReviews.Review> held = LabelledReviews.read(p).stream().filter(r -> r.heldOut(holdout)).toList();
                System.out.println("held out of " + p.getFileName() + ":");
                System.out.print(SentimentEvaluation.of(model, held).render().indent(2));
            }
            return ChatQa.OK;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Accuracy, precision/recall per class and the confusion matrix of the shipped review model on a labelled CSV, "
                    + "or with --chat of the chat model on the dev split of the labelled chat messages (as eval-chat).")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--input", paramLabel = "FILE.csv", description = "Labelled CSV (reviews).")
        Path input;

        @Option(names = "--chat", description = "The three-class chat model on the labelled chat messages' dev split instead.")
        boolean chat;

        @picocli.CommandLine.Mixin
        ChatSentimentCommand.Data chatData;

        @Option(names = "--holdout-only", description = "Only the share 'train' held out (for files the model was trained on).")
        boolean holdoutOnly;

        @Option(names = "--holdout", defaultValue = "15", paramLabel = "PERCENT", description = "The held-out share used in training (default: ${DEFAULT-VALUE}).")
        int holdout;

        @Override
        public Integer call() throws Exception {
            if (chat == (input != null)) {
                throw new ChatQa.BadArgument("give --input FILE.csv (reviews) or --chat (labelled chat messages)");
            }
            if (chat) {
                ChatSentimentCommand.report(ChatSentiment.shared(), chatData.load(), false);
                return ChatQa.OK;
            }
            List<LabelledReviews.Review> reviews = LabelledReviews.read(input);
            if (holdoutOnly) {
                reviews = reviews.stream().filter(r -> r.heldOut(holdout)).toList();
            }
            if (reviews.isEmpty()) {
                throw new ChatQa.BadArgument("--input " + input + ": no labelled rows");
            }
            long t0 = System.nanoTime();
            SentimentEvaluation e = SentimentEvaluation.of(ChineseSentiment.shared(), reviews);
            System.out.print(e.render());
            System.out.printf("speed      %,.0f texts/s (one thread, with segmentation)%n", reviews.size() / ((System.nanoTime() - t0) / 1e9));
            return ChatQa.OK;
        }
    }
}
