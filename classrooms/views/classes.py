"""An educator's classes: list, create, edit, the class page, its code, archive, co-teachers."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import educator_required

from .. import hooks
from ..forms import ClassForm, CoTeacherForm, audience_choices
from ..models import Class, ClassEducator
from . import access


def audience_title(school_class):
    """The class's audience, titled in the language the educator reads (HTML), or None."""
    if school_class.audience is None:
        return None
    title = dict(audience_choices(translation.get_language())).get(str(school_class.audience))
    # Isolated, so a title in another script does not reorder the sentence around it.
    return None if title is None else format_html("<bdi>{}</bdi>", title)


@educator_required
def class_list(request):
    classes = Class.taught_by(request.user).prefetch_related("pupil_links")
    return render(request, "classrooms/class_list.html", {"classes": classes})


@educator_required
def class_create(request):
    form = ClassForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            school_class = form.save()
            ClassEducator.objects.create(school_class=school_class, educator=request.user)
        return redirect("classrooms:detail", pk=school_class.pk)
    return render(request, "classrooms/class_form.html", {"form": form})


@educator_required
def class_edit(request, pk):
    school_class = access.my_class(request, pk)
    form = ClassForm(request.POST or None, instance=school_class)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The class is saved."))
        return redirect("classrooms:detail", pk=school_class.pk)
    return render(request, "classrooms/class_form.html", {"form": form, "class": school_class})


@educator_required
def class_detail(request, pk):
    school_class = access.my_class(request, pk)
    links = list(school_class.pupil_links.select_related("pupil").order_by("pupil__username"))
    for link in links:
        link.more_actions = hooks.collect(
            hooks.pupil_row_actions, request=request, school_class=school_class, membership=link
        )
    educators = school_class.educators.order_by("username")
    return render(
        request,
        "classrooms/class_detail.html",
        {
            "class": school_class,
            "audience": audience_title(school_class),
            "links": links,
            "educators": educators,
            "coteacher_form": CoTeacherForm(),
        },
    )


@require_POST
@educator_required
def regenerate_code(request, pk):
    school_class = access.my_class(request, pk)
    school_class.regenerate_join_code()
    messages.success(request, _("The class has a new code. The old one no longer works."))
    return redirect("classrooms:detail", pk=pk)


@require_POST
@educator_required
def archive(request, pk):
    school_class = access.my_class(request, pk)
    school_class.archived = not school_class.archived
    school_class.save(update_fields=["archived"])
    if school_class.archived:
        messages.success(request, _("The class is archived."))
    else:
        messages.success(request, _("The class is back from the archive."))
    return redirect("classrooms:detail", pk=pk)


@require_POST
@educator_required
def add_educator(request, pk):
    school_class = access.my_class(request, pk)
    form = CoTeacherForm(request.POST)
    if form.is_valid():
        ClassEducator.objects.get_or_create(
            school_class=school_class, educator=form.cleaned_data["identifier"]
        )
        messages.success(request, _("The educator now teaches this class too."))
    else:
        for error in form.errors.get("identifier", []):
            messages.error(request, error)
    return redirect("classrooms:detail", pk=pk)
