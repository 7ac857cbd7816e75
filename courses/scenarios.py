"""Playing a "What would you do?" scenario (courses.blocks.ScenarioBlock).

A learner's way through a scenario is at most two choices: one of the situation's, then,
if that choice has a follow-up step, one of the follow-up's. The server reads them from
a form post (read_answer) or, when the lesson page is shown again after a post without
JavaScript, from the page's query string (play_state), and always checks them against
the block: ids the block does not have are refused, never guessed at.

Nothing here touches learner records; courses.views records a finished way through
(an Answer) as a scenario attempt (AttemptKind.SCENARIO).
"""

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Query string of the lesson page after a choice was posted without JavaScript.
SCENARIO_PARAM, CHOICE_PARAM, THEN_PARAM = "scenario", "choice", "then"
# The form's one-time key: a second post of the same form (a double click, two tabs
# sending at once) is the same attempt, and records nothing more.
ATTEMPT_FIELD = "attempt"
ATTEMPT_NAMESPACE = uuid.UUID("6f1d3c2e-8a4b-4f57-9c1e-2d7b5a0e9f31")
MAX_BODY_BYTES = 2 * 1024
ALLOWED_FIELDS = {"csrfmiddlewaretoken", ATTEMPT_FIELD, CHOICE_PARAM, THEN_PARAM}


class ScenarioError(Exception):
    """A post the scenario's own forms would not send; the message is shown."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Answer:
    """The learner's way through a scenario so far (bound blocks, with their ids)."""

    choice: object = None  # one of the situation's choices
    step: object = None  # that choice's follow-up step, if it has one
    then: object = None  # one of the follow-up step's choices

    @property
    def finished(self):
        return self.choice is not None and (self.step is None or self.then is not None)

    @property
    def best(self):
        """The best outcome: the way is finished and every choice on it is a best choice."""
        chosen = [block for block in (self.choice, self.then) if block is not None]
        return self.finished and all(block.value["is_best"] for block in chosen)

    def answers(self, scenario_id):
        """What a QuizAttempt keeps: {step id: [choice id]}, the situation's step being
        named by the scenario's own id."""
        answers = {scenario_id: [self.choice.id]}
        if self.then is not None:
            answers[self.step.id] = [self.then.id]
        return answers

    def results(self, scenario_id):
        """As QuizAttempt.results: a step is "correct" when a best choice was made."""
        results = {scenario_id: {"answer": [self.choice.id], "correct": self.choice_is_best}}
        if self.then is not None:
            results[self.step.id] = {
                "answer": [self.then.id],
                "correct": bool(self.then.value["is_best"]),
            }
        return results

    @property
    def choice_is_best(self):
        return bool(self.choice.value["is_best"])

    def query(self, scenario_id):
        """The lesson page's query string that shows this answer again."""
        params = {SCENARIO_PARAM: scenario_id, CHOICE_PARAM: self.choice.id}
        if self.then is not None:
            params[THEN_PARAM] = self.then.id
        return params


def _by_id(list_value, block_id):
    return next((child for child in list_value.bound_blocks if child.id == block_id), None)


def follow_up(choice):
    """The follow-up step of a first-level choice (a bound block), or None."""
    steps = choice.value.get("follow_up") or []
    return steps.bound_blocks[0] if len(steps) else None


def find_answer(scenario, choice_id, then_id):
    """The Answer these ids name in `scenario` (a StructValue), or None if it has none."""
    choice = _by_id(scenario["choices"], choice_id) if choice_id else None
    if choice is None:
        return None
    step = follow_up(choice)
    then = None
    if then_id:
        if step is None:
            return None
        then = _by_id(step.value["choices"], then_id)
        if then is None:
            return None
    return Answer(choice=choice, step=step, then=then)


def read_answer(scenario, data):
    """The Answer a POST (`data`, a QueryDict) makes, or ScenarioError."""
    if any(name not in ALLOWED_FIELDS for name in data) or any(
        len(data.getlist(name)) != 1 for name in data
    ):
        raise ScenarioError(_("This choice does not come from the scenario's form."))
    try:
        uuid.UUID(data.get(ATTEMPT_FIELD, ""))
    except ValueError:
        raise ScenarioError(
            _("Your choice could not be checked. Reload the page and try again.")
        ) from None
    answer = find_answer(scenario, data.get(CHOICE_PARAM), data.get(THEN_PARAM))
    if answer is None:
        raise ScenarioError(_("This choice is not one of the scenario's choices."))
    return answer


def find_scenario(lesson, scenario_id):
    """The scenario block (a StreamField child) with this id in a lesson's body, or None."""
    for child in lesson.body:
        if child.block_type == "scenario" and child.id == scenario_id:
            return child
    return None


def attempt_uid(user, attempt_key):
    """The QuizAttempt uid of one form post by `user`: the same for a post sent twice."""
    return uuid.uuid5(ATTEMPT_NAMESPACE, f"{user.pk}:{attempt_key}")


@dataclass
class PlayState:
    """What a scenario block shows: the answer so far and the keys for its forms."""

    scenario_id: str
    answer: Answer
    attempt_key: str  # for the form shown now
    next_attempt_key: str  # for "Try again" without reloading the page


def play_state(scenario, context):
    """The state a ScenarioBlock renders in, from its template context.

    The view that took a post puts its Answer in `scenario_answer`; a lesson page shown
    after a post without JavaScript carries the answer in its query string. Ids in the
    query string that the block does not have show the scenario from the start.
    """
    scenario_id = context.get("scenario_id") or ""
    answer = context.get("scenario_answer")
    request = context.get("request")
    if answer is None and request is not None and scenario_id:
        query = request.GET
        if query.get(SCENARIO_PARAM) == scenario_id:
            answer = find_answer(scenario, query.get(CHOICE_PARAM), query.get(THEN_PARAM))
    return PlayState(
        scenario_id=scenario_id,
        answer=answer or Answer(),
        attempt_key=str(uuid.uuid4()),
        next_attempt_key=str(uuid.uuid4()),
    )
