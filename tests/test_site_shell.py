"""The site shell: the project's templates and the page types under the home page."""

from django.template.loader import get_template
from django.test import SimpleTestCase

from cms.models import HomePage, IntroBodyPage, StandardPage
from courses.models import AudiencePage
from helplines.models import ReportingGuidancePage


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
