import factory
import wagtail_factories

from .models import Helpline, ReportingGuidancePage


class HelplineFactory(factory.django.DjangoModelFactory):
    key = factory.Sequence(lambda n: f"helpline-{n}")
    country = "GB"
    name_en = factory.Sequence(lambda n: f"Helpline {n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.name_en} (fr)")
    phone_numbers = "0800 1111"
    needs_verification = False

    class Meta:
        model = Helpline


class ReportingGuidancePageFactory(wagtail_factories.PageFactory):
    title = "How to report"
    slug = "how-to-report"
    intro = "Where to report harm online."

    class Meta:
        model = ReportingGuidancePage
