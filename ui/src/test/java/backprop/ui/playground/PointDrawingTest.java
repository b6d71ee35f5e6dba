package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/** Drawing your own points: an explicit mode, every class, one undo step per change. */
class PointDrawingTest {
    private static PlaygroundSession session(String spec) {
        Spec parsed = SpecCodec.parseStrict(spec);
        double[] now = {0};
        return new PlaygroundSession(parsed, new FrameLoop(new Trainer(parsed), () -> now[0]++));
    }

    @Test
    void outsideDrawModeAClickChangesNothing() {
        PlaygroundSession s = session(Spec.DEFAULT_TEXT);
        PointDrawing drawing = new PointDrawing(s);
        String before = s.canonicalSpec();
        assertFalse(drawing.add(1, 1).changed());
        assertEquals(before, s.canonicalSpec());
    }

    @Test
    void theFirstPointKeepsEveryPointOfTheDatasetWithItsClassAndUndoBringsBackTheTrainedRun() {
        PlaygroundSession s = session("v=1&data=spiral&classes=3&n=300");
        s.loop().stepEpoch();
        String trained = s.trainer().fingerprint();
        PointDrawing drawing = new PointDrawing(s);
        drawing.setDrawMode(true);
        drawing.setDrawClass(2);
        assertTrue(drawing.add(0.5, -0.5).changed());
        assertEquals(DatasetKind.CUSTOM, s.spec().data());
        assertEquals(301, s.spec().points().size(), "all 300 points and the new one");
        assertEquals(3, s.spec().classes());
        assertTrue(
                s.spec().points().stream().anyMatch(p -> p.label() == 2),
                "class 2 survives: nothing folds into class 1");
        assertEquals(0, s.trainer().epoch(), "adding a point restarts training");
        assertTrue(drawing.notice().startsWith("Your own data: the 300 points of spiral"), drawing.notice());

        drawing.undo();
        assertEquals(DatasetKind.SPIRAL, s.spec().data());
        assertEquals(1, s.trainer().epoch());
        assertEquals(trained, s.trainer().fingerprint(), "the trained state is back");
        assertFalse(drawing.canUndo());
    }

    @Test
    void overFiveHundredPointsTheNoticeSaysHowManyWereKept() {
        PlaygroundSession s = session("v=1&data=circle&n=2000");
        PointDrawing drawing = new PointDrawing(s);
        drawing.setDrawMode(true);
        drawing.add(0, 0);
        assertEquals(500, s.spec().points().size());
        assertTrue(drawing.notice().contains("499 of the 2000 points of circle"), drawing.notice());
    }

    @Test
    void eachPointIsItsOwnUndoStepAndADrawnClassAboveTheCountAddsAClass() {
        PlaygroundSession s = session("v=1&data=custom&points=1,1,0;-1,-1,1");
        PointDrawing drawing = new PointDrawing(s);
        drawing.setDrawMode(true);
        drawing.setDrawClass(1);
        drawing.add(2, 2);
        drawing.add(3, 3);
        assertEquals(4, s.spec().points().size());
        drawing.undo();
        assertEquals(3, s.spec().points().size());
        assertEquals(2, drawing.drawableClasses());
        drawing.setDrawClass(5);
        assertEquals(1, drawing.drawClass(), "only the dataset's classes can be drawn");
    }

    @Test
    void clearLeavesAnEmptySetInThePageUntilTheFirstPoint() {
        PlaygroundSession s = session("v=1&data=custom&points=1,1,0;-1,-1,1;2,2,1");
        PointDrawing drawing = new PointDrawing(s);
        drawing.clear();
        assertTrue(drawing.blank());
        assertTrue(drawing.drawMode());
        drawing.add(-3, 4);
        assertFalse(drawing.blank());
        assertEquals("-3,4,0", SpecCodec.print(s.spec()).replaceAll(".*points=", ""));
        drawing.undo();
        assertTrue(drawing.canUndo(), "the clear itself can be undone too");
        drawing.undo();
        assertEquals(3, s.spec().points().size());
    }
}
