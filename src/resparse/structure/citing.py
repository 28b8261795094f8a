"""Post-processing pass: the citations of every unit and footnote (un-conventions §2, §4).

Runs after the tree is built, because the organ that issues the document (needed for "its
resolution 75/138") comes from the masthead, and `Ibid.` in a footnote repeats the citation of the
footnote before it.
"""

from __future__ import annotations

import re

from ..citations import find_citations
from ..model.document import Document, Heading, Unit

# The organ whose texts a symbol series carries (L-drafts of a committee are texts of its parent).
SERIES_ORGAN = (
    ("A/HRC/", "Human Rights Council"),
    ("A/", "General Assembly"),
    ("S/", "Security Council"),
    ("E/", "Economic and Social Council"),
)


def issuing_organ(symbol: str | None, body: str | None, formula: str | None = None) -> str | None:
    """The organ in whose voice the text speaks: named by the enacting formula ("The Executive Board,"),
    else by the symbol's series, else the masthead's issuing body."""
    if formula:
        name = re.sub(r"^(?:The|La|El|Le|L[’'])\s+", "", formula.strip().rstrip(",").strip())
        if name:
            return name
    for prefix, organ in SERIES_ORGAN:
        if symbol and symbol.startswith(prefix):
            return organ
    return body


def _units(doc: Document):
    for block in doc.preamble.paragraphs + doc.operative + [b for a in doc.annexes for b in a.content]:
        if isinstance(block, Heading):
            yield block
        else:
            yield from block.walk()


def attach_citations(doc: Document) -> None:
    formula = doc.preamble.formula.text if doc.preamble.formula else None
    organ = issuing_organ(doc.metadata.symbol, doc.metadata.body, formula)
    for unit in _units(doc):
        unit.citations = find_citations(unit.text, context_body=organ)
        if isinstance(unit, Unit) and unit.wrap_up is not None:
            unit.wrap_up.citations = find_citations(unit.wrap_up.text, context_body=organ)
    previous: list[list] = []
    for note in doc.footnotes:
        note.citations = find_citations(note.text, context_body=organ, previous=previous)
        previous.append(note.citations)
