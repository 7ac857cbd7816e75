/* Quick exit: leave for a neutral site at once, leaving no Back entry to this page.
   Loaded synchronously in <head>, so it works before the rest of the page has loaded:
   the button (a plain link, which also works without JavaScript) and Esc pressed twice
   within a second both replace the page with location.replace. An Esc that another
   script has already used (preventDefault, e.g. to close a menu) does not count. */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-exit-url");
  if (!url) return;
  // Pages explain what holds with this script (Esc twice, no Back entry) only when it runs.
  document.documentElement.classList.add("quick-exit-scripted");
  var keyboard = window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)");
  var lastEscape = 0;
  function leave(event) {
    event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-quick-exit]")) leave(event);
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    if (event.defaultPrevented) return;  // this Esc closed something, e.g. a menu
    var now = Date.now();
    if (now - lastEscape < 1000) leave(event);
    lastEscape = now;
  }, true);

  // Explain quick exit once: on the first page a visitor sees with JavaScript on.
  // Only a flag in this browser's own storage remembers it; nothing is sent anywhere.
  var seenKey = "cop-learn-quick-exit-explained";
  document.addEventListener("DOMContentLoaded", function () {
    // Mention Esc on the button only where a keyboard is likely, not on a phone.
    if (keyboard && keyboard.matches) {
      var buttons = document.querySelectorAll("[data-quick-exit][data-keyboard-title]");
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].title = buttons[i].getAttribute("data-keyboard-title");
      }
    }
    var intro = document.querySelector("[data-quick-exit-intro]");
    if (!intro) return;
    try {
      if (window.localStorage.getItem(seenKey)) return;
      window.localStorage.setItem(seenKey, "1");
    } catch (error) {
      return;  // storage blocked: the Get help page still explains quick exit
    }
    intro.hidden = false;
    var dismiss = intro.querySelector("[data-quick-exit-dismiss]");
    if (dismiss) dismiss.addEventListener("click", function () { intro.hidden = true; });
  });
})();
