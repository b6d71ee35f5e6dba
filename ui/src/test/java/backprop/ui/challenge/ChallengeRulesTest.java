package backprop.ui.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Feature;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeRulesTest {
    private static final Spec XOR = SpecCodec.parseStrict("v=1&data=xor&seed=3&features=x1,x2&layers=&lr=0.1");
    private static final Goal ACCURACY = new Goal(GoalMetric.TEST_ACCURACY, true, 0.95, 100);

    private static ChallengeRules rules(List<String> locked, Constraints constraints, Goal goal) {
        return new ChallengeRules(locked, constraints, goal);
    }

    private static Constraints noHiddenLayer() {
        return new Constraints(0, Constraints.NONE, Constraints.NONE, Constraints.NONE, List.of(), Constraints.NONE);
    }

    @Test
    void aConsistentChallengeHasNoProblems() {
        assertEquals(
                List.of(),
                rules(List.of("data", "lr"), noHiddenLayer(), ACCURACY).problemsWith(XOR));
    }

    @Test
    void constraintsTheStartingExperimentBreaksAreAContradiction() {
        Spec twoLayers = SpecCodec.parseStrict("v=1&data=xor&layers=4:tanh,4:tanh");
        List<SpecProblem> problems = rules(List.of(), noHiddenLayer(), ACCURACY).problemsWith(twoLayers);
        assertEquals(1, problems.size());
        assertEquals("constraints", problems.get(0).key());
        assertTrue(
                problems.get(0).allowed().contains("at most 0 hidden layers"),
                problems.get(0).allowed());
    }

    @Test
    void thresholdsOutsideTheMetricsRangeAreRefused() {
        SpecProblem accuracy = rules(List.of(), Constraints.none(), new Goal(GoalMetric.TEST_ACCURACY, true, 1.5, 100))
                .problemsWith(XOR)
                .get(0);
        assertEquals("goal.atLeast", accuracy.key());
        assertEquals("1.5", accuracy.value());
        assertTrue(accuracy.allowed().contains("from 0 to 1"));
        SpecProblem loss = rules(List.of(), Constraints.none(), new Goal(GoalMetric.TEST_LOSS, false, -0.1, 100))
                .problemsWith(XOR)
                .get(0);
        assertEquals("goal.atMost", loss.key());
        SpecProblem epochs = rules(List.of(), Constraints.none(), new Goal(GoalMetric.TEST_LOSS, false, 0.1, 0))
                .problemsWith(XOR)
                .get(0);
        assertEquals("goal.byEpoch", epochs.key());
        assertTrue(epochs.allowed().contains("from 1 to 10000"));
    }

    @Test
    void anAccuracyGoalOnRegressionDataIsRefused() {
        Spec plane = SpecCodec.parseStrict("v=1&data=plane&loss=mse");
        SpecProblem problem = rules(List.of(), Constraints.none(), ACCURACY)
                .problemsWith(plane)
                .get(0);
        assertEquals("goal.metric", problem.key());
    }

    @Test
    void theGoalsEpochMayNotPassTheEpochLimit() {
        Constraints fifty =
                new Constraints(Constraints.NONE, Constraints.NONE, Constraints.NONE, 50, List.of(), Constraints.NONE);
        SpecProblem problem =
                rules(List.of(), fifty, ACCURACY).problemsWith(XOR).get(0);
        assertEquals("goal.byEpoch", problem.key());
        assertTrue(problem.allowed().contains("maxEpochs (50)"));
    }

    @Test
    void anAttemptThatChangesALockedKeyOrBreaksAConstraintIsRefusedByName() {
        Constraints features = new Constraints(
                0,
                Constraints.NONE,
                Constraints.NONE,
                Constraints.NONE,
                List.of(Feature.X1, Feature.X2, Feature.X1X2),
                Constraints.NONE);
        ChallengeRules rules = rules(List.of("lr", "seed"), features, ACCURACY);
        Spec attempt = SpecCodec.parseStrict("v=1&data=xor&seed=3&features=x1,x2,sinx1&layers=2:relu&lr=0.3");
        List<SpecProblem> problems = rules.attemptProblems(XOR, attempt, 101);
        assertEquals(
                List.of("lr", "layers", "features", "epoch"),
                problems.stream().map(SpecProblem::key).toList());
        assertEquals("locked by the challenge at 0.1", problems.get(0).allowed());
        assertTrue(problems.get(3).allowed().contains("from 0 to 100"));
        Spec fine = SpecCodec.parseStrict("v=1&data=xor&seed=3&features=x1x2&layers=&lr=0.1");
        assertEquals(List.of(), rules.attemptProblems(XOR, fine, 100));
    }

    @Test
    void anOmittedInitseedIsLockedAtTheSeed() {
        ChallengeRules rules = rules(List.of("initseed"), Constraints.none(), ACCURACY);
        assertEquals(List.of(), rules.changeProblems(XOR, XOR.withInitSeed(3)));
        assertEquals(
                "initseed",
                rules.changeProblems(XOR, XOR.withInitSeed(4)).get(0).key());
    }

    @Test
    void unitConstraintsCountTheWidestLayerAndTheSum() {
        Constraints units = new Constraints(Constraints.NONE, 4, 6, Constraints.NONE, List.of(), Constraints.NONE);
        ChallengeRules rules = rules(List.of(), units, ACCURACY);
        assertEquals(List.of(), rules.changeProblems(XOR, SpecCodec.parseStrict("v=1&data=xor&layers=4:relu,2:relu")));
        List<SpecProblem> both = rules.changeProblems(XOR, SpecCodec.parseStrict("v=1&data=xor&layers=5:relu,4:relu"));
        assertEquals(2, both.size());
        assertTrue(both.get(0).allowed().contains("4 units in a layer"));
        assertTrue(both.get(1).allowed().contains("6 hidden units in all"));
    }

    @Test
    void theRulesTextRoundTrips() {
        Constraints all = new Constraints(2, 8, 12, 400, List.of(Feature.X1, Feature.X1SQ), 300);
        ChallengeRules rules = rules(List.of("data", "lr"), all, new Goal(GoalMetric.TRAIN_LOSS, false, 0.0001, 300));
        String text = RulesText.print(rules);
        assertEquals(
                "locked=data,lr&maxHiddenLayers=2&maxUnitsPerLayer=8&maxTotalUnits=12&maxEpochs=400&features=x1,x1sq"
                        + "&maxPoints=300&metric=trainLoss&atMost=0.0001&byEpoch=300",
                text);
        assertEquals(rules, RulesText.parse(text));
        ChallengeRules bare = rules(List.of(), Constraints.none(), ACCURACY);
        assertEquals(bare, RulesText.parse(RulesText.print(bare)));
    }

    @Test
    void importedPointsCountForMaxPointsAndALockedDataKeepsThem() {
        Dataset three = CsvImport.parse("x1,x2,label\n1,2,0\n-1,2,1\n2,-1,1\n").dataset();
        Dataset two = CsvImport.parse("x1,x2,label\n1,2,0\n-1,2,1\n").dataset();
        Spec carried = ImportedSpec.carry(XOR, three);
        Constraints twoPoints =
                new Constraints(Constraints.NONE, Constraints.NONE, Constraints.NONE, Constraints.NONE, List.of(), 2);
        List<SpecProblem> start = rules(List.of(), twoPoints, ACCURACY).problemsWith(carried, three);
        assertEquals(
                List.of("constraints"), start.stream().map(SpecProblem::key).toList());
        assertTrue(
                start.get(0).value().startsWith("dataset=3 imported points"),
                start.get(0).value());
        assertEquals(List.of(), rules(List.of(), twoPoints, ACCURACY).problemsWith(ImportedSpec.carry(XOR, two), two));

        ChallengeRules locked = rules(List.of("data"), Constraints.none(), ACCURACY);
        assertEquals(List.of(), locked.attemptProblems(carried, three, carried, three, 10));
        assertEquals(
                List.of(),
                locked.attemptProblems(
                        carried,
                        three,
                        carried,
                        CsvImport.parse(DatasetCsv.write(three)).dataset(),
                        10),
                "equal points, another copy");
        List<SpecProblem> other = locked.attemptProblems(carried, three, ImportedSpec.carry(XOR, two), two, 10);
        assertEquals("dataset", other.get(0).key());
        assertEquals(
                "locked by the challenge to its own 3 imported points",
                other.get(0).allowed());
        List<SpecProblem> generated = locked.attemptProblems(carried, three, XOR, null, 10);
        assertEquals("locked by the challenge at imported", generated.get(0).allowed());
        assertEquals(
                List.of(),
                rules(List.of(), Constraints.none(), ACCURACY).attemptProblems(carried, three, XOR, two, 10).stream()
                        .filter(p -> p.key().equals("dataset"))
                        .toList(),
                "unlocked: other points are fine");
    }
}
