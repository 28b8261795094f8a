"""The structure stage: laid-out pages and their text blocks → `Document`.

heading block and masthead → enacting formula → body (preamble, operative part, annexes) → footnotes
and their links → ids → numbering warnings → citations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..layout.blocks import TextBlock, join_blocks, text_margin, vocabulary
from ..layout.page import body_size
from ..model.document import Annex, Document, Formula, Heading, Preamble, Source, Unit, WrapUp
from ..model.document import Warning as DocWarning
from ..model.text import Line, Page
from ..timing import stage
from . import patterns as P
from .body import build_body, is_formula, is_heading, parse_label
from .citing import attach_citations
from .footnotes import parse_footnotes
from .ids import assign_ids
from .masthead import read_heading_block, read_masthead
from .trace import FootnoteSource, ParseTrace, UnitSource

# The heading block (masthead, document-type heading, title) ends within the first pages.
HEAD_MAX_PAGE = 2
# A document whose body lines open in italics at least this often uses italic leads.
MIN_ITALIC_LEADS = 2
# The title is set in the main text column; the masthead's session/agenda column is further left.
MAIN_COLUMN_TOLERANCE = 6.0
# A text that opens without formula, number or italic lead opens with a paragraph at least this long.
MIN_FIRST_PARAGRAPH_CHARS = 40
# Nothing above this (points from the page top) is a title: it is the masthead.
TITLE_MIN_TOP = 150.0
# Body text: within this many points of the document's body size; an italic lead may be set up to this share
# larger (a lead in a larger italic face).
BODY_SIZE_TOLERANCE = 0.5
LEAD_SIZE_RATIO = 1.05
# The masthead reader sees the opening blocks of the text (to tell the language and the organ) ...
MASTHEAD_CONTEXT_BLOCKS = 40
# ... and the title is set in the column of the text's first blocks.
TEXT_COLUMN_BLOCKS = 3
# An asterisk note's marker in the heading block, after a word or its punctuation ("Chair*", "A/80/L.1**";
# §1.4): one to three stars.
HEAD_STAR_MARKER = re.compile(r"(?<=[\w:,.)])(\*{1,3})(?=[,\s]|$)")


def _find_text_start(blocks: Sequence[TextBlock], italics: bool, size: float) -> tuple[int, bool]:
    """Index of the first block of the text proper, and whether it is the enacting formula."""
    for i, b in enumerate(blocks):
        if b.pages[0] > HEAD_MAX_PAGE:
            break
        if is_formula(b, italics):
            return i, True
    # Otherwise the first paragraph of the text: numbered, opening with an italic lead, opening with the
    # organ's name ("The General Assembly, ... decides"), or the first plain paragraph of the main column
    # after the masthead ("With regard to ..., the Council decides that:").
    margin = text_margin([ln for b in blocks if b.pages[0] == 1 for ln in b.lines]) if blocks else 0.0
    for i, b in enumerate(blocks):
        if b.pages[0] > HEAD_MAX_PAGE:
            break
        t = b.text
        if i == 0 or b.bold or _is_heading_line(t):
            continue
        label = parse_label(t)
        if label is not None and label.family == "number":
            while i > 1 and is_heading(blocks[i - 1]) and P.SECTION_LABEL.match(blocks[i - 1].text):
                i -= 1
            return i, False
        if b.size <= size * LEAD_SIZE_RATIO and b.lines[0].spans[0].italic and t.endswith(","):
            return i, False
        if (
            abs(b.size - size) < BODY_SIZE_TOLERANCE
            and b.x0 >= margin - MAIN_COLUMN_TOLERANCE
            and b.first.top > TITLE_MIN_TOP
            and (len(t) >= MIN_FIRST_PARAGRAPH_CHARS or t.endswith(":"))
        ):
            return i, False
    return len(blocks), False


def _is_heading_line(t: str) -> bool:
    """Lines of the document-type heading that are set like body text."""
    return bool(
        P.ADOPTED_RESOLUTION.match(t)
        or P.SUBMITTED_BY.match(t)
        or P.SPONSOR_LINE.match(t)
        or P.SC_ADOPTION.match(t)
        or P.COMMITTEE_BRACKET.match(t)
        or P.SC_RESOLUTION_HEAD.match(t)
        or P.SYMBOL_LINE.match(t)
        or P.DISTRIBUTION.match(t)
        or P.ORIGINAL.match(t)
        or P.AGENDA.match(t)
    )


def _title(head: Sequence[TextBlock], where: dict[str, int], margin: float) -> str | None:
    """The document's own title: the first bold block of the main column after the masthead and the
    document-type heading (sponsor line, "Draft resolution submitted by ...")."""
    if "number" in where:  # SC text (no title)
        return None
    start = where.get("sponsor", -1) + 1
    for b in head[start:]:
        t = b.text
        outside = "sponsor" not in where and b.x0 < margin - MAIN_COLUMN_TOLERANCE
        if b.pages[0] != 1 or outside or not b.bold:
            continue
        if _is_heading_line(t) or P.SECTION_LABEL.match(t) or b.first.top < TITLE_MIN_TOP:
            continue
        return t
    return None


def build_document(pages: Sequence[Page], blocks: Sequence[TextBlock], source: Source,
                   trace: ParseTrace | None = None) -> Document:
    """The structure stage: the document tree of laid-out pages and their body's text blocks; `trace`, if
    given, is filled with where each unit came from."""
    all_lines = [ln for p in pages for ln in p.body]
    size = body_size(all_lines)
    # Whether the document sets its leads in italics (typed and scanned documents underline them).
    italics = sum(1 for ln in all_lines
                  if abs(ln.size - size) < BODY_SIZE_TOLERANCE and ln.spans[0].italic) >= MIN_ITALIC_LEADS
    vocab = vocabulary(blocks)
    blocks = join_blocks(blocks, vocab)
    note_lines: list[list[Line]] | None = [] if trace is not None else None
    footnotes = parse_footnotes(pages, vocab, note_lines)
    known = {f.marker for f in footnotes}

    start, has_formula = _find_text_start(blocks, italics, size)
    head, text_blocks = blocks[:start], blocks[start:]
    formula = None
    if has_formula:
        formula = Formula(text=text_blocks[0].text)
        formula_block, text_blocks = text_blocks[0], text_blocks[1:]
    first_page = pages[0]
    head_lines = [ln for b in head for ln in b.lines if ln.page == 1] or first_page.body
    # The language is told from the text's opening blocks, or from the document's first blocks when no text
    # proper was found (an agreement without formula or numbered paragraphs on its first pages).
    body_text = " ".join(b.text for b in (text_blocks or blocks)[:MASTHEAD_CONTEXT_BLOCKS])
    md = read_masthead(head_lines, first_page.furniture, first_page.height, body_text)
    head_texts = [b.text for b in head]
    md, where = read_heading_block(head_texts, md)
    text_left = min((ln.x0 for b in text_blocks[:TEXT_COLUMN_BLOCKS] for ln in b.lines), default=0.0)
    if not md.title:  # an adopted GA text has it with its number ("79/271. Title")
        md = replace(md, title=_title(head, where, text_left))

    body = build_body(text_blocks, vocab, known, italics, size)
    preamble = Preamble(formula=formula, paragraphs=body.preamble)
    doc = Document(
        source=source,
        metadata=md,
        preamble=preamble,
        operative=body.operative,
        annexes=body.annexes,
        footnotes=footnotes,
    )

    # Footnote references: the unit where each marker stands; markers in the heading block → head/title.
    head_markers: list[tuple[str, str]] = []
    title_blocks: list[TextBlock] = []
    for i, b in enumerate(head):
        markers = b.markers
        place = "title" if where.get("title") == i or (md.title and b.text == md.title) else "head"
        if place == "title":
            title_blocks.append(b)
        head_markers += [(m, place) for m, _ in markers]
        for star in HEAD_STAR_MARKER.findall(b.text):
            head_markers.append((star, "head"))
    if has_formula:
        markers = formula_block.markers
        head_markers += [(m, "formula") for m, _ in markers]
    links = MarkerPlaces(head=head_markers, body=body.marker_units)
    for _name, run in PASSES:
        run(doc, links)
    if trace is not None:
        trace.pages = list(pages)
        trace.head, trace.blocks = head, blocks[start:]
        trace.units = [UnitSource("title", "title", b.lines) for b in title_blocks]
        if has_formula:
            trace.units.append(UnitSource("formula", "formula", formula_block.lines))
        trace.units += [UnitSource(_owner_id(owner) or "", _kind(owner), b.lines, rule)
                        for owner, b, rule in body.sources]
        trace.footnotes = [
            FootnoteSource(f.marker, f.ref, f.page, lines) for f, lines in zip(footnotes, note_lines or [], strict=True)
        ]
    return doc


@dataclass(frozen=True)
class MarkerPlaces:
    """Where the footnote markers stand: in the heading block (`head`, `title`, `formula`) and in units."""

    head: list[tuple[str, str]]
    body: list[tuple[str, object, int]]


def _cite(doc: Document, links: MarkerPlaces) -> None:
    with stage("citations"):
        attach_citations(doc)


# The passes over the built tree, in order: each needs what the ones before it did (a footnote links to a
# unit's id; citations resolve "Ibid." through the footnotes' order).
PASSES: tuple[tuple[str, Callable[[Document, MarkerPlaces], None]], ...] = (
    ("assign_ids", lambda doc, links: assign_ids(doc)),
    ("link_footnotes", lambda doc, links: _link_footnotes(doc, links.head, links.body)),
    ("check_numbering", lambda doc, links: doc.warnings.extend(_check_numbering(doc.operative, "para"))),
    ("attach_citations", _cite),
)


def _kind(owner: object) -> str:
    """The `UnitSource.kind` of a part of the tree."""
    if isinstance(owner, Unit):
        return owner.kind
    return {WrapUp: "wrap_up", Heading: "heading", Annex: "annex"}[type(owner)]


def _owner_id(owner: object) -> str | None:
    if isinstance(owner, Unit | WrapUp | Annex | Heading):
        return owner.id or None
    return None


def _link_footnotes(
    doc: Document, head_markers: list[tuple[str, str]], body_markers: list[tuple[str, object, int]]
) -> None:
    """Give each footnote the unit where its marker stands.

    A note is printed on the page of its marker, so the marker is looked for on the note's page first;
    numbering may restart (in annexes of reports), so the same marker can stand in several places.
    """
    occurrences: list[tuple[str, str, int]] = [(m, place, 1) for m, place in head_markers]
    occurrences += [(m, oid, page) for m, owner, page in body_markers if (oid := _owner_id(owner))]
    if any(m.startswith("*") for m, _ in head_markers):
        occurrences += [(f.marker, "head", 1) for f in doc.footnotes if f.marker.startswith("*")]
    used: set[int] = set()
    for f in doc.footnotes:
        cands = [i for i, (m, _, _) in enumerate(occurrences) if m == f.marker]
        fresh = [i for i in cands if i not in used]
        pick = next((i for i in fresh if occurrences[i][2] == f.page), None)
        if pick is None:
            before = [i for i in fresh if occurrences[i][2] < f.page]
            pick = before[-1] if before else (fresh[0] if fresh else (cands[0] if cands else None))
        if pick is None:
            doc.warnings.append(
                DocWarning("unreferenced_footnote", f"footnote {f.marker} is not referenced in the text", None)
            )
            continue
        used.add(pick)
        f.ref = occurrences[pick][1]
    known = {f.marker for f in doc.footnotes}
    for m, owner, _ in body_markers:
        if m not in known:
            doc.warnings.append(
                DocWarning("unmatched_marker", f"footnote marker {m} has no footnote", _owner_id(owner))
            )


def _check_numbering(blocks: Sequence, prefix: str) -> list[DocWarning]:
    out = []
    prev = None
    for b in blocks:
        if isinstance(b, Heading):
            continue
        if isinstance(b, Unit) and b.number.isdigit():
            n = int(b.number)
            if prev is not None and n != prev + 1 and n != 1:
                out.append(DocWarning("numbering_gap", f"paragraph {n} follows paragraph {prev}", b.id or None))
            prev = n
    return out


__all__ = ["build_document"]
