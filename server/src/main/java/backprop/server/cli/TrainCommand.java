package backprop.server.cli;

import backprop.engine.data.Dataset;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code train '<spec>' --epochs N [--every K]}: trains on the JVM and prints one JSON object per
 * line at epochs K, 2K, ... and always at N. Divergence ends with {@code "diverged":true}, null
 * losses and exit status 3.
 *
 * <p>{@code trainLoss} is always the data loss. Only when {@code reg} is not {@code none} two more
 * fields follow the accuracies: {@code penalty} = λ·R(W) and {@code totalLoss} = trainLoss +
 * penalty, the objective the optimizer descends; with {@code reg=none} the line is exactly what it
 * was before these fields existed.
 */
public final class TrainCommand {
    static final int EXIT_DIVERGED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainCommand() {}

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new UsageException("train: usage: train '<spec>' --epochs N [--every K] [--data FILE.csv]");
        }
        Spec spec = DataFileOption.specUnlessImported("train", args[0]);
        int epochs = -1;
        int every = -1;
        Dataset dataset = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = positive(UsageException.value(args, ++i, "--epochs"), "--epochs", 0);
                case "--every" -> every = positive(UsageException.value(args, ++i, "--every"), "--every", 1);
                case "--data" ->
                    dataset = DataFileOption.read("train", UsageException.value(args, ++i, "--data"), System.err);
                default ->
                    throw new UsageException("train: unknown option \"" + args[i]
                            + "\"; options: --epochs N, --every K, --data FILE.csv");
            }
        }
        if (epochs < 0) {
            throw new UsageException("train: --epochs is required (an integer from 0 to 10000000)");
        }
        if (spec == null) {
            spec = DataFileOption.importedSpec("train", args[0], dataset);
        }
        Trainer trainer = DataFileOption.trainer("train", spec, dataset);
        while (trainer.epoch() < epochs) {
            trainer.stepEpoch();
            if (trainer.diverged()) {
                out.println(line(trainer, true));
                return EXIT_DIVERGED;
            }
            if (every > 0 && trainer.epoch() % every == 0 && trainer.epoch() < epochs) {
                out.println(line(trainer, false));
            }
        }
        out.println(line(trainer, false));
        return 0;
    }

    private static int positive(String text, String option, int min) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= 10_000_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("train: " + option + ": \"" + text + "\" is not allowed; allowed: an integer from "
                + min + " to 10000000");
    }

    static String line(Trainer trainer, boolean diverged) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", trainer.epoch());
        boolean penalized = trainer.spec().reg() != RegularizationKind.NONE;
        if (diverged) {
            row.put("trainLoss", null);
            row.put("testLoss", null);
            row.put("trainAccuracy", null);
            row.put("testAccuracy", null);
            if (penalized) {
                row.put("penalty", null);
                row.put("totalLoss", null);
            }
        } else {
            Metrics m = trainer.evaluate();
            row.put("trainLoss", finite(m.trainLoss()));
            row.put("testLoss", finite(m.testLoss()));
            row.put("trainAccuracy", finite(m.trainAccuracy()));
            row.put("testAccuracy", finite(m.testAccuracy()));
            if (penalized) {
                row.put("penalty", finite(m.regularization()));
                row.put("totalLoss", finite(m.totalLoss()));
            }
        }
        row.put("fingerprint", trainer.fingerprint());
        if (diverged) {
            row.put("diverged", true);
        }
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print a training report", e);
        }
    }

    /** JSON has no NaN: a NaN accuracy (regression) prints as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
