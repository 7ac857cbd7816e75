"""Point attempts at the choice ids of four questions that were rephrased.

Four true/false questions of the starter curriculum asked a child to judge a
self-blaming statement ("If someone bullies you online, it is your fault"). They were
rephrased as "Who is responsible?" questions, and their choices changed ids: the wrong
"True" (`qN-true`) became the wrong `qN-b` ("the person targeted..."), the right
"False" (`qN-false`) became the right `qN-a` ("the person who bullies..."). Attempts
stored before then name choices the quiz no longer has, so their answers showed as
unanswered, and migration 0008 graded them wrong with the new key.

This maps those answers to the new ids, in `answers` and in `results`. Where the results
were worked out by 0008 (`results_regraded`), the rephrased question is graded again now
that its answer can be read; results recorded when the attempt was made keep the verdict
of that day. Scores are left as recorded. A question is only touched when its quiz still
has the new choices and no longer has the old ones, so an editor's later changes win.
"""

from django.db import migrations

# Module slug -> (question id, {old choice id: new choice id}), in the final quiz.
REPHRASED = {
    "balance-and-upsetting-content": ("q2", {"q2-true": "q2-b", "q2-false": "q2-a"}),
    "balance-wellbeing-and-getting-help": ("q3", {"q3-true": "q3-b", "q3-false": "q3-a"}),
    "being-kind-online": ("q2", {"q2-true": "q2-b", "q2-false": "q2-a"}),
    "relationships-and-pressure-online": ("q4", {"q4-true": "q4-b", "q4-false": "q4-a"}),
}
FINAL_QUIZ_FIELD = "final_quiz"
BATCH = 500


def _items(list_value):
    for item in list_value or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id"), item["value"]


def _question(page, question_id):
    """(quiz block id, question raw value) of `question_id` in the page's final quiz."""
    for child in getattr(page, FINAL_QUIZ_FIELD).raw_data:
        if child.get("type") != "quiz":
            continue
        for item_id, question in _items((child.get("value") or {}).get("questions")):
            if item_id == question_id:
                return child.get("id"), question
    return None, None


def map_answer(chosen, mapping):
    return [mapping.get(choice_id, choice_id) for choice_id in chosen or []]


def map_attempt(attempt, question_id, mapping, correct_ids):
    """Rewrite one attempt's answer to `question_id`; return whether anything changed."""
    chosen = (attempt.answers or {}).get(question_id)
    if not chosen or not set(chosen) & set(mapping):
        return False
    new_chosen = map_answer(chosen, mapping)
    attempt.answers = {**attempt.answers, question_id: new_chosen}
    recorded = (attempt.results or {}).get(question_id)
    if recorded is not None:
        correct = recorded.get("correct", False)
        if attempt.results_regraded:
            correct = bool(new_chosen) and set(new_chosen) == correct_ids
        attempt.results = {
            **attempt.results,
            question_id: {**recorded, "answer": new_chosen, "correct": correct},
        }
    return True


def map_rephrased_choice_ids(apps, schema_editor):
    QuizAttempt = apps.get_model("courses", "QuizAttempt")
    ModulePage = apps.get_model("courses", "ModulePage")
    targets = []  # (module translation key, quiz id, question id, mapping, correct ids)
    seen = set()
    for page in ModulePage.objects.filter(slug__in=REPHRASED).order_by("pk"):
        if page.translation_key in seen:
            continue
        question_id, mapping = REPHRASED[page.slug]
        quiz_id, question = _question(page, question_id)
        if question is None:
            continue
        choice_ids = {choice_id for choice_id, _choice in _items(question.get("choices"))}
        if set(mapping) & choice_ids or not set(mapping.values()) <= choice_ids:
            continue  # the quiz has changed since: leave its attempts alone
        correct_ids = {
            choice_id
            for choice_id, choice in _items(question.get("choices"))
            if choice.get("is_correct")
        }
        seen.add(page.translation_key)
        targets.append((page.translation_key, quiz_id, question_id, mapping, correct_ids))
    for module_key, quiz_id, question_id, mapping, correct_ids in targets:
        changed = []
        attempts = QuizAttempt.objects.filter(page_key=module_key, quiz_id=quiz_id)
        for attempt in attempts.iterator(chunk_size=BATCH):
            if map_attempt(attempt, question_id, mapping, correct_ids):
                changed.append(attempt)
            if len(changed) >= BATCH:
                QuizAttempt.objects.bulk_update(changed, ["answers", "results"])
                changed = []
        QuizAttempt.objects.bulk_update(changed, ["answers", "results"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_record_results_of_earlier_attempts"),
    ]

    operations = [migrations.RunPython(map_rephrased_choice_ids, migrations.RunPython.noop)]
