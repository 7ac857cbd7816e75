// Interactive activities in a lesson: each one's sandboxed player is framed only when the
// activity scrolls into view, and its results are sent to the server with the learner's
// CSRF token. A message counts only when it comes from that activity's own frame: the
// sandbox (no allow-same-origin) gives the player the origin "null", which any other
// sandboxed page shares, so the frame's window is what identifies it.
(function () {
  "use strict";
  if (window.copH5PActivities) return;
  window.copH5PActivities = true;
  var frames = [];

  function csrfToken(block) {
    var input = block.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function load(stage) {
    if (stage.querySelector("iframe")) return;
    var frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("title", stage.getAttribute("data-title"));
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.src = stage.getAttribute("data-player-src");
    frame.style.width = "100%";
    frame.style.height = "20rem";
    frame.style.border = "0";
    frame.style.display = "block";
    stage.appendChild(frame);
    frames.push({ frame: frame, stage: stage, last: null });
  }

  function isScore(data) {
    return data && data.type === "cop-h5p-result" &&
      (data.verb === "answered" || data.verb === "completed") &&
      typeof data.score === "number" && isFinite(data.score) &&
      typeof data.max === "number" && isFinite(data.max) && data.max > 0;
  }

  function send(entry, data) {
    var url = entry.stage.getAttribute("data-result-url");
    if (!url || !window.fetch) return;
    // content types report "answered" and then "completed" for the same score: one result.
    var key = data.score + "/" + data.max;
    var now = Date.now();
    if (entry.last && entry.last.key === key && now - entry.last.at < 3000) return;
    entry.last = { key: key, at: now };
    var block = entry.stage.parentElement;
    var status = block.querySelector("[data-h5p-status]");
    // On a page from the shared cache the token field starts empty: cms/js/form-token.js
    // fetches this browser's token first.
    var ready = window.copLearnFormToken ? window.copLearnFormToken(block) : Promise.resolve();
    ready
      .catch(function () {})
      .then(function () {
        return fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(block) },
          body: JSON.stringify({ score: data.score, max: data.max })
        });
      })
      .then(function (response) { return response.json(); })
      .then(function (answer) { if (status && answer.message) status.textContent = answer.message; })
      .catch(function () {});
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== "null") return;
    var entry = frames.filter(function (e) { return e.frame.contentWindow === event.source; })[0];
    if (!entry) return;
    var data = event.data;
    if (data && data.type === "cop-h5p-height" && typeof data.height === "number") {
      entry.frame.style.height = Math.max(120, Math.min(4000, Math.ceil(data.height))) + "px";
    } else if (isScore(data)) {
      send(entry, data);
    }
  });

  function start() {
    var stages = document.querySelectorAll("[data-h5p-activity]");
    if (!("IntersectionObserver" in window)) {
      Array.prototype.forEach.call(stages, load);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        load(entry.target);
      });
    }, { rootMargin: "200px 0px" });
    Array.prototype.forEach.call(stages, function (stage) { observer.observe(stage); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
