/**
 * Deterministic numbers: {@link backprop.engine.math.Fdlibm}, elementary functions ported from
 * fdlibm so that they are bit-identical to {@code StrictMath} on the JVM and in TeaVM's
 * WebAssembly and JavaScript output; {@link backprop.engine.math.Rng}, the seeded SplitMix64
 * generator; and {@link backprop.engine.math.MathProbe}, a checksum that lets the browser prove
 * it computes the same bits as the JVM.
 *
 * <p>TeaVM rules the ports are written to (each one seen in TeaVM 0.16 output):
 * <ul>
 * <li>JavaScript drops the parentheses of a nested right operand of the same precedence,
 * {@code a*(b*c)}, {@code a*(b/c)}, {@code a+(b+c)}, {@code a+(b-c)}, and evaluates left to right.
 * A local used once is inlined back, so {@code y = r/s; x*y} is {@code x*(r/s)} too. Hence the
 * nested operand, or the local holding a product (sum), goes first: {@code y*x}. Where the C
 * source had the other order a comment says so; both orders round identically.</li>
 * <li>WebAssembly compiles {@code -x} as {@code 0 - x}, which gives +0 for {@code -(+0.0)}.
 * A negation that may meet a zero is written {@code -1.0 * x}, exact everywhere.</li>
 * <li>Only + - * /, comparisons, {@code Math.sqrt/abs/floor}, int arithmetic and the 32-bit
 * words of a double are used; {@code Math.scalb} and the like are ported too.</li>
 * <li>Word access goes through {@code long} (BigInt in TeaVM's JavaScript, ~20-50 ns a call),
 * so the hot exp, expm1 and tanh test bounds on |x| instead of high words and scale by exact
 * powers of two instead of editing exponents: the same results, several times faster there.</li>
 * <li>In TeaVM's WebAssembly, every call into a class with a static initialiser, and every read
 * of its static fields, first calls the class's initialisation check (an indirect call). So the
 * hot paths take 2^k from int shifts ({@code Ieee754.twoPowSmall}), {@code Ieee754} has no static
 * state, and the one table of powers of two lives apart ({@code PowersOfTwo}), off those paths.</li>
 * </ul>
 */
package backprop.engine.math;
