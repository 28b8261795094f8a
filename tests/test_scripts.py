"""Text of the other scripts of the six languages: Arabic read right to left, Chinese without word spaces.

Synthetic glyphs are laid out as a PDF engine reports them (left to right on the page, top-left origin); the
corpus tests read lines of the six-language PDFs, each expected text read on the rendered page or in the gold.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import SHARED
from resparse.extract.glyphs import Glyphs, glyph_runs
from resparse.extract.pdf import get_engine
from resparse.layout.bidi import line_is_rtl, orient_pairs, visual_to_logical
from resparse.layout.blocks import LABEL_START, build_blocks, join_lines
from resparse.layout.lines import build_lines, marker_texts
from resparse.model.text import Char, Line, Page, PageChars, Span, ascii_digits, is_cjk

BODY = 13.0
BASELINE = 100.0
ADVANCE = 6.0
WORD_SPACE = 3.0
A4 = (595.0, 842.0)


def visual(text: str, x: float = 100.0, bottom: float = BASELINE, size: float = BODY, *,
           spaced: bool = False) -> list[Char]:
    """Glyphs of `text` as they stand on the page, left to right (a space is a gap, not a glyph; with
    `spaced`, the glyph after a gap notes a space character drawn there)."""
    chars: list[Char] = []
    gap = False
    for ch in text:
        if ch == " ":
            x += WORD_SPACE
            gap = True
            continue
        chars.append(Char(ch, x, x + ADVANCE, bottom - size, bottom, size, "NotoNaskhArabic",
                          space_before=spaced and gap))
        x += ADVANCE
        gap = False
    return chars


def line_of(*runs: list[Char]) -> Line:
    lines = build_lines(PageChars(number=1, width=A4[0], height=A4[1], chars=[c for r in runs for c in r]))
    assert len(lines) == 1
    return lines[0]


def display(logical: str) -> str:
    """How a right-to-left line shows `logical`, left to right (the same algorithm: it is its own inverse on
    lines without embeddings)."""
    return "".join(logical[i] for i in visual_to_logical(logical, 1))


# ---------------------------------------------------------------- the bidirectional algorithm


def test_an_arabic_phrase_is_read_from_the_right():
    assert "".join("ةماعلا ةيعمجلا نإ"[i] for i in visual_to_logical("ةماعلا ةيعمجلا نإ", 1)) == "إن الجمعية العامة"


@pytest.mark.parametrize("shown, read", [
    ("خرؤملا 2019/26 هيرارق", "قراريه 2019/26 المؤرخ"),  # a resolution number reads left to right
    ("لصفلا ،)A/52/3/Rev.1( 3 مقر", "رقم 3 (A/52/3/Rev.1)، الفصل"),  # a symbol in Latin letters, then a number
    ("لوليأ 15-4 نيجيب", "بيجين 4-15 أيلول"),  # a range: two numbers and a dash
])
def test_numbers_and_latin_runs_keep_their_order_inside_arabic(shown, read):
    assert "".join(shown[i] for i in visual_to_logical(shown, 1)) == read


def test_brackets_around_latin_text_inside_arabic_stay_with_it():
    # A note as drawn (E/RES/2022/10, note 9): the brackets of "(Part I)" and "(Part II)" enclose Latin text
    # beside Latin text, so they keep its direction; the outer pair holds an Arabic word, so it is Arabic's
    # (UAX #9, N0). The glyphs are as the engine names them, some mirrored: their sides come from the text.
    shown = "،)A/73/12 (Part II( و A/73/12 (Part I() 12 مقر"
    read = orient_pairs("".join(shown[i] for i in visual_to_logical(shown, 1)))
    assert read == "رقم 12 (A/73/12 (Part I) و A/73/12 (Part II))،"


def test_a_lines_direction_comes_from_the_letters_at_its_ends():
    assert line_is_rtl("ةماعلا ةيعمجلا نإ", page_rtl=False)
    assert not line_is_rtl("see Arabic ةيبرعلا text", page_rtl=True)
    # An Arabic phrase ending in a Latin symbol shows a letter of each direction at its ends: the page decides.
    assert line_is_rtl(".E/CN.16/2018/CRP.3 رظنا", page_rtl=True)


@pytest.mark.parametrize("text, oriented", [
    (")ج( البند", "(ج) البند"),  # mirrored glyphs mapped to the characters they show
    ("رقم 3 )A/52/3/Rev.1)، الفصل", "رقم 3 (A/52/3/Rev.1)، الفصل"),  # one side mapped, the other not
    ("(س(تعزيز", "(س)تعزيز"),  # set solid before the next word: it closes the one opened
    ("المعنون “تعزيز المرأة” من", "المعنون ”تعزيز المرأة“ من"),  # Arabic quotes point to the quoted text
])
def test_brackets_and_quotes_take_the_side_the_text_shows(text, oriented):
    assert orient_pairs(text) == oriented


# ---------------------------------------------------------------- lines


def test_an_arabic_line_comes_out_in_reading_order():
    ln = line_of(visual(display("إذ يعيد تأكيد استنتاجاته المتفق عليها 1997/2 المؤرخة 18 تموز/يوليه")))
    assert ln.text == "إذ يعيد تأكيد استنتاجاته المتفق عليها 1997/2 المؤرخة 18 تموز/يوليه"
    assert ln.rtl


def test_an_item_label_in_parentheses_reads_as_printed_whichever_way_the_engine_maps_its_glyphs():
    for shown in ("لامعألا لودج نم )ج( 12 دنبلا", "لامعألا لودج نم (ج) 12 دنبلا"):
        assert line_of(visual(shown)).text == "البند 12 (ج) من جدول الأعمال"


def test_an_arabic_note_marker_in_parentheses_is_a_marker_after_its_word():
    word = visual(display("وبرامجها"), x=200.0)
    raised = [Char(ch, x, x + 3.0, BASELINE - 4.0 - 7.5, BASELINE - 4.0, 7.5, "NotoNaskhArabic")
              for ch, x in zip(")1(", (190.0, 193.0, 196.0), strict=True)]
    comma = visual("،", x=183.0)
    ln = line_of(comma, raised, word)
    assert ln.text == "وبرامجها،"
    markers = [s.text for s in ln.spans if s.marker]
    assert [m for s in markers for m in marker_texts(s)] == ["1"]
    assert ln.raw == "وبرامجها(1)،"  # after its word, before the comma that follows


def test_a_latin_note_of_an_arabic_document_opens_with_its_marker():
    text = visual(".United Nations, Treaty Series, vol. 2349, No. 42146", x=100.0)
    raised = [Char(ch, x, x + 3.0, BASELINE - 4.0 - 6.0, BASELINE - 4.0, 6.0, "NotoNaskhArabic")
              for ch, x in zip(")2(", (420.0, 423.0, 426.0), strict=True)]
    ln = line_of(text, raised)
    assert ln.spans[0].marker and marker_texts(ln.spans[0].text) == ["2"]
    assert ln.text.strip() == "United Nations, Treaty Series, vol. 2349, No. 42146."


def test_a_latin_line_is_left_as_it_is():
    ln = line_of(visual("E/RES/2021/7 15 June 2021"))
    assert ln.text == "E/RES/2021/7 15 June 2021"
    assert not ln.rtl


def test_gaps_beside_chinese_characters_are_no_word_spaces():
    ln = line_of(visual("大会第 71/256 号决议"))
    assert ln.text == "大会第71/256号决议"


def test_a_space_typed_between_chinese_characters_is_kept():
    ln = line_of(visual("视角 纳入", spaced=True))
    assert ln.text == "视角 纳入"


def test_a_tab_and_the_space_after_a_note_marker_beside_chinese_text_are_word_spaces():
    number = visual("1.")
    text = visual("赞赏地注意到", x=number[-1].x1 + 9.0)  # a tab after the paragraph number
    assert line_of(number, text).text == "1. 赞赏地注意到"
    word = visual("报告")
    raised = [Char("1", word[-1].x1, word[-1].x1 + 3.0, BASELINE - 4.0 - 7.0, BASELINE - 4.0, 7.0, "SimSun")]
    after = visual("和经济", x=raised[-1].x1 + 3.0)
    ln = line_of(word, raised, after)
    assert ln.text == "报告 和经济"  # as the UN's text has it, the marker taken out


def test_latin_words_on_a_chinese_page_keep_their_spaces():
    assert line_of(visual("Distr.: General")).text == "Distr.: General"


# ---------------------------------------------------------------- joining and blocks


def _line(text: str, top: float, x0: float, x1: float, *, rtl: bool = False) -> Line:
    return Line(spans=[Span(text)], x0=x0, x1=x1, top=top, bottom=top + 10.0, size=10.0, page=1, rtl=rtl)


def test_a_line_break_inside_chinese_text_is_no_space():
    assert join_lines([_line("相", 100, 100, 480), _line("关方针", 115, 100, 160)])[0] == "相关方针"
    assert join_lines([_line("第", 100, 100, 480), _line("2019/2号", 115, 100, 160)])[0] == "第2019/2号"
    assert join_lines([_line("不平等—", 100, 100, 480), _line("—行动十年", 115, 100, 160)])[0] == "不平等——行动十年"


def test_arabic_paragraphs_start_at_their_right_indent():
    # Right-aligned text: wrapped lines end at the right margin (482), a first line is indented from it.
    lines = [_line("وإذ يشير إلى قراراته المتخذة بشأن هذا", 100, 120, 460, rtl=True),
             _line("الموضوع، ومن بينها القرارات 2011/6", 115, 118, 482, rtl=True),
             _line("المؤرخ 14 تموز/يوليه 2011،", 130, 330, 482, rtl=True),
             _line("وإذ يعيد أيضا تأكيد الالتزامات المتعلقة", 145, 121, 460, rtl=True),
             _line("بالمساواة بين الجنسين وتمكين المرأة", 160, 117, 482, rtl=True)]
    blocks = build_blocks([Page(number=1, width=A4[0], height=A4[1], body=lines)])
    assert [len(b.lines) for b in blocks] == [3, 2]


# ---------------------------------------------------------------- glyphs


def test_a_vowel_sign_drawn_apart_goes_with_its_letter():
    # "محدَّثة" drawn left to right: ة ث, then the marks over د (raised), then د ح م; an engine may report the
    # marks elsewhere in its order.
    rows = [("ة", 96.0, 102.0, 100.0), ("ث", 102.0, 106.0, 100.0), ("د", 106.0, 110.0, 100.0),
            ("ح", 110.0, 118.0, 100.0), ("م", 118.0, 124.0, 100.0), ("َ", 108.1, 108.1, 98.0),
            ("ّ", 108.1, 108.1, 98.0)]
    run = ("NotoNaskhArabic", 13.0, False, False)
    chars = glyph_runs(Glyphs.from_rows((t, a, b, base, run) for t, a, b, base in rows))
    ln = line_of(chars)
    assert ln.text == unicodedata.normalize("NFC", "محد\u064e\u0651ثة")


def test_glyph_runs_note_a_space_character_drawn_before_them():
    run = ("SimSun", 10.0, False, False)
    rows = [("视", 100.0, 110.0, 100.0, run), ("角", 110.0, 120.0, 100.0, run), (" ", 120.0, 123.0, 100.0, run),
            ("纳", 123.0, 133.0, 100.0, run)]
    chars = glyph_runs(Glyphs.from_rows(rows))
    assert [(c.text, c.space_before) for c in chars] == [("视角", False), ("纳", True)]


def test_digits_read_as_data_are_ascii():
    assert ascii_digits("٢٠٢١/٧") == "2021/7"
    assert ascii_digits("۱۲") == "12"
    assert is_cjk("号") and is_cjk("，") and not is_cjk("a") and not is_cjk("ب")


# ---------------------------------------------------------------- the corpus


ML = SHARED / "corpus" / "ml" / "pdf"
EXTRA = SHARED / "corpus" / "extra"


def _lines(path: Path, page: int, engine: str = "pdfium") -> list[str]:
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared corpus is not beside the repository)")
    for chars in get_engine(engine).pages(path.read_bytes(), path.name):
        if chars.number == page:
            return [ln.raw for ln in build_lines(chars)]
    raise AssertionError(f"no page {page}")


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_arabic_resolution_lines_read_as_on_the_page(engine):
    lines = _lines(ML / "E_RES_2021_7_ar.pdf", 1, engine)
    assert "البند 12 (ج) من جدول الأعمال" in lines  # the agenda line, read on the rendered page
    assert "إن المجلس الاقتصادي والاجتماعي،" in lines  # the formula (gold)
    # The first note (gold, and the page): its marker first, the symbol in Latin letters in its place.
    assert any(ln.startswith("(1) الوثائق الرسمية للجمعية العامة، الدورة الثانية والخمسون، الملحق رقم 3 "
                             "(A/52/3/Rev.1)، الفصل الرابع، الفرع") for ln in lines)
    assert any(ln.startswith("إذ يعيد تأكيد استنتاجاته المتفق عليها 1997/2 المؤرخة 18 تموز/يوليه") for ln in lines)


def test_arabic_vowel_signs_stay_on_their_letters():
    lines = _lines(ML / "E_RES_2021_7_ar.pdf", 6)
    assert any("وإذ يرحب بإطاري المساءلة المحدّثين لمنظومة الأمم المتحدة" in ln for ln in lines)  # gold


def test_arabic_ranges_read_as_printed():
    lines = _lines(ML / "E_RES_2021_7_ar.pdf", 3)
    assert any("تقرير المؤتمر العالمي الرابع المعني بالمرأة، بيجين 4-15" in ln for ln in lines)  # gold note 12


def test_the_uns_arabic_reads_from_the_right():
    lines = _lines(EXTRA / "BBNJ_Agreement_2023_ar.pdf", 5)
    # read on the page (its font maps yeh to U+06CC; "قد اتفقت" is set in a sheared font, some of its letters
    # without a character)
    assert "ق\ufffd اتفق\ufffd على ما یلي:" in lines
    assert any(ln.startswith("1 - ") for ln in lines)  # the paragraph number stands at the right edge


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_chinese_resolution_lines_have_no_inserted_spaces(engine):
    lines = _lines(ML / "E_RES_2021_7_zh.pdf", 1, engine)
    assert "重申其1997年7月18日关于将性别观点纳入联合国系统所有政策和方案主" in lines  # gold
    assert any(ln.endswith("见大会第55/2号决议。") for ln in lines)  # note 2 (gold)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_glyph_mapped_to_a_repeated_character_keeps_all_of_it(engine):
    # The two-em dash of Chinese text is one glyph whose font maps it to "——": not a glyph drawn twice (fake
    # bold), and no word gap after it (the glyph is two ems wide).
    lines = _lines(ML / "E_RES_2022_15_zh.pdf", 7, engine)
    assert any("虽然全球性别数字鸿沟在缩小——目前有57%的" in ln for ln in lines)  # gold, operative paragraph 54


def page(number: int, *lines: Line) -> Page:
    """An A4 page of `lines` (set on it)."""
    return Page(number=number, width=A4[0], height=A4[1], body=[replace(ln, page=number) for ln in lines])


def test_arabic_set_flush_left_carries_a_paragraph_over_the_page_unless_a_clause_ends_it():
    # Lines share their left edge and end ragged on the right, where right-to-left lines start.
    first = page(1, _line("يحث منظومة الأمم المتحدة على التعجيل بتعميم", 100, 113, 470, rtl=True),
                 _line("مراعاة المنظور الجنساني في", 115, 113, 452, rtl=True),
                 _line("جميع سياساتها، وعلى إدماج", 130, 113, 477, rtl=True))
    second = page(2, _line("الاعتبارات الجنسانية في عملها؛", 100, 113, 440, rtl=True),
                  _line("وإذ يشير إلى قراره،", 121, 113, 461, rtl=True))  # after the space between paragraphs
    assert [len(b.lines) for b in build_blocks([first, second])] == [4, 1]
    ended = page(1, _line("وإذ يشير إلى قراراته المتخذة بشأن", 100, 113, 470, rtl=True),
                 _line("هذا الموضوع،", 115, 113, 452, rtl=True))
    assert [len(b.lines) for b in build_blocks([ended, second])] == [2, 1, 1]


def test_a_numbered_arabic_paragraph_runs_on_over_a_page_that_ends_in_a_comma():
    # Set ragged where its lines start, a comma at the page foot ends a preambular paragraph, but not an operative
    # one: those are numbered and end with a semicolon, a colon or a full stop (un-conventions §3.4).
    numbered = page(1, _line("35 - يهيب بجميع الدول والأطراف في حالات", 100, 113, 470, rtl=True),
                    _line("الطوارئ الإنسانية المعقدة، وبخاصة", 115, 113, 452, rtl=True),
                    _line("أن تتعاون بصورة تامة،", 130, 113, 477, rtl=True))
    second = page(2, _line("وفقاً للأحكام ذات الصلة من القانون الدولي", 100, 113, 470, rtl=True),
                  _line("والقوانين الوطنية؛", 115, 113, 440, rtl=True))
    assert [len(b.lines) for b in build_blocks([numbered, second])] == [5]


def test_arabic_paragraph_numbers_and_item_letters_open_blocks_even_set_solid():
    assert LABEL_START.match("10 -يطلب إلى الأمين العام")
    assert LABEL_START.match("(س)تعزيز التعاون")
    assert LABEL_START.match("1 - يحيط علما")
    assert not LABEL_START.match("2011 - 2020")
