"""Factories for learner accounts."""

import factory

from .models import DigitalConsentAge, User

PASSWORD = "a-long-test-passphrase"  # noqa: S105


class AdultFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"adult-{n}")
    email = factory.Sequence(lambda n: f"adult{n}@example.org")
    kind = User.Kind.ADULT
    role = User.Role.PARENT
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User


class ChildFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"child-{n}")
    kind = User.Kind.CHILD
    age_band = User.AgeBand.AGE_14
    country = "GB"
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User


class DigitalConsentAgeFactory(factory.django.DjangoModelFactory):
    country = "FR"
    age = 15

    class Meta:
        model = DigitalConsentAge
        django_get_or_create = ["country"]
