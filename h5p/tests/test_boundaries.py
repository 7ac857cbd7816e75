"""The h5p app sits on top: no other app of ours imports it (DESIGN.md, import directions)."""

import ast
from pathlib import Path

from django.conf import settings

# Apps that must not know the h5p app exists (indicators will read it, when it exists).
INDEPENDENT_APPS = ["accounts", "cms", "courses", "classrooms", "helplines", "localization"]


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_other_app_imports_h5p():
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for app in INDEPENDENT_APPS
        for path in Path(settings.BASE_DIR, app).rglob("*.py")
        if any(name == "h5p" or name.startswith("h5p.") for name in imported_modules(path))
    ]
    assert offenders == []


def test_h5p_imports_only_the_apps_it_may():
    allowed = {"h5p", "courses", "cms", "accounts"}
    ours = {*INDEPENDENT_APPS, "curriculum", "h5p", "indicators"}
    wrong = {
        name
        for path in Path(settings.BASE_DIR, "h5p").rglob("*.py")
        if "tests" not in path.parts
        for name in imported_modules(path)
        if name.split(".")[0] in ours - allowed
    }
    assert wrong == set()
