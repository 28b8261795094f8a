"""`resparse inspect`: what the parser detected on a page, drawn over the rendered page.

A misparse is found fastest by seeing which printed lines became which unit. `overlay_boxes` turns the
`ParseTrace` of one parse into plain data — boxes with a page, a kind, a position in PDF points and a label —
that tests can check without looking at pixels; `draw_overlay` draws such boxes over a page image that
`render_page` makes with pdfium. `inspect_pdf` ties the three together for the command.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from .api import input_format, parse, read_input
from .errors import NotSupported
from .model.document import Document
from .model.text import Char, Line, Page, PageChars
from .settings import DEFAULT_SETTINGS, LayoutSettings, Settings
from .structure.trace import ParseTrace, SourceBox, line_boxes

if TYPE_CHECKING:  # Pillow and pypdfium2 are imported when a page is drawn, not with the command line
    from PIL import Image, ImageDraw, ImageFont

# Pixels per PDF point of the rendered page (2.0 = 144 dpi: small print stays readable).
RENDER_SCALE = 2.0

# What each kind of box shows, in drawing order (areas first, so that lines and units are drawn over them).
KIND_NAMES: dict[str, str] = {
    "masthead": "heading block",
    "footnote_area": "footnote area",
    "furniture": "furniture",
    "line": "body line",
    "title": "title",
    "formula": "formula",
    "paragraph": "paragraph",
    "item": "item",
    "wrap_up": "wrap-up",
    "heading": "heading",
    "annex": "annex label/title",
    "unplaced": "text in no unit",
    "footnote": "footnote -> unit",
    "separator": "separator",
    "marker": "marker",
}
KINDS = tuple(KIND_NAMES)

# RGB colour of each kind.
COLOURS: dict[str, tuple[int, int, int]] = {
    "masthead": (128, 0, 160),
    "footnote_area": (214, 39, 40),
    "furniture": (127, 127, 127),
    "line": (120, 170, 230),
    "title": (148, 103, 189),
    "formula": (23, 150, 160),
    "paragraph": (31, 90, 200),
    "item": (30, 150, 50),
    "wrap_up": (200, 150, 0),
    "heading": (240, 110, 0),
    "annex": (140, 30, 30),
    "unplaced": (230, 0, 200),
    "footnote": (170, 0, 20),
    "separator": (255, 0, 0),
    "marker": (230, 0, 120),
}
# Outline width of each kind, in PDF points (scaled with the page).
LINE_WIDTHS: dict[str, float] = {
    "masthead": 1.0,
    "footnote_area": 1.0,
    "furniture": 0.8,
    "line": 0.4,
    "separator": 1.5,
    "marker": 0.6,
    "footnote": 0.7,
}
DEFAULT_LINE_WIDTH = 1.0
# Opacity (0-255) of the fill of area kinds; other kinds are outlines only.
FILL_ALPHA: dict[str, int] = {"masthead": 22, "footnote_area": 22, "furniture": 40, "unplaced": 40}
# Kinds whose label is drawn (a marker's label is the marker itself, already printed beside the box).
LABELLED_KINDS = frozenset(KINDS) - {"line", "marker", "furniture"}
# Boxes are drawn this far outside their lines (points), so that they do not hide the glyphs' edges; notes
# are set close together.
PADS: dict[str, float] = {"masthead": 3.0, "footnote_area": 3.0, "footnote": 0.5, "line": 0.0, "marker": 0.0}
DEFAULT_PAD = 1.5
# A line's box reaches below its baseline by this share of its size (the descenders).
DESCENT_RATIO = 0.22
# A superscript marker glyph: smaller than a share of its line's size and its baseline raised above the line's
# by more than a share of it, as the line builder decides it (`LayoutSettings.marker_size_ratio` and
# `marker_rise_ratio`), but by less than this share (higher up is the line above); glyphs further apart than
# the next share are two markers.
MARKER_MAX_RISE_RATIO = 0.7
MARKER_GAP_RATIO = 0.5
# Glyph positions of one line agree to this much (points).
GLYPH_TOLERANCE = 0.5
# Labels and legend: font size in points (scaled with the page), tag padding and gap to the box in points.
LABEL_FONT_POINTS = 6.5
LABEL_PAD = 1.0
LABEL_GAP = 2.0
# Kinds labelled beside their box, in the right margin, where that is wide enough (else above the box's
# top-right corner, like the areas): several of them can stand one under the other with no space between.
MARGIN_LABELLED_KINDS = frozenset({"title", "formula", "paragraph", "item", "wrap_up", "heading", "annex",
                                   "unplaced", "footnote"})
LABEL_TEXT = (255, 255, 255)
LABEL_ALPHA = 215
MIN_FONT_PIXELS = 6
LEGEND_FONT_POINTS = 6.5
LEGEND_SWATCH_ALPHA = 60  # the swatch of an outline-only kind is lightly filled, to show its colour
LEGEND_MARGIN = 4.0
LEGEND_BACKGROUND = (255, 255, 255, 235)
LEGEND_BORDER = (90, 90, 90, 255)
LEGEND_TEXT = (30, 30, 30, 255)


@dataclass(frozen=True)
class OverlayBox:
    """One thing the parser detected on a page: PDF points from the page's top-left corner."""

    page: int  # 1-based
    kind: str  # one of KINDS
    x0: float
    top: float
    x1: float
    bottom: float
    label: str = ""  # a unit id (`pp_3`), `1 -> pp_2` for a footnote, the marker for a marker

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------------------- the overlay


def _ink(kind: str, boxes: Iterable[SourceBox], label: str = "") -> list[OverlayBox]:
    """Source boxes (one per page) as overlay boxes around their glyphs, descenders included."""
    return [OverlayBox(b.page, kind, b.x0, b.top, b.x1, b.bottom + DESCENT_RATIO * b.size, label) for b in boxes]


def _lines(kind: str, lines: Sequence[Line], label: str = "") -> list[OverlayBox]:
    return _ink(kind, line_boxes(lines), label)


def _marker_runs(line: Line, chars: Sequence[Char], settings: LayoutSettings) -> list[OverlayBox]:
    """Boxes of the superscript footnote markers of a body line, found among the page's glyphs.

    Lines keep their markers as text only, so the raised small glyphs inside the line's box are grouped
    into runs and paired, in order, with the line's marker spans.
    """
    markers = [s.text.strip() for s in line.spans if s.marker and s.text.strip()]
    if not markers:
        return []
    smaller, rise = settings.marker_size_ratio * line.size, settings.marker_rise_ratio * line.size
    raised = sorted(
        (
            c
            for c in chars
            if c.text.strip()
            and line.x0 - GLYPH_TOLERANCE <= c.x0
            and c.x1 <= line.x1 + GLYPH_TOLERANCE
            and c.size < smaller
            and rise < line.bottom - c.bottom < MARKER_MAX_RISE_RATIO * line.size
        ),
        key=lambda c: c.x0,
    )
    runs: list[list[Char]] = []
    for c in raised:
        if runs and c.x0 - runs[-1][-1].x1 <= MARKER_GAP_RATIO * line.size:
            runs[-1].append(c)
        else:
            runs.append([c])
    return [
        OverlayBox(line.page, "marker", min(c.x0 for c in run), min(c.top for c in run), max(c.x1 for c in run),
                   max(c.bottom for c in run), marker)
        for marker, run in zip(markers, runs, strict=False)
    ]


def _separator(page: Page, chars: PageChars) -> OverlayBox | None:
    """The footnote separator the layout stage used on this page (`Page.note_top`): a drawn rule, a run of
    underscores, or (notes set small at the page bottom without one) the line where the notes begin."""
    lines = sorted(page.body + page.notes + page.furniture, key=lambda ln: (round(ln.bottom), ln.x0))
    top = page.note_top
    if top is None:
        return None
    for rule in chars.rules:
        if rule.top == top:
            return OverlayBox(page.number, "separator", rule.x0, rule.top, rule.x1, rule.top, "separator")
    for ln in lines:
        if ln.top == top:
            return OverlayBox(page.number, "separator", ln.x0, ln.top, ln.x1, ln.bottom, "separator")
    notes = page.notes or lines
    return OverlayBox(page.number, "separator", min(ln.x0 for ln in notes), top, max(ln.x1 for ln in notes), top,
                      "separator (none printed)")


def overlay_boxes(trace: ParseTrace, settings: LayoutSettings = DEFAULT_SETTINGS.layout) -> list[OverlayBox]:
    """Everything the parse found, as boxes: areas and lines of each page, then units, footnotes, markers (the
    marker glyphs told as the layout `settings` the parse ran with tell them)."""
    boxes = _lines("masthead", [ln for b in trace.head for ln in b.lines], "heading block")
    for page, chars in zip(trace.pages, trace.page_chars, strict=True):
        separator = _separator(page, chars)
        if page.notes:
            (area,) = _lines("footnote_area", page.notes, "footnotes")
            if separator is not None:  # the area starts at its separator
                area = OverlayBox(area.page, area.kind, min(area.x0, separator.x0), min(area.top, separator.top),
                                  max(area.x1, separator.x1), area.bottom, area.label)
            boxes.append(area)
        if separator is not None:
            boxes.append(separator)
        for ln in page.furniture:
            boxes += _lines("furniture", [ln], " ".join(ln.text.split()))
        for ln in page.body:
            boxes += _lines("line", [ln])
    placed: set[int] = set()
    for unit in trace.units:
        placed.update(id(ln) for ln in unit.lines)
        boxes += _ink(unit.kind, unit.boxes, unit.id)
    for block in trace.blocks:
        boxes += _lines("unplaced", [ln for ln in block.lines if id(ln) not in placed], "no unit")
    for note in trace.footnotes:
        boxes += _ink("footnote", note.boxes, f"{note.marker} -> {note.ref or '?'}")
    for page, chars in zip(trace.pages, trace.page_chars, strict=True):
        for ln in page.body:
            boxes += _marker_runs(ln, chars.chars, settings)
    return boxes


# ---------------------------------------------------------------------------------------------- drawing


def render_page(pdf: bytes, number: int, scale: float = RENDER_SCALE) -> Image.Image:
    """Page `number` (1-based) of a PDF as an RGB image, `scale` pixels per point.

    The whole media box is drawn, the box the engines measure positions in (a viewer shows only the crop
    box, which may be smaller), so that the overlay's boxes fall on what they describe.
    """
    import pypdfium2 as pdfium  # noqa: PLC0415 - only the inspect command renders

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[number - 1]
        try:
            page.set_cropbox(*page.get_mediabox())
            return page.render(scale=scale).to_pil().convert("RGB")
        finally:
            page.close()
    finally:
        document.close()


def _font(pixels: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont  # noqa: PLC0415

    try:
        return ImageFont.load_default(size=max(MIN_FONT_PIXELS, round(pixels)))
    except TypeError:  # Pillow < 10.1: one bitmap size
        return ImageFont.load_default()


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_label(rect: tuple[float, float, float, float], w: float, h: float, beside: bool, page_width: float,
                 gap: float, taken: Sequence[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """Where a label tag goes: beside the box's top, in the right margin, moved down past tags already
    there; or, without room there, above the box's top-right corner (in the space between paragraphs),
    moved left past other tags."""
    if beside and rect[2] + gap + w <= page_width - gap:
        tag = (rect[2] + gap, rect[1], rect[2] + gap + w, rect[1] + h)
        while any(_overlaps(tag, t) for t in taken):
            tag = (tag[0], tag[3], tag[2], tag[3] + h)
        return tag
    y0 = rect[1] - h if rect[1] - h >= 0 else rect[1]
    tag = (rect[2] - w, y0, rect[2], y0 + h)
    while any(_overlaps(tag, t) for t in taken) and tag[0] - w > 0:
        tag = (tag[0] - w - gap, tag[1], tag[0] - gap, tag[3])
    return tag


def draw_overlay(image: Image.Image, boxes: Iterable[OverlayBox], page_width: float, page_height: float,
                 *, legend: bool = True) -> Image.Image:
    """`image` (a page `page_width` x `page_height` points) with `boxes` drawn over it, and a legend of the
    kinds shown along its bottom edge. Returns a new RGB image of the same size."""
    from PIL import Image, ImageDraw  # noqa: PLC0415

    sx, sy = image.width / page_width, image.height / page_height
    scale = (sx + sy) / 2
    shown = sorted(boxes, key=lambda b: KINDS.index(b.kind))
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    rects: list[tuple[OverlayBox, tuple[float, float, float, float]]] = []
    for box in shown:
        pad = PADS.get(box.kind, DEFAULT_PAD)
        rect = ((box.x0 - pad) * sx, (box.top - pad) * sy, (box.x1 + pad) * sx, (box.bottom + pad) * sy)
        colour = COLOURS[box.kind]
        width = max(1, round(LINE_WIDTHS.get(box.kind, DEFAULT_LINE_WIDTH) * scale))
        if box.kind in FILL_ALPHA:
            draw.rectangle(rect, fill=(*colour, FILL_ALPHA[box.kind]))
        draw.rectangle(rect, outline=(*colour, 255), width=width)
        rects.append((box, rect))
    font = _font(LABEL_FONT_POINTS * scale)
    pad = LABEL_PAD * scale
    taken: list[tuple[float, float, float, float]] = []
    for box, rect in rects:
        if box.kind not in LABELLED_KINDS or not box.label:
            continue
        left, top, right, bottom = draw.textbbox((0, 0), box.label, font=font)
        tag = _place_label(rect, right - left + 2 * pad, bottom - top + 2 * pad, box.kind in MARGIN_LABELLED_KINDS,
                           image.width, LABEL_GAP * scale, taken)
        taken.append(tag)
        draw.rectangle(tag, fill=(*COLOURS[box.kind], LABEL_ALPHA))
        draw.text((tag[0] + pad - left, tag[1] + pad - top), box.label, font=font, fill=(*LABEL_TEXT, 255))
    if legend:
        _draw_legend(draw, layer.size, [k for k in KINDS if any(b.kind == k for b in shown)], scale)
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


def _draw_legend(draw: ImageDraw.ImageDraw, size: tuple[int, int], kinds: Sequence[str], scale: float) -> None:
    """One swatch and name per kind, in rows along the bottom edge of the page (its emptiest part)."""
    if not kinds:
        return
    font = _font(LEGEND_FONT_POINTS * scale)
    margin = LEGEND_MARGIN * scale
    swatch = LEGEND_FONT_POINTS * scale
    row_height = swatch + margin
    entries = []
    for kind in kinds:
        left, _, right, _ = draw.textbbox((0, 0), KIND_NAMES[kind], font=font)
        entries.append((kind, swatch + margin / 2 + (right - left) + 2 * margin))
    rows: list[list[tuple[str, float]]] = [[]]
    for entry in entries:
        if rows[-1] and sum(w for _, w in rows[-1]) + entry[1] > size[0] - 2 * margin:
            rows.append([])
        rows[-1].append(entry)
    width = max(sum(w for _, w in row) for row in rows) + margin
    height = len(rows) * row_height + margin
    x0, y0 = (size[0] - width) / 2, size[1] - height - margin / 2
    draw.rectangle((x0, y0, x0 + width, y0 + height), fill=LEGEND_BACKGROUND, outline=LEGEND_BORDER, width=1)
    for r, row in enumerate(rows):
        x, y = x0 + margin, y0 + margin + r * row_height
        for kind, w in row:
            colour = COLOURS[kind]
            draw.rectangle((x, y, x + swatch, y + swatch), fill=(*colour, FILL_ALPHA.get(kind, LEGEND_SWATCH_ALPHA)),
                           outline=(*colour, 255), width=max(1, round(scale)))
            _, text_top, _, text_bottom = draw.textbbox((0, 0), KIND_NAMES[kind], font=font)
            text_y = y + (swatch - (text_bottom - text_top)) / 2 - text_top  # centred on the swatch
            draw.text((x + swatch + margin / 2, text_y), KIND_NAMES[kind], font=font, fill=LEGEND_TEXT)
            x += w


# ---------------------------------------------------------------------------------------------- together


@dataclass
class Inspection:
    """One parsed PDF with its overlay, ready to draw page by page."""

    pdf: bytes
    document: Document
    trace: ParseTrace
    boxes: list[OverlayBox]

    @property
    def page_count(self) -> int:
        return len(self.trace.page_chars)

    def page_boxes(self, number: int) -> list[OverlayBox]:
        return [b for b in self.boxes if b.page == number]

    def image(self, number: int, scale: float = RENDER_SCALE) -> Image.Image:
        """Page `number` (1-based) rendered, with what the parser detected on it drawn over it."""
        if not 1 <= number <= self.page_count:
            raise ValueError(f"no page {number}: the document has {self.page_count} pages")
        chars = self.trace.page_chars[number - 1]
        return draw_overlay(render_page(self.pdf, number, scale), self.page_boxes(number), chars.width, chars.height)

    def png(self, number: int, scale: float = RENDER_SCALE) -> bytes:
        out = io.BytesIO()
        self.image(number, scale).save(out, format="PNG", optimize=True)
        return out.getvalue()


def inspect_pdf(source: str | os.PathLike | bytes, *, name: str | None = None, engine: str | None = None,
                settings: Settings = DEFAULT_SETTINGS) -> Inspection:
    """Parse a PDF (a path or its bytes) with a trace and build its overlay; raises as `resparse.parse`, and
    `NotSupported` for a Word file (it has no printed pages to draw over). `settings`: the parser's."""
    data, name = read_input(source, name)
    if input_format(data, name) == "docx":
        raise NotSupported(name, "inspect draws over a PDF's pages; a Word file has none (use `resparse debug "
                                 "--stage tree`)")
    trace = ParseTrace()
    doc = parse(data, name=name, trace=trace, engine=engine, settings=settings)
    return Inspection(pdf=data, document=doc, trace=trace, boxes=overlay_boxes(trace, settings.layout))


__all__ = ["OverlayBox", "Inspection", "inspect_pdf", "overlay_boxes", "draw_overlay", "render_page", "KINDS"]
