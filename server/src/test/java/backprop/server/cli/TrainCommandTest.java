package backprop.server.cli;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainCommandTest {
    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = TrainCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAReportEveryKEpochsAndAlwaysAtTheEnd() {
        String spec = "data=circle&n=100&layers=4:tanh";
        String[] lines = run(spec, "--epochs", "25", "--every", "10").trim().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("{\"epoch\":10,\"trainLoss\":"), lines[0]);
        assertTrue(lines[1].startsWith("{\"epoch\":20,"), lines[1]);
        Trainer reference = new Trainer(SpecCodec.parseStrict(spec));
        while (reference.epoch() < 25) {
            reference.stepEpoch();
        }
        assertTrue(lines[2].startsWith("{\"epoch\":25,"), lines[2]);
        assertTrue(lines[2].endsWith("\"fingerprint\":\"" + reference.fingerprint() + "\"}"), lines[2]);
    }

    @Test
    void reportsDivergenceWithNullLossesAndStatus3() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = TrainCommand.run(new String[] {"loss=mse&lr=10&layers=16:relu,16:relu&init=uniform", "--epochs", "500"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8).trim();
        assertEquals(TrainCommand.EXIT_DIVERGED, status, out);
        assertTrue(out.contains("\"trainLoss\":null") && out.endsWith("\"diverged\":true}"), out);
    }

    @Test
    void badInputIsAOneLineUsageError() {
        UsageException badSpec = assertThrows(UsageException.class,
                () -> TrainCommand.run(new String[] {"lr=abc", "--epochs", "5"}, System.out));
        assertTrue(badSpec.getMessage().contains("lr"), badSpec.getMessage());
        assertTrue(!badSpec.getMessage().contains("\n"));
        UsageException noEpochs = assertThrows(UsageException.class,
                () -> TrainCommand.run(new String[] {"data=spiral"}, System.out));
        assertTrue(noEpochs.getMessage().contains("--epochs"));
        UsageException badEpochs = assertThrows(UsageException.class,
                () -> TrainCommand.run(new String[] {"data=spiral", "--epochs", "-4"}, System.out));
        assertTrue(badEpochs.getMessage().contains("allowed"));
    }
}
