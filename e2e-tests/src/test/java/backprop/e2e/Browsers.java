package backprop.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chromium for the journeys: the system's browser when there is one (a path from
 * {@code -Dbackprop.chromium} or {@code BACKPROP_CHROMIUM}, else {@code /usr/bin/chromium}),
 * Playwright's own download otherwise.
 */
final class Browsers {
    private Browsers() {}

    static Path systemChromium() {
        String configured = System.getProperty("backprop.chromium", System.getenv("BACKPROP_CHROMIUM"));
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    static Playwright playwright() {
        Map<String, String> env = new HashMap<>();
        if (systemChromium() != null) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        if (Files.isExecutable(Path.of("/usr/bin/node"))) {
            env.put("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    static Browser chromium(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync"));
        Path system = systemChromium();
        if (system != null) {
            options.setExecutablePath(system);
        }
        return playwright.chromium().launch(options);
    }
}
