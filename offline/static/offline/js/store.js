/* Saved copies of paths and modules, shared by the page (save.js, offline-page.js) and
   the service worker (importScripts). Everything lives in the browser's Cache Storage:

   - "cop-offline-save|<key>|<version>": one saved path or module, every page and file
     of one version. Its entry META (written last) says it is complete, and holds its
     title, language, size and where to ask for a newer version.
   - "cop-offline-essentials|<language>": the offline page and the help pages.

   A new version is downloaded whole into memory, then written to a new cache, and only
   then is the old one deleted: a saved copy never mixes two versions. */
var OfflineStore = (function () {
  "use strict";
  var SAVE = "cop-offline-save|";
  var ESSENTIALS = "cop-offline-essentials|";
  var META = "/offline/__meta__";
  var ASSET = /(?:src|href)="(\/(?:static|media)\/[^"#?]+)/g;

  function metaRequest() { return new Request(new URL(META, self.location.origin).href); }

  /* A stored copy: a plain response without the redirect flag, which the browser
     would refuse to use for a navigation. */
  async function download(url) {
    var response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    if (!response.ok) throw new Error(url + ": " + response.status);
    var body = await response.blob();
    var headers = new Headers();
    ["Content-Type", "Content-Language", "Content-Security-Policy"].forEach(function (name) {
      if (response.headers.has(name)) headers.set(name, response.headers.get(name));
    });
    return { url: url, bytes: body.size, response: new Response(body, { headers: headers }) };
  }

  async function downloadAll(urls, total, onProgress) {
    var copies = [], done = 0, next = 0;
    async function worker() {
      while (next < urls.length) {
        var copy = await download(urls[next++]);
        copies.push(copy);
        done += copy.bytes;
        if (onProgress) onProgress(Math.min(done, total || done), total || done);
      }
    }
    await Promise.all([worker(), worker(), worker()]);  // a few at a time on a slow line
    return copies;
  }

  async function write(name, copies, meta) {
    var cache = await caches.open(name);
    for (var i = 0; i < copies.length; i++) await cache.put(copies[i].url, copies[i].response);
    await cache.put(metaRequest(), new Response(JSON.stringify(meta), {
      headers: { "Content-Type": "application/json" }
    }));
  }

  async function deleteOthers(prefix, keep) {
    var names = await caches.keys();
    await Promise.all(names.filter(function (name) {
      return name.indexOf(prefix) === 0 && name !== keep;
    }).map(function (name) { return caches.delete(name); }));
  }

  /* Saves the path or module described by `manifest` (from the saved_files view). */
  async function save(manifest, onProgress) {
    var name = SAVE + manifest.key + "|" + manifest.version;
    var existing = await caches.open(name).then(function (cache) { return cache.match(metaRequest()); });
    if (existing) return existing.json();
    var urls = manifest.files.map(function (file) { return file.url; });
    var copies = await downloadAll(urls, manifest.total_bytes, onProgress);
    var meta = {
      key: manifest.key,
      title: manifest.title,
      url: manifest.url,
      language: manifest.language,
      version: manifest.version,
      manifest_url: manifest.manifest_url,
      pages: manifest.pages.map(function (page) { return page.url; }),
      personal: !!manifest.personal,
      bytes: copies.reduce(function (sum, copy) { return sum + copy.bytes; }, 0),
      saved_at: Date.now()
    };
    await write(name, copies, meta);
    await deleteOthers(SAVE + manifest.key + "|", name);
    return meta;
  }

  /* The complete saved copies, the newest of each path or module, with their caches. */
  async function saved() {
    var names = (await caches.keys()).filter(function (name) { return name.indexOf(SAVE) === 0; });
    var newest = {};
    for (var i = 0; i < names.length; i++) {
      var cache = await caches.open(names[i]);
      var found = await cache.match(metaRequest());
      if (!found) continue;  // still being written
      var meta = await found.json();
      meta.cache = names[i];
      if (!newest[meta.key] || newest[meta.key].saved_at < meta.saved_at) newest[meta.key] = meta;
    }
    return Object.keys(newest).map(function (key) { return newest[key]; });
  }

  async function find(key) {
    var all = await saved();
    return all.filter(function (meta) { return meta.key === key; })[0] || null;
  }

  async function remove(key) { await deleteOthers(SAVE + key + "|", null); }

  /* A stored copy of `request`: from a saved path or module, else from the essentials. */
  async function lookup(request) {
    var all = await saved();
    var names = all.map(function (meta) { return meta.cache; });
    var more = (await caches.keys()).filter(function (name) { return name.indexOf(ESSENTIALS) === 0; });
    names = names.concat(more);
    for (var i = 0; i < names.length; i++) {
      var cache = await caches.open(names[i]);
      var found = await cache.match(request, { ignoreVary: true });
      if (found) return found;
    }
    return null;
  }

  /* Asks the server for each saved copy's current version; downloads a changed one whole
     before replacing it, removes one the learner may no longer see. False when the
     network failed before every copy was checked. */
  async function refreshAll() {
    var all = await saved();
    for (var i = 0; i < all.length; i++) {
      var meta = all[i];
      var response;
      try {
        response = await fetch(meta.manifest_url, { credentials: "same-origin", cache: "no-store" });
      } catch (error) {
        return false;  // offline again: try on the next connection
      }
      if (response.status === 404) { await remove(meta.key); continue; }
      if (!response.ok) continue;
      var manifest = await response.json();
      if (manifest.version !== meta.version) {
        try { await save(manifest); } catch (error) { /* keep the old copy whole */ }
      }
    }
    return true;
  }

  /* The offline page and help pages of a language, and the files they use. Kept up to
     date on every visit: the chosen country changes what Get help shows. */
  async function saveEssentials(url) {
    var list = await (await fetch(url, { credentials: "same-origin", cache: "no-store" })).json();
    var copies = await downloadAll(list.pages);
    var assets = [];
    for (var i = 0; i < copies.length; i++) {
      var html = await copies[i].response.clone().text();
      var match;
      ASSET.lastIndex = 0;
      while ((match = ASSET.exec(html))) if (assets.indexOf(match[1]) < 0) assets.push(match[1]);
    }
    copies = copies.concat(await downloadAll(assets));
    var name = ESSENTIALS + list.language;
    await write(name, copies, { language: list.language, pages: list.pages, saved_at: Date.now() });
  }

  async function essentialsSaved(language) {
    var cache = await caches.open(ESSENTIALS + language);
    return !!(await cache.match(metaRequest()));
  }

  /* Signing out on a shared phone: forgets the copies saved while signed in (they show
     that learner's progress) and the help pages (kept with their account links); the
     next visit keeps the help pages again. Copies saved signed out stay. */
  async function clearPersonal() {
    var all = await saved();
    var names = all.filter(function (meta) { return meta.personal; })
      .map(function (meta) { return meta.key; });
    for (var i = 0; i < names.length; i++) await remove(names[i]);
    var essentials = (await caches.keys()).filter(function (name) { return name.indexOf(ESSENTIALS) === 0; });
    await Promise.all(essentials.map(function (name) { return caches.delete(name); }));
  }

  return {
    save: save, saved: saved, find: find, remove: remove, lookup: lookup, clearPersonal: clearPersonal,
    refreshAll: refreshAll, saveEssentials: saveEssentials, essentialsSaved: essentialsSaved
  };
})();
