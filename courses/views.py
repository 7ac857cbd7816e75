"""Learner views: quiz submission, marking a lesson done, My learning, certificates.

Pages are found by id in the URL only to know which content the learner is on; what is
recorded names the content by translation_key (see courses.models.progress).
"""

from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from cms.pages_in_language import localized_pages, page_in_language

from . import dashboard
from .grading import (
    MAX_BODY_BYTES,
    SubmissionError,
    as_recorded,
    compare_with_pre_test,
    grade,
    parse_submission,
)
from .models import Certificate, LessonPage, ModulePage
from .models.progress import AttemptKind, CompletionSource
from .progress.context import next_step_after_final_quiz
from .progress.records import progress_for
from .progress.rules import (
    mark_lesson_done,
    pre_test_attempt,
    pre_test_available,
    update_completions,
)
from .quiz_order import quiz_key, start_next_attempt
from .scenarios import MAX_BODY_BYTES as MAX_SCENARIO_BODY_BYTES
from .scenarios import ScenarioError, attempt_uid, find_scenario, play_state, read_answer

# At most this many ticked choices per question come back on the confirmation page.
MAX_CHOICES_KEPT = 30


def _live_page(page_id, *types):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, types):
        raise Http404
    return page


def _csrf_failed(request):
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None


def _is_fetch(request):
    return request.headers.get("X-Requested-With") == "fetch"


def _bad_submission(request, page, message):
    context = {"page": page, "message": message}
    template = (
        "courses/includes/quiz_error.html" if _is_fetch(request) else "courses/quiz_error.html"
    )
    return HttpResponseBadRequest(render_to_string(template, context, request=request))


def _attempt_kind(request, page, progress):
    if isinstance(page, LessonPage):
        return AttemptKind.KNOWLEDGE_CHECK
    if request.POST.get("mode") != AttemptKind.PRE_TEST:
        return AttemptKind.FINAL
    if pre_test_available(progress, page):
        return AttemptKind.PRE_TEST
    raise SubmissionError(_("The pre-test can only be taken once, before the lessons."))


@csrf_exempt  # checked below, so that a missing token gets the quiz's own 400 answer
@require_http_methods(["GET", "POST"])
def submit_quiz(request, page_id, quiz_id):
    """Grade a quiz on the server, record the attempt and show the feedback.

    A pre-test's result keeps the right answers to itself; a final quiz's result puts
    the learner's pre-test answers beside the new ones and, once passed, shows the next
    step. Either way the next attempt shows the choices in a new order.

    A GET (e.g. the language menu on the result page) leads to the quiz's page.
    """
    page = _live_page(page_id, LessonPage, ModulePage)
    quiz = page.find_quiz(quiz_id)
    if quiz is None:
        raise Http404
    if request.method == "GET":
        return redirect(page.get_url(request))
    # A whole number: cms.middleware.ContentLengthMiddleware refuses any other.
    body_size = int(request.META.get("CONTENT_LENGTH") or 0)
    if body_size > MAX_BODY_BYTES:  # before parsing it
        return _bad_submission(request, page, _("This answer is too large to be a quiz answer."))
    if _csrf_failed(request):
        if _is_fetch(request):
            return _bad_submission(
                request,
                page,
                _("Your answers could not be checked. Reload the page and try again."),
            )
        return _confirm_quiz(request, page, quiz)
    progress = progress_for(request)
    try:
        answers = parse_submission(quiz.value, quiz.id, request.POST, body_size=body_size)
        kind = _attempt_kind(request, page, progress)
    except SubmissionError as error:
        return _bad_submission(request, page, error.message)

    result = grade(quiz.value, answers)
    module = page if isinstance(page, ModulePage) else ModulePage.objects.parent_of(page).first()
    context = {"page": page, "quiz": quiz, "result": result, "kind": kind, "module": module}
    # The attempt and the completions it earns (lesson, module, path, certificates) are
    # written together or not at all.
    with transaction.atomic():
        progress.add_attempt(
            page_key=page.translation_key,
            module_key=module.translation_key,
            quiz_id=quiz.id,
            kind=kind,
            answers=answers,
            score=result.score,
            max_score=result.max_score,
            pass_mark=result.pass_mark,
            passed=result.passed,
            results=result.recorded_results(),
        )
        if kind == AttemptKind.KNOWLEDGE_CHECK and result.passed:
            mark_lesson_done(progress, page, CompletionSource.QUIZ_PASSED)
        elif kind == AttemptKind.FINAL and result.passed:
            update_completions(progress, module)
    start_next_attempt(request, quiz_key(page, quiz.id))
    if kind == AttemptKind.FINAL:
        pre_test = pre_test_attempt(progress, module, quiz.id)
        if pre_test is not None:
            compare_with_pre_test(result, as_recorded(quiz.value, pre_test))
        if result.passed:
            context["next_step"] = next_step_after_final_quiz(progress, module, get_language())
    if _is_fetch(request):
        context["in_place"] = True  # under the quiz's own heading
        return render(request, "courses/includes/quiz_result.html", context)
    return render(request, "courses/quiz_result.html", context)


def _record_scenario_outcome(request, lesson, scenario_id, answer):
    """Record a finished way through a scenario, which counts as a knowledge check.

    A signed-in learner gets a scenario attempt (scored 1 of 1 for the best outcome,
    else 0), and the best outcome marks the lesson done as a passed knowledge check does. The
    attempt's uid comes from the form's one-time key, so a form posted twice (double
    click, two requests at once) is one attempt: the unique uid lets only one insert
    through. A visitor gets no new record and no new cookie: only one who already keeps
    progress in a session has the lesson marked done there, as a quiz would.
    """
    if not request.user.is_authenticated:
        if answer.best and request.session.session_key is not None:
            mark_lesson_done(progress_for(request), lesson, CompletionSource.QUIZ_PASSED)
        return
    progress = progress_for(request)
    module = ModulePage.objects.parent_of(lesson).first()
    with transaction.atomic():
        progress.add_attempt(
            uid=attempt_uid(request.user, request.POST["attempt"]),
            page_key=lesson.translation_key,
            module_key=module.translation_key,
            quiz_id=scenario_id,
            kind=AttemptKind.SCENARIO,
            answers=answer.answers(scenario_id),
            score=int(answer.best),
            max_score=1,
            pass_mark=100,
            passed=answer.best,
            results=answer.results(scenario_id),
        )
        if answer.best:
            mark_lesson_done(progress, lesson, CompletionSource.QUIZ_PASSED)


def _keeps_progress(request):
    """Whether a post can change anything kept for this visitor (an account or a session).

    A visitor with neither plays a scenario without any record (_record_scenario_outcome),
    so a post without a CSRF token, which is what the form on a page from the shared
    cache sends without JavaScript, can only show them what happens; nothing a forged
    post could abuse.
    """
    return request.user.is_authenticated or request.session.session_key is not None


@csrf_exempt  # checked below, so that a missing token gets a clear 400 answer
@require_http_methods(["GET", "POST"])
def play_scenario(request, page_id, scenario_id):
    """Take a choice in a "What would you do?" scenario and show what happens.

    Without JavaScript the learner goes back to the lesson, at the scenario, which
    shows the consequence and feedback from the query string; with JavaScript the
    scenario's new state comes back as HTML and replaces the old one in place. Either
    way a finished way through is recorded here (_record_scenario_outcome).

    A GET (e.g. a bookmarked address) leads to the scenario in its lesson.
    """
    lesson = _live_page(page_id, LessonPage)
    scenario = find_scenario(lesson, scenario_id)
    if scenario is None:
        raise Http404
    anchor = f"#scenario-{scenario.id}"
    if request.method == "GET":
        return redirect(lesson.get_url(request) + anchor)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_SCENARIO_BODY_BYTES:
        return _bad_submission(request, lesson, _("This is too large to be a choice."))
    if _csrf_failed(request) and _keeps_progress(request):
        return _bad_submission(
            request, lesson, _("Your choice could not be checked. Reload the page and try again.")
        )
    try:
        answer = read_answer(scenario.value, request.POST)
    except ScenarioError as error:
        return _bad_submission(request, lesson, error.message)
    if answer.finished:
        _record_scenario_outcome(request, lesson, scenario.id, answer)
    if _is_fetch(request):
        context = {
            "page": lesson,
            "value": scenario.value,
            "scenario_id": scenario.id,
            "scenario_answer": answer,
            "lesson_done": progress_for(request).has_lesson(lesson.translation_key),
        }
        context["play"] = play_state(scenario.value, context)
        return render(request, "courses/includes/scenario_play.html", context)
    outcome = "-then-outcome" if answer.then is not None else "-outcome"
    query = urlencode(answer.query(scenario.id))
    return redirect(f"{lesson.get_url(request)}?{query}{anchor}{outcome}")


def _confirm_quiz(request, page, quiz):
    """A post without a valid CSRF token: nothing is recorded; the quiz comes back to send.

    A lesson served from the shared cache has no token in its form (cms.page_cache);
    without JavaScript to fetch one, the first post lands here. This page is the
    learner's own (not cached) and carries their token, with the answers they chose
    ticked, so one more press sends them. A post forged by another site gets the same
    page and records nothing: only the learner, on this site, can send it on.
    """
    mode = request.POST.get("mode")
    context = {
        "page": page,
        "quiz": quiz,
        "quiz_mode": mode if mode == AttemptKind.PRE_TEST else None,
        "back_to_module": isinstance(page, ModulePage),
        "selected_choices": {
            value
            for name, values in request.POST.lists()
            if name.startswith("q-")
            for value in values[:MAX_CHOICES_KEPT]
        },
    }
    return render(request, "courses/quiz_confirm.html", context, status=403)


@csrf_exempt  # checked below, so that a missing token gets a form to confirm
@require_POST
def mark_done(request, page_id):
    """Record the lesson as done; a post without a valid CSRF token is asked to confirm.

    See _confirm_quiz: a lesson from the shared cache has no token in its form.
    """
    lesson = _live_page(page_id, LessonPage)
    if _csrf_failed(request):
        return render(request, "courses/mark_done_confirm.html", {"page": lesson}, status=403)
    mark_lesson_done(progress_for(request), lesson, CompletionSource.MARKED_DONE)
    return redirect(lesson.get_url(request) + "#lesson-progress")


def my_learning(request):
    progress = progress_for(request)
    context = dashboard.summarise(progress, get_language())
    context["is_saved"] = progress.is_saved
    return render(request, "courses/my_learning.html", context)


def _certificate_context(request, certificate):
    pages = localized_pages({str(certificate.content_key)}, get_language())
    page = page_in_language(pages, str(certificate.content_key), get_language())
    if page is None:
        raise Http404
    return {"certificate": certificate, "content": page}


def certificate(request, code):
    """The printable certificate: for its owner only (anyone else gets 404)."""
    if not request.user.is_authenticated:
        raise Http404
    certificate = get_object_or_404(Certificate, code=code, learner=request.user)
    context = _certificate_context(request, certificate)
    user = request.user
    context["learner_name"] = (
        getattr(user, "display_name", "") or user.get_full_name() or user.get_username()
    )
    context["verify_url"] = request.build_absolute_uri(
        reverse("courses:verify_certificate", args=[certificate.code])
    )
    return render(request, "courses/certificate.html", context)


def verify_certificate(request, code):
    """Public: confirms a certificate's title and date, and nothing about the learner."""
    certificate = Certificate.objects.filter(code=code.upper()).first()
    if certificate is None:
        return render(request, "courses/certificate_verify.html", {"code": code}, status=404)
    context = _certificate_context(request, certificate)
    return render(request, "courses/certificate_verify.html", context)
