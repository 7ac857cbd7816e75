// Plays the activity with h5p-standalone and reports its scored xAPI statements to the
// lesson page (the only origin allowed to receive them). Runs in a sandboxed frame.
(function () {
  "use strict";
  var container = document.getElementById("h5p-player");
  var options = JSON.parse(document.getElementById("h5p-options").textContent);
  var parentOrigin = container.getAttribute("data-parent-origin");
  var activity = Number(container.getAttribute("data-activity"));

  function report(statement) {
    var verb = statement && statement.verb && statement.verb.id || "";
    var result = statement && statement.result;
    if (!result || !result.score || !/\/(answered|completed)$/.test(verb)) return;
    if (window.parent === window) return;
    window.parent.postMessage({
      type: "cop-h5p-result",
      activity: activity,
      verb: verb.split("/").pop(),
      score: Number(result.score.raw),
      max: Number(result.score.max)
    }, parentOrigin);
  }

  // The lesson sizes the frame to the activity, which grows as it is played.
  function reportHeight() {
    if (window.parent === window) return;
    window.parent.postMessage(
      { type: "cop-h5p-height", height: document.body.offsetHeight }, parentOrigin);
  }
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.body);

  new H5PStandalone.H5P(container, options).then(function () {
    reportHeight();
    document.documentElement.setAttribute("data-h5p-ready", "true");
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      report(event.data && event.data.statement);
    });
  });
})();
