package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session on a challenge's page: the rules gate every change, every change restarts, Play stops at the goal's epoch. */
class ChallengeModeTest {
    private static final Spec START = SpecCodec.parseStrict("v=1&data=xor&seed=3&features=x1,x2&layers=&lr=0.1");
    private static final ChallengeRules RULES = new ChallengeRules(
            List.of("data"),
            new Constraints(0, Constraints.NONE, Constraints.NONE, Constraints.NONE, List.of(), Constraints.NONE),
            new Goal(GoalMetric.TEST_ACCURACY, true, 0.95, 5));

    private static PlaygroundSession session() {
        double[] now = {0};
        PlaygroundSession s = new PlaygroundSession(START, new FrameLoop(new Trainer(START), () -> now[0]++));
        s.challengeMode(
                (next, points) -> RULES.changeProblems(START, null, next, points),
                RULES.goal().byEpoch());
        return s;
    }

    @Test
    void aChangeThatBreaksALockOrAConstraintChangesNothingAndSaysWhy() {
        PlaygroundSession s = session();
        PlaygroundSession.Change locked = s.edit(spec -> SpecEditor.with(spec, "data", "circle"));
        assertFalse(locked.changed());
        assertEquals(
                List.of("data: \"circle\" is not allowed; allowed: locked by the challenge at xor"), locked.problems());
        PlaygroundSession.Change layer = s.loadText("v=1&data=xor&seed=3&layers=2:relu&lr=0.1");
        assertFalse(layer.changed());
        assertTrue(
                layer.problems().get(0).contains("at most 0 hidden layers"),
                layer.problems().toString());
        assertEquals(START, s.spec());
    }

    @Test
    void weightsCannotBeSetByHandSoAnAttemptIsAlwaysItsSpecFromEpochZero() {
        PlaygroundSession s = session();
        String before = s.trainer().fingerprint();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> s.setWeight(0, 1.5));
        assertTrue(refused.getMessage().startsWith("weight: set by hand is off in a challenge"), refused.getMessage());
        assertEquals(refused.getMessage(), s.handWeightsProblem());
        assertEquals(before, s.trainer().fingerprint(), "nothing changed");
        assertEquals(
                null, new PlaygroundSession(START, new FrameLoop(new Trainer(START), () -> 0)).handWeightsProblem());
    }

    @Test
    void evenTheLearningRateRestartsTheRunAndPlayStopsAtTheGoalsEpoch() {
        PlaygroundSession s = session();
        s.loop().stepEpoch();
        Trainer before = s.trainer();
        PlaygroundSession.Change change = s.edit(spec -> SpecEditor.with(spec, "lr", "0.3"));
        assertTrue(change.restarted(), "a challenge's attempt is always its spec from epoch 0");
        assertNotSame(before, s.trainer());
        assertEquals(0, s.trainer().epoch());
        s.play();
        while (s.loop().playing()) {
            s.loop().frame();
        }
        assertEquals(5, s.trainer().epoch());
        assertEquals(0, s.trainer().position());
    }

    @Test
    void aLockedDataKeepsTheChallengesPointsAndImportsAreGatedToo() {
        PlaygroundSession s = session();
        Dataset points = CsvImport.parse("x1,x2,label\n1,2,0\n-1,2,1\n2,-1,1\n").dataset();
        PlaygroundSession.Change imported = s.importDataset(points);
        assertFalse(imported.changed());
        assertEquals(
                List.of("data: \"imported\" is not allowed; allowed: locked by the challenge at xor"),
                imported.problems());
        assertEquals(null, s.dataset());

        Spec carried = ImportedSpec.carry(START, points);
        PlaygroundSession onPoints = new PlaygroundSession(START, new FrameLoop(new Trainer(START), () -> 0));
        onPoints.challengeMode(
                (next, nextPoints) -> RULES.changeProblems(carried, points, next, nextPoints),
                RULES.goal().byEpoch());
        assertTrue(onPoints.loadImported(ImportedSpec.print(carried), points).changed(), "the challenge's own points");
        Dataset other = CsvImport.parse("x1,x2,label\n1,2,0\n-1,2,1\n").dataset();
        PlaygroundSession.Change swapped = onPoints.importDataset(other);
        assertFalse(swapped.changed());
        assertTrue(
                swapped.problems().get(0).startsWith("dataset: "),
                swapped.problems().toString());
        PlaygroundSession.Change dropped = onPoints.dropDataset();
        assertFalse(dropped.changed(), "generated data in place of the points breaks the lock");
        assertTrue(
                dropped.problems().get(0).startsWith("data: "),
                dropped.problems().toString());
        assertEquals(points, onPoints.dataset());
    }
}
