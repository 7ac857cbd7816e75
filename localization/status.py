"""Translation status of every page and translatable snippet, in a constant number of queries.

States of one object in one target language, in order of precedence:

- missing: no page/entry exists in that language.
- outdated: the English source was published after the translation was last synced,
  i.e. the source's ``last_published_at`` is later than its wagtail-localize
  ``TranslationSource.last_updated_at`` (set when "Translate" or "Sync translated
  pages" extracts the source's strings). Syncing brings the new strings in, after which
  the state is "in progress" until they are translated. For a translation made outside
  wagtail-localize (no Translation record), outdated means the source was published
  after the translation's latest revision.
- in progress: some segments lack a translation (percent = translated / total
  segments, as wagtail-localize's Translation.get_progress() counts them).
- up to date: every segment is translated and the source has not changed since.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Sum, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from courses.models import AudiencePage, LearningPathPage, ModulePage

from .roles import snippet_models, target_languages, user_languages


class Status:
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    UP_TO_DATE = "up_to_date"
    OUTDATED = "outdated"

    labels = {
        MISSING: _("Missing"),
        IN_PROGRESS: _("In progress"),
        UP_TO_DATE: _("Up to date"),
        OUTDATED: _("Outdated"),
    }
    order = [MISSING, OUTDATED, IN_PROGRESS, UP_TO_DATE]


@dataclass
class Cell:
    language: str
    status: str
    percent: int | None = None
    edit_url: str = ""
    translate_url: str = ""
    sync_url: str = ""
    po_url: str = ""
    archive_url: str = ""
    review_url: str = ""

    @property
    def label(self):
        return Status.labels[self.status]


@dataclass
class Row:
    kind: str  # "page" or "snippet"
    title: str
    location: str
    depth: int
    audience_key: str = ""
    audience_title: str = ""
    cells: list = field(default_factory=list)


def _progress_by_source(locales):
    """{source_id: (total segments, {locale_id: translated segments})} in one query."""
    segments = StringSegment.objects.filter(source__locale__language_code=settings.LANGUAGE_CODE)
    sums = {}
    for locale in locales:
        name = f"done_{locale.pk}"
        segments = segments.annotate(
            **{
                f"is_{name}": Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=locale.pk,
                        has_error=False,
                    )
                )
            }
        )
        sums[name] = Sum(
            Case(When(**{f"is_{name}": True}, then=Value(1)), default=Value(0)),
            output_field=IntegerField(),
        )
    rows = segments.values("source_id").annotate(total=Count("pk"), **sums).order_by()
    return {
        row["source_id"]: (row["total"], {loc.pk: row[f"done_{loc.pk}"] or 0 for loc in locales})
        for row in rows
    }


def _cell(language, locale, source, translation, target, source_published, progress):
    if target is None:
        return Cell(language, Status.MISSING)
    if translation is None:
        changed = source_published and target["latest"] and source_published > target["latest"]
        return Cell(language, Status.OUTDATED if changed else Status.UP_TO_DATE)
    if source_published and source["last_updated_at"] < source_published:
        status = Status.OUTDATED
    else:
        status = Status.IN_PROGRESS
    total, done = progress.get(source["id"], (0, {}))
    done = done.get(locale.pk, 0)
    percent = 100 if not total else int(100 * done / total)
    if status == Status.IN_PROGRESS and done >= total:
        status = Status.UP_TO_DATE
    return Cell(language, status, percent)


def build_board(user, language=None, audience=None, status=None):
    """Rows of the board and per-language counts, filtered as asked.

    Query count does not depend on the number of pages, snippets or translations.
    """
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = {
        loc.language_code: loc
        for loc in Locale.objects.filter(language_code__in=target_languages())
    }
    languages = [code for code in target_languages() if code in locales]
    shown = [language] if language in languages else languages
    editable = (
        set(languages)
        if (user.is_superuser or not user_languages(user))
        else (user_languages(user))
    )
    can_submit = user.is_superuser or user.has_perm("wagtail_localize.submit_translation")
    progress = _progress_by_source(locales.values())
    sources = {
        s["object_id"]: s
        for s in TranslationSource.objects.filter(locale=source_locale).values(
            "id", "object_id", "last_updated_at"
        )
    }
    translations = {
        (t["source_id"], t["target_locale_id"]): t
        for t in Translation.objects.filter(source__locale=source_locale, enabled=True).values(
            "id", "uuid", "source_id", "target_locale_id"
        )
    }
    by_locale_id = {loc.pk: code for code, loc in locales.items()}
    archive_types = {
        ContentType.objects.get_for_model(model).pk for model in (LearningPathPage, ModulePage)
    }

    objects = []  # (kind, model, source dict, targets {language: dict})
    pages = list(
        Page.objects.filter(locale=source_locale, depth__gte=2)
        .order_by("path")
        .values(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "last_published_at",
            "content_type_id",
        )
    )
    targets = {}
    for page in Page.objects.filter(locale__in=locales.values(), depth__gte=2).values(
        "id", "translation_key", "locale_id", "latest_revision_created_at"
    ):
        page["latest"] = page["latest_revision_created_at"]
        targets[page["translation_key"], by_locale_id[page["locale_id"]]] = page
    audiences = list(
        AudiencePage.objects.filter(locale=source_locale).values("path", "title", "translation_key")
    )
    for page in pages:
        objects.append(("page", Page, page, page["title"], page["url_path"]))
    for model in snippet_models():
        for entry in model.objects.filter(locale__in=locales.values()).values(
            "id", "translation_key", "locale_id", "latest_revision__created_at"
        ):
            entry["latest"] = entry["latest_revision__created_at"]
            targets[entry["translation_key"], by_locale_id[entry["locale_id"]]] = entry
        for entry in model.objects.filter(locale=source_locale):
            values = {
                "id": entry.pk,
                "translation_key": entry.translation_key,
                "last_published_at": getattr(entry, "last_published_at", None),
            }
            objects.append(("snippet", model, values, str(entry), model._meta.verbose_name))

    rows = []
    counts = {code: dict.fromkeys(Status.order, 0) for code in shown}
    for kind, model, obj, title, location in objects:
        row = Row(kind, title, str(location), obj.get("depth", 0))
        if kind == "page":
            for aud in audiences:
                if obj["path"].startswith(aud["path"]):
                    row.audience_key, row.audience_title = aud["translation_key"], aud["title"]
        if audience and str(row.audience_key) != audience:
            continue
        source = sources.get(obj["translation_key"])
        for code in shown:
            locale = locales[code]
            translation = source and translations.get((source["id"], locale.pk))
            target = targets.get((obj["translation_key"], code))
            cell = _cell(
                code, locale, source, translation, target, obj["last_published_at"], progress
            )
            _add_links(
                cell,
                kind,
                model,
                obj,
                target,
                source,
                translation,
                code in editable,
                can_submit,
                kind == "page" and obj["content_type_id"] in archive_types,
            )
            row.cells.append(cell)
        if status and not any(cell.status == status for cell in row.cells):
            continue
        for cell in row.cells:
            counts[cell.language][cell.status] += 1
        rows.append(row)
    return {
        "rows": rows,
        "languages": shown,
        "all_languages": languages,
        "counts": counts,
        "audiences": audiences,
    }


def _add_links(
    cell, kind, model, obj, target, source, translation, editable, can_submit, archivable
):
    meta = model._meta
    if target is None:
        if can_submit:
            if kind == "page":
                cell.translate_url = reverse(
                    "wagtail_localize:submit_page_translation", args=[obj["id"]]
                )
            else:
                cell.translate_url = reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, obj["id"]],
                )
        return
    if cell.status == Status.OUTDATED and can_submit and source:
        cell.sync_url = reverse("wagtail_localize:update_translations", args=[source["id"]])
    if not editable:
        return
    if kind == "page":
        cell.edit_url = reverse("wagtailadmin_pages:edit", args=[target["id"]])
        if translation:
            cell.review_url = reverse("localization:submit_review", args=[target["id"]])
    else:
        cell.edit_url = reverse(
            f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[target["id"]]
        )
    if translation:
        cell.po_url = reverse("localization:po_download", args=[translation["uuid"]])
    if archivable:
        cell.archive_url = reverse("localization:po_archive", args=[obj["id"], cell.language])
