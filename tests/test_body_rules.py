"""The body rules (`structure.body.BODY_RULES`), one by name: where each applies, where it does not, and what
it builds. Inputs are small synthetic blocks (`factories.text_block`) read by the body stage's public
functions: `build_body` for what is built, `BodyBuilder.rule_for` for which rule takes a block."""

from __future__ import annotations

import re

import pytest

from factories import BODY_SIZE, text_block
from resparse.layout.blocks import TextBlock
from resparse.model.document import Annex, Heading, Unit
from resparse.structure.body import BODY_RULES, BodyBuilder, BodyResult, body_rule, build_body

TITLE_SIZE = 12.0  # a title set larger than the 10-point text


def read(*blocks: TextBlock, known: tuple[str, ...] = ()) -> BodyResult:
    return build_body(blocks, set(), set(known), True, BODY_SIZE)


def rule_after(context: list[TextBlock], block: TextBlock) -> str:
    """The name of the rule that takes `block` once the `context` blocks have been read."""
    builder = BodyBuilder(set(), set(), True, BODY_SIZE)
    for b in context:
        builder.feed(b)
    rule = builder.rule_for(block)
    assert rule is not None
    return rule.name


def rules(result: BodyResult) -> list[str]:
    return [rule for _, _, rule in result.sources]


def para(text: str, lead: str | None = None, **kw) -> TextBlock:
    return text_block(text, lead=lead, **kw)


RECALLING = para("Recalling its resolution 70/1 of 25 September 2015,", lead="Recalling")


# --- the table ---------------------------------------------------------------------------------------


def test_the_table_is_in_its_documented_order():
    assert [r.name for r in BODY_RULES] == [
        "closing-line", "annex-label", "annexed-text-heading", "annex-title", "inline-annex-title", "adopted-text",
        "agreed", "heading", "plain-heading", "numbered-item", "numbered-paragraph", "item", "undotted-number",
        "wrap-up", "continuation", "unnumbered-paragraph",
    ]


@pytest.mark.parametrize("rule", BODY_RULES, ids=lambda r: r.name)
def test_each_rule_is_found_by_its_name_and_cites_its_convention(rule):
    assert body_rule(rule.name) is rule
    doc = rule.applies.__doc__ or ""
    assert doc.startswith(f"{rule.name} (§")  # the name, then the sections of un-conventions.md
    assert re.search(r"§\d+\.\d+", doc)
    assert rule.take.__doc__


def test_an_unknown_rule_name_is_refused():
    with pytest.raises(KeyError):
        body_rule("footnote")


def test_a_block_without_text_is_taken_by_no_rule():
    empty = text_block("{1}")  # a marker alone
    assert empty.text == ""
    assert BodyBuilder(set(), set(), True, BODY_SIZE).rule_for(empty) is None
    assert read(empty).sources == []


# --- closing-line (§3.7) ------------------------------------------------------------------------------


@pytest.mark.parametrize("lines", [
    ("58th plenary meeting",),
    ("4 March 2025",),
    ("[Adopted without a vote.]",),
    ("3rd plenary meeting", "19 September 2025"),  # the meeting and the date in one block
    ("8e séance plénière", "8 juin 2021"),
    ("Octava sesión plenaria", "8 de junio de 2021"),  # Spanish spells the ordinal
    ("Cuadragésima quinta sesión plenaria",),
    ("8-е пленарное заседание",),
])
def test_closing_line_leaves_the_meeting_and_date_out(lines):
    block = text_block(*lines)
    assert rule_after([RECALLING], block) == "closing-line"
    result = read(RECALLING, block)
    assert len(result.preamble) == 1 and result.operative == [] and rules(result) == ["unnumbered-paragraph"]


@pytest.mark.parametrize("text", [
    "Recalling its resolution of 4 March 2025,",
    "Decides to hold the 58th plenary meeting in Geneva;",
    "La sesión plenaria",
])
def test_closing_line_does_not_take_a_paragraph_that_names_a_date_or_meeting(text):
    assert rule_after([RECALLING], para(text)) != "closing-line"


def test_closing_line_is_outside_the_text_an_annex_title_may_follow_it():
    label, closing, title = text_block("Annex"), text_block("19 September 2025"), para("Plan", bold=True)
    assert rule_after([label, closing], title) == "annex-title"


# --- annex-label (§3.8) -------------------------------------------------------------------------------


def test_annex_label_opens_an_annex_for_the_blocks_after_it():
    result = read(RECALLING, text_block("Annex"), para("The Parties agree as follows:"))
    (annex,) = result.annexes
    assert (annex.label, annex.title, annex.pages) == ("Annex", "", [1])
    assert [u.text for u in annex.content] == ["The Parties agree as follows:"]
    assert len(result.preamble) == 1


def test_annex_label_keeps_a_title_printed_on_its_line():
    (annex,) = read(text_block("Annex I – Plan of action", bold=True)).annexes
    assert (annex.label, annex.title) == ("Annex I", "Plan of action")


@pytest.mark.parametrize(("first", "second"), [("Annex I", "ANNEX II"), ("Annex II", "Annex III"),
                                               ("Annex A", "Annex B"), ("Annex I", "Appendix")])
def test_annex_label_continues_the_numbering_of_the_annexes(first, second):
    context = [text_block(first, bold=True), para("Text of the first annex.")]
    assert rule_after(context, text_block(second, bold=True)) == "annex-label"


def test_annex_label_inside_an_annex_out_of_sequence_belongs_to_the_annexed_text():
    context = [text_block("Annex I", bold=True), para("Agreement", bold=True), para("The Parties agree.")]
    assert rule_after(context, text_block("Annex III", bold=True)) == "heading"
    assert rule_after(context, text_block("Annex", bold=True)) == "heading"  # the agreement's own annex


def test_annex_label_needs_the_setting_of_a_label():
    long_plain = para("Annex to the letter dated 4 March 2025 from the Permanent Representative")
    assert rule_after([RECALLING], long_plain) == "unnumbered-paragraph"
    assert rule_after([RECALLING], text_block("Annex to the present resolution")) != "annex-label"


# --- annexed-text-heading (§2.3, §3.8) ----------------------------------------------------------------

def test_a_resolution_reproduced_in_an_annex_gives_two_headings_and_no_annex_title():
    heading = text_block("Resolution 74/5", "Transition of the Centre for Coastal Libraries{1}", bold=True)
    result = read(text_block("Annex"), heading, para("The Commission,"), known=("1",))
    (annex,) = result.annexes
    assert annex.title == ""
    assert [(type(b).__name__, b.text) for b in annex.content[:2]] == [
        ("Heading", "Resolution 74/5"), ("Heading", "Transition of the Centre for Coastal Libraries")]
    assert [m for m, owner, _ in result.marker_units] == ["1"] and result.marker_units[0][1] is annex.content[1]


def test_a_texts_number_set_apart_from_its_title_is_a_heading_and_the_title_after_it_another():
    result = read(text_block("Annex"), para("Resolution 74/5", bold=True),
                  para("Transition of the Centre for Coastal Libraries", bold=True), para("The Commission,"))
    (annex,) = result.annexes
    assert annex.title == ""
    assert [b.text for b in annex.content[:2]] == ["Resolution 74/5", "Transition of the Centre for Coastal Libraries"]
    assert rules(result)[:3] == ["annex-label", "annexed-text-heading", "heading"]


def test_a_title_that_does_not_open_with_a_texts_number_stays_the_annex_title():
    assert rule_after([text_block("Annex")], text_block("Plan of action", "for coastal libraries", bold=True)) == (
        "annex-title")
    assert rule_after([text_block("Annex")], text_block("Resolution 74/5 on coastal", "libraries", bold=True)) == (
        "annex-title")


# --- annex-title (§3.8) -------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    para("Declaration on Coastal Libraries", bold=True),
    para("Declaration on Coastal Libraries", size=TITLE_SIZE),
    para("DECLARATION ON COASTAL LIBRARIES"),
])
def test_annex_title_is_the_title_set_block_after_a_bare_label(title):
    result = read(text_block("Annex"), title, para("We, the Heads of State and Government, declare:"))
    (annex,) = result.annexes
    assert annex.title == title.text
    assert len(annex.content) == 1
    assert rules(result) == ["annex-label", "annex-title", "unnumbered-paragraph"]


def test_annex_title_is_one_block_later_bold_blocks_are_headings():
    result = read(text_block("Annex"), para("Plan of action", bold=True), para("A. Mandate", bold=True))
    (annex,) = result.annexes
    assert annex.title == "Plan of action"
    assert [type(b) for b in annex.content] == [Heading]


def test_annex_title_not_after_a_label_with_its_title():
    assert rule_after([text_block("Annex – Plan of action")], para("A. Mandate", bold=True)) == "heading"


def test_annex_title_not_for_a_block_set_as_text():
    result = read(text_block("Annex"), para("The Parties agree as follows:"))
    assert result.annexes[0].title == ""
    assert rules(result) == ["annex-label", "unnumbered-paragraph"]


# --- inline-annex-title (§3.4, §3.7) ------------------------------------------------------------------

ADOPTS = text_block("1. Adopts the following Declaration:", lead="Adopts")
DECLARATION = para("Declaration on Coastal Libraries", bold=True, size=TITLE_SIZE)


def test_inline_annex_title_heads_the_text_adopted_after_a_colon():
    result = read(RECALLING, ADOPTS, DECLARATION, text_block("1. We, the Heads of State, declare;"))
    assert [u.number for u in result.operative] == ["1"]
    (annex,) = result.annexes
    assert (annex.label, annex.title) == ("", "Declaration on Coastal Libraries")
    assert [(u.number, u.text) for u in annex.content] == [("1", "We, the Heads of State, declare;")]


def test_inline_annex_title_not_after_a_paragraph_that_does_not_introduce_a_text():
    decides = text_block("1. Decides to remain seized of the matter;", lead="Decides")
    assert rule_after([RECALLING, decides], DECLARATION) == "heading"


def test_inline_annex_title_not_in_the_preamble_nor_at_the_size_of_the_text():
    welcoming = para("Welcoming the following text:", lead="Welcoming")
    assert rule_after([welcoming], DECLARATION) == "heading"
    assert rule_after([RECALLING, ADOPTS], para("Declaration", bold=True)) == "heading"


# --- plain-heading (§3.6) ----------------------------------------------------------------------------

DECIDES_1 = text_block("1. Decides to renew the measures;", lead="Decides")
REQUESTS_2 = text_block("2. Requests the Panel to report;", lead="Requests")


def test_a_short_line_without_a_paragraphs_punctuation_before_a_numbered_paragraph_is_a_heading():
    result = read(RECALLING, DECIDES_1, para("Reporting"), REQUESTS_2)
    assert [(type(b).__name__, getattr(b, "number", None), b.text[:9]) for b in result.operative] == [
        ("Unit", "1", "Decides t"), ("Heading", None, "Reporting"), ("Unit", "2", "Requests ")]


def test_a_plain_line_is_no_heading_before_an_unnumbered_block_in_the_preamble_or_when_it_ends_a_sentence():
    reporting = para("Reporting")
    assert rule_after([RECALLING, DECIDES_1], reporting) != "plain-heading"  # nothing numbered follows
    builder = BodyBuilder(set(), set(), True, BODY_SIZE)
    builder.feed(RECALLING)
    assert builder.rule_for(reporting, REQUESTS_2).name != "plain-heading"  # still in the preamble
    builder.feed(DECIDES_1)
    assert builder.rule_for(reporting, REQUESTS_2).name == "plain-heading"
    assert builder.rule_for(para("Decides to act."), REQUESTS_2).name != "plain-heading"
    assert builder.rule_for(para("A heading of many more words than a heading has"), REQUESTS_2).name != "plain-heading"


# --- undotted-number (§3.4) --------------------------------------------------------------------------

def test_a_number_that_lost_its_dot_is_the_next_paragraph_of_the_sequence():
    result = read(RECALLING, DECIDES_1, para("2 Condemns all attacks on civilians;"), text_block("3. Decides;"))
    assert [(u.number, u.text) for u in result.operative] == [
        ("1", "Decides to renew the measures;"), ("2", "Condemns all attacks on civilians;"), ("3", "Decides;")]


def test_a_figure_that_opens_a_sentence_is_not_a_paragraph_number():
    assert rule_after([RECALLING, DECIDES_1], para("15 States have ratified the Convention;")) != "undotted-number"
    assert rule_after([RECALLING], para("2 Condemns all attacks;")) != "undotted-number"  # in the preamble


# --- adopted-text (§3.1, §3.2) -----------------------------------------------------------------------

RECOMMENDS = para("Recommends to the General Assembly the adoption of the following draft resolution:",
                  lead="Recommends")
GA_FORMULA = para("The General Assembly,", lead="The General Assembly,")


def test_a_second_formula_after_a_colon_opens_the_adopted_text_as_an_unlabelled_annex():
    result = read(RECOMMENDS, GA_FORMULA, RECALLING, text_block("1. Decides to convene a conference;", lead="Decides"),
                  text_block("2. Requests a report;", lead="Requests"))
    assert [(u.number, u.text[:10]) for u in result.operative] == [("", "Recommends")]
    assert result.preamble == []
    (annex,) = result.annexes
    assert (annex.label, annex.title) == ("", "")
    assert [(u.number, u.text) for u in annex.content] == [
        ("", "The General Assembly,"), ("", "Recalling its resolution 70/1 of 25 September 2015,"),
        ("1", "Decides to convene a conference;"), ("2", "Requests a report;")]


def test_a_formula_is_not_an_adopted_text_where_no_paragraph_introduces_one():
    decides = text_block("1. Decides to remain seized of the matter;", lead="Decides")
    assert rule_after([RECALLING, decides], GA_FORMULA) != "adopted-text"
    assert rule_after([para("Noting the following:", lead="Noting")], GA_FORMULA) != "adopted-text"  # preamble


# --- heading (§3.6) -----------------------------------------------------------------------------------


def test_heading_heads_the_paragraphs_after_it_and_closes_the_open_list():
    result = read(
        text_block("1. Requests the Panel:", lead="Requests"),
        text_block("(a) To report;"),
        para("B. Follow-up", bold=True),
        text_block("(b) To consult;"),
    )
    first, heading, item = result.operative
    assert isinstance(heading, Heading) and heading.text == "B. Follow-up"
    assert [i.number for i in first.items] == ["(a)"]
    assert isinstance(item, Unit) and item.number == "(b)"  # not under paragraph 1 across the heading


def test_headings_before_the_first_operative_paragraph_head_the_operative_part():
    result = read(RECALLING, para("I. General provisions", bold=True), text_block("1. Decides to act;"))
    assert [type(b) for b in result.preamble] == [Unit]
    assert [type(b) for b in result.operative] == [Heading, Unit]


@pytest.mark.parametrize("block", [
    para("Political situation"),  # not bold
    para("Emphasizing the role of libraries,", bold=True),  # a sentence's comma
    para("Reaffirms the importance of libraries;", bold=True),
    para("Reaffirms the importance of libraries in coastal communities, in small islands and elsewhere.",
         bold=True),  # a long sentence closing with a full stop is an emphasised paragraph
])
def test_heading_not_for_text_set_as_a_sentence(block):
    assert rule_after([RECALLING], block) != "heading"


# --- numbered-item (§3.5) -----------------------------------------------------------------------------


@pytest.mark.parametrize(("labels", "rule"), [
    (("1.", "2."), "numbered-item"),  # a numbered list set out in an item
    (("(i)", "(ii)"), "item"),  # the second level of sub-paragraphs
], ids=["numbered", "roman"])
def test_a_list_inside_an_item_nests_under_it(labels, rule):
    result = read(
        text_block("1. Requests the Panel:", lead="Requests"),
        text_block("(a) To carry out the following tasks:"),
        text_block(f"{labels[0]} Review the plans;"),
        text_block(f"{labels[1]} Report on them;"),
        text_block("(b) To consult;"),
    )
    (paragraph,) = result.operative
    a, b = paragraph.items
    assert [i.number for i in a.items] == [x.rstrip(".") for x in labels]
    assert (b.number, b.items) == ("(b)", [])
    assert rules(result) == ["numbered-paragraph", "item", rule, rule, "item"]


def test_a_numbered_list_indented_under_a_paragraph_that_ends_with_a_colon_is_its_items():
    # §3.5: "… on the steps taken towards the following:" sets out "1.", "2." indented past its first line;
    # the next paragraph number after the list ends it.
    seven = text_block("7. Invites the parties to report on the steps taken towards the following:", x0=147.0)
    result = read(text_block("6. Decides to act;", x0=147.0), seven,
                  text_block("1. The final status of the area;", x0=171.0),
                  text_block("2. The joint committee's decisions;", x0=171.0),
                  text_block("8. Urges continued progress;", x0=147.0))
    assert [(u.number, [i.number for i in u.items]) for u in result.operative] == [
        ("6", []), ("7", ["1", "2"]), ("8", [])]
    assert rules(result) == ["numbered-paragraph", "numbered-paragraph", "numbered-item", "numbered-item",
                             "numbered-paragraph"]


def test_a_number_one_at_the_paragraphs_own_indent_is_a_paragraph_not_an_item():
    # Without the indent a "1." after a colon opens numbered paragraphs of their own (a text set out after it).
    result = read(text_block("7. Adopts the rules set out below:", x0=147.0),
                  text_block("1. The Committee shall meet each year;", x0=147.0))
    assert [(u.number, u.items) for u in result.operative] == [("7", []), ("1", [])]


def test_numbered_item_not_after_an_item_that_closes_with_a_semicolon():
    context = [text_block("1. Requests the Panel:", lead="Requests"), text_block("(a) To report;")]
    assert rule_after(context, text_block("2. Decides to act;")) == "numbered-paragraph"
    colon = [text_block("1. Requests the Panel:", lead="Requests"), text_block("(a) To do as follows:")]
    assert rule_after(colon, text_block("2. Decides to act;")) == "numbered-paragraph"  # a list starts at 1


# --- numbered-paragraph (§3.4, §6.18) -----------------------------------------------------------------


def test_numbered_paragraph_ends_the_preamble():
    result = read(RECALLING, text_block("1. Decides to act;", lead="Decides"),
                  text_block("2. Requests a report.", lead="Requests"))
    assert [u.text for u in result.preamble] == [RECALLING.text]
    assert [(u.number, u.lead, u.text) for u in result.operative] == [
        ("1", "Decides", "Decides to act;"), ("2", "Requests", "Requests a report."),
    ]


def test_numbered_paragraph_in_an_annex_is_the_annexed_texts_own():
    result = read(text_block("1. Adopts the plan annexed;"), text_block("Annex"), text_block("1. The plan aims;"))
    assert [u.number for u in result.operative] == ["1"]
    assert [u.number for u in result.annexes[0].content] == ["1"]


@pytest.mark.parametrize("text", ["1.5 million people live on small islands,", "2030 Agenda for Development,"])
def test_numbered_paragraph_not_for_a_number_in_the_text(text):
    assert rule_after([RECALLING], para(text)) == "unnumbered-paragraph"


# --- item (§3.5, §6.8) --------------------------------------------------------------------------------


def test_item_i_after_h_is_the_ninth_letter():
    letters = "abcdefghi"
    result = read(text_block("1. Requests the Panel:"), *[text_block(f"({x}) To act;") for x in letters])
    assert [i.number for i in result.operative[0].items] == [f"({x})" for x in letters]


def test_item_in_an_annex_does_not_nest_under_an_unnumbered_paragraph():
    result = read(text_block("Annex"), para("Recommendations", bold=True), para("The Forum recommends:"),
                  text_block("(a) that States act;"))
    assert [(type(b), b.number) for b in result.annexes[0].content] == [(Unit, ""), (Unit, "(a)")]


@pytest.mark.parametrize("text", ["Decides (a) to act;", "(Signed) The President"])
def test_item_not_for_a_label_inside_the_text(text):
    assert rule_after([RECALLING], para(text)) == "unnumbered-paragraph"


# --- wrap-up (§3.5, §6.9) -----------------------------------------------------------------------------

LISTED = [text_block("1. Requests the Panel:", lead="Requests"), text_block("(a) To report;"),
          text_block("(b) To consult;")]


def test_wrap_up_resumes_the_paragraph_after_its_list():
    result = read(*LISTED, text_block("and urges the Panel to act;{2}"), known=("2",))
    (paragraph,) = result.operative
    assert [i.number for i in paragraph.items] == ["(a)", "(b)"]
    assert paragraph.wrap_up is not None and paragraph.wrap_up.text == "and urges the Panel to act;"
    assert [(r.marker, r.offset) for r in paragraph.wrap_up.footnotes] == [("2", len("and urges the Panel to act;"))]
    assert paragraph.text == "Requests the Panel:"
    assert rules(result)[-1] == "wrap-up"


def test_wrap_up_closes_the_list_a_later_item_is_not_under_the_paragraph():
    result = read(*LISTED, text_block("and urges the Panel to act:"), text_block("(c) To meet;"))
    paragraph, item = result.operative
    assert len(paragraph.items) == 2 and item.number == "(c)"


def test_wrap_up_not_without_a_list_nor_for_a_capital():
    assert rule_after(LISTED[:1], text_block("and urges the Panel to act;")) == "continuation"
    assert rule_after(LISTED, text_block("Decides to act.")) == "unnumbered-paragraph"


# --- continuation (§6.9) ------------------------------------------------------------------------------


def test_continuation_joins_a_paragraph_cut_by_a_page_break():
    first = para("Recalling its resolution 70/1{1} on the", lead="Recalling", page=1)
    rest = text_block("work of the Commission,{2}", page=2)
    result = read(first, rest, known=("1", "2"))
    (unit,) = result.preamble
    assert unit.text == "Recalling its resolution 70/1 on the work of the Commission,"
    assert unit.pages == [1, 2]
    assert [(r.marker, unit.text[: r.offset][-4:]) for r in unit.footnotes] == [("1", "70/1"), ("2", "ion,")]
    assert [m for m, _, _ in result.marker_units] == ["1", "2"]
    assert all(owner is unit for _, owner, _ in result.marker_units)  # the markers name the built unit
    assert [p for _, _, p in result.marker_units] == [1, 2]
    assert rules(result) == ["unnumbered-paragraph", "continuation"]


def test_continuation_classifies_the_joined_paragraph_again():
    # Cut before its last words, the single operative paragraph looked preambular; whole, it closes with a
    # full stop after an operative verb.
    first = para("Takes note of the report of the Secretary-General on the", lead="Takes note", page=1)
    rest = text_block("work of the Commission.", page=2)
    result = read(first, rest)
    assert result.preamble == []
    assert [u.text for u in result.operative] == [
        "Takes note of the report of the Secretary-General on the work of the Commission.",
    ]


def test_continuation_not_after_a_heading_nor_at_the_start():
    lower = text_block("of the Commission,")
    assert rule_after([RECALLING, para("Political situation", bold=True)], lower) == "unnumbered-paragraph"
    assert rule_after([], lower) == "unnumbered-paragraph"


# --- unnumbered-paragraph (§3.3, §3.4, §6.15) ---------------------------------------------------------


@pytest.mark.parametrize(("text", "lead"), [
    ("Recalling its resolution 70/1,", "Recalling"),
    ("Aware of the role of libraries,", "Aware"),
    ("Concerned about the loss of archives;", "Concerned"),  # a participle closing with ";"
    ("Welcoming the following:", "Welcoming"),
])
def test_unnumbered_paragraph_is_preambular(text, lead):
    result = read(para(text, lead=lead))
    assert [(u.number, u.lead, u.text) for u in result.preamble] == [("", lead, text)]
    assert result.operative == []


@pytest.mark.parametrize(("text", "lead"), [
    ("Adopts the Declaration annexed to the present resolution.", "Adopts"),
    ("Decides to convene a meeting;", "Decides"),
    ("Decides that:", "Decides"),
])
def test_unnumbered_paragraph_is_the_single_operative_paragraph(text, lead):
    result = read(RECALLING, para(text, lead=lead))
    assert len(result.preamble) == 1
    assert [(u.number, u.lead, u.text) for u in result.operative] == [("", lead, text)]


def test_unnumbered_paragraph_after_the_operative_part_stays_there():
    result = read(text_block("1. Decides to act;"), para("Requests a report."))
    assert [u.number for u in result.operative] == ["1", ""]


# --- the tree is built once ---------------------------------------------------------------------------


def test_sources_and_markers_name_the_nodes_of_the_tree():
    result = read(RECALLING, text_block("Annex{3}"), para("Plan{4}", bold=True), text_block("1. The plan;"),
                  known=("3", "4"))
    (annex,) = result.annexes
    assert isinstance(annex, Annex)
    assert [owner for _, owner, _ in result.marker_units] == [annex, annex]
    owners = [owner for owner, _, _ in result.sources]
    assert owners[0] is result.preamble[0] and owners[1] is annex and owners[2] is annex
    assert owners[3] is annex.content[0]
