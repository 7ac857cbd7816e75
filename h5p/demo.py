"""The demo activity: a true-or-false question of the project's own content type
(h5p.factories, MIT), installed through the same validation and install as an upload
and placed in a children's lesson, so a new site shows H5P working at once.

It is placed in the English lesson with its heading and texts, then in each translation
of the lesson the way a translator would do it: the lesson's wagtail-localize source is
updated, the new segments (heading and content.json texts) are translated from the PO
files in demo_translations/, and the translation is saved and published. The same block
id in every language lets a learner's result count in all of them. A translation not
made with wagtail-localize gets the block in English. Running it again changes nothing.
"""

import uuid
from dataclasses import dataclass
from pathlib import Path

import polib
from django.db import transaction
from django.utils.translation import to_locale
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from courses.models import LessonPage

from .blocks import activity_texts
from .factories import PackageBuilder, install_activity
from .models import H5PActivity

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "demo_translations"

DEMO_TITLE = "Is it safe to share your password?"
DEMO_BLOCK_ID = "demo-h5p-password"
# The children's lesson on keeping passwords secret (curriculum: my-private-information).
DEMO_LESSON_URL_PATH = "/children/staying-safe-online/my-private-information/keeping-it-private/"


@dataclass
class DemoReport:
    activity_created: bool = False
    lesson: LessonPage | None = None
    pages_changed: int = 0


def demo_lesson():
    """The English lesson the demo goes in, or None when the curriculum is not loaded."""
    return (
        LessonPage.objects.filter(
            locale=Locale.get_default(), url_path__endswith=DEMO_LESSON_URL_PATH
        )
        .order_by("path")
        .first()
    )


def demo_block(activity):
    texts = [
        {"type": "item", "value": text, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{i}"))}
        for i, text in enumerate(activity_texts(activity))
    ]
    return {
        "type": "interactive_activity",
        "value": {
            "title": DEMO_TITLE,
            "activity": activity.pk,
            "counts_towards_completion": True,
            "texts": texts,
            "pass_mark": 100,
        },
        "id": DEMO_BLOCK_ID,
    }


def has_demo(page):
    return any(child.get("id") == DEMO_BLOCK_ID for child in page.body.raw_data)


def demo_catalogue(locale):
    path = TRANSLATIONS_DIR / f"{to_locale(locale.language_code)}.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def translate_demo(translation):
    """Translate the demo's segments of one lesson translation and publish it."""
    catalogue = demo_catalogue(translation.target_locale)
    po = translation.export_po()
    for entry in po:
        if not entry.msgstr and entry.msgid in catalogue:
            entry.msgstr = catalogue[entry.msgid]
    translation.import_po(po)
    translation.save_target(publish=False)
    page = translation.get_target_instance()
    page.get_latest_revision().publish()


def place(page, block):
    """Put `block` in the lesson before its key takeaways (or at the end); publish."""
    if has_demo(page):
        return False
    body = list(page.body.raw_data)
    position = next(
        (i for i, child in enumerate(body) if child["type"] == "key_takeaways"), len(body)
    )
    body.insert(position, block)
    page.body = body
    page.save_revision().publish()
    return True


@transaction.atomic
def install_demo():
    report = DemoReport()
    activity = H5PActivity.objects.filter(title=DEMO_TITLE, main_library__isnull=False).first()
    if activity is None:
        activity = install_activity(DEMO_TITLE, PackageBuilder(title=DEMO_TITLE))
        report.activity_created = True
    report.lesson = demo_lesson()
    if report.lesson is None:
        return report
    block = demo_block(activity)
    report.pages_changed += place(report.lesson, block)
    missing = [page for page in report.lesson.get_translations().specific() if not has_demo(page)]
    if not missing:
        return report
    source, _created = TranslationSource.update_or_create_from_instance(report.lesson)
    translations = {
        translation.target_locale_id: translation
        for translation in Translation.objects.filter(source=source)
    }
    for page in missing:
        translation = translations.get(page.locale_id)
        if translation is None:
            place(page, block)
        else:
            translate_demo(translation)
        report.pages_changed += 1
    return report
