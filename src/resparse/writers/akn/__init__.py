"""Akoma Ntoso (AKN4UN) output: the document tree as the UN marks up its own resolutions.

Built from `Document.to_dict()`, the same tree as JSON and YAML, with lxml. The layout follows the
UN's markup: `statement` (or `doc`), `meta` with the FRBR identification, `coverPage` and `preface`
for the masthead, `preamble` with the `formula` and one `container` per preambular paragraph,
`mainBody` with `paragraph`/`num`/`content` and `list`/`intro`/`point`/`wrapUp`, headings as
`paragraph` with a `num` and a `subheading`, `authorialNote` footnotes at their markers, `a` links for
citations, `conclusions`, and `attachments` for annexes. eIds follow the AKN naming convention.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from ...model.document import Document
from ...structure.ids import UniqueIds
from ...structure.patterns import DATE
from ..base import Writer, to_data
from . import meta as M
from .inline import Span, citation_spans, fill, lead_span
from .xml import AKN_NS, RESPARSE_NS, indent, local_name, parse_bytes, root_element, safe_parser, sub

__all__ = ["AknWriter", "element_text", "parse_bytes", "to_akn", "tree_schema_version"]

HEADING_CLASS = "H23"
TITLE_CLASS = "H1"
# A heading's own label: "A. Targeted sanctions", "II. Mandate", "3. Reporting".
HEADING_LABEL = re.compile(r"^(?P<num>(?:[A-Z]|[IVXLC]+|\d{1,3})\.) (?P<rest>\S.*)$", re.S)
# Labels the UN prints with a full stop after them (operative paragraphs "1."); the tree drops it.
DOTTED_NUMBER = re.compile(r"^\d+$")
# Where a footnote marker of the masthead stands: the symbol line, or the title.
HEAD_REFS = frozenset({"head"})
TITLE_REFS = frozenset({"title"})
BOLD_CLASS = "bold"
# Document numbers that begin with the session: "77/321", "80/999".
SESSION_NUMBERED = re.compile(r"^(\d+)/")


def _slug(number: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "", number).lower()


def printed_number(number: str) -> str:
    return f"{number}." if DOTTED_NUMBER.match(number) else number


class _Notes:
    """The document's footnotes by the unit that cites them, handed out marker by marker.

    Each note's eId comes from its place in the tree's list of footnotes, so a later marker that cites a
    note again ("see note 1") can point at it with `noteRef` wherever that note stands.
    """

    def __init__(self, footnotes: Sequence[Mapping[str, Any]], language: str | None) -> None:
        self.by_place: dict[tuple[str | None, str], list[tuple[str, Mapping[str, Any]]]] = {}
        self.by_marker: dict[str, str] = {}
        for k, f in enumerate(footnotes, 1):
            eid, marker = f"authorialNote_{k}", str(f.get("marker"))
            self.by_place.setdefault((f.get("ref"), marker), []).append((eid, f))
            self.by_marker.setdefault(marker, eid)
        self.language = language
        self.spare = len(footnotes)

    def _pop(self, key: tuple[str | None, str]) -> tuple[str, Mapping[str, Any]] | None:
        found = self.by_place.get(key)
        return found.pop(0) if found else None

    def rest_for(self, refs: set[str]) -> list[tuple[str, Mapping[str, Any]]]:
        """Footnotes cited by `refs` that no marker offset placed (headings, masthead, annex titles)."""
        out: list[tuple[str, Mapping[str, Any]]] = []
        for (ref, _), notes in self.by_place.items():
            if ref in refs:
                out.extend(notes)
                notes.clear()
        return out

    def unplaced(self) -> list[tuple[str, Mapping[str, Any]]]:
        out = [n for notes in self.by_place.values() for n in notes]
        for notes in self.by_place.values():
            notes.clear()
        return out

    def for_marker(self, ref: str | None, marker: str):
        """What stands at a unit's marker: its note; a `noteRef` to a note cited again; or, when the tree
        has no text for the marker, an empty note that keeps its place."""
        found = self._pop((ref, marker))
        if found is not None:
            return self.note(marker, *found)
        target = self.by_marker.get(marker)
        if target is not None:
            return lambda parent: sub(parent, "noteRef", href=f"#{target}", marker=marker)
        self.spare += 1
        return self.note(marker, f"authorialNote_{self.spare}", None)

    def note(self, marker: str, eid: str, note: Mapping[str, Any] | None):
        """A function that writes the `authorialNote` for `marker` where it is called."""

        def make(parent: etree._Element) -> etree._Element:
            el = sub(parent, "authorialNote", marker=marker, placement="bottom", eId=eid)
            p = sub(el, "p")
            if note is not None:
                text = note.get("text") or ""
                fill(p, text, citation_spans(text, note.get("citations") or [], self.language), [])
            return el

        return make


class _Builder:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.md: Mapping[str, Any] = data.get("metadata") or {}
        self.lang2 = self.md.get("language")
        self.ident = M.identify(data)
        self.ids = UniqueIds()
        self.notes = _Notes(data.get("footnotes") or [], self.lang2)

    # --- text ---------------------------------------------------------------------------------------

    def text_into(self, p: etree._Element, unit: Mapping[str, Any], lead: str | None = None) -> None:
        """The unit's text into `p`: lead set off, citations linked, footnotes at their markers."""
        text = unit.get("text") or ""
        links = citation_spans(text, unit.get("citations") or [], self.lang2)
        spans: list[Span] = lead_span(text, lead, links) + links
        notes = []
        for ref in unit.get("footnotes") or []:
            offset = ref.get("offset")
            notes.append((offset if isinstance(offset, int) else len(text),
                          self.notes.for_marker(unit.get("id"), str(ref.get("marker")))))
        for eid, note in self.notes.rest_for({unit.get("id")} - {None}):
            notes.append((len(text), self.notes.note(str(note.get("marker")), eid, note)))
        fill(p, text, spans, notes)

    def trailing_notes(self, el: etree._Element, refs: set[str] | frozenset[str]) -> None:
        for eid, note in self.notes.rest_for(set(refs)):
            self.notes.note(str(note.get("marker")), eid, note)(el)

    # --- masthead -----------------------------------------------------------------------------------

    def cover_page(self, parent: etree._Element) -> None:
        md = self.md
        cover = sub(parent, "coverPage", eId="coverPage_1")
        symbol = (md.get("symbol_printed") or md.get("symbol") or "").rstrip("*").strip()
        if symbol:
            number = sub(sub(cover, "p"), "docNumber", symbol, refersTo="#symbol")
            self.trailing_notes(number.getparent(), HEAD_REFS)
        if md.get("body"):
            sub(sub(cover, "p"), "docAuthority", md["body"], refersTo=f"#{self.ident.body_code}")
        if md.get("distribution"):
            sub(sub(cover, "p"), "docStatus", md["distribution"], refersTo="#distribution")
        if md.get("date"):
            sub(sub(cover, "p"), "docDate", md["date"], date=md["date"], refersTo="#dateOfIssuance")
        if md.get("session"):
            value = _session_number(md["session"], md.get("number"))
            sub(sub(cover, "p"), "session", md["session"], value=value or md["session"],
                refersTo=f"#{self.ident.body_code}")
        for item in md.get("agenda_items") or []:
            sub(sub(cover, "p"), "inline", item, name="agendaItem", title=item)
        if md.get("submitted_by"):
            sub(sub(cover, "p"), "docProponent", md["submitted_by"])
        if md.get("sponsors"):
            sub(sub(cover, "p"), "docProponent", ", ".join(md["sponsors"]), refersTo="#sponsors")
        if md.get("adoption"):
            title = sub(sub(cover, "p"), "docTitle", refersTo="#adoption")
            _dated(title, md["adoption"], M.adoption_date(md))
        if not len(cover):  # nothing of the masthead was found
            parent.remove(cover)

    def preface(self, parent: etree._Element) -> None:
        md = self.md
        number, title = md.get("number"), md.get("title")
        if not number and not title:
            return
        p = sub(sub(parent, "preface"), "p")
        if number:
            sub(p, "docNumber", number, refersTo="#number")
        if title:
            sub(p, "docTitle", title, refersTo="#resolutionTitle")
        self.trailing_notes(p, TITLE_REFS)

    # --- preamble -----------------------------------------------------------------------------------

    def preamble(self, parent: etree._Element) -> None:
        pre = self.data.get("preamble") or {}
        formula, blocks = pre.get("formula"), pre.get("paragraphs") or []
        if not formula and not blocks:
            return
        el = sub(parent, "preamble")
        if formula:
            f = sub(el, "formula", name="enactingFormula", eId=self.ids.take("formula_1"))
            self.text_into(sub(f, "p"), formula)
        for k, block in enumerate(blocks, 1):
            eid = self.ids.take(f"container_{k}")
            if block.get("type") == "heading":
                c = sub(el, "container", name="", eId=eid)
                span = sub(sub(c, "p"), "span", **{"class": BOLD_CLASS})
                self.text_into(span, block)
                continue
            c = sub(el, "container", name=block.get("lead") or "", eId=eid)
            p = sub(c, "p")
            if block.get("number"):
                sub(p, "num", printed_number(block["number"]))
            self.text_into(p, block, block.get("lead"))
            if block.get("items"):
                self.block_list(c, block, eid)

    def block_list(self, parent: etree._Element, unit: Mapping[str, Any], prefix: str) -> None:
        """Sub-items of a preambular paragraph: a `blockList` of `item`s (a container holds blocks)."""
        bl = sub(parent, "blockList", eId=self.ids.take(f"{prefix}__list_1"))
        for k, item in enumerate(unit.get("items") or [], 1):
            eid = self.ids.take(f"{bl.get('eId')}__item_{_slug(item.get('number') or '') or k}")
            it = sub(bl, "item", eId=eid)
            if item.get("number"):
                sub(it, "num", printed_number(item["number"]))
            self.text_into(sub(it, "p"), item)
            if item.get("items"):
                self.block_list(it, item, eid)
        wrap = unit.get("wrap_up")
        if wrap:
            self.text_into(sub(parent, "p"), wrap)

    # --- body ---------------------------------------------------------------------------------------

    def blocks(self, parent: etree._Element, blocks: Sequence[Mapping[str, Any]], prefix: str = "") -> None:
        order = 0
        for block in blocks:
            if block.get("type") == "heading":
                self.heading(parent, block, prefix)
                continue
            order += 1
            tag = "paragraph" if block.get("type") == "paragraph" else "point"
            base = "para" if tag == "paragraph" else "point"
            self.unit(parent, block, tag, self.ids.take(f"{prefix}{base}_{_slug(block.get('number') or '') or order}"),
                      block.get("lead"))

    def heading(self, parent: etree._Element, block: Mapping[str, Any], prefix: str) -> None:
        """A heading between paragraphs, as the UN marks it: a `paragraph` with a `num` and a `subheading`."""
        text = block.get("text") or ""
        m = HEADING_LABEL.match(text)
        label = m.group("num") if m else ""
        eid = self.ids.take(f"{prefix}para_{_slug(label) or 'h'}" if label else f"{prefix}para_h")
        el = sub(parent, "paragraph", eId=eid, **{"class": HEADING_CLASS})
        if label:
            sub(el, "num", label)
        head = sub(el, "subheading")
        rest = dict(block)
        if m:
            cut = m.start("rest")
            rest = {**block, "text": text[cut:],
                    "citations": [{**c, "offset": c["offset"] - cut} for c in block.get("citations") or []
                                  if isinstance(c.get("offset"), int) and c["offset"] >= cut]}
        self.text_into(head, rest)

    def unit(self, parent: etree._Element, unit: Mapping[str, Any], tag: str, eid: str,
             lead: str | None = None, nested: bool = False) -> None:
        el = sub(parent, tag, eId=eid)
        if unit.get("number"):
            sub(el, "num", printed_number(unit["number"]))
        items = unit.get("items") or []
        if not items:
            self.text_into(sub(sub(el, "content", eId=f"{eid}__content"), "p"), unit, lead)
            return
        # A paragraph's items go in a `list` that opens with the paragraph's text (as the UN marks it);
        # an item's own sub-items follow its text, which stays the item's `intro`.
        if nested:
            self.text_into(sub(sub(el, "intro", eId=f"{eid}__intro"), "p"), unit, lead)
            lst = sub(el, "list", eId=self.ids.take(f"{eid}__list_1"))
        else:
            lst = sub(el, "list", eId=self.ids.take(f"{eid}__list_1"))
            self.text_into(sub(sub(lst, "intro", eId=f"{lst.get('eId')}__intro"), "p"), unit, lead)
        for k, item in enumerate(items, 1):
            self.unit(lst, item, "point",
                      self.ids.take(f"{lst.get('eId')}__point_{_slug(item.get('number') or '') or k}"),
                      nested=True)
        wrap = unit.get("wrap_up")
        if wrap:
            self.text_into(sub(sub(lst, "wrapUp", eId=self.ids.take(f"{lst.get('eId')}__wrapup")), "p"), wrap)

    def main_body(self, parent: etree._Element) -> None:
        body = sub(parent, "mainBody")
        blocks = self.data.get("operative") or []
        if blocks:
            self.blocks(body, blocks)
        else:  # the schema wants one hierarchical element at least
            sub(sub(body, "paragraph", eId=self.ids.take("para_1")), "content", eId="para_1__content")
            body[-1][-1].append(etree.Element(f"{{{body.nsmap[None]}}}p"))

    def conclusions(self, parent: etree._Element) -> None:
        """The adoption date closing an adopted resolution (all but the Security Council's print it there)."""
        date = M.adoption_date(self.md)
        if not self.ident.adopted or self.ident.body_code == "unsc" or not date:
            return
        printed = DATE.search(self.md.get("adoption") or "")
        p = sub(sub(parent, "conclusions", eId="conclusions"), "p")
        sub(p, "docDate", printed.group(0) if printed else date, date=date, refersTo="#adoptionDate")

    def attachments(self, parent: etree._Element) -> None:
        annexes = self.data.get("annexes") or []
        if not annexes:
            return
        atts = sub(parent, "attachments")
        for n, annex in enumerate(annexes, 1):
            prefix = f"att_{n}__"
            doc = sub(sub(atts, "attachment", eId=f"att_{n}"), "doc", name="annex")
            M.identification(sub(doc, "meta"), self.ident, component=f"main/annex_{n}")
            body = sub(doc, "mainBody")
            for k, line in enumerate(x for x in (annex.get("label"), annex.get("title")) if x):
                head = sub(body, "paragraph", eId=self.ids.take(f"{prefix}para_t{k + 1}"),
                           **{"class": TITLE_CLASS})
                sub(head, "heading", line)
            if len(body):
                self.trailing_notes(body[-1][-1], {annex.get("id")} - {None})
            self.blocks(body, annex.get("content") or [], prefix)
            if not len(body):
                sub(sub(body, "paragraph", eId=self.ids.take(f"{prefix}para_1")), "content",
                    eId=f"{prefix}para_1__content").append(etree.Element(f"{{{body.nsmap[None]}}}p"))

    # --- the whole ----------------------------------------------------------------------------------

    def build(self) -> etree._Element:
        root = root_element("akomaNtoso")
        doc = sub(root, self.ident.root, name=self.ident.name)
        meta = sub(doc, "meta")
        M.identification(meta, self.ident)
        M.references(meta, self.ident, self.md.get("body"))
        notes_el = sub(meta, "notes", source=f"#{M.SOURCE_ID}")  # filled last: footnotes no marker placed
        M.proprietary(meta, self.data)
        self.cover_page(doc)
        self.preface(doc)
        self.preamble(doc)
        self.main_body(doc)
        self.conclusions(doc)
        self.attachments(doc)
        for eid, note in self.notes.unplaced():
            n = sub(notes_el, "note", eId=eid, marker=str(note.get("marker")), placement="bottom")
            text = note.get("text") or ""
            fill(sub(n, "p"), text, citation_spans(text, note.get("citations") or [], self.lang2), [])
        if not len(notes_el):
            meta.remove(notes_el)
        return root


def _session_number(session: str, number: str | None) -> str | None:
    """The session's number: printed in figures, or the first part of a session-numbered document
    number ("77/321" of the seventy-seventh session)."""
    m = re.search(r"\d+", session) or SESSION_NUMBERED.match(number or "")
    return m.group(1) if m and m.groups() else (m.group(0) if m else None)


def _dated(el: etree._Element, text: str, date: str | None) -> None:
    """`text` into `el`, the date it prints wrapped in `docDate`."""
    m = DATE.search(text) if date else None
    if not m:
        el.text = text
        return
    el.text = text[:m.start()]
    d = sub(el, "docDate", m.group(0), date=date, refersTo="#adoptionDate")
    d.tail = text[m.end():] or None


def to_akn(doc: Document | Mapping[str, Any]) -> etree._Element:
    """The document as an Akoma Ntoso element tree."""
    return _Builder(to_data(doc)).build()


def element_text(el: etree._Element) -> str:
    """The text of an element without its footnotes (what the tree's `text` holds)."""
    parts: list[str] = []

    def walk(x: etree._Element) -> None:
        if local_name(x) == "authorialNote":
            if x.tail:
                parts.append(x.tail)
            return
        if x.text:
            parts.append(x.text)
        for child in x:
            walk(child)
        if x is not el and x.tail:
            parts.append(x.tail)

    walk(el)
    return "".join(parts)


def tree_schema_version(path: str | os.PathLike) -> str | None:
    """The schema version of the tree an AKN file was written from (None if it is not one of ours)."""
    try:
        root = etree.parse(os.fspath(path), parser=safe_parser()).getroot()
    except (OSError, etree.XMLSyntaxError):
        return None
    tree = root.find(f".//{{{AKN_NS}}}meta/{{{AKN_NS}}}proprietary/{{{RESPARSE_NS}}}tree")
    return tree.get("schemaVersion") if tree is not None else None


class AknWriter(Writer):
    name = "akn"
    suffix = ".xml"
    media_type = "application/akn+xml"

    def dumps(self, doc: Document | Mapping[str, Any]) -> str:
        root = to_akn(doc)
        indent(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode("utf-8") + "\n"
