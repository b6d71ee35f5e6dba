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
                if (path.startsWith("/activations")) {
                    new ActivationsPage(page).open(server.url(path));
                } else {
                    PlaygroundPage playground = new PlaygroundPage(page).open(server.url(path));
                    if (path.contains("epochs=")) {
                        String n = path.replaceAll(".*epochs=(\\d+).*", "$1");
                        playground.waitUntilPausedAt(Integer.parseInt(n));
                    }
                }
                Path file = dir.resolve("playground-" + size[0] + "x" + size[1] + ".png");
                if (args.length > 2) {
                    page.getByTestId(args[2]).screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(file));
                } else {
                    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                }
                System.out.println(file.toAbsolutePath());
                page.close();
            }
        }
    }
}
