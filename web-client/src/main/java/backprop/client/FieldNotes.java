package backprop.client;

import backprop.ui.playground.ControlNotes;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a value was refused beside the control that set it ({@link ControlNotes} picks the
 * control from the message's key): a note with the allowed range, announced at once, which the
 * next edit clears. Messages about no shown control are handed back for the page's list.
 */
final class FieldNotes {
    private FieldNotes() {}

    /** Clears the previous notes, shows each message beside its control; returns those it could not place. */
    static List<String> place(List<String> messages) {
        EditDom.clearNotes();
        List<String> rest = new ArrayList<>();
        for (String message : messages) {
            String control = ControlNotes.controlFor(message);
            if (control == null || !EditDom.showNote(control, message)) {
                rest.add(message);
            }
        }
        return rest;
    }
}
