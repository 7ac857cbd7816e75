"""Factories for classes and their members."""

import factory

from accounts.factories import AdultFactory
from accounts.models import User

from .models import Class, ClassEducator, ClassPupil


class EducatorFactory(AdultFactory):
    role = User.Role.EDUCATOR


class ClassFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Class {n}")
    language = "en"

    class Meta:
        model = Class


def class_taught_by(educator, **fields):
    school_class = ClassFactory(**fields)
    ClassEducator.objects.create(school_class=school_class, educator=educator)
    return school_class


def add_pupil(school_class, pupil, created_by=None):
    ClassPupil.objects.create(school_class=school_class, pupil=pupil, created_by=created_by)
    return pupil
