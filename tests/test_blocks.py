"""The blocks stage (`layout.blocks.build_blocks`) on synthetic laid-out pages: where one block ends and the
next begins (blocks.py's module docstring, un-conventions §3.5, §3.6, §6.5, §6.7, §6.9).

Pages are A4 with a 10-point text column from x=72 to x=500, lines at single spacing (a 12-point pitch,
baseline to baseline) and 6 points of extra space between paragraphs, as UN documents are set.
"""

from __future__ import annotations

from factories import BODY_SIZE, MARGIN, RIGHT, laid_out_page, line
from resparse.layout.blocks import build_blocks
from resparse.model.text import Line, Page, Span

PITCH = 12.0  # single spacing of 10-point text
PARAGRAPH_SPACE = 6.0  # extra space UN documents put between paragraphs
INDENT = MARGIN + 28.0  # where a paragraph's first line (or its number) starts


def run(texts: list[str], top: float, *, first_x0: float = MARGIN, last_full: bool = False, bold: bool = False,
        size: float = BODY_SIZE, page: int = 1, pitch: float = PITCH) -> list[Line]:
    """The lines of one paragraph from `top` on: every line full (ending at the right edge) except the last,
    which ends where its text ends unless `last_full`."""
    out = []
    for i, text in enumerate(texts):
        full = i < len(texts) - 1 or last_full
        out.append(line(text, top=top + i * pitch, x0=first_x0 if i == 0 else MARGIN, x1=RIGHT if full else None,
                        size=size, bold=bold, page=page))
    return out


def below(lines: list[Line], space: float = 0.0, pitch: float = PITCH) -> float:
    """The top of the line after `lines`, `space` points lower than single spacing puts it."""
    return lines[-1].top + pitch + space


def texts(*pages: Page) -> list[str]:
    return [b.text for b in build_blocks(pages)]


RECALLING = [
    "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030",
    "Agenda for Sustainable Development”, in which it adopted a comprehensive, far-reaching and people-",
    "centred set of universal and transformative Goals and targets,",
]
NOTING = [
    "Noting with appreciation the work of the Commission on Crime Prevention and Criminal Justice and of",
    "the United Nations Office on Drugs and Crime in support of Member States,",
]
RECALLING_TEXT = " ".join(RECALLING).replace("people- centred", "people-centred")
NOTING_TEXT = " ".join(NOTING)


# --- extra vertical space ------------------------------------------------------------------------------


def test_extra_space_between_paragraphs_starts_a_new_block():
    first = run(RECALLING, 100.0)
    second = run(NOTING, below(first, PARAGRAPH_SPACE))
    assert texts(laid_out_page(1, first + second)) == [RECALLING_TEXT, NOTING_TEXT]


def test_lines_at_single_spacing_stay_one_block():
    first = run(RECALLING, 100.0)
    second = run(NOTING, below(first))
    assert texts(laid_out_page(1, first + second)) == [RECALLING_TEXT + " " + NOTING_TEXT]


def test_a_little_uneven_leading_is_not_a_paragraph_break():
    first = run(RECALLING, 100.0)
    second = run(NOTING, below(first, 1.5))  # well under the 6 points between paragraphs
    assert len(texts(laid_out_page(1, first + second))) == 1


# --- change of size or weight (headings, §3.6) --------------------------------------------------------


def test_a_larger_line_is_a_block_of_its_own():
    title = [line("Cooperation between the United Nations and the Forum", top=80.0, size=12.0)]
    # The text follows at the leading of its own size: no extra space, only the change of size.
    body = run(RECALLING, title[0].bottom + 0.2 * BODY_SIZE)
    assert texts(laid_out_page(1, title + body)) == [
        "Cooperation between the United Nations and the Forum", RECALLING_TEXT,
    ]


def test_a_large_title_that_wraps_at_its_own_leading_is_one_block():
    # Leading grows with the type: 14-point lines follow each other at 1.4 times the text's pitch.
    title = run(["Cooperation between the United Nations and the", "Economic Community of Central African States"],
                60.0, size=14.0, pitch=PITCH * 1.4)
    body = run(RECALLING, below(title, PARAGRAPH_SPACE, pitch=PITCH * 1.4))
    assert texts(laid_out_page(1, title + body + run(NOTING, below(body, PARAGRAPH_SPACE)))) == [
        "Cooperation between the United Nations and the Economic Community of Central African States",
        RECALLING_TEXT, NOTING_TEXT,
    ]


def test_a_bold_heading_line_is_a_block_of_its_own():
    heading = [line("Political situation", top=88.0, bold=True)]
    body = run(RECALLING, below(heading))
    assert texts(laid_out_page(1, heading + body)) == ["Political situation", RECALLING_TEXT]


def test_a_bold_line_after_regular_text_starts_a_new_block():
    body = run(RECALLING, 100.0, last_full=True)
    heading = [line("Political situation", top=below(body), bold=True)]
    assert texts(laid_out_page(1, body + heading)) == [RECALLING_TEXT, "Political situation"]


def test_a_paragraph_set_in_bold_after_its_lead_is_one_block():
    # The first line opens with an italic lead and goes on in bold; the next lines are all bold: the weight does
    # not change at the break (a heading would change it, above or below).
    first = Line([Span("Recognizing ", italic=True), Span("the efforts of the Committee of Experts to", bold=True)],
                 x0=INDENT, x1=RIGHT, top=100.0, bottom=100.0 + BODY_SIZE, size=BODY_SIZE, page=1)
    rest = run(["establish the global centre on geospatial knowledge,"], 100.0 + PITCH, bold=True)
    blocks = build_blocks([laid_out_page(1, [first, *rest])])
    assert [len(b.lines) for b in blocks] == [2]
    plain = run(RECALLING, 100.0 + 2 * PITCH, first_x0=INDENT)  # regular text right below: the weight changes
    assert [len(b.lines) for b in build_blocks([laid_out_page(1, [first, *rest, *plain])])] == [2, len(RECALLING)]


def _with_text_below(heading: list[Line]) -> list[Line]:
    """A heading and the paragraphs under it (they give the page its text column)."""
    body = run(RECALLING, below(heading, PARAGRAPH_SPACE))
    return heading + body + run(NOTING, below(body, PARAGRAPH_SPACE))


def test_a_short_bold_line_is_a_heading_of_its_own():
    heading = [line("Decision 1", top=88.0, bold=True),
               line("Election of members of the Committee", top=88.0 + PITCH, bold=True)]
    assert texts(laid_out_page(1, _with_text_below(heading)))[:2] == [
        "Decision 1", "Election of members of the Committee",
    ]


def test_a_bold_heading_that_wraps_over_the_column_is_one_block():
    heading = [line("Cooperation between the United Nations and the Economic Community of Central", top=88.0,
                    x1=RIGHT, bold=True),
               line("African States", top=88.0 + PITCH, bold=True)]
    assert texts(laid_out_page(1, _with_text_below(heading)))[0] == (
        "Cooperation between the United Nations and the Economic Community of Central African States"
    )


# --- labelled lines at the paragraph indent (§3.5, §6.7) -----------------------------------------------

ITEM_A = ["(a) To strengthen the capacity of national statistical institutions to collect and analyse",
          "data on the situation of children, in particular girls and children with disabilities;"]
ITEM_B = ["(b) To report to the General Assembly at its eighty-first session on the implementation of the",
          "present resolution;"]


def test_a_labelled_line_at_the_paragraph_indent_starts_a_new_block():
    # No extra space, and the line before it is full: only the label at the indent tells.
    a = run(ITEM_A, 100.0, first_x0=INDENT, last_full=True)
    b = run(ITEM_B, below(a), first_x0=INDENT)
    assert texts(laid_out_page(1, a + b)) == [" ".join(ITEM_A), " ".join(ITEM_B)]


def test_a_numbered_paragraph_at_the_indent_starts_a_new_block():
    first = run(["1. Decides to remain seized of the matter and to keep the situation under close review",
                 "throughout the period of the mandate;"], 100.0, first_x0=INDENT, last_full=True)
    second = run(["2. Requests the Secretary-General to report on the implementation of the present",
                  "resolution;"], below(first), first_x0=INDENT)
    assert len(texts(laid_out_page(1, first + second))) == 2


def test_a_label_in_running_text_at_the_line_start_does_not_start_a_block():
    # "paragraph 1 (b) above" broken before "(b)": at the margin, after a line that closes nothing (§6.7).
    lines = run(["Recalling the request made to the Secretary-General in paragraph 1",
                 "(b) of its resolution 79/1 to submit a report on the matter at its present session,"], 100.0)
    assert len(texts(laid_out_page(1, lines))) == 1


def test_an_indented_first_line_after_a_closing_line_starts_a_new_paragraph():
    first = run(RECALLING, 100.0, first_x0=INDENT)
    second = run(NOTING, below(first), first_x0=INDENT)  # no extra space: only the first-line indent tells
    assert texts(laid_out_page(1, first + second)) == [RECALLING_TEXT, NOTING_TEXT]


def test_a_one_line_paragraph_at_the_indent_ends_before_the_next_indented_line():
    # The enacting formula above the first preambular paragraph, both at the first-line indent (§3.2).
    formula = [line("The Security Council,", top=100.0, x0=INDENT)]
    body = run(RECALLING, below(formula), first_x0=INDENT)
    assert texts(laid_out_page(1, formula + body + run(NOTING, below(body, PARAGRAPH_SPACE)))) == [
        "The Security Council,", RECALLING_TEXT, NOTING_TEXT,
    ]


# --- a paragraph over a page break (§6.9) --------------------------------------------------------------

OPENING = ["1. Decides that the general debate of the eightieth session shall be held in accordance with",
           "the practice followed at previous sessions, and that the general debate of the"]
CARRIED = ["Assembly at its eightieth session shall open on Tuesday, 23 September 2025, and continue until",
           "Monday, 29 September 2025;"]
NEXT = ["2. Requests the Secretary-General to bring the present resolution to the attention of all Member",
        "States;"]


def _page_two(first: list[str]) -> Page:
    carried = run(first, 72.0, page=2)
    return laid_out_page(2, carried + run(NEXT, below(carried, PARAGRAPH_SPACE), first_x0=INDENT, page=2))


def _page_one(last: list[str], *, last_full: bool = True) -> Page:
    preamble = run(RECALLING, 500.0, first_x0=INDENT)
    opening = run(last, below(preamble, PARAGRAPH_SPACE), first_x0=INDENT, last_full=last_full)
    return laid_out_page(1, preamble + opening)


def test_a_paragraph_cut_by_a_page_break_is_one_block_over_both_pages():
    blocks = build_blocks([_page_one(OPENING), _page_two(CARRIED)])
    assert [b.text for b in blocks] == [RECALLING_TEXT, " ".join(OPENING + CARRIED), " ".join(NEXT)]
    assert blocks[1].pages == [1, 2]


def test_a_paragraph_that_ends_at_the_page_foot_does_not_run_on():
    closed = [OPENING[0], "the practice followed at previous sessions;"]
    new_paragraph = ["Further decides that the list of speakers for the general debate shall be established",
                     "on a first-come, first-served basis;"]
    blocks = build_blocks([_page_one(closed, last_full=False), _page_two(new_paragraph)])
    assert [b.pages for b in blocks] == [[1], [1], [2], [2]]


def test_a_labelled_line_at_the_top_of_a_page_does_not_run_on():
    page_two = laid_out_page(2, run(NEXT, 72.0, page=2))
    blocks = build_blocks([_page_one(OPENING), page_two])
    assert [b.text for b in blocks][-1] == " ".join(NEXT)
    assert blocks[-1].pages == [2]
