"""Per-question results stored on each attempt and read by the class report, the one
completion rule, and completions written all together or not at all."""

import ast
import importlib
import pathlib
import uuid

import pytest
from django.apps import apps

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment
from classrooms.report import class_report
from courses.factories import build_course_tree, quiz_answers
from courses.models import (
    Certificate,
    LessonCompletion,
    ModuleCompletion,
    PathCompletion,
    QuizAttempt,
)
from courses.progress.records import DatabaseProgress, merge_session_progress
from courses.progress.rules import ModuleSteps

pytestmark = pytest.mark.django_db


def final_url(module):
    return f"/en/learn/quizzes/{module.pk}/final/"


def test_an_attempt_records_each_answer_and_whether_it_was_right(client):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    client.force_login(ChildFactory())
    client.post(final_url(tree.module), quiz_answers("final", {"q1": ["b"]}))
    attempt = QuizAttempt.objects.get()
    assert attempt.results == {
        "final-q1": {"answer": ["final-q1-b"], "correct": False},
        "final-q2": {"answer": ["final-q2-a", "final-q2-c"], "correct": True},
        "final-q3": {"answer": ["final-q3-b"], "correct": True},
    }
    assert attempt.results_regraded is False


def test_an_anonymous_attempt_keeps_its_results_when_merged_into_an_account(client):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    client.post(final_url(tree.module), quiz_answers("final", {"q3": ["a"]}))
    user = ChildFactory()
    merge_session_progress(client.session, user)
    attempt = QuizAttempt.objects.get(learner=user)
    assert attempt.results["final-q3"] == {"answer": ["final-q3-a"], "correct": False}


def test_changing_a_correct_answer_keeps_past_results_and_grades_new_attempts_anew(client):
    """Past attempts keep their recorded score and results, and the class report shows
    what was recorded; attempts after the change are graded with the new key."""
    tree = build_course_tree(lesson_count=1, quizzes=True)
    school_class = class_taught_by(EducatorFactory())
    pupil = add_pupil(school_class, ChildFactory())
    Assignment.objects.create(
        school_class=school_class, kind="module", content_key=tree.module.translation_key
    )
    client.force_login(pupil)
    client.post(final_url(tree.module), quiz_answers("final"))  # all right
    before = QuizAttempt.objects.get()
    assert before.score == 3

    # The editor decides the favourite colour (b), not the address (a), is right.
    module = tree.module.specific
    choices = module.final_quiz[0].value["questions"][0]["choices"]
    choices[0]["is_correct"], choices[1]["is_correct"] = False, True
    module.save_revision().publish()

    before.refresh_from_db()
    assert before.score == 3 and before.passed
    assert before.results["final-q1"]["correct"] is True
    report = class_report(school_class)
    assert report.hardest == []
    assert report.rows[0].cells[0].best_score == 100

    client.post(final_url(tree.module), quiz_answers("final"))  # same answers, new key
    after = QuizAttempt.objects.exclude(pk=before.pk).get()
    assert after.score == 2
    assert after.results["final-q1"] == {"answer": ["final-q1-a"], "correct": False}
    report = class_report(school_class)
    assert [(row["answered"], row["wrong"]) for row in report.hardest] == [(2, 1)]
    assert report.rows[0].cells[0].best_score == 100


def test_the_pre_test_beside_a_final_quiz_shows_what_was_recorded(client):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    client.force_login(ChildFactory())
    client.post(final_url(tree.module), {**quiz_answers("final"), "mode": "pre_test"})
    module = tree.module.specific
    choices = module.final_quiz[0].value["questions"][0]["choices"]
    choices[0]["is_correct"], choices[1]["is_correct"] = False, True
    module.save_revision().publish()
    response = client.post(final_url(tree.module), quiz_answers("final"))
    pre_test = response.context["result"].pre_test
    assert (pre_test.score, pre_test.questions[0].correct) == (3, True)
    assert response.context["result"].score == 2


def test_earlier_attempts_get_results_once_graded_with_the_current_key():
    tree = build_course_tree(lesson_count=1, quizzes=True)
    learner = ChildFactory()
    fields = {"learner": learner, "page_key": tree.module.translation_key}
    fields |= {"module_key": tree.module.translation_key, "kind": "final", "pass_mark": 70}
    old = QuizAttempt.objects.create(
        uid=uuid.uuid4(),
        quiz_id="final",
        answers={"final-q1": ["final-q1-b"], "final-q2": ["final-q2-a", "final-q2-c"]},
        score=1,  # as recorded then: kept
        max_score=3,
        passed=False,
        **fields,
    )
    gone = QuizAttempt.objects.create(
        uid=uuid.uuid4(),
        quiz_id="removed",
        answers={},
        score=0,
        max_score=3,
        passed=False,
        **fields,
    )
    migration = importlib.import_module(
        "courses.migrations.0008_record_results_of_earlier_attempts"
    )
    migration.record_results(apps, None)
    old.refresh_from_db()
    gone.refresh_from_db()
    assert old.results_regraded is True
    assert old.score == 1
    assert old.results == {
        "final-q1": {"answer": ["final-q1-b"], "correct": False},
        "final-q2": {"answer": ["final-q2-a", "final-q2-c"], "correct": True},
        "final-q3": {"answer": [], "correct": False},
    }
    assert gone.results == {} and gone.results_regraded is False


def test_module_steps_are_lessons_and_final_quiz():
    steps = ModuleSteps(frozenset({"a", "b"}), has_final_quiz=True)
    assert steps.total == 3
    assert steps.done({"a"}, final_passed=True) == 2
    assert not steps.is_complete({"a", "b"}, final_passed=False)
    assert steps.is_complete({"a", "b", "elsewhere"}, final_passed=True)
    assert steps.done(set(), final_passed=False, completed=True) == 3
    assert not ModuleSteps(frozenset(), has_final_quiz=False).is_complete(set(), True)


def test_content_models_do_not_import_learner_progress():
    models = pathlib.Path(__file__).resolve().parents[1] / "courses" / "models"
    for source in models.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert "progress" not in (node.module or "").split(".")[:2] or (
                    node.module == "progress" and node.level == 1
                ), f"{source.name} imports {node.module}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failure_after_a_passed_final_quiz_leaves_nothing_half_written(client, monkeypatch):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    learner = ChildFactory()
    LessonCompletion.objects.create(
        learner=learner,
        lesson_key=tree.lessons[0].translation_key,
        module_key=tree.module.translation_key,
        source="marked_done",
    )

    def fail(self, path_key):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(DatabaseProgress, "complete_path", fail)
    client.force_login(learner)
    with pytest.raises(RuntimeError):
        client.post(final_url(tree.module), quiz_answers("final"))
    assert not QuizAttempt.objects.exists()
    assert not ModuleCompletion.objects.exists()
    assert not Certificate.objects.exists()

    monkeypatch.undo()
    client.post(final_url(tree.module), quiz_answers("final"))
    assert QuizAttempt.objects.count() == 1
    assert ModuleCompletion.objects.count() == PathCompletion.objects.count() == 1
    assert Certificate.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failure_after_marking_a_lesson_done_leaves_nothing_half_written(client, monkeypatch):
    tree = build_course_tree(lesson_count=1)
    learner = ChildFactory()

    def fail(self, path_key):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(DatabaseProgress, "complete_path", fail)
    client.force_login(learner)
    with pytest.raises(RuntimeError):
        client.post(f"/en/learn/lessons/{tree.lessons[0].pk}/done/")
    assert not LessonCompletion.objects.exists()
    assert not ModuleCompletion.objects.exists()
    assert not Certificate.objects.exists()
