"""The document tree: what a parsed UN resolution is, independent of how it is written out.

`Document.to_dict()` is the single serialisation source: JSON and YAML writers only dump it,
so the two formats cannot disagree, and the JSON Schema in `resparse/schema/` describes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..citations.model import Citation

SCHEMA_VERSION = "1.4"

DOCUMENT_TYPES = ("resolution", "draft_resolution", "decision", "draft_decision", "other")


@dataclass
class FootnoteRef:
    """A footnote marker that stood in a unit's text, removed from it; `offset` is where it stood."""

    marker: str
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "offset": self.offset}


@dataclass
class WrapUp:
    """Text of a paragraph that resumes after its last item ("...; and urges ...")."""

    id: str
    text: str
    footnotes: list[FootnoteRef] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "footnotes": [f.to_dict() for f in self.footnotes],
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass
class Unit:
    """A paragraph (preambular, operative or annex) or a sub-paragraph item.

    `kind` is "paragraph" or "item"; `number` is the label as printed without a trailing dot
    ("1", "(a)", "a)", "•") or "" when unnumbered.
    """

    kind: str
    number: str
    text: str
    id: str = ""
    lead: str | None = None
    footnotes: list[FootnoteRef] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    items: list[Unit] = field(default_factory=list)
    wrap_up: WrapUp | None = None
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.kind, "number": self.number}
        if self.kind == "paragraph":
            out["lead"] = self.lead
        out["text"] = self.text
        out["footnotes"] = [f.to_dict() for f in self.footnotes]
        out["pages"] = list(self.pages)
        out["items"] = [i.to_dict() for i in self.items]
        out["citations"] = [c.to_dict() for c in self.citations]
        if self.wrap_up is not None:
            out["wrap_up"] = self.wrap_up.to_dict()
        return out

    def walk(self):
        """This unit and every item below it, depth first."""
        yield self
        for item in self.items:
            yield from item.walk()


@dataclass
class Heading:
    """A heading printed between paragraphs ("Political situation", "A. Mandate")."""

    text: str
    id: str = ""
    pages: list[int] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": "heading",
            "text": self.text,
            "pages": list(self.pages),
            "citations": [c.to_dict() for c in self.citations],
        }


Block = Unit | Heading


@dataclass
class Formula:
    """The enacting formula ("The General Assembly,")."""

    text: str
    id: str = "formula"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclass
class Annex:
    """An annex or appendix: its label as printed ("Annex I"; "" for a text adopted inline)."""

    label: str
    title: str
    id: str = ""
    content: list[Block] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "title": self.title,
            "content": [b.to_dict() for b in self.content],
            "pages": list(self.pages),
        }


@dataclass
class Footnote:
    """A note printed under the rule at a page bottom; `ref` is the id of the unit citing it."""

    marker: str
    text: str
    page: int
    ref: str | None = None
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "marker": self.marker,
            "text": self.text,
            "ref": self.ref,
            "page": self.page,
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass
class Warning:
    """Something that looked wrong in the document; never raised, always reported."""

    code: str
    message: str
    at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "at": self.at}


@dataclass
class Source:
    file: str
    sha256: str
    pages: int
    format: str = "pdf"
    engine: str = "pdfium"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sha256": self.sha256, "pages": self.pages, "format": self.format,
                "engine": self.engine}


@dataclass
class Metadata:
    symbol: str | None = None  # canonical (as citations name it)
    symbols: list[str] = field(default_factory=list)
    symbol_printed: str | None = None  # the symbol line as printed
    document_type: str = "other"
    body: str | None = None
    distribution: str | None = None
    date: str | None = None
    language: str | None = None
    original_language: str | None = None
    session: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    job_number: str | None = None
    number: str | None = None
    title: str | None = None
    sponsors: list[str] = field(default_factory=list)
    submitted_by: str | None = None
    adoption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "symbols": list(self.symbols),
            "symbol_printed": self.symbol_printed,
            "document_type": self.document_type,
            "body": self.body,
            "distribution": self.distribution,
            "date": self.date,
            "language": self.language,
            "original_language": self.original_language,
            "session": self.session,
            "agenda_items": list(self.agenda_items),
            "job_number": self.job_number,
            "number": self.number,
            "title": self.title,
            "sponsors": list(self.sponsors),
            "submitted_by": self.submitted_by,
            "adoption": self.adoption,
        }


@dataclass
class Preamble:
    formula: Formula | None = None
    paragraphs: list[Block] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "formula": self.formula.to_dict() if self.formula else None,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }


@dataclass
class Document:
    source: Source
    metadata: Metadata = field(default_factory=Metadata)
    preamble: Preamble = field(default_factory=Preamble)
    operative: list[Block] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "source": self.source.to_dict(),
            "metadata": self.metadata.to_dict(),
            "preamble": self.preamble.to_dict(),
            "operative": [b.to_dict() for b in self.operative],
            "annexes": [a.to_dict() for a in self.annexes],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "warnings": [w.to_dict() for w in self.warnings],
        }
