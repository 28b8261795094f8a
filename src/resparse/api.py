"""The library entry point: `parse(source) -> Document`. Runs the stages in order; nothing else."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .errors import Corrupt, NoTextLayer, TooLarge
from .extract.pdf import PdfEngine, read_pages
from .model.document import Document, Source

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000


def parse(
    source: str | os.PathLike | bytes,
    *,
    name: str | None = None,
    engine: PdfEngine | None = None,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Parse a UN resolution, draft or decision PDF (a path or its bytes) into a `Document`.

    Raises a `ResparseError` subclass for input that is not a usable PDF.
    """
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
    pages = read_pages(data, name, engine=engine, max_pages=max_pages)
    if not any(c.text.strip() for p in pages for c in p.chars):
        if any(p.read_problems for p in pages):
            raise Corrupt(name, "damaged page content: no text could be read from it")
        raise NoTextLayer(name, "no text layer (a scanned image?); run OCR on it first")
    from .structure.builder import build_document  # noqa: PLC0415 - keeps import of the API light

    source_info = Source(file=os.path.basename(name), sha256=hashlib.sha256(data).hexdigest(), pages=len(pages))
    return build_document(pages, source_info)
