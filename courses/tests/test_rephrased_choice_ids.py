"""Attempts made before four questions were rephrased read and grade with the new ids."""

import importlib
import uuid

import pytest
from django.apps import apps

from accounts.factories import ChildFactory
from courses.factories import ModulePageFactory, build_course_tree
from courses.grading import as_recorded
from courses.models import QuizAttempt

pytestmark = pytest.mark.django_db

migration = importlib.import_module("courses.migrations.0009_map_rephrased_quiz_choice_ids")


def who_is_responsible(choice_ids=("q2-a", "q2-b")):
    """being-kind-online's final quiz as it is now: q2 asks who is responsible."""
    texts = [
        ("The person who is bullying.", True),
        ("The child who is bullied, if they upset someone first.", False),
    ]
    pairs = zip(choice_ids, texts, strict=True)
    return [
        {
            "type": "quiz",
            "id": "final-quiz",
            "value": {
                "title": "",
                "pass_mark": 70,
                "questions": [
                    {
                        "type": "item",
                        "id": "q2",
                        "value": {
                            "kind": "single",
                            "text": "Someone bullies a child online. Who is responsible?",
                            "explanation": "",
                            "choices": [
                                {
                                    "type": "item",
                                    "id": choice_id,
                                    "value": {"text": text, "is_correct": right, "feedback": "."},
                                }
                                for choice_id, (text, right) in pairs
                            ],
                        },
                    }
                ],
            },
        }
    ]


def module_with_quiz(final_quiz, tree=None):
    tree = tree or build_course_tree(lesson_count=1)
    module = tree.module.specific
    module.slug = "being-kind-online"
    module.final_quiz = final_quiz
    module.save_revision().publish()
    return module


def old_attempt(module, answer, *, correct, regraded):
    return QuizAttempt.objects.create(
        uid=uuid.uuid4(),
        learner=ChildFactory(),
        page_key=module.translation_key,
        module_key=module.translation_key,
        quiz_id="final-quiz",
        kind="final",
        answers={"q2": [answer]},
        score=1 if correct else 0,
        max_score=1,
        pass_mark=70,
        passed=correct,
        results={"q2": {"answer": [answer], "correct": correct and not regraded}},
        results_regraded=regraded,
    )


def test_an_answer_regraded_with_the_new_key_is_read_again_and_counts_as_right():
    module = module_with_quiz(who_is_responsible())
    # "False" (it is not your fault) was right; 0008 graded it wrong with the new ids.
    attempt = old_attempt(module, "q2-false", correct=True, regraded=True)
    migration.map_rephrased_choice_ids(apps, None)
    attempt.refresh_from_db()
    assert attempt.answers == {"q2": ["q2-a"]}
    assert attempt.results == {"q2": {"answer": ["q2-a"], "correct": True}}
    assert (attempt.score, attempt.passed) == (1, True)


def test_an_answer_recorded_when_made_keeps_its_verdict_and_shows_the_new_choice():
    module = module_with_quiz(who_is_responsible())
    attempt = old_attempt(module, "q2-true", correct=False, regraded=False)
    migration.map_rephrased_choice_ids(apps, None)
    attempt.refresh_from_db()
    assert attempt.results == {"q2": {"answer": ["q2-b"], "correct": False}}
    result = as_recorded(module.final_quiz[0].value, attempt)
    [question] = result.questions
    assert [choice["text"] for choice in question.chosen_choices] == [
        "The child who is bullied, if they upset someone first."
    ]
    assert question.correct is False


def test_a_quiz_that_still_has_the_old_choices_is_left_alone():
    module = module_with_quiz(who_is_responsible(choice_ids=("q2-false", "q2-true")))
    attempt = old_attempt(module, "q2-false", correct=True, regraded=False)
    migration.map_rephrased_choice_ids(apps, None)
    attempt.refresh_from_db()
    assert attempt.answers == {"q2": ["q2-false"]}


def test_attempts_at_other_modules_and_new_ids_are_not_touched():
    tree = build_course_tree(lesson_count=1)
    module = module_with_quiz(who_is_responsible(), tree)
    new = old_attempt(module, "q2-a", correct=True, regraded=False)
    other = ModulePageFactory(parent=tree.path, final_quiz=who_is_responsible())
    elsewhere = old_attempt(other, "q2-false", correct=True, regraded=False)
    migration.map_rephrased_choice_ids(apps, None)
    new.refresh_from_db()
    elsewhere.refresh_from_db()
    assert new.answers == {"q2": ["q2-a"]}
    assert elsewhere.answers == {"q2": ["q2-false"]}
