"""Characters → lines.

Characters are grouped by baseline, then split where a wide horizontal gap separates two runs
(the two halves of a running header, "United Nations" and the symbol in a masthead). Small raised
glyphs next to body text become `marker` spans: the superscript footnote references of UN documents.
The tolerances these rules compare with are `settings.LayoutSettings` (each with why it has its value), passed
to each function.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..model.text import CJK_SCRIPT, RTL_SCRIPT, Char, Line, PageChars, Span, is_cjk
from ..settings import DEFAULT_LAYOUT, LayoutSettings
from .bidi import line_is_rtl, orient_pairs, strong_counts, visual_to_logical

# Arabic sets a note's number in parentheses, "(1)" (un-conventions §7); left to right on the page, the
# parentheses of such a marker may read either way round (see `bidi`).
MARKER_TEXT = re.compile(r"^(?:[0-9*,†‡§a-z\s]+|[()]\d{1,3}[()])$")
# A note opens with its marker: one in parentheses (the Arabic form) at the right end of a line means a note set
# right to left, whatever script its text is in.
NEUTRAL_SIGN = "\u2022"  # a character without direction (bidi class ON)
MARKER_DIGIT = "\u0661"  # an Arabic-Indic digit (bidi class AN)
RTL_NOTE_MARKER = re.compile(r"^[()]\d{1,3}[()]$")

# Several markers at one point are separated by commas (un-conventions §4).
MARKER_SEPARATOR = re.compile(r"\s*,\s*")

ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th|er|re|e|ème|o|a|ª|º)$")
# Raised letters that end a word are the typographic ending of an abbreviation or ordinal ("nᵒ", "nᵒˢ", "Mᵐᵉ",
# "XXIᵉ", "21.ᵉʳ"), kept in the text: footnote markers are digits or symbols, or a single letter (table notes).
# So a raised run of two letters or more is text, and so is one letter after a one-letter lower-case stem ("nᵒ")
# and the ordinal "e" after a Roman number ("XXIᵉ siècle"); a letter after a capital ("Tᵇ") is a table's note.
RAISED_WORD_ENDING = re.compile(r"^[^\W\d_]{2,}$")
RAISED_LETTER = re.compile(r"^[^\W\d_]$")
ABBREVIATION_STEM = re.compile(r"(?:^|\s)[^\W\d_A-Z]$")
ROMAN_ORDINAL = re.compile(r"(?:^|\s)[IVXLC]{2,}$")

# Ligatures and contextual forms encoded as characters of their own (Latin "ﬁ", Arabic presentation forms such
# as "ﻻ"): a writer's glyph names, not the text. Each is read as the letters it stands for (its compatibility
# decomposition), as an engine that maps the glyph to its letters gives them.
PRESENTATION_FORMS = re.compile("[\ufb00-\ufb4f\ufb50-\ufdff\ufe70-\ufefe]+")

SPACE_CHARS = {" ", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\t"}


def marker_texts(text: str) -> list[str]:
    """The footnote markers of a marker span's text, each without spaces (the schema's marker form).

    Markers standing at one point are separated by commas (§4), so pieces parted only by a space are one
    marker whose glyphs were printed as two runs: the same piece twice ("2 2", a marker drawn twice) is
    that marker, digits ("1 2") are one number; other pieces ("a b") stay apart. The parentheses of an
    Arabic marker ("(1)") are not part of it.
    """
    out: list[str] = []
    for part in MARKER_SEPARATOR.split(text.strip()):
        pieces = [p[1:-1] if RTL_NOTE_MARKER.match(p) else p for p in part.split()]
        if not pieces:
            continue
        if len(set(pieces)) == 1:
            out.append(pieces[0])
        elif all(p.isdigit() for p in pieces):
            out.append("".join(pieces))
        else:
            out.extend(pieces)
    return out


def _cluster_by_baseline(chars: Sequence[Char], settings: LayoutSettings) -> list[list[Char]]:
    """Group glyphs whose baselines are close, scanning from the top of the page down.

    Glyphs of one size are grouped first (tolerance relative to the smaller size, so that a 20pt
    organ name and a 10pt date beside it stay apart); then a cluster of small glyphs sitting just
    above a cluster of larger ones (superscript markers) is merged into it.
    """
    same_line, lookback = settings.same_line_tolerance_ratio, settings.baseline_lookback
    clusters: list[tuple[float, float, list[Char]]] = []  # (baseline of the largest glyph, its size, chars)
    for c in sorted(chars, key=_bottom):
        bottom, c_size = c.bottom, c.size
        n = len(clusters)
        for k in range(n - 1, max(-1, n - 1 - lookback), -1):
            base, size, members = clusters[k]
            if abs(bottom - base) <= same_line * (size if size < c_size else c_size):
                members.append(c)
                if c_size > size:
                    clusters[k] = (bottom, c_size, members)
                break
        else:
            clusters.append((bottom, c_size, [c]))
    merged: list[tuple[float, float, list[Char]]] = []
    for i, (base, size, members) in enumerate(clusters):
        small = max(m.size for m in members)
        below = clusters[i + 1] if i + 1 < len(clusters) else None
        if (
            below is not None
            and small < settings.marker_size_ratio * below[1]
            and 0 < below[0] - base <= settings.baseline_tolerance_ratio * below[1]
            and _looks_like_markers(members, settings)
        ):
            below[2].extend(members)
            continue
        merged.append((base, size, members))
    return [members for _, _, members in merged]


def _looks_like_markers(chars: list[Char], settings: LayoutSettings) -> bool:
    """Whether small raised glyphs are footnote markers: short runs of digits, asterisks or commas,
    not a line of small text set beside a larger one (a masthead's "Distr.: Limited")."""
    for run in _split_fragments(chars, settings):
        text = "".join(c.text for c in sorted(run, key=lambda c: c.x0))
        if len(text) > settings.marker_max_chars or not MARKER_TEXT.match(text):
            return False
    return True


def _split_fragments(chars: list[Char], settings: LayoutSettings) -> list[list[Char]]:
    fragment_gap, marker_size = settings.fragment_gap_ratio, settings.marker_size_ratio
    same_line = settings.same_line_tolerance_ratio
    chars = sorted(chars, key=_x0)
    prev = chars[0]
    out: list[list[Char]] = [[prev]]
    last_right = prev.x1
    for c in chars[1:]:
        big, small = (c.size, prev.size) if c.size >= prev.size else (prev.size, c.size)
        gap = c.x0 - last_right
        if gap > fragment_gap * big or (
            gap > small
            and small < marker_size * big
            and abs(c.bottom - prev.bottom) < same_line * small
        ):  # a wide gap, or a gap wider than the small glyph between a marker and text on one baseline
            out.append([c])
        else:
            out[-1].append(c)
        if c.x1 > last_right:
            last_right = c.x1
        prev = c
    return out


def _x0(c: Char) -> float:
    return c.x0


def _bottom(c: Char) -> float:
    return c.bottom


def _body_size(chars: Sequence[Char]) -> float:
    """The size most of the line's visible glyphs are set in (by count)."""
    counts: dict[float, int] = {}
    for c in chars:
        if c.text not in SPACE_CHARS:
            counts[c.size] = counts.get(c.size, 0) + len(c.text)  # a Char may be a run of glyphs
    return max(counts, key=lambda s: (counts[s], s)) if counts else chars[0].size


def _make_line(chars: list[Char], page: int, page_rtl: bool = False, *, settings: LayoutSettings) -> Line | None:
    """The line of a fragment's glyphs, its spans in reading order (`page_rtl`: whether most of the page's
    letters are written right to left, the direction of a line that does not show its own)."""
    size = _body_size(chars)
    word_gap, cjk_tab_gap = settings.word_gap_ratio, settings.cjk_tab_gap_ratio
    marker_below = size * settings.marker_size_ratio
    body = [c for c in chars if c.size >= marker_below and c.text not in SPACE_CHARS]
    baseline = max((c.bottom for c in body), default=max(c.bottom for c in chars))
    marker_rise = settings.marker_rise_ratio * size
    spans: list[Span] = []
    last: Span | None = None  # spans[-1]
    prev: Char | None = None
    cjk = any(CJK_SCRIPT.search(c.text) for c in chars)
    for c in chars:
        space = c.text in SPACE_CHARS
        is_marker = c.size < marker_below and baseline - c.bottom > marker_rise and not space
        text = " " if space else c.text
        if last is not None and text != " " and prev is not None and not last.text.endswith(" "):
            wider = prev.size if prev.size > c.size else c.size
            # After the raised letters of an abbreviation ("nᵒ 973") the space is set at their size, so the gap is
            # measured by it.
            if prev.size < marker_below <= c.size and baseline - prev.bottom > marker_rise and prev.text.isalpha():
                wider = prev.size
            if c.x0 - prev.x1 > word_gap * (size if size < wider else wider) and (
                not cjk
                or not (is_cjk(prev.text[-1]) or is_cjk(c.text[0]))
                or (c.space_before and not is_marker)
                or last.marker
                or c.x0 - prev.x1 > cjk_tab_gap * size
            ):  # a word gap (beside a Chinese character: a space typed, the space after a note marker, or a tab)
                if is_marker == last.marker:
                    last.text += " "
                else:
                    last = Span(" ", italic=last.italic, bold=last.bold)
                    spans.append(last)
        if last is not None and last.marker == is_marker and (is_marker or (last.italic == c.italic
                                                                           and last.bold == c.bold)):
            last.text += text
        else:
            last = Span(text, italic=c.italic, bold=c.bold, marker=is_marker)
            spans.append(last)
        prev = c
    # Collapse spaces and drop empty spans, keeping marker boundaries.
    cleaned: list[Span] = []
    for s in spans:
        t = " ".join(s.text.split(" "))
        while "  " in t:
            t = t.replace("  ", " ")
        if cleaned and t.startswith(" ") and cleaned[-1].text.endswith(" "):
            t = t[1:]
        if t:
            cleaned.append(Span(t, s.italic, s.bold, s.marker))
    if cleaned:
        cleaned[0].text = cleaned[0].text.lstrip()
        cleaned[-1].text = cleaned[-1].text.rstrip()
    cleaned = [s for s in cleaned if s.text]
    if not cleaned:
        return None
    rtl = False
    if any(RTL_SCRIPT.search(s.text) for s in cleaned):  # only lines with right-to-left letters pay for this
        cleaned, rtl = _reading_order(cleaned, page_rtl)
    elif len(cleaned) > 1 and cleaned[-1].marker and RTL_NOTE_MARKER.match(cleaned[-1].text):
        cleaned, rtl = _reading_order(cleaned, True, True)  # an Arabic note in Latin letters ("(2) United Nations")
    for s in cleaned:
        if PRESENTATION_FORMS.search(s.text):  # in reading order: a ligature's letters come out in that order
            s.text = PRESENTATION_FORMS.sub(_letters_of, s.text)
        if not unicodedata.is_normalized("NFC", s.text):  # decomposed accents, marks drawn apart: one form
            s.text = unicodedata.normalize("NFC", s.text)
    for prev_span, span in zip(cleaned, cleaned[1:], strict=False):
        if span.marker and _ends_a_word(prev_span.text, span.text):
            span.marker = False
    visible = [c for c in chars if c.text not in SPACE_CHARS] or chars
    return Line(
        spans=cleaned,
        x0=min(c.x0 for c in visible),
        x1=max(c.x1 for c in visible),
        top=min(c.top for c in body or visible),
        bottom=baseline,
        size=size,
        page=page,
        rtl=rtl,
    )


def _ends_a_word(before: str, raised: str) -> bool:
    """Whether raised glyphs are the end of the word before them, text and not a footnote marker: an ordinal
    suffix after a number ("71st", "3e", "56ª"), or the raised letters of an abbreviation ("nᵒ", "XXIᵉ")."""
    if ORDINAL_SUFFIX.match(raised) and before[-1:].isdigit():
        return True
    return bool(RAISED_WORD_ENDING.match(raised)
                or RAISED_LETTER.match(raised) and ABBREVIATION_STEM.search(before)
                or raised == "e" and ROMAN_ORDINAL.search(before))


def _letters_of(m: re.Match) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


def _reading_order(spans: list[Span], page_rtl: bool, rtl: bool | None = None) -> tuple[list[Span], bool]:
    """The spans of a line holding right-to-left letters, from left to right as built, in reading order
    (`bidi`), and whether the line is set right to left. Each character keeps its span's style. In a
    right-to-left line, brackets and quotes take the side the text around them shows (`bidi.orient_pairs`),
    a marker's ("(1)") on its own. The line's direction is `rtl` when given, else its letters' (`bidi.line_is_rtl`);
    a note opening with a marker in parentheses at its right end (the Arabic form) is set right to left."""
    raw = "".join(s.text for s in spans)
    if rtl is None:
        note = len(spans) > 1 and spans[-1].marker and RTL_NOTE_MARKER.match(spans[-1].text) is not None
        rtl = note or line_is_rtl("".join(s.text for s in spans if not s.marker), page_rtl)
    owner = [s for s in spans for _ in s.text]
    # A marker stands between words as one sign: for the ordering its digits are a number of their own (an
    # Arabic number, which joins no Latin text beside it), its other characters have no direction.
    order = visual_to_logical("".join((MARKER_DIGIT if ch.isdigit() else NEUTRAL_SIGN) if o.marker else ch
                                      for ch, o in zip(raw, owner, strict=True)), 1 if rtl else 0)
    styles = [owner[i] for i in order]
    text = "".join(raw[i] for i in order)
    if rtl:
        marker = [s.marker for s in styles]
        body = orient_pairs("".join(" " if m else ch for ch, m in zip(text, marker, strict=True)))
        marks = orient_pairs("".join(ch if m else " " for ch, m in zip(text, marker, strict=True)))
        text = "".join(k if m else b for b, k, m in zip(body, marks, marker, strict=True))
    out: list[Span] = []
    for ch, s in zip(text, styles, strict=True):
        if out and (s.marker, s.italic, s.bold) == (out[-1].marker, out[-1].italic, out[-1].bold):
            out[-1].text += ch
        else:
            out.append(Span(ch, s.italic, s.bold, s.marker))
    return out, rtl


def build_lines(page: PageChars, settings: LayoutSettings = DEFAULT_LAYOUT) -> list[Line]:
    """All text lines of a page, top to bottom, left to right within a baseline (`settings`: the tolerances
    the glyphs are grouped with)."""
    lines: list[Line] = []
    visible = [c for c in page.chars if c.text not in SPACE_CHARS and c.text.strip()]
    page_rtl = False
    if any(RTL_SCRIPT.search(c.text) for c in visible):
        rtl, ltr = strong_counts("".join(c.text for c in visible))
        page_rtl = rtl >= ltr
    for cluster in _cluster_by_baseline(visible, settings):
        for fragment in _split_fragments(cluster, settings):
            line = _make_line(fragment, page.number, page_rtl, settings=settings)
            if line is not None:
                lines.append(line)
    return lines
