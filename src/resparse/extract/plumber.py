"""The pdfplumber engine (pdfminer.six): the reference engine, pure Python, slower than PDFium.

pdfminer reports each glyph with the code it drew, so a broken ToUnicode map is repaired in the font
object it has parsed (`glyphs.repair_unicode_map`) before the page's characters are read.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

from ..errors import Corrupt, Encrypted, TooLarge
from ..model.text import RTL_SCRIPT, UNMAPPED_GLYPH, PageChars, Rule
from .glyphs import (
    UPRIGHT_MAX_SLANT,
    Glyphs,
    base_font_name,
    chars_from_glyphs,
    is_bold,
    is_italic,
    is_upright,
    repair_unicode_map,
)
from .pdf import RULE_MAX_THICKNESS, check_header, describe_exception

CID_TEXT = re.compile(r"\(cid:\d+\)")


def _unwrap(exc: BaseException) -> BaseException:
    """The pdfminer exception that pdfplumber wrapped in its `PdfminerException` (args[0]), else `exc`."""
    from pdfplumber.utils.exceptions import PdfminerException  # noqa: PLC0415

    while isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    return exc


def _mentions_encryption(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "password" in text or "encrypt" in text


class PdfplumberEngine:
    """pdfplumber (pdfminer.six) backed engine."""

    name = "pdfplumber"

    def _open(self, data: bytes, name: str):
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError

        check_header(data, name)
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
            pdf.pages  # noqa: B018 - forces the page tree to be read, where damage shows
        except Exception as e:  # pdfminer raises many unrelated types on damaged files
            cause = _unwrap(e)
            if isinstance(cause, PDFPasswordIncorrect):
                raise Encrypted(name, "the PDF is encrypted with a password; decrypt it first") from None
            if isinstance(cause, PDFEncryptionError) or _mentions_encryption(cause):
                raise Encrypted(name, f"the PDF is encrypted ({describe_exception(cause)})") from None
            if isinstance(cause, PDFSyntaxError):
                raise Corrupt(name, f"damaged PDF: {describe_exception(cause, with_type=False)}") from None
            raise Corrupt(name, f"damaged PDF: {describe_exception(cause)}") from None
        return pdf

    def page_count(self, data: bytes, name: str) -> int:
        with self._open(data, name) as pdf:
            return len(pdf.pages)

    def pages(self, data: bytes, name: str, max_pages: int | None = None) -> Iterator[PageChars]:
        pdf = self._open(data, name)
        with pdf:
            if max_pages is not None and len(pdf.pages) > max_pages:
                raise TooLarge(name, f"{len(pdf.pages)} pages, more than the limit of {max_pages}")
            for number, page in enumerate(pdf.pages, 1):
                problems = _ProblemCounter()
                logging.getLogger("pdfminer").addHandler(problems)
                try:  # only pdfminer's reading: a mistake of ours below is not a damaged page
                    objects = _read_objects(page)
                except Exception as e:
                    raise Corrupt(name, f"damaged page {number}: {describe_exception(_unwrap(e))}") from None
                finally:
                    logging.getLogger("pdfminer").removeHandler(problems)
                chars = _page_chars(page, number, objects)
                chars.read_problems = problems.count
                yield chars
                page.close()


def _read_objects(page) -> tuple[list[dict], list[dict], dict[str, float]]:
    """The page's characters, lines and rectangles as pdfminer reads them, and its fonts' descents."""
    _repair_page_fonts(page)
    chars = page.chars
    return chars, list(page.lines) + list(page.rects), _font_descents(page)


def _page_chars(page, number: int, objects: tuple[list[dict], list[dict], dict[str, float]]) -> PageChars:
    chars, paths, descents = objects
    rows: list[tuple] = []  # (text, x0, x1, baseline, run) in drawing order, spaces included
    runs: dict[tuple[str, float], tuple[str, float, bool, bool]] = {}  # (font, size, bold, italic)
    for c in chars:
        text = c.get("text") or ""
        if not text or not is_upright(*c["matrix"][:4]):  # turned text: see `glyphs`
            continue
        if CID_TEXT.fullmatch(text):  # pdfminer's name for a glyph it has no character for
            text = UNMAPPED_GLYPH
        elif len(text) > 1 and RTL_SCRIPT.search(text):
            # A right-to-left ligature ("لم") drawn as one glyph: its letters as they stand on the page, right
            # to left, as PDFium gives them, for the layout to read them back in order (`layout.bidi`).
            text = text[::-1]
        fontname, exact_size = c.get("fontname") or "", float(c.get("size") or 0)
        size = round(exact_size, 2)
        # pdfminer puts a glyph's box bottom at the font's descent line; the baseline is what we report.
        baseline = float(c["bottom"]) + descents.get(fontname, 0.0) * exact_size
        run = runs.get((fontname, size))
        if run is None:
            font = base_font_name(fontname)
            run = runs[(fontname, size)] = (font, size, is_bold(font), is_italic(font))
        x0, x1 = float(c["x0"]), float(c["x1"])
        m = c["matrix"]
        # A slanted glyph: pdfminer's box takes in its lean; the glyph stands where its baseline is, as PDFium has it.
        if abs(m[2]) > UPRIGHT_MAX_SLANT * m[3]:
            lean = m[2] / m[3]
            x0, x1 = x0 - lean * min(0.0, float(c["y0"]) - m[5]), x1 - lean * max(0.0, float(c["y1"]) - m[5])
        rows.append((text, x0, x1, baseline, run))
    rules = [Rule(x0=float(r["x0"]), x1=float(r["x1"]), top=float(r["top"]))
             for r in paths if abs(float(r["bottom"]) - float(r["top"])) <= RULE_MAX_THICKNESS]
    return PageChars(number=number, width=float(page.width), height=float(page.height),
                     chars=chars_from_glyphs(Glyphs.from_rows(rows)), rules=rules)


class _ProblemCounter(logging.Handler):
    """Counts the warnings pdfminer logs while it reads a page: signs of damaged page content."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _font_descents(page) -> dict[str, float]:
    """Each font's descent (a share of the font size, negative) by the name its glyphs carry, for the fonts
    pdfminer has read so far (the page's and its forms')."""
    fonts = getattr(page.pdf.rsrcmgr, "_cached_fonts", {}) or {}
    out: dict[str, float] = {}
    for font in fonts.values():
        try:
            out.setdefault(font.fontname, float(font.get_descent()))
        except Exception:  # a font without metrics: its glyphs keep their box bottom
            continue
    return out


def _repair_page_fonts(page) -> None:
    """Apply `repair_unicode_map` to the fonts of a page before its characters are read."""
    from pdfminer.pdftypes import resolve1

    try:
        fonts = resolve1(resolve1(page.page_obj.resources or {}).get("Font")) or {}
        for ref in fonts.values():
            objid = getattr(ref, "objid", None)
            if objid is None:
                continue
            font = page.pdf.rsrcmgr.get_font(objid, resolve1(ref))
            umap = getattr(font, "unicode_map", None)
            if umap is not None and not getattr(font, "_resparse_repaired", False):
                umap.cid2unichr.update(repair_unicode_map(umap.cid2unichr))
                font._resparse_repaired = True
    except Exception:  # a font that cannot be read here is read (or refused) by the extraction itself
        return
