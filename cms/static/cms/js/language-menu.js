/* Menus in the header (the language menu) are <details> elements, so they open and work
   with JavaScript off. This makes an open menu behave like a menu: Esc closes it and
   puts focus back on its summary; a click or tap outside it, or focus moving out of it,
   closes it. The Esc that closes a menu is marked as used (preventDefault), and
   quick-exit.js does not count a used Esc, so closing a menu never starts Quick exit. */
(function () {
  "use strict";
  var menus = Array.prototype.slice.call(document.querySelectorAll("details[data-menu]"));
  if (!menus.length) return;

  function openMenus() {
    return menus.filter(function (menu) { return menu.open; });
  }

  menus.forEach(function (menu) {
    // A click on the menu's own text focuses the menu, so it does not count as leaving.
    var panel = menu.querySelector("summary + *");
    if (panel) panel.tabIndex = -1;
    menu.addEventListener("focusout", function (event) {
      if (menu.open && !menu.contains(event.relatedTarget)) menu.open = false;
    });
  });

  document.addEventListener("pointerdown", function (event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });

  // On window, in the capture phase: before quick-exit.js sees the key on document.
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var open = openMenus();
    if (!open.length) return;
    event.preventDefault();
    open.forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  }, true);
})();
