/**
 * The activation lab ({@code /activations}): every activation plotted with its derivative, its
 * cost per call measured in this runtime, a race of the same experiment with different hidden
 * activations, the zero-centring zig-zag and dying ReLU. Everything but
 * {@link backprop.client.activations.ActivationsClient}, {@code LabDom} and
 * {@code FigurePainter} is plain Java (no {@code org.teavm} import), so the JVM tests drive it
 * with a fake clock. Activations are looked up by name ({@link backprop.client.activations.ActivationCatalog}),
 * so composed ones can join the cards and the race later.
 */
package backprop.client.activations;
