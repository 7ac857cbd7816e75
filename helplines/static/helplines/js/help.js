/* Counts uses of a helpline contact link, anonymously: only the helpline and the
   channel are sent, by sendBeacon, so the call or message is never delayed.
   Without JavaScript the links work just the same and nothing is counted. */
(function () {
  "use strict";
  if (!navigator.sendBeacon || !window.URLSearchParams) return;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-count-channel]");
    var section = link && link.closest("[data-count-url]");
    if (!section) return;
    var data = new URLSearchParams();
    data.append("helpline", link.getAttribute("data-helpline"));
    data.append("channel", link.getAttribute("data-count-channel"));
    navigator.sendBeacon(section.getAttribute("data-count-url"), data);
  });
})();
