// "What would you do?" scenarios play in place: the choice is posted with fetch, the
// server records it as it would a normal post and sends the scenario's new state
// (HTML, already translated), which replaces the old one; focus moves to what happened.
// Without JavaScript the form posts and the lesson comes back at the outcome.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;
  var fresh = new WeakMap(); // each scenario's first state, for "Try again"

  function focusLast(body, selector) {
    var targets = body.querySelectorAll(selector);
    var target = targets[targets.length - 1];
    if (target) target.focus();
  }

  document.querySelectorAll("[data-scenario-body]").forEach(function (body) {
    // Only a scenario shown from its start (not an outcome the address asked for).
    if (body.querySelector("button[name=choice]")) fresh.set(body, body.innerHTML);
  });

  function enable(buttons, on) {
    buttons.forEach(function (button) { button.disabled = !on; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-scenario-form]") || !form.action) return;
    var body = form.closest("[data-scenario-body]");
    if (!body) return;
    event.preventDefault();
    var submitter = event.submitter;
    var buttons = form.querySelectorAll("button");
    enable(buttons, false);
    // On a page from the shared cache the form first gets this browser's CSRF token
    // (cms/js/form-token.js); if that fails, the post goes without it.
    var ready = window.copLearnFormToken ? window.copLearnFormToken(form) : Promise.resolve();
    ready
      .catch(function () {})
      .then(function () {
        var data = new FormData(form);
        if (submitter && submitter.name) data.append(submitter.name, submitter.value);
        return fetch(form.action, {
          method: "POST",
          body: data,
          credentials: "same-origin",
          headers: { "X-Requested-With": "fetch" },
        });
      })
      .then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      })
      .then(function (reply) {
        if (reply.ok) {
          body.innerHTML = reply.html;
          focusLast(body, "[data-scenario-outcome]");
          return;
        }
        // Refused (the error says why, in the page's language): the choices stay.
        var old = body.querySelector("[data-scenario-error]");
        if (old) old.remove();
        var error = document.createElement("div");
        error.setAttribute("data-scenario-error", "");
        error.innerHTML = reply.html;
        body.insertBefore(error, body.firstChild);
        enable(buttons, true);
      })
      .catch(function () {
        // No answer (e.g. the connection dropped): post the form the ordinary way.
        if (submitter && submitter.name) {
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = submitter.name;
          field.value = submitter.value;
          form.appendChild(field);
        }
        form.submit();
      });
  });

  document.addEventListener("click", function (event) {
    var again = event.target.closest("[data-scenario-again]");
    if (!again) return;
    var body = again.closest("[data-scenario-body]");
    if (!body || !fresh.has(body)) return;
    event.preventDefault();
    body.innerHTML = fresh.get(body);
    // A new attempt gets a new one-time key, given by the server with the outcome.
    body.querySelectorAll("input[name=attempt]").forEach(function (input) {
      input.value = again.getAttribute("data-attempt");
    });
    var first = body.querySelector("button");
    if (first) first.focus();
  });
})();
