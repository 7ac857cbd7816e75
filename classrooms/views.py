"""Educator pages (classes, pupils, cards) and the pupil's join page.

Every educator view finds the class among the signed-in educator's own classes, so
another educator's class answers 404; non-educators get 403. Pupils are found among
the members of that class only.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.throttling import client_ip
from cms.csv_export import csv_response
from cms.rate_limits import count_in_window, count_so_far
from courses.models import LessonCompletion, ModuleCompletion, PathCompletion, QuizAttempt
from courses.progress import localized_pages, page_in_language

from .forms import (
    AddPupilsForm,
    AssignmentForm,
    ClassForm,
    CoTeacherForm,
    JoinForm,
    audience_choices,
)
from .models import Assignment, Class, ClassEducator, ClassPupil, ParentLink
from .parents import end_class_links
from .pupils import create_pupils
from .pupils import reset_password as new_password
from .report import assignment_structure, class_report

CARDS_SESSION_KEY = "classroom_cards"
JOIN_ATTEMPTS_ALLOWED = 10  # wrong codes per user and address
JOIN_WINDOW_SECONDS = 15 * 60


def is_educator(user):
    User = get_user_model()
    return (
        user.is_authenticated and user.kind == User.Kind.ADULT and user.role == User.Role.EDUCATOR
    )


def educator_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_educator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _my_class(request, pk):
    return get_object_or_404(Class.taught_by(request.user), pk=pk)


def _membership(school_class, user_id):
    return get_object_or_404(
        ClassPupil.objects.select_related("pupil"), school_class=school_class, pupil_id=user_id
    )


def _audience_title(school_class):
    """The class's audience, titled in the language the educator reads (HTML), or None."""
    if school_class.audience is None:
        return None
    title = dict(audience_choices(translation.get_language())).get(str(school_class.audience))
    # Isolated, so a title in another script does not reorder the sentence around it.
    return None if title is None else format_html("<bdi>{}</bdi>", title)


def _remember_passwords(request, school_class, pairs):
    """Keep new passwords in the session until the cards page shows them, once."""
    cards = dict(request.session.get(CARDS_SESSION_KEY, {}))
    passwords = dict(cards.get(str(school_class.pk), {}))
    passwords.update({str(user.pk): password for user, password in pairs})
    cards[str(school_class.pk)] = passwords
    request.session[CARDS_SESSION_KEY] = cards


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
    school_class = _my_class(request, pk)
    form = ClassForm(request.POST or None, instance=school_class)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The class is saved."))
        return redirect("classrooms:detail", pk=school_class.pk)
    return render(request, "classrooms/class_form.html", {"form": form, "class": school_class})


@educator_required
def class_detail(request, pk):
    school_class = _my_class(request, pk)
    links = school_class.pupil_links.select_related("pupil").order_by("pupil__username")
    educators = school_class.educators.order_by("username")
    return render(
        request,
        "classrooms/class_detail.html",
        {
            "class": school_class,
            "audience": _audience_title(school_class),
            "links": links,
            "educators": educators,
            "coteacher_form": CoTeacherForm(),
        },
    )


@educator_required
@never_cache
def add_pupils(request, pk):
    school_class = _my_class(request, pk)
    if school_class.archived:
        raise PermissionDenied
    form = AddPupilsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pairs = create_pupils(
            school_class, request.user, form.cleaned_data["names"], form.cleaned_data["age_band"]
        )
        _remember_passwords(request, school_class, pairs)
        return redirect("classrooms:cards", pk=school_class.pk)
    return render(request, "classrooms/add_pupils.html", {"class": school_class, "form": form})


@educator_required
@never_cache
def cards(request, pk):
    """Login cards in the class language. New passwords are shown this once."""
    school_class = _my_class(request, pk)
    stored = dict(request.session.get(CARDS_SESSION_KEY, {}))
    passwords = stored.pop(str(school_class.pk), {})
    request.session[CARDS_SESSION_KEY] = stored
    links = school_class.pupil_links.select_related("pupil").order_by("pupil__username")
    pupils = [(link.pupil, passwords.get(str(link.pupil_id))) for link in links]
    if passwords:
        pupils = [pair for pair in pupils if pair[1]]
    with translation.override(school_class.language):
        return render(
            request,
            "classrooms/cards.html",
            {"class": school_class, "pupils": pupils, "login_path": _login_path(school_class)},
        )


def _login_path(school_class):
    with translation.override(school_class.language):
        return reverse("accounts:login")


@require_POST
@educator_required
def regenerate_code(request, pk):
    school_class = _my_class(request, pk)
    school_class.regenerate_join_code()
    messages.success(request, _("The class has a new code. The old one no longer works."))
    return redirect("classrooms:detail", pk=pk)


@require_POST
@educator_required
def archive(request, pk):
    school_class = _my_class(request, pk)
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
    school_class = _my_class(request, pk)
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


@require_POST
@educator_required
def reset_password(request, pk, user_id):
    """A new password for an account made for the class (never for one that joined)."""
    school_class = _my_class(request, pk)
    link = _membership(school_class, user_id)
    if link.created_by_id is None:
        raise PermissionDenied
    _remember_passwords(request, school_class, [(link.pupil, new_password(link.pupil))])
    return redirect("classrooms:cards", pk=pk)


@educator_required
@never_cache
def pupil(request, pk, user_id):
    """One pupil: what the educator may do, and (for an account made for the class) who
    follows the pupil's progress, with the class each link came through."""
    school_class = _my_class(request, pk)
    membership = _membership(school_class, user_id)
    links = []
    if membership.created_by_id is not None:
        links = list(
            ParentLink.objects.filter(child=membership.pupil)
            .select_related("parent", "school_class")
            .order_by("status", "created")
        )
    taught = set(Class.taught_by(request.user).values_list("pk", flat=True))
    for link in links:
        link.confirmable = not link.is_active and link.school_class_id in taught
    return render(
        request,
        "classrooms/pupil.html",
        {
            "class": school_class,
            "membership": membership,
            "pupil": membership.pupil,
            "links": links,
        },
    )


@educator_required
@never_cache
def remove_pupil(request, pk, user_id):
    """Take a pupil out of the class: GET asks, POST does it.

    The pupil keeps their account and progress; parent links and unused parent codes
    made through this class end with the membership.
    """
    school_class = _my_class(request, pk)
    membership = _membership(school_class, user_id)
    if request.method == "POST":
        with transaction.atomic():
            end_class_links(school_class, membership.pupil)
            membership.delete()
        messages.success(request, _("The pupil is no longer in this class."))
        return redirect("classrooms:detail", pk=pk)
    links = ParentLink.objects.filter(school_class=school_class, child=membership.pupil).count()
    return render(
        request,
        "classrooms/pupil_remove.html",
        {"class": school_class, "pupil": membership.pupil, "parent_links": links},
    )


@educator_required
@never_cache
def delete_pupil(request, pk, user_id):
    """Delete an account made for the class, with all its records: GET asks, POST deletes.

    Everything that points at the account goes with it (on_delete=CASCADE).
    """
    school_class = _my_class(request, pk)
    membership = _membership(school_class, user_id)
    if membership.created_by_id is None:
        raise PermissionDenied
    if request.method == "POST":
        membership.pupil.delete()
        messages.success(request, _("The account and its learning records are deleted."))
        return redirect("classrooms:detail", pk=pk)
    return render(
        request,
        "classrooms/pupil_delete.html",
        {"class": school_class, "pupil": membership.pupil},
    )


class WrongCodeLimit:
    """Wrong codes typed by one account from one address, for one kind of code.

    Class codes and parent codes are short; counting misses per account and address
    keeps anyone from trying them all.
    """

    def __init__(self, request, kind):
        self.key = f"classrooms:{kind}:{request.user.pk}:{client_ip(request)}"

    @property
    def blocked(self):
        return count_so_far(self.key) >= JOIN_ATTEMPTS_ALLOWED

    def count_miss(self):
        count_in_window(self.key, JOIN_WINDOW_SECONDS)


@login_required
@never_cache
def join(request):
    """A signed-in child joins a class with its code; wrong codes are counted.

    Adults never join as pupils: an adult in a children's class would see its pupils'
    work and names. Educators are added as co-teachers by someone who teaches the class.
    """
    if not request.user.is_child:
        status = 403 if request.method == "POST" else 200
        return render(request, "classrooms/join.html", {"adult": True}, status=status)
    form = JoinForm(request.POST or None)
    limit = WrongCodeLimit(request, "join")
    blocked = limit.blocked
    if request.method == "POST" and not blocked and form.is_valid():
        school_class = Class.objects.filter(
            join_code=form.cleaned_data["code"], archived=False
        ).first()
        if school_class is None:
            limit.count_miss()
            form.add_error("code", _("No class has this code. Check it with your teacher."))
        else:
            ClassPupil.objects.get_or_create(school_class=school_class, pupil=request.user)
            messages.success(
                request, _("You joined the class %(name)s.") % {"name": school_class.name}
            )
            return redirect("courses:my_learning")
    status = 429 if blocked and request.method == "POST" else 200
    return render(
        request, "classrooms/join.html", {"form": form, "blocked": blocked}, status=status
    )


@educator_required
def assign(request, pk):
    school_class = _my_class(request, pk)
    audience = _audience_title(school_class)
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
    return render(
        request,
        "classrooms/assign.html",
        {
            "class": school_class,
            "form": form,
            "audience": audience,
            "all_audiences": all_audiences,
        },
    )


@require_POST
@educator_required
def unassign(request, pk, assignment_id):
    school_class = _my_class(request, pk)
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


@educator_required
def report(request, pk):
    school_class = _my_class(request, pk)
    return render(
        request,
        "classrooms/report.html",
        {"class": school_class, "report": class_report(school_class)},
    )


@educator_required
def report_csv(request, pk):
    school_class = _my_class(request, pk)
    data = class_report(school_class)
    header = [_("Username"), _("Name"), _("Needs help")]
    for item in data.items:
        header += [str(item.title), _("Best score"), _("Last activity")]
    rows = [header]
    for row in data.rows:
        line = [row.pupil.username, row.pupil.display_name, _("yes") if row.needs_help else ""]
        for cell in row.cells:
            if not cell.assigned:
                line += ["", "", ""]
                continue
            status = (
                f"{cell.label} ({cell.percent}%)" if cell.status == "in_progress" else cell.label
            )
            line += [
                status,
                "" if cell.best_score is None else f"{cell.best_score}%",
                cell.last_activity.date().isoformat() if cell.last_activity else "",
            ]
        rows.append(line)
    return csv_response(f"class-{school_class.pk}-report.csv", rows)
