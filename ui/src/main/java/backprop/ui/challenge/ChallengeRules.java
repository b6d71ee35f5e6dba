package backprop.ui.challenge;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecLimits;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a challenge allows and asks: the spec keys locked at the starting experiment's values, the
 * {@link Constraints}, and the {@link Goal}. The same checks run in the page (controls refuse an
 * edit that breaks them), in the authoring dialog and on the server (a challenge is refused, an
 * attempt is refused before it is trained). Problems name the field and what is allowed.
 */
public record ChallengeRules(List<String> locked, Constraints constraints, Goal goal) {
    /** {@code locked} is kept in the spec's key order without repeats (names that are no key last, for the checks to name). */
    public ChallengeRules {
        List<String> ordered = new ArrayList<>();
        for (String key : SpecValues.LOCKABLE) {
            if (locked.contains(key)) {
                ordered.add(key);
            }
        }
        for (String key : locked) {
            if (!ordered.contains(key)) {
                ordered.add(key);
            }
        }
        locked = List.copyOf(ordered);
    }

    public boolean isLocked(String key) {
        return locked.contains(key);
    }

    /**
     * Problems of the rules themselves and with the starting experiment: limits out of range, a
     * threshold outside its metric's range (a goal no network can reach), an epoch limit beyond
     * the constraint's, an accuracy goal on regression data, and constraints the starting
     * experiment already breaks. Empty when the challenge can be saved.
     */
    public List<SpecProblem> problemsWith(Spec start) {
        return problemsWith(start, null);
    }

    /**
     * {@link #problemsWith(Spec)} for a start on imported points ({@code points}, null for the
     * spec's own data): {@code constraints.maxPoints} counts the imported points.
     */
    public List<SpecProblem> problemsWith(Spec start, Dataset points) {
        List<SpecProblem> problems = new ArrayList<>();
        for (String key : locked) {
            if (!SpecValues.LOCKABLE.contains(key)) {
                problems.add(new SpecProblem("locked", key, "spec keys among " + SpecValues.lockableList()));
            }
        }
        range(problems, "constraints.maxHiddenLayers", constraints.maxHiddenLayers(), 0, SpecLimits.MAX_LAYERS);
        range(problems, "constraints.maxUnitsPerLayer", constraints.maxUnitsPerLayer(), 1, SpecLimits.MAX_UNITS);
        range(problems, "constraints.maxTotalUnits", constraints.maxTotalUnits(), 1, Constraints.MAX_TOTAL_UNITS);
        range(problems, "constraints.maxEpochs", constraints.maxEpochs(), 1, Goal.MAX_BY_EPOCH);
        range(problems, "constraints.maxPoints", constraints.maxPoints(), 1, SpecLimits.MAX_POINTS);
        String threshold = SpecNumbers.formatReal(goal.threshold());
        String comparison = "goal." + goal.comparisonKey();
        if (goal.metric().accuracy()) {
            if (!(goal.threshold() >= 0 && goal.threshold() <= 1)) {
                problems.add(new SpecProblem(comparison, threshold, "an accuracy is a fraction from 0 to 1"));
            }
            if (start.data().isRegression()) {
                problems.add(new SpecProblem(
                        "goal.metric",
                        goal.metric().key(),
                        "testLoss or trainLoss: the starting data ("
                                + start.data().key() + ") is regression and has no accuracy"));
            }
        } else if (!(goal.threshold() > 0) || Double.isInfinite(goal.threshold())) {
            problems.add(new SpecProblem(
                    comparison, threshold, "a loss is 0 or more: a finite threshold above 0 (atMost below it)"));
        } else if (goal.atLeast()) {
            problems.add(new SpecProblem(
                    "goal.atLeast", threshold, "a loss goal says atMost (a loss at least a value is no exercise)"));
        }
        if (goal.byEpoch() < 1 || goal.byEpoch() > Goal.MAX_BY_EPOCH) {
            problems.add(new SpecProblem(
                    "goal.byEpoch", Integer.toString(goal.byEpoch()), "an epoch from 1 to " + Goal.MAX_BY_EPOCH));
        } else if (constraints.maxEpochs() != Constraints.NONE && goal.byEpoch() > constraints.maxEpochs()) {
            problems.add(new SpecProblem(
                    "goal.byEpoch",
                    Integer.toString(goal.byEpoch()),
                    "at most constraints.maxEpochs (" + constraints.maxEpochs() + ")"));
        }
        if (problems.isEmpty()) {
            for (SpecProblem broken : constraintProblems(start, points)) {
                problems.add(new SpecProblem(
                        "constraints",
                        broken.key() + "=" + broken.value(),
                        "constraints the starting experiment meets (" + broken.allowed() + ")"));
            }
        }
        return problems;
    }

    private static void range(List<SpecProblem> problems, String key, int value, int min, int max) {
        if (value != Constraints.NONE && (value < min || value > max)) {
            problems.add(new SpecProblem(key, Integer.toString(value), "an integer from " + min + " to " + max));
        }
    }

    /**
     * Problems of an attempt: a locked key changed, a constraint broken, or an epoch beyond the
     * goal's limit (or before 0). Empty when the attempt may be trained.
     */
    public List<SpecProblem> attemptProblems(Spec start, Spec attempt, int epoch) {
        return attemptProblems(start, null, attempt, null, epoch);
    }

    /**
     * {@link #attemptProblems(Spec, Spec, int)} with the imported points of the start and of the
     * attempt (null: the spec's own data); see {@link #changeProblems(Spec, Dataset, Spec, Dataset)}.
     */
    public List<SpecProblem> attemptProblems(
            Spec start, Dataset startPoints, Spec attempt, Dataset attemptPoints, int epoch) {
        List<SpecProblem> problems = new ArrayList<>(changeProblems(start, startPoints, attempt, attemptPoints));
        int lastEpoch = goal.byEpoch();
        if (epoch < 0 || epoch > lastEpoch) {
            problems.add(new SpecProblem(
                    "epoch", Integer.toString(epoch), "an epoch from 0 to " + lastEpoch + " (the goal's epoch limit)"));
        }
        return problems;
    }

    /** Locked keys changed and constraints broken by {@code next}: what the page's controls refuse. */
    public List<SpecProblem> changeProblems(Spec start, Spec next) {
        return changeProblems(start, null, next, null);
    }

    /**
     * {@link #changeProblems(Spec, Spec)} on imported points ({@code null}: the spec's own data).
     * A locked {@code data} keeps the start's points: other points (another import, or generated
     * data in place of the imported) break the lock. Unlocked, any points may be used, at most
     * {@code constraints.maxPoints} of them.
     */
    public List<SpecProblem> changeProblems(Spec start, Dataset startPoints, Spec next, Dataset nextPoints) {
        List<SpecProblem> problems = new ArrayList<>();
        Map<String, String> was = SpecValues.of(start, startPoints != null);
        Map<String, String> now = SpecValues.of(next, nextPoints != null);
        for (String key : locked) {
            String fixed = was.get(key);
            if (fixed != null && !fixed.equals(now.get(key))) {
                problems.add(new SpecProblem(
                        key, now.get(key), "locked by the challenge at " + (fixed.isEmpty() ? "none" : fixed)));
            }
        }
        if (isLocked("data") && startPoints != null && nextPoints != null && !samePoints(startPoints, nextPoints)) {
            problems.add(new SpecProblem(
                    "dataset",
                    nextPoints.size() + " other points",
                    "locked by the challenge to its own " + startPoints.size() + " imported points"));
        }
        problems.addAll(constraintProblems(next, nextPoints));
        return problems;
    }

    /** The same points in the same order: equal canonical CSV ({@link DatasetCsv}). */
    public static boolean samePoints(Dataset a, Dataset b) {
        return a == b || (a.size() == b.size() && DatasetCsv.write(a).equals(DatasetCsv.write(b)));
    }

    private List<SpecProblem> constraintProblems(Spec spec, Dataset points) {
        List<SpecProblem> problems = new ArrayList<>();
        Map<String, String> values = SpecValues.of(spec);
        int layers = spec.layers().size();
        if (constraints.maxHiddenLayers() != Constraints.NONE && layers > constraints.maxHiddenLayers()) {
            problems.add(new SpecProblem(
                    "layers",
                    values.get("layers"),
                    "at most " + constraints.maxHiddenLayers() + " hidden layers (the challenge's limit)"));
        }
        int total = 0;
        int widest = 0;
        for (LayerSpec layer : spec.layers()) {
            total += layer.units();
            widest = Math.max(widest, layer.units());
        }
        if (constraints.maxUnitsPerLayer() != Constraints.NONE && widest > constraints.maxUnitsPerLayer()) {
            problems.add(new SpecProblem(
                    "layers",
                    values.get("layers"),
                    "at most " + constraints.maxUnitsPerLayer() + " units in a layer (the challenge's limit)"));
        }
        if (constraints.maxTotalUnits() != Constraints.NONE && total > constraints.maxTotalUnits()) {
            problems.add(new SpecProblem(
                    "layers",
                    values.get("layers"),
                    "at most " + constraints.maxTotalUnits() + " hidden units in all (the challenge's limit)"));
        }
        if (constraints.limitsFeatures()) {
            for (Feature feature : spec.features()) {
                if (!constraints.features().contains(feature)) {
                    problems.add(new SpecProblem(
                            "features", values.get("features"), "only " + featureList() + " (the challenge's choice)"));
                    break;
                }
            }
        }
        if (constraints.maxPoints() != Constraints.NONE && points != null) {
            if (points.size() > constraints.maxPoints()) {
                problems.add(new SpecProblem(
                        "dataset",
                        points.size() + " imported points",
                        "at most " + constraints.maxPoints() + " points (the challenge's limit)"));
            }
        } else if (constraints.maxPoints() != Constraints.NONE && spec.n() > constraints.maxPoints()) {
            problems.add(new SpecProblem(
                    "n",
                    Integer.toString(spec.n()),
                    "at most " + constraints.maxPoints() + " points (the challenge's limit)"));
        }
        return problems;
    }

    /** The allowed features, comma-separated in the spec's order. */
    public String featureList() {
        StringBuilder out = new StringBuilder();
        for (Feature f : constraints.features()) {
            out.append(out.length() == 0 ? "" : ",").append(f.key());
        }
        return out.toString();
    }
}
