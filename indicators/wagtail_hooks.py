"""The indicators dashboard in the admin menu, for those who may see some country."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import urls
from .models import FocalPoint
from .roles import visible_countries


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("indicators/", include((urls, "indicators"), namespace="indicators"))]


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_countries(request.user) is not None


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(
        _("COP indicators"), reverse("indicators:dashboard"), icon_name="table", order=260
    )


class FocalPointViewSet(ModelViewSet):
    """Administrators name each country's focal point here."""

    model = FocalPoint
    icon = "user"
    menu_label = _("National focal points")
    add_to_settings_menu = True
    form_fields = ["user", "country"]
    list_display = ["user", "country"]


@hooks.register("register_admin_viewset")
def register_focal_point_viewset():
    return FocalPointViewSet("focal_points")
