"""Activity results from the learner's browser into the learner's progress.

The lesson page receives a result from the sandboxed player (checked there: the message
must come from that block's own frame and have the expected shape) and posts it here
with the learner's CSRF token. Nothing in it can be trusted, so the score is clamped to
[0, max], stored as self-reported, and refused for a lesson or block the learner cannot
see. It becomes a QuizAttempt of kind ACTIVITY, named by the lesson's translation_key
and the block id like a knowledge check, so it survives a language switch, appears
wherever attempts do (module page, My learning, class report) and moves from a
visitor's session into their account on sign-up with the rest of their progress.
Submissions are counted per learner (or address) in the shared cache and refused past
a limit, so a script cannot fill the records.
"""

import json
import math

from django.db import transaction
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.throttling import client_ip
from cms.rate_limits import count_in_window
from courses.models import LessonPage, ModulePage
from courses.models.progress import AttemptKind, CompletionSource
from courses.progress.records import progress_for
from courses.progress.rules import mark_lesson_done

MAX_BODY_BYTES = 1024
MAX_POINTS = 1000  # more than any H5P content type gives; max_score is a small integer
RESULTS_PER_WINDOW = 30
WINDOW_SECONDS = 10 * 60


class ResultError(Exception):
    pass


def _number(value):
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ResultError(_("This result is not a score."))
    return value


def parse_result(body):
    """(score, max) from the posted JSON, the score rounded and clamped to [0, max]."""
    if len(body) > MAX_BODY_BYTES:
        raise ResultError(_("This result is too large to be an activity score."))
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise ResultError(_("This result is not a score.")) from error
    if not isinstance(data, dict):
        raise ResultError(_("This result is not a score."))
    score, maximum = _number(data.get("score")), _number(data.get("max"))
    maximum = round(maximum)
    if not 1 <= maximum <= MAX_POINTS:
        raise ResultError(_("This result is not a score."))
    return min(max(round(score), 0), maximum), maximum


def _activity_block(lesson, block_id):
    for child in lesson.body:
        if child.block_type == "interactive_activity" and child.id == block_id:
            return child
    return None


def _rate_key(request):
    who = f"user:{request.user.pk}" if request.user.is_authenticated else client_ip(request)
    return f"h5p:results:{who}"


def _refuse(message, status=400):
    return JsonResponse({"message": message}, status=status)


@require_POST
def submit_result(request, page_id, block_id):
    """Record an activity's score (JSON {"score", "max"}) for the learner; answer JSON."""
    lesson = LessonPage.objects.live().public().filter(pk=page_id).first()
    block = _activity_block(lesson, block_id) if lesson is not None else None
    if block is None or block.value["activity"] is None:
        raise Http404
    if count_in_window(_rate_key(request), WINDOW_SECONDS) > RESULTS_PER_WINDOW:
        return _refuse(_("Too many results were sent. Wait a few minutes and try again."), 429)
    try:
        score, max_score = parse_result(request.body)
    except ResultError as error:
        return _refuse(str(error))

    pass_mark = block.value["pass_mark"]
    passed = 100 * score >= pass_mark * max_score
    counts = bool(block.value["counts_towards_completion"])
    progress = progress_for(request)
    module = ModulePage.objects.parent_of(lesson).first()
    with transaction.atomic():
        progress.add_attempt(
            page_key=lesson.translation_key,
            module_key=module.translation_key,
            quiz_id=block.id,
            kind=AttemptKind.ACTIVITY,
            answers={},
            score=score,
            max_score=max_score,
            pass_mark=pass_mark,
            passed=passed,
            self_reported=True,
        )
        if counts and passed:
            mark_lesson_done(progress, lesson, CompletionSource.ACTIVITY_PASSED)
    message = _("Your score: %(score)s of %(max)s. It is saved in My learning.") % {
        "score": score,
        "max": max_score,
    }
    if counts and passed:
        message += " " + _("You have finished this lesson.")
    return JsonResponse(
        {"message": message, "score": score, "max": max_score, "lesson_done": counts and passed}
    )
