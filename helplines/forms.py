from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class CountryForm(forms.Form):
    """The visitor picks their country; nothing guesses it for them.

    The list is built per request, so country names follow the page's language.
    """

    country = forms.ChoiceField(label=_("Your country"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose your country")), *countries]
