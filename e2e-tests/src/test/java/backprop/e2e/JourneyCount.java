package backprop.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by the build after the journeys ({@code verify}): a full run must have executed at least the
 * expected number of journeys, none skipped, so no journey can stop running without anyone
 * noticing. A run filtered with {@code -Dit.test=...} is not counted.
 */
public final class JourneyCount {
    private static final Pattern TESTSUITE = Pattern.compile(
            "<testsuite\\b[^>]*?\\btests=\"(\\d+)\"[^>]*?\\bskipped=\"(\\d+)\"|<testsuite\\b[^>]*?\\bskipped=\"(\\d+)\"[^>]*?\\btests=\"(\\d+)\"");

    private JourneyCount() {}

    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args[0]);
        int expected = Integer.parseInt(args[1]);
        String filter = args.length > 2 ? args[2] : "";
        if ((args.length > 3 && "true".equals(args[3])) || (args.length > 4 && "true".equals(args[4]))) {
            System.out.println("journeys: skipped by -DskipTests or -DskipITs, not counted");
            return;
        }
        if (filter != null && !filter.isBlank() && !filter.startsWith("${")) {
            System.out.println("journeys: filtered run (it.test=" + filter + "), not counted");
            return;
        }
        int run = 0;
        int skipped = 0;
        if (Files.isDirectory(reports)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(reports, "TEST-*.xml")) {
                for (Path file : files) {
                    Matcher m = TESTSUITE.matcher(Files.readString(file));
                    if (m.find()) {
                        boolean testsFirst = m.group(1) != null;
                        run += Integer.parseInt(testsFirst ? m.group(1) : m.group(4));
                        skipped += Integer.parseInt(testsFirst ? m.group(2) : m.group(3));
                    }
                }
            }
        }
        System.out.println(
                "journeys: " + run + " run, " + skipped + " skipped; expected at least " + expected + ", none skipped");
        if (run < expected || skipped > 0) {
            throw new IllegalStateException("journeys: " + run + " run and " + skipped + " skipped, expected at least "
                    + expected + " run and none skipped: a journey stopped running");
        }
    }
}
