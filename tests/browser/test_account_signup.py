import pytest

from accounts.models import User

PASSWORD = "najma-kite-river-42"


def fill_child_signup(page, username, age_band, country):
    page.fill("#id_username", username)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator(f"input[name=age_band][value='{age_band}']").check()
    page.select_option("#id_country", country)
    page.locator("main button[type=submit]").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_child_signs_up_in_arabic_lands_signed_in_and_signs_out(migrated_db, live_server, page):
    page.goto(f"{live_server.url}/ar/account/login/")
    page.locator(".account-links").get_by_role("link", name="إنشاء حساب").click()
    page.get_by_role("link", name="أنا طفل").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    # Country names are listed in Arabic.
    assert page.locator("#id_country option[value=GB]").inner_text() == "المملكة المتحدة"
    fill_child_signup(page, "najma", "13", "GB")  # GB: 13

    # First the recovery code, shown once, then on to My learning.
    page.wait_for_url("**/ar/account/recovery-code/?next=*")
    assert page.locator(".messages").inner_text() == "مرحبًا! حسابك جاهز وقد سجّلت الدخول."
    assert page.get_by_role("heading", level=1).inner_text() == "رمز الاستعادة الخاص بك"
    assert len(page.locator(".recovery-card__code").inner_text()) == 14
    page.get_by_role("link", name="احتفظت بالرمز").click()
    page.wait_for_url("**/ar/my-learning/")
    assert page.get_by_role("heading", level=1).inner_text() == "تعلّمي"
    assert User.objects.get(username="najma").kind == User.Kind.CHILD

    page.get_by_role("button", name="تسجيل الخروج").click()
    page.wait_for_url("**/ar/")
    page.goto(f"{live_server.url}/ar/account/")
    assert "/ar/account/login/" in page.url
    assert page.locator(".account-links").get_by_role("link", name="تسجيل الدخول").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_child_below_the_age_of_consent_gets_a_kind_explanation(migrated_db, live_server, page):
    page.goto(f"{live_server.url}/ar/account/signup/child/")
    fill_child_signup(page, "qamar", "13", "DE")  # DE: 14

    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "يمكنك مواصلة التعلّم من دون حساب"
    assert "فاطلب من معلّمك" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="واصل التعلّم").is_visible()
    assert not User.objects.filter(username="qamar").exists()
