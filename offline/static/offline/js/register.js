/* Installs the service worker and tells it, on each visit and when the connection comes
   back, which language's offline and help pages to keep and to refresh saved copies.
   Signing out first has it forget what this learner saved while signed in. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var essentials = script.getAttribute("data-essentials");
  function tell(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage(message);
    });
  }
  navigator.serviceWorker.register(script.getAttribute("data-worker"), { scope: "/" })
    .then(function () { tell({ type: "visit", essentials: essentials }); }, function () {});
  window.addEventListener("online", function () {
    tell({ type: "visit", essentials: essentials, reconnected: true });
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var worker = navigator.serviceWorker.controller;
    if (!form.hasAttribute("data-offline-sign-out") || !worker || form.dataset.cleared) return;
    event.preventDefault();
    var channel = new MessageChannel();
    function signOut() { form.dataset.cleared = "1"; form.submit(); }
    channel.port1.onmessage = signOut;
    setTimeout(signOut, 3000);  // never keep a learner from signing out
    worker.postMessage({ type: "sign-out" }, [channel.port2]);
  });
})();
