/** Text the pages and the server share: one HTML escape, JSON string quoting, number formats, links and embed snippets. */
package backprop.ui.text;
