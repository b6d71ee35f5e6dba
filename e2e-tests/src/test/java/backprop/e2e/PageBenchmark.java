package backprop.e2e;

import backprop.engine.bench.Benchmarks;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: measures the playground page in headless Chromium. For each network size and data
 * size in {@link #CASES}, in WASM and in JS: the browser's idle frame rate, then frames and
 * epochs per second, the longest frame and how long the mouse's moves over the output waited to be
 * handled ({@link InputProbe}: the longest and the 95th percentile) while the page trains and
 * draws, beside the epochs per second of the engine alone on the same network in the same
 * runtime ({@code /bench?workload=playground&network=...}); one JSON line per measurement (with
 * what each part of the page's frames took, {@code stages}), then
 * a table, then the size of what the page downloads, raw and gzipped.
 *
 * <pre>mvn -B -q -DskipTests install &amp;&amp; \
 * mvn -q -pl e2e-tests exec:java -Dexec.mainClass=backprop.e2e.PageBenchmark -Dexec.classpathScope=test</pre>
 * Arguments: the seconds of each measured window (default 4), then case names to run (default
 * all). {@code -Dbaseline.jar=/path/to/other.jar} measures that build too, interleaved with this
 * one case by case, so a busy machine weighs on both alike; {@code -Dmain.thread=true} also
 * measures this build with training on the main thread ({@code ?worker=0}). With {@code -Dexec.args="bench"} (or
 * {@code "bench seed"}) it runs {@code /bench}'s workloads instead.
 *
 * <p>{@code -Dtfplayground.dir=/tmp/tfp/dist} also measures TensorFlow Playground's page, built
 * locally, in the same browser after each case ({@link TfPlayground}: build
 * {@code tensorflow-playground}, runtime JS, the same frame recorder, epochs read from its
 * {@code #iter-number}). A case it can represent is measured as it is, under the case's name
 * ({@code 8,8}: {@code networkShape=8,8}, tanh, spiral, its 500 points split 50 %, so 250
 * training points as ours, batch 10, lr 0.03; it trains with squared loss, one epoch per frame);
 * the first case whose network it cannot hold (16x3, 32x6, 32x8, maxout) adds its largest network
 * once, 6 × 8 tanh, as the row {@code tf: 8x6 (its largest)}; a case that differs only in data
 * ({@code 8,8-2000pts}: it always draws 500 points) adds nothing. Its "engine epochs/s" is its
 * {@code nn.ts} alone when compiled to {@code nn/nn.js} in that directory, else "–". After the
 * table, one line per runtime for each case measured as it is: this build's epochs per second,
 * frame rate and longest frame beside its ({@code × TF}). To build it (outside this repository;
 * npm only):
 *
 * <pre>git clone https://github.com/tensorflow/playground /tmp/tfp &amp;&amp; cd /tmp/tfp
 * npm ci &amp;&amp; npm run build
 * npx tsc src/nn.ts --target es5 --module commonjs --outDir dist/nn   # optional: its network code alone</pre>
 */
public final class PageBenchmark {
    /** A network or data size to measure: a name and the spec keys that change the default experiment. */
    record Case(String name, String network) {
        String fragment() {
            return network == null ? "" : "#" + SpecCodec.print(Benchmarks.playgroundSpec(network));
        }

        Spec spec() {
            return network == null ? Spec.defaults() : Benchmarks.playgroundSpec(network);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("8,8", null),
            new Case("16x3", layers(16, 3, "tanh")),
            new Case("32x6", layers(32, 6, "tanh")),
            new Case("32x8", layers(32, 8, "tanh")),
            new Case("32x8-maxout", layers(32, 8, "maxout")),
            new Case("8,8-2000pts", "n=2000"),
            new Case(
                    "32x8-maxout-1800train-batch1",
                    "layers=" + layers(32, 8, "maxout") + "&n=2000&split=90&batch=1&lr=0.003"));

    record Row(
            Case c,
            String runtime,
            String build,
            double idleFps,
            double fps,
            double epochsPerSecond,
            double longestFrameMs,
            InputProbe.Delays input,
            String load) {}

    private PageBenchmark() {}

    private static String layers(int units, int count, String activation) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append(units).append(':').append(activation);
        }
        return text.toString();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            benchPage(args.length > 1 ? List.of(args[1].split(",")) : List.of("playground", "seed"));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        List<Case> cases = CASES.stream()
                .filter(c -> only.isEmpty() || only.contains(c.name()))
                .toList();
        String baselineJar = System.getProperty("baseline.jar");
        boolean mainThreadToo = Boolean.getBoolean("main.thread");
        String tfDir = System.getProperty("tfplayground.dir");
        boolean tfLargestDone = false;
        List<Row> rows = new ArrayList<>();
        Map<String, Double> engine = new LinkedHashMap<>();
        try (ProductServer server = ProductServer.start();
                ProductServer baseline = baselineJar == null ? null : ProductServer.start(Path.of(baselineJar));
                TfPlayground tf = tfDir == null ? null : TfPlayground.start(Path.of(tfDir));
                Playwright playwright = Browsers.playwright();
                Browser browser = Browsers.chromium(playwright)) {
            for (Case c : cases) {
                for (String runtime : List.of("wasm", "js")) {
                    engine.put(c.name() + "/" + runtime, engineAlone(browser, server, c, runtime));
                    rows.add(measure(browser, server, "this", c, runtime, seconds, ""));
                    if (mainThreadToo) {
                        rows.add(measure(browser, server, "this, worker=0", c, runtime, seconds, "&worker=0"));
                    }
                    if (baseline != null) {
                        rows.add(measure(browser, baseline, "baseline", c, runtime, seconds, ""));
                    }
                }
                if (tf != null) {
                    TfPlayground.Target target = TfPlayground.exact(c.name(), c.spec());
                    if (target == null && !TfPlayground.networkFits(c.spec()) && !tfLargestDone) {
                        target = TfPlayground.largest();
                        tfLargestDone = true;
                    }
                    if (target != null) {
                        engine.put(tfKey(target.name()), tfNetworkAlone(browser, tf, target));
                        rows.add(measureTf(browser, tf, target, seconds));
                    }
                }
            }
            System.out.println();
            System.out.println("| network | runtime | build | idle fps | fps | epochs/s | engine epochs/s | % of engine"
                    + " | longest frame ms | input wait ms, longest / p95 | load |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Row r : rows) {
                if (r.build().equals(TfPlayground.BUILD)) {
                    printTfRow(r, engine.get(tfKey(r.c().name())));
                    continue;
                }
                double alone = engine.get(r.c().name() + "/" + r.runtime());
                System.out.println("| " + r.c().name() + " | " + r.runtime() + " | " + r.build() + " | "
                        + Math.round(r.idleFps()) + " | " + Math.round(r.fps()) + " | "
                        + Math.round(r.epochsPerSecond())
                        + " | " + Math.round(alone) + " | " + Math.round(100 * r.epochsPerSecond() / alone) + " | "
                        + Math.round(r.longestFrameMs()) + " | " + inputCell(r.input()) + " | " + r.load() + " |");
            }
            if (tf != null) {
                printTfRatios(rows, engine);
            }
            System.out.println();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of(
                    "/",
                    "/static/css/playground.css",
                    "/static/js/runtime.js",
                    "/static/js/boot.js",
                    "/client/wasm-gc/client.wasm",
                    "/client/wasm-gc/client.wasm-runtime.js",
                    "/client/js/client.js")) {
                byte[] body = http.send(
                                HttpRequest.newBuilder(URI.create(server.url(path)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body();
                System.out.println("{\"asset\":\"" + path + "\",\"bytes\":" + body.length + ",\"gzipBytes\":"
                        + gzipSize(body) + "}");
            }
        }
    }

    /** Counts animation frames and keeps the longest gap between two, from now on. */
    static final String FRAME_RECORDER = """
            () => {
              const r = { frames: 0, longest: 0, last: performance.now(), start: performance.now() };
              window.__frameRecorder = r;
              const tick = (t) => {
                if (window.__frameRecorder !== r) return;
                r.frames++;
                r.longest = Math.max(r.longest, t - r.last);
                r.last = t;
                requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            }""";

    static final String FRAME_READING = """
            () => { const r = window.__frameRecorder; const now = performance.now();
                    return [r.frames * 1000 / (now - r.start), r.longest, now]; }""";

    /**
     * What each part of the page's frames took in the window ({@code ?stats=1}'s
     * {@code window.__stages}): per stage the mean and the longest milliseconds and the count, as JSON.
     */
    private static final String STAGE_READING = "() => JSON.stringify(Object.fromEntries("
            + "Object.entries(window.__stages || {}).map(([k, v]) =>"
            + " [k, {meanMs: +(v[0] / v[2]).toFixed(2), longestMs: +v[1].toFixed(1), count: v[2]}])))";

    /** The page training and drawing case {@code c} in {@code runtime}, served by {@code server}. */
    private static Row measure(
            Browser browser, ProductServer server, String build, Case c, String runtime, int seconds, String query)
            throws java.io.IOException {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        PlaygroundPage playground =
                new PlaygroundPage(page).open(server.url("/?stats=1&runtime=" + runtime + query + c.fragment()));
        // The browser's own frame rate with the page idle: the ceiling for the figures below.
        page.evaluate(FRAME_RECORDER);
        page.waitForTimeout(1500);
        double idleFps = ((List<?>) page.evaluate(FRAME_READING))
                .stream()
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .findFirst()
                        .orElse(0);
        playground.play();
        // Let the rate settle, then count frames and epochs over a measured window.
        page.waitForTimeout(1500);
        page.evaluate(FRAME_RECORDER);
        page.evaluate("() => { window.__stages = {}; }");
        int e0 = playground.epoch();
        long started = System.nanoTime();
        InputProbe.Delays input = InputProbe.hover(page, seconds);
        List<?> reading = (List<?>) page.evaluate(FRAME_READING);
        int e1 = playground.epoch();
        double elapsedMs = (System.nanoTime() - started) / 1e6;
        double fps = ((Number) reading.get(0)).doubleValue();
        double longest = ((Number) reading.get(1)).doubleValue();
        Object stages = page.evaluate(STAGE_READING);
        playground.pause();
        String load = loadAverage();
        Row row = new Row(c, runtime, build, idleFps, fps, (e1 - e0) * 1000.0 / elapsedMs, longest, input, load);
        System.out.println("{\"workload\":\"page\",\"network\":\"" + c.name() + "\",\"runtime\":\"" + runtime
                + "\",\"build\":\"" + build + "\",\"epochsPerSecond\":" + Math.round(row.epochsPerSecond())
                + ",\"fps\":" + Math.round(fps) + ",\"idleFps\":" + Math.round(idleFps) + ",\"longestFrameMs\":"
                + Math.round(longest) + inputJson(input) + ",\"loadAverage\":" + load + ",\"stages\":" + stages
                + "}");
        page.close();
        return row;
    }

    /** TensorFlow Playground's page on {@code target}, as {@link #measure} measures ours; its runtime is JS. */
    private static Row measureTf(Browser browser, TfPlayground tf, TfPlayground.Target target, int seconds)
            throws java.io.IOException {
        TfPlayground.Reading reading = tf.measurePage(browser, target, seconds);
        String load = loadAverage();
        Row row = new Row(
                new Case(target.name(), null),
                "js",
                TfPlayground.BUILD,
                reading.idleFps(),
                reading.fps(),
                reading.epochsPerSecond(),
                reading.longestFrameMs(),
                reading.input(),
                load);
        System.out.println("{\"workload\":\"page\",\"network\":\"" + target.name()
                + "\",\"runtime\":\"js\",\"build\":\""
                + TfPlayground.BUILD + "\",\"epochsPerSecond\":" + Math.round(row.epochsPerSecond()) + ",\"fps\":"
                + Math.round(row.fps()) + ",\"idleFps\":" + Math.round(row.idleFps()) + ",\"longestFrameMs\":"
                + Math.round(row.longestFrameMs()) + inputJson(row.input()) + ",\"loadAverage\":" + load + "}");
        return row;
    }

    /** TensorFlow Playground's network code alone on {@code target}'s network (NaN when it was not built). */
    private static double tfNetworkAlone(Browser browser, TfPlayground tf, TfPlayground.Target target)
            throws java.io.IOException {
        double epochsPerSecond = tf.networkAlone(browser, target);
        if (!Double.isNaN(epochsPerSecond)) {
            System.out.println("{\"workload\":\"playground\",\"build\":\"" + TfPlayground.BUILD
                    + "\",\"epochsPerSecond\":" + Math.round(epochsPerSecond) + ",\"case\":\"" + target.name()
                    + "\",\"runtime\":\"js\",\"loadAverage\":" + loadAverage() + "}");
        }
        return epochsPerSecond;
    }

    private static String tfKey(String name) {
        return TfPlayground.BUILD + "/" + name;
    }

    private static void printTfRow(Row r, double alone) {
        boolean known = !Double.isNaN(alone);
        System.out.println("| " + r.c().name() + " | " + r.runtime() + " | " + r.build() + " | "
                + Math.round(r.idleFps()) + " | " + Math.round(r.fps()) + " | " + Math.round(r.epochsPerSecond())
                + " | " + (known ? Math.round(alone) : "–") + " | "
                + (known ? Math.round(100 * r.epochsPerSecond() / alone) : "–") + " | "
                + Math.round(r.longestFrameMs()) + " | " + inputCell(r.input()) + " | " + r.load() + " |");
    }

    private static String inputJson(InputProbe.Delays input) {
        return ",\"inputWaitLongestMs\":" + Math.round(input.longestMs()) + ",\"inputWaitP95Ms\":"
                + Math.round(input.p95Ms()) + ",\"inputMoves\":" + input.moves();
    }

    private static String inputCell(InputProbe.Delays input) {
        return Math.round(input.longestMs()) + " / " + Math.round(input.p95Ms());
    }

    /**
     * For each case TensorFlow Playground measured as it is: this build's epochs per second and
     * frame rate beside its, per runtime, and the engine alone beside its network code alone.
     */
    private static void printTfRatios(List<Row> rows, Map<String, Double> engine) {
        for (Row tfRow : rows) {
            if (!tfRow.build().equals(TfPlayground.BUILD) || tfRow.c().name().equals(TfPlayground.LARGEST_NAME)) {
                continue;
            }
            double tfAlone = engine.get(tfKey(tfRow.c().name()));
            for (Row r : rows) {
                if (!r.build().equals("this") || !r.c().name().equals(tfRow.c().name())) {
                    continue;
                }
                double alone = engine.get(r.c().name() + "/" + r.runtime());
                System.out.println("× TF, " + r.c().name() + ", " + r.runtime() + ": page "
                        + Math.round(r.epochsPerSecond()) + " ÷ " + Math.round(tfRow.epochsPerSecond()) + " epochs/s = "
                        + ratio(r.epochsPerSecond(), tfRow.epochsPerSecond()) + "×, " + Math.round(r.fps()) + " vs "
                        + Math.round(tfRow.fps()) + " fps (idle " + Math.round(r.idleFps()) + " vs "
                        + Math.round(tfRow.idleFps()) + "), longest frame " + Math.round(r.longestFrameMs()) + " vs "
                        + Math.round(tfRow.longestFrameMs()) + " ms"
                        + (Double.isNaN(tfAlone)
                                ? ""
                                : "; engine alone " + Math.round(alone) + " ÷ its network code " + Math.round(tfAlone)
                                        + " = " + ratio(alone, tfAlone) + "×"));
            }
        }
    }

    private static String ratio(double ours, double theirs) {
        return String.format(java.util.Locale.ROOT, "%.1f", ours / theirs);
    }

    /** The engine alone on the same network in the same runtime, as {@code /bench} measures it. */
    private static double engineAlone(Browser browser, ProductServer server, Case c, String runtime)
            throws java.io.IOException {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        String network =
                c.network() == null ? "" : "&network=" + URLEncoder.encode(c.network(), StandardCharsets.UTF_8);
        page.navigate(server.url("/bench?runtime=" + runtime + "&workload=playground" + network));
        // The result, or the status saying why there is none (a network that diverges at its lr).
        page.waitForFunction(
                "() => document.querySelector('[data-testid=bench-result]').textContent !== ''"
                        + " || document.querySelector('[data-testid=bench-status]').textContent.includes('failed')",
                null,
                new Page.WaitForFunctionOptions().setTimeout(600_000));
        String line = page.getByTestId("bench-result").textContent().trim();
        if (line.isEmpty()) {
            System.out.println("{\"workload\":\"playground\",\"case\":\"" + c.name() + "\",\"runtime\":\"" + runtime
                    + "\",\"failed\":\""
                    + page.getByTestId("bench-status").textContent().replace("\"", "'") + "\"}");
            page.close();
            return Double.NaN;
        }
        System.out.println(line.substring(0, line.length() - 1) + ",\"case\":\"" + c.name() + "\",\"runtime\":\""
                + runtime + "\",\"loadAverage\":" + loadAverage() + "}");
        page.close();
        Matcher m = Pattern.compile("\"epochsPerSecond\":(\\d+)").matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no epochsPerSecond in " + line);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * With the argument {@code bench [workloads]}: the engine benchmarks of {@code /bench} in
     * WASM and in JS, one JSON line each, as the page shows it (the same line as the CLI's
     * {@code bench}), with the runtime and load average added.
     */
    private static void benchPage(List<String> workloads) throws Exception {
        try (ProductServer server = ProductServer.start();
                Playwright playwright = Browsers.playwright();
                Browser browser = Browsers.chromium(playwright)) {
            for (String workload : workloads) {
                for (String runtime : List.of("wasm", "js")) {
                    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
                    page.navigate(server.url("/bench?runtime=" + runtime + "&workload=" + workload));
                    page.waitForSelector(
                            "[data-testid=bench-result]:not(:empty)",
                            new Page.WaitForSelectorOptions().setTimeout(600_000));
                    String line = page.getByTestId("bench-result").textContent().trim();
                    System.out.println(line.substring(0, line.length() - 1) + ",\"runtime\":\"" + runtime
                            + "\",\"loadAverage\":" + loadAverage() + "}");
                    page.close();
                }
            }
        }
    }

    /** The machine's one-minute load average: figures taken on a busy machine are floors. */
    static String loadAverage() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("/proc/loadavg");
        return java.nio.file.Files.isReadable(file)
                ? java.nio.file.Files.readString(file).split(" ")[0]
                : "null";
    }

    private static int gzipSize(byte[] data) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.size();
    }
}
