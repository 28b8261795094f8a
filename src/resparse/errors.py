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


class NotSupported(ResparseError):
    """A document format resparse does not read (old binary Word `.doc`, another Office file, a ZIP)."""

    code = "not_supported"
    exit_code = 10


class Internal(ResparseError):
    """A bug in resparse, not a problem with the file."""

    code = "internal"
    exit_code = 70


class Unreadable(ResparseError):
    """The input cannot be read: missing, a folder, no permission. A usage error for one input."""

    code = "io_error"
    exit_code = 2  # EXIT_USAGE


class WorkerCrashed(ResparseError):
    """The work on the input died: out of memory, or (in a batch) its worker process was killed."""

    code = "crashed"
    exit_code = 70  # as `internal`: nothing in the file is known to be wrong


ERRORS: tuple[type[ResparseError], ...] = (
    NotAPdf, Corrupt, Encrypted, NoTextLayer, Empty, TooLarge, Timeout, NotSupported, Internal,
)

# Exit codes of the `resparse` command, in one place (the README's table is this dict).
EXIT_OK = 0
EXIT_FAILED = 1  # `validate`: a file violates the schema; `extract` with several inputs: some files failed
EXIT_USAGE = 2  # bad option or argument; an input that cannot be read, an output that cannot be written
EXIT_INTERRUPTED = 130  # Ctrl-C

EXIT_CODES: dict[str, int] = {
    "ok": EXIT_OK,
    "failed": EXIT_FAILED,
    "usage": EXIT_USAGE,
    **{error.code: error.exit_code for error in ERRORS},
    "interrupted": EXIT_INTERRUPTED,
}

EXIT_CODE_MEANINGS: dict[str, str] = {
    "ok": "success: every file converted; for `validate`, every file is valid",
    "failed": "`extract` with several inputs: some files failed (the others are converted); "
              "`validate`: at least one file violates the schema",
    "usage": "usage error, or an input that cannot be read / an output that cannot be written",
    "not_pdf": "the input is neither a PDF nor a Word (.docx) file",
    "corrupt": "the PDF or Word file is damaged",
    "encrypted": "the PDF is encrypted (password-protected)",
    "no_text_layer": "the PDF has no text layer (a scan: run OCR first)",
    "empty": "the input is empty",
    "too_large": "the input exceeds the page or byte limit (for a Word file, also a part that inflates "
                 "too far: a ZIP bomb)",
    "timeout": "the input took longer than the time limit",
    "not_supported": "a document format resparse does not read: old binary Word (.doc; save it as .docx), "
                     "another Office file, a ZIP archive",
    "internal": "a bug in resparse (please report it with the file); also when resparse runs out of memory on "
                "the input",
    "interrupted": "interrupted (Ctrl-C, or SIGTERM during a batch); finished outputs are kept",
}
