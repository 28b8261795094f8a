"""Citations in the six official languages: one sentence a language as the PDFs of corpus/ml print it, and, on
`../shared/corpus/ml`, that each language's version of a resolution cites what the English one cites (the set of
`target`s of its resolution and decision citations, and of its Official Records)."""

from __future__ import annotations

import pytest

from resparse.citations import find_citations

ECOSOC = "Economic and Social Council"


def fields(cite) -> dict:
    return {k: v for k, v in cite.to_dict().items() if k not in ("text", "offset", "url")}


# --- one sentence a language (the text of E/RES/2021/12, E/RES/2021/2 and their footnotes) ----------------------

@pytest.mark.parametrize("text", [
    "Reaffirming General Assembly resolution 70/1 of 25 September 2015, entitled",
    "Réaffirmant la résolution 70/1 de l’Assemblée générale, en date du 25 septembre 2015, intitulée",
    "Reafirmando la resolución 70/1 de la Asamblea General, de 25 de septiembre de\n2015, titulada",
    "подтверждая резолюцию 70/1 Генеральной Ассамблеи от 25 сентября 2015\nгода, озаглавленную",
    "重申大会 2015 年 9 月 25 日题为“变革我们的世界：2030 年可持续发展议\n程”的第 70/1 号决议，",
    "وإذ يؤكد من جديد قرار الجمعية العامة 70/1 المؤرخ 25 أيلول/سبتمبر 2015 المعنون",
])
def test_general_assembly_resolution_with_its_date(text):
    (cite,) = find_citations(text, context_body=ECOSOC)
    assert fields(cite) == {"kind": "resolution", "symbol": "A/RES/70/1", "body": "General Assembly",
                            "number": "70/1", "date": "2015-09-25", "target": "A/RES/70/1"}


def test_a_body_after_the_last_number_is_the_body_of_the_list():
    text = "Rappelant les résolutions 1514 (XV) et 1541 (XV) de l’Assemblée générale, en date\ndes 14 et 15 décembre"
    assert [c.target for c in find_citations(text, context_body=ECOSOC)] == ["A/RES/1514 (XV)", "A/RES/1541 (XV)"]


def test_arabic_list_with_a_date_each_and_a_line_break_after_the_slash():
    text = "إذ يشير إلى قراريه 2019/26 المؤرخ 23 تموز/يوليه 2019 و 2020/21 المؤرخ 22 تموز/ يوليه 2020 وإلى القرارات"
    cites = find_citations(text, context_body="إن المجلس الاقتصادي والاجتماعي،")
    assert [(c.symbol, c.date) for c in cites] == [("E/RES/2019/26", "2019-07-23"), ("E/RES/2020/21", "2020-07-22")]


def test_chinese_list_before_its_keyword_and_a_decision():
    text = ("回顾其 2019 年 7 月 23 日第 2019/26 号、2020 年 7 月 22 日第 2020/21 号决议和关于公共行政与发展的"
            "其他有关决议，")
    cites = find_citations(text, context_body="经济及社会理事会，")
    assert [(c.symbol, c.date) for c in cites] == [("E/RES/2019/26", "2019-07-23"), ("E/RES/2020/21", "2020-07-22")]
    (dec,) = find_citations("又回顾其第 2020/21 号决定，", context_body=ECOSOC)
    assert (dec.kind, dec.body, dec.number) == ("decision", ECOSOC, "2020/21")


@pytest.mark.parametrize("text, session, year", [
    ("Official Records of the General Assembly, Fifty-second Session, Supplement No. 3 (A/52/3/Rev.1)", 52, None),
    ("Documents officiels de l’Assemblée générale, cinquante-deuxième session, Supplément no 3 "
     "(A/52/3/Rev.1)", 52, None),
    ("Documentos Oficiales de la Asamblea General, quincuagésimo segundo período de sesiones, suplemento núm. 3 "
     "(A/52/3/Rev.1)", 52, None),
    ("Официальные отчеты Генеральной Ассамблеи, пятьдесят вторая сессия, Дополнение № 3 (A/52/3/Rev.1)", 52, None),
    ("《大会正式记录，第五十二届会议，补编第3号》(A/52/3/Rev.1)", 52, None),
    ("الوثائق الرسمية للجمعية العامة، الدورة الثانية والخمسون، الملحق رقم 3 (A/52/3/Rev.1)", 52, None),
])
def test_official_records_of_a_session(text, session, year):
    (cite,) = find_citations(text)
    assert (cite.kind, cite.organ, cite.session, cite.year, cite.supplement, cite.target) == (
        "official_records", "General Assembly", session, year, "3", "A/52/3/Rev.1")


@pytest.mark.parametrize("text", [
    "Official Records of the Economic and Social Council, 2018, Supplement No. 24 (E/2018/44), chap. III",
    "Documents officiels du Conseil économique et social, 2018, Supplément no 24 (E/2018/44), chap. III",
    "Documentos Oficiales del Consejo Económico y Social, 2018, suplemento núm. 24 (E/2018/44), cap. III",
    "Официальные отчеты Экономического и Социального Совета, 2018 год, Дополнение № 24 (E/2018/44), гл. III",
    "《经济及社会理事会正式记录，2018年，补编第24号》(E/2018/44)，第三章",
    "الوثائق الرسمية للمجلس الاقتصادي والاجتماعي، 2018، الملحق رقم 24 (E/2018/44)، الفصل الثالث",
])
def test_official_records_of_the_council_by_year(text):
    (cite,) = find_citations(text)
    assert (cite.organ, cite.year, cite.supplement, cite.target) == (ECOSOC, 2018, "24", "E/2018/44")


def test_square_brackets_hold_symbols_with_parentheses():
    text = ("Documents officiels de l’Assemblée générale, soixante-treizième session, Supplément no 12 "
            "[A/73/12 (Part I) et A/73/12 (Part II)], deuxième partie.")
    (cite,) = find_citations(text)
    assert (cite.session, cite.target) == (73, "A/73/12")


# --- corpus/ml: the same targets as English ---------------------------------------------------------------------

# Resolutions whose targets equal the English ones, measured on corpus/ml (12 resolutions), and what is left:
RESOLUTION_FLOORS = {
    # Left: bodies printed after a date or a title, or named by "sa" after the body ("consacré par l’Assemblée
    # dans sa résolution 58/114"), and a body printed after a list with dates ("les résolutions 72/305 du …,
    # et 75/325 du …").
    "fr": 6,
    "es": 7,
    # As in Spanish; and the Russian text prints decision "2022/232" where English prints "2022/322".
    "ru": 6,
    # Left: the special-session resolutions S-23/2, S-23/3 and S-30/1, and 75/233 and 74/274 cited with a body
    # the rule does not find before them (not yet examined one by one).
    "zh": 8,
    # Left: old sessions and parts spelt out ("217 ألف (د-3)" for 217 A (III), "2021/2 باء"), S-23/2 and S-23/3,
    # 1/CP.21, and bodies printed elsewhere than right after the keyword (not yet examined one by one).
    "ar": 2,
}
RECORDS_FLOORS = {"fr": 12, "es": 12, "ru": 12, "zh": 12, "ar": 12}


def _targets(doc, kinds) -> set[str]:
    out: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "citations":
                    out.update(c["target"] for c in value if c["kind"] in kinds)
                else:
                    walk(value)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    walk(doc)
    return out


@pytest.mark.parametrize("code", sorted(RESOLUTION_FLOORS))
def test_resolution_and_decision_targets_match_english(ml_outputs, code):
    kinds = {"resolution", "decision"}
    same = [n for n, v in ml_outputs.items() if _targets(v[code], kinds) == _targets(v["en"], kinds)]
    assert len(same) >= RESOLUTION_FLOORS[code]


@pytest.mark.parametrize("code", sorted(RECORDS_FLOORS))
def test_official_records_targets_match_english(ml_outputs, code):
    kinds = {"official_records"}
    same = [n for n, v in ml_outputs.items() if _targets(v[code], kinds) == _targets(v["en"], kinds)]
    assert len(same) >= RECORDS_FLOORS[code]


@pytest.mark.parametrize(("text", "targets"), [
    # The body after the keyword, with its preposition (E/RES/2021/2, es; E/RES/2021/7, fr, note).
    ("Recordando las resoluciones de la Asamblea General 1514 (XV), de 14 de diciembre de 1960, y 1541 (XV), de 15 "
     "de diciembre de 1960,", ["A/RES/1514 (XV)", "A/RES/1541 (XV)"]),
    ("Résolutions de l’Assemblée générale S-23/2, annexe, et S-23/3, annexe.", ["A/RES/S-23/2", "A/RES/S-23/3"]),
    # A body named by its head noun alone is the citing one when it fits (E/RES/2022/4, es).
    ("de conformidad con las resoluciones del Consejo 1996/6, de 22 de julio de 1996, y 1996/31, de 25 de julio de "
     "1996,", ["E/RES/1996/6", "E/RES/1996/31"]),
    # A list whose dates end with the year's word (E/RES/2021/7, ru).
    ("включая резолюции 2011/6 от 14 июля 2011 года, 2012/24 от 27 июля 2012 года и 2013/16 от 24 июля 2013 года,",
     ["E/RES/2011/6", "E/RES/2012/24", "E/RES/2013/16"]),
])
def test_bodies_after_the_keyword_and_dated_lists(text, targets):
    found = find_citations(text, context_body="Economic and Social Council")
    assert [c.target for c in found if c.kind == "resolution"] == targets
