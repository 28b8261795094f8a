"""Batch inputs: files, folders searched for a glob, and lists of paths on stdin."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# The inputs resparse reads: PDFs and Word files. A glob may list several patterns, separated by commas.
DEFAULT_GLOB = "*.pdf,*.docx"


class BatchUsageError(ValueError):
    """The inputs or options cannot make a batch (a missing argument, no output place)."""


# --- inputs ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Input:
    """One file to convert: `source` is its path as the user gave or we found it (used in messages and
    records), `rel` the relative path its output mirrors."""

    source: str
    rel: PurePosixPath

    @property
    def path(self) -> Path:
        return Path(self.source)


def read_path_list(text: str) -> list[str]:
    """The paths in a list read from stdin: one a line, blank lines ignored, line ends stripped."""
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def looks_like_path_list(data: bytes, *, magic: bytes = b"%PDF-", window: int = 1024) -> bool:
    """Whether bytes read from stdin are a list of paths rather than one document.

    A list is UTF-8 text without NUL bytes and the PDF header, whose non-blank lines could be paths and
    at least one of which names an existing file or folder. Anything else (a PDF, an empty input, a
    text that is not a list of files) is one document, which the parser then accepts or refuses.
    """
    if magic in data[:window] or b"\0" in data or not data.strip():
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    paths = read_path_list(text)
    if not paths or any(len(p) > 4096 or not p.isprintable() for p in paths):
        return False
    return any(os.path.exists(p) for p in paths)


def _matches(name: str, pattern: str) -> bool:
    """Whether `name` matches the pattern, or one of the comma-separated patterns, ignoring case."""
    return any(fnmatch.fnmatchcase(name.casefold(), p.strip().casefold()) for p in pattern.split(",") if p.strip())


def _walk(folder: Path, glob: str, exclude: Sequence[Path]) -> Iterator[Path]:
    """Files under `folder` whose name (or path inside `folder`, for a pattern with '/') matches `glob`,
    in sorted order; hidden files and folders, and the `exclude` folders, are left out."""
    excluded = {os.path.realpath(p) for p in exclude}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(root, d)) not in excluded)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            inside = path.relative_to(folder).as_posix()
            if any(_matches(inside if "/" in p else name, p) for p in glob.split(",")) and path.is_file():
                yield path


def _own_rel(path: str) -> PurePosixPath | None:
    """`path` as a relative path to mirror, if it is relative and stays inside the current folder."""
    norm = os.path.normpath(path)
    if os.path.isabs(norm) or norm == os.curdir or norm.split(os.sep)[0] == os.pardir:
        return None
    return PurePosixPath(Path(norm).as_posix())


def collect_inputs(arguments: Iterable[str], *, glob: str = DEFAULT_GLOB, exclude: Sequence[Path] = (),
                   must_exist: bool = True) -> list[Input]:
    """The files named by `arguments` (files, and folders searched recursively for `glob`), in order.

    A file named twice (by two arguments, or a link) is taken once. The relative path an output mirrors
    is the input's path when that is relative and inside the current folder (`docs/a.pdf`); otherwise
    the path inside the folder argument it was found in, under that folder's name (`../corpus` gives
    `corpus/pdf/a.pdf`), or the file name for a file named directly. With `must_exist`, an argument
    that does not exist raises `BatchUsageError`; without it (a list read from stdin) it stays an input
    and fails as `io_error` when its turn comes.
    """
    found: list[Input] = []
    seen: set[str] = set()

    def add(source: str, rel: PurePosixPath) -> None:
        key = os.path.realpath(source)
        if key not in seen:
            seen.add(key)
            found.append(Input(source=source, rel=rel))

    for argument in arguments:
        if os.path.isdir(argument):
            folder = Path(argument)
            name = Path(os.path.realpath(argument)).name
            for path in _walk(folder, glob, exclude):
                inside = PurePosixPath(path.relative_to(folder).as_posix())
                source = os.path.join(argument, *inside.parts)
                add(source, _own_rel(source) or (PurePosixPath(name) / inside if name else inside))
        elif must_exist and not os.path.exists(argument):
            raise BatchUsageError(f"{argument}: no such file or folder")
        else:
            add(argument, _own_rel(argument) or PurePosixPath(os.path.basename(argument) or "input"))
    return found
