/* Installs the service worker, and tells it on each visit (and when the connection comes
   back) which language's offline and help pages to keep, and to refresh saved copies. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var essentials = script.getAttribute("data-essentials");
  function visit() {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "visit", essentials: essentials });
    });
  }
  navigator.serviceWorker.register(script.getAttribute("data-worker"), { scope: "/" })
    .then(visit, function () { /* no worker: the site works as before */ });
  window.addEventListener("online", visit);
})();
