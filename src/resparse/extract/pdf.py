"""PDF → positioned characters. The only module that talks to a PDF library.

`PdfEngine` is the small interface the parser depends on; `PdfplumberEngine` implements it. A faster
engine only has to return the same `PageChars` to be usable. Failures of the PDF library are turned
into typed `ResparseError`s here, so no later stage sees a library exception.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Protocol

from ..errors import Corrupt, Empty, Encrypted, NotAPdf, TooLarge
from ..model.text import Char, PageChars, Rule

PDF_MAGIC = b"%PDF-"
# The header may be preceded by a little junk (some writers emit a BOM or whitespace).
MAGIC_SEARCH_WINDOW = 1024
# A rule thinner than this (points) is a line, not a filled box.
RULE_MAX_THICKNESS = 2.0
# Glyphs drawn twice at (almost) the same place by old PDF writers, to fake bold: tolerance in points.
DUPLICATE_GLYPH_TOLERANCE = 1.0
# A font's character map is checked for broken entries only when it has this many ASCII entries and
# this share of them follows one glyph-to-character offset.
MIN_ENTRIES_FOR_REPAIR = 20
DOMINANT_OFFSET_SHARE = 0.8


class PdfEngine(Protocol):
    """What the parser needs from a PDF library."""

    def pages(self, data: bytes, name: str, max_pages: int | None = None) -> Iterator[PageChars]: ...

    def page_count(self, data: bytes, name: str) -> int: ...


def check_header(data: bytes, name: str) -> None:
    """Refuse empty input and files that are not PDFs before a PDF library sees them."""
    if not data or not data.strip():
        raise Empty(name, "the file is empty")
    if PDF_MAGIC not in data[:MAGIC_SEARCH_WINDOW]:
        raise NotAPdf(name, "not a PDF file (no %PDF- header)")


def _is_bold(font: str) -> bool:
    f = font.lower()
    return "bold" in f or "black" in f or "heavy" in f or f.endswith(",b")


def _is_italic(font: str) -> bool:
    f = font.lower()
    return "italic" in f or "oblique" in f or f.endswith(",i")


# Longest library message quoted in an error line; pdfminer can put a whole dictionary in one.
MAX_CAUSE_CHARS = 160


def _unwrap(exc: BaseException) -> BaseException:
    """The pdfminer exception that pdfplumber wrapped in its `PdfminerException` (args[0]), else `exc`."""
    from pdfplumber.utils.exceptions import PdfminerException

    while isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    return exc


def _mentions_encryption(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "password" in text or "encrypt" in text


def _describe(exc: BaseException, with_type: bool = True) -> str:
    """A library exception as a short, printable, one-line cause (its message may hold raw PDF bytes)."""
    message = "".join(ch if ch.isprintable() else " " for ch in str(exc))
    message = " ".join(message.split())
    if len(message) > MAX_CAUSE_CHARS:
        message = message[: MAX_CAUSE_CHARS - 1] + "…"
    if not with_type:
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class PdfplumberEngine:
    """pdfplumber (pdfminer.six) backed engine."""

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
                raise Encrypted(name, f"the PDF is encrypted ({_describe(cause)})") from None
            if isinstance(cause, PDFSyntaxError):
                raise Corrupt(name, f"damaged PDF: {_describe(cause, with_type=False)}") from None
            raise Corrupt(name, f"damaged PDF: {_describe(cause)}") from None
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
                try:
                    chars = self._read_page(page, number)
                except Exception as e:
                    raise Corrupt(name, f"damaged page {number}: {_describe(_unwrap(e))}") from None
                finally:
                    logging.getLogger("pdfminer").removeHandler(problems)
                chars.read_problems = problems.count
                yield chars
                page.close()

    def _read_page(self, page, number: int) -> PageChars:
        _repair_page_fonts(page)
        page = page.dedupe_chars(tolerance=DUPLICATE_GLYPH_TOLERANCE)
        chars = []
        for c in page.chars:
            text = c.get("text") or ""
            if not text:
                continue
            font = (c.get("fontname") or "").split("+")[-1]
            chars.append(
                Char(
                    text=text,
                    x0=float(c["x0"]),
                    x1=float(c["x1"]),
                    top=float(c["top"]),
                    bottom=float(c["bottom"]),
                    size=round(float(c.get("size") or 0), 2),
                    font=font,
                    bold=_is_bold(font),
                    italic=_is_italic(font),
                )
            )
        rules = []
        for r in list(page.lines) + list(page.rects):
            if abs(float(r["bottom"]) - float(r["top"])) <= RULE_MAX_THICKNESS:
                rules.append(Rule(x0=float(r["x0"]), x1=float(r["x1"]), top=float(r["top"])))
        return PageChars(number=number, width=float(page.width), height=float(page.height), chars=chars, rules=rules)


class _ProblemCounter(logging.Handler):
    """Counts the warnings pdfminer logs while it reads a page: signs of damaged page content."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def repair_unicode_map(cid2unichr: dict) -> dict[int, str]:
    """Corrections for a font's ToUnicode map that sends two glyphs to one character.

    Word's subset TrueType fonts number glyphs in the standard order, so most entries map glyph g to
    character g + k for one offset k. An entry that breaks the offset for a letter while another
    glyph already maps, at that offset, to the same letter is a broken entry (a known producer bug:
    `f` shown as `i`, `q` as `u`); it is mapped to its own glyph's letter instead.
    """
    entries = {c: u for c, u in cid2unichr.items() if isinstance(c, int) and isinstance(u, str) and len(u) == 1}
    ascii_entries = {c: u for c, u in entries.items() if 0x21 <= ord(u) <= 0x7E}
    if len(ascii_entries) < MIN_ENTRIES_FOR_REPAIR:
        return {}
    offsets: dict[int, int] = {}
    for c, u in ascii_entries.items():
        offsets[ord(u) - c] = offsets.get(ord(u) - c, 0) + 1
    k, n = max(offsets.items(), key=lambda kv: kv[1])
    if n < DOMINANT_OFFSET_SHARE * len(ascii_entries):
        return {}
    regular = {u for c, u in ascii_entries.items() if ord(u) - c == k}
    fixes = {}
    for c, u in ascii_entries.items():
        own = c + k
        if ord(u) - c != k and u.isalpha() and u in regular and 0x21 <= own <= 0x7E and chr(own).isalpha():
            fixes[c] = chr(own)
    return fixes


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


DEFAULT_ENGINE: PdfEngine = PdfplumberEngine()


def read_pages(
    data: bytes, name: str, engine: PdfEngine | None = None, max_pages: int | None = None
) -> list[PageChars]:
    """All pages of a PDF as positioned characters."""
    return list((engine or DEFAULT_ENGINE).pages(data, name, max_pages=max_pages))
