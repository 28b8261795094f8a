"""Footnote lines → footnotes; markers in the text → references to them (un-conventions §4).

A note opens with its marker: a superscript number or asterisk, or a full-size `*`, `**`, `1/`.
Numbered notes run in sequence through the document, so a number that does not continue the
sequence is text (a wrapped line starting with a year), and a note whose first line on a page has
no marker continues the last note of the previous page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..layout.blocks import join_lines
from ..layout.lines import marker_texts
from ..layout.page import ends_sentence
from ..model.document import Footnote
from ..model.text import Line, Page, Span
from ..settings import DEFAULT_LAYOUT, LayoutSettings

FULL_SIZE_MARKER = re.compile(r"^(\*{1,4}|\d{1,3}/|\d{1,3})\s+(?=\S)")
# Older documents print markers inline at full size: "of 10 December 1982 1/ (hereinafter ...".
INLINE_SLASH_MARKER = re.compile(r"\s(\d{1,3})/(?=[\s,.;:)]|$)")


def _raised_start(line: Line) -> tuple[str, Line] | None:
    """The raised marker opening a note line, and the line without it.

    A marker printed as two glyph runs ("2 2", "1 2") is one marker; several at one note's start ("1,2")
    are kept as one comma-joined marker. A symbol typed again at full size after the raised one
    ("*" raised, then "* Reissued ...") is the same marker, not text.
    """
    markers = [m.rstrip("/") for m in marker_texts(line.spans[0].text)]
    markers = [m for m in markers if m]
    if not markers:
        return None
    marker = ",".join(markers)
    rest = _drop_chars(line.spans[1:], 0)
    if not marker.isdigit():
        typed = re.match(rf"\s*{re.escape(marker)}\s+(?=\S)", "".join(s.text for s in rest))
        if typed:
            rest = _drop_chars(rest, len(typed.group(0)))
    return marker, replace(line, spans=rest or [Span("")])


def _drop_chars(spans: Sequence[Span], cut: int) -> list[Span]:
    """The spans without their first `cut` characters."""
    out, dropped = [], 0
    for s in spans:
        if dropped >= cut:
            out.append(s)
            continue
        take = min(cut - dropped, len(s.text))
        dropped += take
        if s.text[take:]:
            out.append(Span(s.text[take:], s.italic, s.bold, s.marker))
    return out


def _note_start(line: Line, expected: int, indent: float | None) -> tuple[str, Line] | None:
    """The marker opening this line, and the line without it; None for a continuation line."""
    if line.spans[0].marker:
        return _raised_start(line)
    m = FULL_SIZE_MARKER.match(line.text)
    if not m:
        return None
    marker = m.group(1).rstrip("/")
    if marker.isdigit() and (
        int(marker) != expected or (indent is not None and abs(line.x0 - indent) < 1.0 and not m.group(1).endswith("/"))
    ):
        return None
    return marker, replace(line, spans=_drop_chars(line.spans, len(m.group(0))) or [Span("")])


def parse_footnotes(
    pages: Sequence[Page], vocabulary: set[str] | None = None, note_lines: list[list[Line]] | None = None,
    layout: LayoutSettings = DEFAULT_LAYOUT,
) -> list[Footnote]:
    """All footnotes of the document in order, a note continued over a page break joined (as the layout stage
    joins a block's lines, with its `layout` settings).

    `note_lines`, if given, receives the lines of each footnote in the same order (for `resparse inspect`).
    """
    notes: list[tuple[str, int, list[Line]]] = []
    expected = 1
    for page in pages:
        lines = sorted(page.notes, key=lambda ln: (round(ln.bottom), ln.x0))
        # The x where wrapped note lines start: the most common left edge of the page's notes.
        xs = [round(ln.x0) for ln in lines]
        indent = max(set(xs), key=xs.count) if xs else None
        opening = True  # no note has started on this page yet
        for line in lines:
            start = _note_start(line, expected, indent if len(lines) > 1 else None)
            carried = notes and notes[-1][1] != page.number
            if start is None and opening and carried and ends_sentence(notes[-1][2][-1].text):
                continue  # small text under a rule that does not carry on a note (a table note)
            opening = False
            if start is not None:
                marker, rest = start
                notes.append((marker, page.number, [rest]))
                if marker.isdigit():
                    expected = int(marker) + 1
            elif notes:
                notes[-1][2].append(line)
    if note_lines is not None:
        note_lines.extend(lines for _, _, lines in notes)
    out = []
    for marker, page_no, lines in notes:
        text, _ = join_lines(lines, vocabulary, layout)
        out.append(Footnote(marker=marker, text=text, page=page_no))
    return out


def inline_slash_markers(text: str, known: set[str]) -> tuple[str, list[tuple[str, int]]]:
    """Remove full-size `n/` markers of known notes from a text; return it and the markers with offsets."""
    markers: list[tuple[str, int]] = []
    out, last = "", 0
    for m in INLINE_SLASH_MARKER.finditer(text):
        if m.group(1) not in known:
            continue
        out += text[last : m.start()]
        markers.append((m.group(1), len(out)))
        last = m.end()
    out += text[last:]
    return out, markers
