from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage
from helplines.models import ReportingGuidancePage


class ReportingGuidancePageTreeTests(WagtailPageTestCase):
    def test_reporting_guidance_lives_directly_under_a_home_page(self):
        self.assertCanCreateAt(HomePage, ReportingGuidancePage)
        self.assertCanNotCreateAt(StandardPage, ReportingGuidancePage)
        self.assertAllowedSubpageTypes(ReportingGuidancePage, set())
