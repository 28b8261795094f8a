"""A unit's text as AKN mixed content: the lead phrase, links for its citations, its footnotes in place.

The text itself is never changed: every character of the tree's text lands in the XML, in order, and
what the writer adds (the `span` round the lead, `a` round a citation, `authorialNote` at a marker's
offset) wraps or sits between characters. Reading back the text without the notes gives the tree's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from lxml import etree

from .xml import append_text, sub

# The UN's document links name the language in which the citing text is read: undocs.org/en/S/RES/...
UNDOCS_HOSTS = frozenset({"undocs.org", "www.undocs.org", "docs.un.org"})
_LANGUAGE_SEGMENT = re.compile(r"^/(?:ar|en|es|fr|ru|zh)/", re.I)

LEAD_CLASS = "italic"


@dataclass(frozen=True)
class Span:
    """Characters `start`..`end` of the text, wrapped in one element."""

    start: int
    end: int
    make: Callable[[etree._Element], etree._Element]


def localized_url(url: str, language: str | None) -> str:
    """A document link that opens the cited document in the citing text's language, as the UN links."""
    if not language or len(language) != 2:
        return url
    parts = urlsplit(url)
    if parts.netloc.lower() not in UNDOCS_HOSTS or _LANGUAGE_SEGMENT.match(parts.path or "/"):
        return url
    return urlunsplit(parts._replace(path=f"/{language.lower()}{parts.path}"))


def citation_spans(text: str, citations: Iterable[Mapping[str, Any]], language: str | None) -> list[Span]:
    """One link per citation that has a URL and whose text stands at its offset; overlaps keep the first."""
    spans: list[Span] = []
    end = 0
    for c in sorted(citations, key=lambda c: (c.get("offset", -1), -len(c.get("text") or ""))):
        start, cited, url = c.get("offset"), c.get("text") or "", c.get("url")
        if not url or not isinstance(start, int) or start < end or not cited:
            continue
        if text[start:start + len(cited)] != cited:
            continue
        # The UN links the document's number, not the words round it: "resolution <a>2722 (2024)</a>",
        # "its resolution <a>72/249</a> of 24 December 2017".
        number = c.get("number")
        at = cited.find(number) if isinstance(number, str) and number else -1
        if at >= 0:
            start, cited = start + at, number
        href = localized_url(url, language)
        spans.append(Span(start, start + len(cited), lambda parent, href=href: sub(parent, "a", href=href)))
        end = start + len(cited)
    return spans


def lead_span(text: str, lead: str | None, others: Sequence[Span]) -> list[Span]:
    """The lead phrase ("Recalling", "Decides") set off as the UN sets it, unless a link starts inside it."""
    if not lead or not text.startswith(lead) or any(s.start < len(lead) for s in others):
        return []
    return [Span(0, len(lead), lambda parent: sub(parent, "span", **{"class": LEAD_CLASS}))]


def fill(parent: etree._Element, text: str, spans: Sequence[Span],
         notes: Sequence[tuple[int, Callable[[etree._Element], etree._Element]]]) -> None:
    """Write `text` into `parent` with `spans` wrapped and each note made at its offset.

    A note at a span's first or last offset goes outside the span; one strictly inside goes inside it.
    Offsets past the end put the note at the end.
    """
    queue = sorted(((min(max(off, 0), len(text)), k, make) for k, (off, make) in enumerate(notes)),
                   key=lambda n: (n[0], n[1]))
    pos = 0

    def run(target: etree._Element, upto: int, inclusive: bool) -> None:
        nonlocal pos
        while queue and (queue[0][0] < upto or (inclusive and queue[0][0] == upto)):
            off, _, make = queue.pop(0)
            append_text(target, text[pos:off])
            pos = off
            make(target)
        append_text(target, text[pos:upto])
        pos = upto

    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos:
            continue
        run(parent, span.start, inclusive=True)
        run(span.make(parent), span.end, inclusive=False)
    run(parent, len(text), inclusive=True)
