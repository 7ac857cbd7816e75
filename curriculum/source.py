"""Reading the curriculum's source files (English TOML, one file per module)."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from courses.icons import Icon

CONTENT_DIR = Path(__file__).resolve().parent / "content"
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"


@dataclass
class PageSpec:
    """One page to create: its type, its place in the tree and its field values.

    `key` is the page's path below the home page ("" for the home page itself); it
    names the page in the translation files.
    """

    model: str
    key: str
    fields: dict
    children: list["PageSpec"] = field(default_factory=list)
    catalogue: str = "site"

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def stream_data(blocks):
    """StreamField raw data with stable block ids, so translations can refer to them.

    List items get ids derived from their block's id and position. A knowledge check
    (a "quiz" block) is written like a module's [quiz] table, with the file's own
    question and choice ids (quiz_stream_data).
    """
    data = []
    for block in blocks:
        if block["type"] == "quiz":
            data.extend(quiz_stream_data(block["value"], block["id"]))
            continue
        value = block["value"]
        if block["type"] == "scenario":
            value = scenario_value(value, block["id"])
        elif isinstance(value, dict):
            value = {
                name: [
                    {"type": "item", "value": item, "id": f"{block['id']}-{number}"}
                    for number, item in enumerate(child, start=1)
                ]
                if isinstance(child, list)
                else child
                for name, child in value.items()
            }
        data.append({"type": block["type"], "value": value, "id": block["id"]})
    return data


QUESTION_TYPES = {"single", "multiple", "true_false"}


class SourceError(ValueError):
    """A curriculum source file does not follow the schema."""


SCENARIO_CHOICE_FIELDS = ("text", "consequence", "feedback")


def scenario_choices(step, where):
    """A scenario step's choices as ListBlock raw data, with the file's ids.

    Every choice needs its text, consequence and feedback, and a step 2 to 4 choices
    of which at least one is best (`best = true`), as the block's own rules say.
    """
    choices = step.get("choices", [])
    if not 2 <= len(choices) <= 4:
        raise SourceError(f"Scenario {where}: give between 2 and 4 choices")
    if not any(choice.get("best") for choice in choices):
        raise SourceError(f"Scenario {where}: mark at least one choice best = true")
    items = []
    for choice in choices:
        missing = [name for name in SCENARIO_CHOICE_FIELDS if not str(choice.get(name, "")).strip()]
        if missing or not choice.get("id"):
            raise SourceError(
                f"Scenario {where}, choice {choice.get('id')!r}: needs an id and "
                f"{', '.join(SCENARIO_CHOICE_FIELDS)}"
            )
        value = {name: choice[name] for name in SCENARIO_CHOICE_FIELDS}
        value["is_best"] = bool(choice.get("best", False))
        items.append({"type": "item", "id": choice["id"], "value": value})
    return items


def scenario_value(scenario, block_id):
    """A lesson's scenario block (courses.blocks.ScenarioBlock) as raw data.

    A choice may have one `follow_up` table (its own situation and choices); a
    follow-up's choices have none, so a scenario is at most two steps deep.
    """
    choices = scenario_choices(scenario, repr(block_id))
    for item, choice in zip(choices, scenario["choices"], strict=True):
        follow_up = choice.get("follow_up")
        steps = []
        if follow_up is not None:
            where = f"{block_id!r}, follow-up of {choice['id']!r}"
            if not follow_up.get("id") or not str(follow_up.get("situation", "")).strip():
                raise SourceError(f"Scenario {where}: needs an id and a situation")
            if any("follow_up" in deeper for deeper in follow_up.get("choices", [])):
                raise SourceError(f"Scenario {where}: a follow-up has no follow-up")
            steps.append(
                {
                    "type": "item",
                    "id": follow_up["id"],
                    "value": {
                        "situation": follow_up["situation"],
                        "choices": scenario_choices(follow_up, where),
                    },
                }
            )
        item["value"]["follow_up"] = steps
    return {
        "title": scenario.get("title", ""),
        "situation": scenario["situation"],
        "choices": choices,
    }


def quiz_stream_data(quiz, block_id):
    """A module's [quiz] table as FinalQuizStreamBlock raw data.

    Question and choice ids come from the file, so every translation (and every
    learner record) refers to the same questions and choices.
    """
    questions = []
    for question in quiz["questions"]:
        if question.get("type") not in QUESTION_TYPES:
            raise SourceError(
                f"Question {question.get('id')!r}: unknown type {question.get('type')!r}"
            )
        choices = [
            {
                "type": "item",
                "id": choice["id"],
                "value": {
                    "text": choice["text"],
                    "is_correct": bool(choice.get("correct", False)),
                    "feedback": choice.get("feedback", ""),
                },
            }
            for choice in question["choices"]
        ]
        questions.append(
            {
                "type": "item",
                "id": question["id"],
                "value": {
                    "kind": question["type"],
                    "text": question["text"],
                    "explanation": question.get("explanation", ""),
                    "choices": choices,
                },
            }
        )
    value = {
        "title": quiz.get("title", ""),
        "pass_mark": quiz.get("pass_mark", 70),
        "questions": questions,
    }
    return [{"type": "quiz", "value": value, "id": block_id}]


def module_icon(module):
    """The module's picture: one of the icons the site ships (courses.icons.Icon)."""
    icon = module.get("icon", Icon.SHIELD.value)
    if icon not in Icon.values:
        raise SourceError(f"Module {module.get('slug')!r}: unknown icon {icon!r}")
    return icon


def lesson_plan_fields(module):
    """The module's lesson-plan fields for educators (all optional in the file).

    `class_minutes` (a number), `class_activity` and `handout` (HTML) and
    `discussion_questions` (a list of strings, given stable ids like the objectives).
    """
    return {
        "class_minutes": module.get("class_minutes"),
        "class_activity": module.get("class_activity", ""),
        "discussion_questions": [
            {"type": "question", "value": text, "id": f"discussion-{number}"}
            for number, text in enumerate(module.get("discussion_questions", []), start=1)
        ],
        "handout": module.get("handout", ""),
    }


def load_site(content_dir=CONTENT_DIR, modules=None):
    """The curriculum as a tree of PageSpecs rooted at the home page.

    `modules`, a collection of module slugs, keeps only those modules and the audiences
    and paths that hold them (the home page and the site's other pages stay): a quick
    partial site for development and for tests that need a module or two, not all of
    them in six languages. None (the default) keeps the whole curriculum.
    """
    site = tomllib.loads((content_dir / "site.toml").read_text(encoding="utf-8"))
    home_fields = site["home"]
    home = PageSpec("cms.HomePage", "", dict(home_fields))
    paths = {}
    for audience in site["audiences"]:
        audience_fields = {k: v for k, v in audience.items() if k != "paths"}
        audience_spec = PageSpec("courses.AudiencePage", audience["slug"], audience_fields)
        home.children.append(audience_spec)
        for path in audience.get("paths", []):
            key = f"{audience['slug']}/{path['slug']}"
            path_spec = PageSpec("courses.LearningPathPage", key, dict(path))
            audience_spec.children.append(path_spec)
            paths[key] = path_spec
    for page in site.get("pages", []):
        page_fields = {k: v for k, v in page.items() if k not in ("model", "body")}
        if "body" in page:
            page_fields["body"] = stream_data(page["body"])
        home.children.append(PageSpec(page["model"], page["slug"], page_fields))
    module_files = sorted((content_dir / "modules").glob("*.toml"))
    modules_found = [tomllib.loads(f.read_text(encoding="utf-8")) for f in module_files]
    if modules is None:
        selected = modules_found
    else:
        wanted = set(modules)
        unknown = wanted - {module["slug"] for module in modules_found}
        if unknown:
            raise SourceError(f"No module with the slug(s) {', '.join(sorted(unknown))}")
        selected = [module for module in modules_found if module["slug"] in wanted]
    for module in sorted(selected, key=lambda m: m.get("order", 0)):  # stable: then by filename
        parent = paths[module["path"]]
        key = f"{module['path']}/{module['slug']}"
        module_fields = {
            "title": module["title"],
            "slug": module["slug"],
            "intro": module.get("intro", ""),
            "estimated_minutes": module["estimated_minutes"],
            "icon": module_icon(module),
            "objectives": [
                {"type": "objective", "value": text, "id": f"objective-{number}"}
                for number, text in enumerate(module.get("objectives", []), start=1)
            ],
        }
        module_fields.update(lesson_plan_fields(module))
        if "quiz" in module:
            module_fields["final_quiz"] = quiz_stream_data(module["quiz"], "final-quiz")
            module_fields["offer_pre_test"] = bool(module["quiz"].get("pre_test", False))
        module_spec = PageSpec("courses.ModulePage", key, module_fields, catalogue=module["slug"])
        for lesson in module["lessons"]:
            lesson_fields = {
                "title": lesson["title"],
                "slug": lesson["slug"],
                "summary": lesson.get("summary", ""),
                "body": stream_data(lesson["body"]),
            }
            module_spec.children.append(
                PageSpec(
                    "courses.LessonPage",
                    f"{key}/{lesson['slug']}",
                    lesson_fields,
                    catalogue=module["slug"],
                )
            )
        parent.children.append(module_spec)
    if modules is not None:
        for audience_spec in [c for c in home.children if c.model == "courses.AudiencePage"]:
            audience_spec.children = [path for path in audience_spec.children if path.children]
            if not audience_spec.children:
                home.children.remove(audience_spec)
    return home
