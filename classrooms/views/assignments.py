"""Work assigned to a class: the educator assigns and withdraws it, the pupil sees theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import educator_required
from cms.pages_in_language import localized_pages, page_in_language
from courses.models import LessonCompletion, ModuleCompletion, PathCompletion, QuizAttempt

from ..forms import AssignmentForm
from ..models import Assignment
from ..report import assignment_structure
from . import access
from .classes import audience_title


@educator_required
def assign(request, pk):
    school_class = access.my_class(request, pk)
    audience = audience_title(school_class)
    # Posting back to the same address keeps the choice of audiences the form showed;
    # a class whose audience is no longer live is offered every audience.
    all_audiences = audience is None or request.GET.get("audiences") == "all"
    form = AssignmentForm(
        request.POST or None, school_class=school_class, all_audiences=all_audiences
    )
    if request.method == "POST" and form.is_valid():
        kind, key = form.cleaned_data["content"].split(":", 1)
        with transaction.atomic():
            assignment = Assignment.objects.create(
                school_class=school_class,
                kind=kind,
                content_key=key,
                due_date=form.cleaned_data["due_date"],
                note=form.cleaned_data["note"],
                created_by=request.user,
            )
            assignment.pupils.set(form.cleaned_data["pupils"])
        messages.success(request, _("The work is assigned."))
        return redirect("classrooms:report", pk=pk)
    # Every module offered gets its printable lesson plan, in the class's language.
    lesson_plans = [
        (value.split(":", 1)[1], title)
        for value, title in form.fields["content"].choices
        if value.startswith("module:")
    ]
    return render(
        request,
        "classrooms/assign.html",
        {
            "class": school_class,
            "form": form,
            "audience": audience,
            "all_audiences": all_audiences,
            "lesson_plans": lesson_plans,
        },
    )


@require_POST
@educator_required
def unassign(request, pk, assignment_id):
    school_class = access.my_class(request, pk)
    get_object_or_404(school_class.assignments, pk=assignment_id).delete()
    messages.success(request, _("The work is no longer assigned."))
    return redirect("classrooms:report", pk=pk)


@login_required
def assigned(request):
    """ "Assigned to me": the pupil's own assignments, titles and dates in their language."""
    user = request.user
    assignments = list(
        Assignment.objects.filter(
            school_class__pupil_links__pupil=user, school_class__archived=False
        )
        .filter(Q(pupils=None) | Q(pupils=user))
        .select_related("school_class")
        .distinct()
    )
    language = translation.get_language()
    pages = localized_pages([a.content_key for a in assignments], language)
    done = {
        str(k)
        for k in ModuleCompletion.objects.filter(learner=user).values_list("module_key", flat=True)
    }
    done |= {
        str(k)
        for k in PathCompletion.objects.filter(learner=user).values_list("path_key", flat=True)
    }
    # Started: a lesson done or a quiz tried in any module of the assigned module or path.
    _roots, modules_by_root, _lessons = assignment_structure(assignments)
    module_keys = {m.translation_key for modules in modules_by_root.values() for m in modules}
    started = set(
        LessonCompletion.objects.filter(learner=user, module_key__in=module_keys).values_list(
            "module_key", flat=True
        )
    ) | set(
        QuizAttempt.objects.filter(learner=user, module_key__in=module_keys).values_list(
            "module_key", flat=True
        )
    )
    today = timezone.localdate()
    items = []
    for assignment in assignments:
        page = page_in_language(pages, str(assignment.content_key), language)
        if page is None:
            continue
        items.append(
            {
                "assignment": assignment,
                "page": page,
                "done": str(assignment.content_key) in done,
                "started": any(
                    m.translation_key in started
                    for m in modules_by_root.get(assignment.content_key, [])
                ),
                "overdue": bool(assignment.due_date and assignment.due_date < today),
            }
        )
    return render(request, "classrooms/assigned.html", {"items": items})
