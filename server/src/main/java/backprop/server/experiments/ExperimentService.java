package backprop.server.experiments;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecProblem;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.server.store.Experiment;
import backprop.server.store.ExperimentStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Saving and reading experiments, without HTTP: validates a save whole with the engine's own
 * validator (every problem, nothing half-valid stored), derives the content id, and never
 * changes a stored experiment. Refusals are {@link ApiError}s.
 */
public final class ExperimentService {
    public static final int MAX_TITLE_CHARS = 120;
    public static final int MAX_DESCRIPTION_CHARS = 2000;
    public static final int MAX_SNAPSHOT_BYTES = 1024 * 1024;
    /** Loss history: at most 1,000 (epoch, trainLoss, testLoss) triples (DESIGN.md). */
    public static final int MAX_HISTORY_POINTS = 1000;
    /** Base64 text longer than this decodes to more than {@link #MAX_SNAPSHOT_BYTES}. */
    private static final int MAX_SNAPSHOT_BASE64 = (MAX_SNAPSHOT_BYTES + 2) / 3 * 4;

    /** Reads kept per instance: about 64 MB of experiments and answers ({@link ExperimentCache}). */
    public static final long READ_CACHE_BYTES = 64L * 1024 * 1024;
    /**
     * How long this instance keeps using an experiment it read: the longest a take-down made on
     * another instance sharing the database goes unseen here (on this instance: not at all).
     */
    public static final long READ_CACHE_LIFETIME_NANOS = 5_000_000_000L;
    /**
     * How much longer a read entry answers while the database cannot be reached: an outage of up
     * to ten minutes does not take down the links already open on this instance.
     */
    public static final long READ_CACHE_STALE_NANOS = 600_000_000_000L;

    private final ExperimentStore store;
    private final ExperimentCache cache;
    private final LongSupplier clockMillis;

    /** {@code cache}: the server's has {@link #READ_CACHE_BYTES} and {@link #READ_CACHE_LIFETIME_NANOS}. */
    public ExperimentService(ExperimentStore store, ExperimentCache cache, LongSupplier clockMillis) {
        this.store = store;
        this.cache = cache;
        this.clockMillis = clockMillis;
    }

    /** A save's result: the experiment as stored, and whether this request created it. */
    public record Saved(Experiment experiment, boolean created) {}

    /**
     * Validates and stores. The same content again gives the stored experiment ({@code created}
     * false); content taken down stays down (410).
     *
     * @throws ApiError 400 with every problem; 410 when this content was taken down; 409 when a
     *     different experiment holds the same id (a 59-bit hash collision: never overwritten)
     */
    public Saved save(SaveRequest request) {
        Experiment candidate = validate(request);
        ExperimentStore.Outcome outcome = store.insert(candidate);
        if (outcome == ExperimentStore.Outcome.CREATED) {
            return new Saved(candidate, true);
        }
        Experiment existing = store.find(candidate.id())
                .orElseThrow(() -> new IllegalStateException("experiment " + candidate.id() + " vanished"));
        if (!existing.sameContent(candidate)) {
            throw ApiError.conflict("another experiment already has the id " + candidate.id()
                    + "; change the title or description slightly and save again");
        }
        if (existing.takenDown()) {
            throw ApiError.gone("experiment " + existing.id() + " was taken down and cannot be saved again");
        }
        return new Saved(existing, false);
    }

    /**
     * The experiment with this id.
     *
     * @throws ApiError 404 for a malformed or unknown id, 410 when taken down
     */
    public Experiment find(String id) {
        return findCached(id).experiment();
    }

    /**
     * The experiment with this id, from this instance's read cache when it is there, with room
     * for the answers made from it ({@link ExperimentCache.Entry#answer}).
     *
     * @throws ApiError 404 for a malformed or unknown id, 410 when taken down
     */
    public ExperimentCache.Entry findCached(String id) {
        if (!ExperimentId.isWellFormed(id)) {
            throw ApiError.notFound(
                    "no experiment has the id \"" + Problem.shorten(id) + "\"; ids are 10 characters of 0-9, A-Z, a-z");
        }
        ExperimentCache.Entry entry =
                cache.find(id, store::find).orElseThrow(() -> ApiError.notFound("no experiment has the id " + id));
        if (entry.experiment().takenDown()) {
            throw ApiError.gone("experiment " + id + " was taken down");
        }
        return entry;
    }

    /**
     * Marks the experiment taken down; its page and API answer 410 from then on.
     *
     * @throws ApiError 404 for a malformed or unknown id
     */
    public void takeDown(String id) {
        if (!ExperimentId.isWellFormed(id)) {
            throw ApiError.notFound("no experiment has the id \"" + Problem.shorten(id) + "\"");
        }
        boolean found = store.takeDown(id, clockMillis.getAsLong());
        cache.invalidate(id); // after the commit: a read that starts later loads the taken-down row
        if (!found) {
            throw ApiError.notFound("no experiment has the id \"" + Problem.shorten(id) + "\"");
        }
    }

    /**
     * The epoch the snapshot stands at, 0 without one. Read from the header alone (int32
     * little-endian after the magic and the format version), so a snapshot that a later engine
     * no longer reads whole still answers.
     */
    public static int epochOf(Experiment experiment) {
        byte[] bytes = experiment.snapshot();
        if (bytes == null || bytes.length < 12) {
            return 0;
        }
        return (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16 | (bytes[11] & 0xFF) << 24;
    }

    /**
     * Every problem of the request, or the experiment to store (canonical spec, trimmed texts).
     * Problems come field by field (spec keys in the engine's order, title, description,
     * snapshot), then unknown fields.
     */
    Experiment validate(SaveRequest request) {
        List<Problem> problems = new ArrayList<>(request.readProblemsOf("spec"));
        List<Problem> datasetProblems = new ArrayList<>(request.readProblemsOf("dataset"));
        Dataset dataset = ImportedPoints.check(request.dataset(), datasetProblems);
        Spec spec = null;
        if (request.spec() == null) {
            if (problems.isEmpty()) {
                problems.add(Problem.missing("spec", "the experiment in the spec format, e.g. " + Spec.DEFAULT_TEXT));
            }
        } else if (ImportedSpec.namesImported(request.spec())) {
            if (dataset != null) {
                ParseResult parsed = ImportedSpec.parse(request.spec(), dataset);
                for (SpecProblem problem : parsed.problems()) {
                    problems.add(Problem.of(problem));
                }
                spec = parsed.problems().isEmpty() ? parsed.spec() : null;
            } else if (request.dataset() == null && datasetProblems.isEmpty()) {
                datasetProblems.add(Problem.missing(
                        "dataset", "the points of data=imported as CSV text (x1,x2,label or target[,split])"));
            }
        } else {
            try {
                spec = SpecCodec.parseStrict(request.spec());
            } catch (SpecException e) {
                for (SpecProblem problem : e.problems()) {
                    problems.add(Problem.of(problem));
                }
            }
            if (request.dataset() != null) {
                problems.add(Problem.shown(
                        "spec",
                        request.spec(),
                        "data=imported when the save has a dataset (the points replace the spec's data)"));
                spec = null;
            }
        }
        problems.addAll(datasetProblems);
        problems.addAll(request.readProblemsOf("title"));
        String title =
                checkTitle(request.title(), request.readProblemsOf("title").isEmpty(), problems);
        problems.addAll(request.readProblemsOf("description"));
        String description = checkDescription(request.description(), problems);
        problems.addAll(request.readProblemsOf("snapshot"));
        byte[] snapshot = checkSnapshot(request.snapshot(), spec, dataset, problems);
        problems.addAll(request.unknownFieldProblems());
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        String canonical = dataset == null ? SpecCodec.print(spec) : ImportedSpec.print(spec);
        String datasetText = dataset == null ? null : DatasetCsv.write(dataset);
        return new Experiment(
                ExperimentId.of(canonical, title, description, snapshot, datasetText),
                canonical,
                title,
                description,
                snapshot,
                clockMillis.getAsLong(),
                null,
                datasetText);
    }

    private static String checkTitle(String raw, boolean reportMissing, List<Problem> problems) {
        String allowed =
                "1 to " + MAX_TITLE_CHARS + " characters of plain text on one line (spaces at the ends are dropped)";
        if (raw == null) {
            if (reportMissing) {
                problems.add(Problem.missing("title", allowed));
            }
            return null;
        }
        String title = raw.strip();
        int chars = title.codePointCount(0, title.length());
        if (title.isEmpty()) {
            problems.add(Problem.shown("title", raw, allowed + "; this one is blank"));
        } else if (chars > MAX_TITLE_CHARS) {
            problems.add(Problem.shown("title", raw, allowed + "; this one has " + chars));
        } else if (!TextChecks.wellFormed(title, false)) {
            problems.add(Problem.shown(
                    "title", raw, allowed + "; no control characters or broken (unpaired surrogate) characters"));
        }
        return title;
    }

    private static String checkDescription(String raw, List<Problem> problems) {
        if (raw == null) {
            return "";
        }
        String allowed = "0 to " + MAX_DESCRIPTION_CHARS + " characters of plain text (spaces at the ends are dropped)";
        String description = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        int chars = description.codePointCount(0, description.length());
        if (chars > MAX_DESCRIPTION_CHARS) {
            problems.add(Problem.shown("description", raw, allowed + "; this one has " + chars));
        } else if (!TextChecks.wellFormed(description, true)) {
            problems.add(Problem.shown(
                    "description",
                    raw,
                    allowed + "; no control characters other than line breaks and tabs, no unpaired surrogates"));
        }
        return description;
    }

    /** The snapshot's bytes, or null when absent or invalid (then a problem says why). */
    private static byte[] checkSnapshot(String base64, Spec spec, Dataset dataset, List<Problem> problems) {
        if (base64 == null) {
            return null;
        }
        String allowed = "the engine's snapshot bytes in standard base64 (with padding), at most " + MAX_SNAPSHOT_BYTES
                + " bytes decoded, taken from a run of this spec";
        if (base64.length() > MAX_SNAPSHOT_BASE64) {
            long decoded = (long) base64.length() / 4 * 3;
            problems.add(Problem.shown("snapshot", base64, allowed + "; this one has about " + decoded + " bytes"));
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.shown("snapshot", base64, allowed + "; this is not base64 (" + e.getMessage() + ")"));
            return null;
        }
        if (bytes.length > MAX_SNAPSHOT_BYTES) {
            problems.add(Problem.shown("snapshot", base64, allowed + "; this one has " + bytes.length + " bytes"));
            return null;
        }
        Snapshot snapshot;
        try {
            snapshot = Snapshot.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.shown("snapshot", base64, allowed + "; " + e.getMessage()));
            return null;
        }
        if (snapshot.lossHistory().length > 3 * MAX_HISTORY_POINTS) {
            problems.add(Problem.shown(
                    "snapshot",
                    base64,
                    allowed + "; its loss history has " + snapshot.lossHistory().length / 3 + " points, at most "
                            + MAX_HISTORY_POINTS + " are kept"));
            return null;
        }
        String outOfBounds = SnapshotLimits.check(snapshot);
        if (outOfBounds != null) {
            problems.add(Problem.shown("snapshot", base64, allowed + "; " + outOfBounds));
            return null;
        }
        if (spec != null) {
            try {
                Trainer.resume(spec, dataset, snapshot);
            } catch (IllegalArgumentException e) {
                problems.add(
                        Problem.shown("snapshot", base64, allowed + "; it does not fit the spec: " + e.getMessage()));
                return null;
            }
        }
        return bytes;
    }
}
