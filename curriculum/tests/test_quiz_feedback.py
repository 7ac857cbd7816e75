"""Every answer choice in the curriculum explains itself to the learner who picks it.

Feedback on the choice a learner picked is what turns a wrong answer into a lesson, so
the source (English TOML) must have it for every choice of every question, in every
module's final quiz and in any knowledge check inside a lesson. Translations follow the
source through the catalogues, which the loader's tests check.
"""

import tempfile
import tomllib
from pathlib import Path

from django.test import SimpleTestCase

from curriculum.source import CONTENT_DIR


def quizzes(module):
    """(where, quiz table) for the module's final quiz and each knowledge check."""
    if "quiz" in module:
        yield "final quiz", module["quiz"]
    for lesson in module.get("lessons", []):
        for block in lesson.get("body", []):
            if block.get("type") == "quiz":
                yield f"lesson {lesson['slug']!r}, block {block.get('id')!r}", block["value"]


def choices_without_feedback(content_dir=CONTENT_DIR):
    """(how many choices were checked, a line for each choice that has no feedback)."""
    checked, missing = 0, []
    for path in sorted((content_dir / "modules").glob("*.toml")):
        module = tomllib.loads(path.read_text(encoding="utf-8"))
        for where, quiz in quizzes(module):
            for question in quiz.get("questions", []):
                for choice in question.get("choices", []):
                    checked += 1
                    if not str(choice.get("feedback", "")).strip():
                        missing.append(
                            f"{path.name}: {where}, question {question.get('id')!r}, "
                            f"choice {choice.get('id')!r} ({choice.get('text', '')!r})"
                        )
    return checked, missing


MODULE_WITH_A_SILENT_CHOICE = """
[[lessons]]
slug = "intro"
[[lessons.body]]
type = "quiz"
id = "check"
[lessons.body.value]
[[lessons.body.value.questions]]
id = "q1"
[[lessons.body.value.questions.choices]]
id = "q1-a"
text = "Yes"
feedback = "Right."
[[lessons.body.value.questions.choices]]
id = "q1-b"
text = "No"
feedback = "  "

[quiz]
[[quiz.questions]]
id = "q1"
[[quiz.questions.choices]]
id = "q1-a"
text = "Maybe"
"""


class QuizFeedbackTests(SimpleTestCase):
    def test_every_choice_of_every_quiz_question_in_the_curriculum_has_feedback(self):
        checked, missing = choices_without_feedback()
        self.assertGreater(checked, 0)
        self.assertEqual(missing, [], "Choices without feedback:\n" + "\n".join(missing))

    def test_the_check_finds_choices_without_feedback_in_lessons_and_final_quizzes(self):
        with tempfile.TemporaryDirectory() as folder:
            modules = Path(folder) / "modules"
            modules.mkdir()
            (modules / "sample.toml").write_text(MODULE_WITH_A_SILENT_CHOICE, encoding="utf-8")
            checked, missing = choices_without_feedback(Path(folder))
        self.assertEqual(checked, 3)
        self.assertEqual(
            missing,
            [
                "sample.toml: final quiz, question 'q1', choice 'q1-a' ('Maybe')",
                "sample.toml: lesson 'intro', block 'check', question 'q1', choice 'q1-b' ('No')",
            ],
        )
