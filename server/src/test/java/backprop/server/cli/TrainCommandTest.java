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
    void withoutRegularizationTheLineIsByteIdenticalToTheOriginalFormat() {
        // Printed by the command before penalty and totalLoss existed; reg=none must not change a byte.
        assertEquals(
                "{\"epoch\":5,\"trainLoss\":0.709328417301988,\"testLoss\":0.6772900502360415,"
                        + "\"trainAccuracy\":0.56,\"testAccuracy\":0.58,\"fingerprint\":\"604d2f9a6752faa7\"}\n",
                run("data=circle&n=100&layers=4:tanh", "--epochs", "5"));
    }

    @Test
    void withRegularizationPenaltyAndTotalLossFollowAndTrainLossStaysTheDataLoss() throws Exception {
        String spec = "data=circle&n=100&layers=4:tanh&reg=l2&lambda=0.01";
        String line = run(spec, "--epochs", "5").trim();
        Trainer reference = new Trainer(SpecCodec.parseStrict(spec));
        while (reference.epoch() < 5) {
            reference.stepEpoch();
        }
        backprop.engine.train.Metrics m = reference.evaluate();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertEquals(m.trainLoss(), json.get("trainLoss").asDouble(), 0.0);
        assertEquals(m.regularization(), json.get("penalty").asDouble(), 0.0);
        assertTrue(m.regularization() > 0, line);
        assertEquals(m.trainLoss() + m.regularization(), json.get("totalLoss").asDouble(), 0.0);
        assertTrue(line.contains("\"testAccuracy\":0.58,\"penalty\":"), line);
        assertTrue(line.endsWith("\"fingerprint\":\"9e5e76057080aece\"}"), line);
    }

    @Test
    void batchNormalizedSpecsTrainAndReportTestModeLosses() {
        String spec = "data=xor&n=102&layers=6:relu:bn,4:tanh&batch=10";
        String line = run(spec, "--epochs", "3").trim();
        Trainer reference = new Trainer(SpecCodec.parseStrict(spec));
        while (reference.epoch() < 3) {
            reference.stepEpoch();
        }
        assertTrue(
                line.startsWith(
                        "{\"epoch\":3,\"trainLoss\":" + reference.evaluate().trainLoss() + ","),
                line);
        assertTrue(line.endsWith("\"fingerprint\":\"" + reference.fingerprint() + "\"}"), line);
    }

    @Test
    void reportsDivergenceWithNullLossesAndStatus3() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = TrainCommand.run(
                new String[] {"loss=mse&lr=10&layers=16:relu,16:relu&init=uniform", "--epochs", "500"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8).trim();
        assertEquals(TrainCommand.EXIT_DIVERGED, status, out);
        assertTrue(out.contains("\"trainLoss\":null") && out.endsWith("\"diverged\":true}"), out);
    }

    @Test
    void badInputIsAOneLineUsageError() {
        UsageException badSpec = assertThrows(
                UsageException.class, () -> TrainCommand.run(new String[] {"lr=abc", "--epochs", "5"}, System.out));
        assertTrue(badSpec.getMessage().contains("lr"), badSpec.getMessage());
        assertTrue(!badSpec.getMessage().contains("\n"));
        UsageException noEpochs =
                assertThrows(UsageException.class, () -> TrainCommand.run(new String[] {"data=spiral"}, System.out));
        assertTrue(noEpochs.getMessage().contains("--epochs"));
        UsageException badEpochs = assertThrows(
                UsageException.class,
                () -> TrainCommand.run(new String[] {"data=spiral", "--epochs", "-4"}, System.out));
        assertTrue(badEpochs.getMessage().contains("allowed"));
    }
}
