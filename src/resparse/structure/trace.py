"""Where the parse of a document came from on its pages: the source lines of every unit and footnote.

The document tree keeps only text and page numbers. `resparse inspect` must show which printed lines became
which unit, so `build_document` fills a `ParseTrace` when one is passed to it
(`resparse.parse(path, trace=ParseTrace())`). The trace is never written out: the document is the same with
or without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..layout.blocks import TextBlock
from ..model.text import Line, Page, PageChars


@dataclass(frozen=True)
class SourceBox:
    """The union of some lines on one page, in PDF points from the page's top-left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float  # the lowest baseline (descenders reach below it)
    size: float  # the largest font size of the lines


def line_boxes(lines: Sequence[Line]) -> list[SourceBox]:
    """One box per page around `lines` (a paragraph broken over a page break has two), in page order."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    return [
        SourceBox(
            page=page,
            x0=min(ln.x0 for ln in group),
            top=min(ln.top for ln in group),
            x1=max(ln.x1 for ln in group),
            bottom=max(ln.bottom for ln in group),
            size=max(ln.size for ln in group),
        )
        for page, group in sorted(by_page.items())
    ]


@dataclass
class UnitSource:
    """The body lines one unit of the tree was built from (`id` as in the output: `pp_3`, `heading_1` ...)."""

    id: str
    kind: str  # "title", "formula", "paragraph", "item", "wrap_up", "heading" or "annex" (its label and title)
    lines: list[Line]
    rule: str = ""  # the body rule that took these lines (`structure.body.BODY_RULES`); "" for title and formula

    @property
    def boxes(self) -> list[SourceBox]:
        return line_boxes(self.lines)


@dataclass
class FootnoteSource:
    """The note lines of one footnote (the n-th of `Document.footnotes`) and the unit it links to."""

    marker: str
    ref: str | None
    page: int
    lines: list[Line]

    @property
    def boxes(self) -> list[SourceBox]:
        return line_boxes(self.lines)


@dataclass
class ParseTrace:
    """What the parser saw and decided, page by page; filled by `build_document(..., trace=...)`."""

    page_chars: list[PageChars] = field(default_factory=list)  # as extracted: glyphs and drawn rules
    pages: list[Page] = field(default_factory=list)  # after layout: body, note and furniture lines
    head: list[TextBlock] = field(default_factory=list)  # the masthead and heading block
    blocks: list[TextBlock] = field(default_factory=list)  # the text after it (formula included)
    units: list[UnitSource] = field(default_factory=list)  # in the order the blocks were read
    footnotes: list[FootnoteSource] = field(default_factory=list)  # in the order of `Document.footnotes`
