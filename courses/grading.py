"""Reading and grading a quiz submission on the server.

The browser only ever sees question and choice ids; which choices are correct stays
here. A submission that could not come from the quiz's own form (unknown ids, answers
for another quiz, the same choice twice, two answers to a single-choice question, an
oversized body) is refused as a whole with SubmissionError, and nothing is recorded.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .blocks import QuestionKind

MAX_BODY_BYTES = 16 * 1024
QUESTION_PREFIX = "q-"
ALLOWED_FIELDS = {"csrfmiddlewaretoken", "quiz", "mode"}


class SubmissionError(Exception):
    """A submission that was tampered with or cannot be graded; the message is shown."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class QuestionResult:
    id: str
    question: object
    chosen: list
    correct: bool
    choices: list = field(default_factory=list)  # (choice id, choice value, chosen, correct)
    pre_test: "QuestionResult | None" = None  # the same question in the learner's pre-test

    @property
    def chosen_choices(self):
        return [choice for _id, choice, chosen, _correct in self.choices if chosen]


@dataclass
class GradeResult:
    score: int
    max_score: int
    pass_mark: int
    questions: list
    pre_test: "GradeResult | None" = None  # set by compare_with_pre_test

    @property
    def percent(self):
        return round(100 * self.score / self.max_score) if self.max_score else 0

    @property
    def passed(self):
        return self.max_score > 0 and 100 * self.score >= self.pass_mark * self.max_score

    def recorded_results(self):
        """What an attempt stores of this grading: {question id: {"answer", "correct"}}."""
        return {
            question.id: {"answer": list(question.chosen), "correct": question.correct}
            for question in self.questions
        }


def parse_submission(quiz, quiz_id, data, body_size=0):
    """The answers in a POST: {question id: [choice ids]} for the quiz `quiz` (a StructValue).

    `data` is a QueryDict. Raises SubmissionError for anything the quiz's form would not send.
    """
    if body_size > MAX_BODY_BYTES:
        raise SubmissionError(_("This answer is too large to be a quiz answer."))
    if data.get("quiz") != quiz_id or len(data.getlist("quiz")) != 1:
        raise SubmissionError(_("These answers belong to another quiz."))
    questions = {question.id: question.value for question in quiz["questions"].bound_blocks}
    answers = {}
    for name in data:
        if name in ALLOWED_FIELDS:
            continue
        question_id = name.removeprefix(QUESTION_PREFIX)
        if not name.startswith(QUESTION_PREFIX) or question_id not in questions:
            raise SubmissionError(_("This answer names a question that is not in the quiz."))
        question = questions[question_id]
        choice_ids = {choice.id for choice in question["choices"].bound_blocks}
        chosen = data.getlist(name)
        if any(choice_id not in choice_ids for choice_id in chosen):
            raise SubmissionError(_("This answer names a choice that is not in the question."))
        if len(set(chosen)) != len(chosen):
            raise SubmissionError(_("The same answer was sent twice."))
        if question["kind"] != QuestionKind.MULTIPLE and len(chosen) > 1:
            raise SubmissionError(_("Only one answer may be chosen for this question."))
        answers[question_id] = chosen
    return answers


def is_answered_right(chosen, correct_ids):
    """The grading rule: a question is right when every correct choice, and no other, is
    chosen. Used when an attempt is graded, and nowhere else: reports read the result
    each attempt recorded (QuizAttempt.results) instead of applying it again."""
    return bool(chosen) and set(chosen) == set(correct_ids)


def grade(quiz, answers):
    """Score one point per question answered exactly right (is_answered_right)."""
    results = []
    for question in quiz["questions"].bound_blocks:
        chosen = answers.get(question.id, [])
        choices = [
            (choice.id, choice.value, choice.id in chosen, bool(choice.value["is_correct"]))
            for choice in question.value["choices"].bound_blocks
        ]
        correct_ids = {choice_id for choice_id, _v, _c, is_correct in choices if is_correct}
        results.append(
            QuestionResult(
                id=question.id,
                question=question.value,
                chosen=chosen,
                correct=is_answered_right(chosen, correct_ids),
                choices=choices,
            )
        )
    return GradeResult(
        score=sum(1 for result in results if result.correct),
        max_score=len(results),
        pass_mark=int(quiz["pass_mark"] if quiz["pass_mark"] is not None else 70),
        questions=results,
    )


def as_recorded(quiz, attempt):
    """An earlier attempt's result as it was graded then.

    The quiz gives the wording and choices to show; whether each answer was right, and
    the score, come from what the attempt recorded (QuizAttempt.results), never from
    today's answer key. Only an attempt with nothing recorded (a visitor's session from
    before results were kept) is graded now.
    """
    result = grade(quiz, attempt.answers)
    if attempt.results:
        for question in result.questions:
            recorded = attempt.results.get(question.id)
            if recorded is not None:
                question.correct = recorded["correct"]
        result.score, result.max_score = attempt.score, attempt.max_score
        result.pass_mark = attempt.pass_mark
    return result


def compare_with_pre_test(result, pre_test):
    """Put each question of the pre-test beside the same question of `result`.

    The pre-test did not show the right answers (so that the final quiz still measures
    learning); the final quiz's result shows them, with what the learner chose before.
    """
    earlier = {question.id: question for question in pre_test.questions}
    for question in result.questions:
        question.pre_test = earlier.get(question.id)
    result.pre_test = pre_test
    return result
