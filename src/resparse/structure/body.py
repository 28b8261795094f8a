"""Text blocks after the heading block → preamble, operative part and annexes (un-conventions §3).

The blocks are read in order, and each is taken by the first of the named rules of `BODY_RULES` that
applies to it: closing-line, annex-label, annexed-text-heading, annex-title, inline-annex-title,
adopted-text, agreed, heading, plain-heading, numbered-item, numbered-paragraph, item, undotted-number,
wrap-up, continuation, unnumbered-paragraph. Each rule cites the convention it implements. Unnumbered
paragraphs before the first operative paragraph are preambular (in a treaty, up to and with the phrase
"Have agreed as follows:" that closes its preamble); an unnumbered paragraph that closes with a full stop
(or opens a list with a colon after an operative verb) is the single operative paragraph of a decision;
items nest by label family and by the previous sibling's label,
so that "(i)" after "(h)" is a letter and "(ii)" after "(i)" a numeral.

No node is changed after it is built. A heading or a wrap-up is whole in its block and is built when
read; a unit or an annex, whose text, items, wrap-up or title may come in later blocks, is gathered in a
draft private to the builder and built once, complete, when the body has been read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..layout.blocks import TextBlock, marker_pages
from ..model.document import Annex, Block, FootnoteRef, Heading, Unit, WrapUp
from ..model.text import ascii_digits
from ..settings import DEFAULT_SETTINGS, StructureSettings
from . import patterns as P
from .masthead import is_date

DEFAULT_STRUCTURE = DEFAULT_SETTINGS.structure

# Lengths and size ratios of the body rules: `settings.StructureSettings`.
PARAGRAPH_ENDINGS = {".", ",", ";", ":", *P.PARAGRAPH_ENDINGS}
# A paragraph number whose dot was lost in printing: digits, a space, a capital ("11 Condemns").
BARE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=[A-Z])")
CLOSING_QUOTES = "”’\"')]»"


@dataclass
class Label:
    family: str  # "number", "paren", "close", "dot", "bullet"
    value: str  # as printed without a trailing dot: "1", "(a)", "a)", "•"
    key: str  # the bare letters or digits: "1", "a", "ii"
    length: int  # characters of the block text the label takes, spaces included


def parse_label(text: str) -> Label | None:
    for family, rx in (
        *(("number", rx) for rx in P.NUMBER_LABELS),
        ("paren", P.PAREN_LABEL),
        ("close", P.CLOSE_LABEL),
        ("dot", P.DOT_LETTER_LABEL),
        ("bullet", P.BULLET_LABEL),
    ):
        m = rx.match(text)
        if m:
            key = m.group(1)
            value = {"number": key, "paren": f"({key})", "close": f"{key})", "dot": f"{key}.", "bullet": key}[family]
            return Label(family, value.rstrip(".") if family == "dot" else value, key, len(m.group(0)))
    return None


def terminal(text: str) -> str:
    """The closing punctuation of a paragraph, past closing quotes and brackets (§6.29)."""
    t = text.rstrip().rstrip(CLOSING_QUOTES).rstrip()
    return t[-1:] if t else ""


def is_closing_line(text: str) -> bool:
    t = " ".join(text.split())
    return any(rx.match(t) for rx in P.CLOSING) or is_date(t)


def is_closing_block(block: TextBlock) -> bool:
    """Meeting line, date and adoption note that close a text ("58th plenary meeting / 4 March 2025")."""
    return is_closing_line(block.text) or all(is_closing_line(ln.text) for ln in block.lines)


def is_formula(block: TextBlock, italics_in_use: bool, settings: StructureSettings = DEFAULT_STRUCTURE) -> bool:
    """The enacting formula: the organ's name and a comma ("The General Assembly,"), a few words long; or a
    treaty's parties and a comma ("The Parties to this Agreement,", "Las Partes en el presente Acuerdo,")."""
    t = block.text
    treaty = P.TREATY_FORMULA.match(t) is not None
    if not (treaty or P.FORMULA.match(t)) or len(t.split()) > settings.formula_max_words:
        return False
    if italics_in_use and not block.lines[0].spans[0].italic:
        return False
    if treaty:
        return True
    bare = t.rstrip("".join(P.FORMULA_COMMAS))
    last = bare.split()[-1] if bare.split() else ""
    return t.endswith(P.FORMULA_COMMAS) and any(h in t for h in P.FORMULA_HEADS) or last in {
        h.split()[-1] for h in P.FORMULA_HEADS}


def is_heading(block: TextBlock, settings: StructureSettings = DEFAULT_STRUCTURE) -> bool:
    t = block.text
    if not t or len(t) > settings.heading_max_chars or not block.bold:
        return False
    sentence = terminal(t) == "." and len(t.split()) > settings.heading_sentence_max_words
    return terminal(t) not in {";", ","} and not sentence


def _label_value(label: str) -> int:
    """The rank of an annex number: I/II/III, A/B/C or 1/2/3."""
    if label.isdigit():
        return int(label)
    if re.fullmatch(r"[IVXLC]+", label) and not (len(label) == 1 and label in "CL"):
        return roman_value(label.lower())
    return ord(label[0]) - ord("A") + 1


def roman_value(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=False):
        v = vals.get(a, 0)
        total += -v if vals.get(b, 0) > v else v
    return total


def _follows(prev_key: str, key: str) -> bool:
    """Whether letter label `key` comes right after `prev_key` (a→b, z→aa, h→i)."""
    if len(prev_key) == len(key) == 1:
        return ord(key) == ord(prev_key) + 1
    if len(key) == 2 and key[0] == key[1]:
        return (prev_key == "z" and key == "aa") or (len(prev_key) == 2 and ord(key[0]) == ord(prev_key[0]) + 1)
    return False


@dataclass(eq=False)
class _UnitDraft:
    """What belongs to one unit, gathered while the blocks are read: its text may go on in a later block,
    its items and wrap-up come after it. Built into a `Unit` once, when the body has been read."""

    kind: str  # "paragraph" or "item"
    number: str
    text: str
    lead: str | None
    footnotes: list[FootnoteRef]
    pages: list[int]
    items: list[_UnitDraft] = field(default_factory=list)
    wrap_up: WrapUp | None = None
    first_x0: float | None = None  # where its first line starts on the page

    def carry_on(self, text: str, refs: Sequence[FootnoteRef], pages: Sequence[int]) -> None:
        """Add the text of a block that continues this unit; its markers' offsets move to the joined text."""
        shift = len(self.text) + 1
        self.text = f"{self.text} {text}"
        self.footnotes += [FootnoteRef(r.marker, r.offset + shift) for r in refs]
        self.pages = sorted(set(self.pages) | set(pages))

    @cached_property
    def node(self) -> Unit:
        """The unit, built once from what was gathered (its items first); its number in ASCII digits (data), its
        text as printed."""
        return Unit(kind=self.kind, number=ascii_digits(self.number), text=self.text, lead=self.lead,
                    footnotes=self.footnotes, pages=self.pages, items=[item.node for item in self.items],
                    wrap_up=self.wrap_up)


@dataclass
class _Level:
    family: str  # "letter", "roman", "close-letter", "close-roman", "dot", "bullet"
    last_key: str
    unit: _UnitDraft


def _item_family(label: Label, levels: list[_Level]) -> str:
    """Letter or Roman numeral, deciding "(i)", "(v)", "(x)", "(c)" by the open levels (§3.5)."""
    if label.family in ("bullet", "number"):
        return label.family
    base = {"paren": "", "close": "close-", "dot": "dot-"}[label.family]
    key = label.key
    if not P.ROMAN.match(key):
        return base + "letter"
    for lv in reversed(levels):
        if lv.family == base + "letter" and _follows(lv.last_key, key):
            return base + "letter"
    for lv in reversed(levels):
        if lv.family == base + "roman" and roman_value(key) == roman_value(lv.last_key) + 1:
            return base + "roman"
    if key == "i" or len(key) > 1:
        return base + "roman"
    return base + "letter"


@dataclass(eq=False)
class _Container:
    """Where blocks go: the preamble, the operative part or an annex's content."""

    name: str
    blocks: list[_UnitDraft | Heading] = field(default_factory=list)
    levels: list[_Level] = field(default_factory=list)
    nest_under_unnumbered: bool = True

    def last_paragraph(self) -> _UnitDraft | None:
        """The last paragraph of the container, unless a heading came after it."""
        for b in reversed(self.blocks):
            if isinstance(b, _UnitDraft) and b.kind == "paragraph":
                return b
            if isinstance(b, Heading):
                return None
        return None


@dataclass(eq=False)
class _AnnexDraft:
    """An annex while its blocks are read: its title may be the block after its label."""

    label: str
    title: str
    pages: list[int]
    content: _Container

    @cached_property
    def node(self) -> Annex:
        return Annex(label=self.label, title=self.title, pages=self.pages,
                     content=[_node(b) for b in self.content.blocks])


def _node(part: object) -> object:
    """The tree node of a part the builder recorded (a draft's built node; a heading or wrap-up as is)."""
    return part.node if isinstance(part, _UnitDraft | _AnnexDraft) else part


@dataclass
class BodyResult:
    preamble: list[Block]
    operative: list[Block]
    annexes: list[Annex]
    marker_units: list[tuple[str, object, int]]  # (marker, unit or annex, page) in reading order
    # (unit, wrap-up, heading or annex; a block of its text; the name of the body rule that took the block)
    # in reading order: where each came from on the page, for `resparse inspect` and `resparse debug`
    # (see `structure/trace.py`). A unit joined from several blocks has several.
    sources: list[tuple[object, TextBlock, str]] = field(default_factory=list)


@dataclass(frozen=True)
class BlockReading:
    """A block as the body rules read it: its joined text, its leading label, and the text, footnote
    references and italic lead it has as an unnumbered paragraph."""

    block: TextBlock
    text: str
    label: Label | None
    plain: tuple[str, list[FootnoteRef], str | None]
    following: Label | None = None  # the label of the block after it, if any

    @property
    def opens_lower(self) -> bool:
        return self.plain[0][:1].islower()

    def opens_with_lead(self, min_chars: int) -> bool:
        """Whether the block opens with an italic lead ("ссылаясь на …", "Recalling …"): words (`min_chars` or
        more) followed by the paragraph's text in another face, not an italic letter or word alone (a table's
        cell)."""
        text, _, lead = self.plain
        return lead is not None and len(lead) >= min_chars and len(lead) < len(text.rstrip(",;:. "))


@dataclass(frozen=True)
class BodyRule:
    """One convention of the body: whether it takes a block in the builder's present state (`applies`),
    and what taking it does (`take`). The convention is told in the docstring of `applies`."""

    name: str
    applies: Callable[[BodyBuilder, BlockReading], bool]
    take: Callable[[BodyBuilder, BlockReading], None]
    # False for a block outside the text (a closing line): the next block is read as if it were absent.
    in_text: bool = True


class BodyBuilder:
    """Reads the body's blocks in order, each taken by the first rule of `BODY_RULES` that applies.

    The rules gather drafts private to the builder; `result` builds every unit, heading and annex once,
    complete, when all blocks have been read.
    """

    def __init__(self, vocabulary: set[str], known_notes: set[str], italics_in_use: bool, body_size: float,
                 settings: StructureSettings = DEFAULT_STRUCTURE):
        self.settings = settings
        self.vocab = vocabulary
        self.known_notes = known_notes
        self.italics = italics_in_use
        self.body_size = body_size
        self.preamble = _Container("preamble")
        self.operative = _Container("operative")
        self.annexes: list[_AnnexDraft] = []
        self.current = self.preamble
        self.previous: str | None = None  # the rule that took the last block of the text
        self.taking = ""  # the rule taking the block being read
        self.markers: list[tuple[str, object, int]] = []
        self.sources: list[tuple[object, TextBlock, str]] = []

    # ------------------------------------------------------------------ text of a block
    def _unit_text(self, block: TextBlock, skip: int) -> tuple[str, list[FootnoteRef], str | None]:
        from .footnotes import inline_slash_markers

        text, markers = block.text, block.markers
        lead = _lead(block, skip)
        body = text[skip:].lstrip()
        cut = len(text) - len(body)
        refs = [FootnoteRef(m, max(0, off - cut)) for m, off in markers]
        body, slash = inline_slash_markers(body, self.known_notes)
        if slash:
            refs = sorted(refs + [FootnoteRef(m, off) for m, off in slash], key=lambda r: r.offset)
        return body, refs, lead

    def read(self, block: TextBlock, following: TextBlock | None = None) -> BlockReading:
        return BlockReading(block, block.text, parse_label(block.text), self._unit_text(block, 0),
                            parse_label(following.text) if following is not None else None)

    # ------------------------------------------------------------------ dispatch
    def rule_for(self, block: TextBlock, following: TextBlock | None = None) -> BodyRule | None:
        """The rule that takes `block` (before `following`) in the builder's present state; None for a block
        without text."""
        return _first_rule(self, self.read(block, following)) if block.text else None

    def feed(self, block: TextBlock, following: TextBlock | None = None) -> None:
        if not block.text:
            return
        reading = self.read(block, following)
        rule = _first_rule(self, reading)
        self.taking = rule.name
        rule.take(self, reading)
        if rule.in_text:
            self.previous = rule.name

    # ------------------------------------------------------------------ pieces
    def _source(self, owner: object, block: TextBlock) -> None:
        self.sources.append((owner, block, self.taking))

    def _record_markers(self, block: TextBlock, owner: object) -> None:
        markers = block.markers
        for (m, _), page in zip(markers, marker_pages(block.lines), strict=False):
            self.markers.append((m, owner, page))

    def _add_unit_markers(self, unit: _UnitDraft | WrapUp, block: TextBlock) -> None:
        pages = marker_pages(block.lines)
        for i, r in enumerate(unit.footnotes):
            page = pages[i] if i < len(pages) else (block.pages[-1])
            self.markers.append((r.marker, unit, page))

    def _place(self, draft: _UnitDraft, block: TextBlock) -> None:
        """A new paragraph at the top level of the current container; it closes the open lists."""
        draft.first_x0 = block.lines[0].x0 if block.lines else None
        self.current.blocks.append(draft)
        self.current.levels = []
        self._add_unit_markers(draft, block)
        self._source(draft, block)

    def _last_ends_with_colon(self) -> bool:
        last = self.operative.last_paragraph()
        return last is not None and not last.items and terminal(last.text) == ":"

    def _annex_in_sequence(self, m: re.Match) -> bool:
        """A new annex continues the numbering of the last one ("Annex I" → "Annex II"); any other label
        inside an annex belongs to the annexed text itself (an agreement's own annex)."""
        if not self.annexes:
            return True
        kind, num = m.group(1).lower(), m.group(2)
        prev_label = self.annexes[-1].label.split()
        prev_kind = prev_label[0].lower() if prev_label else ""
        prev_num = prev_label[1] if len(prev_label) > 1 else None
        if kind != prev_kind:
            return kind.startswith("app") and not prev_kind.startswith("app") or prev_kind == ""
        if num is None or prev_num is None:
            return False
        return _label_value(num) == _label_value(prev_num) + 1

    def _title_like(self, block: TextBlock) -> bool:
        """Set as a title: bold, larger than the text, or in capitals."""
        return block.bold or block.size > self.body_size * self.settings.title_size_ratio or block.text.isupper()

    def _open_annex(self, label: str, title: str, block: TextBlock) -> None:
        annex = _AnnexDraft(label=label, title=title, pages=block.pages,
                            content=_Container("annex", nest_under_unnumbered=False))
        self.annexes.append(annex)
        self.current = annex.content
        self._record_markers(block, annex)
        self._source(annex, block)

    def _item(self, block: TextBlock, label: Label) -> None:
        cont = self.current
        text, refs, _ = self._unit_text(block, label.length)
        item = _UnitDraft(kind="item", number=label.value, text=text, lead=None, footnotes=refs, pages=block.pages)
        family = _item_family(label, cont.levels)
        # Close deeper levels until one of the same family is found, else open a new level.
        depth = None
        for i in range(len(cont.levels) - 1, -1, -1):
            if cont.levels[i].family == family:
                depth = i
                break
        if depth is not None:
            del cont.levels[depth:]
        parent: _UnitDraft | None
        if cont.levels:
            parent = cont.levels[-1].unit
        else:
            parent = cont.last_paragraph()
            if parent is not None and not cont.nest_under_unnumbered and parent.number == "":
                parent = None
            if parent is not None and parent.wrap_up is not None:
                parent = None
        if parent is None:
            cont.blocks.append(item)
        else:
            parent.items.append(item)
        cont.levels.append(_Level(family, label.key, item))
        self._add_unit_markers(item, block)
        self._source(item, block)

    def _new_paragraph(self, r: BlockReading) -> bool:
        """A block opening in lower case with an italic lead, where the text sets its leads in italics, opens a
        paragraph: languages that open preambular paragraphs in lower case (Russian "ссылаясь на …",
        un-conventions §7) mark the paragraph by its lead, not by a capital."""
        return self.italics and r.opens_with_lead(self.settings.lead_min_chars)

    def _continued(self) -> _UnitDraft | None:
        """The unit a block opening in lower case carries on: the paragraph of the open list, or else the
        last unit (None after a heading)."""
        cont = self.current
        last = cont.blocks[-1] if cont.blocks else None
        if not isinstance(last, _UnitDraft):
            return None
        return cont.last_paragraph() if cont.levels else last

    def _start_operative(self) -> None:
        """Headings printed right before the first operative paragraph head the operative part."""
        moved: list[_UnitDraft | Heading] = []
        while self.preamble.blocks and isinstance(self.preamble.blocks[-1], Heading):
            moved.insert(0, self.preamble.blocks.pop())
        self.operative.blocks.extend(moved)
        self.current = self.operative

    @staticmethod
    def _is_operative_unnumbered(text: str, lead: str | None) -> bool:
        """The single unnumbered operative paragraph closes with a full stop, or opens a list after a verb."""
        end = terminal(text)
        first = (lead or text).split()[0] if (lead or text).split() else ""
        participle = first.endswith(P.LEAD_ENDINGS) or first in P.LEAD_WORDS
        if end in {".", ";"}:
            return not participle or end == "."
        return end == ":" and not participle

    def result(self) -> BodyResult:
        """The body's tree, each part built once from its draft."""
        return BodyResult(
            preamble=[_node(b) for b in self.preamble.blocks],
            operative=[_node(b) for b in self.operative.blocks],
            annexes=[a.node for a in self.annexes],
            marker_units=[(m, _node(owner), page) for m, owner, page in self.markers],
            sources=[(_node(owner), block, rule) for owner, block, rule in self.sources],
        )


# ---------------------------------------------------------------------- the body rules
# Each rule is a pair: `applies(builder, reading)` says whether the convention it implements (cited in its
# docstring, from un-conventions.md) takes the block; `take(builder, reading)` does what it says.


def _closing_line_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """closing-line (§3.7): the meeting line, the date and the adoption note printed after the text
    ("58th plenary meeting", "4 March 2025", "[Adopted without a vote.]") are not paragraphs."""
    return is_closing_block(r.block)


def _closing_line_take(b: BodyBuilder, r: BlockReading) -> None:
    """The block is left out of the tree."""


def _annex_label_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """annex-label (§3.8): "Annex", "Annex I", "Appendix", "Anexo" ... set as a label (bold, larger, in
    capitals, or a few words alone) opens an annex, if it continues the numbering of the annexes before."""
    m = P.ANNEX_LABEL.match(r.text)
    return (
        m is not None
        and b._annex_in_sequence(m)
        and (b._title_like(r.block) or len(r.text.split()) <= b.settings.annex_label_max_words)
    )


def _annex_label_take(b: BodyBuilder, r: BlockReading) -> None:
    """A new annex, with the title printed after the label on its line ("Annex – Declaration"), if any;
    the blocks after it are its content."""
    m = P.ANNEX_LABEL.match(r.text)
    assert m is not None
    label = " ".join(x for x in (m.group(1), m.group(2)) if x)
    b._open_annex(label, (m.group(3) or "").strip(), r.block)


def _annexed_text_heading_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """annexed-text-heading (§2.3, §3.8): the block after an annex label, set as a title, that opens with a
    resolution's or decision's number on a line of its own ("Resolution 74/5", then its title) heads a text
    reproduced in the annex: the annex has no title of its own, and the number and the title are the
    headings of that text, as printed."""
    return (
        b.previous == "annex-label"
        and not b.annexes[-1].title
        and b._title_like(r.block)
        and P.ANNEXED_TEXT_NUMBER.fullmatch(r.block.lines[0].text.strip()) is not None
    )


def _annexed_text_heading_take(b: BodyBuilder, r: BlockReading) -> None:
    """Two headings: the number line, and the rest of the block (the text's title, with its markers); the
    number alone when the title is a block of its own (a heading after it)."""
    first = r.block.lines[0]
    number = Heading(text=" ".join(first.text.split()), pages=[first.page])
    rest = r.text[len(number.text):].strip()
    title = Heading(text=rest, pages=r.block.pages) if rest else None
    b.current.blocks += [number] if title is None else [number, title]
    b.current.levels = []
    b._record_markers(r.block, title or number)
    for heading in (number, title):
        if heading is not None:
            b._source(heading, r.block)


def _annex_title_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """annex-title (§3.8): the block right after an annex label without a title, if set as a title (bold,
    larger or in capitals), is the annex's title."""
    return b.previous == "annex-label" and not b.annexes[-1].title and b._title_like(r.block)


def _annex_title_take(b: BodyBuilder, r: BlockReading) -> None:
    """The block is the annex's title, whole (a title wrapping over lines is one block); later bold blocks
    are headings."""
    annex = b.annexes[-1]
    annex.title = r.text
    b._source(annex, r.block)
    b._record_markers(r.block, annex)


def _inline_annex_title_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """inline-annex-title (§3.4, §3.7): in the operative part, a bold title set larger than the text, after
    a paragraph that introduces what follows with a colon ("Adopts the following Declaration:"), heads
    the text adopted there."""
    return (
        b.current is b.operative
        and r.block.bold
        and r.block.size > b.body_size * b.settings.title_size_ratio
        and b._last_ends_with_colon()
    )


def _inline_annex_title_take(b: BodyBuilder, r: BlockReading) -> None:
    """The adopted text is kept as an annex without a label, titled by the block."""
    b._open_annex("", r.text, r.block)


def _adopted_text_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """adopted-text (§3.1, §3.2): in the operative part, an enacting formula ("The General Assembly,") after a
    paragraph that introduces what follows with a colon ("Recommends to the General Assembly the adoption of
    the following draft resolution:", "decided to adopt the following text:") opens a text of its own: a
    document has one formula, so a second one is the formula of the text that paragraph adopts or
    recommends, with its own preamble and paragraphs numbered from 1."""
    return b.current is b.operative and b._last_ends_with_colon() and is_formula(r.block, b.italics, b.settings)


def _adopted_text_take(b: BodyBuilder, r: BlockReading) -> None:
    """The text is kept as an annex without a label or title, opening with its formula as a paragraph."""
    b._open_annex("", "", r.block)
    _unnumbered_paragraph_take(b, r)


def _agreed_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """agreed (§3.3, treaty texts): in the preamble, the phrase that closes a treaty's preamble ("Have agreed as
    follows:", "Han convenido en lo siguiente:", "Sont convenues de ce qui suit :") completes the sentence its
    formula opens ("The Parties to this Agreement, Recalling …, Have agreed as follows:") and introduces the
    articles."""
    return b.current is b.preamble and r.label is None and P.AGREED.match(" ".join(r.text.split())) is not None


def _agreed_take(b: BodyBuilder, r: BlockReading) -> None:
    """The phrase is the last paragraph of the preamble, unnumbered, as printed; the blocks after it (the Parts,
    Articles and their numbered paragraphs) are the operative part."""
    text, refs, lead = r.plain
    b._place(_UnitDraft(kind="paragraph", number="", text=text, lead=lead, footnotes=refs,
                        pages=r.block.pages), r.block)
    b._start_operative()


def _heading_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """heading (§3.6): a bold block, short, without the punctuation of a sentence ("A. Mandate", "Political
    situation"), heads the paragraphs after it."""
    return is_heading(r.block, b.settings)


def _heading_take(b: BodyBuilder, r: BlockReading) -> None:
    """A heading in the current container; it closes the open lists."""
    heading = Heading(text=r.text, pages=r.block.pages)
    b.current.blocks.append(heading)
    b.current.levels = []
    b._record_markers(r.block, heading)
    b._source(heading, r.block)


def _plain_heading_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """plain-heading (§3.6): past the preamble, a line of its own in the text's type, a few words opening with
    a capital and without the punctuation that ends a paragraph, followed by a numbered paragraph, is a
    heading even when not set in bold (Security Council resolutions: "Reporting", "Designation criteria")."""
    text = r.text
    return (
        b.current is not b.preamble
        and r.label is None
        and r.following is not None
        and r.following.family == "number"
        and len(r.block.lines) == 1
        and text[:1].isupper()
        and len(text.split()) <= b.settings.plain_heading_max_words
        and terminal(text) not in PARAGRAPH_ENDINGS
        and not r.block.markers
    )


def _numbered_item_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """numbered-item (§3.5): an Arabic number that sets out a list inside a unit — "1." after an item that
    closes with a colon, or after a numbered paragraph that does ("… taken towards the following:") when
    it is indented past that paragraph's first line — and the numbers that follow it in sequence."""
    levels = b.current.levels
    label = r.label
    if label is None or label.family != "number" or not label.key.isdigit():
        return False
    numbered = [lv for lv in levels if lv.family == "number"]
    if numbered:  # the next number of an open numbered list, whatever lists are open inside its last item
        return numbered[-1].last_key.isdigit() and int(label.key) == int(numbered[-1].last_key) + 1
    if label.key != "1":
        return False
    if levels:
        return terminal(levels[-1].unit.text) == ":"
    para = b.current.last_paragraph()
    return (para is not None and para.number.isdigit() and para.number != "0" and terminal(para.text) == ":"
            and para.first_x0 is not None and bool(r.block.lines)
            and r.block.lines[0].x0 >= para.first_x0 + b.settings.nested_list_indent_min)


def _item_take(b: BodyBuilder, r: BlockReading) -> None:
    """An item under the open list's level of its label family, or under the last paragraph."""
    assert r.label is not None
    b._item(r.block, r.label)


def _numbered_paragraph_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """numbered-paragraph (§3.4, §6.18): "1.", "2." ... open a numbered paragraph: operative in the text
    (the first one ends the preamble), a paragraph of the annexed text in an annex."""
    return r.label is not None and r.label.family == "number"


def _numbered_paragraph_take(b: BodyBuilder, r: BlockReading) -> None:
    """A numbered paragraph (its italic lead kept) at the top level of the current container."""
    assert r.label is not None
    if b.current is b.preamble:
        b._start_operative()
    text, refs, lead = b._unit_text(r.block, r.label.length)
    b._place(_UnitDraft(kind="paragraph", number=r.label.value, text=text, lead=lead, footnotes=refs,
                        pages=r.block.pages), r.block)


def _undotted_number_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """undotted-number (§3.4): a paragraph opening with a bare number and a capital ("11 Condemns …", the dot
    lost) is the numbered paragraph that number says, when it is the next in the sequence of the paragraphs
    before it: numbering, not a figure that opens a sentence ("2030 Agenda", "15 States")."""
    m = BARE_NUMBER.match(r.text) if r.label is None else None
    if m is None or b.current is b.preamble:
        return False
    numbers = [p.number for p in b.current.blocks if isinstance(p, _UnitDraft) and p.kind == "paragraph"]
    return bool(numbers) and numbers[-1].isdigit() and int(m.group(1)) == int(numbers[-1]) + 1


def _undotted_number_take(b: BodyBuilder, r: BlockReading) -> None:
    """Taken as the numbered paragraph it is."""
    m = BARE_NUMBER.match(r.text)
    assert m is not None
    _numbered_paragraph_take(b, replace(r, label=Label("number", m.group(1), m.group(1), len(m.group(0)))))


def _item_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """item (§3.5, §6.8): "(a)", "(i)", "a)", "a.", "•" open a sub-paragraph, nested by label family and by
    the previous sibling's label ("(i)" after "(h)" is a letter, "(ii)" after "(i)" a numeral)."""
    return r.label is not None and r.label.family != "number"


def _wrap_up_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """wrap-up (§3.5, §6.9): text opening in lower case, without a label, after the items of a paragraph
    resumes that paragraph after its list ("...; and urges ...")."""
    if r.label is not None or not r.opens_lower or not b.current.levels or b._new_paragraph(r):
        return False
    owner = b._continued()
    return owner is not None and bool(owner.items)


def _wrap_up_take(b: BodyBuilder, r: BlockReading) -> None:
    """The paragraph's wrap-up; the list is closed."""
    owner = b._continued()
    assert owner is not None
    text, refs, _ = r.plain
    wrap = WrapUp(id="", text=text, footnotes=refs)
    owner.wrap_up = wrap
    b.current.levels = []
    b._add_unit_markers(wrap, r.block)
    b._source(wrap, r.block)


def _continuation_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """continuation (§6.9): text opening in lower case, without a label, carries on the unit above it, cut
    by a page break or a footnote block."""
    return r.label is None and r.opens_lower and not b._new_paragraph(r) and b._continued() is not None


def _continuation_take(b: BodyBuilder, r: BlockReading) -> None:
    """The text is added to the unit; a preambular paragraph is classified again on its whole text, and
    moves to the operative part if that closes like the single operative paragraph (§3.4)."""
    owner = b._continued()
    assert owner is not None
    cont = b.current
    block = r.block
    text, refs, _ = r.plain
    owner.carry_on(text, refs, block.pages)
    for ref, page in zip(refs, marker_pages(block.lines) + block.pages * len(refs), strict=False):
        b.markers.append((ref.marker, owner, page))
    b._source(owner, block)
    if cont is b.preamble and owner is cont.blocks[-1] and b._is_operative_unnumbered(owner.text, owner.lead):
        cont.blocks.pop()
        b._start_operative()
        b.current.blocks.append(owner)


def _unnumbered_paragraph_applies(b: BodyBuilder, r: BlockReading) -> bool:
    """unnumbered-paragraph (§3.3, §3.4, §6.15): a block without a label is an unnumbered paragraph:
    preambular while it opens with a participle or adjective or closes with a comma; the single
    operative paragraph of a text when it closes with a full stop, or opens a list after a verb."""
    return r.label is None


def _unnumbered_paragraph_take(b: BodyBuilder, r: BlockReading) -> None:
    """An unnumbered paragraph (its italic lead kept); in the preamble, one that closes like the single
    operative paragraph starts the operative part."""
    text, refs, lead = r.plain
    if b.current is b.preamble and b._is_operative_unnumbered(text, lead):
        b._start_operative()
    b._place(_UnitDraft(kind="paragraph", number="", text=text, lead=lead, footnotes=refs,
                        pages=r.block.pages), r.block)


# The body rules in order of precedence: the first that applies takes the block. Closing lines come first (a date
# line is never a paragraph); annex labels and titles before headings (both are bold and short), and the number of a
# text reproduced in an annex before the annex title; an adopted text's title before headings (it is bold too, but
# larger, after a colon), and its formula before the unnumbered paragraph that would otherwise take it; the phrase
# closing a treaty's preamble before the unnumbered paragraph; headings (bold, or plain before a numbered paragraph)
# before labels (a heading may be numbered "1."); a numbered list inside an item before the numbered paragraph;
# labelled blocks before unlabelled ones (a number that lost its dot is told by the sequence); of these, a wrap-up
# before a continuation (both open in lower case), and the unnumbered paragraph last: it takes every block without a
# label that nothing else took.
BODY_RULES: tuple[BodyRule, ...] = (
    BodyRule("closing-line", _closing_line_applies, _closing_line_take, in_text=False),
    BodyRule("annex-label", _annex_label_applies, _annex_label_take),
    BodyRule("annexed-text-heading", _annexed_text_heading_applies, _annexed_text_heading_take),
    BodyRule("annex-title", _annex_title_applies, _annex_title_take),
    BodyRule("inline-annex-title", _inline_annex_title_applies, _inline_annex_title_take),
    BodyRule("adopted-text", _adopted_text_applies, _adopted_text_take),
    BodyRule("agreed", _agreed_applies, _agreed_take),
    BodyRule("heading", _heading_applies, _heading_take),
    BodyRule("plain-heading", _plain_heading_applies, _heading_take),
    BodyRule("numbered-item", _numbered_item_applies, _item_take),
    BodyRule("numbered-paragraph", _numbered_paragraph_applies, _numbered_paragraph_take),
    BodyRule("item", _item_applies, _item_take),
    BodyRule("undotted-number", _undotted_number_applies, _undotted_number_take),
    BodyRule("wrap-up", _wrap_up_applies, _wrap_up_take),
    BodyRule("continuation", _continuation_applies, _continuation_take),
    BodyRule("unnumbered-paragraph", _unnumbered_paragraph_applies, _unnumbered_paragraph_take),
)


def body_rule(name: str) -> BodyRule:
    """The body rule called `name` ("heading", "wrap-up", ...)."""
    for rule in BODY_RULES:
        if rule.name == name:
            return rule
    raise KeyError(name)


def _first_rule(b: BodyBuilder, r: BlockReading) -> BodyRule:
    # The last rule takes every block without a label, and the labelled ones are all taken before it.
    return next(rule for rule in BODY_RULES if rule.applies(b, r))


def _lead(block: TextBlock, skip: int) -> str | None:
    """The italic words that open a paragraph after its label ("Noting with appreciation")."""
    out = ""
    seen = 0
    for span in block.lines[0].spans:
        if span.marker:
            continue
        if seen + len(span.text) <= skip:
            seen += len(span.text)
            continue
        piece = span.text[max(0, skip - seen) :]
        seen += len(span.text)
        if not piece.strip():
            out += piece
            continue
        if span.italic:
            out += piece
        else:
            break
    lead = re.sub(r"[\s,;:]+$", "", out.strip())
    return lead or None


def build_body(
    blocks: Sequence[TextBlock], vocabulary: set[str], known_notes: set[str], italics_in_use: bool, body_size: float,
    settings: StructureSettings = DEFAULT_STRUCTURE,
) -> BodyResult:
    """The body stage: the blocks after the enacting formula, read in order by `BODY_RULES`."""
    builder = BodyBuilder(vocabulary, known_notes, italics_in_use, body_size, settings)
    for i, b in enumerate(blocks):
        builder.feed(b, blocks[i + 1] if i + 1 < len(blocks) else None)
    return builder.result()
