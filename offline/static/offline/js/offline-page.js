/* The offline page lists what this device has saved, from the browser's own storage. */
(function () {
  "use strict";
  var list = document.querySelector("[data-saved-list]");
  var empty = document.querySelector("[data-saved-empty]");
  if (!list || !window.caches || !window.OfflineStore) return;
  OfflineStore.saved().then(function (all) {
    all.sort(function (a, b) { return a.title.localeCompare(b.title); });
    all.forEach(function (meta) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = meta.url;
      link.textContent = meta.title;
      link.lang = meta.language;
      link.dir = "auto";
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = all.length === 0;
    empty.hidden = all.length > 0;
  });
})();
