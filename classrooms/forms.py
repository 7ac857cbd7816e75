import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .content import ContentInLanguage, Text
from .models import Class, normalise_join_code
from .pupils import BulkError, parse_nicknames


class ClassForm(forms.ModelForm):
    audience = forms.TypedChoiceField(
        label=_("Audience"),
        coerce=uuid.UUID,
        empty_value=None,
        required=False,
        help_text=_("Assign work then offers this audience's paths and modules first."),
    )

    class Meta:
        model = Class
        fields = ["name", "language", "audience", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [
            ("", _("All audiences")),
            *audience_choices(translation.get_language()),
        ]


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


def audience_pages():
    """Live source (English) audience pages, in tree order."""
    from wagtail.models import Locale

    from courses.models import AudiencePage

    return AudiencePage.objects.live().filter(locale=Locale.get_default()).order_by("path")


def audience_choices(language):
    """(translation_key, title in `language` or the source title) of every audience."""
    from cms.pages_in_language import localized_pages, page_in_language

    audiences = list(audience_pages())
    pages = localized_pages([a.translation_key for a in audiences], language)
    return [
        (str(a.translation_key), page_in_language(pages, str(a.translation_key), language).title)
        for a in audiences
    ]


def content_choices(language, audience_key=None):
    """Live paths and their modules as ("kind:translation_key", Text) pairs, titled in
    `language` where translated; only those of one audience when `audience_key` is given."""
    from wagtail.models import Locale

    from courses.models import LearningPathPage, ModulePage

    default = Locale.get_default()
    paths = LearningPathPage.objects.live().filter(locale=default).order_by("path")
    if audience_key is not None:
        audience = audience_pages().filter(translation_key=audience_key).first()
        if audience is None:
            return []
        paths = paths.descendant_of(audience)
    paths = list(paths)
    within = Q(pk__in=[])
    for path in paths:
        within |= Q(path__startswith=path.path)
    modules = list(ModulePage.objects.live().filter(within, locale=default).order_by("path"))
    content = ContentInLanguage(language, [*paths, *modules])
    choices = []
    for path in paths:
        path_title = content.title(path)
        # The whole option in one language, the one its lang attribute names.
        with translation.override(path_title.lang):
            whole = str(_("Whole path: %(title)s") % {"title": path_title})
        choices.append((f"path:{path.translation_key}", Text(whole, path_title.lang)))
        for module in modules:
            if module.path.startswith(path.path):
                module_title = content.title(module)
                choices.append(
                    (
                        f"module:{module.translation_key}",
                        Text(f"{path_title} › {module_title}", module_title.lang),
                    )
                )
    return choices


class ContentSelect(forms.Select):
    """A select whose options carry the language of their text (lang/dir), as the
    titles may be in the class language or, untranslated, in the source language."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if isinstance(label, Text):
            option["attrs"] = {**option["attrs"], "lang": label.lang, "dir": label.dir}
        return option


class AssignmentForm(forms.Form):
    content = forms.ChoiceField(
        label=_("Module or learning path"), choices=(), widget=ContentSelect
    )
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

    def __init__(self, *args, school_class, all_audiences=False, **kwargs):
        super().__init__(*args, **kwargs)
        audience = None if all_audiences else school_class.audience
        self.fields["content"].choices = content_choices(school_class.language, audience)
        self.fields["pupils"].queryset = school_class.pupils.order_by("username")
        self.fields["pupils"].label_from_instance = lambda user: (
            f"{user.display_name} ({user.username})" if user.display_name else user.username
        )
