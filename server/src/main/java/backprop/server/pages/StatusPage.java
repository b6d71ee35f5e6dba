package backprop.server.pages;

/** What status-page.jte shows for a page that cannot be served: the status, a heading, one sentence. */
public record StatusPage(int status, String heading, String message) {}
