"""PDF → positioned characters: the engine interface, the engines by name, and the checks all share.

`PdfEngine` is the small interface the parser depends on. Two engines implement it and return the
same `PageChars` for the same file: `pdfium` (pypdfium2, the default: fast) and `pdfplumber`
(pdfminer.six). Failures of a PDF library are turned into typed `ResparseError`s inside the engine,
so no later stage sees a library exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ..errors import Empty, NotAPdf
from ..model.text import PageChars

PDF_MAGIC = b"%PDF-"
# The header may be preceded by a little junk (some writers emit a BOM or whitespace).
MAGIC_SEARCH_WINDOW = 1024
# A rule thinner than this (points) is a line, not a filled box.
RULE_MAX_THICKNESS = 2.0
# Longest library message quoted in an error line; a library can put a whole dictionary in one.
MAX_CAUSE_CHARS = 160

ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE_NAME = "pdfium"


class PdfEngine(Protocol):
    """What the parser needs from a PDF library."""

    name: str

    def pages(self, data: bytes, name: str, max_pages: int | None = None) -> Iterator[PageChars]: ...

    def page_count(self, data: bytes, name: str) -> int: ...


def check_header(data: bytes, name: str) -> None:
    """Refuse empty input and files that are not PDFs before a PDF library sees them."""
    if not data or not data.strip():
        raise Empty(name, "the file is empty")
    if PDF_MAGIC not in data[:MAGIC_SEARCH_WINDOW]:
        raise NotAPdf(name, "not a PDF file (no %PDF- header)")


def describe_exception(exc: BaseException, with_type: bool = True) -> str:
    """A library exception as a short, printable, one-line cause (its message may hold raw PDF bytes)."""
    message = "".join(ch if ch.isprintable() else " " for ch in str(exc))
    message = " ".join(message.split())
    if len(message) > MAX_CAUSE_CHARS:
        message = message[: MAX_CAUSE_CHARS - 1] + "…"
    if not with_type:
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def get_engine(engine: str | PdfEngine | None = None) -> PdfEngine:
    """The engine named `engine` (`pdfium` or `pdfplumber`), or `engine` itself; the default for None."""
    if engine is None:
        engine = DEFAULT_ENGINE_NAME
    if not isinstance(engine, str):
        return engine
    if engine == "pdfium":
        from .pdfium import PdfiumEngine  # noqa: PLC0415 - each engine imports only its own library

        return PdfiumEngine()
    if engine == "pdfplumber":
        from .plumber import PdfplumberEngine  # noqa: PLC0415

        return PdfplumberEngine()
    raise ValueError(f"unknown PDF engine {engine!r} (choose from {', '.join(ENGINES)})")
