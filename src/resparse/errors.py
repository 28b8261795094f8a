"""Typed input errors: each has a stable code, a one-line message naming the file, and an exit code.

A `ResparseError` is a property of the input (not a PDF, encrypted, a scan ...); anything else that
escapes the parser is a bug and is reported as `internal`.
"""

from __future__ import annotations


class ResparseError(Exception):
    """Base of every error about an input file."""

    code = "error"
    exit_code = 1

    def __init__(self, source: str, detail: str):
        self.source = source
        self.detail = detail
        super().__init__(f"{source}: {detail}")

    def to_dict(self) -> dict[str, str]:
        return {"type": self.code, "message": str(self)}


class NotAPdf(ResparseError):
    code = "not_pdf"
    exit_code = 3


class Corrupt(ResparseError):
    code = "corrupt"
    exit_code = 4


class Encrypted(ResparseError):
    code = "encrypted"
    exit_code = 5


class NoTextLayer(ResparseError):
    code = "no_text_layer"
    exit_code = 6


class Empty(ResparseError):
    code = "empty"
    exit_code = 7


class TooLarge(ResparseError):
    code = "too_large"
    exit_code = 8


class Timeout(ResparseError):
    code = "timeout"
    exit_code = 9


class Internal(ResparseError):
    """A bug in resparse, not a problem with the file."""

    code = "internal"
    exit_code = 70


ERRORS: tuple[type[ResparseError], ...] = (
    NotAPdf, Corrupt, Encrypted, NoTextLayer, Empty, TooLarge, Timeout, Internal,
)
