"""The age-of-digital-consent table in the Wagtail admin, where editors keep it current."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import DigitalConsentAge


class DigitalConsentAgeViewSet(ModelViewSet):
    model = DigitalConsentAge
    icon = "user"
    menu_label = _("Age of digital consent")
    add_to_admin_menu = True
    menu_order = 800
    form_fields = ["country", "age", "verify_locally", "notes"]
    list_display = ["country_name", "age", "verify_locally"]
    list_filter = ["verify_locally"]
    copy_view_enabled = False


digital_consent_age_viewset = DigitalConsentAgeViewSet("digital_consent_ages")


@hooks.register("register_admin_viewset")
def register_digital_consent_age_viewset():
    return digital_consent_age_viewset
