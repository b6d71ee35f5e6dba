package backprop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: takes screenshots of the page as a person sees it, at 1280x800 and at phone
 * width, after training a while, into the folder given (default {@code shots/}).
 *
 * <pre>mvn -q -pl e2e-tests exec:java -Dexec.mainClass=backprop.e2e.Screenshots -Dexec.classpathScope=test -Dexec.args="/tmp/shots /bench?workload=playground"</pre>
 * The second argument is the page (default {@code /?epochs=300}); any page of the site works.
 */
public final class Screenshots {
    private Screenshots() {
    }

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
                } else {
                    // Another page (/graph, /activations, /bench...): wait until its client started
                    // and, on /bench?workload=..., until the result is shown.
                    page.navigate(server.url(path));
                    page.waitForSelector("html[data-ready=true]");
                    if (path.startsWith("/bench") && path.contains("workload=")) {
                        page.waitForSelector("[data-testid=bench-result]:not(:empty)",
                                new Page.WaitForSelectorOptions().setTimeout(180_000));
                    }
                    name = path.replaceAll("^/([a-z]+).*", "$1");
                }
                Path file = dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                System.out.println(file.toAbsolutePath());
                page.close();
            }
        }
    }
}
