from django import template
from django.urls import reverse
from wagtail.models import Page

from ..glossary import glossary_pairs

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_sidebar(context, instance):
    """The glossary in the translation's language and, for pages, the review action."""
    request = context["request"]
    review_url = ""
    if isinstance(instance, Page) and instance.permissions_for_user(request.user).can_edit():
        review_url = reverse("localization:submit_review", args=[instance.pk])
    language = instance.locale.language_code
    return {"review_url": review_url, "glossary": glossary_pairs(language), "language": language}
