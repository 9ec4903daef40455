"""Reading and validating rubric files: every problem reported as ``file: path: message``."""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from marshmallow import ValidationError

from assessor.rubrics.schemas import (
    LevelTextSchema,
    QuestionTextSchema,
    RubricFileSchema,
    TitledTextSchema,
)
from assessor.validation import error_pairs


@dataclass(frozen=True, slots=True)
class RubricProblem:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.path}: {self.message}"
            if self.path
            else f"{self.file}: {self.message}"
        )


@dataclass(frozen=True, slots=True)
class RubricFile:
    """A validated rubric file: its data as the schema loaded it, and two hashes of it.

    ``content_hash`` covers what a version never changes: the scoring content and the text in
    the rubric's own language. ``translations_hash`` covers what it may: its other languages.
    """

    file: str
    data: dict[str, Any]
    content_hash: str
    translations_hash: str


class RubricFileError(Exception):
    """A rubric file that cannot be used, with all of its problems."""

    def __init__(self, problems: list[RubricProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping key given twice (PyYAML keeps the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, yaml.Mark] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first at line {seen[key].line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


# Dates and times stay strings: a source's date is free text such as "24 October 2013".
# Only true and false are booleans: "no" is Norwegian, and "on" stays a word. (A copy, so
# that yaml.SafeLoader itself keeps its resolvers.)
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_UniqueKeyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _parse_yaml(text: str, file: str) -> Any:
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RubricFileError([RubricProblem(file, where, error.problem or str(error))]) from None
    except yaml.YAMLError as error:
        raise RubricFileError([RubricProblem(file, "", f"not valid YAML: {error}")]) from None


def _indexed(items: Any) -> list[tuple[int, dict]]:
    """The mapping items of a list with their positions; anything else is left to the schema."""
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _duplicates(pairs: list[tuple[str, Any]], what: str) -> list[tuple[str, str]]:
    """(path, message) for each value that already appeared at an earlier path."""
    first_seen: dict[Any, str] = {}
    problems = []
    for path, value in pairs:
        if not isinstance(value, str):
            continue
        if value in first_seen:
            problems.append((path, f"duplicate {what} {value!r} (first at {first_seen[value]})"))
        else:
            first_seen[value] = path
    return problems


def _cross_reference_problems(raw: dict) -> list[tuple[str, str]]:
    """Checks that span fields: unique keys, key prefixes, cited sources that exist."""
    sources = _indexed(raw.get("sources"))
    source_ids = [(f"sources[{i}].id", source.get("id")) for i, source in sources]
    defined = {value for _, value in source_ids}
    pillars = _indexed(raw.get("pillars"))
    pillar_keys = [(f"pillars[{p}].key", pillar.get("key")) for p, pillar in pillars]
    question_keys, untagged, problems = [], [], []
    for p, pillar in pillars:
        for q, question in _indexed(pillar.get("questions")):
            where = f"pillars[{p}].questions[{q}]"
            if "stages" not in question:
                untagged.append(where)
            key, prefix = question.get("key"), f"{pillar.get('key')}."
            question_keys.append((f"{where}.key", key))
            if (
                isinstance(pillar.get("key"), str)
                and isinstance(key, str)
                and not key.startswith(prefix)
            ):
                problems.append((f"{where}.key", f"must start with its pillar key '{prefix}'"))
            for c, citation in _indexed(question.get("sources")):
                cited = citation.get("source")
                if isinstance(cited, str) and cited not in defined:
                    problems.append(
                        (
                            f"{where}.sources[{c}].source",
                            f"cites source '{cited}', which the file does not define under sources",
                        )
                    )
    # The stage matrix is only as complete as the tags: a version tags every question or none.
    if untagged and len(untagged) < len(question_keys):
        problems += [
            (f"{where}.stages", "other questions are tagged with stages: tag this one too")
            for where in untagged
        ]
    problems += _duplicates(source_ids, "source id")
    problems += _duplicates(pillar_keys, "pillar key")
    problems += _duplicates(question_keys, "question key")
    return problems


def _translatable_items(raw: dict) -> list[tuple[str, dict, tuple[str, ...]]]:
    """(path prefix, item, its translatable fields) for the rubric and everything in it."""
    items = [("", raw, tuple(TitledTextSchema().fields))]
    for p, pillar in _indexed(raw.get("pillars")):
        items.append((f"pillars[{p}].", pillar, tuple(TitledTextSchema().fields)))
        for q, question in _indexed(pillar.get("questions")):
            where = f"pillars[{p}].questions[{q}]."
            items.append((where, question, tuple(QuestionTextSchema().fields)))
            for lv, level in _indexed(question.get("levels")):
                items.append((f"{where}levels[{lv}].", level, tuple(LevelTextSchema().fields)))
    return items


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _item_translation_problems(
    prefix: str, item: dict, text_fields: tuple[str, ...], language: Any, others: list[str]
) -> list[tuple[str, str]]:
    """An item's translations: only into the other languages listed, each one complete."""
    given = item.get("translations")
    given = given if isinstance(given, dict) else {}
    problems = []
    for key, text in given.items():
        where, named = f"{prefix}translations.{key}", str(key)
        if named == language:
            problems.append((where, f"{named} is the rubric's own language: no translation needed"))
        elif named not in others:
            problems.append((where, f"{named} is not listed in languages"))
        elif isinstance(text, dict):
            problems += [
                (
                    f"{where}.{field}",
                    f"the {language} {field} is empty: there is nothing to translate",
                )
                for field in text_fields
                if field in text and not _has_text(item.get(field))
            ]
    for other in others:
        text = given.get(other, {})
        if isinstance(text, dict):
            problems += [
                (f"{prefix}translations.{other}.{field}", f"missing the {other} text")
                for field in text_fields
                if field not in text and _has_text(item.get(field))
            ]
    return problems


def _translation_problems(raw: dict) -> list[tuple[str, str]]:
    """Checks of a rubric's other languages: listed once, translated only into those, complete."""
    language = raw.get("language")
    listed = raw.get("languages")
    if listed is None:
        listed = [language]
    problems: list[tuple[str, str]] = []
    if isinstance(listed, list):
        problems += _duplicates(
            [(f"languages[{i}]", named) for i, named in enumerate(listed)], "language"
        )
        if isinstance(language, str) and language not in listed:
            problems.append(("languages", f"must include the rubric's own language {language!r}"))
    others = [
        named
        for named in dict.fromkeys(listed if isinstance(listed, list) else [])
        if isinstance(named, str) and named != language
    ]
    for prefix, item, text_fields in _translatable_items(raw):
        problems += _item_translation_problems(prefix, item, text_fields, language, others)
    return problems


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the validated content, so layout and comments do not count as a change."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _without_translations(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_translations(item) for item in value]
    if isinstance(value, dict):
        return {
            key: _without_translations(item) for key, item in value.items() if key != "translations"
        }
    return value


def source_content(data: dict[str, Any]) -> dict[str, Any]:
    """The rubric in its own language only: what ``content_hash`` covers, as before translations."""
    return _without_translations({key: value for key, value in data.items() if key != "languages"})


def translation_content(data: dict[str, Any]) -> dict[str, Any]:
    """The rubric's other languages and every translation in them, by the path of its item.

    Empty for a rubric in one language, so such a rubric keeps the hash of ``{}`` that rubrics
    loaded before translations existed were given.
    """
    if data["languages"] == [data["language"]]:
        return {}
    translations = {
        prefix.rstrip(".") or "rubric": item["translations"]
        for prefix, item, _ in _translatable_items(data)
        if item["translations"]
    }
    return {"languages": data["languages"], "translations": translations}


def parse_rubric(text: str, file: str) -> RubricFile:
    """Validate a rubric file's text; raise RubricFileError listing every problem found."""
    raw = _parse_yaml(text, file)
    if not isinstance(raw, dict):
        raise RubricFileError([RubricProblem(file, "", "expected a mapping at the top level")])
    problems: list[tuple[str, str]] = []
    try:
        data = RubricFileSchema().load(raw)
    except ValidationError as error:
        data = None
        problems += error_pairs(error.messages)
    problems += _cross_reference_problems(raw)
    problems += _translation_problems(raw)
    if problems:
        unique = sorted(set(problems), key=problems.index)
        raise RubricFileError([RubricProblem(file, path, message) for path, message in unique])
    return RubricFile(
        file=file,
        data=data,
        content_hash=content_hash(source_content(data)),
        translations_hash=content_hash(translation_content(data)),
    )


def read_rubric(path: Path) -> RubricFile:
    """Read and validate one rubric file from disk."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RubricFileError(
            [RubricProblem(str(path), "", f"cannot read the file: {error}")]
        ) from None
    return parse_rubric(text, str(path))


def rubric_paths(paths: list[Path]) -> list[Path]:
    """The rubric files named, with each folder replaced by the YAML files it holds."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            found.append(path)
    return found
