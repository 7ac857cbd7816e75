"""The site's shell: what every page carries, whichever app draws it, the project's
templates it comes from and the page types under the home page."""

from django.template.loader import get_template
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from django.utils import translation

from cms.models import HomePage, IntroBodyPage, StandardPage
from courses.factories import build_course_tree
from courses.models import AudiencePage
from helplines.models import ReportingGuidancePage


def help_url(language="en"):
    with translation.override(language):
        return reverse("helplines:help")


class SiteShellTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, translate_to=["ru", "ar"])

    def test_every_page_has_get_help_and_a_quick_exit_that_works_without_javascript(self):
        """Every kind of page: CMS pages of each level, the help page, account and learning
        pages, in an LTR and an RTL language."""
        for language in ("ru", "ar"):
            with translation.override(language):
                app_urls = [
                    reverse("helplines:help"),
                    reverse("accounts:login"),
                    reverse("accounts:signup"),
                    reverse("courses:my_learning"),
                ]
            page_urls = [f"/{language}{page.url[3:]}" for page in self.tree.pages]
            for url in page_urls + app_urls:
                with self.subTest(url=url):
                    with self.settings(QUICK_EXIT_URL="https://example.org/weather"):
                        response = self.client.get(url)
                    self.assertContains(response, f'class="get-help" href="{help_url(language)}"')
                    self.assertContains(
                        response, 'class="quick-exit" href="https://example.org/weather"'
                    )
                    self.assertContains(response, 'src="/static/cms/js/quick-exit.js"')


class HomePageChildrenTests(SimpleTestCase):
    def test_home_page_children_come_from_the_childrens_parent_page_types(self):
        self.assertIsNone(getattr(HomePage, "subpage_types", None))
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {AudiencePage, StandardPage, ReportingGuidancePage},
        )

    def test_intro_and_body_pages_share_one_base(self):
        for model in (HomePage, StandardPage, ReportingGuidancePage):
            with self.subTest(model=model.__name__):
                self.assertTrue(issubclass(model, IntroBodyPage))
                translatable = {field.field_name for field in model.translatable_fields}
                self.assertLessEqual({"title", "intro", "body"}, translatable)
                self.assertEqual(
                    [panel.field_name for panel in model.content_panels[-2:]], ["intro", "body"]
                )


class ShellTemplatesTests(SimpleTestCase):
    def test_the_shell_comes_from_the_project_templates_folder(self):
        for name in ("base.html", "404.html", "500.html", "includes/account_links.html"):
            with self.subTest(template=name):
                origin = get_template(name).origin.name
                self.assertIn("/templates/" + name, origin)
                self.assertNotIn("/cms/", origin)
