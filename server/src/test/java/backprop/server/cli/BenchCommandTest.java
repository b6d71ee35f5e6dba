package backprop.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.bench.SeedLoop;
import backprop.engine.math.Rng;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench}'s arguments and output, with {@code --quick} runs (their figures are not checked). */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(List<JsonNode> lines, String progress) {}

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BenchCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return new Run(lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNamedWorkloadPrintsOneJsonLine() throws Exception {
        Run seed = run("seed", "--quick");
        assertEquals(1, seed.lines().size());
        JsonNode line = seed.lines().get(0);
        assertEquals("seed", line.get("workload").asText());
        assertTrue(line.get("seconds").asDouble() > 0, line.toString());
        assertEquals(20, line.get("iterations").asInt());
        assertEquals(SeedLoop.run(20, new Rng(0)), line.get("finalLoss").asDouble());
        assertTrue(seed.progress().contains("running seed"), seed.progress());

        JsonNode playground = run("--quick", "playground").lines().get(0);
        assertEquals("playground", playground.get("workload").asText());
        assertTrue(
                playground.get("epochsPerSecond").isInt()
                        && playground.get("epochsPerSecond").asInt() > 0,
                playground.toString());
    }

    @Test
    void thePlaygroundWorkloadTakesANetworkAndNamesIt() throws Exception {
        JsonNode line = run("playground", "16:relu,16:relu", "--quick").lines().get(0);
        assertEquals("16:relu,16:relu", line.get("network").asText());
        assertTrue(line.get("epochsPerSecond").asInt() > 0, line.toString());
        JsonNode keys =
                run("playground", "layers=32:maxout&n=2000", "--quick").lines().get(0);
        assertEquals("layers=32:maxout&n=2000", keys.get("network").asText());
        assertTrue(run("playground", "--quick").lines().get(0).get("network") == null);
        UsageException invalid = assertThrows(
                UsageException.class,
                () -> BenchCommand.run(new String[] {"playground", "99:tanh"}, System.out, System.err));
        assertTrue(invalid.getMessage().contains("99:tanh"), invalid.getMessage());
    }

    @Test
    void noWorkloadRunsThemAllInOrder() throws Exception {
        Run all = run("--quick");
        assertEquals(
                List.of("seed", "playground"),
                all.lines().stream().map(l -> l.get("workload").asText()).toList());
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() {
        UsageException unknown = assertThrows(
                UsageException.class, () -> BenchCommand.run(new String[] {"mnist"}, System.out, System.err));
        assertEquals("bench: unknown workload \"mnist\"; workloads: seed, playground", unknown.getMessage());
        UsageException option = assertThrows(
                UsageException.class, () -> BenchCommand.run(new String[] {"seed", "--fast"}, System.out, System.err));
        assertTrue(
                option.getMessage().contains("--fast") && option.getMessage().contains("usage"), option.getMessage());
        UsageException two = assertThrows(
                UsageException.class,
                () -> BenchCommand.run(new String[] {"seed", "playground"}, System.out, System.err));
        assertTrue(two.getMessage().contains("one workload"), two.getMessage());
    }
}
