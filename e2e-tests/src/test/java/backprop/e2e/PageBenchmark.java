package backprop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: measures the playground page in headless Chromium and prints one JSON line per
 * figure. Frames and epochs per second while the page trains and draws the default experiment
 * (WASM and JS), and the size of what the page downloads, raw and gzipped.
 *
 * <pre>mvn -q -pl e2e-tests -am -DskipTests install &amp;&amp; \
 * mvn -q -pl e2e-tests exec:java -Dexec.mainClass=backprop.e2e.PageBenchmark -Dexec.classpathScope=test</pre>
 * With {@code -Dexec.args="bench"} (or {@code "bench seed"}) it runs {@code /bench}'s workloads instead.
 */
public final class PageBenchmark {
    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            benchPage(args.length > 1 ? List.of(args[1].split(",")) : List.of("playground", "seed"));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        try (ProductServer server = ProductServer.start();
             Playwright playwright = Browsers.playwright();
             Browser browser = Browsers.chromium(playwright)) {
            for (String runtime : List.of("wasm", "js")) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
                PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?stats=1&runtime=" + runtime));
                // The browser's own frame rate with the page idle: the ceiling for the figure below.
                page.waitForTimeout(1500);
                String idleFps = playground.byTestId("fps").textContent().trim();
                playground.play();
                // Let the rate settle, then read the page's own counters over a measured window.
                page.waitForTimeout(1500);
                double t0 = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                int e0 = playground.epoch();
                page.waitForTimeout(seconds * 1000.0);
                double t1 = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                int e1 = playground.epoch();
                String fps = playground.byTestId("fps").textContent().trim();
                playground.pause();
                System.out.println("{\"workload\":\"frame-profile\",\"runtime\":\"" + runtime + "\",\"stages\":"
                        + page.evaluate("() => window.backprop.profileFrame(20)") + "}");
                System.out.println("{\"workload\":\"page\",\"runtime\":\"" + runtime + "\",\"epochsPerSecond\":"
                        + Math.round((e1 - e0) * 1000.0 / (t1 - t0)) + ",\"fps\":" + fps + ",\"idleFps\":" + idleFps
                        + ",\"loadAverage\":" + loadAverage() + "}");
                page.close();
            }
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/", "/static/css/playground.css", "/static/js/runtime.js", "/static/js/boot.js",
                    "/client/wasm-gc/client.wasm", "/client/wasm-gc/client.wasm-runtime.js", "/client/js/client.js")) {
                byte[] body = http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                System.out.println("{\"asset\":\"" + path + "\",\"bytes\":" + body.length + ",\"gzipBytes\":" + gzipSize(body) + "}");
            }
        }
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
                    page.waitForSelector("[data-testid=bench-result]:not(:empty)",
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
    private static String loadAverage() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("/proc/loadavg");
        return java.nio.file.Files.isReadable(file) ? java.nio.file.Files.readString(file).split(" ")[0] : "null";
    }

    private static int gzipSize(byte[] data) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.size();
    }
}
