package backprop.engine.spec;

/** One user-drawn point of {@code data=custom}: coordinates in [-6, 6], at most 2 decimals. */
public record CustomPoint(double x1, double x2, int label) {}
