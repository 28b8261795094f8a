"""Layout stages on synthetic glyphs and lines (no PDF): characters → lines, furniture, joined text.

Glyphs are laid out here the way a PDF engine reports them: top-left origin, y growing downwards, one
`Char` per glyph, 10pt body text, 6.5pt superscript markers raised by ~1/3 of the body size.
"""

from __future__ import annotations

import pytest

from resparse.layout.blocks import TextBlock, build_blocks, join_lines, vocabulary
from resparse.layout.lines import build_lines
from resparse.layout.page import is_furniture_text
from resparse.model.text import Char, Line, Page, PageChars, Span

BODY = 10.0
MARKER = 6.5
BASELINE = 100.0
MARKER_BASELINE = BASELINE - 3.5  # a superscript sits above the body baseline
WORD_SPACE = 2.5  # points between two words at 10pt
A4 = (595.0, 842.0)


def glyphs(text: str, x: float, bottom: float = BASELINE, size: float = BODY, *, italic: bool = False,
           bold: bool = False, space: float = WORD_SPACE) -> tuple[list[Char], float]:
    """Glyphs of `text` from `x` on (a space is a gap of `space` points, not a glyph); also the end x."""
    advance = size * 0.5
    chars: list[Char] = []
    for ch in text:
        if ch == " ":
            x += space
            continue
        chars.append(Char(ch, x, x + advance, bottom - size, bottom, size, "TimesNewRomanPSMT",
                          bold=bold, italic=italic))
        x += advance
    return chars, x


def page_of(*runs: list[Char], number: int = 1) -> PageChars:
    return PageChars(number=number, width=A4[0], height=A4[1], chars=[c for run in runs for c in run])


# --- build_lines ----------------------------------------------------------------------------------


def test_glyphs_on_one_baseline_make_one_line():
    chars, end = glyphs("Decides to remain seized of the matter.", 72)
    lines = build_lines(page_of(chars, number=3))
    assert len(lines) == 1
    line = lines[0]
    assert line.text == "Decides to remain seized of the matter."
    assert (line.x0, line.x1) == (72, end)
    assert line.bottom == BASELINE
    assert line.size == BODY
    assert line.page == 3
    assert not any(span.marker for span in line.spans)


def test_glyph_order_in_the_file_does_not_matter():
    chars, _ = glyphs("Recalling its resolution", 72)
    assert [ln.text for ln in build_lines(page_of(list(reversed(chars))))] == ["Recalling its resolution"]


def test_lines_come_top_to_bottom():
    lower, _ = glyphs("second line", 72, bottom=BASELINE + 14)
    upper, _ = glyphs("first line", 72)
    assert [ln.text for ln in build_lines(page_of(lower, upper))] == ["first line", "second line"]


def test_small_raised_glyph_after_a_word_is_a_marker_span():
    before, x = glyphs("Recalling its resolution", 72)
    marker, x = glyphs("1", x + 0.3, bottom=MARKER_BASELINE, size=MARKER)
    after, _ = glyphs(" of 2015,", x)
    line, = build_lines(page_of(before, marker, after))
    assert [(s.text, s.marker) for s in line.spans] == [
        ("Recalling its resolution", False), ("1", True), (" of 2015,", False)]
    assert line.text == "Recalling its resolution of 2015,"
    assert line.raw == "Recalling its resolution1 of 2015,"
    assert line.bottom == BASELINE  # the marker does not move the baseline
    assert line.size == BODY


def test_marker_after_punctuation_at_the_end_of_a_line():
    before, x = glyphs("A/RES/70/1,", 72)
    marker, _ = glyphs("12", x + 0.2, bottom=MARKER_BASELINE, size=MARKER)
    line, = build_lines(page_of(before, marker))
    assert line.text == "A/RES/70/1,"
    assert [s.text for s in line.spans if s.marker] == ["12"]


def test_runs_far_apart_on_one_baseline_are_two_lines():
    left, _ = glyphs("United Nations", 72)
    right, _ = glyphs("A/RES/80/1", 450)
    lines = build_lines(page_of(right, left))
    assert [ln.text for ln in lines] == ["United Nations", "A/RES/80/1"]
    assert lines[0].x1 < lines[1].x0
    assert lines[0].bottom == lines[1].bottom == BASELINE


@pytest.mark.parametrize("gap", [2.0, 2.5, 5.0, 20.0], ids=["2pt", "2.5pt", "5pt", "tab-20pt"])
def test_a_word_gap_inserts_one_space(gap: float):
    first, x = glyphs("1.", 72)
    second, _ = glyphs("Decides", x + gap)
    line, = build_lines(page_of(first, second))
    assert line.text == "1. Decides"


def test_touching_glyphs_get_no_space():
    chars, _ = glyphs("Decides", 72)
    line, = build_lines(page_of(chars))
    assert line.text == "Decides"


def test_space_glyphs_do_not_double_the_space():
    first, x = glyphs("Noting", 72)
    space = [Char(" ", x, x + WORD_SPACE, BASELINE - BODY, BASELINE, BODY, "TimesNewRomanPSMT")]
    second, _ = glyphs("that", x + WORD_SPACE)
    line, = build_lines(page_of(first, space, second))
    assert line.text == "Noting that"


def test_italic_lead_is_its_own_span():
    lead, x = glyphs("Recalling", 72, italic=True)
    rest, _ = glyphs(" its resolution", x)
    line, = build_lines(page_of(lead, rest))
    assert line.text == "Recalling its resolution"
    assert line.spans[0].italic and line.spans[0].text.strip() == "Recalling"
    assert not line.spans[-1].italic
    assert not line.italic


def test_empty_page_has_no_lines():
    assert build_lines(page_of([])) == []


# --- is_furniture_text ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "2/10",
    "25-03668 (E)",
    "18-16895 (E)",
    "25-03668 (E) 050625",
    "24-13677* (E)",
    "V.22-21550 4/5",
    "V.22-21550",
    "2/3 25-03668",
    "*2503668*",
    "*1816895*",
    "  2/10 ",
    "Please recycle ♻",
    "Merci de recycler ♻",
    "Se ruega reciclar ♻",
])
def test_page_furniture(text: str):
    assert is_furniture_text(text)


@pytest.mark.parametrize("text", [
    "Decides to remain seized of the matter.",
    "2030 Agenda",
    "2030 Agenda for Sustainable Development",
    "A/RES/80/1",
    "12.",
    "(a) States",
    "In 2020-2025",
])
def test_body_text_is_not_furniture(text: str):
    assert not is_furniture_text(text)


# --- join_lines -------------------------------------------------------------------------------------


def line(*spans: str | Span, page: int = 1, top: float = 90.0) -> Line:
    return Line(spans=[s if isinstance(s, Span) else Span(s) for s in spans], x0=72.0, x1=500.0, top=top,
                bottom=top + BODY, size=BODY, page=page)


def marker(text: str) -> Span:
    return Span(text, marker=True)


def test_lines_are_joined_with_one_space():
    text, markers = join_lines([line("Noting with appreciation the work"), line("of the Commission,")])
    assert text == "Noting with appreciation the work of the Commission,"
    assert markers == []


@pytest.mark.parametrize("vocab", [None, set(), {"capacity-building", "building"}],
                         ids=["no-vocabulary", "empty", "compound-used"])
def test_line_end_hyphen_of_a_compound_is_kept(vocab):
    lines = [line("Stresses the importance of capacity-"), line("building in developing countries;")]
    text, _ = join_lines(lines, vocab)
    assert text == "Stresses the importance of capacity-building in developing countries;"


def test_line_end_hyphen_of_a_broken_word_is_removed():
    text, _ = join_lines([line("the sustainable devel-"), line("opment of all countries;")], {"development"})
    assert text == "the sustainable development of all countries;"


def test_line_end_hyphen_stays_without_evidence_of_the_joined_word():
    text, _ = join_lines([line("the sustainable devel-"), line("opment of all countries;")], {"sustainable"})
    assert text == "the sustainable devel-opment of all countries;"


def test_line_end_hyphen_before_a_capital_is_kept():
    vocab = {"nonselfgoverning", "selfgoverning"}
    text, _ = join_lines([line("the Non-Self-"), line("Governing Territories")], vocab)
    assert text == "the Non-Self-Governing Territories"


def test_vocabulary_of_a_document_keeps_its_compounds():
    elsewhere = TextBlock([line("national capacity-building efforts")])
    broken = [line("Stresses the importance of capacity-"), line("building;", top=104.0)]
    vocab = vocabulary([elsewhere, TextBlock(broken)])
    assert "capacity-building" in vocab
    assert join_lines(broken, vocab)[0] == "Stresses the importance of capacity-building;"


def test_soft_hyphen_at_a_line_end_is_removed():
    text, _ = join_lines([line("the develop\u00ad"), line("ment of")])
    assert text == "the development of"


def test_url_broken_at_a_slash_is_joined_without_a_space():
    text, _ = join_lines([line("see https://undocs.org/"), line("A/RES/70/1.")])
    assert text == "see https://undocs.org/A/RES/70/1."


def test_a_range_of_numbers_broken_after_its_dash_is_joined_without_a_space():
    assert join_lines([line("for the Decade 2011\u2013"), line("2020;")])[0] == "for the Decade 2011\u20132020;"
    assert join_lines([line("Cairo, 5\u2013"), line("13 September 1994")])[0] == "Cairo, 5\u201313 September 1994"
    assert join_lines([line("in the years \u2013"), line("2020 and after")])[0] == "in the years \u2013 2020 and after"
    assert join_lines([line("paragraph 5 \u2013"), line("and the rest")])[0] == "paragraph 5 \u2013 and the rest"


def test_marker_offset_is_the_length_of_the_text_before_it():
    text, markers = join_lines([line("Recalling its resolution 70/1", marker("1"), " of 25 September 2015,")])
    assert text == "Recalling its resolution 70/1 of 25 September 2015,"
    assert markers == [("1", len("Recalling its resolution 70/1"))]


def test_marker_offsets_on_a_later_line_and_after_collapsed_spaces():
    lines = [line("Recalling  its"), line("resolution 70/1,", marker("2"), " and its decision", marker("*"))]
    text, markers = join_lines(lines)
    assert text == "Recalling its resolution 70/1, and its decision"
    assert markers == [("2", len("Recalling its resolution 70/1,")), ("*", len(text))]


def test_marker_offset_after_a_repaired_hyphen():
    text, markers = join_lines([line("the devel-"), line("opment", marker("3"), " of")], {"development"})
    assert text == "the development of"
    assert markers == [("3", len("the development"))]


def test_a_span_with_two_markers_gives_both_at_one_offset():
    text, markers = join_lines([line("as agreed", marker("4, 5"), " in 2015")])
    assert text == "as agreed in 2015"
    assert markers == [("4", 9), ("5", 9)]


def test_marker_offset_after_a_soft_hyphen_inside_a_line():
    text, markers = join_lines([line("the develop\u00adment of", marker("2"), " States")])
    assert text == "the development of States"
    assert markers == [("2", len("the development of"))]


def test_blocks_are_joined_once_with_the_vocabulary_and_read_through_it():
    from resparse.layout.blocks import TextBlock, join_blocks
    from resparse.model.text import Line, Span

    def line(spans, top):
        return Line(spans, x0=72.0, x1=500.0, top=top, bottom=top + 10, size=10.0, page=1)

    block = TextBlock([line([Span("Welcomes the partici-")], 100.0),
                       line([Span("pation of States"), Span("2", marker=True), Span(" in the work;")], 112.0)])
    plain = block.text
    joined = join_blocks([block], {"participation"})[0]
    assert plain == "Welcomes the partici-pation of States in the work;"  # no vocabulary: the hyphen stays
    assert joined.text == "Welcomes the participation of States in the work;"
    assert joined.markers == [("2", len("Welcomes the participation of States"))]
    assert block.joined is None and joined.lines is block.lines  # a new block; the old one is unchanged


# --- blocks: paragraph spacing against the line pitch ------------------------------------------------------

def _page_of(*rows: tuple[str, float, float, bool]) -> Page:
    """A page whose body lines are `(text, baseline, size, bold)`, each at the left margin."""
    body = [Line([Span(t, bold=b)], x0=72.0, x1=500.0, top=base - size, bottom=base, size=size, page=1)
            for t, base, size, b in rows]
    return Page(number=1, width=595.0, height=842.0, body=body)


def test_paragraph_spacing_of_a_third_of_the_size_starts_a_block_and_a_larger_titles_leading_does_not():
    wrapped = [(f"line {i} of a paragraph that fills the column and goes on", 112.0 + 12 * i, 10.0, False)
               for i in range(4)]
    after = ("Next paragraph, set 4.5 points further down than the line pitch,", 112.0 + 12 * 3 + 16.5, 10.0, False)
    title = [("A title in larger bold type that wraps", 240.0, 14.0, True),
             ("over a second line at its own leading", 256.8, 14.0, True)]
    blocks = build_blocks([_page_of(*wrapped, after, *title)])
    assert [len(b.lines) for b in blocks] == [4, 1, 2]


def test_a_one_line_paragraph_at_the_first_line_indent_ends_before_the_next_indented_line():
    """"The Security Council," above "Recalling …" without extra space: two paragraphs (un-conventions §3.2)."""
    def at(text: str, base: float, x0: float, x1: float) -> Line:
        return Line([Span(text)], x0=x0, x1=x1, top=base - 10.0, bottom=base, size=10.0, page=1)

    body = [at("The Security Council,", 100.0, 108.0, 200.0),
            at("Recalling its previous resolutions on the situation in the region and", 112.0, 108.0, 500.0),
            at("the statements of its President,", 124.0, 72.0, 230.0),
            at("Reaffirming its strong commitment to the sovereignty and unity of the", 136.0, 108.0, 500.0),
            at("country and of its people, and the rest of this long line to the end,", 148.0, 72.0, 500.0),
            at("continued here,", 160.0, 72.0, 150.0)]
    blocks = build_blocks([Page(number=1, width=595.0, height=842.0, body=body)])
    assert [len(b.lines) for b in blocks] == [1, 2, 3]
