"""Structure helpers on plain strings: paragraph labels, closing punctuation, masthead dates, symbols,
sponsors and the language of a text."""

from __future__ import annotations

import pytest

from resparse.citations.find import split_joint
from resparse.structure.body import parse_label, terminal
from resparse.structure.masthead import _split_sponsors, iso_date, language_of

# --- parse_label ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "family", "value", "rest"), [
    ("1. Decides to remain seized", "number", "1", "Decides to remain seized"),
    ("12.\tRequests the Secretary-General", "number", "12", "Requests the Secretary-General"),
    ("3.Decides", "number", "3", "Decides"),
    ("(a) States parties", "paren", "(a)", "States parties"),
    ("(aa) further measures", "paren", "(aa)", "further measures"),
    ("(b). To report", "paren", "(b)", "To report"),
    ("(ii) text", "paren", "(ii)", "text"),
    ("(xviii)To collaborate", "paren", "(xviii)", "To collaborate"),  # a tab left no visible gap
    ("a) Los Estados", "close", "a)", "Los Estados"),
    ("iv) les États", "close", "iv)", "les États"),
    ("• item", "bullet", "•", "item"),
])
def test_label(text: str, family: str, value: str, rest: str):
    label = parse_label(text)
    assert label is not None
    assert (label.family, label.value) == (family, value)
    assert text[label.length:] == rest  # `length` covers the label and the space after it


@pytest.mark.parametrize("text", [
    "2030 Agenda",
    "2030 Agenda for Sustainable Development",
    "1.5 million people",
    "(d)the",
    "(Signed) Antonio Guterres",
    "I. Introduction",
    "Decides (a) to act",
    "",
])
def test_no_label(text: str):
    assert parse_label(text) is None


# --- terminal ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Decides to remain seized of the matter.", "."),
    ("Requests the Secretary-General to report;", ";"),
    ("Recalling its resolution 70/1,", ","),
    ("Requests the Panel:", ":"),
    ("the embargo against Cuba”.", "."),
    ("entitled “Transforming our world”;", ";"),
    ("the “Agenda for Humanity”,”", ","),
    ("as stated in the report (A/80/1).", "."),
    ("and the plan.”", "."),
    ("text;  ", ";"),
    ("", ""),
])
def test_terminal(text: str, expected: str):
    assert terminal(text) == expected


# --- iso_date ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("19 September 2025", "2025-09-19"),
    ("1 August 2024", "2024-08-01"),
    ("9 de enero de 2023", "2023-01-09"),
    ("11 septembre 1998", "1998-09-11"),
    ("31 mai 2025", "2025-05-31"),
    ("Geneva, 3 July 2025", "2025-07-03"),
    ("September 2025", None),
    ("no date here", None),
])
def test_iso_date(text: str, expected: str | None):
    assert iso_date(text) == expected


def test_iso_date_refuses_an_impossible_date():
    assert iso_date("32 January 2020") is None


# --- split_joint (the one symbol grammar) ---------------------------------------------------------


@pytest.mark.parametrize(("symbol", "parts"), [
    ("E/2025/L.16-E/HLPF/2025/L.1", ["E/2025/L.16", "E/HLPF/2025/L.1"]),
    ("A/51/595-S/1996/892", ["A/51/595", "S/1996/892"]),
    ("A/RES/S-13/2", ["A/RES/S-13/2"]),
    ("A/RES/ES-11/1", ["A/RES/ES-11/1"]),
    ("A/HRC/RES/S-30/1", ["A/HRC/RES/S-30/1"]),
    ("CTOC/COP/2022/L.5", ["CTOC/COP/2022/L.5"]),
])
def test_split_joint(symbol: str, parts: list[str]):
    assert split_joint(symbol) == parts


# --- _split_sponsors --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "names"), [
    ("Antigua and Barbuda, Bosnia and Herzegovina and Japan",
     ["Antigua and Barbuda", "Bosnia and Herzegovina", "Japan"]),
    ("France, Germany and Japan", ["France", "Germany", "Japan"]),
    ("Japan and France", ["Japan", "France"]),
    ("Japan", ["Japan"]),
    ("France*, Germany** and Japan:", ["France", "Germany", "Japan"]),
    ("Bolivia (Plurinational State of), Chile and Peru",
     ["Bolivia (Plurinational State of)", "Chile", "Peru"]),
])
def test_split_sponsors(text: str, names: list[str]):
    assert _split_sponsors(text) == names




@pytest.mark.parametrize("name", ["Bosnia and Herzegovina", "Trinidad and Tobago", "Antigua and Barbuda"])
def test_a_sole_sponsor_with_and_in_its_name_is_one_name(name: str):
    assert _split_sponsors(name) == [name]


@pytest.mark.parametrize(("text", "names"), [
    ("Japan and Trinidad and Tobago", ["Japan", "Trinidad and Tobago"]),
    ("Argentina, Japan and Saint Vincent and the Grenadines",
     ["Argentina", "Japan", "Saint Vincent and the Grenadines"]),
])
def test_a_last_sponsor_with_and_in_its_name_stays_whole(text: str, names: list[str]):
    assert _split_sponsors(text) == names


# --- language_of ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [
    ("The General Assembly, Recalling its resolution 70/1 of 25 September 2015, in which it adopted the "
     "outcome document of the summit for the adoption of the post-2015 development agenda,", "en"),
    ("La Asamblea General, Recordando su resolución 70/1, de 25 de septiembre de 2015, en la que aprobó el "
     "documento final de la cumbre de las Naciones Unidas,", "es"),
    ("L’Assemblée générale, Rappelant sa résolution 70/1 du 25 septembre 2015, dans laquelle elle a adopté "
     "le document final du Sommet des Nations Unies consacré à l’adoption du programme,", "fr"),
    ("Генеральная Ассамблея, ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,", "ru"),
    ("إن الجمعية العامة، إذ تشير إلى قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،", "ar"),
    ("大会，回顾其2015年9月25日第70/1号决议，", "zh"),
])
def test_language_of(text: str, code: str):
    assert language_of(text) == code


@pytest.mark.parametrize("text", ["", "   ", "70/1 2015 12.3", "Xqz Wvk"])
def test_language_of_a_text_without_known_words_is_unknown(text: str):
    assert language_of(text) is None


def test_an_english_text_that_quotes_a_russian_title_is_english():
    text = ("The General Assembly, Recalling the report of the Commission and its resolution 70/1, and "
            "taking note of the publication entitled “Мир и развитие” of the Institute for the year 2015,")
    assert language_of(text) == "en"


# --- word lists are data -----------------------------------------------------------------------------


def test_language_word_lists_are_read_from_each_languages_data_file():
    from resparse.languages import entries, language, languages

    assert set(languages()) == {"ar", "en", "es", "fr", "ru", "zh"}
    assert language("en")["organs"]["names"][:2] == ["General Assembly", "Security Council"]
    assert "Working Group" in entries("formula.heads")
    assert language("en")["leads"]["endings"] == ["ing", "ed", "ful", "ous"]
    assert "Trinidad and Tobago" in entries("sponsors.names_with_and")
    # Every language's entries, each once.
    assert "Consejo Económico y Social" in entries("organs.names") and "大会" in entries("organs.names")
    assert len(entries("masthead.session_forms")) == len(set(entries("masthead.session_forms")))


def test_the_passes_over_the_tree_run_in_their_order():
    from resparse.structure.builder import PASSES

    names = [name for name, _ in PASSES]
    assert names == ["assign_ids", "link_footnotes", "check_numbering", "attach_citations"]


def test_a_draft_prints_its_number_to_come_as_a_placeholder_before_the_title():
    from resparse.model.document import Metadata
    from resparse.structure.masthead import read_heading_block

    md, where = read_heading_block(
        ["Human Rights Council", "Fifty-ninth session", "Agenda item 3",
         "Albania, Chile and Fiji: draft resolution", "59/… Human rights and climate change"],
        Metadata(symbol="A/HRC/59/L.1", symbols=["A/HRC/59/L.1"]))
    assert (md.number, md.title, md.document_type) == ("59/…", "Human rights and climate change", "draft_resolution")
    assert md.sponsors == ["Albania", "Chile", "Fiji"]
    assert where["title"] == 4


def test_glyphs_without_a_character_are_reported_once_with_their_pages():
    from factories import laid_out_page, line
    from resparse.structure.builder import unreadable_glyphs

    readable = laid_out_page(1, [line("Recalling its resolution 70/1,", top=100.0)])
    assert unreadable_glyphs([readable]) is None
    lost = laid_out_page(2, [line("\ufffd\ufffd\ufffd 1 \ufffd\ufffd", top=100.0)])
    note = laid_out_page(3, [])
    note.notes.append(line("1 \ufffd\ufffd", top=700.0, page=3))
    warning = unreadable_glyphs([readable, lost, note])
    assert warning is not None and warning.code == "unreadable_glyphs"
    assert warning.message.startswith("glyphs on 2 pages (2, 3) have no character")
