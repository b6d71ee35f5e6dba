/**
 * The experiment format: one canonical text ({@code v=1&data=spiral&...}) used in the URL
 * fragment, the API, the database and on the command line. {@link backprop.engine.spec.SpecCodec}
 * parses (leniently for the page, strictly for the API and CLI), prints and validates it; the
 * typed form is {@link backprop.engine.spec.Spec}. Numbers are read and written in exact integer
 * arithmetic ({@link backprop.engine.spec.SpecNumbers}) so a spec means the same doubles, and
 * prints the same text, on the JVM, in WebAssembly and in JavaScript. A composed activation is a
 * {@link backprop.engine.spec.Composition} of a {@link backprop.engine.spec.BinaryFn} and two
 * {@link backprop.engine.spec.UnaryFn}s, named inside {@code layers} as {@code b_u1_u2[_β]}.
 */
package backprop.engine.spec;
