/**
 * The toy datasets of TensorFlow Playground (and a few more) in [-6, 6]², their noise, the
 * seeded train/test split and the seven input features. Everything random comes from one
 * {@link backprop.engine.math.Rng} handed in by the caller, so a seed fixes the data. Imported
 * points: {@link backprop.engine.data.Dataset}, read from CSV by
 * {@link backprop.engine.data.CsvImport} (all or nothing, every problem with its line and column)
 * and written, canonically, by {@link backprop.engine.data.DatasetCsv}.
 */
package backprop.engine.data;
