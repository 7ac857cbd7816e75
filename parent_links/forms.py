from django import forms
from django.utils.translation import gettext_lazy as _


class ParentCodeForm(forms.Form):
    code = forms.CharField(label=_("Code from the child"), max_length=20)
