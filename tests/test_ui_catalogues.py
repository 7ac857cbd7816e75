"""Every UI string is translated in every language's catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LANGUAGES = ["ar", "es", "fr", "ru", "zh_Hans"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")
APPS = [
    "accounts",
    "badges",
    "classrooms",
    "cms",
    "courses",
    "curriculum",
    "h5p",
    "helplines",
    "indicators",
    "localization",
    "parent_links",
    "offline",
    "lti",
    "templates",
    "xapi",
]


def catalogue(language):
    return polib.pofile(
        str(Path(settings.BASE_DIR, "locale", language, "LC_MESSAGES", "django.po"))
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert len(po.translated_entries()) > 50


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    for entry in catalogue(language).translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= expected, entry.msgid
            if not entry.msgid_plural:
                assert set(PLACEHOLDER.findall(form)) == expected, entry.msgid


def test_every_literal_ui_string_is_in_the_catalogues():
    """A string wrapped in the code but missing from the catalogues would show in English."""
    literals = set()
    for app in APPS:
        for path in Path(settings.BASE_DIR, app).rglob("*"):
            if path.suffix == ".html":
                literals |= set(re.findall(r'{% translate "([^"]+)"', path.read_text()))
                literals |= set(re.findall(r"{% translate '([^']+)'", path.read_text()))
            elif (
                path.suffix == ".py"
                and "tests" not in path.parts
                and "migrations" not in path.parts
            ):
                literals |= set(re.findall(r'\b_\(\s*"([^"]+)"\s*\)', path.read_text()))
    assert literals
    for language in LANGUAGES:
        msgids = {entry.msgid for entry in catalogue(language)}
        assert sorted(literals - msgids) == [], language


# Text a template may show outside a translation tag: the product's name, and the
# server error page, which cannot rely on the database or translations and says its
# message in all six languages itself.
LITERAL_ALLOWLIST = {"COP Learn"}
TEMPLATES_WITHOUT_CHECK = {"500.html"}
USER_FACING_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label", "aria-description")


def untranslated_literals(source):
    """User-facing text in a Django template that is not inside a translation tag."""
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", source, flags=re.S)
    text = re.sub(r"{#.*?#}", " ", text, flags=re.S)
    text = re.sub(
        r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", " ", text, flags=re.S
    )
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    # The body_class block holds CSS class names, not words for people.
    text = re.sub(r"{%\s*block body_class\s*%}.*?{%\s*endblock", " ", text, flags=re.S)
    text = re.sub(r"{{.*?}}|{%.*?%}", " ", text, flags=re.S)
    found = []
    attributes = "|".join(USER_FACING_ATTRIBUTES)
    for match in re.finditer(rf'\s(?:{attributes})\s*=\s*"([^"]*)"', text):
        found.append(match.group(1))
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", "\n", text)
    text = re.sub(r"&[#\w]+;", " ", text)
    found.extend(line for line in text.splitlines())
    return [
        literal.strip()
        for literal in found
        if re.search(r"[^\W\d_]", literal) and literal.strip() not in LITERAL_ALLOWLIST
    ]


def test_untranslated_literal_detector_catches_text_and_attributes():
    assert untranslated_literals("<p>Hello</p>") == ["Hello"]
    assert untranslated_literals('<img alt="A cat" src="x.png">') == ["A cat"]
    assert untranslated_literals('<p>{% translate "Hello" %} {{ name }}</p>') == []
    assert untranslated_literals("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}") == []
    assert untranslated_literals('<a title="{% translate "Go" %}">COP Learn</a>') == []
    assert untranslated_literals("{% block body_class %}help-page{% endblock %}") == []


def test_no_template_shows_a_literal_outside_a_translation_tag():
    """Every word a visitor reads comes from a catalogue, so no English leaks."""
    problems = {}
    for app in APPS:
        folder = Path(settings.BASE_DIR, app)
        # The project's shell folder is itself a templates folder; apps keep theirs inside.
        for path in (folder if app == "templates" else folder / "templates").rglob("*.html"):
            if path.name in TEMPLATES_WITHOUT_CHECK:
                continue
            literals = untranslated_literals(path.read_text())
            if literals:
                problems[str(path.relative_to(settings.BASE_DIR))] = literals
    assert problems == {}
