package backprop.server.pages;

/** One built-in challenge on {@code /challenges}: its id (the page is {@code /c/{id}}), title and goal in words. */
public record GalleryItem(String id, String title, String goal) {}
