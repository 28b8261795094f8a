"""Text blocks after the heading block → preamble, operative part and annexes (un-conventions §3).

Each block is classified by its leading label ("1.", "(a)", "a)", "•"), its type (bold headings),
and its place: unnumbered paragraphs before the first operative paragraph are preambular; an
unnumbered paragraph that closes with a full stop (or opens a list with a colon after an operative
verb) is the single operative paragraph of a decision; items nest by label family and by the
previous sibling's label, so that "(i)" after "(h)" is a letter and "(ii)" after "(i)" a numeral.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..layout.blocks import TextBlock, marker_pages
from ..model.document import Annex, Block, FootnoteRef, Heading, Unit, WrapUp
from . import patterns as P
from .wordlists import words

# An enacting formula is short; a paragraph that opens with the organ's name is longer.
FORMULA_MAX_WORDS = 30
# A heading is short: longer bold blocks are emphasised paragraphs.
HEADING_MAX_CHARS = 400
# A block set this much larger than body text, in bold, is a title (of an annex or adopted text).
TITLE_SIZE_RATIO = 1.08
CLOSING_QUOTES = "”’\"')]»"


@dataclass
class Label:
    family: str  # "number", "paren", "close", "dot", "bullet"
    value: str  # as printed without a trailing dot: "1", "(a)", "a)", "•"
    key: str  # the bare letters or digits: "1", "a", "ii"
    length: int  # characters of the block text the label takes, spaces included


def parse_label(text: str) -> Label | None:
    for family, rx in (
        ("number", P.NUMBER_LABEL),
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
    return any(rx.match(t) for rx in P.CLOSING) or bool(P.DATE.fullmatch(t))


def is_closing_block(block: TextBlock) -> bool:
    """Meeting line, date and adoption note that close a text ("58th plenary meeting / 4 March 2025")."""
    return is_closing_line(block.text) or all(is_closing_line(ln.text) for ln in block.lines)


def is_formula(block: TextBlock, italics_in_use: bool) -> bool:
    """The enacting formula: the organ's name and a comma ("The General Assembly,"), a few words long."""
    t = block.text
    if not P.FORMULA.match(t) or len(t.split()) > FORMULA_MAX_WORDS:
        return False
    if italics_in_use and not block.lines[0].spans[0].italic:
        return False
    last = t.rstrip(",").split()[-1] if t.rstrip(",").split() else ""
    return t.endswith(",") and any(h in t for h in P.FORMULA_HEADS) or last in {h.split()[-1] for h in P.FORMULA_HEADS}


def is_heading(block: TextBlock) -> bool:
    t = block.text
    if not t or len(t) > HEADING_MAX_CHARS or not block.bold:
        return False
    return terminal(t) not in {";", ","} and not (terminal(t) == "." and len(t.split()) > 12)


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


@dataclass
class _Level:
    family: str  # "letter", "roman", "close-letter", "close-roman", "dot", "bullet"
    last_key: str
    unit: Unit


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


@dataclass
class Container:
    """Where blocks go: the preamble, the operative part or an annex's content."""

    name: str
    blocks: list[Block] = field(default_factory=list)
    levels: list[_Level] = field(default_factory=list)
    nest_under_unnumbered: bool = True

    def last_paragraph(self) -> Unit | None:
        for b in reversed(self.blocks):
            if isinstance(b, Unit) and b.kind == "paragraph":
                return b
            if isinstance(b, Heading):
                return None
        return None


@dataclass
class BodyResult:
    preamble: list[Block]
    operative: list[Block]
    annexes: list[Annex]
    marker_units: list[tuple[str, object, int]]  # (marker, unit or annex, page) in reading order
    # (unit, wrap-up, heading or annex; a block of its text) in reading order: where each came from on
    # the page, for `resparse inspect` (see `structure/trace.py`). A unit joined from several blocks has several.
    sources: list[tuple[object, TextBlock]] = field(default_factory=list)


class BodyBuilder:
    def __init__(self, vocabulary: set[str], known_notes: set[str], italics_in_use: bool, body_size: float):
        self.vocab = vocabulary
        self.known_notes = known_notes
        self.italics = italics_in_use
        self.body_size = body_size
        self.preamble = Container("preamble")
        self.operative = Container("operative")
        self.annexes: list[tuple[Annex, Container]] = []
        self.current = self.preamble
        self.annex_title_open = False
        self.markers: list[tuple[str, object, int]] = []
        self.sources: list[tuple[object, TextBlock]] = []

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

    # ------------------------------------------------------------------ dispatch
    def feed(self, block: TextBlock) -> None:
        text = block.text
        if not text:
            return
        if is_closing_block(block):
            return
        m = P.ANNEX_LABEL.match(text)
        if (
            m
            and self._annex_in_sequence(m)
            and (
                block.bold or block.size > self.body_size * TITLE_SIZE_RATIO or text.isupper() or len(text.split()) <= 3
            )
        ):
            self._open_annex(m, block)
            return
        if self.annex_title_open:
            annex, _ = self.annexes[-1]
            if block.bold or block.size > self.body_size * TITLE_SIZE_RATIO or text.isupper():
                annex.title = text  # one block: a title wrapping over lines; later bold blocks are headings
                self.annex_title_open = False
                self.sources.append((annex, block))
                self._record_markers(block, annex)
                return
            self.annex_title_open = False
        if (
            self.current is self.operative
            and block.bold
            and block.size > self.body_size * TITLE_SIZE_RATIO
            and self._last_ends_with_colon()
        ):
            self._open_inline_annex(block)
            return
        if is_heading(block):
            self._heading(block)
            return
        label = parse_label(text)
        if label is not None and label.family == "number":
            self._numbered(block, label)
        elif label is not None:
            self._item(block, label)
        else:
            self._unnumbered(block)

    # ------------------------------------------------------------------ pieces
    def _record_markers(self, block: TextBlock, owner: object) -> None:
        markers = block.markers
        for (m, _), page in zip(markers, marker_pages(block.lines), strict=False):
            self.markers.append((m, owner, page))

    def _add_unit_markers(self, unit: Unit | WrapUp, block: TextBlock) -> None:
        pages = marker_pages(block.lines)
        for i, r in enumerate(unit.footnotes):
            page = pages[i] if i < len(pages) else (block.pages[-1])
            self.markers.append((r.marker, unit, page))

    def _last_ends_with_colon(self) -> bool:
        last = self.operative.last_paragraph()
        return last is not None and not last.items and terminal(last.text) == ":"

    def _annex_in_sequence(self, m: re.Match) -> bool:
        """A new annex continues the numbering of the last one ("Annex I" → "Annex II"); any other label
        inside an annex belongs to the annexed text itself (an agreement's own annex)."""
        if not self.annexes:
            return True
        kind, num = m.group(1).lower(), m.group(2)
        prev_label = self.annexes[-1][0].label.split()
        prev_kind = prev_label[0].lower() if prev_label else ""
        prev_num = prev_label[1] if len(prev_label) > 1 else None
        if kind != prev_kind:
            return kind.startswith("app") and not prev_kind.startswith("app") or prev_kind == ""
        if num is None or prev_num is None:
            return False
        return _label_value(num) == _label_value(prev_num) + 1

    def _open_annex(self, m: re.Match, block: TextBlock) -> None:
        label = " ".join(x for x in (m.group(1), m.group(2)) if x)
        annex = Annex(label=label, title=(m.group(3) or "").strip(), pages=block.pages)
        self.annexes.append((annex, Container("annex", nest_under_unnumbered=False)))
        self.current = self.annexes[-1][1]
        self.annex_title_open = not annex.title
        self._record_markers(block, annex)
        self.sources.append((annex, block))

    def _open_inline_annex(self, block: TextBlock) -> None:
        annex = Annex(label="", title=block.text, pages=block.pages)
        self.annexes.append((annex, Container("annex", nest_under_unnumbered=False)))
        self.current = self.annexes[-1][1]
        self.annex_title_open = False
        self._record_markers(block, annex)
        self.sources.append((annex, block))

    def _heading(self, block: TextBlock) -> None:
        self.current.blocks.append(Heading(text=block.text, pages=block.pages))
        self.current.levels = []
        self._record_markers(block, self.current.blocks[-1])
        self.sources.append((self.current.blocks[-1], block))

    def _numbered(self, block: TextBlock, label: Label) -> None:
        levels = self.current.levels
        if levels and terminal(levels[-1].unit.text) == ":" and label.key == "1" or (
            levels and levels[-1].family == "number"
        ):
            self._item(block, label)  # a numbered list quoted inside an item ("as set out below:")
            return
        if self.current is self.preamble:
            self._start_operative()
        text, refs, lead = self._unit_text(block, label.length)
        unit = Unit(kind="paragraph", number=label.value, text=text, lead=lead, footnotes=refs, pages=block.pages)
        self.current.blocks.append(unit)
        self.current.levels = []
        self._add_unit_markers(unit, block)
        self.sources.append((unit, block))

    def _item(self, block: TextBlock, label: Label) -> None:
        cont = self.current
        text, refs, _ = self._unit_text(block, label.length)
        item = Unit(kind="item", number=label.value, text=text, footnotes=refs, pages=block.pages)
        family = _item_family(label, cont.levels)
        # Close deeper levels until one of the same family is found, else open a new level.
        depth = None
        for i in range(len(cont.levels) - 1, -1, -1):
            if cont.levels[i].family == family:
                depth = i
                break
        if depth is not None:
            del cont.levels[depth:]
        parent: Unit | None
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
        self.sources.append((item, block))

    def _unnumbered(self, block: TextBlock) -> None:
        cont = self.current
        text, refs, lead = self._unit_text(block, 0)
        first = text[:1]
        # A lower-case start carries on the paragraph above (after a list: its wrap-up).
        last = cont.blocks[-1] if cont.blocks else None
        if first.islower() and isinstance(last, Unit):
            owner = cont.last_paragraph() if cont.levels else last
            if owner is not None and owner.items and cont.levels:
                wrap = WrapUp(id="", text=text, footnotes=refs)
                owner.wrap_up = wrap
                cont.levels = []
                self._add_unit_markers(wrap, block)
                self.sources.append((wrap, block))
                return
            if owner is not None:
                shift = len(owner.text) + 1
                owner.text = f"{owner.text} {text}"
                owner.footnotes += [FootnoteRef(r.marker, r.offset + shift) for r in refs]
                for r, page in zip(refs, marker_pages(block.lines) + block.pages * len(refs), strict=False):
                    self.markers.append((r.marker, owner, page))
                owner.pages = sorted(set(owner.pages) | set(block.pages))
                self.sources.append((owner, block))
                if (
                    cont is self.preamble
                    and owner is cont.blocks[-1]
                    and self._is_operative_unnumbered(owner.text, owner.lead)
                ):
                    # Classified on its whole text: the paragraph that closes with a full stop is operative.
                    cont.blocks.pop()
                    self._start_operative()
                    self.current.blocks.append(owner)
                return
        if cont is self.preamble and self._is_operative_unnumbered(text, lead):
            self._start_operative()
            cont = self.current
        unit = Unit(kind="paragraph", number="", text=text, lead=lead, footnotes=refs, pages=block.pages)
        cont.blocks.append(unit)
        cont.levels = []
        self._add_unit_markers(unit, block)
        self.sources.append((unit, block))

    def _start_operative(self) -> None:
        """Headings printed right before the first operative paragraph head the operative part."""
        moved: list[Block] = []
        while self.preamble.blocks and isinstance(self.preamble.blocks[-1], Heading):
            moved.insert(0, self.preamble.blocks.pop())
        self.operative.blocks.extend(moved)
        self.current = self.operative

    @staticmethod
    def _is_operative_unnumbered(text: str, lead: str | None) -> bool:
        """The single unnumbered operative paragraph closes with a full stop, or opens a list after a verb."""
        end = terminal(text)
        first = (lead or text).split()[0] if (lead or text).split() else ""
        participle = first.endswith(words("lead_endings")) or first in words("lead_adjectives")
        if end in {".", ";"}:
            return not participle or end == "."
        return end == ":" and not participle

    def result(self) -> BodyResult:
        annexes = []
        for annex, cont in self.annexes:
            annex.content = cont.blocks
            annexes.append(annex)
        return BodyResult(self.preamble.blocks, self.operative.blocks, annexes, self.markers, self.sources)


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
    blocks: Sequence[TextBlock], vocabulary: set[str], known_notes: set[str], italics_in_use: bool, body_size: float
) -> BodyResult:
    builder = BodyBuilder(vocabulary, known_notes, italics_in_use, body_size)
    for b in blocks:
        builder.feed(b)
    return builder.result()
