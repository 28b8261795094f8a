"""The footnote area of synthetic pages: found by its separator (typed or drawn) or, with none printed, by
its small type at the page foot; note markers hung in the margin, printed twice or in two glyph runs.

Pages are laid out as Word prints a UN document (un-conventions §4): 10pt body text, 8.5pt notes whose
raised 4.9pt marker hangs in the margin with a tab before the note text, wrapped note lines at the text's left
edge. Glyphs use a top-left origin with y growing downwards, as the PDF engines report them.
"""

from __future__ import annotations

from resparse.layout.blocks import build_blocks, join_lines
from resparse.layout.lines import marker_texts
from resparse.layout.page import layout_pages
from resparse.model.document import Source
from resparse.model.text import Char, Line, Page, PageChars, Rule, Span
from resparse.schema import validate
from resparse.structure.builder import build_document
from resparse.structure.footnotes import parse_footnotes

A4 = (595.0, 842.0)
BODY, NOTE, NOTE_MARKER, BODY_MARKER = 10.0, 8.5, 4.9, 6.5
LEFT, INDENT, MARKER_X = 123.5, 147.2, 101.9  # text's left edge, first-line indent, hung note marker
BODY_PITCH, NOTE_PITCH = 12.0, 10.5
NOTE_RISE, BODY_RISE = 3.3, 3.5


def run(text: str, x: float, bottom: float, size: float) -> tuple[list[Char], float]:
    """Glyphs of `text` from `x` on (a space is a gap, not a glyph), and the x where they end."""
    chars = []
    for ch in text:
        if ch == " ":
            x += size * 0.25
            continue
        chars.append(Char(ch, x, x + size * 0.5, bottom - size, bottom, size, "LiberationSerif"))
        x += size * 0.5
    return chars, x


FILLER = ["the Council decides to continue its consideration of the question at its next session and requests"] * 12


def body_lines(texts: list[str], top: float = 120.0) -> tuple[list[Char], float]:
    """Body lines at single spacing from `top` (after a page's worth of plain text, so that the body size is
    the document's); `{n}` in a text is a raised marker n. Also the last baseline."""
    chars: list[Char] = []
    bottom = top
    texts = FILLER + texts
    for i, text in enumerate(texts):
        bottom = top + i * BODY_PITCH
        x = LEFT
        for j, piece in enumerate(text.replace("}", "{").split("{")):
            if j % 2:
                glyphs, x = run(piece, x, bottom - BODY_RISE, BODY_MARKER)
            else:
                glyphs, x = run(piece, x, bottom, BODY)
            chars += glyphs
    return chars, bottom


def note_lines(notes: list[tuple[str | None, list[str]]], first_baseline: float) -> list[Char]:
    """Note lines from `first_baseline` down: (marker or None for a carried-over text, its lines)."""
    chars: list[Char] = []
    bottom = first_baseline
    for marker, lines in notes:
        for i, text in enumerate(lines):
            if i == 0 and marker is not None:
                chars += run(marker, MARKER_X, bottom - NOTE_RISE, NOTE_MARKER)[0]
                chars += run(text, INDENT, bottom, NOTE)[0]
            else:
                chars += run(text, LEFT, bottom, NOTE)[0]
            bottom += NOTE_PITCH
    return chars


def page(number: int, chars: list[Char], rules: list[Rule] | None = None) -> PageChars:
    return PageChars(number=number, width=A4[0], height=A4[1], chars=chars, rules=rules or [])


def drawn_rule(top: float) -> Rule:
    """LibreOffice's separator: a filled rule from the left margin, about a third of the text width."""
    return Rule(60.0, 183.0, top)


def laid_out(*pages: PageChars) -> list[Page]:
    return layout_pages(list(pages))


def note_texts(pages: list[Page]) -> list[tuple[str, str]]:
    return [(f.marker, f.text) for f in parse_footnotes(pages)]


BODY_TEXTS = [
    "Recalling the Beijing Declaration and Platform for Action,{1} adopted in 1995,",
    "and the 2030 Agenda for Sustainable Development,{2} and its follow-up and review,",
]
NOTES = [
    ("1", ["Report of the Fourth World Conference on Women, Beijing, 4-15 September 1995",
           "(United Nations publication, Sales No. E.96.IV.13), chap. I, resolution 1, annex I."]),
    ("2", ["General Assembly resolution 70/1."]),
]
EXPECTED = [
    ("1", "Report of the Fourth World Conference on Women, Beijing, 4-15 September 1995 (United Nations "
          "publication, Sales No. E.96.IV.13), chap. I, resolution 1, annex I."),
    ("2", "General Assembly resolution 70/1."),
]


# --- where the footnote area is ----------------------------------------------------------------------


def test_notes_under_a_drawn_rule_with_hung_markers_are_whole():
    body, _ = body_lines(BODY_TEXTS)
    pages = laid_out(page(1, body + note_lines(NOTES, 700.0), [drawn_rule(688.0)]))
    assert [ln.text for ln in pages[0].body][-2:] == [t.replace("{1}", "").replace("{2}", "") for t in BODY_TEXTS]
    assert pages[0].note_top == 688.0
    assert note_texts(pages) == EXPECTED


def test_a_hung_marker_becomes_the_marker_span_of_its_note_line():
    body, _ = body_lines(BODY_TEXTS)
    pages = laid_out(page(1, body + note_lines(NOTES, 700.0), [drawn_rule(688.0)]))
    first = pages[0].notes[0]
    assert first.spans[0] == Span("1", marker=True)
    assert first.x0 == MARKER_X
    assert first.text.startswith("Report of the Fourth")


def test_notes_under_typed_underscores():
    body, _ = body_lines(BODY_TEXTS)
    underscores = run("_" * 15, LEFT, 690.0, BODY)[0]
    pages = laid_out(page(1, body + underscores + note_lines(NOTES, 704.0)))
    assert "_" * 15 in [ln.text for ln in pages[0].furniture]
    assert note_texts(pages) == EXPECTED


def test_notes_without_a_separator_are_found_by_their_small_type_at_the_page_foot():
    body, _ = body_lines(BODY_TEXTS)
    pages = laid_out(page(1, body + note_lines(NOTES, 700.0)))
    assert len(pages[0].notes) == 3
    assert pages[0].note_top is not None and pages[0].note_top < 700.0 - NOTE
    assert note_texts(pages) == EXPECTED


def test_a_short_rule_in_the_body_with_body_text_below_is_not_a_separator():
    body, _ = body_lines(BODY_TEXTS * 3, top=400.0)
    pages = laid_out(page(1, body, [drawn_rule(450.0)]))  # body lines run on below it
    assert pages[0].notes == [] and pages[0].note_top is None


def test_small_text_at_the_foot_without_a_marker_is_not_a_note():
    body, _ = body_lines(BODY_TEXTS)
    caption = run("Source: Department of Economic and Social Affairs.", LEFT, 700.0, NOTE)[0]
    pages = laid_out(page(1, body + caption))
    assert pages[0].notes == []


CONTINUED = [
    ("1", ["Report of the Fourth World Conference on Women, Beijing, 4-15 September 1995",
           "(United Nations publication, Sales No. E.96.IV.13),"]),
]
CARRIED = [(None, ["chap. I, resolution 1, annex I."])]


def test_a_note_continued_on_the_next_page_under_a_rule_comes_out_whole():
    body, _ = body_lines(BODY_TEXTS[:1])
    page2_body, _ = body_lines(["5. Decides to remain seized of the matter."])
    pages = laid_out(page(1, body + note_lines(CONTINUED, 710.0), [drawn_rule(698.0)]),
                     page(2, page2_body + note_lines(CARRIED + [("2", ["Resolution 70/1."])], 710.0),
                          [drawn_rule(698.0)]))
    assert note_texts(pages) == [EXPECTED[0], ("2", "Resolution 70/1.")]


def test_a_note_continued_on_a_page_without_a_separator_comes_out_whole():
    body, _ = body_lines(BODY_TEXTS[:1])
    page2_body, _ = body_lines(["5. Decides to remain seized of the matter."])
    pages = laid_out(page(1, body + note_lines(CONTINUED, 710.0)),
                     page(2, page2_body + note_lines(CARRIED, 710.0)))
    assert [ln.text for ln in pages[1].notes] == ["chap. I, resolution 1, annex I."]
    assert note_texts(pages) == [EXPECTED[0]]


def test_carried_text_before_a_note_whose_marker_stands_above_is_part_of_the_notes():
    page2_body, _ = body_lines(["5. Takes note of the report{2} of the Secretary-General;"])
    carried = note_lines(CARRIED + [("2", ["E/2018/53."])], 700.0)
    # The first page's note ends a sentence, so nothing says a note goes on: the marker 2 does.
    first_page, _ = body_lines(BODY_TEXTS[:1])
    pages = laid_out(page(1, first_page + note_lines([NOTES[0]], 710.0)), page(2, page2_body + carried))
    assert [ln.text for ln in pages[1].notes] == ["chap. I, resolution 1, annex I.", "E/2018/53."]
    assert [ln.text for ln in pages[1].body][-1] == "5. Takes note of the report of the Secretary-General;"


def test_a_page_after_notes_that_end_a_sentence_does_not_take_small_unmarked_text_as_notes():
    body, _ = body_lines(BODY_TEXTS)
    source = run("Source: Department of Economic and Social Affairs.", LEFT, 700.0, NOTE)[0]
    pages = laid_out(page(1, body + note_lines(NOTES, 700.0)), page(2, body + source))
    assert pages[1].notes == []


# --- markers that are not one raised glyph run -------------------------------------------------------


def test_a_marker_drawn_twice_is_one_marker():
    assert marker_texts("2 2") == ["2"]
    assert marker_texts("1 2") == ["12"]  # a number printed as two runs: markers at one point take commas
    assert marker_texts("4, 5") == ["4", "5"]
    assert marker_texts(" , ") == []


def test_a_body_marker_printed_twice_gives_one_reference():
    line = Line([Span("the 2030 Agenda"), Span("2 2", marker=True), Span(" and")], LEFT, 400.0, 100.0, 110.0,
                BODY, 1)
    assert join_lines([line]) == ("the 2030 Agenda and", [("2", len("the 2030 Agenda"))])


def note_page(*lines: list[Span]) -> Page:
    notes = [Line(spans, MARKER_X, 400.0, 700.0 + i * NOTE_PITCH, 708.0 + i * NOTE_PITCH, NOTE, 1)
             for i, spans in enumerate(lines)]
    return Page(1, *A4, body=[], notes=notes)


def test_a_note_marker_in_two_runs_gives_one_schema_valid_marker():
    pages = [note_page([Span("2 2", marker=True), Span("General Assembly resolution 70/1.")])]
    assert note_texts(pages) == [("2", "General Assembly resolution 70/1.")]


def test_a_symbol_typed_again_after_its_raised_mark_is_not_note_text():
    pages = [note_page([Span("*", marker=True), Span("* Reissued for technical reasons on 31 August 2018.")])]
    assert note_texts(pages) == [("*", "Reissued for technical reasons on 31 August 2018.")]


def test_a_number_at_the_start_of_a_note_text_is_kept():
    pages = [note_page([Span("3", marker=True), Span("3 December 2015 is the date of the report.")])]
    assert note_texts(pages) == [("3", "3 December 2015 is the date of the report.")]


def test_a_marker_span_of_commas_only_does_not_open_a_note():
    pages = [note_page([Span("1", marker=True), Span("Resolution 70/1, annex,")],
                       [Span(",", marker=True), Span("para. 4.")])]
    assert note_texts(pages) == [("1", "Resolution 70/1, annex, para. 4.")]


def test_a_document_whose_markers_are_printed_twice_is_schema_valid():
    body, _ = body_lines(["Recalling the 2030 Agenda for Sustainable Development,{2 2} adopted in 2015,"])
    doubled = [c for c in note_lines([("2", ["General Assembly resolution 70/1."])], 700.0)]
    doubled += run("2", MARKER_X + 4.0, 700.0 - NOTE_RISE, NOTE_MARKER)[0]  # the marker drawn again beside it
    pages = laid_out(page(1, body + doubled, [drawn_rule(688.0)]))
    doc = build_document(pages, build_blocks(pages), Source(file="x.pdf", sha256="0" * 64, pages=1))
    assert [(f.marker, f.text) for f in doc.footnotes] == [("2", "General Assembly resolution 70/1.")]
    assert doc.footnotes[0].ref is not None
    assert validate(doc.to_dict()) == []
