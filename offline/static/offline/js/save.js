/* "Save for offline" on a learning path or module page. Shown only where a service
   worker can serve the saved copy; without JavaScript the page is as before. */
(function () {
  "use strict";
  var box = document.querySelector("[data-offline-save]");
  if (!box || !("serviceWorker" in navigator) || !window.caches || !window.OfflineStore) return;
  var language = document.documentElement.lang || "en";
  var saveButton = box.querySelector("[data-offline-action=save]");
  var removeButton = box.querySelector("[data-offline-action=remove]");
  var status = box.querySelector("[data-offline-status]");
  var progress = box.querySelector("[data-offline-progress]");
  var warning = box.querySelector("[data-offline-warning]");
  var manifest = null;

  function text(name, values) {
    var message = box.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { message = message.split("{" + key + "}").join(values[key]); });
    return message;
  }
  function size(bytes) {
    var megabytes = bytes >= 1e6;
    try {
      return new Intl.NumberFormat(language, {
        style: "unit", unit: megabytes ? "megabyte" : "kilobyte", maximumFractionDigits: 1
      }).format(megabytes ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3)));
    } catch (error) {
      return megabytes ? (bytes / 1e6).toFixed(1) + " MB" : Math.round(bytes / 1e3) + " kB";
    }
  }
  function percent(done, total) {
    var share = total ? done / total : 0;
    try { return new Intl.NumberFormat(language, { style: "percent" }).format(share); }
    catch (error) { return Math.round(share * 100) + "%"; }
  }
  function show(element, visible) { element.hidden = !visible; }

  async function render() {
    var meta = await OfflineStore.find(box.getAttribute("data-key"));
    show(removeButton, !!meta);
    if (meta) {
      status.textContent = text("saved", { size: size(meta.bytes) });
      saveButton.textContent = text("update");
      show(saveButton, !!manifest && manifest.version !== meta.version);
    } else {
      status.textContent = manifest ? text("size", { size: size(manifest.total_bytes) }) : "";
      saveButton.textContent = text("save");
      show(saveButton, !!manifest);
    }
  }

  async function roomFor(bytes) {
    if (!navigator.storage || !navigator.storage.estimate) return true;
    var estimate = await navigator.storage.estimate();
    var free = (estimate.quota || 0) - (estimate.usage || 0);
    if (free >= bytes * 1.2) return true;
    warning.textContent = text("space", { needed: size(bytes), free: size(Math.max(free, 0)) });
    show(warning, true);
    return false;
  }

  saveButton.addEventListener("click", async function () {
    if (!manifest) return;
    show(warning, false);
    if (!(await roomFor(manifest.total_bytes))) return;
    // Announced from now on, not on page load: the learner asked for this.
    status.setAttribute("aria-live", "polite");
    saveButton.disabled = true;
    progress.value = 0;
    show(progress, true);
    status.textContent = text("saving", { percent: percent(0, 1) });
    try {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      await OfflineStore.save(manifest, function (done, total) {
        progress.value = Math.round((100 * done) / total);
        status.textContent = text("saving", { percent: percent(done, total) });
      });
    } catch (error) {
      warning.textContent = text("failed");
      show(warning, true);
    }
    saveButton.disabled = false;
    show(progress, false);
    await render();
  });

  removeButton.addEventListener("click", async function () {
    status.setAttribute("aria-live", "polite");
    await OfflineStore.remove(box.getAttribute("data-key"));
    await render();
  });

  show(box, true);
  fetch(box.getAttribute("data-files"), { credentials: "same-origin", cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { manifest = data; }, function () { manifest = null; })
    .then(render);
})();
