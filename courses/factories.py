"""Factories for course pages, and a small translated tree for tests that need one."""

from dataclasses import dataclass

import factory
import wagtail_factories
from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.factories import HomePageFactory

from .models import AudiencePage, LearningPathPage, LessonPage, ModulePage
from .models.pages import AgeBand, Audience


class AudiencePageFactory(wagtail_factories.PageFactory):
    title = "Children (9 to 12)"
    slug = factory.Sequence(lambda n: f"audience-{n}")
    audience = Audience.CHILDREN
    age_band = AgeBand.AGE_9_12
    intro = "Lessons for children."

    class Meta:
        model = AudiencePage


class LearningPathPageFactory(wagtail_factories.PageFactory):
    title = "Staying safe online"
    slug = factory.Sequence(lambda n: f"path-{n}")
    intro = "What to keep private and where to get help."

    class Meta:
        model = LearningPathPage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = "My private information"
    slug = factory.Sequence(lambda n: f"module-{n}")
    intro = "Some things about you are private."
    estimated_minutes = 10
    objectives = factory.LazyFunction(lambda: [("objective", "Say what is private.")])

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    summary = "A short lesson."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Private means just for you", "level": "h2"}),
            ("paragraph", "<p>Your address and passwords are private.</p>"),
            ("callout", {"kind": "tip", "title": "Ask yourself", "text": "<p>Would I say it?</p>"}),
            ("key_takeaways", {"heading": "Remember", "items": ["Keep passwords secret."]}),
            ("conversation_starter", {"prompt": "What is private?", "adult_guidance": ""}),
        ]
    )

    class Meta:
        model = LessonPage


@dataclass
class CourseTree:
    home: Page
    audience: AudiencePage
    path: LearningPathPage
    module: ModulePage
    lessons: list

    @property
    def pages(self):
        return [self.home, self.audience, self.path, self.module, *self.lessons]


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def build_course_tree(lesson_count=2, translate_to=()):
    """An English home -> audience -> path -> module -> lessons tree, set as the site.

    Each language in `translate_to` gets a published translation of every page, made
    with Wagtail's copy_for_translation and titled "<English title> [<language>]".
    """
    locales = ensure_locales()
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["en"])
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()  # saving (not .update()) clears Wagtail's cached site root paths
    audience = AudiencePageFactory(parent=home)
    path = LearningPathPageFactory(parent=audience)
    module = ModulePageFactory(parent=path)
    lessons = [LessonPageFactory(parent=module) for _ in range(lesson_count)]
    tree = CourseTree(home, audience, path, module, lessons)
    for code in translate_to:
        for page in tree.pages:
            translation = page.copy_for_translation(locales[code])
            translation.title = f"{page.title} [{code}]"
            translation.save_revision().publish()
    return tree
