"""Fixtures every test gets."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request under /ar/ leaves Arabic active in this thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache_after_each_test():
    """Tests roll their database back; what they left in the cache must go with it."""
    yield
    cache.clear()
