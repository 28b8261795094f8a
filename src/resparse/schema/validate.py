"""Validation of resparse documents against the published JSON Schema (`resparse.schema.json`).

`validate(data)` returns every problem as a `ValidationIssue` with a readable path into the document
(`operative[3].items[0].number`). Besides the schema, it checks what a JSON Schema cannot say: that
ids are unique in the document and that each footnote's `ref` names a unit that exists.
"""

from __future__ import annotations

import copy
import json
import re
import reprlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

SCHEMA_FILE = "resparse.schema.json"
# Footnote refs that name a part of the document that is not a unit (issue #2: masthead, sponsor line, title).
RESERVED_REFS = frozenset({"title", "head"})
# A path segment that can be written after a dot; anything else is written as ["key"].
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ROOT_PATH = "$"

PathPart = str | int


@dataclass(frozen=True)
class ValidationIssue:
    """One problem in a document: where (`path`, e.g. `operative[3].items[0].number`) and what."""

    path: str
    message: str
    location: tuple[PathPart, ...] = ()

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class SchemaViolation(ValueError):
    """A document does not follow the schema; `issues` lists every problem."""

    def __init__(self, issues: Sequence[ValidationIssue]):
        self.issues = list(issues)
        first = str(self.issues[0]) if self.issues else "invalid document"
        more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        super().__init__(f"{first}{more}")


def schema_text() -> str:
    """The schema file as published in the package."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(schema_text())


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a resparse document, as a fresh dict."""
    return copy.deepcopy(_schema())


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(_schema())


def format_path(location: Sequence[PathPart]) -> str:
    """`("operative", 3, "items", 0, "number")` → `operative[3].items[0].number`; `()` → `$`."""
    out = ""
    for part in location:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or ROOT_PATH


# What the schema's patterns mean, for messages a person can act on.
PATTERN_MEANINGS = {
    r"^([^ \t\n\r\f\v]+( [^ \t\n\r\f\v]+)*)?$":
        "text must have its whitespace collapsed (no leading, trailing or double spaces, no line breaks)",
    r"^(?!.*\.$)([^ \t\n\r\f\v]+( [^ \t\n\r\f\v]+)*)?$":
        "a number is the label as printed without a trailing dot (\"1\", \"(a)\", \"\") and single spaces",
    r"^[a-z][a-z0-9_]*$": "an id is lower-case letters, digits and _, starting with a letter",
    r"^([a-z][a-z0-9_]*)?$": "an id is lower-case letters, digits and _, starting with a letter",
    r"^[0-9a-f]{64}$": "a SHA-256 digest is 64 lower-case hexadecimal digits",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date is written YYYY-MM-DD",
    r"^[a-z]{2,3}$": "a language is a lower-case ISO 639 code such as \"en\"",
    r"^\S+$": "a footnote marker has no spaces",
}


def _short(value: Any) -> str:
    short = reprlib.Repr()
    short.maxlevel, short.maxdict, short.maxlist = 1, 3, 3
    short.maxstring = short.maxother = 40
    return short.repr(value)


def _message(error: ValidationError) -> str:
    """jsonschema's message, with a long instance abbreviated and a pattern explained."""
    if error.validator == "pattern" and error.validator_value in PATTERN_MEANINGS:
        return f"{_short(error.instance)} does not match: {PATTERN_MEANINGS[error.validator_value]}"
    message = error.message
    full = repr(error.instance)
    if len(full) > 80 and message.startswith(full):
        message = _short(error.instance) + message[len(full):]
    return message


def _order(error: ValidationError) -> tuple:
    """Document order: by path (indexes numerically), then message."""
    path = tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in error.absolute_path)
    return path, error.message


@lru_cache(maxsize=1)
def _fast_check():
    """The schema compiled to Python code by fastjsonschema: a valid document (every document resparse
    writes) is checked in a tenth of jsonschema's time. jsonschema stays the reference: it alone says
    what is wrong, and it decides when the two disagree."""
    import fastjsonschema  # noqa: PLC0415

    return fastjsonschema.compile(_schema())


def warm_up() -> None:
    """Build the validators now (a batch does it once, before its workers start)."""
    _validator()
    _fast_check()


def _schema_issues(data: Any) -> list[ValidationIssue]:
    import fastjsonschema  # noqa: PLC0415

    try:
        _fast_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    issues: dict[tuple[str, str], ValidationIssue] = {}
    for e in sorted(_validator().iter_errors(data), key=_order):
        issue = ValidationIssue(format_path(e.absolute_path), _message(e), tuple(e.absolute_path))
        issues.setdefault((issue.path, issue.message), issue)  # one report per problem
    return list(issues.values())


def _units(blocks: Sequence[Mapping[str, Any]], at: tuple[PathPart, ...]
           ) -> Iterator[tuple[Mapping[str, Any], tuple[PathPart, ...]]]:
    """Every block below `at` (paragraphs, items at any depth, headings, wrap-ups) with its location."""
    for i, block in enumerate(blocks):
        here = (*at, i)
        yield block, here
        if "wrap_up" in block:
            yield block["wrap_up"], (*here, "wrap_up")
        yield from _units(block.get("items", []), (*here, "items"))


def _identified(data: Mapping[str, Any]) -> Iterator[tuple[Mapping[str, Any], tuple[PathPart, ...]]]:
    """Everything in a (schema-valid) document that carries an id, in document order."""
    preamble = data["preamble"]
    if preamble["formula"] is not None:
        yield preamble["formula"], ("preamble", "formula")
    yield from _units(preamble["paragraphs"], ("preamble", "paragraphs"))
    yield from _units(data["operative"], ("operative",))
    for i, annex in enumerate(data["annexes"]):
        yield annex, ("annexes", i)
        yield from _units(annex["content"], ("annexes", i, "content"))


def _reference_issues(data: Mapping[str, Any]) -> list[ValidationIssue]:
    """Ids unique; footnote refs point at an existing id. Assumes the document is schema-valid."""
    issues = []
    seen: dict[str, str] = {}
    for node, location in _identified(data):
        node_id = node["id"]
        if not node_id:  # headings may have no id
            continue
        where = (*location, "id")
        if node_id in seen:
            issues.append(ValidationIssue(format_path(where),
                                          f"duplicate id {node_id!r} (first used at {seen[node_id]})", where))
        else:
            seen[node_id] = format_path(where)
    for i, note in enumerate(data["footnotes"]):
        ref = note["ref"]
        if ref is not None and ref not in seen and ref not in RESERVED_REFS:
            where = ("footnotes", i, "ref")
            issues.append(ValidationIssue(format_path(where), f"{ref!r} is not the id of any unit", where))
    return issues


def validate(data: Any) -> list[ValidationIssue]:
    """Every way `data` breaks the contract.

    `data` is a `Document`, its `to_dict()` tree, or a JSON/YAML output loaded back.
    """
    if hasattr(data, "to_dict") and not isinstance(data, Mapping):
        data = data.to_dict()
    issues = _schema_issues(data)
    if issues:
        return issues
    return _reference_issues(data)


def is_valid(data: Any) -> bool:
    return not validate(data)


def assert_valid(data: Any) -> None:
    """Raise `SchemaViolation` (listing every issue) unless `data` is a valid document."""
    issues = validate(data)
    if issues:
        raise SchemaViolation(issues)


class UnreadableData(ValueError):
    """A file given for validation is neither JSON nor YAML."""


def load_data(text: str, name: str = "<data>") -> Any:
    """A JSON or YAML document as plain data: `.json` files are JSON, `.yaml`/`.yml` YAML, others either."""
    lower = name.lower()
    if lower.endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise UnreadableData(f"not valid JSON: {e}") from None
    try:
        if not lower.endswith((".yaml", ".yml")):
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                pass
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise UnreadableData(f"neither valid JSON nor valid YAML: {' '.join(str(e).split())}") from None
