"""The words and forms of UN documents in each official language, kept as data (un-conventions §7).

One file a language, `data/<code>.toml` (`en`, `fr`, `es`, `ru`, `zh`, `ar`): its masthead words, organ names
and enacting formula, adoption and meeting lines, dates, annex words, lead phrases, item labels, paragraph
punctuation, function words that tell the language, and citation forms. The parser's patterns are built from
the entries of every language at once (`entries`), so that a document in any of them is read by the same rules:
a new language is a new data file, not new code. Keys ending in `_forms` hold regular expressions; the other
lists hold words and phrases as printed. See the README, "Languages".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as a package
    import tomli as tomllib


@cache
def languages() -> dict[str, dict[str, Any]]:
    """Every language's data, by ISO 639-1 code, in the order of the codes."""
    folder = resources.files(__package__).joinpath("data")
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            out[data["code"]] = data
    return out


def language(code: str) -> dict[str, Any]:
    """The data of one language ({} for a language without a data file)."""
    return languages().get(code, {})


def value(data: dict[str, Any], key: str) -> Any:
    """The entry `section.key` (dotted) of one language's data, or None."""
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


@cache
def entries(key: str) -> tuple[str, ...]:
    """The list `section.key` of every language, in language order, each entry once."""
    out: list[str] = []
    for data in languages().values():
        for item in value(data, key) or ():
            if item not in out:
                out.append(item)
    return tuple(out)


@cache
def table(key: str) -> dict[str, Any]:
    """The tables `section.key` of every language merged (a list value is extended, once per entry)."""
    out: dict[str, Any] = {}
    for data in languages().values():
        for k, v in (value(data, key) or {}).items():
            if isinstance(v, list):
                out[k] = list(out.get(k, [])) + [x for x in v if x not in out.get(k, [])]
            else:
                out.setdefault(k, v)
    return out


def phrase(text: str) -> str:
    """A phrase as a pattern: its characters literal, a space between words any run of whitespace."""
    return r"\s+".join(re.escape(w) for w in text.split())


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of phrases, the longest first (so that "Annexe" is tried before "Annex")."""
    return "|".join(phrase(w) for w in sorted(words, key=len, reverse=True))


def forms_pattern(key: str) -> str:
    """An alternation of the regular expressions `section.key` of every language, in language order."""
    return "|".join(f"(?:{f})" for f in entries(key))
