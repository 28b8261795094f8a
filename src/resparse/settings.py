"""The parser's tolerances and thresholds, as one validated value passed down the stages.

Every number a layout or structure rule compares with lives here, with the convention it comes from, so that
a reader finds them in one place and a user can try another value without editing code:

    from resparse import Settings, parse
    settings = Settings.from_dict({"structure": {"organ_min_size": 12.0}})
    parse("file.pdf", settings=settings)

`Settings()` holds the defaults, which are what the parser is measured with. Values are checked when a
`Settings` is made (`SettingsError` names the field and what it must be), never while parsing.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

# Kinds of value, each with the range it must lie in (inclusive), as field metadata.
COUNT = {"kind": int, "min": 1}
POINTS = {"kind": float, "min": 0.0}
RATIO = {"kind": float, "min": 0.0}  # a share of a size, a width or a height; may exceed 1
SHARE = {"kind": float, "min": 0.0, "max": 1.0}  # a share of a whole


class SettingsError(ValueError):
    """A setting has a value the parser cannot use."""


def _setting(default: Any, kind: Mapping[str, Any], doc: str) -> Any:
    return field(default=default, metadata={**kind, "doc": doc})


def _check(section: object) -> None:
    """Raise `SettingsError` for the first field of `section` outside its kind's range."""
    for f in fields(section):  # type: ignore[arg-type]
        value = getattr(section, f.name)
        kind, low, high = f.metadata["kind"], f.metadata.get("min"), f.metadata.get("max")
        name = f"{type(section).__name__}.{f.name}"
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or (kind is int and not isinstance(value, int)):
            raise SettingsError(f"{name} must be {'an integer' if kind is int else 'a number'}, not {value!r}")
        if not math.isfinite(value) or (low is not None and value < low) or (high is not None and value > high):
            bounds = f"at least {low}" if high is None else f"between {low} and {high}"
            raise SettingsError(f"{name} must be {bounds}, not {value!r}")


@dataclass(frozen=True)
class StructureSettings:
    """Thresholds of the structure stage: the masthead reader, the heading block and the body rules."""

    # The heading block and the text's start (un-conventions §1, §3.1).
    head_max_page: int = _setting(2, COUNT, "the heading block (masthead, type heading, title) ends by this page")
    formula_max_page: int = _setting(
        5, COUNT, "a text with no formula or paragraph on the head pages (a treaty's cover and title pages) has "
        "its enacting formula by this page")
    min_italic_leads: int = _setting(
        2, COUNT, "a document whose body lines open in italics this often sets its leads in italics")
    main_column_tolerance: float = _setting(
        6.0, POINTS, "the title is in the text column; the masthead's session/agenda column is further left")
    min_first_paragraph_chars: int = _setting(
        40, COUNT, "a text opening without formula, number or italic lead opens with a paragraph this long")
    title_min_top: float = _setting(150.0, POINTS, "nothing above this (from the page top) is a title")
    body_size_tolerance: float = _setting(0.5, POINTS, "body text is within this of the document's body size")
    lead_size_ratio: float = _setting(1.05, RATIO, "an italic lead may be set up to this share of body size")
    masthead_context_blocks: int = _setting(
        40, COUNT, "opening blocks of the text the masthead reader sees (to tell the language and organ)")
    text_column_blocks: int = _setting(3, COUNT, "the title is set in the column of the text's first blocks")
    # The masthead (§1.1): where each line stands on page 1 and how it is set.
    script_majority: float = _setting(
        0.5, SHARE, "a text is in a non-Latin script when its letters make up more than this share")
    symbol_zone_ratio: float = _setting(0.3, SHARE, "the symbol stands in this top share of page 1")
    symbol_letter_gap: float = _setting(
        3.0, POINTS, "the symbol's large first letter and the rest of it are at most this apart")
    organ_zone_ratio: float = _setting(0.2, SHARE, "the issuing organ's name stands in this top share of page 1")
    organ_min_size: float = _setting(13.0, POINTS, "the organ's name is set at least this large")
    organ_min_chars: int = _setting(4, COUNT, "the organ's name is longer than an abbreviation")
    name_line_gap_ratio: float = _setting(
        0.8, RATIO, "a body's name wrapped over lines: each line at most this share of its size under the last")
    session_lines_max: int = _setting(
        2, COUNT, "session, place and date lines between a body named in the left column and its agenda line")
    date_zone_ratio: float = _setting(0.3, SHARE, "the masthead's date stands in this top share of page 1")
    session_min_top_ratio: float = _setting(0.15, SHARE, "the session line stands below this share of page 1")
    session_max_chars: int = _setting(80, COUNT, "the session line is short")
    submission_kind_chars: int = _setting(
        40, COUNT, "a sponsor line says within this many characters what it submits")
    sponsor_list_max_chars: int = _setting(1200, COUNT, "a list of sponsors, even a long one, is shorter")
    # The body (§3.2–§3.8).
    formula_max_words: int = _setting(30, COUNT, "an enacting formula is short")
    heading_max_chars: int = _setting(400, COUNT, "a heading is short: a longer bold block is a paragraph")
    heading_sentence_max_words: int = _setting(
        12, COUNT, "a bold block closing with a full stop is a heading only if it is this short")
    plain_heading_max_words: int = _setting(6, COUNT, "a heading not set in bold is this short")
    annex_label_max_words: int = _setting(3, COUNT, "an annex label set like body text is alone on its line")
    title_size_ratio: float = _setting(
        1.08, RATIO, "a bold block this much larger than body text is the title of an annex or adopted text")
    lead_min_chars: int = _setting(3, COUNT, "a lead phrase is at least a word: an italic letter is not one")
    nested_list_indent_min: float = _setting(
        6.0, POINTS, "a numbered list set out in a paragraph is indented at least this past its first line")

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True)
class Settings:
    """All the parser's settings, by stage."""

    structure: StructureSettings = field(default_factory=StructureSettings)

    @classmethod
    def from_dict(cls, data: Mapping[str, Mapping[str, Any]]) -> Settings:
        """Settings from `{"structure": {"organ_min_size": 12.0}, ...}` (a parsed TOML, YAML or JSON file):
        what it names replaces the default, an unknown section or name is an error."""
        sections = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for section, given in data.items():
            if section not in sections:
                raise SettingsError(f"unknown settings section {section!r} (known: {', '.join(sections)})")
            default = getattr(cls(), section)
            known = {f.name for f in fields(default)}
            unknown = sorted(set(given) - known)
            if unknown:
                raise SettingsError(f"unknown {section} setting {unknown[0]!r}")
            values[section] = replace(default, **given)
        return cls(**values)

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> Settings:
        """Settings from a TOML, JSON or YAML file (by its extension) holding what `from_dict` reads."""
        name = os.fspath(path)
        readers = {".toml": tomllib.loads, ".json": json.loads, ".yaml": lambda t: yaml.safe_load(t) or {},
                   ".yml": lambda t: yaml.safe_load(t) or {}}
        read = readers.get(os.path.splitext(name)[1])
        if read is None:
            raise SettingsError(f"{name}: settings are read from a .toml, .json or .yaml file")
        try:
            data = read(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError, yaml.YAMLError) as e:
            raise SettingsError(f"{name}: {' '.join(str(e).split())}") from None
        if not isinstance(data, Mapping) or not all(isinstance(v, Mapping) for v in data.values()):
            raise SettingsError(f"{name}: expected sections of settings, as in Settings().to_dict()")
        try:
            return cls.from_dict(data)
        except (SettingsError, TypeError) as e:
            raise SettingsError(f"{name}: {e}") from None

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Every setting by section and name, with its value (the form `from_dict` reads)."""
        return {f.name: {g.name: getattr(getattr(self, f.name), g.name) for g in fields(getattr(self, f.name))}
                for f in fields(self)}


DEFAULT_SETTINGS = Settings()
