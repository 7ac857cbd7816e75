"""A parent link from an educator's code, confirmed and ended, with JavaScript off."""

import pytest

from accounts.factories import PASSWORD, AdultFactory, ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from parent_links.models import ParentLink


def sign_in(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/en/account/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_teacher_confirms_a_parent_link_and_the_child_ends_it_without_javascript(
    migrated_db, live_server, browser
):
    teacher = EducatorFactory(email="teacher@example.org")
    school_class = class_taught_by(teacher, name="5B")
    pupil = add_pupil(
        school_class, ChildFactory(username="sami", display_name="Sami"), created_by=teacher
    )
    AdultFactory(email="papa@example.org", display_name="Papa Jo")
    base = live_server.url
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    # The teacher prints a code for the family from the pupil's page.
    sign_in(page, base, "teacher@example.org", PASSWORD)
    page.goto(f"{base}/en/classes/{school_class.pk}/")
    page.get_by_role("link", name="Sami").click()
    page.get_by_role("button", name="Code for a parent").click()
    code = page.locator(".parent-code").inner_text()

    # The parent enters it and waits for the teacher.
    sign_in(page, base, "papa@example.org", PASSWORD)
    page.goto(f"{base}/en/classes/children/")
    page.fill("input[name=code]", code)
    page.locator("main form button[type=submit]").click()
    assert "waiting for the teacher to confirm" in page.locator("main").inner_text()
    assert "Sami" not in page.locator("main").inner_text()

    # The teacher sees who entered it, in which class, and confirms.
    sign_in(page, base, "teacher@example.org", PASSWORD)
    page.goto(f"{base}/en/classes/{school_class.pk}/pupils/{pupil.pk}/")
    assert "Papa Jo" in page.locator("main").inner_text()
    assert "linked through class 5B" in page.locator("main").inner_text()
    page.get_by_role("button", name="Confirm").click()
    sign_in(page, base, "papa@example.org", PASSWORD)
    page.goto(f"{base}/en/classes/children/")
    page.get_by_role("link", name="Sami").click()
    assert "linked through class 5B" in page.locator("main").inner_text()

    # The child sees the parent and ends the link after a confirmation page.
    sign_in(page, base, "sami", PASSWORD)
    page.goto(f"{base}/en/classes/followers/")
    page.get_by_role("link", name="Stop sharing with this person").click()
    assert ParentLink.objects.filter(child=pupil).exists()
    page.get_by_role("button", name="Remove the link").click()
    assert "Nobody follows your progress." in page.locator("main").inner_text()
    assert not ParentLink.objects.filter(child=pupil).exists()
    context.close()
