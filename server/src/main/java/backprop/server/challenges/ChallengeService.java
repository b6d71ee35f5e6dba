package backprop.server.challenges;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.spec.SpecProblem;
import backprop.server.experiments.ExperimentId;
import backprop.server.experiments.ImportedPoints;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.server.store.Attempt;
import backprop.server.store.Challenge;
import backprop.server.store.ChallengeStore;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Goal;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Saving and reading challenges, and submitting attempts, without HTTP. A challenge is validated
 * whole (nothing half-valid is stored), gets the id of its canonical JSON and never changes. An
 * attempt is checked against the locks and constraints, retrained by the {@link AttemptVerifier},
 * compared with its claim when it makes one, and only then stored, with what the server measured.
 */
public final class ChallengeService {
    static final List<String> ATTEMPT_FIELDS = List.of("spec", "epoch", "dataset", "claim");
    static final List<String> CLAIM_FIELDS = List.of("value", "fingerprint");

    private final ChallengeStore store;
    private final AttemptVerifier verifier;
    private final LongSupplier clockMillis;

    public ChallengeService(ChallengeStore store, AttemptVerifier verifier, LongSupplier clockMillis) {
        this.store = store;
        this.verifier = verifier;
        this.clockMillis = clockMillis;
    }

    /** A saved challenge, read back. */
    public record Saved(String id, ChallengeContent content, long createdAt) {}

    /** A create's result and whether this request stored it. */
    public record Created(Saved challenge, boolean created) {}

    /** A stored attempt and whether this request stored it. */
    public record Submitted(Attempt attempt, boolean created) {}

    /**
     * Validates and stores.
     *
     * @throws ApiError 400 with every problem; 409 when another challenge holds the id
     */
    public Created create(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        ChallengeContent content = ChallengeReader.read(body, problems);
        if (content == null) {
            throw ApiError.invalid("the challenge was not saved", problems);
        }
        String json = content.canonicalJson();
        String id = ExperimentId.ofText(json);
        Challenge row = new Challenge(id, json, clockMillis.getAsLong());
        if (store.insert(row)) {
            return new Created(new Saved(id, content, row.createdAt()), true);
        }
        Challenge existing =
                store.find(id).orElseThrow(() -> new IllegalStateException("challenge " + id + " vanished"));
        if (!existing.body().equals(json)) {
            throw ApiError.conflict("another challenge already has the id " + id + "; change the title slightly");
        }
        return new Created(new Saved(id, content, existing.createdAt()), false);
    }

    /**
     * @throws ApiError 404 for a malformed or unknown id
     */
    public Saved find(String id) {
        if (!ExperimentId.isWellFormed(id)) {
            throw ApiError.notFound(
                    "no challenge has the id \"" + Problem.shorten(id) + "\"; ids are 10 characters of 0-9, A-Z, a-z");
        }
        Challenge row = store.find(id).orElseGet(() -> storeBuiltIn(id));
        return new Saved(row.id(), ChallengeContent.fromStored(row.body()), row.createdAt());
    }

    /** A {@link Gallery} challenge is stored the first time it is asked for (its attempts refer to it). */
    private Challenge storeBuiltIn(String id) {
        Gallery.Entry entry = Gallery.find(id).orElseThrow(() -> ApiError.notFound("no challenge has the id " + id));
        Challenge row = new Challenge(id, entry.content().canonicalJson(), clockMillis.getAsLong());
        store.insertBuiltIn(row);
        return store.find(id).orElse(row);
    }

    /**
     * @throws ApiError 404 for an unknown challenge or attempt
     */
    public Attempt findAttempt(String challengeId, String attemptId) {
        find(challengeId);
        if (!ExperimentId.isWellFormed(attemptId)) {
            throw ApiError.notFound("no attempt has the id \"" + Problem.shorten(attemptId) + "\"");
        }
        return store.findAttempt(challengeId, attemptId)
                .orElseThrow(
                        () -> ApiError.notFound("no attempt at challenge " + challengeId + " has the id " + attemptId));
    }

    /**
     * Checks, verifies and stores an attempt {@code {spec, epoch, dataset?, claim?}}. A spec saying
     * {@code data=imported} trains on the attempt's {@code dataset} when it has one, else on the
     * challenge's points; with {@code data} locked its points must be the challenge's, otherwise
     * at most {@code constraints.maxPoints} of them. Points of its own are stored with it.
     *
     * @throws ApiError 404 unknown challenge; 400 a malformed body or spec; 422 locks or
     *     constraints broken, a claim that does not reproduce, over the verification budget; 503
     *     the verification queue is full
     */
    public Submitted submit(String challengeId, JsonNode body) {
        Saved challenge = find(challengeId);
        List<Problem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!ATTEMPT_FIELDS.contains(name)) {
                problems.add(Problem.shown(name, "...", "only the fields " + String.join(", ", ATTEMPT_FIELDS)));
            }
        }
        Dataset startPoints = challenge.content().points();
        Dataset given = null;
        JsonNode datasetNode = body.get("dataset");
        boolean hasDataset = datasetNode != null && !datasetNode.isNull();
        if (hasDataset) {
            if (!datasetNode.isTextual()) {
                problems.add(Problem.shown("dataset", datasetNode.toString(), "a string: " + ChallengeReader.POINTS));
            } else {
                given = ImportedPoints.check(datasetNode.textValue(), problems);
            }
        }
        Dataset points = null;
        Spec spec = null;
        JsonNode specNode = body.get("spec");
        if (specNode == null || !specNode.isTextual()) {
            problems.add(
                    specNode == null
                            ? Problem.missing("spec", "the attempt's experiment in the spec format")
                            : Problem.shown("spec", specNode.toString(), "a string: the attempt's experiment"));
        } else if (ImportedSpec.namesImported(specNode.textValue())) {
            // data=imported trains on the attempt's own points when it sends some, else on the challenge's.
            points = hasDataset ? given : startPoints;
            if (points != null) {
                ParseResult parsed = ImportedSpec.parse(specNode.textValue(), points);
                for (SpecProblem p : parsed.problems()) {
                    problems.add(Problem.of(p));
                }
                spec = parsed.spec();
            } else if (!hasDataset) {
                problems.add(Problem.missing(
                        "dataset", ChallengeReader.POINTS + " (this challenge starts from generated data)"));
            }
        } else {
            try {
                spec = SpecCodec.parseStrict(specNode.textValue());
            } catch (SpecException e) {
                for (SpecProblem p : e.problems()) {
                    problems.add(Problem.of(p));
                }
            }
            if (hasDataset) {
                problems.add(Problem.shown(
                        "spec",
                        specNode.textValue(),
                        "data=imported when the attempt has a dataset (the points replace the spec's data)"));
            }
        }
        Goal goal = challenge.content().rules().goal();
        String epochAllowed = "a whole number of epochs from 0 to " + goal.byEpoch() + " (where the metric is taken)";
        JsonNode epochNode = body.get("epoch");
        int epoch = -1;
        if (epochNode == null || !epochNode.isIntegralNumber() || !epochNode.canConvertToInt()) {
            problems.add(
                    epochNode == null
                            ? Problem.missing("epoch", epochAllowed)
                            : Problem.shown("epoch", epochNode.toString(), epochAllowed));
        } else {
            epoch = epochNode.intValue();
        }
        Double claimedValue = null;
        String claimedFingerprint = null;
        JsonNode claim = body.get("claim");
        if (claim != null && !claim.isNull()) {
            String shape = "an object {\"value\": number, \"fingerprint\": 16 lowercase hex digits}";
            if (!claim.isObject()) {
                problems.add(Problem.shown("claim", claim.toString(), shape));
            } else {
                for (Iterator<String> it = claim.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!CLAIM_FIELDS.contains(name)) {
                        problems.add(Problem.shown("claim." + name, "...", shape));
                    }
                }
                JsonNode v = claim.get("value");
                if (v != null && !v.isNull()) {
                    if (!v.isNumber()) {
                        problems.add(Problem.shown("claim.value", v.toString(), "a number"));
                    } else {
                        claimedValue = v.doubleValue();
                    }
                }
                JsonNode f = claim.get("fingerprint");
                if (f != null && !f.isNull()) {
                    if (!f.isTextual() || !f.textValue().matches("[0-9a-fA-F]{16}")) {
                        problems.add(Problem.shown("claim.fingerprint", f.toString(), "16 hex digits"));
                    } else {
                        claimedFingerprint = f.textValue().toLowerCase(Locale.ROOT);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiError.invalid("the attempt was not accepted", problems);
        }
        Spec start = challenge.content().parsedSpec();
        List<Problem> broken = new ArrayList<>();
        for (SpecProblem p : challenge.content().rules().attemptProblems(start, startPoints, spec, points, epoch)) {
            broken.add(Problem.of(p));
        }
        if (!broken.isEmpty()) {
            throw ApiError.unprocessable("the attempt breaks the challenge's rules", broken);
        }
        AttemptVerifier.Verified verified = verifier.verify(spec, points, epoch, goal.metric());
        List<Problem> differ = new ArrayList<>();
        if (verified.epoch() != epoch) {
            differ.add(new Problem(
                    "epoch",
                    Integer.toString(epoch),
                    "the run diverged at epoch " + verified.epoch() + ": its metric is not a number"));
        }
        if (claimedValue != null && Double.compare(claimedValue, verified.value()) != 0) {
            differ.add(new Problem(
                    "claim.value",
                    SpecNumbers.formatReal(claimedValue),
                    "what this attempt measures on the server: " + goal.metric().key() + " = "
                            + SpecNumbers.formatReal(verified.value()) + " at epoch " + epoch));
        }
        if (claimedFingerprint != null && !claimedFingerprint.equals(verified.fingerprint())) {
            differ.add(new Problem(
                    "claim.fingerprint",
                    claimedFingerprint,
                    "the fingerprint of this attempt's parameters at epoch " + epoch + ": " + verified.fingerprint()));
        }
        if (!differ.isEmpty() && (claimedValue != null || claimedFingerprint != null)) {
            throw ApiError.unprocessable("the claimed figures do not reproduce", differ);
        }
        String canonical = points == null ? SpecCodec.print(spec) : ImportedSpec.print(spec);
        // Points of its own are stored with the attempt and in its id; the challenge's stay with the challenge.
        String ownPoints = points == null || (startPoints != null && ChallengeRules.samePoints(points, startPoints))
                ? null
                : DatasetCsv.write(points);
        Double value = verified.diverged() ? null : verified.value();
        Attempt attempt = new Attempt(
                ExperimentId.ofText(
                        challengeId + "\n" + canonical + "\n" + epoch + (ownPoints == null ? "" : "\n" + ownPoints)),
                challengeId,
                canonical,
                epoch,
                value,
                verified.fingerprint(),
                goal.meets(verified.value()),
                clockMillis.getAsLong(),
                ownPoints);
        if (store.insert(attempt)) {
            return new Submitted(attempt, true);
        }
        return new Submitted(findAttempt(challengeId, attempt.id()), false);
    }
}
