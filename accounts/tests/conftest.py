import pytest


@pytest.fixture(autouse=True)
def login_throttling_on(settings):
    """The accounts tests run with django-axes on, as in production.

    Failed attempts live in the database, so each test's rollback resets them.
    """
    settings.AXES_ENABLED = True
