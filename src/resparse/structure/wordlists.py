"""Word lists the structure rules use, kept as data: `data/<name>.txt`, one entry a line, `#` comments.

A language or an organ is added by adding lines to these files, not code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>.txt`, in file order."""
    text = resources.files(__package__).joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))
