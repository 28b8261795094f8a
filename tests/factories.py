"""Test inputs made on the fly: small PDFs (good, damaged, encrypted, text-less) and hand-built Documents.

Nothing here is read from disk; every bad input is generated in the test that needs it.
"""

from __future__ import annotations

import io
import random
import re
import sys
import types

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resparse.layout.blocks import TextBlock, join_blocks
from resparse.model.document import (
    Annex,
    Document,
    Footnote,
    FootnoteRef,
    Formula,
    Heading,
    Metadata,
    Preamble,
    Source,
    Unit,
    Warning,
    WrapUp,
)
from resparse.model.text import Line, Page, Span

# --- PDFs -------------------------------------------------------------------------------------------

LINE = "Noting with appreciation the work of the Commission on Crime Prevention and Criminal Justice,"


def text_pdf(pages: int = 2, lines: int = 8, *, compress: bool = True) -> bytes:
    """A small valid PDF with a text layer (Helvetica, `lines` lines a page)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=1 if compress else 0, invariant=True)
    for page in range(pages):
        c.setFont("Helvetica", 11)
        for i in range(lines):
            c.drawString(72, 780 - 18 * i, f"{page + 1}.{i + 1} {LINE}")
        c.showPage()
    c.save()
    return buf.getvalue()


def rect_pdf() -> bytes:
    """A valid one-page PDF whose only content is a drawn rectangle: no text layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=True)
    c.rect(100, 300, 300, 200, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(data: bytes, *, user_password: str = "secret", owner_password: str | None = "owner",
                  algorithm: str = "RC4-128") -> bytes:
    """`data` encrypted by pypdf; with a non-empty user password nobody can open it without the password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def flipped_structure(data: bytes) -> bytes:
    """Every 13th byte after the header inverted: object dictionaries, streams and the xref table garbled."""
    out = bytearray(data)
    for i in range(100, len(out), 13):
        out[i] ^= 0xFF
    return bytes(out)


def flipped_content_stream(data: bytes) -> bytes:
    """The first 40 bytes of the first (ASCII85 + Flate encoded) content stream garbled."""
    start = data.index(b"stream\n") + len(b"stream\n")
    out = bytearray(data)
    for i in range(start, start + 40):
        out[i] ^= 0x55
    return bytes(out)


def garbled_middle(data: bytes) -> bytes:
    """The middle third of the file XOR 0x55: the file still opens, but its page content is garbage
    (pdfminer logs warnings while reading it)."""
    out = bytearray(data)
    for i in range(len(out) // 3, 2 * len(out) // 3):
        out[i] ^= 0x55
    return bytes(out)


def random_flips(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.choice([1, 3, 10, 50])):
        i = rng.randrange(len(out))
        out[i] ^= rng.randrange(1, 256)
    return bytes(out)


# --- Text blocks -----------------------------------------------------------------------------------

BODY_SIZE = 10.0
LINE_PITCH_RATIO = 1.2  # single spacing


def text_block(*lines: str, lead: str | None = None, bold: bool = False, size: float = BODY_SIZE, page: int = 1,
               top: float = 100.0, x0: float = 72.0) -> TextBlock:
    """A body block of `lines` (one string a line), joined as the pipeline joins it.

    `{3}` in a line is a superscript footnote marker 3; `lead` is the words that open the first line (after
    its label, if any) in italics. Lines follow each other at single spacing from `top` on `page`, from `x0`.
    """
    out = []
    for i, text in enumerate(lines):
        spans = []
        for j, piece in enumerate(re.split(r"\{(\w+)\}", text)):
            if j % 2:
                spans.append(Span(piece, marker=True))
            elif piece:
                spans.append(Span(piece, bold=bold))
        if i == 0 and lead is not None:
            first = spans[0]
            at = first.text.index(lead)
            spans[:1] = [s for s in (Span(first.text[:at], bold=bold), Span(lead, italic=True, bold=bold),
                                     Span(first.text[at + len(lead):], bold=bold)) if s.text]
        y = top + i * size * LINE_PITCH_RATIO
        out.append(Line(spans, x0=x0, x1=500.0, top=y, bottom=y + size, size=size, page=page))
    return join_blocks([TextBlock(out)], set())[0]


# --- Positioned lines and pages ---------------------------------------------------------------------

A4_WIDTH, A4_HEIGHT = 595.0, 842.0
MARGIN = 72.0  # left edge of the text column (wrapped lines)
RIGHT = 500.0  # right edge of the text column (full, justified lines)
CHAR_WIDTH_RATIO = 0.5  # a character is half an em wide


def line(text: str, *, top: float, x0: float = MARGIN, x1: float | None = None, size: float = BODY_SIZE,
         bold: bool = False, italic: bool = False, page: int = 1) -> Line:
    """One line of `text`, its top at `top`; it ends where its characters end unless `x1` says where
    (`RIGHT` for a full line of justified text)."""
    if x1 is None:
        x1 = x0 + len(text) * size * CHAR_WIDTH_RATIO
    return Line([Span(text, italic=italic, bold=bold)], x0=x0, x1=x1, top=top, bottom=top + size, size=size,
                page=page)


def laid_out_page(number: int, body: list[Line], *, furniture: list[Line] | None = None) -> Page:
    """An A4 page after layout with these body lines (and furniture)."""
    return Page(number=number, width=A4_WIDTH, height=A4_HEIGHT, body=body, furniture=furniture or [])


# --- Documents --------------------------------------------------------------------------------------

def sample_document(file: str = "A_RES_99_1.pdf", sha256: str = "0" * 64, pages: int = 3) -> Document:
    """A hand-made document that uses every part of the model (and non-ASCII text)."""
    return Document(
        source=Source(file=file, sha256=sha256, pages=pages),
        metadata=Metadata(
            symbol="A/RES/99/1", symbols=["A/RES/99/1"], document_type="resolution",
            body="General Assembly", distribution="General", date="2044-10-12", language="en",
            original_language="English", session="Ninety-ninth session", agenda_items=["68 (b)"],
            job_number="44-16895 (E)", number="99/1",
            title="Cooperation between the United Nations and the Café Island Forum",
            sponsors=["Atlantis", "Côte d’Azur"], submitted_by=None,
            adoption="Resolution adopted by the General Assembly on 12 October 2044",
        ),
        preamble=Preamble(
            formula=Formula(text="The General Assembly,"),
            paragraphs=[
                Unit(kind="paragraph", number="", id="pp_1", lead="Recalling",
                     text="Recalling its resolution 98/7 of 3 June 2043,",
                     footnotes=[FootnoteRef(marker="1", offset=44)], pages=[1]),
                Heading(text="Political situation", id="", pages=[1]),
                Unit(kind="paragraph", number="", id="pp_2", lead="Noting with appreciation",
                     text="Noting with appreciation the “capacity-building” work – in particular:", pages=[1],
                     items=[Unit(kind="item", number="(a)", id="pp_2__point_a", text="the reports;",
                                 pages=[1])]),
            ],
        ),
        operative=[
            Unit(kind="paragraph", number="1", id="para_1", lead="Endorses", text="Endorses the plan;",
                 pages=[1, 2]),
            Unit(kind="paragraph", number="2", id="para_2", lead="Requests",
                 text="Requests the Secretary-General:", pages=[2],
                 items=[
                     Unit(kind="item", number="(a)", id="para_2__point_a", text="To report;", pages=[2],
                          items=[Unit(kind="item", number="(i)", id="para_2__point_a__point_i",
                                      text="on progress;", pages=[2],
                                      footnotes=[FootnoteRef(marker="*", offset=12)])]),
                     Unit(kind="item", number="(b)", id="para_2__point_b", text="To consult;", pages=[2]),
                 ],
                 wrap_up=WrapUp(id="para_2__wrapup", text="and urges the Panel to act;")),
            Heading(text="B. Follow-up", id="heading_b", pages=[2]),
            Unit(kind="paragraph", number="3", id="para_3", lead="Decides", text="Decides to remain seized.",
                 pages=[2]),
        ],
        annexes=[
            Annex(label="Annex I", title="Recommendations", id="annex_1", pages=[3], content=[
                Heading(text="A. General", pages=[3]),
                Unit(kind="paragraph", number="", id="annex_1__para_1", text="The Forum recommends:",
                     pages=[3]),
                Unit(kind="item", number="(a)", id="annex_1__point_a", text="that States act;", pages=[3],
                     items=[Unit(kind="item", number="•", id="annex_1__point_a__point_1", text="now.",
                                 pages=[3])]),
            ]),
        ],
        footnotes=[
            Footnote(marker="1", text="United Nations, Treaty Series, vol. 2225, No. 39574.", page=1,
                     ref="pp_1"),
            Footnote(marker="*", text="Reissued for technical reasons.", page=2,
                     ref="para_2__point_a__point_i"),
            Footnote(marker="**", text="Submitted late.", page=1, ref="head"),
        ],
        warnings=[Warning(code="numbering_gap", message="paragraph 4 is missing", at="para_3")],
    )


def minimal_document() -> Document:
    """The least a valid document can be: a source and nothing found (document_type 'other')."""
    return Document(source=Source(file="letter.pdf", sha256="a" * 64, pages=1))


def install_fake_builder(monkeypatch, build=None) -> list:
    """Make `resparse.parse` use a stand-in for `resparse.structure.builder.build_document`.

    `build(pages, source) -> Document` defaults to `sample_document` with the real source. Returns
    the list of calls (laid-out pages, source) for inspection.
    """
    calls: list = []

    def build_document(pages, blocks, source, trace=None, settings=None, layout=None):
        calls.append((pages, source))
        if build is not None:
            return build(pages, source)
        return sample_document(file=source.file, sha256=source.sha256, pages=source.pages)

    module = types.ModuleType("resparse.structure.builder")
    module.build_document = build_document
    monkeypatch.setitem(sys.modules, "resparse.structure.builder", module)
    return calls
