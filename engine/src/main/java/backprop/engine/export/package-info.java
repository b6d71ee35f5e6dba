/**
 * Code exports: an experiment as a runnable Python file, pure text generation (no I/O). The NumPy
 * export ({@link backprop.engine.export.NumpyExport}) is assembled from parts with one job each:
 * the data and features ({@code NumpyData}), the layers and their activations ({@code NumpyNetwork},
 * {@code NumpyActivation}), the losses ({@code NumpyLoss}), the optimizers ({@code NumpyOptimizer})
 * and the engine's batch order ({@code PythonShuffle}); numbers are written by
 * {@link backprop.engine.export.PythonFloat} so they read back exactly.
 * {@link backprop.engine.export.Exportability} says up front what cannot be exported.
 */
package backprop.engine.export;
