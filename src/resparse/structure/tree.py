"""Copies of a built document tree with some fields of its nodes changed, for the passes that run after the
tree is built (ids, citations): a node is never changed once built, a pass makes a new tree."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from ..model.document import Annex, Block, Document, Heading, Unit, WrapUp

Node = Unit | WrapUp | Heading | Annex
# What a pass changes in a node, read from the node as built: field name → new value.
Change = Callable[[Node], dict[str, Any]]


def nodes(doc: Document) -> Iterator[Node]:
    """Every unit, wrap-up, heading and annex of `doc`, in document order (an annex before its content)."""

    def blocks(bs: list[Block]) -> Iterator[Node]:
        for b in bs:
            if isinstance(b, Heading):
                yield b
                continue
            for u in b.walk():
                yield u
                if u.wrap_up is not None:
                    yield u.wrap_up

    yield from blocks(doc.preamble.paragraphs)
    yield from blocks(doc.operative)
    for a in doc.annexes:
        yield a
        yield from blocks(a.content)


def map_tree(doc: Document, change: Change) -> Document:
    """A new `doc` in which every unit, wrap-up, heading and annex is a copy with the fields `change` gives for
    it (called with the node as built); everything else is shared with `doc`."""

    def unit(u: Unit) -> Unit:
        wrap_up = replace(u.wrap_up, **change(u.wrap_up)) if u.wrap_up is not None else None
        return replace(u, items=[unit(i) for i in u.items], wrap_up=wrap_up, **change(u))

    def blocks(bs: list[Block]) -> list[Block]:
        return [unit(b) if isinstance(b, Unit) else replace(b, **change(b)) for b in bs]

    return replace(
        doc,
        preamble=replace(doc.preamble, paragraphs=blocks(doc.preamble.paragraphs)),
        operative=blocks(doc.operative),
        annexes=[replace(a, content=blocks(a.content), **change(a)) for a in doc.annexes],
    )
