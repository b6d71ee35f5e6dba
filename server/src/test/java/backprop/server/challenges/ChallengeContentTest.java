package backprop.server.challenges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import backprop.engine.spec.Feature;
import backprop.server.experiments.ExperimentId;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical JSON a challenge's id hashes: unchanged without imported points, the points right after the spec. */
class ChallengeContentTest {
    private static final ChallengeRules RULES = new ChallengeRules(
            List.of("seed", "data"),
            new Constraints(0, Constraints.NONE, Constraints.NONE, Constraints.NONE, List.of(Feature.X1X2), 40),
            new Goal(GoalMetric.TEST_ACCURACY, true, 0.9, 50));

    @Test
    void withoutPointsTheCanonicalJsonAndTheIdAreAsBefore() {
        ChallengeContent content = new ChallengeContent("T", "I", "v=1&data=xor", RULES);
        String before =
                "{\"title\":\"T\",\"instructions\":\"I\",\"spec\":\"v=1&data=xor\",\"locked\":[\"data\",\"seed\"],"
                        + "\"constraints\":{\"maxHiddenLayers\":0,\"features\":[\"x1x2\"],\"maxPoints\":40},"
                        + "\"goal\":{\"metric\":\"testAccuracy\",\"atLeast\":0.9,\"byEpoch\":50}}";
        assertEquals(before, content.canonicalJson());
        assertEquals(ExperimentId.ofText(before), content.id());
        assertFalse(content.canonicalJson().contains("dataset"));
        assertEquals(content, ChallengeContent.fromStored(before));
        // Gallery ids are built the same way and stay put.
        for (Gallery.Entry entry : Gallery.ENTRIES) {
            assertFalse(entry.content().canonicalJson().contains("dataset"));
        }
    }

    @Test
    void importedPointsFollowTheSpecAndChangeTheId() {
        String csv = "x1,x2,label\n1,2,0\n-1,2,1\n";
        ChallengeContent content = new ChallengeContent("T", "I", "v=1&data=imported&classes=2", csv, RULES);
        String json = content.canonicalJson();
        assertEquals(
                "{\"title\":\"T\",\"instructions\":\"I\",\"spec\":\"v=1&data=imported&classes=2\",\"dataset\":"
                        + "\"x1,x2,label\\n1,2,0\\n-1,2,1\\n\",\"locked\"",
                json.substring(0, json.indexOf(":[")));
        assertNotEquals(new ChallengeContent("T", "I", "v=1&data=imported&classes=2", RULES).id(), content.id());
        assertEquals(content, ChallengeContent.fromStored(json));
        assertEquals(3 - 1, content.points().size());
    }
}
