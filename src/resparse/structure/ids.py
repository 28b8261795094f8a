"""Stable ids for the units of a document, Akoma Ntoso style: `pp_3`, `para_7__point_b__point_ii`.

Ids come from the printed labels; unnumbered units are numbered by their order, and a repeated id
gets a numeric suffix so ids stay unique in the document.
"""

from __future__ import annotations

import re

from ..model.document import Document, Heading, Unit


def _slug(number: str) -> str:
    s = re.sub(r"[^0-9A-Za-z]+", "", number).lower()
    return s


class UniqueIds:
    """Ids unique in the document: a repeated one gets `_2`, `_3`..., in document order (so stable across
    runs). `taken` are ids already in use."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.used: set[str] = set(taken or ())

    def take(self, wanted: str) -> str:
        out, k = wanted, 2
        while out in self.used:
            out = f"{wanted}_{k}"
            k += 1
        self.used.add(out)
        return out


def _items(unit: Unit, ids: UniqueIds) -> None:
    for k, item in enumerate(unit.items, 1):
        item.id = ids.take(f"{unit.id}__point_{_slug(item.number) or k}")
        _items(item, ids)
    if unit.wrap_up is not None:
        unit.wrap_up.id = ids.take(f"{unit.id}__wrapup")


def assign_ids(doc: Document) -> None:
    ids = UniqueIds()
    ids.used.update({"formula", "title", "head"})
    k = 0
    for b in doc.preamble.paragraphs:
        if isinstance(b, Unit):
            k += 1
            b.id = ids.take(f"pp_{k}")
            _items(b, ids)
    order = 0
    for b in doc.operative:
        if isinstance(b, Unit):
            order += 1
            base = "para" if b.kind == "paragraph" else "point"
            b.id = ids.take(f"{base}_{_slug(b.number) or order}")
            _items(b, ids)
    for a, annex in enumerate(doc.annexes, 1):
        annex.id = ids.take(f"annex_{a}")
        order = 0
        for b in annex.content:
            if isinstance(b, Heading):
                continue
            order += 1
            base = "para" if b.kind == "paragraph" else "point"
            b.id = ids.take(f"{annex.id}__{base}_{_slug(b.number) or order}")
            _items(b, ids)
    h = 0
    for blocks in [doc.preamble.paragraphs, doc.operative] + [a.content for a in doc.annexes]:
        for b in blocks:
            if isinstance(b, Heading):
                h += 1
                b.id = ids.take(f"heading_{h}")
