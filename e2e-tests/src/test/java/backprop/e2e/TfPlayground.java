package backprop.e2e;

import backprop.engine.bench.Benchmarks;
import backprop.engine.spec.Activation;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.OptimizerKind;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TensorFlow Playground, built locally from its source, as the page benchmark's reference: its
 * static site served from 127.0.0.1 ({@link StaticSite}), the network and data of a case as its
 * URL hash when it can represent them, its page measured with the same frame recorder as ours,
 * and (when its {@code nn.ts} was compiled to {@code nn/nn.js} beside the site) its network code
 * alone. Requests to any other host are refused, so its web fonts and analytics never load.
 *
 * <p>What it can represent: 1–6 hidden layers of 1–8 neurons that share one activation among
 * relu, tanh, sigmoid and linear (its UI's limits), without batch normalization; classification
 * on circle, xor, gauss or spiral with its fixed 500 points, the features x, y, x², y², xy,
 * sin x, sin y, SGD, no or L1/L2 regularization. It always trains with squared loss on a tanh
 * output (ours: the spec's loss), one epoch per animation frame.
 */
final class TfPlayground implements AutoCloseable {
    static final String BUILD = "tensorflow-playground";
    /** Its largest network: 6 hidden layers of 8 tanh neurons, on the default experiment's data. */
    static final String LARGEST_NAME = "tf: 8x6 (its largest)";

    private static final int POINTS = 500;
    private static final int MAX_LAYERS = 6;
    private static final int MAX_UNITS = 8;
    private static final Set<Activation> ACTIVATIONS =
            EnumSet.of(Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.LINEAR);
    private static final Set<DatasetKind> DATASETS =
            EnumSet.of(DatasetKind.CIRCLE, DatasetKind.XOR, DatasetKind.GAUSS, DatasetKind.SPIRAL);
    private static final Map<Feature, String> FEATURES = Map.of(
            Feature.X1, "x",
            Feature.X2, "y",
            Feature.X1SQ, "xSquared",
            Feature.X2SQ, "ySquared",
            Feature.X1X2, "xTimesY",
            Feature.SINX1, "sinX",
            Feature.SINX2, "sinY");
    private static final String NN_PAGE = "/nn-bench.html";

    /**
     * Trains TensorFlow Playground's network code alone ({@code nn.js}, loaded as CommonJS into
     * {@code window.exports}) the way its page's {@code oneStep} does, without the loss and the
     * drawing: a 1-second warm-up, then the median epochs per second of five 1-second windows, as
     * {@code /bench} measures ours. The data: a spiral of 500 points, shuffled, split as given.
     */
    private static final String NETWORK_ALONE = """
            ([shape, activation, batch, lr, split]) => {
              const nn = window.exports;
              let seed = 1;
              const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
              const points = [];
              for (const [delta, label] of [[0, 1], [Math.PI, -1]]) {
                for (let i = 0; i < 250; i++) {
                  const r = i / 250 * 5, t = 1.75 * i / 250 * 2 * Math.PI + delta;
                  points.push({ x: r * Math.sin(t), y: r * Math.cos(t), label });
                }
              }
              for (let i = points.length - 1; i > 0; i--) {
                const j = Math.floor(rand() * (i + 1));
                [points[i], points[j]] = [points[j], points[i]];
              }
              const train = points.slice(0, Math.floor(points.length * split / 100));
              const network = nn.buildNetwork([2, ...shape, 1], nn.Activations[activation.toUpperCase()],
                  nn.Activations.TANH, null, ['x', 'y'], false);
              const epoch = () => train.forEach((p, i) => {
                nn.forwardProp(network, [p.x, p.y]);
                nn.backProp(network, p.label, nn.Errors.SQUARE);
                if ((i + 1) % batch === 0) nn.updateWeights(network, lr, 0);
              });
              const run = (ms) => {
                const start = performance.now();
                let epochs = 0;
                while (performance.now() - start < ms) { epoch(); epochs++; }
                return epochs * 1000 / (performance.now() - start);
              };
              run(1000);
              const rates = [run(1000), run(1000), run(1000), run(1000), run(1000)].sort((a, b) => a - b);
              return rates[2];
            }""";

    private static final String EPOCH =
            "() => Number(document.querySelector('#iter-number').textContent" + ".replace(/,/g, ''))";

    /** A network TensorFlow Playground trains: the row's name, its URL hash and what its code needs. */
    record Target(String name, String hash, List<Integer> shape, String activation, int batch, double lr, int split) {}

    /** What its page showed over a measured window. */
    record Reading(
            double idleFps, double fps, double epochsPerSecond, double longestFrameMs, InputProbe.Delays input) {}

    private final StaticSite site;
    private final boolean networkCode;

    private TfPlayground(StaticSite site, boolean networkCode) {
        this.site = site;
        this.networkCode = networkCode;
    }

    /** Serves the built site in {@code dir} (its {@code dist}: index.html, bundle.js, lib.js...). */
    static TfPlayground start(Path dir) throws IOException {
        for (String name : List.of("index.html", "bundle.js", "lib.js", "bundle.css")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IllegalStateException("tfplayground.dir: no " + name + " in " + dir.toAbsolutePath()
                        + "; build TensorFlow Playground there first (npm ci && npm run build) and pass its dist");
            }
        }
        boolean networkCode = Files.isRegularFile(dir.resolve("nn/nn.js"));
        String nnPage = "<!doctype html><title>nn.ts alone</title><script>var exports = {};</script>"
                + "<script src=\"nn/nn.js\"></script>";
        return new TfPlayground(StaticSite.serve(dir, networkCode ? Map.of(NN_PAGE, nnPage) : Map.of()), networkCode);
    }

    /** Whether {@code nn/nn.js} was built beside the site, so {@link #networkAlone} can measure it. */
    boolean hasNetworkCode() {
        return networkCode;
    }

    /**
     * The same experiment in TensorFlow Playground, named {@code name}; null when it cannot
     * represent the network or the data (see the class comment).
     */
    static Target exact(String name, Spec spec) {
        if (!networkFits(spec)
                || !DATASETS.contains(spec.data())
                || spec.classes() != 2
                || spec.n() != POINTS
                || spec.opt() != OptimizerKind.SGD) {
            return null;
        }
        List<Integer> shape = spec.layers().stream().map(LayerSpec::units).toList();
        String activation = spec.layers().get(0).activation().key();
        String regularization = switch (spec.reg()) {
            case L1 -> "L1";
            case L2 -> "L2";
            case NONE -> "none";
        };
        StringBuilder hash = new StringBuilder()
                .append("activation=")
                .append(activation)
                .append("&regularization=")
                .append(regularization)
                .append("&batchSize=")
                .append(spec.batch())
                .append("&dataset=")
                .append(spec.data().key())
                .append("&regDataset=reg-plane&learningRate=")
                .append(number(spec.lr()))
                .append("&regularizationRate=")
                .append(spec.reg() == RegularizationKind.NONE ? "0" : number(spec.lambda()))
                .append("&noise=")
                .append(spec.noise())
                .append("&networkShape=")
                .append(shape.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .append("&seed=")
                .append(spec.seed())
                .append("&showTestData=false&discretize=false&percTrainData=")
                .append(spec.split());
        for (Map.Entry<Feature, String> feature :
                FEATURES.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            hash.append('&')
                    .append(feature.getValue())
                    .append('=')
                    .append(spec.features().contains(feature.getKey()));
        }
        hash.append("&cosX=false&cosY=false&collectStats=false&problem=classification&initZero=false&hideText=false");
        return new Target(name, hash.toString(), shape, activation, spec.batch(), spec.lr(), spec.split());
    }

    /** Whether TensorFlow Playground can hold this spec's hidden layers. */
    static boolean networkFits(Spec spec) {
        List<LayerSpec> layers = spec.layers();
        return !layers.isEmpty()
                && layers.size() <= MAX_LAYERS
                && layers.stream()
                        .allMatch(l -> l.units() <= MAX_UNITS
                                && !l.batchNorm()
                                && ACTIVATIONS.contains(l.activation())
                                && l.activation() == layers.get(0).activation());
    }

    /** Its largest network (6 × 8 tanh) on the default experiment's data. */
    static Target largest() {
        String layers = String.join(",", java.util.Collections.nCopies(MAX_LAYERS, MAX_UNITS + ":tanh"));
        return exact(LARGEST_NAME, Benchmarks.playgroundSpec(layers));
    }

    /** Its page on {@code target}: idle frames, then frames, epochs and the longest frame while it plays. */
    Reading measurePage(Browser browser, Target target, int seconds) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        try {
            page.route(url -> !url.startsWith(site.url("/")), route -> route.abort());
            page.navigate(site.url("/index.html#" + target.hash()));
            page.waitForFunction("() => document.querySelectorAll('#network canvas').length > 0"
                    + " && document.querySelector('#iter-number').textContent.trim() !== ''");
            page.evaluate(PageBenchmark.FRAME_RECORDER);
            page.waitForTimeout(1500);
            double idleFps = ((Number) ((List<?>) page.evaluate(PageBenchmark.FRAME_READING)).get(0)).doubleValue();
            page.locator("#play-pause-button").click();
            page.waitForFunction("() => document.querySelector('#play-pause-button').classList.contains('playing')");
            page.waitForTimeout(1500);
            page.evaluate(PageBenchmark.FRAME_RECORDER);
            double e0 = ((Number) page.evaluate(EPOCH)).doubleValue();
            long started = System.nanoTime();
            InputProbe.Delays input = InputProbe.hover(page, seconds);
            double elapsedMs = (System.nanoTime() - started) / 1e6;
            List<?> reading = (List<?>) page.evaluate(PageBenchmark.FRAME_READING);
            double e1 = ((Number) page.evaluate(EPOCH)).doubleValue();
            page.locator("#play-pause-button").click();
            return new Reading(
                    idleFps,
                    ((Number) reading.get(0)).doubleValue(),
                    (e1 - e0) * 1000.0 / elapsedMs,
                    ((Number) reading.get(1)).doubleValue(),
                    input);
        } finally {
            page.close();
        }
    }

    /** Its network code alone on {@code target}'s network, epochs per second; NaN without {@code nn/nn.js}. */
    double networkAlone(Browser browser, Target target) {
        if (!networkCode) {
            return Double.NaN;
        }
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        try {
            page.navigate(site.url(NN_PAGE));
            page.waitForFunction("() => window.exports && typeof window.exports.buildNetwork === 'function'");
            return ((Number) page.evaluate(
                            NETWORK_ALONE,
                            List.of(target.shape(), target.activation(), target.batch(), target.lr(), target.split())))
                    .doubleValue();
        } finally {
            page.close();
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public void close() {
        site.close();
    }
}
