"""Content rules for the curriculum, read from the source files and catalogues alone.

These checks need no database, so they run in seconds: they guard what the lessons say
to children (safety and accuracy) and the words they see on screen in every language.
The English segments come from the catalogues' msgids, whose msgctxt names the page
("children/staying-safe-online/getting-help/helplines body.text-helplines"); the
loader's own tests check that the catalogues match the TOML source.
"""

import re
import tomllib
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings

from curriculum.source import CONTENT_DIR, TRANSLATIONS_DIR

TARGETS = ["ar", "es", "fr", "ru", "zh-hans"]
LOCALE_DIRS = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh_Hans"}
# Pages written for children and teenagers: their learning paths and the reporting page.
YOUNG_PAGES = ("children/", "teens/", "how-to-report")

# Interface elements a lesson may name. Each must be a label of the site shell, so the
# name a lesson gives is the one the learner sees on the button (checked below).
UI_LABELS = ["Get help", "Quick exit"]
# Names lessons once gave these buttons that differ from the interface's own label.
NEAR_MISSES = {
    "ar": ["الحصول على المساعدة"],
    "es": ["Obtener ayuda"],
    "zh-hans": ["获取帮助"],
    "fr": ["Obtenir l'aide", "Demander de l'aide"],
    "ru": ["Получите помощь", "Получить помочь"],
}


@cache
def catalogue(language, name):
    return [e for e in polib.pofile(str(TRANSLATIONS_DIR / language / name)) if not e.obsolete]


def catalogue_names():
    return sorted(path.name for path in (TRANSLATIONS_DIR / "fr").glob("*.po"))


def entries(language):
    for name in catalogue_names():
        for entry in catalogue(language, name):
            yield name, entry


def english_segments():
    """(page key, segment path, English text) for every translatable segment."""
    for _name, entry in entries("fr"):
        page, _space, path = entry.msgctxt.partition(" ")
        yield page, path, entry.msgid


def young_segments():
    for page, path, text in english_segments():
        if page.startswith(YOUNG_PAGES):
            yield page, path, text


@cache
def ui_label(language, label):
    path = Path(settings.BASE_DIR, "locale", LOCALE_DIRS[language], "LC_MESSAGES", "django.po")
    entry = polib.pofile(str(path)).find(label)
    assert entry is not None and entry.msgstr, f"{label!r} has no {language} translation"
    return entry.msgstr


def modules():
    for path in sorted((CONTENT_DIR / "modules").glob("*.toml")):
        yield tomllib.loads(path.read_text(encoding="utf-8"))


# --- Words the child sees on screen -------------------------------------------------


def test_the_labels_lessons_may_name_are_the_site_shells_buttons():
    shell = Path(settings.BASE_DIR, "templates/base.html").read_text(encoding="utf-8")
    for label in UI_LABELS:
        assert f'{{% translate "{label}" %}}' in shell, label


def named(text, label):
    """How often `text` names `label` as a button: quoted or in bold, so that a label
    that is also an ordinary word (Chinese 求助 in 求助热线, "helpline") is not counted."""
    opening = r"(?:«[\s\u00a0]?|“|\"|<b>)"
    closing = r"(?:[\s\u00a0]?»|”|\"|</b>)"
    return len(re.findall(opening + re.escape(label) + closing, text))


@pytest.mark.parametrize("language", TARGETS)
def test_lessons_name_buttons_exactly_as_the_interface_does(language):
    wrong = []
    for name, entry in entries(language):
        for label in UI_LABELS:
            mentions = entry.msgid.count(label)
            if mentions and named(entry.msgstr, ui_label(language, label)) < mentions:
                wrong.append((name, label, entry.msgstr))
    assert not wrong, f"{len(wrong)} segment(s) name a button differently, e.g. {wrong[:3]}"


@pytest.mark.parametrize("language", TARGETS)
def test_no_near_miss_names_for_buttons(language):
    variants = "|".join(re.escape(v) for v in NEAR_MISSES[language])
    # The variant used as a name: quoted, in bold, or right after the word "button".
    named = re.compile(
        rf"[«“\"]({variants})[»”\"]|<b>({variants})</b>|(زر|botón|bouton|кнопк\w*) ({variants})"
    )
    found = [
        (name, entry.msgstr) for name, entry in entries(language) if named.search(entry.msgstr)
    ]
    assert not found, found[:3]


def test_english_names_the_buttons_with_their_exact_capitals():
    for _page, _path, text in english_segments():
        for label in UI_LABELS:
            assert label.title() not in text or label.title() == label, text


# --- Safety and accuracy ------------------------------------------------------------


def test_helplines_are_never_promised_to_keep_everything_secret():
    """A helpline may share what a child says to keep them safe: say so every time."""
    for page, path, text in young_segments():
        if re.search(r"(?i)keep what you say private|confidential", text):
            assert re.search(r"(?i)unless|only share|need to keep you safe", text), (page, path)


def test_every_lesson_that_advises_screenshots_warns_about_sexual_images_of_children():
    advice = re.compile(
        r"(?i)(^|[.>:]\s*)(take screenshots|keep evidence|keep screenshots|screenshot, block"
        r"|show them the screen or your screenshots)"
    )
    pages = {}
    for page, _path, text in young_segments():
        pages.setdefault(page, []).append(text)
    for page, texts in pages.items():
        body = " ".join(texts)
        if advice.search(body):
            assert re.search(r"sexual (image|picture)", body), page


def test_grooming_is_not_shown_only_as_an_adult_pretending_to_be_a_child():
    pages = {}
    for page, _path, text in english_segments():
        pages.setdefault(page, []).append(text)
    for page, texts in pages.items():
        body = " ".join(texts)
        if re.search(r"(?i)pretend(s|ing)? to be (a child|children|younger)", body):
            assert re.search(r"(?i)older teen", body), page
            assert re.search(r"(?i)(someone|who) (you|your child) (already )?know", body), page


def test_116_111_is_not_presented_as_every_european_countrys_number():
    for page, path, text in english_segments():
        if "116 111" in text and not page.startswith("policy-makers/"):
            assert not re.search(r"In Europe,? (child helplines|116 111)", text), (page, path)
            assert "Get help" in text or "button" in text, (page, path)


def test_the_age_of_digital_consent_is_not_given_as_one_range_for_everyone():
    for page, path, text in english_segments():
        if re.search(r"13 and 16", text):
            assert "depend" in text, (page, path)


def test_advice_to_children_about_the_police_points_to_a_helpline_first():
    for page, path, text in young_segments():
        if (
            re.search(r"(?i)\bpolice\b", text)
            and "final_quiz" not in path
            and "heading" not in path
        ):
            assert re.search(r"(?i)helpline", text), (page, path)


def test_no_quiz_asks_a_child_to_judge_a_self_blaming_statement():
    for module in modules():
        for question in module.get("quiz", {}).get("questions", []):
            assert not re.search(
                r"(?i)\b(your|my|their)(\s\w+)? fault\b|deserve", question["text"]
            ), (
                module["slug"],
                question["id"],
            )


def test_meeting_answers_say_a_trusted_adult_comes_along():
    """The lessons say: tell a trusted adult first, and take one with you."""
    for module in modules():
        if not module["path"].startswith(("children/", "teens/")):
            continue
        for question in module.get("quiz", {}).get("questions", []):
            if not re.search(r"(?i)\bmeet\b", question["text"]):
                continue
            correct = [c for c in question["choices"] if c.get("correct")]
            texts = [question["explanation"], *(c["text"] + " " + c["feedback"] for c in correct)]
            for text in texts:
                assert re.search(
                    r"(?i)come with you|take them with you|go with a trusted adult", text
                ), (
                    module["slug"],
                    question["id"],
                    text,
                )


# --- Terminology in each language ------------------------------------------------------


def test_french_puts_one_no_break_space_before_double_punctuation():
    """U+00A0 before : ; ? ! and inside « », never a breaking space (French typography)."""
    wrong = []
    for name, entry in entries("fr"):
        # HTML character references ("&amp;" in "Missing &amp; Exploited") end in ";"
        # but are not punctuation.
        text = re.sub(r"&(#\d+|[a-z]+);", "&", entry.msgstr)
        breaking_space = re.search(r"[ \u202f\u2009][:;?!»]|«[ \u202f\u2009]", text)
        no_space = re.search(r"[\w»)][;?!]", text) or re.search(r"[A-Za-zÀ-ÿ»)]:(?!//)", text)
        if breaking_space or no_space:
            wrong.append((name, text))
    assert not wrong, f"{len(wrong)} segment(s), e.g. {wrong[:2]}"


def test_french_says_vous_to_parents_and_tu_only_in_what_they_say_to_their_child():
    """Parents' lessons: vous, except the words a parent says to their child (prompts
    and quoted answers), which use tu."""
    vous = re.compile(r"(?<![\w])(vous|votre|vos)(?![\w])", re.I)
    tu = re.compile(r"(?<![\w'])(tu|toi|ta|tes)(?![\w'])", re.I)  # not "ton": also a noun
    for name, entry in entries("fr"):
        if not entry.msgctxt.startswith("parents-and-carers/"):
            continue
        if entry.msgctxt.endswith(".prompt"):
            assert not vous.search(entry.msgstr), entry.msgstr
        elif tu.search(entry.msgstr):
            # tu appears only inside quoted speech or italics given as an example
            unquoted = re.sub(r"«[^»]*»|<i>.*?</i>|^.*\?$", "", entry.msgstr)
            if ".choices." not in entry.msgctxt and "tip-talk" not in entry.msgctxt:
                assert not tu.search(unquoted), (name, entry.msgstr)


def test_arabic_says_parent_or_carer_not_your_father():
    for name, entry in entries("ar"):
        assert not re.search(r"والدك\b|أبوك|أباك|أبيك", entry.msgstr), (name, entry.msgstr)


def test_spanish_keeps_to_one_variety():
    """Neutral Latin American Spanish: ustedes, never vosotros, and one set of words."""
    spain_only = re.compile(
        r"(?<![\w])(vosotr[oa]s|vuestr[oa]s?|ordenador(es)?|vídeos?|coger|móvil(es)?"
        r"|\w+(áis|éis))(?![\w])",
        re.I,
    )
    for name, entry in entries("es"):
        assert not spain_only.search(entry.msgstr), (name, entry.msgstr)


def test_chinese_never_calls_sexual_images_of_children_pornography():
    for name, entry in entries("zh-hans"):
        if re.search(r"(?i)\b(image|picture|photo|video)s?\b", entry.msgid):
            assert "色情" not in entry.msgstr, (name, entry.msgstr)


def test_russian_speaks_to_children_in_gender_neutral_words_on_sensitive_lines():
    gendered = re.compile(
        r"\bты (сам |сама )?(не )?(виноват|попросил|рассказал|увидел|отправил)\b|^Ты не один$"
    )
    for name, entry in entries("ru"):
        if entry.msgctxt.startswith(YOUNG_PAGES):
            assert not gendered.search(entry.msgstr), (name, entry.msgstr)


# --- "What would you do?" scenarios ----------------------------------------------------


def scenarios(module):
    """(lesson slug, scenario table) for every scenario block of a module's lessons."""
    for lesson in module.get("lessons", []):
        for block in lesson.get("body", []):
            if block.get("type") == "scenario":
                yield lesson["slug"], block


def scenario_steps(block):
    """Each step of a scenario (its situation's table, then each follow-up), with a name."""
    yield block["id"], block["value"]
    for choice in block["value"].get("choices", []):
        if "follow_up" in choice:
            yield choice["follow_up"].get("id"), choice["follow_up"]


def test_every_childrens_and_teens_module_has_a_scenario():
    young = [m for m in modules() if m["path"].startswith(("children/", "teens/"))]
    assert len(young) >= 9
    assert [m["slug"] for m in young if not any(scenarios(m))] == []


def test_every_scenario_choice_has_a_consequence_and_feedback_and_every_step_a_best_choice():
    checked = 0
    for module in modules():
        for lesson, block in scenarios(module):
            for step_id, step in scenario_steps(block):
                where = (module["slug"], lesson, step_id)
                assert str(step.get("situation", "")).strip(), where
                choices = step.get("choices", [])
                assert 2 <= len(choices) <= 4, where
                assert any(choice.get("best") for choice in choices), where
                for choice in choices:
                    checked += 1
                    for name in ("text", "consequence", "feedback"):
                        assert str(choice.get(name, "")).strip(), (*where, choice.get("id"), name)
    assert checked >= 27


def test_a_scenario_never_tells_a_child_to_keep_or_pass_on_an_image():
    """Saving, screenshotting or forwarding may only ever be advised against."""
    keep = re.compile(r"(?i)\b(save|screenshot|forward|send)\b[^.]*\b(image|picture|photo)")
    for module in modules():
        for lesson, block in scenarios(module):
            for step_id, step in scenario_steps(block):
                for choice in step["choices"]:
                    if not choice.get("best"):
                        continue
                    advice = f"{choice['text']} {choice['consequence']} {choice['feedback']}"
                    assert not keep.search(advice), (module["slug"], lesson, step_id)
