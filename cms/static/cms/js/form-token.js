// Pages served from the shared cache carry forms without a CSRF token (cms/page_cache.py):
// an empty field names where this browser's token comes from. It is fetched once, just
// before the first such form is sent. quiz.js, scenario.js and h5p/activity.js ask for
// it through copLearnFormToken before their own fetch. Without JavaScript, or if the fetch fails, the form goes as it
// is and the server answers with a fresh form to confirm.
(function () {
  "use strict";
  if (!window.fetch || !window.Promise) return;
  var pending = null;

  function fill(form) {
    var field = form.querySelector("input[data-form-token]");
    if (!field || field.value) return Promise.resolve();
    if (!pending) {
      pending = fetch(field.getAttribute("data-form-token"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("no token");
          return response.text();
        })
        .then(function (token) {
          var fields = document.querySelectorAll("input[data-form-token]");
          for (var i = 0; i < fields.length; i++) fields[i].value = token;
        })
        .catch(function (error) {
          pending = null;
          throw error;
        });
    }
    return pending;
  }
  window.copLearnFormToken = fill;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("[data-quiz-form], [data-scenario-form]")) return;
    var field = form.querySelector("input[data-form-token]");
    if (!field || field.value) return;
    event.preventDefault();
    var send = function () { form.submit(); };
    fill(form).then(send, send);
  });
})();
