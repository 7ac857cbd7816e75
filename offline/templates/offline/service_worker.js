/* COP Learn's service worker (version {{ version }}).

   Pages come from the network when there is one, so nothing is ever older online than
   it would be without this worker. Without a connection, a page saved on the device
   (store.js) is shown, or else the offline page in the page's language, which lists
   what is saved. Only GET requests to this site are looked at; nothing else is sent
   anywhere. */
"use strict";
importScripts("{{ store_url|escapejs }}");

var LANGUAGES = [{% for code in languages %}"{{ code|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
var DEFAULT_LANGUAGE = "{{ default_language|escapejs }}";
var ESSENTIALS_MAX_AGE = 24 * 60 * 60 * 1000;
var REFRESH_EVERY = 15 * 60 * 1000;
var lastRefresh = 0;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function languageOf(url) {
  var first = url.pathname.split("/")[1];
  return LANGUAGES.indexOf(first) >= 0 ? first : DEFAULT_LANGUAGE;
}

/* A page of this language told us it is open, and that the network works. One visit
   at a time: two pages opened together must not write the same copies twice. */
var visiting = Promise.resolve();

async function visit(essentialsUrl, reconnected) {
  var language = languageOf(new URL(essentialsUrl, self.location.origin));
  var cache = await caches.open("cop-offline-essentials|" + language);
  var meta = await cache.match("/offline/__meta__");
  var age = meta ? Date.now() - (await meta.json()).saved_at : Infinity;
  if (age > ESSENTIALS_MAX_AGE) await OfflineStore.saveEssentials(essentialsUrl);
  if (reconnected || Date.now() - lastRefresh > REFRESH_EVERY) {
    lastRefresh = Date.now();
    // A connection that has just come back often fails the first requests: try again.
    for (var attempt = 0; attempt < 4; attempt++) {
      if (await OfflineStore.refreshAll()) break;
      await new Promise(function (resolve) { setTimeout(resolve, 2000); });
    }
  }
}

function visited(essentialsUrl, reconnected) {
  visiting = visiting.then(function () { return visit(essentialsUrl, reconnected); })
    .catch(function () {});
  return visiting;
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "visit" && data.essentials) {
    event.waitUntil(visited(data.essentials, !!data.reconnected));
  } else if (data.type === "sign-out") {
    var reply = event.ports[0];
    event.waitUntil(OfflineStore.clearPersonal().catch(function () {}).then(function () {
      if (reply) reply.postMessage("cleared");
    }));
  }
});

/* Keeps the copy of a help page current: Get help shows the country chosen last. */
async function keepEssential(url, response) {
  var cache = await caches.open("cop-offline-essentials|" + languageOf(url));
  var meta = await cache.match("/offline/__meta__");
  if (!meta) return;
  var pages = (await meta.json()).pages || [];
  if (pages.indexOf(url.pathname) < 0) return;
  if (url.search) response = await fetch(url.pathname, { credentials: "same-origin" });
  if (response.ok) await cache.put(url.pathname, response);
}

async function offlineAnswer(request, url) {
  var saved = await OfflineStore.lookup(request);
  if (saved) return saved;
  if (request.mode !== "navigate") return Response.error();
  var language = languageOf(url);
  var page = await OfflineStore.lookup(new Request("/" + language + "/offline/"));
  return page || OfflineStore.lookup(new Request("/" + DEFAULT_LANGUAGE + "/offline/"))
    .then(function (fallback) { return fallback || Response.error(); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/admin/") === 0) return;
  event.respondWith(fetch(request).then(function (response) {
    if (request.mode === "navigate" && response.ok) {
      event.waitUntil(keepEssential(url, response.clone()).catch(function () {}));
    }
    return response;
  }, function () {
    return offlineAnswer(request, url);
  }));
});
