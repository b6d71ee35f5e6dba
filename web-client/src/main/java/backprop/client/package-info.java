/**
 * The playground page's TeaVM shell: boots in WebAssembly GC or JavaScript, binds {@code ui}'s
 * logic to the DOM, canvases and {@code postMessage}. Browser calls only through {@link backprop.client.Browser} and {@link backprop.client.Dom}.
 */
package backprop.client;
