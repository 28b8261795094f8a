"""The library entry point: `parse(source) -> Document`. Runs the stages in order; nothing else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Corrupt, Empty, NoTextLayer, NotSupported, TooLarge
from .extract.pdf import PdfEngine, get_engine
from .layout.blocks import build_blocks
from .layout.page import layout_pages
from .model.document import Document, Source
from .model.text import PageChars
from .settings import DEFAULT_SETTINGS, Settings
from .timing import stage

if TYPE_CHECKING:
    from .structure.trace import ParseTrace

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000


def read_input(source: str | os.PathLike | bytes, name: str | None = None,
               max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The input's bytes and the name errors give it; `TooLarge` past `max_bytes` (checked before reading)."""
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), name or "<bytes>"
    else:
        path = Path(source)
        name = name or str(path)
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise TooLarge(name, f"{path.stat().st_size} bytes, more than the limit of {max_bytes}")
        data = path.read_bytes()
    if max_bytes is not None and len(data) > max_bytes:
        raise TooLarge(name, f"{len(data)} bytes, more than the limit of {max_bytes}")
    return data, name


def input_format(data: bytes, name: str) -> str:
    """What the input is, read from its content, not its name: `docx` for a ZIP archive (a Word file, once
    `extract.docx.check_package` finds `word/document.xml` in it), else `pdf` (the PDF engine then checks
    its header). An old binary Word file (`.doc`, an OLE compound file) is refused as `not_supported`."""
    from .extract.docx import is_ole, is_zip  # noqa: PLC0415

    if is_zip(data):
        return "docx"
    if is_ole(data):
        raise NotSupported(name, "an old binary Word (.doc) or other OLE file; save it as .docx (Word 2007 or "
                                 "later) and convert that")
    return "pdf"


def read_pages(data: bytes, name: str, engine: str | PdfEngine | None = None,
               max_pages: int | None = DEFAULT_MAX_PAGES) -> list[PageChars]:
    """Stage 1, extraction: every page's glyph runs and rules; a PDF without any text is refused."""
    pages = list(get_engine(engine).pages(data, name, max_pages=max_pages))
    if not any(c.text.strip() for p in pages for c in p.chars):
        if any(p.read_problems for p in pages):
            raise Corrupt(name, "damaged page content: no text could be read from it")
        raise NoTextLayer(name, "no text layer (a scanned image?); run OCR on it first")
    return pages


def parse(
    source: str | os.PathLike | bytes,
    *,
    name: str | None = None,
    engine: str | PdfEngine | None = None,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    trace: ParseTrace | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """Parse a UN resolution, draft or decision PDF (a path or its bytes) into a `Document`.

    The input is a PDF or a Word file (`.docx`), told apart by its content (`input_format`). `engine`
    names the PDF engine (`"pdfium"`, the default, or `"pdfplumber"`); both give the same tree. A Word
    file is read by `extract.docx` (python-docx and lxml) whatever `engine` says, and `source.engine` is
    then `python-docx`. Raises a `ResparseError` subclass for input that is not a usable PDF or Word file.
    `trace` (a fresh `resparse.structure.trace.ParseTrace`), if given, is filled with the page lines each
    unit came from, for `resparse inspect`; the document is the same with or without it. `settings` holds
    the tolerances and thresholds of the layout and structure rules (`resparse.settings`; the defaults are
    what the parser is measured with).

    The stages, in order: extraction (glyph runs and rules of each page) → layout (lines; each page's body,
    footnote area and furniture; the body's text blocks) → structure (masthead, preamble, operative part,
    annexes, footnotes and their links, ids, citations). The blocks are the seam where another reader of
    the same documents joins the structure stage.
    """
    from .structure.builder import build_document  # noqa: PLC0415 - keeps import of the API light

    reader = get_engine(engine)
    data, name = read_input(source, name, max_bytes)
    if input_format(data, name) == "docx":
        return _parse_docx(data, name, max_pages, trace, settings)
    with stage("extraction"):
        pages = read_pages(data, name, reader, max_pages)
    source_info = Source(file=os.path.basename(name), sha256=hashlib.sha256(data).hexdigest(), pages=len(pages),
                         engine=reader.name)
    with stage("layout"):
        laid_out = layout_pages(pages, settings.layout)
        blocks = build_blocks(laid_out, settings.layout)
    if trace is not None:
        trace.page_chars = list(pages)
    with stage("structure"):  # less the citations stage that build_document times inside it
        return build_document(laid_out, blocks, source_info, trace=trace, settings=settings.structure,
                              layout=settings.layout)


def _parse_docx(data: bytes, name: str, max_pages: int | None, trace: ParseTrace | None,
                settings: Settings = DEFAULT_SETTINGS) -> Document:
    """A Word file: its pages and blocks come from the Word structure (`extract.docx`), not from a layout of
    glyphs; the structure stage is the same."""
    from .extract.docx import ENGINE_NAME, read_docx  # noqa: PLC0415 - python-docx only for Word input
    from .structure.builder import build_document  # noqa: PLC0415

    with stage("extraction"):
        read = read_docx(data, name, max_pages, settings.layout)
    if not any(ln.text.strip() for p in read.pages for ln in p.body):
        raise Empty(name, "the Word file has no text")
    source_info = Source(file=os.path.basename(name), sha256=hashlib.sha256(data).hexdigest(),
                         pages=len(read.pages), format="docx", engine=ENGINE_NAME)
    with stage("structure"):
        return build_document(read.pages, read.blocks, source_info, trace=trace, settings=settings.structure,
                              layout=settings.layout)
