"""Citation edges of a parsed document, for building a citation graph over a corpus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

EDGE_FIELDS = ("citing_symbol", "unit_id", "kind", "target", "link")


def edges(doc_dict: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per citation of a `Document.to_dict()`: {citing_symbol, unit_id, kind, target, link}.

    Any object in the tree that carries a `citations` list counts as a unit (paragraphs, items,
    wrap-ups, annex blocks, footnotes), visited in document order. A unit without an `id` (the
    footnotes of schema 1.0) is named `footnote:<marker>`. `link` is the citation's `url`.
    """
    citing = (doc_dict.get("metadata") or {}).get("symbol")
    rows: list[dict[str, Any]] = []
    for unit in _units(doc_dict):
        unit_id = unit.get("id") or (f"footnote:{unit['marker']}" if "marker" in unit else None)
        for cite in unit["citations"]:
            rows.append({
                "citing_symbol": citing,
                "unit_id": unit_id,
                "kind": cite.get("kind"),
                "target": cite.get("target"),
                "link": cite.get("url"),
            })
    return rows


def _units(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if isinstance(node.get("citations"), list):
            yield node
        for key, value in node.items():
            if key not in ("citations", "metadata", "source"):
                yield from _units(value)
    elif isinstance(node, list):
        for value in node:
            yield from _units(value)
