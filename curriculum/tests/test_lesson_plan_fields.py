"""The curriculum files' lesson-plan fields become ModulePage field values."""

from curriculum.source import lesson_plan_fields


def test_curriculum_files_map_lesson_plan_fields_with_stable_ids():
    fields = lesson_plan_fields(
        {"class_minutes": 45, "discussion_questions": ["Why?", "Who?"], "handout": "<p>H</p>"}
    )
    assert fields["class_minutes"] == 45
    assert fields["class_activity"] == ""
    assert fields["handout"] == "<p>H</p>"
    assert [q["id"] for q in fields["discussion_questions"]] == ["discussion-1", "discussion-2"]
    assert lesson_plan_fields({})["class_minutes"] is None
