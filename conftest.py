"""Fixtures every test gets."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request under /ar/ leaves Arabic active in this thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
