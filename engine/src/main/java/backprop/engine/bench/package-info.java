/**
 * The benchmark workloads of {@code bench} and {@code /bench}, as pure engine code so that the
 * JVM, WebAssembly and JavaScript run exactly the same thing: {@code seed}, the lecture's
 * two-layer numpy loop ({@link backprop.engine.bench.SeedLoop}), and {@code playground}, the
 * default experiment's training pass ({@link backprop.engine.bench.Benchmarks}). Time comes in
 * through a {@link backprop.engine.bench.Clock}; each workload ends in one JSON line.
 */
package backprop.engine.bench;
