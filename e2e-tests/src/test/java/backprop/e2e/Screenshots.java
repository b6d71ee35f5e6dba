package backprop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: takes screenshots of the page as a person sees it, at 1280x800 and at phone
 * width, after training a while, into the folder given (default {@code shots/}). Optional
 * arguments: the path to open (default {@code /?epochs=300}) and a test id whose element alone
 * is shot (e.g. {@code compose}).
 *
 * <pre>mvn -q -pl e2e-tests exec:java -Dexec.mainClass=backprop.e2e.Screenshots -Dexec.classpathScope=test -Dexec.args="/tmp/shots /activations compose"</pre>
 * Any page of the site works: {@code /bench?workload=playground} waits for the result.
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "shots");
        Files.createDirectories(dir);
        String path = args.length > 1 ? args[1] : "/?epochs=300";
        try (ProductServer server = ProductServer.start();
                Playwright playwright = Browsers.playwright();
                Browser browser = Browsers.chromium(playwright)) {
            int[][] sizes = {{1280, 800}, {390, 844}};
            for (int[] size : sizes) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(size[0], size[1]));
                page.onConsoleMessage(m -> System.out.println("console " + m.type() + ": " + m.text()));
                String name;
                if (path.startsWith("/?") || path.startsWith("/#") || path.startsWith("/e/") || path.equals("/")) {
                    PlaygroundPage playground = new PlaygroundPage(page).open(server.url(path));
                    if (path.contains("epochs=")) {
                        String n = path.replaceAll(".*epochs=(\\d+).*", "$1");
                        playground.waitUntilPausedAt(Integer.parseInt(n));
                    }
                    name = "playground";
                } else if (path.startsWith("/activations")) {
                    new ActivationsPage(page).open(server.url(path));
                    name = "activations";
                } else {
                    // Another page (/graph, /bench...): wait until its client started and, on
                    // /bench?workload=..., until the result is shown.
                    page.navigate(server.url(path));
                    page.waitForSelector("html[data-ready=true]");
                    if (path.startsWith("/bench") && path.contains("workload=")) {
                        page.waitForSelector(
                                "[data-testid=bench-result]:not(:empty)",
                                new Page.WaitForSelectorOptions().setTimeout(180_000));
                    }
                    name = path.replaceAll("^/([a-z]+).*", "$1");
                }
                Path file = dir.resolve(
                        name + (args.length > 2 ? "-" + args[2] : "") + "-" + size[0] + "x" + size[1] + ".png");
                if (args.length > 2) {
                    page.getByTestId(args[2])
                            .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(file));
                } else {
                    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                }
                System.out.println(file.toAbsolutePath());
                page.close();
            }
        }
    }
}
