"""An activity's words: found through its semantics, translated with the lesson as
segments, and played in each lesson's language."""

import json

import pytest
from wagtail.models import Locale
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from courses.factories import build_course_tree
from h5p.blocks import InteractiveActivityBlock, activity_texts
from h5p.content_text import texts, with_texts
from h5p.factories import SEMANTICS, install_activity

CONTENT = {
    "question": "It is fine to share your password with your best friend.",
    "correct": "false",
    "l10n": {"trueText": "True", "falseText": "False"},
}
ARABIC = ["لا بأس بأن تخبر أعز أصدقائك بكلمة مرورك.", "صح", "خطأ"]
BLOCK_ID = "play-1"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_texts_are_the_fields_the_semantics_mark_as_text_in_order():
    assert texts(CONTENT, SEMANTICS) == [CONTENT["question"], "True", "False"]


def test_texts_put_back_replace_only_the_text_fields():
    translated = with_texts(CONTENT, SEMANTICS, ARABIC)
    assert translated == {
        "question": ARABIC[0],
        "correct": "false",
        "l10n": {"trueText": ARABIC[1], "falseText": ARABIC[2]},
    }
    assert CONTENT["question"].startswith("It is fine")  # the original is unchanged


def test_texts_that_do_not_fit_the_content_are_not_applied():
    assert with_texts(CONTENT, SEMANTICS, ARABIC[:2]) == CONTENT
    assert with_texts(CONTENT, SEMANTICS, ["", "Vrai", ""])["question"] == CONTENT["question"]


def test_lists_one_field_groups_and_nested_content_types_are_walked():
    semantics = [
        {"name": "intro", "type": "text", "widget": "html"},
        {"name": "count", "type": "number"},
        {
            "name": "answers",
            "type": "list",
            "field": {"name": "answer", "type": "group", "fields": [{"name": "t", "type": "text"}]},
        },
        {"name": "question", "type": "library"},
    ]
    nested = {"H5P.Inner": [{"name": "label", "type": "text"}]}
    content = {
        "intro": "<p>Hello</p>",
        "count": 3,
        "answers": ["One", "Two"],
        "question": {"library": "H5P.Inner 1.2", "params": {"label": "Inner"}},
    }

    def semantics_of(key):
        return nested.get(key[0])

    assert texts(content, semantics, semantics_of) == ["<p>Hello</p>", "One", "Two", "Inner"]
    changed = with_texts(content, semantics, ["<p>Hola</p>", "Uno", "Dos", "Dentro"], semantics_of)
    assert changed["answers"] == ["Uno", "Dos"]
    assert changed["question"]["params"]["label"] == "Dentro"
    assert changed["count"] == 3


@pytest.fixture
def placed(db):
    tree = build_course_tree(lesson_count=1, translate_to=("ar",))
    activity = install_activity()
    block = InteractiveActivityBlock()
    value = block.clean(
        block.to_python(
            {"activity": activity.pk, "pass_mark": 70, "counts_towards_completion": True}
        )
    )
    english = tree.lessons[0]
    arabic = english.get_translation(Locale.objects.get(language_code="ar"))
    for page, strings in ((english, None), (arabic, ARABIC)):
        raw = block.get_prep_value(value)
        if strings:
            raw["texts"] = [
                {"type": "item", "value": s, "id": f"t{i}"} for i, s in enumerate(strings)
            ]
        page.body = [
            *page.body.raw_data,
            {"type": "interactive_activity", "value": raw, "id": BLOCK_ID},
        ]
        page.save_revision().publish()
    return activity, english, arabic


def test_saving_the_block_fills_in_the_activitys_texts(placed):
    activity, english, _arabic = placed
    english.refresh_from_db()
    block = next(child for child in english.body if child.id == BLOCK_ID)
    assert list(block.value["texts"]) == activity_texts(activity) == texts(CONTENT, SEMANTICS)


def test_the_texts_are_segments_translators_translate_with_the_lesson(placed):
    _activity, english, _arabic = placed
    english.refresh_from_db()
    strings = {
        segment.string.data
        for segment in extract_segments(english)
        if isinstance(segment, StringSegmentValue)
    }
    assert {CONTENT["question"], "True", "False"} <= strings


def test_each_lesson_plays_the_activity_in_its_own_language(client, placed):
    activity, english, arabic = placed
    player = client.get(f"/h5p/play/{activity.pk}/?lesson={arabic.pk}&block={BLOCK_ID}")
    page = player.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    root = f"/h5p/content/{activity.pk}/lessons/{arabic.pk}/{BLOCK_ID}"
    assert f'"h5pJsonPath": "{root}"' in page
    content = client.get(f"{root}/content/content.json")
    assert content["Access-Control-Allow-Origin"] == "*"
    assert json.loads(content.content) == with_texts(CONTENT, SEMANTICS, ARABIC)
    assert client.get(f"{root}/h5p.json").status_code == 200
    english_root = f"/h5p/content/{activity.pk}/lessons/{english.pk}/{BLOCK_ID}"
    english_content = json.loads(client.get(f"{english_root}/content/content.json").content)
    assert english_content == CONTENT


def test_a_block_that_does_not_place_the_activity_gives_nothing(client, placed):
    activity, english, _arabic = placed
    other = install_activity("Another")
    root = f"/h5p/content/{other.pk}/lessons/{english.pk}/{BLOCK_ID}"
    assert client.get(f"{root}/content/content.json").status_code in (302, 404)
    english.unpublish()
    root = f"/h5p/content/{activity.pk}/lessons/{english.pk}/{BLOCK_ID}"
    assert client.get(f"{root}/content/content.json").status_code in (302, 404)
    # The player falls back to the activity's own content.
    page = client.get(f"/h5p/play/{activity.pk}/?lesson={english.pk}&block={BLOCK_ID}")
    assert f'"h5pJsonPath": "/h5p/content/{activity.pk}"' in page.content.decode()


def test_texts_that_cannot_be_the_activitys_are_replaced_by_its_own(db):
    activity = install_activity()
    block = InteractiveActivityBlock()
    raw = {"activity": activity.pk, "pass_mark": 70, "texts": ["Left over", "from before"]}
    value = block.clean(block.to_python(raw))
    assert list(value["texts"]) == texts(CONTENT, SEMANTICS)
    edited = {**raw, "texts": ["Is it OK to tell a friend your password?", "Yes", "No"]}
    assert list(block.clean(block.to_python(edited))["texts"])[1:] == ["Yes", "No"]
