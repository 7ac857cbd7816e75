"""Building the curriculum's pages and their translations through Wagtail's APIs.

English pages are created from the source files and published as an editor would;
translations are made by wagtail-localize from the PO catalogues, so each translated
page is a real, linked translation that translators can keep editing in the CMS.

Existing pages and translations are left alone unless `update` is set: running the
loader again changes nothing, and never overwrites an editor's work by surprise.
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from .source import TRANSLATIONS_DIR, PageSpec


class CatalogueError(Exception):
    """A translation catalogue is missing, incomplete or does not match the source."""


@dataclass
class LoadReport:
    pages_created: int = 0
    pages_updated: int = 0
    translations_saved: int = 0


def message_context(spec, path):
    """The msgctxt of a segment in a catalogue: which page, then which segment."""
    return f"{spec.key or '.'} {path}"


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def target_locales():
    default = Locale.get_default()
    return list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))


def _apply_fields(page, values):
    """Set field values that differ from the page's; return whether any did."""
    model = type(page)
    desired = model(**values)
    changed = False
    for name in values:
        model_field = model._meta.get_field(name)
        if model_field.get_prep_value(getattr(page, name)) != model_field.get_prep_value(
            getattr(desired, name)
        ):
            setattr(page, name, getattr(desired, name))
            changed = True
    return changed


def _publish(page):
    page.save_revision().publish()


def ensure_home(spec, report, update=False):
    """The English home page under the tree root, set as the default site's root."""
    root = Page.get_first_root_node()
    default_locale = Locale.get_default()
    model = apps.get_model(spec.model)
    home = model.objects.child_of(root).filter(locale=default_locale).first()
    if home is None:
        # Wagtail's migrations leave a plain "Welcome" page; it is replaced.
        Page.objects.child_of(root).filter(
            content_type=ContentType.objects.get_for_model(Page), numchild=0
        ).delete()
        home = model(locale=default_locale, **spec.fields)
        root.add_child(instance=home)
        _publish(home)
        report.pages_created += 1
    elif update and _apply_fields(home, spec.fields):
        _publish(home)
        report.pages_updated += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    # Without a site name the Wagtail admin greets editors with the host name
    # ("localhost"); a name an administrator has given the site is kept.
    if site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
    return home


def ensure_child(parent, spec, report, update=False):
    model = apps.get_model(spec.model)
    page = model.objects.child_of(parent).filter(slug=spec.fields["slug"]).first()
    if page is None:
        page = model(**spec.fields)
        parent.add_child(instance=page)
        _publish(page)
        report.pages_created += 1
    elif update and _apply_fields(page, spec.fields):
        _publish(page)
        report.pages_updated += 1
    return page


def read_catalogue(language_code, catalogue, translations_dir=TRANSLATIONS_DIR):
    path = translations_dir / language_code / f"{catalogue}.po"
    if not path.exists():
        raise CatalogueError(f"Missing translation catalogue {path.name} for {language_code}.")
    return read_po_file(path)


def read_po_file(path):
    """Parse the committed catalogue at `path`, a file of this repository.

    polib.pofile() takes a path or a file's content; this helper is only for paths,
    so it checks it was given one. Uploaded text never comes here.
    """
    path = Path(path)
    if not path.is_file():
        raise CatalogueError(f"No catalogue file at {path}.")
    return polib.pofile(str(path))


def page_po(catalogue_po, spec):
    """The part of a module's catalogue that belongs to one page, as wagtail-localize reads it."""
    prefix = message_context(spec, "")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    for entry in catalogue_po:
        if entry.msgctxt and entry.msgctxt.startswith(prefix) and not entry.obsolete:
            po.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt[len(prefix) :],
                    msgid=entry.msgid,
                    msgstr="" if entry.fuzzy else entry.msgstr,
                )
            )
    return po


def translate_page(page, spec, locale, catalogue_po, report, update=False):
    """Create (or with `update`, refresh) one page's translation from its catalogue."""
    if update:
        source, _created = TranslationSource.update_or_create_from_instance(page)
    else:
        source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not created and not update and page.has_translation(locale):
        return
    warnings = translation.import_po(page_po(catalogue_po, spec))
    if warnings:
        raise CatalogueError(
            f"{locale.language_code}/{spec.catalogue}.po does not match the page "
            f"'{spec.key or 'home'}': {'; '.join(str(w) for w in warnings)}"
        )
    missing = [
        segment.string.data
        for segment in StringSegment.objects.filter(source=source)
        .select_related("string")
        .annotate_translation(locale)
        if not segment.translation
    ]
    if missing:
        raise CatalogueError(
            f"{locale.language_code}/{spec.catalogue}.po has no translation for "
            f"{len(missing)} segment(s) of '{spec.key or 'home'}', e.g. {missing[0]!r}"
        )
    # wagtail-localize publishes on transaction commit from the revision's in-memory
    # page, which would reset the tree's child counts when a parent and its children
    # are translated in one transaction; so save a draft and publish it from the database.
    translation.save_target(publish=False)
    page.get_translation(locale).latest_revision.publish()
    report.translations_saved += 1


def build_source_pages(home_spec: PageSpec, report, update=False):
    """Create the English pages; return (page, spec) pairs, parents before children."""
    ensure_locales()
    pages = []

    def build(parent, spec):
        page = ensure_child(parent, spec, report, update)
        pages.append((page, spec))
        for child in spec.children:
            build(page, child)

    home = ensure_home(home_spec, report, update)
    pages.append((home, home_spec))
    for child in home_spec.children:
        build(home, child)
    return pages


@transaction.atomic
def load(home_spec: PageSpec, update=False, translations_dir=TRANSLATIONS_DIR):
    """Create the curriculum's pages in English and all their translations."""
    report = LoadReport()
    pages = build_source_pages(home_spec, report, update)
    for locale in target_locales():
        catalogues = {}
        for page, spec in pages:  # parents come before their children
            if spec.catalogue not in catalogues:
                catalogues[spec.catalogue] = read_catalogue(
                    locale.language_code, spec.catalogue, translations_dir
                )
            translate_page(page, spec, locale, catalogues[spec.catalogue], report, update)
    return report


def write_catalogues(pages, translations_dir=TRANSLATIONS_DIR):
    """Write each target language's catalogues from the English pages.

    Existing translations are kept where the source string and its place are unchanged;
    new or changed strings get an empty msgstr for translators to fill in. The English
    segments are read once and then written for every language.
    """
    entries_by_catalogue = {}
    for page, spec in pages:
        source, _created = TranslationSource.update_or_create_from_instance(page)
        segments = (
            StringSegment.objects.filter(source=source)
            .order_by("order")
            .select_related("context", "string")
        )
        entries_by_catalogue.setdefault(spec.catalogue, []).extend(
            (message_context(spec, segment.context.path), segment.string.data)
            for segment in segments
        )
    written = []
    for locale in target_locales():
        for catalogue, entries in entries_by_catalogue.items():
            path = translations_dir / locale.language_code / f"{catalogue}.po"
            existing = {}
            if path.exists():
                existing = {(e.msgctxt, e.msgid): e.msgstr for e in read_po_file(path)}
            po = polib.POFile(wrapwidth=0)
            po.metadata = {
                "Project-Id-Version": f"COP Learn curriculum: {catalogue}",
                "Language": locale.language_code,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=utf-8",
                "Content-Transfer-Encoding": "8bit",
            }
            for context, text in entries:
                po.append(
                    polib.POEntry(
                        msgctxt=context, msgid=text, msgstr=existing.get((context, text), "")
                    )
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))
            written.append(path)
    return written
