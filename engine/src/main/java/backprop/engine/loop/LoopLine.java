package backprop.engine.loop;

/**
 * The lines of the lecture's loop body, in order, with their line numbers on the slide
 * (CS231n's "full implementation of training a 2-layer neural network needs ~20 lines") and the
 * array each one computes. {@code print(t, loss)} (line 12) prints and computes nothing.
 */
public enum LoopLine {
    HIDDEN(9, "h = 1 / (1 + np.exp(-x.dot(w1)))", "h"),
    PREDICTION(10, "y_pred = h.dot(w2)", "y_pred"),
    LOSS(11, "loss = np.square(y_pred - y).sum()", "loss"),
    GRAD_Y_PRED(14, "grad_y_pred = 2.0 * (y_pred - y)", "grad_y_pred"),
    GRAD_W2(15, "grad_w2 = h.T.dot(grad_y_pred)", "grad_w2"),
    GRAD_H(16, "grad_h = grad_y_pred.dot(w2.T)", "grad_h"),
    GRAD_W1(17, "grad_w1 = x.T.dot(grad_h * h * (1 - h))", "grad_w1"),
    UPDATE_W1(19, "w1 -= {lr} * grad_w1", "w1"),
    UPDATE_W2(20, "w2 -= {lr} * grad_w2", "w2");

    private final int number;
    private final String source;
    private final String result;

    LoopLine(int number, String source, String result) {
        this.number = number;
        this.source = source;
        this.result = result;
    }

    /** The line's number on the lecture's slide. */
    public int number() {
        return number;
    }

    /** The numpy source with the learning rate written in ({@code w1 -= 1e-4 * grad_w1}). */
    public String source(String learningRate) {
        return source.replace("{lr}", learningRate);
    }

    /** The name of the array the line computes or updates. */
    public String result() {
        return result;
    }
}
