import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from wagtail.models import Page

from ..glossary import glossary_pairs
from ..localize_patches import user_can_publish_instance

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


@register.simple_tag(takes_context=True)
def may_replace_live_content(context, instance):
    """Whether the translation editor may offer actions that replace or withdraw live content."""
    return user_can_publish_instance(context["request"].user, instance)


@register.simple_tag(takes_context=True)
def live_actions_class(context, instance):
    """A body class that hides "Stop Synced translation" (the editor always draws it)."""
    if may_replace_live_content(context, instance):
        return ""
    return "translation-editor--no-live-actions"


@register.simple_tag
def editor_props_without_live_actions(props):
    """The translation editor's settings without the "Convert to alias page" link."""
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    return json.dumps(data, cls=DjangoJSONEncoder)
