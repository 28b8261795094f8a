"""The masthead reader (`structure.masthead`) on synthetic first pages laid out as UN mastheads are
(un-conventions §1, §2, §3.1, §7): `find_symbols`, `read_masthead` and `read_heading_block`.

A New York masthead on an A4 page: "United Nations" and the issuing organ (large type) on the left, the
symbol top right with the distribution and the date under it, a rule, then the session and the agenda
item in the left column; the job number and barcode are first-page furniture at the foot.
"""

from __future__ import annotations

import pytest

from factories import A4_HEIGHT, line
from resparse.model.document import Metadata
from resparse.model.text import Line
from resparse.structure.masthead import FoundSymbols, find_symbols, read_heading_block, read_masthead

LEFT = 56.7  # the masthead's left column
RIGHT_COLUMN = 420.0  # where the symbol, distribution and date are set
ORGAN_SIZE = 17.0  # "General Assembly" is set large
ENGLISH_TEXT = ("The General Assembly, Recalling its resolution 70/1 of 25 September 2015, in which it adopted the "
                "outcome document of the summit for the adoption of the post-2015 development agenda,")


def left(text: str, top: float, *, size: float = 10.0, bold: bool = False) -> Line:
    return line(text, top=top, x0=LEFT, size=size, bold=bold)


def right(text: str, top: float, *, size: float = 10.0) -> Line:
    return line(text, top=top, x0=RIGHT_COLUMN, size=size)


def footer(*texts: str) -> list[Line]:
    """First-page furniture at the foot of the page: job number, barcode."""
    return [line(t, top=780.0 + 10 * i, x0=LEFT, size=8.0) for i, t in enumerate(texts)]


def ny_masthead(symbol: str = "A/RES/80/1", *, organ: str = "General Assembly",
                right_lines: tuple[str, ...] = ("Distr.: General", "19 September 2025"),
                left_lines: tuple[str, ...] = ("Eightieth session", "Agenda item 7")) -> list[Line]:
    """A New York first page down to the agenda item (§1.1, §1.7)."""
    lines = [left("United Nations", 48.0, size=12.0, bold=True), right(symbol, 48.0, size=12.0),
             left(organ, 70.0, size=ORGAN_SIZE, bold=True)]
    lines += [right(t, 92.0 + 12 * i, size=9.0) for i, t in enumerate(right_lines)]
    lines += [left(t, 150.0 + 12 * i, bold=i == 0) for i, t in enumerate(left_lines)]
    return lines


def masthead_of(head: list[Line], furniture: list[Line] | None = None, text: str = ENGLISH_TEXT) -> Metadata:
    return read_masthead(head, furniture or [], A4_HEIGHT, text)


# --- find_symbols (§1.1, §2.4, §2.6) --------------------------------------------------------------------


@pytest.mark.parametrize(("printed", "symbol"), [
    ("A/RES/80/1", "A/RES/80/1"),
    ("A/C.3/80/L.20", "A/C.3/80/L.20"),
    ("S/RES/2223 (2015)", "S/RES/2223 (2015)"),
    ("CTOC/COP/2022/L.5", "CTOC/COP/2022/L.5"),
    ("A/HRC/RES/59/25", "A/HRC/RES/59/25"),
    ("E/CN.7/2003/10", "E/CN.7/2003/10"),
    ("A/RES/68/247 B", "A/RES/68/247 B"),  # a part letter belongs to a resolution's symbol (§2.3)
    ("A/RES/S-13/2", "A/RES/S-13/2"),
])
def test_the_symbol_top_right_is_the_document_symbol(printed: str, symbol: str):
    assert find_symbols(ny_masthead(printed), A4_HEIGHT) == FoundSymbols(symbol, [symbol], printed)


def test_united_nations_and_the_symbol_on_one_line():
    # Some extractions join the two (§1.7, §6.26).
    head = [line("United Nations A/C.3/80/L.20", top=48.0, x0=LEFT, size=12.0)]
    assert find_symbols(head, A4_HEIGHT).symbol == "A/C.3/80/L.20"


def test_the_canonical_symbol_has_one_space_before_the_year_and_the_printed_one_is_kept():
    # §2.6.1: one space before an SC year in the canonical form; the masthead's own spelling beside it.
    found = find_symbols(ny_masthead("S/RES/2786(2025)"), A4_HEIGHT)
    assert (found.symbol, found.printed) == ("S/RES/2786 (2025)", "S/RES/2786(2025)")


@pytest.mark.parametrize(("printed", "symbol"), [
    ("S/RES/1373(2001)", "S/RES/1373 (2001)"),
    ("A/RES/3201(S-VI)", "A/RES/3201 (S-VI)"),  # an old special session's roman number (§2.3)
    ("A/RES/2252 (ES-V)", "A/RES/2252 (ES-V)"),
])
def test_the_year_or_session_in_parentheses_follows_one_space(printed: str, symbol: str):
    assert find_symbols(ny_masthead(printed), A4_HEIGHT).symbol == symbol


def test_a_range_of_parts_is_part_of_the_symbol():
    # §2.4: a range of parts (A/RES/70/93 A-B) is a symbol the grammar must accept.
    assert find_symbols(ny_masthead("A/RES/70/93 A-B"), A4_HEIGHT).symbol == "A/RES/70/93 A-B"


def test_a_reissue_star_is_not_part_of_the_symbol():
    # §1.4, §2.6.3: the star marks a reissue; it stays in the printed form only.
    found = find_symbols(ny_masthead("A/78/L.102*"), A4_HEIGHT)
    assert (found.symbol, found.symbols, found.printed) == ("A/78/L.102", ["A/78/L.102"], "A/78/L.102*")


def test_modifiers_are_written_in_canonical_case():
    # §2.4, §2.6.2
    assert find_symbols(ny_masthead("A/54/L.74/ADD.1"), A4_HEIGHT).symbol == "A/54/L.74/Add.1"


def test_modifiers_after_a_parenthesised_component_are_written_in_canonical_case():
    # §2.4, §2.6.2: modifiers are emitted in canonical case (REV.1 -> Rev.1), after a session in parentheses too.
    found = find_symbols(ny_masthead("TD/B/WP(XXXV)/MISC.1/REV.1"), A4_HEIGHT)
    assert found.symbol == "TD/B/WP(XXXV)/MISC.1/Rev.1"


def test_the_large_first_letter_and_the_rest_of_the_symbol_are_one_symbol():
    # The symbol's first component is set in large type, touching the rest: "S" + "/RES/2789 (2025)".
    letter = line("S", top=44.0, x0=RIGHT_COLUMN, x1=RIGHT_COLUMN + 11.0, size=20.0)
    rest = line("/RES/2789 (2025)", top=52.0, x0=RIGHT_COLUMN + 11.5, size=12.0)
    head = [left("United Nations", 48.0, size=12.0, bold=True), letter, rest]
    assert find_symbols(head, A4_HEIGHT).symbol == "S/RES/2789 (2025)"


def test_a_joint_symbol_gives_every_symbol_and_the_first_as_the_document_symbol():
    # §2.4: two full symbols joined by a hyphen; the schema's `symbol` is a joint document's first.
    found = find_symbols(ny_masthead("A/79/552-S/2024/767"), A4_HEIGHT)
    assert (found.symbol, found.symbols) == ("A/79/552", ["A/79/552", "S/2024/767"])


def test_a_joint_symbol_broken_after_its_hyphen_is_read_whole():
    head = [right("E/2025/L.16-", 48.0, size=12.0), right("E/HLPF/2025/L.1", 62.0, size=12.0)]
    assert find_symbols(head, A4_HEIGHT).symbols == ["E/2025/L.16", "E/HLPF/2025/L.1"]


def test_a_symbol_printed_lower_on_the_page_is_not_the_document_symbol():
    # The symbol sits in the top corner (§1.1); a symbol in the text below is a citation.
    head = [left("United Nations", 48.0, size=12.0, bold=True), right("A/80/L.2/Rev.1", 400.0)]
    assert find_symbols(head, A4_HEIGHT) == FoundSymbols(None, [], None)


@pytest.mark.parametrize("text", ["2/18", "25-15106 (E)", "*2515106*", "19 September 2025", "Distr.: General"])
def test_page_counters_job_numbers_and_dates_are_not_symbols(text: str):
    assert find_symbols([right(text, 48.0)], A4_HEIGHT).symbol is None


# --- read_masthead: a whole masthead (§1.1, §1.7) -------------------------------------------------------


def test_a_new_york_resolution_masthead():
    md = masthead_of(ny_masthead(), footer("25-15106 (E)", "*2515106*"))
    assert (md.symbol, md.symbols, md.symbol_printed) == ("A/RES/80/1", ["A/RES/80/1"], "A/RES/80/1")
    assert md.body == "General Assembly"
    assert md.distribution == "General"
    assert md.date == "2025-09-19"
    assert md.session == "Eightieth session"
    assert md.agenda_items == ["7"]
    assert md.job_number == "25-15106"
    assert md.language == "en"
    assert md.original_language is None  # adopted A/RES texts have no "Original:" line (§1.1.6)


def test_a_new_york_draft_masthead():
    head = ny_masthead("A/C.3/80/L.20", right_lines=("Distr.: Limited", "22 October 2025", "Original: English"),
                       left_lines=("Eightieth session", "Third Committee", "Agenda item 67",
                                   "Promotion and protection of the rights of children"))
    md = masthead_of(head, footer("25-17035 (E)"))
    assert (md.symbol, md.body, md.distribution, md.date) == (
        "A/C.3/80/L.20", "General Assembly", "Limited", "2025-10-22")
    assert (md.original_language, md.session, md.agenda_items) == ("English", "Eightieth session", ["67"])
    assert md.job_number == "25-17035"


def test_a_security_council_masthead():
    head = ny_masthead("S/RES/2223 (2015)", organ="Security Council",
                       right_lines=("Distr.: General", "28 May 2015"), left_lines=())
    text = "The Security Council, Recalling its previous resolutions and the statements of its President,"
    md = masthead_of(head, footer("15-08725 (E)"), text=text)
    assert (md.symbol, md.body, md.date) == ("S/RES/2223 (2015)", "Security Council", "2015-05-28")
    assert (md.session, md.agenda_items) == (None, [])  # SC resolutions have neither


def test_a_vienna_masthead():
    # E/CN.7/2003/10 (§1.7): the subsidiary body and the place and dates of its session in the left column.
    head = [
        left("United Nations", 48.0, size=12.0, bold=True), right("E/CN.7/2003/10", 48.0, size=12.0),
        left("Economic and Social Council", 70.0, size=ORGAN_SIZE, bold=True),
        right("Distr.: General", 92.0, size=9.0), right("29 January 2003", 104.0, size=9.0),
        right("Original: English", 116.0, size=9.0),
        left("Commission on Narcotic Drugs", 150.0, bold=True), left("Forty-sixth session", 162.0),
        left("Vienna, 8-17 April 2003", 174.0), left("Item 5 of the provisional agenda*", 186.0),
    ]
    md = masthead_of(head, footer("V.03-80680 (E) 270203 280203", "*0380680*"))
    assert (md.body, md.date, md.original_language) == ("Economic and Social Council", "2003-01-29", "English")
    assert (md.session, md.agenda_items) == ("Forty-sixth session", ["5"])
    assert md.job_number == "V.03-80680"


def test_an_organ_spelled_out_over_two_lines_of_large_type():
    organ = ["Conference of the Parties to the United Nations", "Convention against Transnational Organized Crime"]
    head = [left("United Nations", 40.0, size=12.0, bold=True), right("CTOC/COP/2022/L.5", 40.0, size=12.0),
            left(organ[0], 62.0, size=14.0, bold=True), left(organ[1], 78.0, size=14.0, bold=True),
            right("Distr.: Limited", 100.0, size=9.0), right("19 October 2022", 112.0, size=9.0)]
    assert masthead_of(head).body == " ".join(organ)


def test_an_organ_set_at_text_size_is_found_by_its_name():
    head = ny_masthead()
    head[2] = left("General Assembly", 70.0, size=10.0, bold=True)
    assert masthead_of(head).body == "General Assembly"


def test_an_organ_name_that_wraps_past_the_top_of_the_page_is_read_whole():
    # §1.1 item 3: a long body name in large type runs over several lines, the last ones below the part of
    # the page where an organ's name begins.
    organ = ["Executive Board of the", "United Nations Development", "Programme, the United Nations",
             "Population Fund and the", "United Nations Office for", "Project Services"]
    head = [left("United Nations", 40.0, size=12.0, bold=True), right("DP/FPA/OPS/2026/L.1", 40.0, size=12.0)]
    head += [left(t, 62.0 + 17.0 * i, size=14.0, bold=True) for i, t in enumerate(organ)]
    head += [right("Distr.: Limited", 100.0, size=9.0), left("First regular session 2026", 175.0),
             left("Item 2 of the provisional agenda", 187.0)]
    assert masthead_of(head).body == " ".join(organ)


def test_a_body_named_in_the_left_column_above_its_place_and_dates():
    # §1.1 item 8: a conference without an organ in large type names itself in the left column, in bold,
    # above the place and dates of its session and the agenda line.
    name = ["2030 United Nations Conference on", "Coastal Fisheries"]
    head = [left("United Nations", 40.0, size=12.0, bold=True), right("A/CONF.299/2030/L.1", 40.0, size=12.0),
            right("Distr.: Limited", 76.0, size=9.0), right("9 June 2030", 88.0, size=9.0)]
    head += [left(t, 210.0 + 13.0 * i, size=12.0, bold=True) for i, t in enumerate(name)]
    head += [left("Suva, Fiji, 3–7 June 2030", 240.0), left("Agenda item 9", 252.0),
             left("Adoption of the report", 264.0, bold=True)]
    md = masthead_of(head)
    assert (md.body, md.agenda_items) == (" ".join(name), ["9"])


def test_no_body_is_taken_from_the_left_column_without_an_agenda_line_under_it():
    head = [left("United Nations", 40.0, size=12.0, bold=True), right("A/CONF.299/2030/L.1", 40.0, size=12.0),
            left("Coastal Fisheries", 210.0, size=12.0, bold=True), left("Suva, Fiji, 3–7 June 2030", 224.0)]
    assert masthead_of(head).body is None


def test_the_large_united_nations_line_is_not_the_organ():
    head = [line("United Nations", top=40.0, x0=LEFT, size=ORGAN_SIZE, bold=True),
            right("A/RES/80/1", 40.0, size=12.0), left("General Assembly", 66.0, size=ORGAN_SIZE, bold=True)]
    assert masthead_of(head).body == "General Assembly"


# --- distribution (§1.2) --------------------------------------------------------------------------------


@pytest.mark.parametrize(("lines", "value"), [
    (("Distr.: General",), "General"),
    (("Distr.: Limited",), "Limited"),
    (("Distr.: Restricted",), "Restricted"),
    (("Distr.", "GENERAL"), "General"),  # older mastheads: two lines, in capitals
    (("Distr. general",), "General"),  # Spanish (§7)
])
def test_the_distribution_line(lines: tuple[str, ...], value: str):
    head = ny_masthead(right_lines=(*lines, "19 September 2025"))
    assert masthead_of(head).distribution == value


def test_an_older_masthead_with_distribution_above_the_symbol():
    # §1.2: "Distr." / "GENERAL" / "A/RES/49/202" / "13 March 1995", in that order down the right column.
    head = [left("UNITED", 40.0, size=14.0, bold=True), left("NATIONS", 56.0, size=14.0, bold=True)]
    head += [right(t, 40.0 + 12 * i) for i, t in enumerate(("Distr.", "GENERAL", "A/RES/49/202", "13 March 1995"))]
    md = masthead_of(head)
    assert (md.symbol, md.distribution, md.date, md.body) == ("A/RES/49/202", "General", "1995-03-13", None)


def test_a_masthead_without_a_distribution_line():
    assert masthead_of(ny_masthead(right_lines=("19 September 2025",))).distribution is None


# --- date (§1.3) ----------------------------------------------------------------------------------------


def test_the_masthead_date_is_the_date_of_issue_not_of_adoption():
    # A/RES/80/2: dated 15 October 2025, adopted 14 October 2025.
    head = ny_masthead("A/RES/80/2", right_lines=("Distr.: General", "15 October 2025"))
    head += [left("Resolution adopted by the General Assembly", 260.0, bold=True),
             left("on 14 October 2025", 272.0, bold=True)]
    assert masthead_of(head).date == "2025-10-15"


def test_a_spanish_masthead_date():
    head = ny_masthead("A/RES/77/247", organ="Asamblea General", right_lines=("Distr. general", "9 de enero de 2023"))
    assert masthead_of(head).date == "2023-01-09"


def test_a_date_below_the_masthead_is_not_its_date():
    head = ny_masthead(right_lines=("Distr.: General",)) + [left("14 October 2025", 420.0)]
    assert masthead_of(head).date is None


# --- session and agenda item (§1.1.8, §1.1.9, §7) ------------------------------------------------------


@pytest.mark.parametrize("session", ["Eightieth session", "Fifty-ninth session", "Octogésimo período de sesiones",
                                     "Quatre-vingtième session"])
def test_the_session_line(session: str):
    assert masthead_of(ny_masthead(left_lines=(session, "Agenda item 7"))).session == session


def test_a_long_line_that_mentions_a_session_is_not_the_session_line():
    title = ("Organization of work of the General Assembly at its eightieth session, adoption of the agenda "
             "and allocation of items")
    assert masthead_of(ny_masthead(left_lines=("Agenda item 7", title))).session is None


@pytest.mark.parametrize(("text", "items"), [
    ("Agenda item 67", ["67"]),
    ("Agenda item 25 (b)", ["25 (b)"]),
    ("Agenda item 99 (ii)", ["99 (ii)"]),
    ("Agenda items 20 and 21", ["20", "21"]),
    ("Agenda items 12, 13 and 14", ["12", "13", "14"]),
    ("Item 5 of the provisional agenda*", ["5"]),
    ("Agenda item 68*", ["68"]),  # the star of a first-page note (§1.4) is not part of the item
    ("Tema 68 del programa", ["68"]),
    ("Point 68 de l’ordre du jour", ["68"]),
])
def test_the_agenda_item(text: str, items: list[str]):
    assert masthead_of(ny_masthead(left_lines=("Eightieth session", text))).agenda_items == items


# --- job number and language (§1.5, §7) -----------------------------------------------------------------


@pytest.mark.parametrize(("printed", "number", "language"), [
    ("25-15106 (E)", "25-15106", "en"),
    ("14-58484 (E) 300714", "14-58484", "en"),  # older: with the dates after it
    ("98-14973 (S) 210898 220898", "98-14973", "es"),
    ("V.22-21550 (E)", "V.22-21550", "en"),  # Vienna
    ("GE.22-12345 (F)", "GE.22-12345", "fr"),  # Geneva
    ("11-63085 (F) 1163085", "11-63085", "fr"),
])
def test_the_job_number_and_its_language_letter(printed: str, number: str, language: str):
    md = masthead_of(ny_masthead(), footer(printed, "*2515106*"), text="")
    assert (md.job_number, md.language) == (number, language)


def test_the_barcode_is_not_the_job_number():
    assert masthead_of(ny_masthead(), footer("*2515106*")).job_number is None


def test_the_language_of_the_text_decides_over_the_job_letter():
    spanish = ("La Asamblea General, Recordando su resolución 70/1, de 25 de septiembre de 2015, en la que aprobó "
               "el documento final de la cumbre de las Naciones Unidas para la aprobación de la agenda,")
    md = masthead_of(ny_masthead(), footer("25-15106 (E)"), text=spanish)
    assert md.language == "es"


def test_a_translated_version_keeps_the_original_language_as_printed():
    head = ny_masthead("A/53/250", organ="Assemblée générale",
                       right_lines=("Distr. générale", "11 septembre 1998", "Français", "Original: anglais"))
    md = masthead_of(head, footer("98-25123 (F) 140998"))
    assert (md.original_language, md.date) == ("anglais", "1998-09-11")


# --- read_heading_block (§3.1) --------------------------------------------------------------------------


def heading(blocks: list[str], symbol: str | None = None) -> tuple[Metadata, dict[str, int]]:
    given = Metadata(symbol=symbol, symbols=[symbol] if symbol else [])
    md, where = read_heading_block(blocks, given)
    assert given == Metadata(symbol=symbol, symbols=[symbol] if symbol else [])  # a new value, the given one kept
    return md, where


def test_a_general_assembly_resolution_heading():
    blocks = ["Resolution adopted by the General Assembly on 19 September 2025",
              "[without reference to a Main Committee (A/80/L.2/Rev.1)]",
              "80/1. Participation by the State of Palestine during the eightieth session"]
    md, where = heading(blocks, "A/RES/80/1")
    assert md.document_type == "resolution"
    assert md.adoption == blocks[0]
    assert (md.number, md.title) == ("80/1", "Participation by the State of Palestine during the eightieth session")
    assert where == {"title": 2}


def test_an_older_heading_in_capitals_without_a_date():
    md, _ = heading(["RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY", "[on the report of the Fifth Committee (A/56/737)]",
                     "56/242. Pattern of conferences"], "A/RES/56/242")
    assert (md.document_type, md.number, md.title) == ("resolution", "56/242", "Pattern of conferences")


@pytest.mark.parametrize(("line_", "number", "title"), [
    ("68/247 B. Questions relating to the programme budget", "68/247 B", "Questions relating to the programme budget"),
    ("S-13/2. Declaration on the situation", "S-13/2", "Declaration on the situation"),
    ("ES-11/1. Aggression against Ukraine", "ES-11/1", "Aggression against Ukraine"),
])
def test_the_number_and_title_line(line_: str, number: str, title: str):
    md, _ = heading(["Resolution adopted by the General Assembly on 2 March 2022", line_])
    assert (md.number, md.title) == (number, title)


def test_a_resolution_without_a_number_line_takes_its_number_from_the_symbol():
    md, _ = heading(["Resolution adopted by the General Assembly on 19 September 2025"], "A/RES/80/1")
    assert md.number == "80/1"


def test_a_security_council_resolution_heading():
    blocks = ["Resolution 2223 (2015)", "Adopted by the Security Council at its 7451st meeting, on 28 May 2015"]
    md, where = heading(blocks, "S/RES/2223 (2015)")
    assert (md.document_type, md.number, md.adoption) == ("resolution", "2223 (2015)", blocks[1])
    assert md.title is None  # SC resolutions have no title (§3.1)
    assert where == {"number": 0}


def test_a_human_rights_council_decision_heading():
    blocks = ["Decision adopted by the Human Rights Council on 4 April 2025",
              "58/115. Outcome of the universal periodic review: Italy"]
    md, _ = heading(blocks, "A/HRC/DEC/58/115")
    assert (md.document_type, md.number, md.title) == (
        "decision", "58/115", "Outcome of the universal periodic review: Italy")
    assert md.adoption == blocks[0]


def test_a_sponsor_line_lists_the_sponsors_of_a_draft():
    blocks = ["Andorra, Antigua and Barbuda, Argentina, Austria and Bahamas (The): draft resolution",
              "Promotion and protection of the rights of children"]
    md, where = heading(blocks, "A/C.3/80/L.20")
    assert md.document_type == "draft_resolution"
    assert md.sponsors == ["Andorra", "Antigua and Barbuda", "Argentina", "Austria", "Bahamas (The)"]
    assert where == {"sponsor": 0}


def test_a_revised_draft_decision_by_its_sponsors():
    md, _ = heading(["Japan and Trinidad and Tobago: revised draft decision"], "A/C.2/80/L.5/Rev.1")
    assert (md.document_type, md.sponsors) == ("draft_decision", ["Japan", "Trinidad and Tobago"])


@pytest.mark.parametrize(("text", "dtype", "by"), [
    ("Draft resolution submitted by the Chair of the Working Group of Government Experts on Technical Assistance",
     "draft_resolution", "the Chair of the Working Group of Government Experts on Technical Assistance"),
    ("Draft decision submitted by the Chair of the Committee", "draft_decision", "the Chair of the Committee"),
])
def test_a_draft_submitted_by_an_officer(text: str, dtype: str, by: str):
    md, where = heading([text])  # the heading alone tells, without an L-symbol
    assert (md.document_type, md.submitted_by, md.sponsors) == (dtype, by, [])
    assert where == {"sponsor": 0}


@pytest.mark.parametrize(("symbol", "dtype"), [
    ("A/RES/80/1", "resolution"),
    ("A/HRC/DEC/31/115", "decision"),
    ("A/80/342", "other"),  # a report
])
def test_the_symbol_tells_the_type_when_the_heading_does_not(symbol: str, dtype: str):
    md, _ = heading(["Report of the Secretary-General"], symbol)
    assert md.document_type == dtype


def test_an_l_document_that_speaks_of_a_draft_decision_is_one():
    md, _ = heading(["Draft decision", "Revitalization of the work of the General Assembly"], "A/80/L.7")
    assert md.document_type == "draft_decision"


def test_nothing_recognised_is_other():
    md, where = heading(["Note by the Secretariat"])
    assert (md.document_type, md.number, md.title, where) == ("other", None, None, {})
