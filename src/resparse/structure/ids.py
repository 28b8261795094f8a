"""Stable ids for the units of a document, Akoma Ntoso style: `pp_3`, `para_7__point_b__point_ii`.

Ids come from the printed labels; unnumbered units are numbered by their order, and a repeated id
gets a numeric suffix so ids stay unique in the document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model.document import Document, Heading, Unit
from .tree import map_tree


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


def _items(unit: Unit, own: str, ids: UniqueIds, out: dict[int, str]) -> None:
    for k, item in enumerate(unit.items, 1):
        out[id(item)] = ids.take(f"{own}__point_{_slug(item.number) or k}")
        _items(item, out[id(item)], ids, out)
    if unit.wrap_up is not None:
        out[id(unit.wrap_up)] = ids.take(f"{own}__wrapup")


def unit_ids(doc: Document) -> dict[int, str]:
    """The id of every unit, wrap-up, heading and annex of `doc`, by the node's identity (`id(node)`): what
    `assign_ids` gives them, and what the footnote links name."""
    ids = UniqueIds()
    ids.used.update({"formula", "title", "head"})
    out: dict[int, str] = {}

    def unit(b: Unit, wanted: str) -> None:
        out[id(b)] = ids.take(wanted)
        _items(b, out[id(b)], ids, out)

    k = 0
    for b in doc.preamble.paragraphs:
        if isinstance(b, Unit):
            k += 1
            unit(b, f"pp_{k}")
    order = 0
    for b in doc.operative:
        if isinstance(b, Unit):
            order += 1
            base = "para" if b.kind == "paragraph" else "point"
            unit(b, f"{base}_{_slug(b.number) or order}")
    for a, annex in enumerate(doc.annexes, 1):
        annex_id = out[id(annex)] = ids.take(f"annex_{a}")
        order = 0
        for b in annex.content:
            if isinstance(b, Heading):
                continue
            order += 1
            base = "para" if b.kind == "paragraph" else "point"
            unit(b, f"{annex_id}__{base}_{_slug(b.number) or order}")
    h = 0
    for blocks in [doc.preamble.paragraphs, doc.operative] + [a.content for a in doc.annexes]:
        for b in blocks:
            if isinstance(b, Heading):
                h += 1
                out[id(b)] = ids.take(f"heading_{h}")
    return out


def assign_ids(doc: Document, ids: Mapping[int, str] | None = None) -> Document:
    """A copy of `doc` with the ids of `unit_ids` (or `ids`, computed from `doc` before)."""
    given = unit_ids(doc) if ids is None else ids
    return map_tree(doc, lambda node: {"id": given[id(node)]} if id(node) in given else {})
