"""Platform registrations and deployments in the Wagtail admin, for administrators.

The records are django-lti's (lti_tool): its models hold what its launch, OIDC login
and services read, so the admin edits them directly. Only users with the model
permissions (administrators) see these menus.
"""

from django.utils.translation import gettext_lazy as _
from lti_tool.models import LtiDeployment, LtiRegistration
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet


class PlatformRegistrationViewSet(ModelViewSet):
    model = LtiRegistration
    icon = "link-external"
    menu_label = _("Platforms")
    list_display = ["name", "issuer", "client_id", "is_active"]
    list_filter = ["is_active"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name", help_text=_("The platform's name as administrators know it.")),
        FieldPanel(
            "issuer",
            help_text=_("The platform's issuer (iss), e.g. https://moodle.example.org"),
        ),
        FieldPanel("client_id", help_text=_("The client ID the platform gave this tool.")),
        FieldPanel("auth_url", help_text=_("The platform's OIDC authentication URL.")),
        FieldPanel("token_url", help_text=_("The platform's OAuth 2 access token URL.")),
        FieldPanel("keyset_url", help_text=_("The platform's public key set (JWKS) URL.")),
        FieldPanel("is_active", help_text=_("Launches from inactive platforms are refused.")),
    ]


class DeploymentViewSet(ModelViewSet):
    model = LtiDeployment
    icon = "resubmit"
    menu_label = _("Deployments")
    list_display = ["registration", "deployment_id", "is_active"]
    list_filter = ["is_active", "registration"]
    copy_view_enabled = False
    panels = [
        FieldPanel("registration"),
        FieldPanel(
            "deployment_id",
            help_text=_("The deployment ID (deployment_id) the platform sends in launches."),
        ),
        FieldPanel("is_active", help_text=_("Launches from inactive deployments are refused.")),
    ]


class LtiViewSetGroup(ViewSetGroup):
    items = (PlatformRegistrationViewSet("lti_platforms"), DeploymentViewSet("lti_deployments"))
    menu_label = _("LTI")
    menu_icon = "link-external"
    menu_order = 850


@hooks.register("register_admin_viewset")
def register_lti_viewsets():
    return LtiViewSetGroup()
