package backprop.client;

import org.teavm.jso.JSExport;

public final class Client {
    public static void main(String[] args) {
    }

    @JSExport
    public static String hello() {
        return "hi";
    }
}
