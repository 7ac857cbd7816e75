"""The tool's public key set, which platforms use to check what the tool signs.

Keys are django-lti's (lti_tool.Key). The first request makes one if there is none, so a
new installation publishes a key set without a manual step; `manage.py rotate_keys`
(django-lti) adds a new key and retires old ones (retired keys leave the set).
"""

from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from lti_tool.models import Key


@require_GET
def key_set(request):
    with transaction.atomic():
        if not Key.objects.active().exists():
            Key.objects.generate()
    response = JsonResponse(Key.objects.as_jwks())
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response
