package backprop.engine.train;

import backprop.engine.data.DataSplit;
import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.data.Features;
import backprop.engine.data.Points;
import backprop.engine.math.Rng;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Losses;
import backprop.engine.nn.Network;
import backprop.engine.nn.OutputLoss;
import backprop.engine.optim.Optimizer;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Spec;

/**
 * Trains the network of a spec on its data, at three grains: one example, one mini-batch, one
 * epoch. The data come from {@code Rng.derive(seed, DATA, 0)}, the initial weights from
 * {@code Rng.derive(seed, WEIGHTS, 0)} and the order of epoch k from
 * {@code Rng.derive(seed, SHUFFLE, k)} shuffling the identity order of the training set (see
 * {@link RandomStreams}).
 *
 * <p>One update: total loss = mean data loss over the batch + λ R(W); its gradient (data part by
 * backprop, λ dR/dW added to the weights) goes to the optimizer. The epoch counter increments when
 * the last batch of a pass is applied. A batch whose loss is NaN or infinite is not applied: the
 * trainer is then {@link #diverged()} and every step does nothing.
 *
 * <p>Batch-normalized layers ({@code :bn}) train on the statistics of each mini-batch, run whole in
 * one forward pass, and move their running statistics after each applied update; everything else
 * here (the losses {@link #evaluate()} reports, predictions, layer grids, hover values,
 * diagnostics) runs in test mode, on the running statistics, so a point's prediction does not
 * depend on which other points share its pass.
 *
 * <p>Nothing allocates in the step methods or {@link #predictGrid}; {@link #evaluate()} allocates
 * only its result.
 */
public final class Trainer {
    /** Changes only through {@link #retune(Spec)} (learning rate and lambda). */
    private Spec spec;

    private final OutputLoss loss;
    private final Feature[] features;
    private final DataSplit data;
    /** The imported points this run trains on; null for the spec's own data. */
    private final Dataset imported;

    private final double[] trainFeatures;
    private final double[] testFeatures;
    private final Network network;
    private final Optimizer optimizer;
    private final int batchSize;
    private final int[] order;
    /** Re-seeded for each epoch's shuffle: {@code Rng.derive(seed, SHUFFLE, epoch)} without a new object. */
    private final Rng shuffleRng = new Rng(0);

    private int orderEpoch = -1;
    private int epoch;
    private int iteration;
    private int position;
    private boolean diverged;
    private double lastBatchLoss = Double.NaN;
    /** One forward pass over each set for {@link #evaluate()}, made once so evaluating allocates only the record. */
    private final SetEvaluation trainEvaluation;

    private final SetEvaluation testEvaluation;

    public Trainer(Spec spec) {
        this(spec, null);
    }

    /**
     * A trainer on imported points instead of the ones the spec generates (its {@code data},
     * {@code n}, {@code noise} and {@code points} are then unused). The dataset's kind must be the
     * spec's (classification or regression) and its classes must fit the spec's {@code classes}; its
     * split column, when it has one, replaces the spec's {@code split} percent. Null: the spec's data.
     */
    public Trainer(Spec spec, Dataset dataset) {
        check(spec);
        this.spec = spec;
        this.loss = OutputLoss.of(spec.loss(), spec.data().isRegression());
        this.features = spec.features().toArray(new Feature[0]);
        Rng dataRng = Rng.derive(spec.seed(), RandomStreams.DATA, 0);
        this.imported = dataset;
        if (dataset == null) {
            Points points =
                    Datasets.generate(spec.data(), spec.n(), spec.classes(), spec.noise(), spec.points(), dataRng);
            checkLabels(points, spec);
            this.data = DataSplit.split(points, spec.split(), dataRng);
        } else {
            checkDataset(dataset, spec);
            this.data = dataset.split(spec.split(), dataRng);
        }
        this.trainFeatures = Features.matrix(spec.features(), data.trainX());
        this.testFeatures = Features.matrix(spec.features(), data.testX());
        this.batchSize = Math.min(spec.batch(), data.trainSize());
        this.network = new Network(features.length, spec.layers(), spec.outputs(), Math.max(1, batchSize));
        this.trainEvaluation =
                new SetEvaluation(network, loss, trainFeatures, features.length, data.trainLabel(), data.trainTarget());
        this.testEvaluation =
                new SetEvaluation(network, loss, testFeatures, features.length, data.testLabel(), data.testTarget());
        network.initialize(spec.init(), Rng.derive(spec.initSeed(), RandomStreams.WEIGHTS, 0));
        this.optimizer = Optimizer.create(spec.opt());
        optimizer.init(network.parameters().length);
        this.order = new int[data.trainSize()];
    }

    /**
     * A trainer in the state of {@code snapshot}, which must come from a trainer of the same spec:
     * training continues bit for bit as if it had never stopped.
     */
    public static Trainer resume(Spec spec, Snapshot snapshot) {
        return resume(spec, null, snapshot);
    }

    /** {@link #resume(Spec, Snapshot)} on imported points ({@link #Trainer(Spec, Dataset)}; null: the spec's). */
    public static Trainer resume(Spec spec, Dataset dataset, Snapshot snapshot) {
        Trainer trainer = new Trainer(spec, dataset);
        trainer.restore(snapshot, false);
        return trainer;
    }

    /**
     * Puts this trainer in the state of {@code snapshot} (taken from a trainer of the same spec,
     * for instance one training in another thread), keeping its data and buffers: training goes
     * on bit for bit as it would have there. {@code diverged} is that trainer's
     * {@link #diverged()}, which a snapshot does not hold.
     */
    public void restore(Snapshot snapshot, boolean diverged) {
        double[] params = network.parameters();
        if (snapshot.params().length != params.length) {
            throw new IllegalArgumentException("snapshot has " + snapshot.params().length
                    + " parameters, the spec's network has " + params.length);
        }
        if (snapshot.optimizerState().length != optimizer.stateSize()) {
            throw new IllegalArgumentException("snapshot has " + snapshot.optimizerState().length
                    + " optimizer numbers, " + spec.opt().key() + " needs " + optimizer.stateSize());
        }
        double[] running = network.runningStatistics();
        if (snapshot.runningStatistics().length != running.length) {
            throw new IllegalArgumentException("snapshot has " + snapshot.runningStatistics().length
                    + " batch-norm running statistics, the spec's network has " + running.length);
        }
        if (snapshot.position() >= order.length) {
            throw new IllegalArgumentException("snapshot position " + snapshot.position()
                    + " is not inside an epoch of " + order.length + " training examples");
        }
        System.arraycopy(snapshot.params(), 0, params, 0, params.length);
        System.arraycopy(snapshot.runningStatistics(), 0, running, 0, running.length);
        optimizer.readState(snapshot.optimizerState());
        epoch = snapshot.epoch();
        iteration = snapshot.iteration();
        position = snapshot.position();
        this.diverged = diverged;
    }

    private static void check(Spec spec) {
        if (spec.features().isEmpty()) {
            throw new IllegalArgumentException("features: at least one feature is needed, got none");
        }
        if (spec.batch() < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + spec.batch());
        }
        if (!(spec.lr() > 0) || Double.isInfinite(spec.lr())) {
            throw new IllegalArgumentException("lr must be a finite number > 0, got " + spec.lr());
        }
        if (!(spec.lambda() >= 0) || Double.isInfinite(spec.lambda())) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + spec.lambda());
        }
        if (!spec.data().isRegression() && spec.classes() < 2) {
            throw new IllegalArgumentException(
                    "classes must be at least 2 for " + spec.data().key() + ", got " + spec.classes());
        }
        if (!spec.data().isRegression() && spec.loss() == LossKind.BCE && spec.classes() != 2) {
            throw new IllegalArgumentException("loss bce needs exactly 2 classes, got " + spec.classes());
        }
    }

    private static void checkDataset(Dataset dataset, Spec spec) {
        if (dataset.regression() != spec.data().isRegression()) {
            throw new IllegalArgumentException(
                    "the imported points are " + (dataset.regression() ? "regression targets" : "classes")
                            + " but data=" + spec.data().key() + " is a "
                            + (spec.data().isRegression() ? "regression" : "classification")
                            + " set; use a spec of the same kind");
        }
        if (!dataset.regression() && dataset.classes() > spec.classes()) {
            throw new IllegalArgumentException("the imported points have classes 0.." + (dataset.classes() - 1)
                    + " but the spec has classes=" + spec.classes() + "; set classes=" + dataset.classes()
                    + " (data=gauss or spiral allow 2..6)");
        }
    }

    private static void checkLabels(Points points, Spec spec) {
        if (spec.data().isRegression()) {
            return;
        }
        for (int label : points.label()) {
            if (label < 0 || label >= spec.classes()) {
                throw new IllegalArgumentException("points: class " + label + " is outside 0.." + (spec.classes() - 1));
            }
        }
    }

    /**
     * Changes the learning rate and the regularization strength mid-run, as TensorFlow Playground
     * does: the weights, the optimizer state and the counters stay, so training goes on from
     * here. {@code next} must equal the current spec in every other key.
     */
    public void retune(Spec next) {
        check(next);
        if (!spec.sameExceptTuning(next)) {
            throw new IllegalArgumentException(
                    "retune changes only lr and lambda; other keys differ: start a new Trainer");
        }
        this.spec = next;
    }

    public Spec spec() {
        return spec;
    }

    /** Completed passes over the training set since construction (or as restored from a snapshot). */
    public int epoch() {
        return epoch;
    }

    /** Updates (mini-batches or single examples) since construction. */
    public int iteration() {
        return iteration;
    }

    /** Training examples already used in the current epoch. */
    public int position() {
        return position;
    }

    /** True once a batch loss was NaN or infinite; from then on the step methods do nothing. */
    public boolean diverged() {
        return diverged;
    }

    /** The mean data loss of the last applied (or refused) update; NaN before the first. */
    public double lastBatchLoss() {
        return lastBatchLoss;
    }

    public int outputs() {
        return spec.outputs();
    }

    /** The loss trained with (the spec's, resolved against classification or regression). */
    public OutputLoss loss() {
        return loss;
    }

    /** The generated points, split. Do not modify the arrays. */
    /** The imported points given to the constructor, or null when the run uses the spec's data. */
    public Dataset imported() {
        return imported;
    }

    public DataSplit data() {
        return data;
    }

    /** The network (read its layers, parameters and gradients; change nothing). */
    public Network network() {
        return network;
    }

    /** One mini-batch update: the next min(batch, train size) examples, fewer at the end of an epoch. */
    public void stepBatch() {
        update(batchSize);
    }

    /** Runs batches until the epoch counter increments (or training diverges). */
    public void stepEpoch() {
        int target = epoch + 1;
        while (epoch < target && !diverged) {
            update(batchSize);
        }
    }

    /** One update on the next single example of the epoch's order. */
    public void stepExample() {
        update(1);
    }

    private void update(int wanted) {
        if (diverged) {
            return;
        }
        if (orderEpoch != epoch) {
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            shuffleRng.reseed(spec.seed(), RandomStreams.SHUFFLE, epoch);
            shuffleRng.shuffle(order);
            orderEpoch = epoch;
        }
        int size = Math.min(wanted, order.length - position);
        int inputs = features.length;
        int outputs = network.outputs();
        double[] input = network.input();
        double scale = 1.0 / size;
        double lossSum = 0;
        network.zeroGradients();
        int chunk = network.trainingChunkRows();
        for (int start = 0; start < size; start += chunk) {
            int rows = Math.min(chunk, size - start);
            int first = position + start;
            for (int r = 0; r < rows; r++) {
                int from = order[first + r] * inputs;
                int to = r * inputs;
                for (int f = 0; f < inputs; f++) {
                    input[to + f] = trainFeatures[from + f];
                }
            }
            network.forwardTraining(rows);
            lossSum += Losses.batchLossAndGradient(
                    loss,
                    network.output(),
                    rows,
                    outputs,
                    data.trainLabel(),
                    data.trainTarget(),
                    order,
                    first,
                    network.outputGradient(),
                    scale);
            network.backward(rows);
        }
        lastBatchLoss = lossSum / size;
        if (Double.isNaN(lastBatchLoss) || Double.isInfinite(lastBatchLoss)) {
            diverged = true;
            return;
        }
        network.addRegularizationGradient(spec.reg(), spec.lambda());
        optimizer.step(network.parameters(), network.gradients(), spec.lr());
        network.updateRunningStatistics();
        iteration++;
        position += size;
        if (position == order.length) {
            position = 0;
            epoch++;
        }
    }

    /** Mean data loss and accuracy on both sets, and λ R(W). One forward pass over each set. */
    /**
     * {@link #evaluate()}'s figures of one set only, the test set's or the training set's (the
     * other set's loss and accuracy NaN): the same numbers for half the work, for a page that
     * watches one metric at every epoch boundary.
     */
    public Metrics evaluate(boolean testSet) {
        SetEvaluation evaluation = testSet ? testEvaluation : trainEvaluation;
        evaluation.run();
        double regularization = spec.lambda() == 0 ? 0 : spec.lambda() * network.regularization(spec.reg());
        return testSet
                ? new Metrics(Double.NaN, evaluation.meanLoss(), Double.NaN, evaluation.accuracy(), regularization)
                : new Metrics(evaluation.meanLoss(), Double.NaN, evaluation.accuracy(), Double.NaN, regularization);
    }

    public Metrics evaluate() {
        trainEvaluation.run();
        testEvaluation.run();
        double regularization = spec.lambda() == 0 ? 0 : spec.lambda() * network.regularization(spec.reg());
        return new Metrics(
                trainEvaluation.meanLoss(),
                testEvaluation.meanLoss(),
                trainEvaluation.accuracy(),
                testEvaluation.accuracy(),
                regularization);
    }

    /**
     * The network's outputs at the centres of a cols x rows grid over [-6, 6]²: row 0 at the top
     * (x2 near +6), column 0 at x1 near -6. {@code out[(r * cols + c) * outputs + k]} is output k:
     * softmax probabilities, σ(z) for bce, raw scores for svm and mse.
     */
    public void predictGrid(int cols, int rows, double[] out) {
        predictGridCells(cols, rows, 0, cols * rows, out);
    }

    /**
     * {@link #predictGrid} for the cells {@code firstCell .. firstCell + cellCount - 1} only (in
     * the same row-major order), written at the same places of {@code out}: a grid too costly for
     * one frame can be computed a slice per frame. Allocation-free.
     */
    public void predictGridCells(int cols, int rows, int firstCell, int cellCount, double[] out) {
        int outputs = network.outputs();
        if (cols < 1 || rows < 1) {
            throw new IllegalArgumentException("grid needs at least 1 x 1 cells, got " + cols + " x " + rows);
        }
        if (out.length < cols * rows * outputs) {
            throw new IllegalArgumentException("grid " + cols + " x " + rows + " with " + outputs + " outputs needs "
                    + cols * rows * outputs + " numbers, out has " + out.length);
        }
        if (firstCell < 0 || cellCount < 0 || firstCell + cellCount > cols * rows) {
            throw new IllegalArgumentException("cells " + firstCell + " .. " + (firstCell + cellCount - 1)
                    + " are not all in a grid of " + cols * rows + " cells");
        }
        int end = firstCell + cellCount;
        for (int first = firstCell; first < end; first += Network.CHUNK_ROWS) {
            int count = Math.min(Network.CHUNK_ROWS, end - first);
            GridPoints.fillFeatures(cols, rows, features, network.input(), first, count);
            network.forward(count);
            double[] scores = network.output();
            for (int r = 0; r < count; r++) {
                Losses.display(loss, scores, r * outputs, outputs, out, (first + r) * outputs);
            }
        }
    }

    /**
     * {@link #predictLayerGrid} for every layer from one forward pass over the grid:
     * {@code out[l][(r * cols + c) * units(l) + j]}. Allocation-free.
     */
    public void predictAllLayersGrid(int cols, int rows, double[][] out) {
        if (cols < 1 || rows < 1 || out.length < network.layerCount()) {
            throw new IllegalArgumentException("grid " + cols + " x " + rows + " needs one array per layer ("
                    + network.layerCount() + "), got " + out.length);
        }
        int cells = cols * rows;
        for (int l = 0; l < network.layerCount(); l++) {
            int units = network.layer(l).units();
            if (out[l].length < cells * units) {
                throw new IllegalArgumentException("grid " + cols + " x " + rows + " of layer " + l + " with " + units
                        + " units needs " + cells * units + " numbers, out[" + l + "] has " + out[l].length);
            }
        }
        for (int first = 0; first < cells; first += Network.CHUNK_ROWS) {
            int count = Math.min(Network.CHUNK_ROWS, cells - first);
            GridPoints.fillFeatures(cols, rows, features, network.input(), first, count);
            network.forward(count);
            for (int l = 0; l < network.layerCount(); l++) {
                int units = network.layer(l).units();
                System.arraycopy(network.layer(l).activations(), 0, out[l], first * units, count * units);
            }
        }
    }

    /** The input features at one point of the plane (the network's first-layer inputs). */
    public double[] featuresAt(double x1, double x2) {
        double[] values = new double[features.length];
        for (int f = 0; f < features.length; f++) {
            values[f] = Features.value(features[f], x1, x2);
        }
        return values;
    }

    /**
     * The forward values of every layer (hidden layers, then the output layer's activations
     * before the loss: raw scores) at one point of the input plane, for the hover readouts.
     * Allocates its result; not for the training loop.
     */
    public double[][] valuesAt(double x1, double x2) {
        double[] input = network.input();
        for (int f = 0; f < features.length; f++) {
            input[f] = Features.value(features[f], x1, x2);
        }
        network.forward(1);
        double[][] values = new double[network.layerCount()][];
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            values[l] = java.util.Arrays.copyOf(layer.activations(), layer.units());
        }
        return values;
    }

    /**
     * What layer {@code layer} computes over the same grid as {@link #predictGrid}: for a hidden
     * layer its activations, for the last layer ({@code network().layerCount() - 1}) the raw scores;
     * {@code out[(r * cols + c) * units + j]} for unit j. Allocation-free.
     */
    public void predictLayerGrid(int layer, int cols, int rows, double[] out) {
        if (layer < 0 || layer >= network.layerCount()) {
            throw new IllegalArgumentException(
                    "layer " + layer + " does not exist; the network has layers 0.." + (network.layerCount() - 1));
        }
        int units = network.layer(layer).units();
        if (cols < 1 || rows < 1 || out.length < cols * rows * units) {
            throw new IllegalArgumentException("grid " + cols + " x " + rows + " of layer " + layer + " with " + units
                    + " units needs " + cols * rows * units + " numbers, out has " + out.length);
        }
        int cells = cols * rows;
        for (int first = 0; first < cells; first += Network.CHUNK_ROWS) {
            int count = Math.min(Network.CHUNK_ROWS, cells - first);
            GridPoints.fillFeatures(cols, rows, features, network.input(), first, count);
            network.forward(count);
            System.arraycopy(network.layer(layer).activations(), 0, out, first * units, count * units);
        }
    }

    /**
     * Gradient norms per layer, dead ReLU units and saturated sigmoid/tanh units, from one pass over
     * the training set at the current parameters (see {@link Diagnostics}). Allocates its result;
     * call it once per frame or report, not per step. Changes no training state.
     */
    public Diagnostics diagnostics() {
        return DiagnosticsProbe.run(
                network, loss, trainFeatures, data.trainLabel(), data.trainTarget(), spec.reg(), spec.lambda());
    }

    /** The fingerprint of the parameters (see {@link Fingerprint}). */
    public String fingerprint() {
        return Fingerprint.of(network.parameters());
    }

    /** The optimizer's state (its moments, its velocity), copied, in {@link Snapshot}'s order. */
    public double[] optimizerState() {
        double[] state = new double[optimizer.stateSize()];
        optimizer.writeState(state);
        return state;
    }

    /** The current state, copied, without loss history. */
    public Snapshot snapshot() {
        return new Snapshot(
                epoch,
                iteration,
                network.parameters().clone(),
                optimizerState(),
                position,
                new double[0],
                network.runningStatistics().clone());
    }
}
