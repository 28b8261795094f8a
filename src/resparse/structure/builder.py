"""The structure stage: laid-out pages and their text blocks → `Document`.

heading block and masthead → enacting formula → body (preamble, operative part, annexes) → footnotes
and their links → ids → numbering warnings → citations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..layout.blocks import TextBlock, join_blocks, text_margin, vocabulary
from ..layout.page import body_size
from ..model.document import Annex, Document, Footnote, Formula, Heading, Preamble, Source, Unit, WrapUp
from ..model.document import Warning as DocWarning
from ..model.text import UNMAPPED_GLYPH, Line, Page
from ..settings import DEFAULT_SETTINGS, LayoutSettings, StructureSettings
from ..timing import stage
from . import patterns as P
from .body import build_body, is_formula, is_heading, parse_label
from .citing import attach_citations
from .footnotes import parse_footnotes
from .ids import assign_ids, unit_ids
from .masthead import read_heading_block, read_masthead
from .trace import FootnoteSource, ParseTrace, UnitSource

# The thresholds of this stage are `settings.StructureSettings`.
# An asterisk note's marker in the heading block, after a word or its punctuation ("Chair*", "A/80/L.1**";
# §1.4): one to three stars.
# Pages named in an `unreadable_glyphs` warning (the rest are counted).
UNREADABLE_PAGES_SHOWN = 10
HEAD_STAR_MARKER = re.compile(r"(?<=[\w:,.)])(\*{1,3})(?=[,\s]|$)")


def _find_text_start(blocks: Sequence[TextBlock], italics: bool, size: float,
                     settings: StructureSettings) -> tuple[int, bool]:
    """Index of the first block of the text proper, and whether it is the enacting formula."""
    for i, b in enumerate(blocks):
        if b.pages[0] > settings.head_max_page:
            break
        if is_formula(b, italics, settings):
            return i, True
    # Otherwise the first paragraph of the text: numbered, opening with an italic lead, opening with the
    # organ's name ("The General Assembly, ... decides"), or the first plain paragraph of the main column
    # after the masthead ("With regard to ..., the Council decides that:").
    margin = text_margin([ln for b in blocks if b.pages[0] == 1 for ln in b.lines]) if blocks else 0.0
    for i, b in enumerate(blocks):
        if b.pages[0] > settings.head_max_page:
            break
        t = b.text
        if i == 0 or b.bold or _is_heading_line(t):
            continue
        label = parse_label(t)
        if label is not None and label.family == "number":
            while i > 1 and is_heading(blocks[i - 1], settings) and P.SECTION_LABEL.match(blocks[i - 1].text):
                i -= 1
            return i, False
        if b.size <= size * settings.lead_size_ratio and b.lines[0].spans[0].italic and t.endswith(","):
            return i, False
        if (
            abs(b.size - size) < settings.body_size_tolerance
            and b.x0 >= margin - settings.main_column_tolerance
            and b.first.top > settings.title_min_top
            and (len(t) >= settings.min_first_paragraph_chars or t.endswith(":"))
        ):
            return i, False
    # A text with neither on its head pages may open with a cover and a title page (a treaty: its title, the
    # Organization's name and the year): its formula is the first block shaped like one on a later page.
    for i, b in enumerate(blocks):
        if b.pages[0] > settings.formula_max_page:
            break
        if b.pages[0] > settings.head_max_page and is_formula(b, italics, settings):
            return i, True
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


def _title(head: Sequence[TextBlock], where: dict[str, int], margin: float,
           settings: StructureSettings) -> str | None:
    """The document's own title: the first bold block of the main column after the masthead and the
    document-type heading (sponsor line, "Draft resolution submitted by ...")."""
    if "number" in where:  # SC text (no title)
        return None
    start = where.get("sponsor", -1) + 1
    for b in head[start:]:
        t = b.text
        outside = "sponsor" not in where and b.x0 < margin - settings.main_column_tolerance
        if b.pages[0] != 1 or outside or not b.bold:
            continue
        if _is_heading_line(t) or P.SECTION_LABEL.match(t) or b.first.top < settings.title_min_top:
            continue
        return t
    return None


def build_document(pages: Sequence[Page], blocks: Sequence[TextBlock], source: Source,
                   trace: ParseTrace | None = None, settings: StructureSettings = DEFAULT_SETTINGS.structure,
                   layout: LayoutSettings = DEFAULT_SETTINGS.layout) -> Document:
    """The structure stage: the document tree of laid-out pages and their body's text blocks; `trace`, if
    given, is filled with where each unit came from. `layout` holds the settings the layout stage was run with:
    the blocks' and notes' lines are joined, and the body size measured, as that stage does."""
    all_lines = [ln for p in pages for ln in p.body]
    size = body_size(all_lines, layout)
    # Whether the document sets its leads in italics (typed and scanned documents underline them).
    tolerance = settings.body_size_tolerance
    italic_lines = sum(1 for ln in all_lines if abs(ln.size - size) < tolerance and ln.spans[0].italic)
    italics = italic_lines >= settings.min_italic_leads
    vocab = vocabulary(blocks)
    blocks = join_blocks(blocks, vocab, layout)
    note_lines: list[list[Line]] | None = [] if trace is not None else None
    footnotes = parse_footnotes(pages, vocab, note_lines, layout)
    known = {f.marker for f in footnotes}

    start, has_formula = _find_text_start(blocks, italics, size, settings)
    head, text_blocks = blocks[:start], blocks[start:]
    formula = None
    if has_formula:
        formula = Formula(text=text_blocks[0].text)
        formula_block, text_blocks = text_blocks[0], text_blocks[1:]
    first_page = pages[0]
    head_lines = [ln for b in head for ln in b.lines if ln.page == 1] or first_page.body
    # The language is told from the text's opening blocks, or from the document's first blocks when no text
    # proper was found (an agreement without formula or numbered paragraphs on its first pages).
    body_text = " ".join(b.text for b in (text_blocks or blocks)[:settings.masthead_context_blocks])
    md = read_masthead(head_lines, first_page.furniture, first_page.height, body_text, settings)
    head_texts = [b.text for b in head]
    md, where = read_heading_block(head_texts, md, settings)
    text_left = min((ln.x0 for b in text_blocks[:settings.text_column_blocks] for ln in b.lines), default=0.0)
    if md.symbol is None and md.body and not any(organ in md.body for organ in P.ORGANS):
        # No symbol, so no masthead (un-conventions §1.1): the large type at the top of page 1 is the title of a
        # cover (an agreement's) or of a paper, not the name of an organ.
        md = replace(md, title=md.body, body=None)
    if not md.title:  # an adopted GA text has it with its number ("79/271. Title")
        md = replace(md, title=_title(head, where, text_left, settings))

    body = build_body(text_blocks, vocab, known, italics, size, settings)
    preamble = Preamble(formula=formula, paragraphs=body.preamble)
    unreadable = unreadable_glyphs(pages)
    doc = Document(
        source=source,
        metadata=md,
        preamble=preamble,
        operative=body.operative,
        annexes=body.annexes,
        footnotes=footnotes,
        warnings=[unreadable] if unreadable else [],
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
    links = MarkerPlaces(head=head_markers, body=body.marker_units, ids=unit_ids(doc))
    doc = run_passes(doc, links)
    if trace is not None:
        trace.pages = list(pages)
        trace.head, trace.blocks = head, blocks[start:]
        trace.units = [UnitSource("title", "title", b.lines) for b in title_blocks]
        if has_formula:
            trace.units.append(UnitSource("formula", "formula", formula_block.lines))
        trace.units += [UnitSource(links.id_of(owner) or "", _kind(owner), b.lines, rule)
                        for owner, b, rule in body.sources]
        trace.footnotes = [FootnoteSource(f.marker, f.ref, f.page, lines)
                           for f, lines in zip(doc.footnotes, note_lines or [], strict=True)]
    return doc


def unreadable_glyphs(pages: Sequence[Page]) -> DocWarning | None:
    """A warning naming the pages whose text has glyphs with no character (`UNMAPPED_GLYPH`): a font embedded
    without any character map (no ToUnicode, no cmap table, no glyph names) leaves only the glyphs' shapes,
    which OCR can read and a text layer cannot. None when every glyph has its character."""
    numbers = sorted(p.number for p in pages if any(UNMAPPED_GLYPH in ln.raw for ln in (*p.body, *p.notes)))
    if not numbers:
        return None
    shown = ", ".join(map(str, numbers[:UNREADABLE_PAGES_SHOWN])) + (", …" if len(numbers) > UNREADABLE_PAGES_SHOWN
                                                                     else "")
    # Pages, not glyphs, are counted: engines split a run of such glyphs differently.
    return DocWarning("unreadable_glyphs", f"glyphs on {len(numbers)} pages ({shown}) have no character in their "
                      "font and read as U+FFFD; OCR can read them", None)


@dataclass(frozen=True)
class MarkerPlaces:
    """Where the footnote markers stand: in the heading block (`head`: marker and `head`, `title` or
    `formula`) and in the tree (`body`: marker, the unit, wrap-up or annex as built, page), with the ids of
    the tree's nodes as built (`structure.ids.unit_ids`; computed from the tree when not given)."""

    head: list[tuple[str, str]]
    body: list[tuple[str, object, int]]
    ids: Mapping[int, str] | None = None

    def id_of(self, owner: object) -> str | None:
        """The id of a node of the tree as built."""
        return self.ids.get(id(owner)) if self.ids is not None else None


def _cite(doc: Document, links: MarkerPlaces) -> Document:
    with stage("citations"):
        return attach_citations(doc)


def _check_numbering_pass(doc: Document, links: MarkerPlaces) -> Document:
    return replace(doc, warnings=[*doc.warnings, *_check_numbering(doc.operative, "para")])


# The passes over the built tree, in order: each takes the tree and returns a new one (no node is changed
# once built), and each needs what the ones before it did (a footnote links to a unit's id; citations
# resolve "Ibid." through the footnotes' order).
PASSES: tuple[tuple[str, Callable[[Document, MarkerPlaces], Document]], ...] = (
    ("assign_ids", lambda doc, links: assign_ids(doc, links.ids)),
    ("link_footnotes", lambda doc, links: _link_footnotes(doc, links)),
    ("check_numbering", _check_numbering_pass),
    ("attach_citations", _cite),
)


def run_passes(doc: Document, links: MarkerPlaces) -> Document:
    """`doc` after every pass of `PASSES`, in order; `links.ids` are those of `doc` (computed if absent)."""
    if links.ids is None:
        links = replace(links, ids=unit_ids(doc))
    for _name, run in PASSES:
        doc = run(doc, links)
    return doc


def _kind(owner: object) -> str:
    """The `UnitSource.kind` of a part of the tree."""
    if isinstance(owner, Unit):
        return owner.kind
    return {WrapUp: "wrap_up", Heading: "heading", Annex: "annex"}[type(owner)]


def _link_footnotes(doc: Document, links: MarkerPlaces) -> Document:
    """A copy of `doc` in which each footnote names the unit where its marker stands, with a warning for a
    note without a marker and a marker without a note.

    A note is printed on the page of its marker, so the marker is looked for on the note's page first;
    numbering may restart (in annexes of reports), so the same marker can stand in several places.
    """
    head_markers, body_markers = links.head, links.body
    occurrences: list[tuple[str, str, int]] = [(m, place, 1) for m, place in head_markers]
    occurrences += [(m, oid, page) for m, owner, page in body_markers if (oid := links.id_of(owner))]
    if any(m.startswith("*") for m, _ in head_markers):
        occurrences += [(f.marker, "head", 1) for f in doc.footnotes if f.marker.startswith("*")]
    used: set[int] = set()
    notes: list[Footnote] = []
    warnings: list[DocWarning] = []
    for f in doc.footnotes:
        cands = [i for i, (m, _, _) in enumerate(occurrences) if m == f.marker]
        fresh = [i for i in cands if i not in used]
        pick = next((i for i in fresh if occurrences[i][2] == f.page), None)
        if pick is None:
            before = [i for i in fresh if occurrences[i][2] < f.page]
            pick = before[-1] if before else (fresh[0] if fresh else (cands[0] if cands else None))
        if pick is None:
            warnings.append(
                DocWarning("unreferenced_footnote", f"footnote {f.marker} is not referenced in the text", None)
            )
            notes.append(f)
            continue
        used.add(pick)
        notes.append(replace(f, ref=occurrences[pick][1]))
    known = {f.marker for f in doc.footnotes}
    for m, owner, _ in body_markers:
        if m not in known:
            warnings.append(
                DocWarning("unmatched_marker", f"footnote marker {m} has no footnote", links.id_of(owner))
            )
    return replace(doc, footnotes=notes, warnings=[*doc.warnings, *warnings])


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
