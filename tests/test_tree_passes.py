"""The passes over the built tree (`structure.builder.PASSES`: assign_ids, link_footnotes, check_numbering,
attach_citations) on small hand-built trees: the id scheme (structure/ids.py, the schema's `id`), footnote
links and their warnings (un-conventions §1.4, §4), numbering gaps (§3.4, §3.8) and citations (§2, §4).

Every test runs all passes in their order, as the structure stage does; `MarkerPlaces` says where the
footnote markers stood (the body stage's `marker_units` and the heading block's places).
"""

from __future__ import annotations

import re

import pytest

from factories import sample_document
from resparse.model.document import (
    Annex,
    Document,
    Footnote,
    Formula,
    Heading,
    Metadata,
    Preamble,
    Source,
    Unit,
    WrapUp,
)
from resparse.structure.builder import MarkerPlaces
from resparse.structure.builder import run_passes as passes
from resparse.structure.tree import nodes

ID = re.compile(r"^[a-z][a-z0-9_]*$")  # the schema's id pattern


def para(number: str = "", text: str = "Decides to remain seized of the matter.", *, items: list[Unit] | None = None,
         wrap_up: WrapUp | None = None, pages: list[int] | None = None) -> Unit:
    return Unit(kind="paragraph", number=number, text=text, items=items or [], wrap_up=wrap_up, pages=pages or [1])


def item(number: str, text: str = "to report;", *, items: list[Unit] | None = None) -> Unit:
    return Unit(kind="item", number=number, text=text, items=items or [], pages=[1])


def document(*, preamble: list | None = None, operative: list | None = None, annexes: list[Annex] | None = None,
             footnotes: list[Footnote] | None = None, symbol: str = "A/RES/80/1",
             formula: str | None = None) -> Document:
    return Document(
        source=Source(file="A_RES_80_1.pdf", sha256="0" * 64, pages=3),
        metadata=Metadata(symbol=symbol, symbols=[symbol], body="General Assembly"),
        preamble=Preamble(formula=Formula(formula) if formula else None, paragraphs=preamble or []),
        operative=operative or [], annexes=annexes or [], footnotes=footnotes or [],
    )


class Passed:
    """The tree the passes made from `before` (its fields read through), and `passed(node)`: the node of
    that tree at the place of `node` of `before` (the passes copy; they never change a node)."""

    def __init__(self, before: Document, after: Document) -> None:
        self.doc = after
        pairs = zip([*nodes(before), *before.footnotes], [*nodes(after), *after.footnotes], strict=True)
        self._at = {id(old): new for old, new in pairs}

    def __call__(self, node):
        return self._at[id(node)]

    def __getattr__(self, name: str):
        return getattr(self.doc, name)


def run_passes(doc: Document, *, head: list[tuple[str, str]] | None = None,
               body: list[tuple[str, object, int]] | None = None) -> Passed:
    return Passed(doc, passes(doc, MarkerPlaces(head=head or [], body=body or [])))


def warnings(doc: Document, code: str) -> list[tuple[str, str | None]]:
    return [(w.message, w.at) for w in doc.warnings if w.code == code]


def all_ids(doc: Document) -> list[str]:
    out = []
    for block in doc.preamble.paragraphs + doc.operative + [b for a in doc.annexes for b in a.content]:
        units = [block] if isinstance(block, Heading) else list(block.walk())
        for u in units:
            out.append(u.id)
            if isinstance(u, Unit) and u.wrap_up is not None:
                out.append(u.wrap_up.id)
    return out + [a.id for a in doc.annexes]


# --- assign_ids: the id scheme -------------------------------------------------------------------------


def test_preambular_paragraphs_are_numbered_in_order_headings_aside():
    first, second = para(text="Recalling its resolution 79/1,"), para(text="Noting the report,")
    doc = run_passes(document(preamble=[first, Heading("Political situation"), second]))
    assert (doc(first).id, doc(second).id) == ("pp_1", "pp_2")


def test_operative_paragraphs_take_their_printed_number():
    units = [para("1"), para("2"), para("3")]
    doc = run_passes(document(operative=units))
    assert [doc(u).id for u in units] == ["para_1", "para_2", "para_3"]


def test_a_single_unnumbered_operative_paragraph():
    # §3.4: a single operative paragraph is not numbered.
    only = para("", "Adopts the Doha Political Declaration annexed to the present resolution.")
    doc = run_passes(document(operative=[only]))
    assert doc(only).id == "para_1"


def test_items_nest_under_their_paragraph():
    # The schema's example: para_7__point_b__point_ii.
    ii = item("(ii)")
    b = item("(b)", items=[item("(i)"), ii])
    wrap = WrapUp(id="", text="and urges the Panel to act;")
    seventh = para("7", "Requests the Secretary-General:", items=[item("(a)"), b], wrap_up=wrap)
    doc = run_passes(document(operative=[para(str(n)) for n in range(1, 7)] + [seventh]))
    assert [doc(i).id for i in seventh.items] == ["para_7__point_a", "para_7__point_b"]
    assert doc(ii).id == "para_7__point_b__point_ii"
    assert doc(wrap).id == "para_7__wrapup"


def test_an_item_of_a_preambular_paragraph():
    a = item("(a)")
    doc = run_passes(document(preamble=[para(text="Recalling:", items=[a])]))
    assert doc(a).id == "pp_1__point_a"


@pytest.mark.parametrize(("labels", "ids"), [
    (["a)", "b)"], ["point_a", "point_b"]),  # French and Spanish labels (§3.5)
    (["(i)", "(ii)", "(iii)"], ["point_i", "point_ii", "point_iii"]),
    (["(aa)", "(bb)"], ["point_aa", "point_bb"]),
    (["•", "•"], ["point_1", "point_2"]),  # bullets: numbered by their order
])
def test_item_ids_come_from_their_labels(labels: list[str], ids: list[str]):
    items = [item(label) for label in labels]
    doc = run_passes(document(operative=[para("1", "Decides:", items=items)]))
    assert [doc(i).id for i in items] == [f"para_1__{x}" for x in ids]


def test_annexes_and_their_contents():
    one = [para("1", "We, the Heads of State and Government, reaffirm our commitment;"), para("2")]
    c = item("(c)")
    two = [Heading("General provisions"), para("", "The Forum recommends:"), item("(a)"), item("(b)"), c]
    annexes = [Annex(label="Annex I", title="Declaration", content=one),
               Annex(label="Annex II", title="Recommendations", content=two)]
    doc = run_passes(document(operative=[para("1")], annexes=annexes))
    assert [doc(a).id for a in annexes] == ["annex_1", "annex_2"]
    assert [doc(u).id for u in one] == ["annex_1__para_1", "annex_1__para_2"]
    assert doc(c).id == "annex_2__point_c"  # the schema's example
    assert doc(two[1]).id == "annex_2__para_1"


def test_headings_are_numbered_through_the_document():
    headings = [Heading("Political situation"), Heading("A. Mandate"), Heading("General provisions")]
    doc = document(preamble=[headings[0], para()], operative=[headings[1], para("1")],
                   annexes=[Annex(label="Annex", title="Plan", content=[headings[2], para("1")])])
    doc = run_passes(doc)
    assert [doc(h).id for h in headings] == ["heading_1", "heading_2", "heading_3"]


def test_a_repeated_number_still_gives_unique_ids():
    # Sections that restart their numbering (§3.4, §6.17) print "1." twice.
    first, again = para("1"), para("1")
    doc = run_passes(document(operative=[first, para("2"), Heading("II"), again, para("2")]))
    assert doc(first).id == "para_1"
    ids = all_ids(doc)
    assert len(ids) == len(set(ids))


def test_every_id_of_a_full_document_is_unique_and_well_formed():
    doc = sample_document()
    for block in doc.preamble.paragraphs + doc.operative:
        block.id = ""
    doc = run_passes(doc)
    ids = all_ids(doc)
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids), ids
    assert not {"formula", "title", "head"} & set(ids)  # kept for the heading block's footnote refs


def test_the_passes_make_a_new_tree_and_leave_the_built_one_as_it_was():
    item_a, note = item("(a)", "to report on resolution 79/1;"), Footnote("1", "Resolution 79/1.", 1)
    first = para("1", "Requests the Secretary-General:", items=[item_a])
    before = document(operative=[first], footnotes=[note])
    doc = run_passes(before, body=[("1", item_a, 1)])
    assert (doc(first).id, doc(item_a).id, doc(note).ref) == ("para_1", "para_1__point_a", "para_1__point_a")
    assert [c.number for c in doc(item_a).citations] == ["79/1"]
    assert (first.id, item_a.id, note.ref, item_a.citations, note.citations) == ("", "", None, [], [])
    assert before.warnings == [] and before.operative == [first]


# --- link_footnotes ------------------------------------------------------------------------------------


def test_a_marker_in_a_unit_links_its_footnote_to_the_units_id():
    recalling = para(text="Recalling the Charter of the United Nations,")
    note = Footnote(marker="1", text="United Nations, Treaty Series, vol. 2187, No. 38544.", page=1)
    doc = run_passes(document(preamble=[para(), recalling], footnotes=[note]), body=[("1", recalling, 1)])
    assert doc(note).ref == doc(recalling).id == "pp_2"
    assert doc.warnings == []


def test_markers_in_an_item_in_a_wrap_up_and_in_an_annex():
    a = item("(a)", "to report on the implementation of resolution 79/1;")
    wrap = WrapUp(id="", text="and urges the Panel to act;")
    second = para("2", "Requests the Secretary-General:", items=[a], wrap_up=wrap)
    annex_para = para("1", "The Forum recommends that States act.", pages=[3])
    annex = Annex(label="Annex", title="Recommendations", content=[annex_para], pages=[3])
    notes = [Footnote("1", "Resolution 79/1.", 1), Footnote("2", "A/80/342.", 1), Footnote("3", "Ibid.", 3),
             Footnote("4", "A/80/1.", 3)]
    doc = run_passes(document(operative=[para("1"), second], annexes=[annex], footnotes=notes),
                     body=[("1", a, 1), ("2", wrap, 1), ("3", annex_para, 3), ("4", annex, 3)])
    assert [doc(n).ref for n in notes] == ["para_2__point_a", "para_2__wrapup", "annex_1__para_1", "annex_1"]


def test_markers_in_the_heading_block():
    notes = [Footnote("*", "Reissued for technical reasons on 4 February 2026.", 1),
             Footnote("1", "See A/80/L.1.", 1), Footnote("2", "A/80/251.", 1)]
    doc = run_passes(document(footnotes=notes, formula="The General Assembly,"),
                     head=[("*", "head"), ("1", "title"), ("2", "formula")])
    assert [doc(n).ref for n in notes] == ["head", "title", "formula"]
    assert doc.warnings == []


def test_an_asterisk_note_of_the_first_page_goes_to_the_heading_block():
    # §1.4: "Item 5 of the provisional agenda*", the "*" note printed first among the page's notes.
    notes = [Footnote("*", "CTOC/COP/2022/1.", 1), Footnote("1", "Resolution 55/25, annex I.", 1)]
    first = para("1")
    doc = run_passes(document(operative=[first], footnotes=notes), head=[("*", "head")], body=[("1", first, 1)])
    assert [doc(n).ref for n in notes] == ["head", "para_1"]


def test_every_asterisk_note_of_the_first_page_goes_to_the_heading_block():
    # §1.4: "*" and "**" notes are the first page's; the heading block showed one star.
    notes = [Footnote("*", "Reissued for technical reasons on 4 February 2026.", 1),
             Footnote("**", "Submitted late.", 1)]
    doc = run_passes(document(footnotes=notes), head=[("*", "head")])
    assert [doc(n).ref for n in notes] == ["head", "head"]
    assert warnings(doc, "unreferenced_footnote") == []


def test_a_marker_without_a_footnote_is_reported_where_it_stands():
    first = para("1")
    doc = run_passes(document(operative=[first]), body=[("3", first, 1)])
    assert warnings(doc, "unmatched_marker") == [("footnote marker 3 has no footnote", "para_1")]


def test_a_footnote_without_a_marker_is_reported_and_links_nowhere():
    note = Footnote("2", "Resolution 70/1.", 1)
    doc = run_passes(document(operative=[para("1")], footnotes=[note]))
    assert doc(note).ref is None
    assert warnings(doc, "unreferenced_footnote") == [("footnote 2 is not referenced in the text", None)]


def test_a_marker_number_used_twice_links_each_note_to_the_marker_on_its_page():
    # Numbering that restarts (in the annex of a report) prints marker 1 on page 1 and again on page 3.
    body_para = para("1")
    annex_para = para("1", "The Forum recommends that States act.", pages=[3])
    annex = Annex(label="Annex", title="Recommendations", content=[annex_para], pages=[3])
    notes = [Footnote("1", "Resolution 70/1.", 1), Footnote("1", "A/80/342.", 3)]
    doc = run_passes(document(operative=[body_para], annexes=[annex], footnotes=notes),
                     body=[("1", body_para, 1), ("1", annex_para, 3)])
    assert [doc(n).ref for n in notes] == ["para_1", "annex_1__para_1"]
    assert warnings(doc, "unreferenced_footnote") == []


def test_a_note_is_linked_to_the_marker_on_its_own_page_first():
    # The body's note 1 was not read; the annex's note 1 (page 3) is not the body's marker on page 1.
    body_para = para("1")
    annex_para = para("1", "The Forum recommends that States act.", pages=[3])
    annex = Annex(label="Annex", title="Recommendations", content=[annex_para], pages=[3])
    note = Footnote("1", "A/80/342.", 3)
    doc = run_passes(document(operative=[body_para], annexes=[annex], footnotes=[note]),
                     body=[("1", body_para, 1), ("1", annex_para, 3)])
    assert doc(note).ref == "annex_1__para_1"


def test_one_marker_links_one_note_when_the_number_repeats_on_a_page():
    first = para("1")
    annex_para = para("1", "The Forum recommends that States act.")
    annex = Annex(label="Annex", title="Recommendations", content=[annex_para])
    notes = [Footnote("1", "Resolution 70/1.", 1), Footnote("1", "A/80/342.", 1)]
    doc = run_passes(document(operative=[first], annexes=[annex], footnotes=notes),
                     body=[("1", first, 1), ("1", annex_para, 1)])
    assert [doc(n).ref for n in notes] == ["para_1", "annex_1__para_1"]


def test_a_note_carried_over_to_the_next_page_links_to_its_marker():
    late = para("2", pages=[1])
    notes = [Footnote("1", "Resolution 70/1.", 1), Footnote("2", "A/80/342.", 2)]
    first = para("1")
    doc = run_passes(document(operative=[first, late], footnotes=notes), body=[("1", first, 1), ("2", late, 1)])
    assert [doc(n).ref for n in notes] == ["para_1", "para_2"]


def test_several_markers_in_one_unit():
    # §4: several indicators at one point, separated by commas ("thereto,1,2").
    first = para("1")
    notes = [Footnote("1", "Resolution 70/1.", 1), Footnote("2", "Resolution 71/1.", 1)]
    doc = run_passes(document(operative=[first], footnotes=notes), body=[("1", first, 1), ("2", first, 1)])
    assert [doc(n).ref for n in notes] == ["para_1", "para_1"]
    assert doc.warnings == []


# --- check_numbering (§3.4, §3.8) ----------------------------------------------------------------------


def gaps(*numbers: str | Heading) -> list[tuple[str, str | None]]:
    operative = [n if isinstance(n, Heading) else para(n) for n in numbers]
    return warnings(run_passes(document(operative=operative)), "numbering_gap")


def test_paragraphs_in_sequence_give_no_warning():
    assert gaps("1", "2", "3") == []


def test_a_missing_paragraph_is_a_numbering_gap():
    assert gaps("1", "2", "4", "5") == [("paragraph 4 follows paragraph 2", "para_4")]


def test_a_number_printed_out_of_order_is_a_numbering_gap():
    assert gaps("1", "3", "2") == [("paragraph 3 follows paragraph 1", "para_3"),
                                   ("paragraph 2 follows paragraph 3", "para_2")]


def test_headings_between_paragraphs_do_not_break_the_sequence():
    assert gaps("1", Heading("A. Mandate"), "2", Heading("B. Follow-up"), "3") == []


def test_a_gap_across_a_heading_is_a_numbering_gap():
    # §3.4: numbering can run on through headed divisions (69/96: 65., 103.).
    assert gaps("1", "2", Heading("B. Follow-up"), "4") == [("paragraph 4 follows paragraph 2", "para_4")]


def test_a_section_that_restarts_at_one_is_not_a_gap():
    # §3.4: budget resolutions restart their numbering in each section.
    assert gaps("1", "2", Heading("II"), "1", "2") == []


def test_unnumbered_paragraphs_do_not_count():
    assert gaps("1", "", "2") == []


def test_annex_paragraphs_restart_at_one_without_a_warning():
    # §3.8: annex paragraph numbering restarts at 1, scoped to the annex (§6.18).
    annex = Annex(label="Annex", title="Declaration", content=[para("1"), para("2")])
    doc = run_passes(document(operative=[para(str(n)) for n in range(1, 6)], annexes=[annex]))
    assert warnings(doc, "numbering_gap") == []


# --- attach_citations (§2, §4) -------------------------------------------------------------------------


def test_the_citations_of_a_unit_are_found_where_they_stand():
    text = "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”,"
    recalling = para(text=text)
    doc = run_passes(document(preamble=[recalling]))
    [citation] = doc(recalling).citations
    assert (citation.kind, citation.number, citation.body) == ("resolution", "70/1", "General Assembly")
    assert text[citation.offset:citation.end] == citation.text


def test_its_resolution_is_a_resolution_of_the_organ_that_speaks():
    # In a Security Council text "its resolution" is the Council's (the symbol's series, §2.2).
    recalling = para(text="Recalling its resolution 2242 (2015),")
    doc = document(preamble=[recalling], symbol="S/RES/2786 (2025)")
    doc.metadata.body = "Security Council"
    doc = run_passes(doc)
    assert [(c.body, c.number) for c in doc(recalling).citations] == [("Security Council", "2242 (2015)")]


def test_citations_in_items_wrap_ups_and_annexes():
    a = item("(a)", "to take into account resolution 79/1;")
    wrap = WrapUp(id="", text="and requests a report, as set out in A/80/342;")
    annex_para = para("1", "The Forum recalls resolution 70/1.")
    doc = document(operative=[para("1", "Requests the Secretary-General:", items=[a], wrap_up=wrap)],
                   annexes=[Annex(label="Annex", title="Plan", content=[annex_para])])
    doc = run_passes(doc)
    assert [c.number for c in doc(a).citations] == ["79/1"]
    assert [c.symbol for c in doc(wrap).citations] == ["A/80/342"]
    assert [c.number for c in doc(annex_para).citations] == ["70/1"]


def test_ibid_in_a_footnote_repeats_the_footnote_before_it():
    # §4: "Ibid." / "Ibid., vol. 1577, No. 27531." repeat the citation of the previous note.
    notes = [Footnote("1", "United Nations, Treaty Series, vol. 2225, No. 39574.", 1),
             Footnote("2", "Ibid.", 1)]
    first = para("1")
    doc = run_passes(document(operative=[first], footnotes=notes), body=[("1", first, 1), ("2", first, 1)])
    assert doc(notes[0]).citations[0].kind == "treaty"
    [ibid] = doc(notes[1]).citations
    assert (ibid.kind, ibid.repeats, ibid.treaty_number) == ("ibid", "treaty", "39574")
