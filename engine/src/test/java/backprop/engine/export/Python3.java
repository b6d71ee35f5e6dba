package backprop.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python 3 ({@code /usr/bin/python3}, or {@code BACKPROP_TEST_PYTHON}) running a script
 * given on stdin. {@link #require(String)} checks that a module imports: under {@code CI=true} a
 * missing one fails the test (.ci/run installs python3-numpy), elsewhere it skips with the reason.
 */
final class Python3 {
    static final String PATH = System.getenv().getOrDefault("BACKPROP_TEST_PYTHON", "/usr/bin/python3");

    private Python3() {}

    /** Returns when {@code module} imports in {@link #PATH}; else fails under CI=true, skips elsewhere. */
    static void require(String module) {
        String why = null;
        if (!Files.isExecutable(Path.of(PATH))) {
            why = PATH + " is missing";
        } else {
            Result result = run("import " + module + "\n");
            if (result.status != 0) {
                why = PATH + " cannot import " + module + ": " + result.stderr.strip();
            }
        }
        if (why == null) {
            return;
        }
        why += " (apt-get install python3-" + module + ", as .ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true: " + why);
        }
        Assumptions.abort(why);
    }

    /** Runs the script; stdout and stderr as text. */
    static Result run(String script) {
        try {
            Process process = new ProcessBuilder(PATH, "-").start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("python3 ran over 120 s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + PATH + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs the script and returns its stdout, failing with its stderr when it exits non-zero. */
    static String output(String script) {
        Result result = run(script);
        assertEquals(0, result.status, () -> "python3 failed:\n" + result.stderr);
        return result.stdout;
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }

    record Result(int status, String stdout, String stderr) {}
}
