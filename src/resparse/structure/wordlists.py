"""Word lists the structure rules use, kept as data: `data/<name>.txt`, one entry a line, `#` comments.

A language or an organ is added by adding lines to these files, not code.
"""

from __future__ import annotations

from ..wordlist import read_word_list


def words(name: str) -> tuple[str, ...]:
    """The entries of `structure/data/<name>.txt`, in file order."""
    return read_word_list(__package__, name)
