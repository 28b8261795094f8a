"""Treaty texts (agreements, conventions, protocols): the parties' formula, a preamble closed by "Have agreed as
follows:", and Parts and Articles with numbered paragraphs restarting in each article.

Synthetic blocks and pages first (`factories`), then the UN's own agreement (BBNJ, 2023) in Spanish, French and
Arabic, where the expected values are what the pages print (read with `resparse debug --stage blocks`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factories import BODY_SIZE, laid_out_page, line, text_block
from resparse import parse
from resparse.layout.blocks import build_blocks
from resparse.model.document import Heading, Unit
from resparse.schema import validate
from resparse.settings import Settings
from resparse.structure import patterns as P
from resparse.structure.body import BodyBuilder, build_body, is_formula
from resparse.structure.builder import build_document

# --- the formula ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Parties to this Agreement,",
    "The States Parties to this Convention,",
    "The States Parties to the present Protocol,",
    "Las Partes en el presente Acuerdo,",
    "Los Estados Partes en la presente Convención,",
    "Les Parties au présent Accord,",
    "Les États Parties à la présente Convention,",
    "Стороны настоящего Соглашения,",
    "本协定缔约方，",
    "إن الأطراف في هذا الاتفاق،",
    "إنّ الدول الأطراف في هذه الاتفاقية،",
])
def test_a_treatys_parties_are_its_enacting_formula(text):
    assert P.TREATY_FORMULA.match(text)
    assert is_formula(text_block(text, lead=text), True)


def test_a_letter_its_font_cannot_read_still_lets_the_formula_be_told():
    assert is_formula(text_block("إنّ الأ\ufffd\ufffdاف في ه\ufffdا الاتفاق،"), False)


@pytest.mark.parametrize("text", [
    "Las Partes en el presente Acuerdo cooperarán,",
    "Les Parties au présent Accord coopèrent,",
    "Las Partes en el presente Acuerdo",  # no comma: no preamble follows a treaty's parties
])
def test_a_sentence_about_the_parties_is_no_formula(text):
    assert not is_formula(text_block(text), False)


def test_the_formula_must_be_italic_where_the_text_sets_italics():
    assert not is_formula(text_block("The Parties to this Agreement,"), True)


# --- the closing phrase and the articles ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Have agreed as follows:",
    "Han convenido en lo siguiente:",
    "Sont convenues de ce qui suit :",
    "договорились о нижеследующем:",
    "兹协议如下：",
    "قد اتفقت على ما يلي:",
])
def test_the_phrase_closing_a_treatys_preamble_is_known_in_each_language(text):
    assert P.AGREED.match(text)


def treaty_body(*, italics: bool = True):
    return build_body([
        text_block("Recalling the relevant provisions of the Convention,"),  # a lead not set in italics
        text_block("Desiring to act on behalf of present and future generations,"),
        text_block("Have agreed as follows:"),
        text_block("PART I GENERAL PROVISIONS", bold=True),
        text_block("Article 1 Use of terms", bold=True),
        text_block("For the purposes of this Agreement:"),
        text_block("1. “Area-based management tool” means a tool for a geographically defined area."),
        text_block("2. “Convention” means the United Nations Convention on the Law of the Sea."),
        text_block("Article 2 General objective", bold=True),
        text_block("1. The objective of this Agreement is to ensure the conservation of:"),
        text_block("(a) Marine biological diversity;"),
        text_block("(b) Its sustainable use."),
        text_block("2. The Parties shall cooperate."),
    ], set(), set(), italics, BODY_SIZE)


def test_the_closing_phrase_is_the_last_preambular_paragraph():
    body = treaty_body()
    assert [p.text for p in body.preamble] == [
        "Recalling the relevant provisions of the Convention,",
        "Desiring to act on behalf of present and future generations,",
        "Have agreed as follows:",
    ]
    assert all(isinstance(p, Unit) and p.number == "" for p in body.preamble)
    assert [rule for owner, _, rule in body.sources if owner is body.preamble[-1]] == ["agreed"]


def test_parts_and_articles_are_headings_and_their_paragraphs_operative():
    body = treaty_body()
    headings = [b.text for b in body.operative if isinstance(b, Heading)]
    assert headings == ["PART I GENERAL PROVISIONS", "Article 1 Use of terms", "Article 2 General objective"]
    paragraphs = [(b.number, " ".join(b.text.split()[:2])) for b in body.operative if isinstance(b, Unit)]
    assert paragraphs == [("", "For the"), ("1", "“Area-based management"), ("2", "“Convention” means"),
                          ("1", "The objective"), ("2", "The Parties")]
    article_2 = [b for b in body.operative if isinstance(b, Unit)][3]
    assert [i.number for i in article_2.items] == ["(a)", "(b)"]


def test_the_closing_phrase_outside_a_preamble_is_a_paragraph():
    builder = BodyBuilder(set(), set(), True, BODY_SIZE)
    builder.feed(text_block("1. Decides to adopt the text."))
    rule = builder.rule_for(text_block("Have agreed as follows:"))
    assert rule is not None and rule.name == "unnumbered-paragraph"


# --- a whole treaty: a cover, a title page, the text ---------------------------------------------------

TITLE = "AGREEMENT ON THE CONSERVATION OF MARINE BIOLOGICAL DIVERSITY"
PREAMBLE = [
    "Recalling the relevant provisions of the United Nations Convention on the Law of the Sea,",
    "Stressing the need to respect the balance of rights, obligations and interests set out in the Convention,",
    "Aspiring to achieve universal participation,",
]


def treaty_pages():
    cover = laid_out_page(1, [line(TITLE, top=120.0, x0=120.0, bold=True, size=13.0),
                              line("UNITED NATIONS", top=700.0, x0=250.0, bold=True, size=13.0),
                              line("2023", top=716.0, x0=280.0, bold=True, size=13.0)])
    title = laid_out_page(3, [on(3, ln) for ln in [
        line(TITLE, top=100.0, x0=120.0, bold=True, size=12.0),
        line("PREAMBLE", top=150.0, x0=270.0, bold=True),
        line("The Parties to this Agreement,", top=180.0, x0=100.0, italic=True),
        *(line(t, top=210.0 + 30 * i, x0=100.0, x1=500.0) for i, t in enumerate(PREAMBLE)),
        line("Have agreed as follows:", top=300.0, x0=100.0)]])
    text = laid_out_page(4, [on(4, ln) for ln in [line("PART I", top=100.0, x0=270.0, bold=True),
                             line("Article 1", top=130.0, x0=270.0, bold=True),
                             line("Use of terms", top=142.0, x0=260.0, bold=True),
                             line("1. “Convention” means the United Nations Convention on the Law of the Sea.",
                                  top=170.0, x0=100.0, x1=500.0),
                             line("Article 2", top=200.0, x0=270.0, bold=True),
                             line("1. The objective of this Agreement is the conservation of marine diversity.",
                                  top=230.0, x0=100.0, x1=500.0),
                             line("2. The Parties shall cooperate with one another in all their activities.",
                                  top=260.0, x0=100.0, x1=500.0)]])
    return [cover, title, text]


def on(page: int, ln):
    """The line `ln` on page `page`."""
    return replace(ln, page=page)


def test_a_treaty_after_a_cover_has_its_formula_preamble_and_articles():
    pages = treaty_pages()
    doc = build_document(pages, build_blocks(pages), source_of(pages))
    assert doc.preamble.formula is not None and doc.preamble.formula.text == "The Parties to this Agreement,"
    assert [p.text for p in doc.preamble.paragraphs] == [*PREAMBLE, "Have agreed as follows:"]
    assert [b.text for b in doc.operative if isinstance(b, Heading)] == ["PART I", "Article 1 Use of terms",
                                                                      "Article 2"]
    assert [b.number for b in doc.operative if isinstance(b, Unit)] == ["1", "1", "2"]
    assert not [w for w in doc.warnings if w.code == "numbering_gap"]  # numbering restarts in each article
    assert doc.metadata.title == TITLE and doc.metadata.body is None  # a cover's title, no organ's masthead
    assert validate(doc.to_dict()) == []


def test_the_formula_is_looked_for_up_to_formula_max_page():
    pages = treaty_pages()
    settings = Settings.from_dict({"structure": {"formula_max_page": 2}}).structure
    doc = build_document(pages, build_blocks(pages), source_of(pages), settings=settings)
    assert doc.preamble.formula is None and not doc.operative


def source_of(pages):
    from resparse.model.document import Source

    return Source(file="agreement.pdf", sha256="0" * 64, pages=len(pages))


# --- the BBNJ Agreement (2023) -------------------------------------------------------------------------

BBNJ = {
    "es": dict(formula="Las Partes en el presente Acuerdo,", count=18,
               title="ACUERDO EN EL MARCO DE LA CONVENCIÓN DE LAS NACIONES UNIDAS SOBRE EL DERECHO DEL MAR",
               first="Recordando las disposiciones pertinentes de la Convención",
               last_lead="Aspirando a lograr una participación universal,",
               closing="Han convenido en lo siguiente:", article="Artículo 1 Términos empleados",
               operative="A los efectos del presente Acuerdo:",
               numbered="Por “mecanismo de gestión basado en áreas” se entiende"),
    "fr": dict(formula="Les Parties au présent Accord,", count=18, title="ACCORD SE RAPPORTANT À LA CONVENTION",
               first="Rappelant les dispositions pertinentes de la Convention",
               last_lead="Aspirant à atteindre l’objectif d’une participation universelle,",
               closing="Sont convenues de ce qui suit :", article="Article premier Emploi des termes",
               operative="Aux fins du présent Accord, on entend par :",
               numbered="« Outil de gestion par zone » un outil"),
    # The Arabic text's fonts give no character for some letters (U+FFFD): the values are the text layer's.
    "ar": dict(formula="إنّ الأ\ufffd\ufffdاف في ه\ufffdا الاتفاق،", count=18, title="اتفاق مُ",
               first="إذ ت\ufffdـ\ufffd\ufffd إلى الأح\ufffdام",
               last_lead="و\ufffdذ ت\ufffd\ufffdح إلى ت\ufffdق\ufffd\ufffd عال\ufffd\ufffdة",
               closing="ق\ufffd اتفق\ufffd على ما یلي:", article="ال\ufffdادة 1 ",
               operative="لأغ\ufffdاض ه\ufffdا الاتّفاق:", numbered="\ufffdق\ufffd"),
}


@pytest.fixture(scope="module")
def bbnj(request, corpus_extra_dir: Path):
    cache: dict[str, object] = {}

    def get(code: str):
        if code not in cache:
            cache[code] = parse(corpus_extra_dir / f"BBNJ_Agreement_2023_{code}.pdf")
        return cache[code]
    return get


@pytest.mark.parametrize("code", sorted(BBNJ))
def test_the_bbnj_agreement_has_its_formula_preamble_and_articles(bbnj, code):
    want = BBNJ[code]
    doc = bbnj(code)
    assert doc.preamble.formula is not None and doc.preamble.formula.text == want["formula"]
    paragraphs = doc.preamble.paragraphs
    assert len(paragraphs) == want["count"]  # 17 paragraphs of the preamble, and its closing phrase
    assert paragraphs[0].text.startswith(want["first"])
    assert paragraphs[-2].text.startswith(want["last_lead"])
    assert paragraphs[-1].text == want["closing"]
    headings = [b.text for b in doc.operative if isinstance(b, Heading)]
    assert any(h.startswith(want["article"]) for h in headings[:3])
    units = [b for b in doc.operative if isinstance(b, Unit)]
    assert units[0].text == want["operative"] and units[0].number == ""
    assert units[1].number == "1" and units[1].text.startswith(want["numbered"])
    assert doc.metadata.body is None and doc.metadata.title.startswith(want["title"])  # the cover's title
    assert validate(doc.to_dict()) == []


@pytest.mark.parametrize("code", ["es", "fr"])
def test_the_bbnj_agreements_numbering_restarting_per_article_is_no_gap(bbnj, code):
    doc = bbnj(code)
    assert not [w for w in doc.warnings if w.code == "numbering_gap"]
    articles = [b for b in doc.operative if isinstance(b, Heading) and b.text.split()[0] in {"Artículo", "Article"}]
    assert len(articles) == 76  # Articles 1 to 76, each its own heading
