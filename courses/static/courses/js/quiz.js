// Quizzes submit in place: the form is sent with fetch and the server's feedback
// (HTML, already translated) appears under it. Without JavaScript the form posts
// normally and the server answers with a result page.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-quiz-form]") || !form.action) return;
    var result = form.parentElement.querySelector("[data-quiz-result]");
    if (!result) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    // A quiz on a page from the shared cache first gets this browser's CSRF token
    // (cms/js/form-token.js); if that fails, the form posts normally.
    var ready = window.copLearnFormToken ? window.copLearnFormToken(form) : Promise.resolve();
    ready
      .then(function () {
        return fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { "X-Requested-With": "fetch" },
        });
      })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        result.innerHTML = html;
        result.focus();
      })
      .catch(function () { form.submit(); })
      .finally(function () { if (button) button.disabled = false; });
  });
})();
