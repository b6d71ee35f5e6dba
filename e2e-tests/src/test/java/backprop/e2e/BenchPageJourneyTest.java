package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.bench.SeedLoop;
import backprop.engine.math.Rng;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /bench runs the engine's benchmark workloads in the browser, in WebAssembly and in JavaScript,
 * and shows the same JSON line as {@code bench}. Quick sizes: the figures only have to be
 * well-formed and positive (no timing thresholds), and the seed loop's final loss must be the
 * JVM's, bit for bit.
 */
class BenchPageJourneyTest extends BrowserJourney {
    private static final Pattern PLAYGROUND = Pattern.compile(
            "\\{\"workload\":\"playground\",\"epochsPerSecond\":(\\d+),\"windows\":1,\"epochs\":(\\d+)}");
    private static final Pattern SEED = Pattern.compile(
            "\\{\"workload\":\"seed\",\"seconds\":([0-9.E-]+),\"iterations\":20,\"repeats\":1,\"finalLoss\":([0-9.E-]+)}");
    private static final LocatorAssertions.HasTextOptions PATIENTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(120_000);

    private Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    private String resultOf(String url, Pattern shape) {
        page.navigate(server.url(url));
        assertThat(byTestId("bench-result")).hasText(shape, PATIENTLY);
        return byTestId("bench-result").textContent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void runsThePlaygroundWorkload(String runtime) {
        String line = resultOf("/bench?runtime=" + runtime + "&workload=playground&size=quick", PLAYGROUND);
        assertThat(byTestId("runtime")).hasText(runtime);
        Matcher m = PLAYGROUND.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(2)) > 0, line);
        assertThat(byTestId("bench-status")).isHidden();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void runsTheSeedWorkloadToTheJvmsLoss(String runtime) {
        String line = resultOf("/bench?runtime=" + runtime + "&workload=seed&size=quick", SEED);
        assertThat(byTestId("runtime")).hasText(runtime);
        Matcher m = SEED.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(Double.parseDouble(m.group(1)) > 0, line);
        assertEquals(
                Double.toString(SeedLoop.run(20, new Rng(0))), m.group(2), "final loss in " + runtime + " vs the JVM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theButtonsRunEachWorkloadInThePagesRuntime(String runtime) {
        page.navigate(server.url("/bench?size=quick&runtime=" + runtime));
        assertThat(byTestId("runtime")).hasText(runtime);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run playground"))
                .click();
        assertThat(byTestId("bench-result")).hasText(PLAYGROUND, PATIENTLY);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run seed"))
                .click();
        assertThat(byTestId("bench-result")).hasText(SEED, PATIENTLY);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run seed")))
                .isEnabled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"workload=mnist", "workload=seed&size=huge"})
    void aBadParameterIsExplainedOnThePage(String query) {
        page.navigate(server.url("/bench?runtime=js&" + query));
        String key = query.contains("size=") ? "size" : "workload";
        assertThat(byTestId("bench-status")).hasText(Pattern.compile("^" + key + ": \".+\" is not allowed; allowed: "));
        assertThat(byTestId("bench-result")).isEmpty();
    }
}
