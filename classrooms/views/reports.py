"""The class report, on screen and as CSV."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.access import educator_required
from cms.csv_export import csv_response

from ..report import class_report
from . import access


@educator_required
def report(request, pk):
    school_class = access.my_class(request, pk)
    return render(
        request,
        "classrooms/report.html",
        {"class": school_class, "report": class_report(school_class)},
    )


@educator_required
def report_csv(request, pk):
    school_class = access.my_class(request, pk)
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
