import factory
import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Learn to be safe online"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "Short lessons on child online protection."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"About {n}")
    intro = "About the platform."

    class Meta:
        model = StandardPage
