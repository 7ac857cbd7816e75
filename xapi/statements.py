"""xAPI statements for learner records: lesson completed, quiz answered, module completed.

Actors are pseudonymous: an account on this platform whose name is an opaque code
derived from the user id with the site's secret (stable, so an LRS can follow one
learner's progress, but meaningless outside this platform). No name, email or age goes
out. Activities are named by the content's translation_key, shared by its six
translations, with their titles in every language as the language map.
"""

import uuid

from django.conf import settings
from django.utils.crypto import salted_hmac
from wagtail.models import Page

XAPI_VERSION = "1.0.3"
VERBS = {
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "completed"),
    "answered": ("http://adlnet.gov/expapi/verbs/answered", "answered"),
}
LESSON = "http://adlnet.gov/expapi/activities/lesson"
MODULE = "http://adlnet.gov/expapi/activities/module"
COURSE = "http://adlnet.gov/expapi/activities/course"
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def language_tag(code):
    """Wagtail's language codes as RFC 5646 tags (zh-hans -> zh-Hans)."""
    language, _, script = code.partition("-")
    return f"{language}-{script.title()}" if script else language


def actor(user_id):
    digest = salted_hmac("xapi.actor", str(user_id), algorithm="sha256").hexdigest()
    return {
        "objectType": "Agent",
        "account": {"homePage": base_url() + "/", "name": digest[:32]},
    }


def _titles(keys):
    """{translation_key: {language tag: title}} of the live pages with these keys."""
    titles = {}
    pages = (
        Page.objects.filter(translation_key__in=keys, live=True)
        .select_related("locale")
        .only("title", "translation_key", "locale__language_code")
    )
    for page in pages:
        titles.setdefault(str(page.translation_key), {})[
            language_tag(page.locale.language_code)
        ] = page.title
    return titles


def activity(key, kind, titles, suffix=""):
    key = str(key)
    definition = {"type": kind}
    if titles.get(key):
        definition["name"] = titles[key]
    return {
        "objectType": "Activity",
        "id": f"{base_url()}/xapi/activities/{key}{suffix}",
        "definition": definition,
    }


def _statement(user_id, verb, obj, timestamp, parent=None, result=None):
    verb_id, verb_name = VERBS[verb]
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor(user_id),
        "verb": {"id": verb_id, "display": {"en": verb_name}},
        "object": obj,
        "timestamp": timestamp.isoformat(),
        "context": {"platform": settings.WAGTAIL_SITE_NAME},
    }
    if parent is not None:
        statement["context"]["contextActivities"] = {"parent": [parent]}
    if result is not None:
        statement["result"] = result
    return statement


def lesson_completed(completion):
    titles = _titles([completion.lesson_key, completion.module_key])
    return _statement(
        completion.learner_id,
        "completed",
        activity(completion.lesson_key, LESSON, titles),
        completion.created,
        parent=activity(completion.module_key, MODULE, titles),
        result={"completion": True},
    )


def quiz_answered(attempt):
    titles = _titles([attempt.page_key, attempt.module_key])
    quiz = activity(attempt.page_key, ASSESSMENT, titles, suffix=f"/quizzes/{attempt.quiz_id}")
    scaled = round(attempt.score / attempt.max_score, 4) if attempt.max_score else 0
    return _statement(
        attempt.learner_id,
        "answered",
        quiz,
        attempt.created,
        parent=activity(attempt.module_key, MODULE, titles),
        result={
            "score": {"raw": attempt.score, "min": 0, "max": attempt.max_score, "scaled": scaled},
            "success": bool(attempt.passed),
            "completion": True,
        },
    )


def module_completed(completion):
    titles = _titles([completion.module_key, completion.path_key])
    return _statement(
        completion.learner_id,
        "completed",
        activity(completion.module_key, MODULE, titles),
        completion.created,
        parent=activity(completion.path_key, COURSE, titles),
        result={"completion": True},
    )
