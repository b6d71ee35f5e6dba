package backprop.ui.playground;

import backprop.engine.spec.Spec;

/** What a control asks for: the next spec, computed from the current one (throws when not allowed). */
@FunctionalInterface
public interface SpecEdit {
    Spec apply(Spec current);
}
