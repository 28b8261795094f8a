"""Lines of a page → body, footnote area and page furniture.

UN pages carry running headers (symbol, short title) and footers (page counter `2/10`, job number
`25-03668`, barcode `*2503668*`) that are never text, and footnotes in small type at the page bottom,
under a short rule (typed underscores or a drawn rule) or none (un-conventions §4, §5). This stage sorts
every line into one of the three, so that the structure stages see body text only. The tolerances these
rules compare with are `settings.LayoutSettings` (each with why it has its value), passed to each function.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model.text import Line, Page, PageChars, Span
from ..settings import DEFAULT_LAYOUT, LayoutSettings
from ..wordlist import read_word_list
from .lines import MARKER_TEXT, build_lines, marker_texts

PAGE_NUMBER = re.compile(r"^\d{1,4}$")  # a bare page number in the footer band
# A page number between dashes ("- 2 -", treaty texts), set like the text just above the footer band: furniture
# anywhere in the lower part of the page (never a line of text).
DASHED_PAGE_NUMBER = re.compile(r"^[-–—]\s?\d{1,4}\s?[-–—]$")
NOTE_START = re.compile(r"^(?:\*{1,3}|\d{1,3}/?)\s")  # a note opening with a full-size marker
SEPARATOR_TEXT = re.compile(r"^[_\u2014\u2015\u2500-]{5,}$")

# Lines that are page furniture wherever they stand in the header or footer band.
FURNITURE_PATTERNS = [
    re.compile(p)
    for p in (
        r"^\d{1,4}/\d{1,4}$",  # page counter 2/10
        r"^(?:[A-Z]{1,2}\.)?\d{2}-\d{5}\*{0,2}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}$",  # 25-03668 (E) 050625
        r"^(?:\d{1,4}/\d{1,4}\s+)?(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s+\d{1,4}/\d{1,4})?$",  # 2/3 25-03668, V.22-21550 4/5
        r"^\*\d{6,9}\*$",  # barcode text
        r"^Page\s+\d+$",  # older "Page 2" header
        r"^(?:/\.\.\.|\.\.\./|-{3,}|_{1,4})$",  # continuation marks of older documents
    )
]
# The recycling note at the foot of page 1, in each language (data: `layout/data/recycling_notes.txt`).
RECYCLING_NOTES = read_word_list(__package__, "recycling_notes")
# The recycling logo printed with the note: before it in reading order where the note is set right to left.
RECYCLING_SYMBOLS = "\u2672\u2673\u2674\u2675\u2676\u2677\u2678\u2679\u267a\u267b\u267c\u267d "


def is_furniture_text(text: str) -> bool:
    t = " ".join(text.split())
    return any(p.match(t) for p in FURNITURE_PATTERNS) or t.lstrip(RECYCLING_SYMBOLS).startswith(RECYCLING_NOTES)


def body_size(lines: Sequence[Line], settings: LayoutSettings = DEFAULT_LAYOUT) -> float:
    """The font size most of the document's text is set in (weighted by characters); `default_body_size`
    without lines."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[round(line.size, 1)] += len(line.text)
    return counts.most_common(1)[0][0] if counts else settings.default_body_size


def _recurring_texts(pages: Sequence[list[Line]], heights: Sequence[float], settings: LayoutSettings) -> set[str]:
    """Texts printed in the header or footer band of two or more pages (symbol, running title)."""
    seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        texts = {
            " ".join(ln.text.split())
            for ln in lines
            if ln.top < settings.header_band_ratio * height or ln.top > (1 - settings.footer_band_ratio) * height
        }
        seen.update(texts)
    return {t for t, n in seen.items()
            if n >= settings.recurring_min_pages and len(t) >= settings.recurring_min_chars}


def _separator_top(page: PageChars, lines: Sequence[Line], size: float, continues: bool = False, *,
                   settings: LayoutSettings) -> float | None:
    """Top of the footnote area: its separator (a run of underscores, or a short drawn rule with small text
    below), or, with none printed, just above the run of small lines that ends the page (§4, §5).

    `continues`: the previous page's notes end inside a note, which may go on at the top of this page's notes.
    """
    min_top = page.height * settings.separator_min_top_ratio
    for line in lines:
        if SEPARATOR_TEXT.match(line.text.replace(" ", "")) and line.top > min_top:
            return line.top
    for rule in sorted(page.rules, key=lambda r: r.top):
        if (
            rule.x0 < page.width * settings.separator_max_x0_ratio
            and settings.separator_min_width <= rule.width < page.width * settings.separator_max_width_ratio
            and rule.top > min_top
        ):
            below = [
                ln
                for ln in lines
                if ln.top > rule.top and not is_furniture_text(ln.text) and not PAGE_NUMBER.match(ln.text.strip())
            ]
            if below and all(ln.size < size * settings.furniture_size_ratio for ln in below):
                return rule.top
    return _small_trailing_block_top(page, lines, size, continues, settings)


def opens_with_marker(line: Line) -> bool:
    """Whether a line opens with a note marker: a raised one, or a full-size `*`, `1`, `1/` and a space."""
    return line.spans[0].marker or bool(NOTE_START.match(line.text))


def ends_sentence(text: str) -> bool:
    """Whether a note's last line ends a sentence, so that the note does not go on over the page break."""
    return text.rstrip().rstrip(")”’\"").endswith(".")


def _small_trailing_block_top(page: PageChars, lines: Sequence[Line], size: float, continues: bool,
                              settings: LayoutSettings) -> float | None:
    """Without a separator: the run of small lines at the page bottom, when it is a footnote area.

    It is one when its first line opens with a note marker; or when it opens with the rest of a note carried
    over from the previous page (`continues`); or when a later line opens with a raised marker that also
    stands in the body above (the lines before it finish a note of the previous page).
    """
    footer_limit = (1 - settings.footer_band_ratio) * page.height
    candidates = [
        ln
        for ln in sorted(lines, key=lambda ln: ln.top)
        if not (ln.top > footer_limit and (is_furniture_text(ln.text) or PAGE_NUMBER.match(ln.text)))
    ]
    block: list[Line] = []
    for line in reversed(candidates):
        if (line.size >= size * settings.furniture_size_ratio
                or line.top < page.height * settings.trailing_notes_min_top_ratio):
            break
        block.insert(0, line)
    if not block:
        return None
    top = block[0]
    if opens_with_marker(top) or continues:
        return top.top - settings.notes_top_margin
    above = {m for ln in candidates if ln.bottom < top.top for s in ln.spans if s.marker for m in marker_texts(s.text)}
    for line in block[1:]:
        if line.spans[0].marker and set(marker_texts(line.spans[0].text)) & above:
            return top.top - settings.notes_top_margin
    return None


def _is_lone_marker(line: Line) -> bool:
    return len(line.spans) == 1 and bool(MARKER_TEXT.match(line.raw)) and not line.raw.isspace()


def attach_hanging_markers(lines: Sequence[Line], size: float, settings: LayoutSettings = DEFAULT_LAYOUT) -> list[Line]:
    """Lines with each note marker printed apart from its note text joined to that text as a marker span.

    Word's footnote style hangs the raised marker left of the note and sets a tab before the text (§4), so
    the line builder sees the marker as a line of its own. A marker is hung when it is a short run of
    marker glyphs (digits, asterisks), set smaller than a small-type line beginning to its right on the same
    line, raised above that line's baseline, with nothing between them and nothing left of it.
    """
    out = list(lines)
    gone: set[int] = set()  # lines joined already (by identity: two lines may be equal as values)
    for marker in [ln for ln in lines if _is_lone_marker(ln)]:
        if id(marker) in gone:
            continue
        same_band = [ln for ln in out if ln is not marker and ln.top <= marker.bottom and ln.bottom >= marker.top]
        right = [ln for ln in same_band if ln.x0 > marker.x1]
        if not right or any(ln.x1 <= marker.x0 for ln in same_band):
            continue
        text = min(right, key=lambda ln: ln.x0)
        rise = text.bottom - marker.bottom
        if (
            text.size < size * settings.furniture_size_ratio
            and marker.size < settings.marker_size_ratio * text.size
            and settings.marker_rise_ratio * text.size < rise <= settings.hanging_marker_max_rise_ratio * text.size
            and text.x0 - marker.x1 <= settings.hanging_marker_max_gap_ratio * text.size
            and text.spans
            and not text.spans[0].marker
        ):
            joined = Line(
                spans=[Span(marker.raw.strip(), marker=True), *text.spans],
                x0=marker.x0,
                x1=text.x1,
                top=text.top,
                bottom=text.bottom,
                size=text.size,
                page=text.page,
            )
            out = [joined if ln is text else ln for ln in out if ln is not marker]
            gone |= {id(marker), id(text)}
    return out


def split_page(page: PageChars, lines: list[Line], size: float, recurring: set[str], continues: bool = False,
               settings: LayoutSettings = DEFAULT_LAYOUT) -> Page:
    """Sort the lines of one page into body, notes and furniture (`continues`: see `_separator_top`)."""
    body: list[Line] = []
    notes: list[Line] = []
    furniture: list[Line] = []
    sep = _separator_top(page, lines, size, continues, settings=settings)
    header_limit = settings.header_band_ratio * page.height
    footer_limit = (1 - settings.footer_band_ratio) * page.height
    furniture_size = settings.furniture_size_ratio
    # A running header is set smaller than the text of its page (a short document's body size may be that
    # of a long sponsor list instead: its text's own lines at the top of a page are not furniture).
    text_lines = [ln for ln in lines if header_limit <= ln.top <= footer_limit]
    page_size = min(size, body_size(text_lines, settings)) if text_lines else size
    for line in lines:
        text = " ".join(line.text.split())
        in_header = line.top < header_limit
        in_footer = line.top > footer_limit
        below_sep = sep is not None and line.top > sep
        small = line.size < size * furniture_size
        if (
            SEPARATOR_TEXT.match(text.replace(" ", ""))
            or in_header
            and page.number > 1
            and (is_furniture_text(text) or text in recurring or line.size < page_size * furniture_size)
            or in_footer
            and (is_furniture_text(text) or PAGE_NUMBER.match(text))
            or line.top > settings.dashed_page_number_min_top_ratio * page.height
            and DASHED_PAGE_NUMBER.match(text)
        ):
            furniture.append(line)
        elif below_sep:
            notes.append(line)
        elif in_footer and text in recurring:
            furniture.append(line)
        elif (
            in_footer
            and small
            and (line.spans[0].marker or text.startswith("*") or (notes and notes[-1].top < line.top))
        ):
            notes.append(line)  # a first-page "*" note printed without a separator
        elif in_footer and small:
            furniture.append(line)
        else:
            body.append(line)
    return Page(number=page.number, width=page.width, height=page.height, body=body, notes=notes, furniture=furniture,
                note_top=sep if notes else None)


def layout_pages(pages: Sequence[PageChars], settings: LayoutSettings = DEFAULT_LAYOUT) -> list[Page]:
    """Every page split into body lines, footnote lines and furniture (`settings`: the tolerances of the line
    builder and of the page split)."""
    all_lines = [build_lines(p, settings) for p in pages]
    size = body_size([ln for lines in all_lines for ln in lines], settings)
    recurring = _recurring_texts(all_lines, [p.height for p in pages], settings) if len(pages) > 1 else set()
    out: list[Page] = []
    continues = False
    for p, lines in zip(pages, all_lines, strict=True):
        page = split_page(p, attach_hanging_markers(lines, size, settings), size, recurring, continues, settings)
        out.append(page)
        last = max(page.notes, key=lambda ln: (round(ln.bottom), ln.x0), default=None)
        continues = last is not None and not ends_sentence(last.text)
    return out
