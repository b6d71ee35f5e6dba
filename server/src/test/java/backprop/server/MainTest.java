package backprop.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** --help, --version and per-command help exit 0; usage errors stay one line on stderr, exit 2. */
class MainTest {
    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndExits0() {
        for (String flag : new String[] {"--help", "-h", "help"}) {
            Result help = run(flag);
            assertEquals(0, help.status());
            assertTrue(
                    help.out().contains("Commands:")
                            && help.out().contains("train")
                            && help.out().contains("--version"),
                    help.out());
            assertEquals("", help.err());
        }
    }

    @Test
    void versionIsOneLineAndExits0() {
        Result version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("backprop-playground \\S+\\n"), version.out());
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        for (String command : new String[] {"serve", "train", "grad", "bench"}) {
            Result help = run(command, "--help");
            assertEquals(0, help.status(), command);
            assertTrue(help.out().startsWith("Usage: " + command), help.out());
        }
        assertTrue(run("train", "v=1", "-h").out().contains("--epochs N"));
    }

    @Test
    void usageErrorsStayOneLineOnStderrWithStatus2() {
        for (String[] bad : new String[][] {{"frobnicate"}, {"train", "v=1"}, {"serve", "--nope"}, {"--nope"}}) {
            Result result = run(bad);
            assertEquals(2, result.status(), String.join(" ", bad));
            assertEquals(1, result.err().split("\n").length, result.err());
            assertEquals("", result.out());
        }
    }
}
