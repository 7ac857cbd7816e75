from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage
from courses.models import AudiencePage, LearningPathPage, LessonPage, ModulePage


class CoursePageTreeTests(WagtailPageTestCase):
    """The tree Home -> Audience -> Learning path -> Module -> Lesson is enforced."""

    def test_home_page_sits_at_the_tree_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(AudiencePage, HomePage)

    def test_audiences_sit_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(AudiencePage, {HomePage})
        self.assertAllowedSubpageTypes(AudiencePage, {LearningPathPage})

    def test_learning_paths_sit_under_audiences_only(self):
        self.assertAllowedParentPageTypes(LearningPathPage, {AudiencePage})
        self.assertAllowedSubpageTypes(LearningPathPage, {ModulePage})

    def test_modules_sit_under_learning_paths_only(self):
        self.assertAllowedParentPageTypes(ModulePage, {LearningPathPage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertCanNotCreateAt(AudiencePage, ModulePage)
        self.assertCanNotCreateAt(HomePage, ModulePage)

    def test_lessons_sit_under_modules_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanNotCreateAt(LearningPathPage, LessonPage)

    def test_home_page_offers_audiences_and_standard_pages(self):
        # Other apps add their own page types under the home page (e.g. reporting guidance).
        self.assertCanCreateAt(HomePage, AudiencePage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, AudiencePage)
