"""Positioned text passed between the layout stages: characters, lines, pages.

Coordinates are PDF points with the origin at the top-left of the page (y grows downwards),
as pdfplumber reports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

# Scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their extensions and presentation
# forms): a line holding one of their letters is reordered from the page's visual order (see `layout.bidi`).
RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Ideographs, kana, CJK punctuation and full-width forms: text set without word spaces (not Hangul: Korean
# puts spaces between words).
CJK_SCRIPT = re.compile("[\u2e80-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
                        "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
# Decimal digits of other scripts (Arabic-Indic, Extended Arabic-Indic as used in Persian and Urdu) → ASCII.
_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                        "01234567890123456789")


def ascii_digits(text: str) -> str:
    """`text` with Arabic-Indic digits (٠-٩, ۰-۹) written as ASCII digits: for numbers read as data (a date, an
    operative number), whereas the text keeps the digits as printed."""
    return text.translate(_DIGITS)


def is_cjk(ch: str) -> bool:
    """Whether a character belongs to a script set without spaces between words (Chinese, Japanese)."""
    return bool(ch) and CJK_SCRIPT.match(ch) is not None


class Char(NamedTuple):
    """One glyph as the PDF engine reports it, or a run of glyphs set together in one style (see
    `extract.glyphs.glyph_runs`). A named tuple: a page holds thousands, and they are made in C."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    bold: bool = False
    italic: bool = False
    space_before: bool = False  # a space character was drawn right before it (see `extract.glyphs`)

    @property
    def baseline(self) -> float:
        return self.bottom


@dataclass(frozen=True)
class Rule:
    """A drawn horizontal line or thin rectangle (the footnote separator is sometimes one)."""

    x0: float
    x1: float
    top: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class PageChars:
    """Everything the structure stages need from one page."""

    number: int  # 1-based
    width: float
    height: float
    chars: list[Char]
    rules: list[Rule] = field(default_factory=list)
    read_problems: int = 0  # warnings the PDF library gave while reading the page's content


# What an engine gives for a glyph its font has no character for (no ToUnicode entry, no known encoding).
UNMAPPED_GLYPH = "\ufffd"
# Glyphs without a character map come out as that character or as private-use code points ("����").
UNREADABLE_GLYPH = re.compile(f"[{UNMAPPED_GLYPH}\ue000-\uf8ff]")


@dataclass
class Span:
    """A run of text in one style inside a line; `marker` spans are superscript footnote markers."""

    text: str
    italic: bool = False
    bold: bool = False
    marker: bool = False


@dataclass
class Line:
    """A run of characters on one baseline, separated from other runs by a wide horizontal gap."""

    spans: list[Span]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # dominant font size of the line's body text
    page: int
    rtl: bool = False  # set right to left: its spans are in reading order, its start is its right edge (x1)

    @cached_property
    def text(self) -> str:
        """The line's text without superscript markers (read by every later rule, so computed once: a line's
        spans are complete when it is built, and only a marker span may be put before them)."""
        return "".join(s.text for s in self.spans if not s.marker)

    @property
    def raw(self) -> str:
        """The line's text with markers inline (as a plain text extractor would give it)."""
        return "".join(s.text for s in self.spans)

    @property
    def _text_spans(self) -> list[Span]:
        """The spans of the line's text: not its markers, not its bare spaces."""
        return [s for s in self.spans if not s.marker and s.text.strip()]

    @property
    def bold(self) -> bool:
        body = self._text_spans
        return bool(body) and all(s.bold for s in body)

    @property
    def edge_weights(self) -> tuple[bool, bool]:
        """Whether the line's text opens and closes in bold: where a paragraph set partly in bold (after a lead
        in another face) breaks over lines, the weight does not change at the break."""
        body = self._text_spans
        return (body[0].bold, body[-1].bold) if body else (False, False)

    @property
    def italic(self) -> bool:
        body = self._text_spans
        return bool(body) and all(s.italic for s in body)


@dataclass
class Page:
    """A page after layout: body lines, footnote lines and the furniture that was taken away."""

    number: int
    width: float
    height: float
    body: list[Line]
    notes: list[Line] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)
    # Top of the footnote area: its separator's top, or just above the first note line when none is printed.
    note_top: float | None = None
