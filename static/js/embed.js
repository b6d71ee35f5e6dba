// Backprop Playground: auto-height for every embed on a page. Paste once, anywhere in the page:
//   <script src="https://YOUR-PLAYGROUND/static/embed.js" async></script>
// Each embed posts {type: "backprop:resize", height} when its content changes height; this sets
// the height of the iframe that sent it, if that iframe shows a page of the origin this script
// came from. The sender is recognised by its window, not by the message's origin: a frame in
// sandbox="allow-scripts" (no allow-same-origin) sends from the origin "null".
(function () {
  "use strict";
  if (window.backpropEmbedResizer) {
    return;
  }
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var ours = new URL(script.src).origin;
  var MIN = 120;
  var MAX = 10000;
  window.backpropEmbedResizer = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "backprop:resize" || typeof data.height !== "number" || !isFinite(data.height)) {
      return;
    }
    if (event.origin !== ours && event.origin !== "null") {
      return;
    }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) {
        continue;
      }
      var src;
      try {
        src = new URL(frame.src, location.href).origin;
      } catch (e) {
        return;
      }
      if (src === ours) {
        frame.style.height = Math.max(MIN, Math.min(MAX, Math.ceil(data.height))) + "px";
      }
      return;
    }
  });
})();
