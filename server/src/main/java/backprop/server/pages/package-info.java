/** What the jte templates render: one immutable model per page, built from the engine's enums and the request. */
package backprop.server.pages;
