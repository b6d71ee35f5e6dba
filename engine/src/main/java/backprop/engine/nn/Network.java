package backprop.engine.nn;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.RegularizationKind;
import java.util.Arrays;
import java.util.List;

/**
 * A feed-forward network: hidden layers as specified, then a linear output layer (the loss turns
 * its scores into probabilities). All parameters live in one flat array, layer by layer, each
 * layer's weights then biases then extras, which is the order of the fingerprint and of snapshots;
 * the gradient array has the same layout.
 *
 * <p>Forward and backward work on chunks of at most {@link #CHUNK_ROWS} rows written into
 * {@link #input()}; a larger mini-batch is run chunk by chunk, accumulating the gradient, which
 * gives the same bits as one pass because every sum runs over rows in order.
 *
 * <p>Batch normalization ({@code :bn} layers, see {@link BatchNorm}) needs the statistics of the
 * whole mini-batch, so a network with such a layer has buffers for a whole training batch
 * ({@link #trainingChunkRows()}) and trains on it in one {@link #forwardTraining(int)}.
 * {@link #forward(int)} is test mode (running statistics), which any chunking gives bit for bit;
 * it is what evaluation, prediction and diagnostics use. Without {@code :bn} the two modes are the
 * same computation.
 */
public final class Network {
    /** Rows per forward/backward pass; buffers are sized for this many. */
    public static final int CHUNK_ROWS = 64;

    private final int inputs;
    private final int outputs;
    private final Layer[] layers;
    private final double[] params;
    private final double[] grads;
    /** Running mean then running variance of every batch-normalized layer, layer by layer. */
    private final double[] running;
    /** Rows of the buffers: {@link #CHUNK_ROWS}, or a whole training batch with batch normalization. */
    private final int capacityRows;

    private final double[] input;
    private final double[] dPre;
    private final double[] dActivationA;
    private final double[] dActivationB;
    /** dLoss/dScores, {@code [row][outputs]}, written by the loss before {@link #backward(int)}. */
    private final double[] dScores;

    /** A network that trains in chunks of {@link #CHUNK_ROWS} rows (a batch-normalized one, on batches of up to that). */
    public Network(int inputs, List<LayerSpec> hidden, int outputs) {
        this(inputs, hidden, outputs, CHUNK_ROWS);
    }

    /**
     * A network whose training batches have at most {@code trainingRows} rows; only a network
     * with a batch-normalized layer sizes its buffers for them (more than {@link #CHUNK_ROWS}).
     */
    public Network(int inputs, List<LayerSpec> hidden, int outputs, int trainingRows) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input and 1 output, got " + inputs
                    + " inputs and " + outputs + " outputs");
        }
        if (trainingRows < 1) {
            throw new IllegalArgumentException("a training batch has at least 1 row, got " + trainingRows);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        boolean normalized = false;
        for (LayerSpec spec : hidden) {
            normalized |= spec.batchNorm();
        }
        this.capacityRows = normalized ? Math.max(CHUNK_ROWS, trainingRows) : CHUNK_ROWS;
        layers = new Layer[hidden.size() + 1];
        int runningCount = 0;
        int offset = 0;
        int width = inputs;
        int maxWidth = Math.max(inputs, outputs);
        int maxPre = outputs;
        for (int l = 0; l < hidden.size(); l++) {
            LayerSpec spec = hidden.get(l);
            if (spec.units() < 1) {
                throw new IllegalArgumentException(
                        "hidden layer " + (l + 1) + " needs at least 1 unit, got " + spec.units());
            }
            int runningOffset = spec.batchNorm() ? runningCount : -1;
            Layer layer = spec.activation() == Activation.MAXOUT
                    ? new MaxoutLayer(width, spec.units(), offset, capacityRows, runningOffset)
                    : new DenseLayer(
                            width,
                            spec.units(),
                            spec.activation(),
                            spec.composition(),
                            offset,
                            capacityRows,
                            runningOffset);
            layers[l] = layer;
            offset += layer.parameterCount();
            runningCount += layer.runningCount();
            width = layer.units();
            maxWidth = Math.max(maxWidth, width);
            maxPre = Math.max(maxPre, layer.preUnits());
        }
        Layer output = new DenseLayer(width, outputs, Activation.LINEAR, offset, capacityRows);
        layers[hidden.size()] = output;
        offset += output.parameterCount();
        params = new double[offset];
        grads = new double[offset];
        running = new double[runningCount];
        input = new double[capacityRows * inputs];
        dPre = new double[capacityRows * maxPre];
        dActivationA = new double[capacityRows * maxWidth];
        dActivationB = new double[capacityRows * maxWidth];
        dScores = new double[capacityRows * outputs];
        for (Layer layer : layers) {
            layer.initializeBatchNorm(params, running);
        }
    }

    /**
     * Draws the initial parameters from {@code rng}, layer by layer (see {@link Layer}); γ = 1,
     * β = 0 and the running statistics at mean 0, variance 1 take nothing from {@code rng}.
     */
    public void initialize(InitKind init, Rng rng) {
        for (Layer layer : layers) {
            layer.initialize(params, init, rng);
            layer.initializeBatchNorm(params, running);
        }
    }

    /**
     * Rows per training pass: {@link #CHUNK_ROWS}, or, with batch normalization, the largest
     * training batch (which must then be run in one {@link #forwardTraining(int)}).
     */
    public int trainingChunkRows() {
        return capacityRows;
    }

    /** True when some hidden layer is batch-normalized. */
    public boolean hasBatchNorm() {
        return running.length > 0;
    }

    /**
     * The live running statistics: for each batch-normalized layer in order, the running mean of
     * every pre-activation unit, then the running variance (empty without {@code :bn}).
     */
    public double[] runningStatistics() {
        return running;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** Hidden layers and the output layer (last). */
    public int layerCount() {
        return layers.length;
    }

    public Layer layer(int index) {
        return layers[index];
    }

    /** The live parameter array (layer by layer: weights, biases, extras). */
    public double[] parameters() {
        return params;
    }

    /** The live gradient array, same layout as {@link #parameters()}. */
    public double[] gradients() {
        return grads;
    }

    /** The input rows of the next forward pass, {@code [row][inputs]}, at most {@link #trainingChunkRows()} rows. */
    public double[] input() {
        return input;
    }

    /** The scores of the last forward pass, {@code [row][outputs]}. */
    public double[] output() {
        return layers[layers.length - 1].activationValues;
    }

    /** Where the loss writes dLoss/dScores before {@link #backward(int)}, {@code [row][outputs]}. */
    public double[] outputGradient() {
        return dScores;
    }

    /**
     * Runs the first {@code rows} rows of {@link #input()} through every layer in test mode:
     * batch-normalized layers use their running statistics.
     */
    public void forward(int rows) {
        forward(rows, false);
    }

    /**
     * One pass in test mode over {@code count} rows, in chunks of at most {@link #CHUNK_ROWS}: for
     * each chunk {@code pass} writes the rows' inputs, the network runs, and {@code pass} reads
     * what it needs. The one home of the chunked forward loop.
     */
    public void forwardAll(int count, ChunkPass pass) {
        for (int start = 0; start < count; start += CHUNK_ROWS) {
            int rows = Math.min(CHUNK_ROWS, count - start);
            pass.fill(input, start, rows);
            forward(rows, false);
            pass.take(start, rows);
        }
    }

    /** What one {@link #forwardAll} pass does with each chunk. */
    public interface ChunkPass {
        /** Writes the inputs of rows {@code start .. start + rows} into {@code input}, row-major. */
        void fill(double[] input, int start, int rows);

        /** Reads the network's values for those rows, after the forward pass. */
        void take(int start, int rows);
    }

    /** A pass whose inputs are rows of a row-major feature matrix. */
    public abstract static class MatrixPass implements ChunkPass {
        private final double[] featureRows;
        private final int width;

        protected MatrixPass(double[] featureRows, int width) {
            this.featureRows = featureRows;
            this.width = width;
        }

        @Override
        public final void fill(double[] input, int start, int rows) {
            System.arraycopy(featureRows, start * width, input, 0, rows * width);
        }
    }

    /**
     * Runs the first {@code rows} rows of {@link #input()} through every layer in training mode:
     * batch-normalized layers use the statistics of these rows, which must be the whole mini-batch.
     */
    public void forwardTraining(int rows) {
        forward(rows, true);
    }

    private void forward(int rows, boolean training) {
        if (rows < 0 || rows > capacityRows) {
            throw new IllegalArgumentException("a forward pass takes 0 to " + capacityRows + " rows, got " + rows);
        }
        double[] x = input;
        for (Layer layer : layers) {
            layer.forward(params, running, x, rows, training);
            x = layer.activationValues;
        }
    }

    /**
     * Moves the running statistics of every batch-normalized layer towards the statistics of the
     * last {@link #forwardTraining(int)} (see {@link BatchNorm}); call it once per applied update.
     */
    public void updateRunningStatistics() {
        for (Layer layer : layers) {
            if (layer.batchNorm != null) {
                layer.batchNorm.updateRunning(running);
            }
        }
    }

    /** Sets every gradient to 0 (before the first chunk of a mini-batch). */
    public void zeroGradients() {
        Arrays.fill(grads, 0.0);
    }

    /**
     * Adds the gradient of the last forward pass to {@link #gradients()}, given dLoss/dScores in
     * {@link #outputGradient()}.
     */
    public void backward(int rows) {
        double[] dA = dScores;
        double[] spare = dActivationA;
        for (int l = layers.length - 1; l >= 0; l--) {
            Layer layer = layers[l];
            double[] x = l == 0 ? input : layers[l - 1].activationValues;
            double[] dX = l == 0 ? null : spare;
            layer.backward(params, grads, x, dA, dPre, dX, rows);
            if (dX != null) {
                dA = dX;
                spare = dX == dActivationA ? dActivationB : dActivationA;
            }
        }
    }

    /** R(W): Σ W² for L2, Σ |W| for L1, 0 for none, over the weights of every layer (not biases, not slopes). */
    public double regularization(RegularizationKind kind) {
        if (kind == RegularizationKind.NONE) {
            return 0;
        }
        double total = 0;
        for (Layer layer : layers) {
            int end = layer.weightOffset + layer.weightCount();
            for (int k = layer.weightOffset; k < end; k++) {
                double w = params[k];
                total += kind == RegularizationKind.L2 ? w * w : Math.abs(w);
            }
        }
        return total;
    }

    /** Adds λ dR/dW to the weight gradients: 2λW for L2, λ sign(W) for L1 (0 at W = 0). */
    public void addRegularizationGradient(RegularizationKind kind, double lambda) {
        if (kind == RegularizationKind.NONE || lambda == 0) {
            return;
        }
        double twoLambda = 2 * lambda;
        for (Layer layer : layers) {
            int end = layer.weightOffset + layer.weightCount();
            if (kind == RegularizationKind.L2) {
                for (int k = layer.weightOffset; k < end; k++) {
                    grads[k] += twoLambda * params[k];
                }
            } else {
                for (int k = layer.weightOffset; k < end; k++) {
                    double w = params[k];
                    grads[k] += w > 0 ? lambda : (w < 0 ? -lambda : 0);
                }
            }
        }
    }
}
