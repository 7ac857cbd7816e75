"""Final quizzes test understanding: at least half their questions are short scenarios.

A question is a scenario when its author says so (`scenario = true` in the module's
TOML) and its wording shows it: a situation first ("Sam gets a message that..."), then
the question ("What should Sam do first?"). The flag keeps the count honest (a question
is not counted because it happens to have two sentences); the wording check keeps the
flag honest (a bare "What is 116 111?" cannot be flagged as a scenario).
"""

import importlib
import re
import tempfile
import tomllib
from pathlib import Path

from django.test import SimpleTestCase

from curriculum.source import CONTENT_DIR

# "Choose all that apply." after a multiple-choice question is an instruction, not part
# of the question.
INSTRUCTION = re.compile(r"\s*Choose all (the right answers|that apply)\.$")
SENTENCE_END = re.compile(r"(?<=[.:!])[\"”]?\s+")


def reads_as_a_scenario(text):
    """A situation in at least one sentence, then a question."""
    text = INSTRUCTION.sub("", text.strip())
    return text.endswith("?") and len(SENTENCE_END.split(text)) >= 2


def final_quiz_problems(content_dir=CONTENT_DIR):
    """(modules checked, a line for each final quiz or question that breaks the rule)."""
    checked, problems = 0, []
    for path in sorted((content_dir / "modules").glob("*.toml")):
        module = tomllib.loads(path.read_text(encoding="utf-8"))
        questions = module.get("quiz", {}).get("questions", [])
        if not questions:
            continue
        checked += 1
        flagged = [question for question in questions if question.get("scenario") is True]
        for question in flagged:
            if not reads_as_a_scenario(question.get("text", "")):
                problems.append(
                    f"{path.name}: question {question.get('id')!r} is flagged as a scenario "
                    f"but does not set a situation before asking: {question.get('text')!r}"
                )
        if 2 * len(flagged) < len(questions):
            problems.append(
                f"{path.name}: {len(flagged)} of {len(questions)} final-quiz questions are "
                "scenarios; at least half must be"
            )
    return checked, problems


class ScenarioQuestionTests(SimpleTestCase):
    def test_at_least_half_of_every_final_quiz_is_scenario_questions(self):
        checked, problems = final_quiz_problems()
        self.assertEqual(checked, len(list((CONTENT_DIR / "modules").glob("*.toml"))))
        self.assertEqual(problems, [], "\n".join(problems))

    def test_the_check_catches_too_few_scenarios_and_a_false_flag(self):
        module = """
[quiz]
[[quiz.questions]]
id = "q1"
text = "Sam gets a message asking for a photo. What should Sam do first?"
scenario = true
[[quiz.questions]]
id = "q2"
text = "What is 116 111?"
scenario = true
[[quiz.questions]]
id = "q3"
text = "Which of these is private information?"
"""
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "modules").mkdir()
            (Path(folder) / "modules" / "sample.toml").write_text(module, encoding="utf-8")
            checked, problems = final_quiz_problems(Path(folder))
        self.assertEqual(checked, 1)
        self.assertEqual(len(problems), 1)
        self.assertIn("'q2' is flagged as a scenario", problems[0])
        # Without the false flag, one scenario out of three is too few.
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "modules").mkdir()
            (Path(folder) / "modules" / "sample.toml").write_text(
                module.replace('text = "What is 116 111?"\nscenario = true', 'text = "Why?"'),
                encoding="utf-8",
            )
            _checked, problems = final_quiz_problems(Path(folder))
        self.assertEqual(
            problems,
            ["sample.toml: 1 of 3 final-quiz questions are scenarios; at least half must be"],
        )

    def test_the_wording_check(self):
        self.assertTrue(reads_as_a_scenario("A video pops up that scares you. What should you do?"))
        self.assertTrue(
            reads_as_a_scenario(
                "Your child has started playing a free game. Which of these are contract "
                "risks? Choose all that apply."
            )
        )
        self.assertTrue(
            reads_as_a_scenario('Someone says, "Don\'t tell your parents." What does this mean?')
        )
        self.assertFalse(reads_as_a_scenario("What is a child helpline?"))
        self.assertFalse(reads_as_a_scenario("Once you delete a post, nobody can see it."))


class RephrasedChoiceIdTests(SimpleTestCase):
    """The questions whose choice ids changed when they were rephrased (courses migration
    0009 maps old answers to them) still have the ids that mapping points to."""

    def test_rephrased_questions_have_the_new_ids_and_not_the_old_ones(self):
        migration = importlib.import_module("courses.migrations.0009_map_rephrased_quiz_choice_ids")
        for slug, (question_id, mapping) in migration.REPHRASED.items():
            path = CONTENT_DIR / "modules" / f"{slug}.toml"
            module = tomllib.loads(path.read_text(encoding="utf-8"))
            [question] = [q for q in module["quiz"]["questions"] if q["id"] == question_id]
            correct = {c["id"]: bool(c.get("correct")) for c in question["choices"]}
            for old, new in mapping.items():
                self.assertNotIn(old, correct, f"{slug} {question_id}")
                # The old "False" (it is not your fault) was right; its new id must be too.
                self.assertEqual(correct[new], old.endswith("-false"), f"{slug} {new}")
