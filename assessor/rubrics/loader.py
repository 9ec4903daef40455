"""Reading and validating rubric files: every problem reported as ``file: path: message``."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from marshmallow import ValidationError

from assessor.rubrics.schemas import RubricFileSchema
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
    """A validated rubric file: its data as the schema loaded it and the hash of that data."""

    file: str
    data: dict[str, Any]
    content_hash: str


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
for _tag, _resolvers in list(_UniqueKeyLoader.yaml_implicit_resolvers.items()):
    _UniqueKeyLoader.yaml_implicit_resolvers[_tag] = [
        (tag, regexp) for tag, regexp in _resolvers if tag != "tag:yaml.org,2002:timestamp"
    ]


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
    question_keys, problems = [], []
    for p, pillar in pillars:
        for q, question in _indexed(pillar.get("questions")):
            where = f"pillars[{p}].questions[{q}]"
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
    problems += _duplicates(source_ids, "source id")
    problems += _duplicates(pillar_keys, "pillar key")
    problems += _duplicates(question_keys, "question key")
    return problems


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the validated content, so layout and comments do not count as a change."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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
    if problems:
        unique = sorted(set(problems), key=problems.index)
        raise RubricFileError([RubricProblem(file, path, message) for path, message in unique])
    return RubricFile(file=file, data=data, content_hash=content_hash(data))


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
