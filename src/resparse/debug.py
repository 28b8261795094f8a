"""What each stage of the pipeline produced, as plain records, so that a misparse can be traced to the stage
that made it (`resparse debug FILE --stage ...`).

Stages, in pipeline order:

- `chars`: the engine's glyph runs (text, box, font, size, style) and drawn rules, page by page;
- `lines`: the lines built from them (text with markers in brackets, box, size, style of each span);
- `page`: each line again with the part of the page it was put in (`body`, `notes`, `furniture`);
- `blocks`: the text blocks of the body (joined text, first box, pages, lines);
- `tree`: the document tree (what `resparse extract` writes), each unit with the names of the body rules
  that took its blocks (`structure.body.BODY_RULES`).

Every record is a dict of JSON types with the `stage` it comes from; positions are PDF points from the
page's top-left corner, rounded to hundredths.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from .api import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, input_format, parse, read_input, read_pages
from .errors import NotSupported
from .extract.pdf import PdfEngine
from .layout.blocks import TextBlock, build_blocks, join_lines
from .layout.lines import build_lines
from .layout.page import layout_pages
from .model.text import Char, Line, PageChars, Rule
from .settings import DEFAULT_SETTINGS, LayoutSettings, Settings
from .structure.trace import ParseTrace

STAGES = ("chars", "lines", "page", "blocks", "tree")
# Decimals kept in positions and sizes: a hundredth of a point is far below any layout tolerance.
DECIMALS = 2


def _round(value: float) -> float:
    return round(float(value), DECIMALS)


def _box(x0: float, top: float, x1: float, bottom: float) -> list[float]:
    return [_round(x0), _round(top), _round(x1), _round(bottom)]


def char_record(page: int, c: Char) -> dict[str, Any]:
    return {"stage": "chars", "page": page, "kind": "glyphs", "text": c.text, "box": _box(c.x0, c.top, c.x1, c.bottom),
            "font": c.font, "size": c.size, "bold": c.bold, "italic": c.italic}


def rule_record(page: int, r: Rule) -> dict[str, Any]:
    return {"stage": "chars", "page": page, "kind": "rule", "box": _box(r.x0, r.top, r.x1, r.top)}


def line_record(stage: str, ln: Line, area: str | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"stage": stage, "page": ln.page}
    if area is not None:
        record["area"] = area
    record.update({
        "text": "".join(f"[{s.text}]" if s.marker else s.text for s in ln.spans),
        "box": _box(ln.x0, ln.top, ln.x1, ln.bottom), "size": ln.size, "bold": ln.bold, "italic": ln.italic,
    })
    return record


def block_record(index: int, b: TextBlock, settings: LayoutSettings = DEFAULT_SETTINGS.layout) -> dict[str, Any]:
    first = b.first
    text = b.joined[0] if b.joined is not None else join_lines(b.lines, settings=settings)[0]
    return {"stage": "blocks", "index": index, "pages": b.pages, "text": text, "lines": len(b.lines),
            "box": _box(min(ln.x0 for ln in b.lines), first.top, max(ln.x1 for ln in b.lines), b.lines[-1].bottom),
            "size": b.size, "bold": b.bold, "continues": b.continues}


def stage_records(pages: list[PageChars], stage: str, only_page: int | None = None,
                  settings: LayoutSettings = DEFAULT_SETTINGS.layout) -> Iterator[dict[str, Any]]:
    """The records of `stage` (one of `STAGES` but `tree`) for the engine's pages, or for one page, laid out
    with the layout `settings`."""
    if stage not in STAGES[:-1]:
        raise ValueError(f"unknown stage {stage!r} (choose from {', '.join(STAGES)})")

    def wanted(number: int) -> bool:
        return only_page is None or number == only_page

    if stage == "chars":
        for p in pages:
            if wanted(p.number):
                yield from (char_record(p.number, c) for c in p.chars)
                yield from (rule_record(p.number, r) for r in p.rules)
        return
    if stage == "lines":
        for p in pages:
            if wanted(p.number):
                yield from (line_record("lines", ln) for ln in build_lines(p, settings))
        return
    laid_out = layout_pages(pages, settings)  # the page split needs every page: running headers recur across them
    if stage == "page":
        for p in laid_out:
            if wanted(p.number):
                for area, lines in (("body", p.body), ("notes", p.notes), ("furniture", p.furniture)):
                    yield from (line_record("page", ln, area) for ln in lines)
        return
    for i, b in enumerate(build_blocks(laid_out, settings)):
        if only_page is None or only_page in b.pages:
            yield block_record(i, b, settings)


def debug_records(source: str | os.PathLike | bytes, stage: str, *, page: int | None = None,
                  engine: str | PdfEngine | None = None, name: str | None = None,
                  max_pages: int | None = DEFAULT_MAX_PAGES,
                  max_bytes: int | None = DEFAULT_MAX_BYTES,
                  settings: Settings = DEFAULT_SETTINGS) -> Iterator[dict[str, Any]]:
    """What `stage` produced for a PDF (a path or its bytes), as records; raises as `resparse.parse`.

    `page` (1-based) keeps the records of one page (for `tree`, the units found on it). A page number past
    the document's end raises `ValueError`. `settings` are the parser's (`resparse.Settings`): the layout
    stages use `settings.layout`, the tree all of them.
    """
    data, name = read_input(source, name, max_bytes)
    if stage == "tree":
        trace = ParseTrace()
        doc = parse(data, name=name, engine=engine, max_pages=max_pages, max_bytes=max_bytes, trace=trace,
                    settings=settings).to_dict()
        _check_page(page, doc["source"]["pages"])
        rules: dict[str, list[str]] = {}
        for unit in trace.units:
            if unit.id and unit.rule:
                rules.setdefault(unit.id, []).append(unit.rule)
        yield from _tree_records(doc, page, rules)
        return
    if input_format(data, name) == "docx":
        raise NotSupported(name, f"--stage {stage} shows the stages of a PDF's layout; a Word file is read from "
                                 "its structure: use --stage tree")
    pages = read_pages(data, name, engine, max_pages)
    _check_page(page, len(pages))
    yield from stage_records(pages, stage, page, settings.layout)


def _check_page(page: int | None, count: int) -> None:
    if page is not None and not 1 <= page <= count:
        raise ValueError(f"page {page} does not exist (the document has {count})")


def _tree_records(doc: dict[str, Any], page: int | None, rules: dict[str, list[str]]) -> Iterator[dict[str, Any]]:
    """The document's units in order, flattened, each with its place in the tree and the rules that took its
    blocks (`rules`, by id; a unit's wrap-up counts as its own)."""

    def taken(block: dict[str, Any]) -> dict[str, Any]:
        wrap = block.get("wrap_up") or {}
        names = rules.get(block.get("id", ""), []) + rules.get(wrap.get("id", ""), [])
        return {"rules": names} if names else {}
    yield {"stage": "tree", "path": "metadata", **doc["metadata"]}

    def units(blocks: list[dict[str, Any]], path: str) -> Iterator[dict[str, Any]]:
        for i, block in enumerate(blocks):
            here = f"{path}[{i}]"
            if page is None or page in block.get("pages", [page]):
                fields = {k: v for k, v in block.items() if k not in ("items", "citations")}
                yield {"stage": "tree", "path": here, **fields, **taken(block)}
            yield from units(block.get("items", []), f"{here}.items")

    preamble = doc["preamble"]
    if preamble["formula"] is not None:
        yield {"stage": "tree", "path": "preamble.formula", **preamble["formula"]}
    yield from units(preamble["paragraphs"], "preamble.paragraphs")
    yield from units(doc["operative"], "operative")
    for i, annex in enumerate(doc["annexes"]):
        yield {"stage": "tree", "path": f"annexes[{i}]", **{k: v for k, v in annex.items() if k != "content"},
               **taken(annex)}
        yield from units(annex["content"], f"annexes[{i}].content")
    for i, note in enumerate(doc["footnotes"]):
        if page is None or note.get("page") == page:
            yield {"stage": "tree", "path": f"footnotes[{i}]", **{k: v for k, v in note.items() if k != "citations"}}
