package backprop.server.challenges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.ui.challenge.Goal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in challenge is valid, its reference solution verifies and meets the goal, its start does not. */
class GalleryTest {
    @Test
    void eachReferenceSolutionMeetsItsGoalAndTheStartDoesNot() {
        Set<String> ids = new HashSet<>();
        try (AttemptVerifier verifier = AttemptVerifier.standard()) {
            for (Gallery.Entry entry : Gallery.ENTRIES) {
                String title = entry.content().title();
                Spec start = entry.content().parsedSpec();
                assertEquals(List.of(), entry.content().rules().problemsWith(start), title);
                assertTrue(ids.add(entry.id()), "ids differ");
                Spec solution = SpecCodec.parseStrict(entry.solution());
                assertEquals(
                        List.of(),
                        entry.content().rules().attemptProblems(start, solution, entry.solutionEpoch()),
                        title);
                Goal goal = entry.content().rules().goal();
                AttemptVerifier.Verified solved = verifier.verify(solution, entry.solutionEpoch(), goal.metric());
                assertTrue(goal.meets(solved.value()), title + ": the solution measures " + solved.value());
                AttemptVerifier.Verified naive = verifier.verify(start, goal.byEpoch(), goal.metric());
                assertFalse(goal.meets(naive.value()), title + ": the start already measures " + naive.value());
                assertEquals(
                        entry.content(),
                        ChallengeContent.fromStored(entry.content().canonicalJson()),
                        title);
            }
        }
    }
}
