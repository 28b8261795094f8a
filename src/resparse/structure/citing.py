"""Post-processing pass: the citations of every unit and footnote (un-conventions §2, §4).

Runs after the tree is built, because the organ that issues the document (needed for "its
resolution 75/138") comes from the masthead, and `Ibid.` in a footnote repeats the citation of the
footnote before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..citations import find_citations
from ..model.document import Annex, Document
from .tree import map_tree

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


def attach_citations(doc: Document) -> Document:
    """A copy of `doc` in which every unit, wrap-up, heading and footnote carries the citations in its text."""
    formula = doc.preamble.formula.text if doc.preamble.formula else None
    organ = issuing_organ(doc.metadata.symbol, doc.metadata.body, formula)
    cited = map_tree(doc, lambda node: {} if isinstance(node, Annex)
                     else {"citations": find_citations(node.text, context_body=organ)})
    previous: list[list] = []
    notes = []
    for note in doc.footnotes:
        citations = find_citations(note.text, context_body=organ, previous=previous)
        notes.append(replace(note, citations=citations))
        previous.append(citations)
    return replace(cited, footnotes=notes)
