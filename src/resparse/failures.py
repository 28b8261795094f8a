"""The one failure policy: whatever stopped the work on one input, as the typed error of its kind.

The CLI (one input) and the batch workers (many) both call `classify`, so the same failure is reported
the same way by both; each then presents it (an error line and exit code, or a batch record).
"""

from __future__ import annotations

import os

from .errors import Internal, ResparseError, Unreadable, WorkerCrashed


def _names(exc: OSError, source: str) -> bool:
    """Whether an OSError is about the input file itself (missing, a folder, unreadable), not one inside."""
    return exc.filename is not None and os.path.normpath(os.fspath(exc.filename)) == os.path.normpath(source)


def classify(exc: BaseException, source: str) -> ResparseError:
    """The typed error for `exc`, raised while `source` was converted.

    An error about the input is returned as it is; an input that cannot be read is `io_error`; running
    out of memory is `crashed`; anything else, a schema violation of the output included, is `internal`
    (a bug in resparse).
    """
    from .schema import SchemaViolation  # noqa: PLC0415 - the schema module is heavier than this one

    if isinstance(exc, ResparseError):
        return exc
    if isinstance(exc, OSError) and _names(exc, source):
        return Unreadable(source, f"cannot read the file: {exc.strerror or exc}")
    if isinstance(exc, MemoryError):
        return WorkerCrashed(source, "ran out of memory")
    if isinstance(exc, SchemaViolation):
        return Internal(source, f"the output breaks the schema at {exc}")
    return Internal(source, f"{type(exc).__name__}: {exc}")
