"""Body lines → text blocks (paragraphs, headings, label lines), and their joined text.

A new block starts at extra vertical space (UN documents put 6pt between paragraphs), at a change
of type size or weight (headings), and at a labelled line ("12.", "(a)") set at the paragraph indent.
Joining a block's lines repairs line-end hyphenation only where the hyphen is a line break
(un-conventions §6.1): real compounds such as `capacity-building` keep their hyphen. The tolerances these rules
compare with are `settings.LayoutSettings` (each with why it has its value), passed to each function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..model.text import Line, Page, is_cjk
from ..settings import DEFAULT_LAYOUT, LayoutSettings
from .lines import marker_texts

# A paragraph number: "1." and the Arabic "1 - " (un-conventions §7), at times set solid with the text
# ("10 -يطلب"). It numbers an operative paragraph, which a comma does not end (§3.4: it ends with a semicolon,
# a colon or a full stop).
PARAGRAPH_NUMBER = r"\d{1,3}(?:\.\s|\s?-\s?(?=[\u0600-\u06ff]))"
NUMBER_START = re.compile("^" + PARAGRAPH_NUMBER)
# Leading labels that open a new block even without extra space before them: paragraph numbers, item letters
# and numerals, bullets, and the Arabic item letters "(أ)", at times set solid with the text ("(س)تعزيز").
LABEL_START = re.compile(r"^(?:" + PARAGRAPH_NUMBER
                         + r"|(?:\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\)|[•●▪]|\([\u0621-\u064a]{1,2}\))\s"
                         r"|\([\u0621-\u064a]{1,2}\)\s?(?=[\u0600-\u06ff]))")
# What ends a paragraph, or a clause that ends a paragraph (a preambular ","), in the scripts of the six
# languages: Latin and Cyrillic, Arabic (؛ ،), Chinese full-width forms (。 ； ： ，).
PARAGRAPH_END = (".", ";", ":", "؛", "。", "；", "：")
CLAUSE_END = (*PARAGRAPH_END, ",", "،", "，")
# The letters of words that hyphenate: Latin, Greek and Cyrillic scripts (not Chinese, not Arabic).
WORD_LETTERS = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
LINE_END_HYPHEN = re.compile(rf"([{WORD_LETTERS}]+)[-\u2010\u2011]$")
# Dashes and ellipses that Chinese sets between its characters (the dash "——" is two em dashes).
CJK_DASHES = "\u2014\u2015\u2026\u22ef"
WORD_START = re.compile(rf"^([{WORD_LETTERS}]+)")
SOFT_HYPHEN = "\u00ad"
# A line that ends with a digit and a dash, before a line that opens with a digit: a range of numbers
# ("the Decade 2011–2020") broken after its dash, joined without a space.
NUMBER_RANGE_BREAK = re.compile(r"\d[\u2013\u2010\u2011-]$")
# A web address broken after one of its hyphens: the line breaker may break after a hyphen without a space
# (Unicode line breaking, class HY), so the next line carries on the address; the hyphen is the address's
# own, not a word-break hyphen. (Other line ends inside an address, "%" before "20", need a space to break.)
URL_HYPHEN_END = re.compile(r"^(?:\S*://|www\.)\S*-$")


@dataclass
class TextBlock:
    """Consecutive body lines that belong together, on one or more pages.

    `joined` is the block's text and footnote markers (with their offsets), joined once with the
    document's vocabulary by `join_blocks`; every later rule reads the block through it, so a block is
    classified on the same text it is written out with.
    """

    lines: list[Line]
    continues: bool = False  # first line continues the previous page's last block
    joined: tuple[str, list[tuple[str, int]]] | None = None

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def pages(self) -> list[int]:
        return sorted({ln.page for ln in self.lines})

    @property
    def size(self) -> float:
        return max(ln.size for ln in self.lines)

    @property
    def bold(self) -> bool:
        return all(ln.bold for ln in self.lines)

    @property
    def x0(self) -> float:
        return self.lines[0].x0

    @property
    def text(self) -> str:
        """The joined text (before `join_blocks`: the lines joined without vocabulary, with the default settings)."""
        return self.joined[0] if self.joined is not None else join_lines(self.lines)[0]

    @property
    def markers(self) -> list[tuple[str, int]]:
        """The footnote markers of the joined text, each with the offset where it stands."""
        return self.joined[1] if self.joined is not None else join_lines(self.lines)[1]


def join_blocks(blocks: Iterable[TextBlock], vocabulary: set[str],
                settings: LayoutSettings = DEFAULT_LAYOUT) -> list[TextBlock]:
    """The blocks with their text and markers joined, once, with the document's `vocabulary` (which tells
    a line-end hyphen that breaks a word from one that belongs to it)."""
    return [replace(b, joined=join_lines(b.lines, vocabulary, settings)) for b in blocks]


def text_margin(lines: Sequence[Line]) -> float:
    """The left edge most body lines start at (wrapped lines), not the masthead's outer column."""
    counts: dict[int, int] = {}
    for ln in lines:
        counts[round(ln.x0)] = counts.get(round(ln.x0), 0) + 1
    best = max(counts, key=lambda x: (counts[x], -x))
    return float(best)


def line_pitch(lines: Sequence[Line], settings: LayoutSettings = DEFAULT_LAYOUT) -> float | None:
    """The usual baseline-to-baseline distance of consecutive lines of one size (single spacing)."""
    size_change, longest = settings.size_change, settings.pitch_max_ratio
    counts: dict[float, int] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        d = round(b.bottom - a.bottom, 0)
        if abs(a.size - b.size) < size_change and 0 < d < longest * a.size:
            counts[d] = counts.get(d, 0) + 1
    if not counts:
        return None
    # The smallest distance that recurs: pages of one-line items separated by paragraph spacing
    # must not make the paragraph spacing look like the line spacing.
    total = sum(counts.values())
    frequent = [d for d, n in counts.items() if n >= max(settings.pitch_min_count, settings.pitch_min_share * total)]
    return min(frequent) if frequent else max(counts, key=lambda d: counts[d])


@dataclass(frozen=True)
class Pitch:
    """The document's single line spacing (`line_pitch`), measured on the lines of one type size, and
    scaled to other sizes: leading grows with the type, so a title in 14 pt wraps at about 1.4 times the
    pitch of the 10 pt text."""

    pitch: float | None
    size: float  # the size of the lines it was measured on

    def at(self, size: float) -> float | None:
        return self.pitch * size / self.size if self.pitch is not None and self.size else self.pitch


def line_pitches(lines: Sequence[Line], settings: LayoutSettings = DEFAULT_LAYOUT) -> Pitch:
    """The `Pitch` of lines in reading order, with the size most of its measured line pairs are set in."""
    pitch = line_pitch(lines, settings)
    sizes: dict[float, int] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        if abs(a.size - b.size) < settings.size_change and pitch is not None and round(b.bottom - a.bottom, 0) == pitch:
            sizes[a.size] = sizes.get(a.size, 0) + 1
    return Pitch(pitch, max(sizes, key=lambda k: sizes[k]) if sizes else 0.0)


def text_right(lines: Sequence[Line], settings: LayoutSettings = DEFAULT_LAYOUT) -> float:
    """The right edge of the text column: where most full (justified) lines end, not the masthead's."""
    ends = sorted(ln.x1 for ln in lines)
    return ends[int(settings.right_edge_quantile * (len(ends) - 1))]


def _starts_new_block(prev: Line, line: Line, margin: float, right: float, pitches: Pitch,
                      settings: LayoutSettings) -> bool:
    size = min(prev.size, line.size)
    pitch = pitches.at(prev.size)
    size_change, indent = settings.size_change, settings.indent_min
    if pitch is not None and abs(prev.size - line.size) < size_change:
        extra = (line.bottom - prev.bottom) - pitch
    else:
        extra = (line.top - prev.bottom) - settings.plain_leading_ratio * size
    if extra > settings.block_gap_ratio * size:
        return True
    if (
        line.x0 > margin + indent
        and (abs(prev.x0 - margin) <= indent / 2 or abs(prev.x0 - line.x0) <= indent / 2)
        and not line.bold
        and prev.x1 < right - settings.short_last_line_slack
        and prev.text.rstrip().rstrip("”’\")").endswith(CLAUSE_END)
    ):
        # A first-line indent after a line that closes a paragraph (a wrapped last line at the margin, or a
        # paragraph of one line at the same indent: "The Security Council," above "Recalling …"): a new one.
        return True
    if abs(prev.size - line.size) > size_change or _weight_changes(prev, line):
        return True
    if prev.bold and line.bold and prev.x1 - margin < settings.short_heading_line_ratio * (right - margin):
        return True  # a short bold line ("Decision 1", "AMISOM") is a heading of its own
    return bool(LABEL_START.match(line.text) and line.x0 > margin + indent)


def _weight_changes(prev: Line, line: Line) -> bool:
    """Whether the text turns bold or stops being bold where `prev` breaks into `line` (a heading above a
    paragraph, a paragraph above a heading)."""
    return prev.edge_weights[1] != line.edge_weights[0]


def reading_frame(lines: Sequence[Line]) -> dict[int, Line]:
    """Each line (by identity) as the block rules see it: as printed on a page set left to right, mirrored on
    a page set right to left (most of its lines `rtl`), so that its `x0` is where its text starts (Arabic is
    aligned right, its first-line indent and its labels stand at the right) and its `x1` where it ends."""
    if not any(ln.rtl for ln in lines):
        return {id(ln): ln for ln in lines}
    return {id(ln): replace(ln, x0=-ln.x1, x1=-ln.x0) if rtl else ln
            for group in _pages(lines) for rtl in (_set_rtl(group),) for ln in group}


def _pages(lines: Sequence[Line]) -> list[list[Line]]:
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    return list(by_page.values())


def _set_rtl(lines: Sequence[Line]) -> bool:
    """Whether a page's lines are set right to left: most of them are."""
    return 2 * sum(ln.rtl for ln in lines) > len(lines)


def build_blocks(pages: Sequence[Page], settings: LayoutSettings = DEFAULT_LAYOUT) -> list[TextBlock]:
    """All body lines of the document grouped into blocks, in reading order (`settings`: the tolerances of the
    block rules)."""
    blocks: list[TextBlock] = []
    frame = reading_frame([ln for page in pages for ln in page.body])

    def start(ln: Line) -> float:
        return frame[id(ln)].x0

    # The document's line pitch, over all pages (a page of one-line items has no wrapped lines).
    ordered: list[Line] = []
    for page in pages:
        ordered += sorted(page.body, key=lambda ln: (round(ln.bottom), start(ln)))
    pitch = line_pitches(ordered, settings)
    for page in pages:
        lines = sorted(page.body, key=lambda ln: (round(ln.bottom, 0), start(ln)))
        if not lines:
            continue
        seen = [frame[id(ln)] for ln in lines]
        margin = text_margin(seen)
        right = text_right(seen, settings)
        current = [lines[0]]
        page_blocks: list[TextBlock] = []
        for k in range(1, len(lines)):
            if _starts_new_block(seen[k - 1], seen[k], margin, right, pitch, settings):
                page_blocks.append(TextBlock(current))
                current = [lines[k]]
            else:
                current.append(lines[k])
        page_blocks.append(TextBlock(current))
        if blocks and page_blocks:
            ragged = frame[id(lines[0])] is not lines[0] and not _aligned_at_start(seen)
            page_blocks[0].continues = _continues(blocks[-1], page_blocks[0], margin, frame, ragged, settings=settings)
        blocks.extend(page_blocks)
    return merge_continuations(blocks)


def _aligned_at_start(seen: Sequence[Line]) -> bool:
    """Whether as many of a page's lines (as the block rules see them) share their start as their end, within a
    point: not so for right-to-left text set flush left, ragged where its lines start."""
    def shared(edges: list[float]) -> int:
        counts: dict[int, int] = {}
        for e in edges:
            counts[round(e)] = counts.get(round(e), 0) + 1
        return max((counts.get(k - 1, 0) + n + counts.get(k + 1, 0) for k, n in counts.items()), default=0)

    return shared([ln.x0 for ln in seen]) >= shared([ln.x1 for ln in seen])


def _continues(before: TextBlock, after: TextBlock, margin: float, frame: dict[int, Line] | None = None,
               ragged: bool = False, *, settings: LayoutSettings) -> bool:
    """Whether the first block of a page carries on the last block of the previous page (`ragged`: the page's
    lines start ragged, so that where the first one starts tells nothing)."""
    def seen(ln: Line) -> Line:
        return frame[id(ln)] if frame is not None else ln

    indent = settings.indent_min
    last, first = before.lines[-1], seen(after.first)
    if (_weight_changes(last, first) or abs(first.size - last.size) > settings.size_change
            or LABEL_START.match(first.text)):
        return False
    start = seen(before.first).x0
    if len(before.lines) == 1 and start > margin + indent and abs(first.x0 - start) <= indent / 2:
        return False  # a paragraph of one line at the first-line indent, and the next paragraph's first line
    wrapped = [seen(ln).x0 for ln in before.lines[1:]] or [start]
    at_margin = ragged or abs(first.x0 - min(wrapped)) <= indent / 2
    ends = last.text.rstrip('”’")] ')
    # Where the start tells nothing, a clause's comma ending the page ends a paragraph too (a preambular one),
    # unless the paragraph is numbered.
    comma_ends = ragged and not NUMBER_START.match(before.first.text)
    open_end = not ends.endswith(CLAUSE_END if comma_ends else PARAGRAPH_END) or first.text[:1].islower()
    return at_margin and open_end


def merge_continuations(blocks: Iterable[TextBlock]) -> list[TextBlock]:
    out: list[TextBlock] = []
    for b in blocks:
        if b.continues and out:
            out[-1] = TextBlock(out[-1].lines + b.lines, continues=out[-1].continues)
        else:
            out.append(b)
    return out


def join_lines(lines: Sequence[Line], vocabulary: set[str] | None = None,
               settings: LayoutSettings = DEFAULT_LAYOUT) -> tuple[str, list[tuple[str, int]]]:
    """The text of lines joined into one paragraph, and its footnote markers with their offsets.

    Marker spans are left out of the text; each is returned with the offset where it stood.
    """
    longest = settings.hyphenated_word_max
    text = ""
    markers: list[tuple[str, int]] = []
    soft_break = False  # the previous line ended with a soft (discretionary) hyphen
    for i, line in enumerate(lines):
        if i:
            prev_text = text.rstrip()
            nxt = line.text.lstrip()
            m = LINE_END_HYPHEN.search(prev_text[-longest:])  # the tail: a search of the whole
            # paragraph at every line would make joining quadratic in its length
            w = WORD_START.match(nxt)
            if soft_break or (nxt and _url_continues(prev_text)):
                text = prev_text
            elif (
                m
                and w
                and vocabulary is not None
                and _is_break_hyphen(m.group(1), w.group(1), vocabulary)
            ):
                text = prev_text[:-1]
            elif m and w:
                text = prev_text
            elif prev_text.endswith("/") or prev_text.endswith("_"):
                text = prev_text  # URLs and paths broken at a line end
            elif NUMBER_RANGE_BREAK.search(prev_text[-2:]) and nxt[:1].isdigit():
                text = prev_text  # a range of numbers broken after its dash ("2011–" / "2020")
            elif is_cjk(prev_text.rstrip(CJK_DASHES)[-1:]) or is_cjk(nxt.lstrip(CJK_DASHES)[:1]):
                text = prev_text  # Chinese breaks lines anywhere (inside its dash "——" too), with no word spaces
            else:
                text = prev_text + " "
        for span in line.spans:
            if span.marker:
                markers.extend((mk, len(text.rstrip())) for mk in marker_texts(span.text))
                continue
            text += span.text.replace(SOFT_HYPHEN, "")
        soft_break = line.text.rstrip().endswith(SOFT_HYPHEN)
    clean = " ".join(text.split())
    # Offsets were measured on the uncollapsed text; map them onto the collapsed one.
    if clean != text.strip() and markers:
        markers = [(mk, len(" ".join(text[:off].split()))) for mk, off in markers]
    return clean, markers


def _url_continues(prev_text: str) -> bool:
    """Whether a line ends with a web address broken after one of its hyphens."""
    last = prev_text.rsplit(None, 1)[-1] if prev_text else ""
    return bool(URL_HYPHEN_END.match(last))


def _is_break_hyphen(left: str, right: str, vocabulary: set[str]) -> bool:
    """A line-end hyphen is a break (to remove) when the joined word is used elsewhere in the document
    and the hyphenated compound is not."""
    if right[:1].isupper():
        return False  # "Non-Self-" + "Governing": a compound with a capitalised part
    joined = (left + right).lower()
    compound = f"{left}-{right}".lower()
    return joined in vocabulary and compound not in vocabulary


def vocabulary(blocks: Iterable[TextBlock]) -> set[str]:
    """Lower-case words (and hyphenated compounds) used inside lines of the document."""
    words: set[str] = set()
    for b in blocks:
        for ln in b.lines:
            words.update(w.lower() for w in re.findall(rf"[{WORD_LETTERS}]+(?:-[{WORD_LETTERS}]+)*", ln.text))
    return words


def marker_pages(lines: Sequence[Line]) -> list[int]:
    """The page of each footnote marker of `join_lines(lines)`, in the same order."""
    pages = []
    for line in lines:
        for span in line.spans:
            if span.marker:
                pages.extend(line.page for _ in marker_texts(span.text))
    return pages
