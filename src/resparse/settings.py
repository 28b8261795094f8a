"""The parser's tolerances and thresholds, as one validated value passed down the stages.

Every number a layout or structure rule compares with lives here, with the convention it comes from, so that
a reader finds them in one place and a user can try another value without editing code:

    from resparse import Settings, parse
    settings = Settings.from_dict({"layout": {"word_gap_ratio": 0.2}, "structure": {"organ_min_size": 12.0}})
    parse("file.pdf", settings=settings)

`layout` is read by the layout stage (`layout.lines`, `layout.page`, `layout.blocks`, and the Word reader's
blocks), `structure` by the structure stage. `Settings()` holds the defaults, which are what the parser is
measured with. Values are checked when a `Settings` is made (`SettingsError` names the field and what it must
be), never while parsing.
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
class LayoutSettings:
    """Tolerances of the layout stage: glyphs into lines (`layout.lines`), each page's body, footnote area and
    furniture (`layout.page`), body lines into text blocks (`layout.blocks`)."""

    # Glyphs into lines (`layout.lines`): one baseline, split at wide gaps (the two halves of a running header,
    # un-conventions §5; a paragraph's number and its text, §6.4). A superscript marker is raised ~1/3 of the body
    # size, which must stay inside the baseline tolerance; consecutive lines are >= 1.1 sizes apart, which must stay
    # outside it. A tab after a paragraph number ("1.<tab>Decides") is ~2 sizes; header halves are far wider.
    baseline_tolerance_ratio: float = _setting(
        0.5, RATIO, "small raised glyphs join the line whose baseline is at most this share of its size below theirs")
    same_line_tolerance_ratio: float = _setting(
        0.25, RATIO, "glyphs share a line when their baselines differ by at most this share of the smaller size")
    baseline_lookback: int = _setting(
        3, COUNT, "a glyph joins one of this many lines found last above it (scanning down the page)")
    fragment_gap_ratio: float = _setting(
        4.5, RATIO, "a horizontal gap wider than this many sizes starts a new line fragment (a tab is ~2)")
    # Words (`layout.lines`): word spaces, and the tabs of Chinese text (§7). Chinese puts no space between words;
    # a writer spaces Latin text and digits from it, up to ~0.4 of the size, and justifies lines by spacing
    # characters; a wider gap is a tab, between a paragraph's number and its text ("1.<tab>赞赏").
    word_gap_ratio: float = _setting(0.17, RATIO, "a gap wider than this share of the size is a word space")
    cjk_tab_gap_ratio: float = _setting(
        0.5, RATIO, "beside a Chinese character a gap is a tab (a space) only when wider than this share of the size")
    # Raised footnote markers (`layout.lines`, §4; the Arabic "(1)", §7).
    marker_size_ratio: float = _setting(
        0.82, RATIO, "a marker glyph is set smaller than this share of its line's body size")
    marker_rise_ratio: float = _setting(
        0.12, RATIO, "a marker glyph's baseline is raised by more than this share of the line's body size")
    marker_max_chars: int = _setting(7, COUNT, "a run of marker glyphs (\"1\", \"3,4\", \"**\") is at most this long")
    # Running headers and footers (`layout.page`, §5): in bands at the page's top and bottom, set smaller than the
    # text (headers ~8.5/10 of it), recurring from page to page.
    header_band_ratio: float = _setting(0.115, SHARE, "running headers stand in this top share of the page height")
    footer_band_ratio: float = _setting(0.12, SHARE, "running footers stand in this bottom share of the page height")
    dashed_page_number_min_top_ratio: float = _setting(
        0.75, SHARE, "a page number between dashes (\"- 2 -\") below this top share of the page is furniture")
    furniture_size_ratio: float = _setting(
        0.93, RATIO, "a line set smaller than this share of the body size is no body text (headers, notes)")
    recurring_min_pages: int = _setting(2, COUNT, "a running header or footer recurs on at least this many pages")
    recurring_min_chars: int = _setting(
        4, COUNT, "a recurring header or footer is at least this long (longer than a page counter)")
    default_body_size: float = _setting(10.0, POINTS, "the body size of a document without text lines")
    # The footnote area (`layout.page`, §4): its separator, a short rule low on the page, or the small lines that
    # end the page without one (small text higher up is a table note or a caption). A note's marker may hang in
    # the margin, apart from its text (Word's footnote style: the marker, a tab, the text at the first-line indent).
    separator_max_x0_ratio: float = _setting(
        0.35, SHARE, "a drawn separator starts in this left share of the page width")
    separator_max_width_ratio: float = _setting(
        0.5, SHARE, "a drawn separator is shorter than this share of the page width")
    separator_min_width: float = _setting(20.0, POINTS, "a drawn separator is at least this long")
    separator_min_top_ratio: float = _setting(
        0.25, SHARE, "a separator stands below this top share of the page (a rule higher up is the masthead's)")
    trailing_notes_min_top_ratio: float = _setting(
        0.6, SHARE, "notes without a separator stand below this top share of the page (higher up: a table note)")
    notes_top_margin: float = _setting(
        0.5, POINTS, "without a separator, the footnote area begins this far above its first line")
    hanging_marker_max_gap_ratio: float = _setting(
        12.0, RATIO, "a note's marker hung in the margin stands at most this many sizes of the note text left of it")
    hanging_marker_max_rise_ratio: float = _setting(
        0.6, RATIO, "a hung marker's baseline is raised above the note text's by at most this share of its size")
    # Text blocks (`layout.blocks`): paragraphs are parted by extra space, first-line indents, labels, a change
    # of size or weight (§3.3-§3.6), and carried over page breaks (§6.9). UN documents put 6 pt between paragraphs
    # of 10 pt text (printed by other programs from the same Word files, 4.5 pt); lines of one paragraph are at
    # the line pitch. A full line that happens to end with a comma is not the end of a paragraph: a last line
    # stops short of the right edge. A wrapped heading's first line fills the column.
    block_gap_ratio: float = _setting(
        0.3, RATIO, "space beyond the line pitch above this share of the size starts a new block")
    plain_leading_ratio: float = _setting(
        0.2, RATIO, "without a measured pitch, the usual space from a baseline to the next line's top (of the size)")
    pitch_min_count: int = _setting(3, COUNT, "a line distance is the line pitch when it recurs this often ...")
    pitch_min_share: float = _setting(0.05, SHARE, "... and makes at least this share of the line distances")
    pitch_max_ratio: float = _setting(
        3.0, RATIO, "a baseline distance counts towards the pitch when under this many sizes")
    size_change: float = _setting(0.6, POINTS, "two lines differ in size when their sizes differ by more than this")
    short_heading_line_ratio: float = _setting(
        0.5, SHARE, "a bold line ending before this share of the text column is a heading of its own")
    right_edge_quantile: float = _setting(
        0.8, SHARE, "the text column's right edge: this share of a page's lines end left of it")
    short_last_line_slack: float = _setting(
        15.0, POINTS, "a paragraph's last line stops short of the right edge by at least this")
    indent_min: float = _setting(6.0, POINTS, "a line starting this much further right than the margin is indented")
    # Joining a block's lines (`layout.blocks.join_lines`, §6.1).
    hyphenated_word_max: int = _setting(80, COUNT, "the longest word (with its hyphen) looked for at a line end")

    def __post_init__(self) -> None:
        _check(self)


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

    layout: LayoutSettings = field(default_factory=LayoutSettings)
    structure: StructureSettings = field(default_factory=StructureSettings)

    @classmethod
    def from_dict(cls, data: Mapping[str, Mapping[str, Any]]) -> Settings:
        """Settings from `{"layout": {...}, "structure": {"organ_min_size": 12.0}}` (a parsed TOML, YAML or JSON file):
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
DEFAULT_LAYOUT = DEFAULT_SETTINGS.layout
