"""Give attempts made before per-question results were stored their results, once.

Each is graded with the answer key of the day this runs (the only one known) and marked
`results_regraded`; its recorded score and pass are left as they were. From here on the
results are written when an attempt is graded, and nothing grades old answers again.
The grading rule is repeated here, on the stored JSON, so that this migration keeps
working whatever later happens to courses.grading.
"""

from django.conf import settings
from django.db import migrations

BATCH = 500


def _items(list_value):
    """A ListBlock's raw items, in the current ({"type": "item", "value": ...}) or the
    older (plain values) format."""
    for item in list_value or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id"), item["value"]
        else:
            yield None, item


def _quizzes(stream):
    return {
        child.get("id"): child.get("value") or {}
        for child in stream.raw_data
        if child.get("type") == "quiz"
    }


def _results(quiz, answers):
    results = {}
    for question_id, question in _items(quiz.get("questions")):
        if question_id is None:
            continue
        chosen = list(answers.get(question_id) or [])
        correct_ids = {
            choice_id
            for choice_id, choice in _items(question.get("choices"))
            if choice.get("is_correct")
        }
        results[question_id] = {
            "answer": chosen,
            "correct": bool(chosen) and set(chosen) == correct_ids,
        }
    return results


def record_results(apps, schema_editor):
    QuizAttempt = apps.get_model("courses", "QuizAttempt")
    LessonPage = apps.get_model("courses", "LessonPage")
    ModulePage = apps.get_model("courses", "ModulePage")
    pending = QuizAttempt.objects.filter(results={}, results_regraded=False)
    page_keys = set(pending.values_list("page_key", flat=True).distinct())
    if not page_keys:
        return
    # Quiz ids are the same in every language; where translations differ, the source
    # page (sorted last, so it wins) holds the answer key.
    source_language = settings.LANGUAGE_CODE
    quizzes = {}
    for model, field in ((LessonPage, "body"), (ModulePage, "final_quiz")):
        pages = model.objects.filter(translation_key__in=page_keys).select_related("locale")
        for page in sorted(pages, key=lambda p: p.locale.language_code == source_language):
            for quiz_id, quiz in _quizzes(getattr(page, field)).items():
                quizzes[(page.translation_key, quiz_id)] = quiz
    changed = []
    for attempt in pending.only("page_key", "quiz_id", "answers").iterator(chunk_size=BATCH):
        quiz = quizzes.get((attempt.page_key, attempt.quiz_id))
        if quiz is None:  # the quiz is gone: nothing to grade against
            continue
        attempt.results = _results(quiz, attempt.answers or {})
        attempt.results_regraded = True
        changed.append(attempt)
        if len(changed) >= BATCH:
            QuizAttempt.objects.bulk_update(changed, ["results", "results_regraded"])
            changed = []
    QuizAttempt.objects.bulk_update(changed, ["results", "results_regraded"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_add_quiz_attempt_results"),
    ]

    operations = [migrations.RunPython(record_results, migrations.RunPython.noop)]
