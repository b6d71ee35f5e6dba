package backprop.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged product jar, run as a user runs it: {@code java -jar backprop-playground.jar}
 * on 127.0.0.1, a free port and a fresh SQLite file. It stops when the tests close it, and on
 * its own when this JVM dies (it exits when its standard input closes).
 */
final class ProductServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final int port;
    private final Path dataDir;

    private ProductServer(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static Path jar() {
        String configured = System.getProperty("backprop.jar");
        Path jar = configured != null
                ? Path.of(configured)
                : Files.isRegularFile(Path.of("server/target/backprop-playground.jar"))
                        ? Path.of("server/target/backprop-playground.jar")
                        : Path.of("../server/target/backprop-playground.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the product jar is missing at " + jar.toAbsolutePath()
                    + ": build it first (mvn verify builds it before these tests)");
        }
        return jar;
    }

    static ProductServer start() throws IOException {
        return start(jar(), Map.of());
    }

    /** With these environment variables added (e.g. {@code BACKPROP_PUBLIC_URL}). */
    static ProductServer start(Map<String, String> env) throws IOException {
        return start(jar(), env);
    }

    /** From another build of the jar (the page benchmark's baseline). */
    static ProductServer start(Path jar) throws IOException {
        return start(jar, Map.of());
    }

    /** From another build of the jar, with these variables added. */
    static ProductServer start(Path jar, Map<String, String> env) throws IOException {
        Path dataDir = Files.createTempDirectory("backprop-e2e");
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-jar",
                jar.toString(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--db",
                dataDir.resolve("e2e.db").toString(),
                "--exit-on-stdin-close"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BACKPROP_DB_URL");
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                drain(out);
                return new ProductServer(process, Integer.parseInt(m.group(1)), dataDir);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start; it printed:\n" + seen);
    }

    /** Keeps reading the server's log so it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread t = new Thread(
                () -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "server-log");
        t.setDaemon(true);
        t.start();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Runs another subcommand of the same jar and returns its standard output. */
    static CommandResult run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("command timed out: " + command);
        }
        return new CommandResult(p.exitValue(), stdout, stderr);
    }

    record CommandResult(int exitCode, String stdout, String stderr) {}

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
