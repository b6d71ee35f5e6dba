package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser journey shares: the packaged jar and one headless Chromium per test class, a
 * fresh context and page per test (1280×800 unless a test opens its own), and no test passes with
 * an error in the browser console or an uncaught exception in the page.
 */
abstract class BrowserJourney {
    protected static ProductServer server;
    protected static Playwright playwright;
    protected static Browser browser;

    protected Page page;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        server = ProductServer.start();
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stopServerAndBrowser() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void openDesktopPage() {
        page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }

    /** A page in a new context, its console watched; the context closes after the test. */
    protected Page openPage(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        contexts.add(context);
        return watchConsole(context.newPage());
    }

    /** Counts the page's console errors and uncaught exceptions against the test. */
    protected Page watchConsole(Page opened) {
        opened.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        opened.onPageError(consoleErrors::add);
        return opened;
    }

    @AfterEach
    void closePagesAndCheckTheConsole() {
        for (BrowserContext context : contexts) {
            context.close();
        }
        contexts.clear();
        assertEquals(List.of(), consoleErrors, "errors in the browser console");
    }
}
