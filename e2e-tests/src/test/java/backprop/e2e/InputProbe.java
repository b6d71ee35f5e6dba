package backprop.e2e;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * How long a page keeps a user's input waiting while it works: for the given seconds the mouse
 * moves over the page's output area (real input through the browser's input pipeline), and a
 * listener on the window records, for each {@code pointermove}, the milliseconds from the event's
 * creation to its handling. Not a test: {@link PageBenchmark} reports it beside the frame rate.
 */
final class InputProbe {
    /** The longest and the 95th-percentile wait in milliseconds, and how many moves were handled. */
    record Delays(double longestMs, double p95Ms, int moves) {}

    private static final String LISTEN = """
            () => { const d = []; window.__inputDelays = d;
                    window.addEventListener('pointermove', e => d.push(performance.now() - e.timeStamp),
                        {capture: true}); }""";

    private static final String READ = """
            () => { const d = (window.__inputDelays || []).slice().sort((a, b) => a - b);
                    return d.length === 0 ? [0, 0, 0]
                        : [d[d.length - 1], d[Math.min(d.length - 1, Math.floor(d.length * 0.95))], d.length]; }""";

    private InputProbe() {}

    /** Moves the mouse to and fro over the area right of x 660, y 260 to 600, for {@code seconds}. */
    static Delays hover(Page page, int seconds) {
        page.evaluate(LISTEN);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int step = 0;
        while (System.nanoTime() < end) {
            double x = 700 + (step * 37) % 500;
            double y = 280 + (step * 53) % 300;
            page.mouse().move(x, y);
            page.waitForTimeout(40);
            step++;
        }
        List<?> read = (List<?>) page.evaluate(READ);
        return new Delays(
                ((Number) read.get(0)).doubleValue(),
                ((Number) read.get(1)).doubleValue(),
                ((Number) read.get(2)).intValue());
    }
}
