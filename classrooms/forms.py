from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Class, normalise_join_code
from .pupils import BulkError, parse_nicknames


class ClassForm(forms.ModelForm):
    class Meta:
        model = Class
        fields = ["name", "language", "country"]


class AddPupilsForm(forms.Form):
    names = forms.CharField(
        label=_("First names or nicknames, one per line"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Each pupil gets a username made from the name and a simple password."),
    )
    age_band = forms.ChoiceField(
        label=_("Age of the pupils"),
        choices=get_user_model().AgeBand.choices,
        help_text=_("Pick the age of most of the class."),
    )

    def clean_names(self):
        text = self.cleaned_data["names"]
        try:
            parse_nicknames(text)
        except BulkError as error:
            self.line_errors = error.errors
            raise forms.ValidationError(
                [
                    _("Line %(line)d: %(error)s") % {"line": line, "error": message}
                    if line
                    else message
                    for line, message in error.errors
                ]
            ) from None
        return text


class CoTeacherForm(forms.Form):
    identifier = forms.CharField(
        label=_("Username or email address of the educator"), max_length=254
    )

    def clean_identifier(self):
        value = self.cleaned_data["identifier"].strip()
        User = get_user_model()
        user = (
            User.objects.filter(Q(username=value) | Q(email__iexact=value))
            .filter(kind=User.Kind.ADULT, role=User.Role.EDUCATOR, is_active=True)
            .first()
        )
        if user is None:
            raise forms.ValidationError(_("No educator account has this username or email."))
        return user


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Class code"), max_length=20)

    def clean_code(self):
        return normalise_join_code(self.cleaned_data["code"])


def content_choices():
    """Live English (source) paths and their modules, as "kind:translation_key"."""
    from wagtail.models import Locale

    from courses.models import LearningPathPage, ModulePage

    default = Locale.get_default()
    paths = LearningPathPage.objects.live().filter(locale=default).order_by("path")
    modules = ModulePage.objects.live().filter(locale=default).order_by("path")
    choices = []
    for path in paths:
        choices.append(
            (f"path:{path.translation_key}", _("Whole path: %(title)s") % {"title": path.title})
        )
        for module in modules:
            if module.path.startswith(path.path):
                choices.append(
                    (f"module:{module.translation_key}", f"{path.title} › {module.title}")
                )
    return choices


class AssignmentForm(forms.Form):
    content = forms.ChoiceField(label=_("Module or learning path"), choices=())
    pupils = forms.ModelMultipleChoiceField(
        label=_("Pupils"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to assign to the whole class."),
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note for the pupils"), required=False, max_length=300)

    def __init__(self, *args, school_class, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].choices = content_choices()
        self.fields["pupils"].queryset = school_class.pupils.order_by("username")
        self.fields["pupils"].label_from_instance = lambda user: (
            f"{user.display_name} ({user.username})" if user.display_name else user.username
        )


class ParentCodeForm(forms.Form):
    code = forms.CharField(label=_("Code from the child"), max_length=20)
