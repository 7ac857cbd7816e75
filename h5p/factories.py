"""H5P packages built in code, for tests and the demo: no binary fixture to trust.

`PackageBuilder` holds a package as a dict of path -> bytes and writes the zip, so a test
can break exactly one thing (drop a dependency, add a symlink) and see it refused. Its
default is a small content type of the project's own, H5P.CopTrueFalse 1.0.2, which
needs H5P.CopQuestion 1.1 (the scoring and xAPI part), which needs H5P.CopCore 1.0.
The script reports `answered` and `completed` xAPI statements with a score, as H5P
content does.
"""

import io
import json
import stat
import zipfile

MAIN = {"machineName": "H5P.CopTrueFalse", "majorVersion": 1, "minorVersion": 0}
QUESTION = {"machineName": "H5P.CopQuestion", "majorVersion": 1, "minorVersion": 1}
CORE = {"machineName": "H5P.CopCore", "majorVersion": 1, "minorVersion": 0}

TRUE_FALSE_JS = """\
var H5P = window.H5P = window.H5P || {};
H5P.CopTrueFalse = (function (Question) {
  function CopTrueFalse(params, contentId) {
    Question.call(this, 'cop-true-false');
    this.params = params;
    this.contentId = contentId;
  }
  CopTrueFalse.prototype = Object.create(Question.prototype);
  CopTrueFalse.prototype.attach = function ($container) {
    var self = this, root = $container.get ? $container.get(0) : $container;
    var question = document.createElement('p');
    question.textContent = self.params.question;
    root.appendChild(question);
    [['true', self.params.l10n.trueText], ['false', self.params.l10n.falseText]].forEach(
      function (choice) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = choice[1];
        button.addEventListener('click', function () {
          self.answer(String(self.params.correct) === choice[0] ? 1 : 0, 1);
        });
        root.appendChild(button);
      });
  };
  return CopTrueFalse;
})(H5P.CopQuestion);
"""

QUESTION_JS = """\
var H5P = window.H5P = window.H5P || {};
H5P.CopQuestion = (function (EventDispatcher) {
  function CopQuestion(type) { EventDispatcher.call(this); this.type = type; }
  CopQuestion.prototype = Object.create(EventDispatcher.prototype);
  CopQuestion.prototype.answer = function (score, maxScore) {
    var answered = this.createXAPIEventTemplate('answered');
    answered.setScoredResult(score, maxScore, this, true, score === maxScore);
    this.trigger(answered);
    var completed = this.createXAPIEventTemplate('completed');
    completed.setScoredResult(score, maxScore, this, true, score === maxScore);
    this.trigger(completed);
  };
  return CopQuestion;
})(H5P.EventDispatcher || H5P.CopCore.EventDispatcher);
"""

CORE_JS = """\
var H5P = window.H5P = window.H5P || {};
H5P.CopCore = { EventDispatcher: function () {} };
"""

# Answers big enough for a child's finger on a phone (44 px and more), focus visible.
TRUE_FALSE_CSS = """\
.h5p-content p { font-size: 1.125rem; margin: 0 0 0.75rem; }
.h5p-content button {
  font: inherit; font-weight: 600; min-height: 2.75rem; min-width: 7rem;
  margin-block: 0 0.5rem; margin-inline: 0 0.75rem; padding: 0.5rem 1.25rem;
  border: 2px solid #0b5394; border-radius: 0.5rem; background: #fff; color: #0b5394;
  cursor: pointer;
}
.h5p-content button:hover { background: #0b5394; color: #fff; }
.h5p-content button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
"""

SEMANTICS = [
    {"name": "question", "type": "text", "label": "Question", "importance": "high"},
    {"name": "correct", "type": "select", "label": "Correct answer",
     "options": [{"value": "true", "label": "True"}, {"value": "false", "label": "False"}]},
    {"name": "l10n", "type": "group", "label": "Texts", "common": True, "fields": [
        {"name": "trueText", "type": "text", "label": "True", "default": "True"},
        {"name": "falseText", "type": "text", "label": "False", "default": "False"},
    ]},
]  # fmt: skip


def library_json(ref, patch, title, js, dependencies=()):
    return {
        "title": title,
        "machineName": ref["machineName"],
        "majorVersion": ref["majorVersion"],
        "minorVersion": ref["minorVersion"],
        "patchVersion": patch,
        "runnable": int(ref is MAIN),
        "license": "MIT",
        "author": "COP Learn",
        "embedTypes": ["div"],
        "preloadedJs": [{"path": js}],
        "preloadedDependencies": list(dependencies),
    }


def folder(ref):
    return f"{ref['machineName']}-{ref['majorVersion']}.{ref['minorVersion']}"


class PackageBuilder:
    """A .h5p package as path -> bytes; `build()` gives the zip's bytes."""

    def __init__(self, title="Is it safe to share your password?", main_patch=2):
        self.files = {}
        self.symlinks = {}
        self.put_json(
            "h5p.json",
            {
                "title": title,
                "mainLibrary": MAIN["machineName"],
                "language": "en",
                "embedTypes": ["div"],
                "license": "CC BY 4.0",
                "preloadedDependencies": [MAIN],
            },
        )
        self.put_json(
            "content/content.json",
            {
                "question": "It is fine to share your password with your best friend.",
                "correct": "false",
                "l10n": {"trueText": "True", "falseText": "False"},
            },
        )
        self.put("content/images/lock.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        self.add_library(MAIN, main_patch, "COP true or false", TRUE_FALSE_JS, [QUESTION])
        self.put_json(f"{folder(MAIN)}/semantics.json", SEMANTICS)
        self.put_json(f"{folder(MAIN)}/language/fr.json", {"semantics": []})
        self.put(f"{folder(MAIN)}/styles/true-false.css", TRUE_FALSE_CSS.encode())
        self.edit_json(
            f"{folder(MAIN)}/library.json",
            lambda library: library.update(preloadedCss=[{"path": "styles/true-false.css"}]),
        )
        self.add_library(QUESTION, 0, "COP question", QUESTION_JS, [CORE])
        self.add_library(CORE, 4, "COP core", CORE_JS)

    def add_library(self, ref, patch, title, js, dependencies=()):
        name = folder(ref)
        self.put_json(
            f"{name}/library.json", library_json(ref, patch, title, "main.js", dependencies)
        )
        self.put(f"{name}/main.js", js.encode())

    def put(self, path, data):
        self.files[path] = data
        return self

    def put_json(self, path, data):
        return self.put(path, json.dumps(data, indent=2).encode())

    def json(self, path):
        return json.loads(self.files[path])

    def edit_json(self, path, change):
        data = self.json(path)
        change(data)
        return self.put_json(path, data)

    def remove(self, prefix):
        self.files = {k: v for k, v in self.files.items() if not k.startswith(prefix)}
        return self

    def symlink(self, path, target):
        self.symlinks[path] = target
        return self

    def build(self, compression=zipfile.ZIP_DEFLATED):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for path, data in self.files.items():
                archive.writestr(path, data)
            for path, target in self.symlinks.items():
                info = zipfile.ZipInfo(path)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, target)
        return buffer.getvalue()

    def upload(self, name="activity.h5p"):
        """The package as an uploaded file, as a form receives it."""
        from django.core.files.uploadedfile import SimpleUploadedFile

        return SimpleUploadedFile(name, self.build(), content_type="application/zip")


def install_activity(title="Password true or false", builder=None):
    """An installed activity, through the same validation and install as an upload."""
    from django.db import transaction

    from .install import delete_files, install_package
    from .models import H5PActivity
    from .validation import validate_package

    upload = (builder or PackageBuilder(title=title)).upload()
    package = validate_package(upload)
    activity = H5PActivity(title=title)
    written = []
    try:
        with transaction.atomic():
            written, libraries = install_package(activity, package, upload)
            upload.seek(0)
            activity.package.save(upload.name, upload, save=False)
            written.append(activity.package.name)
            activity.save()
            activity.libraries.set(libraries)
    except BaseException:
        delete_files(written)
        raise
    return activity
