"""Word lists kept as data beside the stage that reads them: `<package>/data/<name>.txt`, one entry a line,
`#` comments. A language or an organ is added by adding lines to these files, not code."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_word_list(package: str, name: str) -> tuple[str, ...]:
    """The entries of `data/<name>.txt` in `package`, in file order."""
    text = resources.files(package).joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))
