// What an embed does for the page that frames it, beside the message API of EmbedBridge:
// - WordPress (and hosts like it) append "#?secret=<token>" to the address of a frame it does not
//   trust; takeSecret() removes it before the client reads the fragment as an experiment, and
//   keeps the token for the height messages.
// - startEmbedFrame() posts the content height whenever it changes: {type: "backprop:resize",
//   height} for /static/embed.js and any host, and WordPress's {message: "height", value, secret}
//   when a secret was given.
// - "Open in the playground" opens a new tab when the frame may; in a sandbox without
//   allow-popups it becomes a plain link followed in the frame (where /e/{id}, asked for as a
//   frame, answers the embed with every panel).

// The WordPress secret in the fragment (letters and digits), or null; the fragment is left
// without it, any experiment before it kept.
export function takeSecret() {
  const hash = location.hash.slice(1);
  const m = /(^|[?&])secret=([A-Za-z0-9]{1,64})(?=&|$)/.exec(hash);
  if (!m) {
    return null;
  }
  const rest = (hash.slice(0, m.index) + hash.slice(m.index + m[0].length)).replace(/^[?&]+|[?&]+$/g, "");
  try {
    history.replaceState(history.state, "", location.pathname + location.search + (rest ? "#" + rest : ""));
  } catch (e) {
    location.hash = rest;
  }
  return m[2];
}

// The height the page needs: the body's (in a page that fits its frame, the frame's own height).
function contentHeight() {
  return Math.ceil(document.body.getBoundingClientRect().height);
}

export function startEmbedFrame(secret) {
  openInPlaygroundOutside();
  if (window.parent === window) {
    return;
  }
  let last = -1;
  const post = () => {
    const height = contentHeight();
    if (height === last || height <= 0) {
      return;
    }
    last = height;
    window.parent.postMessage({ type: "backprop:resize", height }, "*");
    if (secret) {
      window.parent.postMessage({ message: "height", value: height, secret }, "*");
    }
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

function openInPlaygroundOutside() {
  const link = document.querySelector('[data-testid="open-in-playground"]');
  if (!link) {
    return;
  }
  if (self.origin === "null") {
    // An opaque-origin sandbox (WordPress's allow-scripts): popups are not allowed there as a
    // rule, and a refused window.open would only log an error.
    link.removeAttribute("target");
    return;
  }
  link.addEventListener("click", (event) => {
    event.preventDefault();
    // window.open answers null where popups are not allowed (sandbox without allow-popups).
    const opened = window.open(link.href, "_blank");
    if (opened) {
      opened.opener = null;
    } else {
      location.href = link.href;
    }
  });
}
