/**
 * HTTP only: the Javalin app ({@link backprop.server.http.App}), routes for pages, the API,
 * embeds and oEmbed, headers, request bodies, entity tags, public addresses, rate limits and the
 * server's configuration; below Javalin, Jetty's side: limits on slow uploads and headers
 * ({@link backprop.server.http.ServerLimits}), HEAD as GET, Jetty's own error answers, the
 * access log and metrics ({@link backprop.server.http.RequestObserver}). Routes call a service
 * and render a page model; they hold no logic of their own beyond HTTP.
 */
package backprop.server.http;
