package backprop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: measures the activation lab's race in headless Chromium, trained in its Web Worker
 * and on the page's own thread ({@code ?worker=0}), interleaved, in WASM and in JS: the seconds
 * from Start to "finished", and the page's frame rate and longest frame meanwhile. The race is the
 * lab's default (sigmoid, tanh and ReLU on the default experiment, 1000 epochs) over 5 seeds:
 * 15 runs. One JSON line per measurement, then a table with the worker's speed-up.
 *
 * <pre>mvn -B -q -DskipTests install &amp;&amp; \
 * mvn -q -pl e2e-tests exec:java -Dexec.mainClass=backprop.e2e.RaceBenchmark -Dexec.classpathScope=test</pre>
 * Argument: the rounds (default 1).
 */
public final class RaceBenchmark {
    record Row(String runtime, String training, double seconds, double fps, double longestFrameMs, String load) {}

    private RaceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<Row> rows = new ArrayList<>();
        try (ProductServer server = ProductServer.start();
                Playwright playwright = Browsers.playwright();
                Browser browser = Browsers.chromium(playwright)) {
            for (int round = 0; round < rounds; round++) {
                for (String runtime : List.of("wasm", "js")) {
                    for (String training : List.of("worker", "main")) {
                        rows.add(measure(browser, server, runtime, training));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| runtime | training | race s | fps | longest frame ms | load |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.println("| " + r.runtime() + " | " + r.training() + " | "
                    + String.format(java.util.Locale.ROOT, "%.1f", r.seconds()) + " | " + Math.round(r.fps()) + " | "
                    + Math.round(r.longestFrameMs()) + " | " + r.load() + " |");
        }
        for (String runtime : List.of("wasm", "js")) {
            double worker = mean(rows, runtime, "worker");
            double main = mean(rows, runtime, "main");
            System.out.println("worker speed-up, " + runtime + ": " + String.format(java.util.Locale.ROOT, "%.2f", main)
                    + " s ÷ " + String.format(java.util.Locale.ROOT, "%.2f", worker) + " s = "
                    + String.format(java.util.Locale.ROOT, "%.2f", main / worker) + "×");
        }
    }

    private static double mean(List<Row> rows, String runtime, String training) {
        return rows.stream()
                .filter(r -> r.runtime().equals(runtime) && r.training().equals(training))
                .mapToDouble(Row::seconds)
                .average()
                .orElse(Double.NaN);
    }

    private static Row measure(Browser browser, ProductServer server, String runtime, String training)
            throws java.io.IOException {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        ActivationsPage lab = new ActivationsPage(page)
                .open(server.url("/activations?runtime=" + runtime + (training.equals("main") ? "&worker=0" : "")));
        PlaywrightAssertions.assertThat(lab.byTestId("runtime")).hasAttribute("data-training", training);
        lab.byTestId("race-seeds").selectOption("5");
        page.evaluate(PageBenchmark.FRAME_RECORDER);
        long started = System.nanoTime();
        lab.byTestId("race-start").click();
        PlaywrightAssertions.assertThat(lab.byTestId("race-status"))
                .hasAttribute(
                        "data-state",
                        "finished",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(ActivationsPage.TRAINING_TIMEOUT_MS));
        double seconds = (System.nanoTime() - started) / 1e9;
        List<?> reading = (List<?>) page.evaluate(PageBenchmark.FRAME_READING);
        String shown = lab.byTestId("race-status").getAttribute("data-training");
        if (!shown.equals(training)) {
            throw new IllegalStateException("the race trained on " + shown + ", not " + training);
        }
        String load = PageBenchmark.loadAverage();
        Row row = new Row(
                runtime,
                training,
                seconds,
                ((Number) reading.get(0)).doubleValue(),
                ((Number) reading.get(1)).doubleValue(),
                load);
        System.out.println("{\"workload\":\"race\",\"runtime\":\"" + runtime + "\",\"training\":\"" + training
                + "\",\"seconds\":" + String.format(java.util.Locale.ROOT, "%.2f", seconds) + ",\"fps\":"
                + Math.round(row.fps()) + ",\"longestFrameMs\":" + Math.round(row.longestFrameMs())
                + ",\"loadAverage\":" + load + "}");
        page.close();
        return row;
    }
}
