"""The curriculum files' lesson-plan fields become ModulePage field values."""

import tomllib

from curriculum.source import CONTENT_DIR, lesson_plan_fields


def test_curriculum_files_map_lesson_plan_fields_with_stable_ids():
    fields = lesson_plan_fields(
        {"class_minutes": 45, "discussion_questions": ["Why?", "Who?"], "handout": "<p>H</p>"}
    )
    assert fields["class_minutes"] == 45
    assert fields["class_activity"] == ""
    assert fields["handout"] == "<p>H</p>"
    assert [q["id"] for q in fields["discussion_questions"]] == ["discussion-1", "discussion-2"]
    assert lesson_plan_fields({})["class_minutes"] is None


def test_every_module_gives_educators_a_class_time_and_a_handout():
    """The plan's defaults (the lessons' reading time, the key takeaways) work, but a class
    time chosen for the audience and a handout written to take home serve a class better."""
    missing = []
    for path in sorted((CONTENT_DIR / "modules").glob("*.toml")):
        fields = lesson_plan_fields(tomllib.loads(path.read_text(encoding="utf-8")))
        if not fields["class_minutes"] or not 10 <= fields["class_minutes"] <= 600:
            missing.append(f"{path.name}: class_minutes")
        if "<li>" not in fields["handout"]:
            missing.append(f"{path.name}: handout")
    assert missing == []
