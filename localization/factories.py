"""Factories: glossary terms, translator accounts and wagtail-localize translations."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .models import GlossaryTerm
from .roles import group_name

TEST_PASSWORD = "translate-for-tests"  # noqa: S105 (test accounts only)


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"term {n}")
    definition = "What the term means."
    note_to_translators = ""
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = GlossaryTerm


def make_user(username, role=None, language=None, admin_language="en", **extra):
    """A staff user, in the translation group of `role` and `language` when given.

    Joining a translation group switches the admin to that language; tests read the admin
    in English unless they pass `admin_language=None` to keep the group's language.
    """
    user = get_user_model().objects.create_user(username=username, password=TEST_PASSWORD, **extra)
    if role:
        user.groups.add(Group.objects.get(name=group_name(role, language)))
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    return user


def start_translation(instance, language, publish=True):
    """Translate `instance` into `language` as "Translate" does in the admin.

    The translated copy starts with the source's text (wagtail-localize's fallback).
    """
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes when the transaction commits; run that now, even
    # inside a test's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return translation


def translate_segments(translation, text=lambda source: f"[fr] {source}", only=None):
    """Give every (or the first `only`) string segment of `translation` a translation."""
    segments = StringSegment.objects.filter(source=translation.source).order_by("order")
    if only is not None:
        segments = segments[:only]
    for segment in segments.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text(segment.string.data), "updated_at": timezone.now()},
        )
