package backprop.server.pages;

import backprop.ui.loop.LoopMarkup;
import backprop.ui.loop.LoopStepper;

/**
 * What the server renders of the numpy-loop stepper ({@code /graph/loop?seed=N}): the code, the
 * first line's prompt, the empty progress and the drawn arrays, from the same markup the client
 * redraws after each step, so the page reads right before the client starts.
 */
public record LoopView(String seed, String error, String code, String lastLine, String progress, String arrays) {
    public static LoopView of(String seedText) {
        LoopStepper stepper = LoopStepper.ofText(seedText);
        return new LoopView(
                seedText != null && stepper.error() != null ? seedText : Long.toString(stepper.seed()),
                stepper.error(),
                LoopMarkup.code(stepper),
                LoopMarkup.lastLine(stepper),
                LoopMarkup.progress(stepper),
                LoopMarkup.arrays(stepper));
    }
}
