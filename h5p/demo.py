"""The demo activity: a true-or-false question of the project's own content type
(h5p.factories, MIT), installed through the same validation and install as an upload
and placed in a children's lesson, so a new site shows H5P working at once.

It is placed in the English lesson and in each of its translations, with the same block
id, so a learner's result counts in every language. Running it again changes nothing.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from courses.models import LessonPage

from .factories import PackageBuilder, install_activity
from .models import H5PActivity

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
    return {
        "type": "interactive_activity",
        "value": {
            "title": "",
            "activity": activity.pk,
            "counts_towards_completion": True,
            "pass_mark": 100,
        },
        "id": DEMO_BLOCK_ID,
    }


def place(page, block):
    """Put `block` in the lesson before its key takeaways (or at the end); publish."""
    body = list(page.body.raw_data)
    if any(child.get("id") == DEMO_BLOCK_ID for child in body):
        return False
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
    for page in report.lesson.get_translations(inclusive=True).specific().order_by("pk"):
        report.pages_changed += place(page, block)
    return report
