"""Every UI string is translated in every language's catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LANGUAGES = ["ar", "es", "fr", "ru", "zh_Hans"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")
APPS = ["accounts", "cms", "courses", "curriculum", "helplines"]


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
