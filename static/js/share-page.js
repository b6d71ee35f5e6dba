// "Share" on the backprop explorer and the activation lab: the link to what is on screen and the
// iframe that embeds it. The iframe is oEmbed's answer for the link, so the embed code is written
// in one place (EmbedSnippet on the server) for every page.
export function bindPageShare(linkOf) {
  const button = document.querySelector('[data-testid="page-share"]');
  const panel = document.querySelector('[data-testid="page-share-panel"]');
  if (!button || !panel) {
    return;
  }
  const linkField = panel.querySelector('[data-testid="page-share-link"]');
  const iframeField = panel.querySelector('[data-testid="page-share-iframe"]');
  const error = panel.querySelector('[data-testid="page-share-error"]');
  const root = document.body.dataset.root || "";
  button.addEventListener("click", async () => {
    const opening = panel.hidden;
    panel.hidden = !opening;
    button.setAttribute("aria-expanded", String(opening));
    if (!opening) {
      return;
    }
    const link = linkOf();
    linkField.value = link;
    iframeField.value = "";
    error.hidden = true;
    try {
      const answer = await fetch(root + "/oembed?format=json&url=" + encodeURIComponent(link), { headers: { Accept: "application/json" } });
      const body = await answer.json();
      if (!answer.ok) {
        throw new Error(body.error || "status " + answer.status);
      }
      iframeField.value = body.html;
    } catch (e) {
      error.textContent = "The embed code could not be made: " + e.message;
      error.hidden = false;
    }
  });
}

// This page's address without the parts that are not the content (?runtime=, #...).
export function pageAddress() {
  const url = new URL(location.href);
  url.searchParams.delete("runtime");
  url.hash = "";
  return url.href;
}
