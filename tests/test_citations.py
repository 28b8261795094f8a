"""Citations: every recognised form, the negative cases, Ibid. resolution and the edge list."""

from __future__ import annotations

import pytest

from resparse.citations import Citation, edges, find_citations

GA = "General Assembly"
SC = "Security Council"
ECOSOC = "Economic and Social Council"
HRC = "Human Rights Council"


def cites(text: str, **kwargs) -> list[dict]:
    found = find_citations(text, **kwargs)
    for c in found:  # `text` is always the printed span at `offset`
        assert text[c.offset:c.offset + len(c.text)] == c.text
    return [c.to_dict() for c in found]


def one(text: str, **kwargs) -> dict:
    found = cites(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


# -- document symbols ----------------------------------------------------------------------------


def test_plain_symbol_with_link():
    assert one("A/80/342.") == {
        "kind": "symbol", "text": "A/80/342", "offset": 0, "symbol": "A/80/342",
        "url": "https://undocs.org/A/80/342", "target": "A/80/342",
    }


@pytest.mark.parametrize("printed", [
    "A/C.3/78/L.60/Rev.2", "A/HRC/59/42/Add.1", "A/CONF.189/12/Corr.1", "E/CN.4/Sub.2/1994/56",
    "ST/LIB/SER.B/5/Rev.5", "PCNICC/2000/WGRPE(7)/DP.1", "S/PRST/2013/2", "S/Agenda/7229",
    "A/HRC/DEC/31/115", "CEDAW/C/GC/38", "FCCC/CP/2015/10/Add.1", "A/AC.109/2019/L.18", "A/ES-10/273",
    "A/RES/S-13/2", "A/RES/ES-8/2", "A/RES/80/1", "TPNW/MSP/2025/NGO/34", "E/ICEF/2025/L.13",
])
def test_symbol_forms_are_kept_whole(printed):
    found = one(f"See {printed}, chap. I.")
    assert (found["symbol"], found["text"], found["offset"]) == (printed, printed, 4)
    assert found["url"] == "https://undocs.org/" + printed
    assert found["pinpoint"] == "chap. I"


def test_joint_symbol_is_one_citation_with_its_parts():
    assert one("13 A/67/828-S/2013/210, annex.") == {
        "kind": "symbol", "text": "A/67/828-S/2013/210", "offset": 3, "symbol": "A/67/828-S/2013/210",
        "symbols": ["A/67/828", "S/2013/210"], "url": "https://undocs.org/A/67/828",
        "pinpoint": "annex", "target": "A/67/828-S/2013/210",
    }


def test_joint_symbol_with_addenda_on_both_parts():
    found = one("A/80/74/Add.1-E/2025/53/Add.1.")
    assert found["symbols"] == ["A/80/74/Add.1", "E/2025/53/Add.1"]


def test_hyphen_inside_a_component_does_not_split():
    assert one("A/RES/S-13/2")["symbol"] == "A/RES/S-13/2"
    assert "symbols" not in one("A/ES-10/273")


def test_abbreviated_follow_on_becomes_its_own_citation():
    found = cites("(A/61/L.45 and Add.1)")
    assert found == [
        {"kind": "symbol", "text": "A/61/L.45", "offset": 1, "symbol": "A/61/L.45",
         "url": "https://undocs.org/A/61/L.45", "target": "A/61/L.45"},
        {"kind": "symbol", "text": "Add.1", "offset": 15, "symbol": "A/61/L.45/Add.1",
         "url": "https://undocs.org/A/61/L.45/Add.1", "target": "A/61/L.45/Add.1"},
    ]


def test_follow_ons_replace_a_modifier_of_the_same_kind_and_append_another():
    found = cites("A/59/668/Add.7 à Add.10; A/71/53/Add.1 and Corr.1")
    assert [c["symbol"] for c in found] == [
        "A/59/668/Add.7", "A/59/668/Add.10", "A/71/53/Add.1", "A/71/53/Add.1/Corr.1",
    ]


def test_two_full_symbols_joined_by_and():
    found = cites("See A/CONF.189/12 and A/CONF.189/12/Corr.1, chap. I.")
    assert [c["symbol"] for c in found] == ["A/CONF.189/12", "A/CONF.189/12/Corr.1"]
    assert found[1]["pinpoint"] == "chap. I"


def test_reissue_star_is_stripped_into_a_field():
    assert one("A/77/L.26*") == {
        "kind": "symbol", "text": "A/77/L.26*", "offset": 0, "symbol": "A/77/L.26", "reissue": "*",
        "url": "https://undocs.org/A/77/L.26", "target": "A/77/L.26",
    }


def test_canonical_case_spacing_and_link():
    assert one("A/54/L.74/ADD.1")["symbol"] == "A/54/L.74/Add.1"
    sc = one("S/RES/1373(2001)")
    assert (sc["symbol"], sc["url"]) == ("S/RES/1373 (2001)", "https://undocs.org/S/RES/1373(2001)")
    part = one("A/RES/68/247B")
    assert (part["symbol"], part["url"]) == ("A/RES/68/247 B", "https://undocs.org/A/RES/68/247B")
    assert one("A/RES/217A (III)")["symbol"] == "A/RES/217 A (III)"


def test_parenthesis_after_a_non_resolution_symbol_is_not_part_of_it():
    found = one("(A/73/12 (Part I))")
    assert (found["symbol"], found["text"]) == ("A/73/12", "A/73/12")


def test_symbol_of_another_series_has_no_link():
    found = one("World Health Organization, document WHA58/2005/REC/1.")
    assert found == {"kind": "symbol", "text": "WHA58/2005/REC/1", "offset": 36, "symbol": "WHA58/2005/REC/1",
                     "target": "WHA58/2005/REC/1"}


def test_symbol_with_paragraph_pinpoint():
    assert one("(A/80/401, para. 6)")["pinpoint"] == "para. 6"
    assert one("CTOC/COP/WG.2/2022/4, paras. 8 and 10.")["pinpoint"] == "paras. 8 and 10"


# -- negative cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "2/10",
    "2/10 25-08787",
    "18-16895 (E)",
    "25-15106 (E) 300714",
    "V.22-21550",
    "V.22-21550 4/5",
    "*2221550*",
    "25 July 2024–30 July 2025",
    "1 August 2012–31 July 2013",
    "12. Requests the Secretary-General to report;",
    "as set out in paragraph 1 (a) above",
    "Agenda item 25 (b)",
    "Decade 2014–20243",
    "the Sudan Liberation Army Abdul Wahid (SLA/AW), JEM/Gibril and ISIL/Da’esh",
    "weapons and/or ammunition, lot/batch numbers, the AU/UN report, the M/V Galaxy Leader",
    "36 G/36 G/ I Tb",
    "Sales No. E.96.IV.13",
    "decision-making and conflict resolution 2024 priorities",
    "Decision 1: Intersessional structure",
    "chap. I, resolution 1, annexes I and II.",
    "outstanding performance and decisions\n2/5 25-10706",
    "Resolutions and Decisions of the Security Council",
])
def test_not_citations(text):
    assert cites(text, context_body=GA) == []


# -- resolutions and decisions -------------------------------------------------------------------


def test_its_resolution_with_date_in_a_ga_text():
    assert one("Recalling its resolution 10/4 of 16 October 2020, entitled", context_body=GA) == {
        "kind": "resolution", "text": "its resolution 10/4 of 16 October 2020", "offset": 10,
        "symbol": "A/RES/10/4", "url": "https://undocs.org/A/RES/10/4", "body": GA, "number": "10/4",
        "date": "2020-10-16", "target": "A/RES/10/4",
    }


def test_its_resolution_in_a_treaty_body_text_keeps_that_body():
    cop = "Conference of the Parties to the United Nations Convention against Transnational Organized Crime"
    found = one("Recalling its resolution 10/4 of 16 October 2020,", context_body=cop)
    assert found["body"] == cop and "symbol" not in found
    assert found["target"] == f"{cop} resolution 10/4"


def test_security_council_year_form():
    assert one("recalling resolution 2242 (2015) and its aspiration", context_body=SC) == {
        "kind": "resolution", "text": "resolution 2242 (2015)", "offset": 10, "symbol": "S/RES/2242 (2015)",
        "url": "https://undocs.org/S/RES/2242(2015)", "body": SC, "number": "2242 (2015)",
        "target": "S/RES/2242 (2015)",
    }


def test_year_form_is_security_council_whatever_the_context():
    assert one("resolution 1325 (2000) of 31 October 2000", context_body=ECOSOC)["body"] == SC


def test_old_ga_form_with_part_letter():
    assert one("1 Resolution 217 A (III).", context_body=GA) == {
        "kind": "resolution", "text": "Resolution 217 A (III)", "offset": 2, "symbol": "A/RES/217 A (III)",
        "url": "https://undocs.org/A/RES/217A(III)", "body": GA, "number": "217 A (III)",
        "target": "A/RES/217 A (III)",
    }


def test_resolution_list_gives_one_citation_per_number():
    assert cites("See resolutions 70/1 and 70/299.", context_body=GA) == [
        {"kind": "resolution", "text": "resolutions 70/1", "offset": 4, "symbol": "A/RES/70/1",
         "url": "https://undocs.org/A/RES/70/1", "body": GA, "number": "70/1", "target": "A/RES/70/1"},
        {"kind": "resolution", "text": "70/299", "offset": 25, "symbol": "A/RES/70/299",
         "url": "https://undocs.org/A/RES/70/299", "body": GA, "number": "70/299", "target": "A/RES/70/299"},
    ]


def test_list_with_dates_and_line_breaks():
    text = "its resolutions 1514 (XV) of 14 December 1960 and 1541 (XV) of\n15 December 1960"
    found = cites(text, context_body=GA)
    assert [(c["text"], c["number"], c["date"]) for c in found] == [
        ("its resolutions 1514 (XV) of 14 December 1960", "1514 (XV)", "1960-12-14"),
        ("1541 (XV) of\n15 December 1960", "1541 (XV)", "1960-12-15"),
    ]


def test_resolutions_and_decisions_in_one_footnote():
    found = cites("Resolutions 75/239 and 77/248 and decisions 74/543, 75/570 and 77/556.", context_body=GA)
    assert [(c["kind"], c["number"], c.get("symbol")) for c in found] == [
        ("resolution", "75/239", "A/RES/75/239"), ("resolution", "77/248", "A/RES/77/248"),
        ("decision", "74/543", None), ("decision", "75/570", None), ("decision", "77/556", None),
    ]
    assert found[2]["target"] == "General Assembly decision 74/543"


def test_security_council_list_with_and_without_years():
    found = cites("including resolutions 2712, 2720 (2023), 2728 and 2735 (2024),", context_body=SC)
    assert [(c["number"], c.get("symbol")) for c in found] == [
        ("2712", None), ("2720 (2023)", "S/RES/2720 (2023)"), ("2728", None),
        ("2735 (2024)", "S/RES/2735 (2024)"),
    ]
    assert found[0]["target"] == "Security Council resolution 2712"


def test_oxford_comma_ends_the_list():
    found = cites("resolutions 1325 (2000), 2242 (2015), and subsequent resolutions", context_body=SC)
    assert [c["number"] for c in found] == ["1325 (2000)", "2242 (2015)"]


def test_named_bodies():
    hrc = one("Human Rights Council resolution 33/11 of\n29 September 2016", context_body=GA)
    assert (hrc["body"], hrc["symbol"], hrc["date"]) == (HRC, "A/HRC/RES/33/11", "2016-09-29")
    wha = one("World Health\nAssembly resolution 69.2 of 28 May 2016", context_body=GA)
    assert wha == {
        "kind": "resolution", "text": "World Health\nAssembly resolution 69.2 of 28 May 2016", "offset": 0,
        "body": "World Health Assembly", "number": "69.2", "date": "2016-05-28",
        "target": "World Health Assembly resolution 69.2",
    }
    sc = one("Including Security Council resolution 1645 (2005),", context_body=GA)
    assert (sc["text"], sc["symbol"]) == ("Security Council resolution 1645 (2005)", "S/RES/1645 (2005)")
    cc = one("Commission on Crime Prevention and Criminal Justice resolution 26/3, in a")
    assert cc["body"] == "Commission on Crime Prevention and Criminal Justice" and "symbol" not in cc


def test_ecosoc_symbol_only_for_year_style_numbers():
    found = one("Economic and Social\nCouncil resolution 2024/21 of 24 July 2024", context_body=GA)
    assert (found["body"], found["symbol"]) == (ECOSOC, "E/RES/2024/21")
    assert one("its resolution 2019/10", context_body=ECOSOC)["symbol"] == "E/RES/2019/10"
    # A session-style number cannot be an ECOSOC resolution: no body is guessed.
    found = one("at which resolution 79/1 entitled", context_body=ECOSOC)
    assert "body" not in found and "symbol" not in found
    assert found["target"] == "resolution 79/1"


def test_short_council_resolves_through_context_or_number_form():
    assert one("implementing Council resolution 2013/12", context_body=ECOSOC)["body"] == ECOSOC
    tpnw = "Meeting of States Parties to the Treaty on the Prohibition of Nuclear Weapons"
    assert one("Council resolution 1996/31 of 25 July 1996", context_body=tpnw)["symbol"] == "E/RES/1996/31"
    assert one("Conference resolution 9/1", context_body="Conference of the Parties")["body"] == (
        "Conference of the Parties")
    assert one("and Assembly resolution 76/300 of 28 July 2022", context_body=HRC)["body"] == GA


def test_its_refers_to_the_body_named_just_before():
    text = "Recalling also that the Economic and Social Council, in its resolution 2003/14"
    assert one(text, context_body="Commission for Social Development")["body"] == ECOSOC
    text = "Working Group on Ageing, established by the General Assembly in its resolution 65/182"
    assert one(text, context_body=ECOSOC)["symbol"] == "A/RES/65/182"
    text = "By its resolution 79/38, the General Assembly confirmed"
    assert one(text, context_body="Meeting of States Parties")["body"] == GA


def test_body_carries_to_the_next_resolution_of_the_same_sentence():
    text = "General Assembly resolution S-23/2, annex, and resolution S-23/3, annex."
    found = cites(text, context_body=ECOSOC)
    assert [(c["symbol"], c["pinpoint"]) for c in found] == [
        ("A/RES/S-23/2", "annex"), ("A/RES/S-23/3", "annex"),
    ]


def test_decisions():
    assert one("3. Recalls its decision 2024/11 and reaffirms", context_body="Executive Board of UNICEF") == {
        "kind": "decision", "text": "its decision 2024/11", "offset": 11, "body": "Executive Board of UNICEF",
        "number": "2024/11", "target": "Executive Board of UNICEF decision 2024/11",
    }
    assert one("decision 2024/11")["target"] == "decision 2024/11"
    hrc = one("its decision 31/115", context_body=HRC)
    assert (hrc["symbol"], hrc["url"]) == ("A/HRC/DEC/31/115", "https://undocs.org/A/HRC/DEC/31/115")
    unfccc = cites("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.", context_body=HRC)
    assert [c["kind"] for c in unfccc] == ["symbol", "decision"]
    assert unfccc[1]["number"] == "1/CP.21" and unfccc[1]["pinpoint"] == "annex"
    assert unfccc[1]["body"].startswith("Conference of the Parties to the United Nations Framework")


def test_ga_resolution_pinpoint_and_special_sessions():
    found = one("10 See General Assembly resolution S-30/1, annex.")
    assert (found["symbol"], found["pinpoint"]) == ("A/RES/S-30/1", "annex")
    assert one("resolution ES-10/23 of 10 May 2024", context_body=GA)["symbol"] == "A/RES/ES-10/23"
    assert one("Resolution 69/283, annex II.", context_body=GA)["pinpoint"] == "annex II"


def test_spanish_forms():
    found = one("incluida la resolución 75/98, de 10 de\ndiciembre de 2020, y", context_body=GA)
    assert (found["symbol"], found["date"]) == ("A/RES/75/98", "2020-12-10")
    found = one("la resolución 1860 (2009) del Consejo de Seguridad, de 8 de enero de 2009", context_body=GA)
    assert (found["body"], found["date"]) == (SC, "2009-01-08")
    assert one("la resolución S-30/1 del Consejo de\nDerechos Humanos", context_body=GA)["symbol"] == (
        "A/HRC/RES/S-30/1")


def test_bare_number_needs_the_security_council():
    assert one("its resolution 2216, and in this regard", context_body=SC)["number"] == "2216"
    assert cites("its resolution 2216, and in this regard", context_body=GA) == []


# -- treaties and Official Records ---------------------------------------------------------------


def test_treaty_series_single_and_multiple_volumes():
    assert one("1 United Nations, Treaty Series, vol. 2187, No. 38544.") == {
        "kind": "treaty", "text": "United Nations, Treaty Series, vol. 2187, No. 38544", "offset": 2,
        "volume": "2187", "treaty_number": "38544", "target": "UNTS No. 38544",
    }
    assert one("United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.") == {
        "kind": "treaty", "text": "United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574",
        "offset": 0, "volume": "2225", "volumes": ["2225", "2237", "2241", "2326"], "treaty_number": "39574",
        "target": "UNTS No. 39574",
    }
    spanish = one("Naciones Unidas, Treaty Series, vol. 1577, núm. 27531.")
    assert (spanish["volume"], spanish["treaty_number"]) == ("1577", "27531")


def test_official_records_general_assembly():
    text = ("See Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A "
            "(A/71/53/Add.1), chap. II.")
    assert one(text) == {
        "kind": "official_records",
        "text": ("Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A "
                 "(A/71/53/Add.1)"),
        "offset": 4, "symbol": "A/71/53/Add.1", "url": "https://undocs.org/A/71/53/Add.1",
        "organ": GA, "session": 71, "supplement": "53A", "pinpoint": "chap. II", "target": "A/71/53/Add.1",
    }


def test_official_records_with_corrigendum_lists_both_symbols_once():
    text = ("Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A "
            "and corrigendum\n"
            "(A/71/53/Add.1 and A/71/53/Add.1/Corr.1), chap. II.")
    found = one(text)
    assert found["symbols"] == ["A/71/53/Add.1", "A/71/53/Add.1/Corr.1"]
    assert found["symbol"] == "A/71/53/Add.1"


def test_official_records_ecosoc_by_year_and_conference_by_volume():
    found = one("Official Records of the Economic and Social Council, 1998, Supplement No. 21 (E/1998/41),\n"
                "sect. III.G.")
    assert (found["organ"], found["year"], found["supplement"], found["pinpoint"]) == (
        ECOSOC, 1998, "21", "sect. III.G")
    assert "session" not in found
    text = ("Official Records of the Third United Nations Conference on the Law\nof the Sea, vol. XVII "
            "(United Nations publication, Sales No. E.84.V.3), document A/CONF.62/122.")
    found = cites(text)
    assert [c["kind"] for c in found] == ["official_records", "symbol"]
    assert found[0]["text"].endswith("vol. XVII")
    assert found[0]["organ"] == "Third United Nations Conference on the Law of the Sea"
    assert found[0]["volume"] == "XVII"
    assert found[0]["target"] == (
        "Official Records of the Third United Nations Conference on the Law of the Sea, vol. XVII")


# -- Ibid. --------------------------------------------------------------------------------------


def test_ibid_repeats_a_treaty_with_its_own_volume():
    first = find_citations("United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.")
    assert one("Ibid., vol. 2225, No. 39574.", previous=[first]) == {
        "kind": "ibid", "text": "Ibid., vol. 2225, No. 39574", "offset": 0, "volume": "2225",
        "treaty_number": "39574", "repeats": "treaty", "target": "UNTS No. 39574",
    }
    other = one("Ibid., vol. 660, No. 9464.", previous=[first])
    assert (other["volume"], other["treaty_number"], other["target"]) == ("660", "9464", "UNTS No. 9464")


def test_ibid_repeats_the_latest_footnote_that_has_a_citation():
    notes = [find_citations("General Assembly resolution 78/1, annex."), [],
             find_citations("General Assembly resolution 79/1.")]
    assert one("Ibid., annex I.", previous=notes) == {
        "kind": "ibid", "text": "Ibid.", "offset": 0, "symbol": "A/RES/79/1", "url": "https://undocs.org/A/RES/79/1",
        "body": GA, "number": "79/1", "pinpoint": "annex I", "repeats": "resolution", "target": "A/RES/79/1",
    }


def test_ibid_of_ibid_and_unresolved_ibid():
    notes = [find_citations("See General Assembly resolution 2200 A (XXI), annex.")]
    notes.append(find_citations("Ibid.", previous=notes))
    again = one("Ibid.", previous=notes)
    assert (again["repeats"], again["symbol"]) == ("resolution", "A/RES/2200 A (XXI)")
    assert one("Ibid.") == {"kind": "ibid", "text": "Ibid.", "offset": 0}


# -- URLs -----------------------------------------------------------------------------------------


def test_undocs_url_carries_its_symbol_and_is_one_citation():
    assert one("http://undocs.org/A/RES/10/4.") == {
        "kind": "url", "text": "http://undocs.org/A/RES/10/4", "offset": 0, "symbol": "A/RES/10/4",
        "url": "http://undocs.org/A/RES/10/4", "target": "http://undocs.org/A/RES/10/4",
    }
    assert one("https://undocs.org/fr/S/RES/6(1946)")["symbol"] == "S/RES/6 (1946)"


def test_url_broken_over_lines_and_bare_www():
    text = ("11 Available at https://www.un.org/ohrlls/files/ldcs_ministerial_declaration_\n2024.pdf.\n"
            "12 A/79/75.")
    found = cites(text)
    assert found[0]["url"] == "https://www.un.org/ohrlls/files/ldcs_ministerial_declaration_2024.pdf"
    assert found[0]["text"].endswith("_\n2024.pdf")
    assert found[1]["symbol"] == "A/79/75"
    found = one("See www.un.org/en/observances/end-\nnuclear-tests-day.")
    assert found["url"] == "https://www.un.org/en/observances/end-nuclear-tests-day"
    found = one("(https://meetings.unoda.org/msp/treaty-on-the-\nprohibition-2025) without editing")
    assert found["url"] == "https://meetings.unoda.org/msp/treaty-on-the-prohibition-2025"


# -- model and edges ------------------------------------------------------------------------------


def test_to_dict_drops_none_and_lists_tuples():
    c = Citation(kind="treaty", text="x", offset=3, volume="1", volumes=("1", "2"))
    assert c.to_dict() == {"kind": "treaty", "text": "x", "offset": 3, "volume": "1", "volumes": ["1", "2"]}
    assert c.end == 4


def test_edges_walks_units_and_footnotes_in_order():
    para = "Recalling its resolution 75/138,"
    note = "United Nations, Treaty Series, vol. 1833, No. 31363."
    def dicts(text: str) -> list[dict]:
        return [c.to_dict() for c in find_citations(text, context_body=GA)]

    doc = {
        "metadata": {"symbol": "A/RES/80/1"},
        "preamble": {"paragraphs": [{"id": "pp1", "text": para, "citations": dicts(para), "items": []}]},
        "operative": [{"id": "op1", "text": "", "citations": [], "items": [
            {"id": "op1.a", "citations": dicts("See A/80/401.")},
        ]}],
        "annexes": [],
        "footnotes": [{"marker": "1", "text": note, "citations": dicts(note)}],
    }
    assert edges(doc) == [
        {"citing_symbol": "A/RES/80/1", "unit_id": "pp1", "kind": "resolution", "target": "A/RES/75/138",
         "link": "https://undocs.org/A/RES/75/138"},
        {"citing_symbol": "A/RES/80/1", "unit_id": "op1.a", "kind": "symbol", "target": "A/80/401",
         "link": "https://undocs.org/A/80/401"},
        {"citing_symbol": "A/RES/80/1", "unit_id": "footnote:1", "kind": "treaty", "target": "UNTS No. 31363",
         "link": None},
    ]


@pytest.mark.parametrize(("text", "number", "symbol"), [
    # §2.4: a resolution adopted in parts is cited by a range of them, as the masthead prints its symbol.
    ("Recalling its resolutions 70/93 A-B of 9 December 2015,", "70/93 A-B", "A/RES/70/93 A-B"),
    ("Recalling resolution 68/247 A and B,", "68/247 A and B", "A/RES/68/247 A-B"),
    ("Recalling resolution 60/1 A to C,", "60/1 A to C", "A/RES/60/1 A-C"),
    ("Recalling resolution 70/93 A,", "70/93 A", "A/RES/70/93 A"),
    ("Recalling resolutions 70/93 A and C,", "70/93 A and C", None),  # two parts, not a range
])
def test_a_range_of_resolution_parts_names_the_symbol_of_the_range(text, number, symbol):
    found = one(text, context_body="General Assembly")
    assert (found["number"], found.get("symbol")) == (number, symbol)
    if symbol:
        assert found["target"] == symbol  # the same symbol as the masthead of the cited document gives
