"""Word (.docx) → the laid-out pages and text blocks the structure stage reads, from the Word structure itself.

The UN keeps its documents as Word files made from one template (un-conventions §1–§5): the masthead
(organ, symbol, distribution, date) is the first page's header, the job number and barcode its footer;
the text is one Word paragraph per paragraph, item or heading, in paragraph styles; numbers and item
labels are typed or come from the automatic numbering (`numbering.py`); footnotes are real footnotes
whose references stand in the text. This reader turns that into what the PDF path gives the structure
stage after layout — `Page`s (body, notes, furniture) and `TextBlock`s — so that the same rules read
both:

- a Word paragraph is one block; its manual line breaks are its lines (a closing "meeting" line and its
  date), and a short bold line before a break is a heading of its own, as a PDF's block builder splits it;
- each line carries what Word says of it: the type size, bold and italic (direct formatting over the
  character style, the paragraph style and its bases, and the document defaults), the left edge (page
  margin plus the paragraph's indent) and the page (from the page breaks Word recorded when it last laid
  the document out, `w:lastRenderedPageBreak`, or the explicit ones);
- a line's vertical place is estimated the way Word stacks lines (the header from its distance to the
  page top, the text from the top margin below it; each paragraph's spacing before and after, its line
  height, its length over the column width): the masthead rules ask only whether a line stands in the
  top part of page 1;
- a footnote reference is a marker span (its automatic number, or the custom mark that follows it), and
  so is a raised cross-reference to a note (a `NOTEREF` field's result); the notes, in the order of their
  references, are the note lines of the page their reference is on.

XML is parsed with entities and network access off, and the package is checked from its ZIP directory
before any part is read (`check_package`).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import Corrupt, NotSupported, TooLarge
from ..layout.blocks import TextBlock
from ..model.text import Line, Page, Span
from ..settings import DEFAULT_LAYOUT, LayoutSettings
from .numbering import Numbering, W

ENGINE_NAME = "python-docx"
DOCUMENT_PART = "word/document.xml"
# ZIP limits, checked from the archive's directory before anything is inflated: a part larger than this
# (bytes, uncompressed), all parts together larger than this, or a part that inflates more than this many
# times its compressed size (XML compresses 10-30 times; a ZIP bomb thousands) is refused as too large.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
RATIO_MIN_BYTES = 1024 * 1024  # the ratio is checked on parts at least this large
MAX_PARTS = 10_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Word (.doc) and other OLE compound files
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

TWIP = 1 / 20  # points per twentieth of a point
HALF_POINT = 0.5
DEFAULT_SIZE = 10.0  # Word's type size when neither style nor defaults give one (points)
# Word's "single" line height for the serif faces of UN documents, as a share of the type size.
SINGLE_LINE_RATIO = 1.15
# The average advance of a character of running text in Times New Roman, as a share of the type size:
# enough to estimate how many lines a paragraph wraps to.
AVERAGE_CHAR_WIDTH = 0.45
# Where footnotes begin on a page (share of its height), for their lines' order in the note area.
NOTES_TOP_RATIO = 0.8
NOTE_LINE_PITCH = 10.0
# Where the footer is printed (share of the page height).
FOOTER_TOP_RATIO = 0.92
# A raised run made only of these is a footnote marker (a cross-reference to a note); "1st" is text.
MARKER_TEXT = re.compile(r"^\s*[\d*†‡§,\s]{1,8}\s*$")

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIPPED = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "commentReference",
           W + "footnotePr", W + "endnotePr", MC + "Fallback", W + "pPr", W + "rPr", W + "drawing",
           W + "pict", W + "object"}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def parse_xml(data: bytes, name: str, part: str) -> etree._Element:
    """One XML part, with entities and network off; a part that is not XML makes the file `corrupt`."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as e:
        raise Corrupt(name, f"damaged Word file: {part} is not well-formed XML ({e.msg})") from None


# --- the package --------------------------------------------------------------------------------------

def is_ole(data: bytes) -> bool:
    return data[:8] == OLE_MAGIC


def is_zip(data: bytes) -> bool:
    return data[:4] in ZIP_MAGIC


def check_package(data: bytes, name: str) -> zipfile.ZipFile:
    """The ZIP archive of a Word file, its directory checked: `corrupt` if it cannot be read or has no
    `word/document.xml`, `too_large` past the limits above (nothing inflated yet)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as e:
        raise Corrupt(name, f"damaged Word file: the ZIP archive cannot be read ({e})") from None
    if len(infos) > MAX_PARTS:
        raise TooLarge(name, f"the Word file has {len(infos)} parts, more than the limit of {MAX_PARTS}")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise TooLarge(name, f"part {info.filename} inflates to {info.file_size} bytes, more than the "
                                 f"limit of {MAX_PART_BYTES}")
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TooLarge(name, f"part {info.filename} inflates {info.file_size // max(info.compress_size, 1)} "
                                 f"times (a ZIP bomb?), more than the limit of {MAX_RATIO}")
    if total > MAX_TOTAL_BYTES:
        raise TooLarge(name, f"the Word file inflates to {total} bytes, more than the limit of {MAX_TOTAL_BYTES}")
    names = {info.filename for info in infos}
    if DOCUMENT_PART not in names:
        if "[Content_Types].xml" in names:
            raise NotSupported(name, "an Office file that is not a Word document (no word/document.xml)")
        raise NotSupported(name, "a ZIP archive, not a Word document (no word/document.xml)")
    return archive


def read_part(archive: zipfile.ZipFile, part: str, name: str) -> bytes | None:
    """A part's bytes, never more than the part limit even if the directory lied; None if absent."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    try:
        with archive.open(info) as f:
            data = f.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError) as e:
        raise Corrupt(name, f"damaged Word file: {part} cannot be read ({e})") from None
    if len(data) > MAX_PART_BYTES:
        raise TooLarge(name, f"part {part} inflates to more than the limit of {MAX_PART_BYTES} bytes")
    return data


# --- styles -------------------------------------------------------------------------------------------

def _on(el: etree._Element | None) -> bool | None:
    """A toggle property (`w:b`, `w:i`, `w:caps`, `w:vanish`): None when absent."""
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


@dataclass(frozen=True)
class RunStyle:
    bold: bool = False
    italic: bool = False
    size: float = DEFAULT_SIZE
    raised: bool = False
    caps: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class ParaStyle:
    left: float = 0.0  # points from the text column's left edge
    first_line: float = 0.0  # the first line's indent from `left` (negative: hanging)
    right: float = 0.0
    before: float = 0.0
    after: float = 0.0
    line: float | None = None  # exact line height (points), or None for a multiple of the size
    line_multiple: float = 1.0
    page_break_before: bool = False
    num: tuple[str, int] | None = None  # numId, ilvl


class Styles:
    """The effective formatting of paragraphs and runs: direct formatting, then the character style, the
    paragraph style and the styles it is based on, then the document defaults (python-docx's styles)."""

    def __init__(self, document) -> None:
        from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415 - python-docx is imported with the reader

        self._document = document
        self._types = WD_STYLE_TYPE
        root = document.styles.element
        self._default_rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._default_ppr = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self._chains: dict[tuple[str, str | None], list[etree._Element]] = {}
        self._inherited: dict[tuple[str | None, str | None], dict] = {}  # (paragraph, character style) → props

    def _chain(self, kind: str, style_id: str | None) -> list[etree._Element]:
        """The style's element and its bases', nearest first (the default style for a missing id)."""
        key = (kind, style_id)
        if key not in self._chains:
            wd_type = self._types.PARAGRAPH if kind == "paragraph" else self._types.CHARACTER
            chain: list[etree._Element] = []
            try:
                style = self._document.part.get_style(style_id, wd_type)
            except (KeyError, ValueError):
                style = None
            seen = set()
            while style is not None and id(style.element) not in seen and (style_id or kind == "paragraph"):
                seen.add(id(style.element))
                chain.append(style.element)
                style = style.base_style
            self._chains[key] = chain
        return self._chains[key]

    def paragraph_chain(self, p: etree._Element) -> list[etree._Element]:
        """The paragraph's own pPr then its styles' pPr, nearest first."""
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else None
        chain = [ppr] if ppr is not None else []
        chain += [s.find(W + "pPr") for s in self._chain("paragraph", style_id)]
        if self._default_ppr is not None:
            chain.append(self._default_ppr)
        return [c for c in chain if c is not None]

    def _para_rpr_chain(self, p: etree._Element) -> list[etree._Element]:
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else None
        return [r for r in (s.find(W + "rPr") for s in self._chain("paragraph", style_id)) if r is not None]

    def paragraph(self, p: etree._Element) -> ParaStyle:
        chain = self.paragraph_chain(p)

        def first(tag: str) -> etree._Element | None:
            return next((el for c in chain if (el := c.find(W + tag)) is not None), None)

        def attr(tag: str, name: str) -> str | None:
            return next((el.get(W + name) for c in chain if (el := c.find(W + tag)) is not None
                         and el.get(W + name) is not None), None)

        def twips(value: str | None) -> float:
            try:
                return float(value) * TWIP if value is not None else 0.0
            except ValueError:
                return 0.0

        left = twips(attr("ind", "left") or attr("ind", "start"))
        first_line = twips(attr("ind", "firstLine")) - twips(attr("ind", "hanging"))
        line_rule = attr("spacing", "lineRule") or "auto"
        line_value = twips(attr("spacing", "line"))
        exact = line_value if line_rule in ("exact", "atLeast") and line_value > 0 else None
        multiple = line_value / 12.0 if line_rule == "auto" and line_value > 0 else 1.0  # 240 = single
        num = None
        numpr = first("numPr")
        if numpr is not None:
            num_id, ilvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
            if num_id is not None:
                try:
                    level = int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
                except ValueError:
                    level = 0
                num = (num_id.get(W + "val", ""), level)
        return ParaStyle(
            left=left,
            first_line=first_line,
            right=twips(attr("ind", "right") or attr("ind", "end")),
            before=twips(attr("spacing", "before")),
            after=twips(attr("spacing", "after")),
            line=exact,
            line_multiple=multiple,
            page_break_before=bool(_on(first("pageBreakBefore"))),
            num=num,
        )

    def run(self, p: etree._Element, r: etree._Element | None) -> RunStyle:
        """The effective formatting of run `r` of paragraph `p` (the paragraph mark's for r=None)."""
        rpr = r.find(W + "rPr") if r is not None else None
        rstyle_el = rpr.find(W + "rStyle") if rpr is not None else None
        ppr = p.find(W + "pPr")
        pstyle_el = ppr.find(W + "pStyle") if ppr is not None else None
        key = (None if pstyle_el is None else pstyle_el.get(W + "val"),
               None if rstyle_el is None else rstyle_el.get(W + "val"))
        inherited = self._inherited.get(key)
        if inherited is None:
            chain = [x for s in self._chain("character", key[1]) if (x := s.find(W + "rPr")) is not None] \
                if key[1] is not None else []
            chain += self._para_rpr_chain(p)
            if self._default_rpr is not None:
                chain.append(self._default_rpr)
            inherited = self._inherited[key] = _run_props(chain, {})
        props = _run_props([rpr], inherited) if rpr is not None else inherited
        return RunStyle(bold=bool(props["b"]), italic=bool(props["i"]), size=props["sz"] or DEFAULT_SIZE,
                        raised=props["vertAlign"] == "superscript", caps=bool(props["caps"]),
                        hidden=bool(props["vanish"]))


RUN_TOGGLES = ("b", "i", "caps", "vanish")


def _run_props(chain: list[etree._Element], below: dict) -> dict:
    """The run properties the first element of `chain` that sets each gives, else those of `below`."""
    props = {tag: below.get(tag) for tag in (*RUN_TOGGLES, "sz", "vertAlign")}
    found: set[str] = set()
    for c in chain:
        for tag in RUN_TOGGLES:
            if tag not in found and (v := _on(c.find(W + tag))) is not None:
                props[tag] = v
                found.add(tag)
        if "sz" not in found and (sz := c.find(W + "sz")) is not None:
            try:
                props["sz"] = float(sz.get(W + "val", "")) * HALF_POINT
                found.add("sz")
            except ValueError:
                pass
        if "vertAlign" not in found and (va := c.find(W + "vertAlign")) is not None:
            props["vertAlign"] = va.get(W + "val")
            found.add("vertAlign")
    return props


# --- paragraphs → lines -------------------------------------------------------------------------------

@dataclass
class Piece:
    """A run of text in one style, a footnote marker, or a break between lines / pages."""

    text: str = ""
    style: RunStyle = field(default_factory=RunStyle)
    marker: bool = False
    brk: str | None = None  # "line" or "page"
    note: int | None = None  # the footnote reference it is (index in `Notes.referenced`)


@dataclass
class Notes:
    """The footnotes part, and the marker of each note as its reference gives it."""

    bodies: dict[str, etree._Element]
    start: int = 1
    count: int = 0
    referenced: list[tuple[str, str, int]] = field(default_factory=list)  # (id, marker, page)


def _children(el: etree._Element) -> Iterator[etree._Element]:
    """The content children of an element, the alternate content's first choice taken."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                yield from _children(choice)
            continue
        yield child


class ParagraphReader:
    """The pieces of one paragraph: its runs' text and formatting, markers and breaks."""

    def __init__(self, styles: Styles, notes: Notes | None, page: list[int]) -> None:
        self.styles = styles
        self.notes = notes
        self.page = page  # [current page], advanced by the page breaks read
        self.rendered_breaks = False

    def pieces(self, p: etree._Element) -> list[Piece]:
        out: list[Piece] = []
        self._walk(p, p, out, [False])
        return out

    def _walk(self, p: etree._Element, el: etree._Element, out: list[Piece], custom: list[bool]) -> None:
        for child in _children(el):
            tag = child.tag
            if tag in SKIPPED:
                continue
            if tag == W + "r":
                self._run(p, child, out, custom)
            elif tag == W + "fldSimple" or tag in (W + "hyperlink", W + "ins", W + "moveTo", W + "smartTag",
                                                    W + "sdt", W + "sdtContent", W + "customXml", W + "bdo",
                                                    W + "dir"):
                self._walk(p, child, out, custom)

    def _run(self, p: etree._Element, r: etree._Element, out: list[Piece], custom: list[bool]) -> None:
        style = self.styles.run(p, r)
        if style.hidden:
            return
        for child in _children(r):
            tag = child.tag
            if tag == W + "t":
                text = child.text or ""
                if style.caps:
                    text = text.upper()
                if custom[0] and text.strip():  # the mark that a custom-mark reference is followed by
                    custom[0] = False
                    if self.notes is not None and self.notes.referenced:
                        nid, _, page = self.notes.referenced[-1]
                        self.notes.referenced[-1] = (nid, text.strip(), page)
                        out.append(Piece(text.strip(), style, marker=True, note=len(self.notes.referenced) - 1))
                    continue
                out.append(Piece(text, style))
            elif tag in (W + "tab", W + "ptab"):
                out.append(Piece(" ", style))
            elif tag == W + "noBreakHyphen":
                out.append(Piece("-", style))
            elif tag == W + "sym":
                code = child.get(W + "char", "")
                try:
                    out.append(Piece(chr(int(code, 16)), style))
                except ValueError:
                    continue
            elif tag in (W + "br", W + "cr"):
                kind = child.get(W + "type", "textWrapping")
                if kind == "page" and not self.rendered_breaks:
                    out.append(Piece(brk="page"))
                elif kind != "page":
                    out.append(Piece(brk="line"))
            elif tag == W + "lastRenderedPageBreak" and self.rendered_breaks:
                out.append(Piece(brk="page"))
            elif tag == W + "footnoteReference" and self.notes is not None:
                nid = child.get(W + "id", "")
                if _on(child.find(W + "customMarkFollows")) or child.get(W + "customMarkFollows") in ("1", "true"):
                    custom[0] = True
                    self.notes.referenced.append((nid, "", 0))
                else:
                    marker = str(self.notes.start + self.notes.count)
                    self.notes.count += 1
                    self.notes.referenced.append((nid, marker, 0))
                    out.append(Piece(marker, style, marker=True, note=len(self.notes.referenced) - 1))


def _line_of(pieces: list[Piece], x0: float, width: float, page: int, top: float, size_default: float
             ) -> tuple[Line, float]:
    """A line of pieces, and its height's share of the text (its estimated number of wrapped lines)."""
    spans: list[Span] = []
    pieces = list(pieces)
    while pieces and not pieces[0].marker and not pieces[0].text.strip():
        pieces.pop(0)  # the tabs a paragraph opens with (to its number, to its text) are no text
    if pieces and not pieces[0].marker:
        pieces[0] = Piece(pieces[0].text.lstrip(), pieces[0].style)
    for pc in pieces:
        marker = pc.marker or (pc.style.raised and bool(MARKER_TEXT.match(pc.text)) and pc.text.strip() != "")
        text = pc.text.strip() if marker else pc.text
        if not text:
            continue
        last = spans[-1] if spans else None
        if last is not None and last.marker == marker and (marker or (last.italic == pc.style.italic
                                                                      and last.bold == pc.style.bold)):
            last.text += ("," if marker else "") + text
            continue
        spans.append(Span(text, italic=pc.style.italic, bold=pc.style.bold, marker=marker))
    body = [pc for pc in pieces if not pc.marker and pc.text.strip()]
    if body:
        weights: dict[float, int] = {}
        for pc in body:
            weights[pc.style.size] = weights.get(pc.style.size, 0) + len(pc.text)
        size = max(weights, key=lambda s: weights[s])
    else:
        size = size_default
    chars = sum(len(s.text) for s in spans if not s.marker)
    est = chars * size * AVERAGE_CHAR_WIDTH
    wraps = max(1, math.ceil(est / width)) if width > 0 else 1
    line = Line(spans=spans or [Span("")], x0=x0, x1=x0 + min(est, width), top=top, bottom=top + size,
                size=size, page=page)
    return line, wraps


# --- the document -------------------------------------------------------------------------------------

@dataclass
class Geometry:
    """The first section's page: size, margins, header distance (points)."""

    width: float = 612.0
    height: float = 792.0
    left: float = 72.0
    right: float = 72.0
    top: float = 72.0
    header: float = 36.0


def _geometry(body: etree._Element) -> Geometry:
    sect = next(iter(body.iter(W + "sectPr")), None)
    g = Geometry()
    if sect is None:
        return g

    def twips(el: etree._Element | None, attr: str, default: float) -> float:
        try:
            return abs(float(el.get(W + attr))) * TWIP if el is not None and el.get(W + attr) else default
        except ValueError:
            return default

    size, mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    return Geometry(width=twips(size, "w", g.width), height=twips(size, "h", g.height),
                    left=twips(mar, "left", g.left), right=twips(mar, "right", g.right),
                    top=twips(mar, "top", g.top), header=twips(mar, "header", g.header))


def _twips(value: str | None) -> float:
    """A length in twentieths of a point, in points (0 for a missing or unreadable value)."""
    try:
        return float(value) * TWIP if value else 0.0
    except ValueError:
        return 0.0


def _paragraphs(el: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a story in reading order: table cells row by row, text boxes where they stand."""
    for child in _children(el):
        tag = child.tag
        if tag == W + "p":
            yield child
        elif tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent", W + "customXml", W + "ins"):
            yield from _paragraphs(child)


@dataclass
class DocxPages:
    """What the structure stage reads: pages with their body, note and furniture lines, and the blocks."""

    pages: list[Page]
    blocks: list[TextBlock]


class _Layout:
    """Places the lines of the header, the text and the footer on their pages."""

    def __init__(self, styles: Styles, numbering: Numbering, notes: Notes, geometry: Geometry,
                 rendered_breaks: bool, settings: LayoutSettings) -> None:
        self.styles = styles
        self.short_heading = settings.short_heading_line_ratio
        self.numbering = numbering
        self.notes = notes
        self.g = geometry
        self.page = [1]
        self.reader = ParagraphReader(styles, notes, self.page)
        self.reader.rendered_breaks = rendered_breaks
        self.column = geometry.width - geometry.left - geometry.right
        self.y = geometry.top
        self.lines: dict[int, list[Line]] = {}
        self.blocks: list[TextBlock] = []

    def story(self, root: etree._Element, start: float, blocks: bool = True) -> list[Line]:
        """Lay out the paragraphs of a story from `start` down; return its lines."""
        self.y = start
        return self._flow(root, 0.0, self.column, blocks)

    def _flow(self, el: etree._Element, x: float, width: float, blocks: bool) -> list[Line]:
        """The paragraphs and tables of `el` stacked from the current height, in a column starting `x`
        points right of the text column's left edge and `width` wide."""
        out: list[Line] = []
        for child in _children(el):
            if child.tag == W + "p":
                out += self.paragraph(child, blocks, x, width)
            elif child.tag == W + "tbl":
                out += self._table(child, x, width, blocks)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins"):
                out += self._flow(child, x, width, blocks)
        return out

    def _table(self, tbl: etree._Element, x: float, width: float, blocks: bool) -> list[Line]:
        """A table's rows one under the other; a row's cells side by side, each stacked from the row's top;
        a row as tall as its tallest cell, or as its height rule says (`w:trHeight`)."""
        grid = [_twips(col.get(W + "w")) for col in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        out: list[Line] = []
        for row in (r for r in _children(tbl) if r.tag == W + "tr"):
            top, bottom, column = self.y, self.y, 0
            for cell in (c for c in _children(row) if c.tag == W + "tc"):
                span_el = cell.find(f"{W}tcPr/{W}gridSpan")
                span = max(1, int(_twips(span_el.get(W + "val")) / TWIP)) if span_el is not None else 1
                cell_x = x + sum(grid[:column])
                cell_w = sum(grid[column:column + span]) or width
                column += span
                self.y = top
                out += self._flow(cell, cell_x, cell_w, blocks)
                bottom = max(bottom, self.y)
            height = row.find(f"{W}trPr/{W}trHeight")
            if height is not None and height.get(W + "val"):
                rule, value = height.get(W + "hRule", "atLeast"), _twips(height.get(W + "val"))
                bottom = top + value if rule == "exact" else max(bottom, top + value)
            self.y = bottom
        return out

    def _new_page(self) -> None:
        self.page[0] += 1
        self.y = self.g.top

    def paragraph(self, p: etree._Element, blocks: bool, x: float = 0.0, column: float | None = None
                  ) -> list[Line]:
        ps = self.styles.paragraph(p)
        mark = self.styles.run(p, None)
        pieces = self.reader.pieces(p)
        if ps.page_break_before and self.y > self.g.top:
            self._new_page()
        label = self.numbering.label(*ps.num) if ps.num is not None else ""
        if label:
            pieces.insert(0, Piece(label + " ", mark))
        # Lines: split at manual line breaks and at page breaks.
        segments: list[tuple[list[Piece], bool]] = [([], False)]  # (pieces, starts a new page)
        for pc in pieces:
            if pc.brk is not None:
                segments.append(([], pc.brk == "page"))
            else:
                segments[-1][0].append(pc)
        width = (self.column if column is None else column) - ps.left - ps.right
        lines: list[Line] = []
        block_lines: list[list[Line]] = [[]]
        self.y += ps.before
        for k, (segment, new_page) in enumerate(segments):
            if new_page:
                self._new_page()
            for pc in segment:
                if pc.note is not None:
                    nid, marker, _ = self.notes.referenced[pc.note]
                    self.notes.referenced[pc.note] = (nid, marker, self.page[0])
            if not any(pc.text.strip() for pc in segment):
                continue
            x0 = self.g.left + x + ps.left + (ps.first_line if k == 0 else 0.0)
            line, wraps = _line_of(segment, x0, width, self.page[0], self.y, mark.size)
            height = ps.line if ps.line is not None else line.size * SINGLE_LINE_RATIO * ps.line_multiple
            self.y += height * wraps
            line.bottom = line.top + line.size
            lines.append(line)
            prev = block_lines[-1][-1] if block_lines[-1] else None
            if prev is not None and prev.bold and line.bold and prev.x1 - prev.x0 < self.short_heading * width:
                # A bold line before a manual break that fills less than this share of the column is a heading
                # of its own ("I", "Resolution 74/5" above the title it labels), as `layout.blocks` splits short
                # bold lines (the same setting, `LayoutSettings.short_heading_line_ratio`).
                block_lines.append([])
            block_lines[-1].append(line)
        self.y += ps.after
        if blocks:
            self.blocks += [TextBlock(bl) for bl in block_lines if bl]
        for line in lines:
            self.lines.setdefault(line.page, []).append(line)
        return lines


def _rendered_breaks(body: etree._Element) -> bool:
    return next(body.iter(W + "lastRenderedPageBreak"), None) is not None


def _first_page_part(document, kind: str):
    """The header or footer printed on page 1: the first-page one if the section has one, else the default."""
    if not len(document.sections):
        return None  # a document without section properties has Word's default page and no header
    section = document.sections[0]
    try:
        if section.different_first_page_header_footer:
            part = section.first_page_header if kind == "header" else section.first_page_footer
        else:
            part = section.header if kind == "header" else section.footer
        if part.is_linked_to_previous:
            return None
        return part._element
    except (KeyError, ValueError, AttributeError):
        return None


def _note_lines(layout: _Layout, notes: Notes, styles: Styles) -> dict[int, list[Line]]:
    """The note lines of each page: each referenced note's paragraphs, its marker before the first."""
    by_page: dict[int, list[Line]] = {}
    for nid, marker, page in notes.referenced:
        body = notes.bodies.get(nid)
        if body is None or not marker:
            continue
        page_lines = by_page.setdefault(page, [])
        reader = ParagraphReader(styles, None, [page])
        first = True
        for p in _paragraphs(body):
            # A manual line break inside a note is a space (a note is one line of the note area here).
            pieces = [pc if pc.brk is None else Piece(" ") for pc in reader.pieces(p)]
            if first:
                pieces = _drop_own_mark(pieces, marker)
            if not any(pc.text.strip() for pc in pieces):
                continue
            ps = styles.paragraph(p)
            top = layout.g.height * NOTES_TOP_RATIO + NOTE_LINE_PITCH * len(page_lines)
            x0 = layout.g.left + ps.left
            line, _ = _line_of(pieces, x0, layout.column, page, top, styles.run(p, None).size)
            if first:
                line.spans.insert(0, Span(marker, marker=True))
                first = False
            page_lines.append(line)
    return by_page


def _drop_own_mark(pieces: list[Piece], marker: str) -> list[Piece]:
    """A note's text without the mark typed (or raised) at its start: the reference gives the marker."""
    out = list(pieces)
    while out and not out[0].text.strip():
        out.pop(0)
    if out and (out[0].style.raised or out[0].text.strip() == marker) and out[0].text.strip() in (marker, ""):
        out.pop(0)
    elif out and out[0].text.lstrip().startswith(marker) and not marker.isdigit():
        out[0] = Piece(out[0].text.lstrip()[len(marker):], out[0].style)
    return out


def _footnote_bodies(archive: zipfile.ZipFile, name: str) -> dict[str, etree._Element]:
    data = read_part(archive, "word/footnotes.xml", name)
    if data is None:
        return {}
    root = parse_xml(data, name, "word/footnotes.xml")
    return {fn.get(W + "id", ""): fn for fn in root.iter(W + "footnote")
            if fn.get(W + "type") in (None, "normal")}


def _footnote_start(archive: zipfile.ZipFile, name: str, body: etree._Element) -> int:
    """The number of the first automatic footnote (`w:numStart` of the section or the settings)."""
    for root in (body, parse_xml(read_part(archive, "word/settings.xml", name) or b"<x/>", name,
                                 "word/settings.xml")):
        el = next(root.iter(W + "footnotePr"), None)
        start = el.find(W + "numStart") if el is not None else None
        if start is not None:
            try:
                return int(start.get(W + "val", "1"))
            except ValueError:
                return 1
    return 1


def read_docx(data: bytes, name: str, max_pages: int | None = None,
              settings: LayoutSettings = DEFAULT_LAYOUT) -> DocxPages:
    """The pages and blocks of a Word file; typed errors for a damaged, hostile or oversized one. Of the layout
    `settings`, the blocks are split at short bold lines as `layout.blocks` splits them."""
    archive = check_package(data, name)
    # Every part python-docx is about to read was checked in the directory; the main parts are read
    # here first, through the bounded reader.
    document_xml = read_part(archive, DOCUMENT_PART, name) or b""
    parse_xml(document_xml, name, DOCUMENT_PART)
    try:
        import docx  # noqa: PLC0415 - only Word input needs python-docx

        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as e:
        raise Corrupt(name, f"damaged Word file: {type(e).__name__}: {e}") from None
    except Exception as e:  # python-docx raises its own types for packages it cannot make sense of
        if type(e).__module__.startswith("docx"):
            raise Corrupt(name, f"damaged Word file: {e}") from None
        raise
    body = document.element.body
    styles = Styles(document)
    numbering_xml = read_part(archive, "word/numbering.xml", name)
    numbering = Numbering.from_xml(parse_xml(numbering_xml, name, "word/numbering.xml") if numbering_xml else None)
    notes = Notes(_footnote_bodies(archive, name), start=_footnote_start(archive, name, body))
    g = _geometry(body)
    layout = _Layout(styles, numbering, notes, g, _rendered_breaks(body), settings)

    header = _first_page_part(document, "header")
    if header is not None:
        layout.story(header, g.header)
    layout.story(body, max(g.top, layout.y if header is not None else g.top))  # a tall header pushes it down
    if max_pages is not None and layout.page[0] > max_pages:
        raise TooLarge(name, f"{layout.page[0]} pages, more than the limit of {max_pages}")
    # The first page's footer (job number, barcode) is furniture; it is laid out but is no block.
    footer = _first_page_part(document, "footer")
    blocks = layout.blocks
    footer_reader = _Layout(styles, Numbering(), Notes({}), g, False, settings)
    footer_lines = footer_reader.story(footer, g.height * FOOTER_TOP_RATIO, blocks=False) if footer is not None else []
    for ln in footer_lines:
        ln.page = 1
    note_lines = _note_lines(layout, notes, styles)
    count = max([layout.page[0], *note_lines]) if note_lines else layout.page[0]
    pages = []
    for number in range(1, count + 1):
        pages.append(Page(number=number, width=g.width, height=g.height, body=layout.lines.get(number, []),
                          notes=note_lines.get(number, []), furniture=footer_lines if number == 1 else []))
    return DocxPages(pages=pages, blocks=blocks)
