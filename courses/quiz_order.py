"""The order in which a quiz shows its answer choices: shuffled on the server, per attempt.

Editors tend to write the right answer first, so a quiz shown in the written order can
be passed by position. Each attempt therefore gets its own order, which the server
computes from a seed; grading goes by choice id (courses.grading) and never looks at
positions, so the order cannot change a score.

The seed is a keyed hash of three things the browser already sends, so showing a quiz
writes nothing and needs no JavaScript:
- the browser's CSRF secret: two learners, or two browsers, see different orders. Not
  for an anonymous visitor without a session: their page is the one the shared cache
  serves to everyone (cms.page_cache), so until their first recorded attempt starts a
  session they all see one shuffled order, the same after a refused submission;
- the quiz (its page's translation_key and block id, the same in every language): a
  learner who switches language mid-attempt keeps the order they were reading;
- how many times this browser has submitted the quiz (a small counter in the session,
  raised when an attempt is recorded): a new attempt gets a new order, while reloading
  the page, coming back after a refused submission or switching language does not.
"""

import hashlib
import hmac

from django.conf import settings
from django.middleware.csrf import get_token

from cms.page_cache import visitor_has_no_session

SESSION_KEY = "quiz_rounds"


def quiz_key(page, quiz_id):
    """Names a quiz the same way in all six translations of its page."""
    return f"{page.translation_key}:{quiz_id}"


def attempt_seed(request, key):
    """The seed of the learner's current attempt at the quiz `key` (see the module doc)."""
    if visitor_has_no_session(request):
        browser = "everyone"
    else:
        get_token(request)  # makes sure the browser has a CSRF secret (and gets it back)
        browser = request.META["CSRF_COOKIE"]
    session = getattr(request, "session", None) or {}  # none outside the middleware
    round_number = session.get(SESSION_KEY, {}).get(key, 0)
    message = f"{browser}:{key}:{round_number}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def start_next_attempt(request, key):
    """After a recorded attempt: the next time the quiz is shown, it is in a new order."""
    rounds = dict(request.session.get(SESSION_KEY, {}))
    rounds[key] = rounds.get(key, 0) + 1
    request.session[SESSION_KEY] = rounds


def choice_position(seed, question_id, choice_id):
    """A choice's sort key in the attempt with this seed: the same in every language."""
    return hashlib.sha256(f"{seed}:{question_id}:{choice_id}".encode()).digest()
