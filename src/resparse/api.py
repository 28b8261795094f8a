"""The library entry point: `parse(source) -> Document`. Runs the stages in order; nothing else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Corrupt, NoTextLayer, TooLarge
from .extract.pdf import PdfEngine, get_engine
from .layout.blocks import build_blocks
from .layout.page import layout_pages
from .model.document import Document, Source
from .model.text import PageChars
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
) -> Document:
    """Parse a UN resolution, draft or decision PDF (a path or its bytes) into a `Document`.

    `engine` names the PDF engine (`"pdfium"`, the default, or `"pdfplumber"`); both give the same tree.
    Raises a `ResparseError` subclass for input that is not a usable PDF. `trace` (a fresh
    `resparse.structure.trace.ParseTrace`), if given, is filled with the page lines each unit came from,
    for `resparse inspect`; the document is the same with or without it.

    The stages, in order: extraction (glyph runs and rules of each page) → layout (lines; each page's body,
    footnote area and furniture; the body's text blocks) → structure (masthead, preamble, operative part,
    annexes, footnotes and their links, ids, citations). The blocks are the seam where another reader of
    the same documents joins the structure stage.
    """
    from .structure.builder import build_document  # noqa: PLC0415 - keeps import of the API light

    reader = get_engine(engine)
    data, name = read_input(source, name, max_bytes)
    with stage("extraction"):
        pages = read_pages(data, name, reader, max_pages)
    source_info = Source(file=os.path.basename(name), sha256=hashlib.sha256(data).hexdigest(), pages=len(pages),
                         engine=reader.name)
    with stage("layout"):
        laid_out = layout_pages(pages)
        blocks = build_blocks(laid_out)
    if trace is not None:
        trace.page_chars = list(pages)
    with stage("structure"):  # less the citations stage that build_document times inside it
        return build_document(laid_out, blocks, source_info, trace=trace)
