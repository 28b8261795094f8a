"""The two PDF engines: the glyph repairs they share, and the same document tree from both.

The corpus test converts every PDF of `../shared/corpus` (pdf/, extra/, word/pdf/) with each engine and
compares the JSON apart from `source.engine`. Files on which the engines still read the page differently
are listed in `KNOWN_DIFFERENCES` with the reason and reported as expected failures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resparse
from conftest import SHARED
from resparse.batch import BatchOptions, collect_inputs, plan_jobs, run_batch
from resparse.extract.glyphs import (
    Glyphs,
    dedupe_glyphs,
    glyph_runs,
    is_upright,
    repair_unicode_map,
)
from resparse.extract.pdf import get_engine
from resparse.extract.preflight import ToUnicodeMap, parse_tounicode, preflight, write_tounicode
from resparse.model.text import UNMAPPED_GLYPH, Char

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
CORPUS_FOLDERS = ("pdf", "extra", "word/pdf")

# Files on which the engines still disagree, and why.
KNOWN_DIFFERENCES = {
    "extra/A_AC.292_2025_INF_5.pdf": "Arabic set glyph by glyph: vowel signs and ligatures PDFium reports apart, "
                                     "advances of its own",
    "extra/A_AC.292_2025_INF_5_Rev.1.pdf": "Arabic set glyph by glyph: vowel signs and ligatures PDFium reports "
                                           "apart, advances of its own",
    "extra/BBNJ_Agreement_2023_ar.pdf": "fonts without a character map: which glyphs each engine can name (PDFium "
                                        "names some of them, pdfminer none)",
    "extra/BBNJ_Agreement_2023_ru.pdf": "a font without a character map: which glyphs each engine can name",
}


def char(text: str, x0: float, top: float = 100.0, size: float = 10.0, font: str = "Times") -> Char:
    return Char(text=text, x0=x0, x1=x0 + 5, top=top, bottom=top + size, size=size, font=font)


# ---------------------------------------------------------------- shared repairs


def test_a_glyph_drawn_twice_at_one_place_is_kept_once():
    chars = [char("A", 10), char("A", 10.4, top=100.3), char("B", 16), char("A", 30)]
    assert [(c.text, c.x0) for c in dedupe_glyphs(chars)] == [("A", 10), ("B", 16), ("A", 30)]


def test_copies_in_another_font_or_size_are_not_duplicates():
    chars = [char("A", 10), char("A", 10, font="Times-Bold"), char("A", 10, size=12)]
    assert len(dedupe_glyphs(chars)) == 3


def test_dedupe_is_linear_on_a_page_of_many_glyphs():
    chars = [char("x", 6.0 * (i % 80), top=12.0 * (i // 80)) for i in range(20000)]
    doubled = [c for c in chars for _ in (0, 1)]
    assert len(dedupe_glyphs(doubled)) == len(chars)


def test_a_kerned_glyph_ends_where_the_next_one_starts():
    run, bold = ("Times", 10.0, False, False), ("Times-Bold", 10.0, True, False)
    rows = [("V", 0.0, 7.0, 50.0, run), ("A", 6.2, 13.0, 50.0, run), ("B", 15.0, 22.0, 50.0, bold)]
    # V ends where A starts: the gap from V to a following "A" in another run is measured from 6.2
    assert [(c.text, c.x0, c.x1, c.bold) for c in glyph_runs(Glyphs.from_rows(rows))] == [
        ("VA", 0.0, 13.0, False), ("B", 15.0, 22.0, True)]
    apart = [("V", 0.0, 7.0, 50.0, run), ("A", 6.2, 13.0, 50.0, bold)]  # another run: V keeps its advance
    assert [(c.text, c.x1) for c in glyph_runs(Glyphs.from_rows(apart))] == [("V", 7.0), ("A", 13.0)]
    tight = [("V", 0.0, 7.0, 50.0, run), (" ", 6.5, 9.0, 50.0, run), ("A", 9.0, 16.0, 50.0, run)]
    assert [(c.text, c.x1) for c in glyph_runs(Glyphs.from_rows(tight))] == [("V", 6.5), ("A", 16.0)]


def test_glyphs_set_together_make_one_run_and_gaps_or_style_changes_end_it():
    body, small = ("Times", 10.0, False, False), ("Times", 6.5, False, False)
    rows = [("W", 0.0, 9.0, 50.0, body), ("o", 9.0, 14.0, 50.0, body), ("r", 14.2, 17.5, 50.0, body),  # +0.2: kerning
            ("1", 17.6, 20.9, 46.0, small),  # a raised marker: another size and baseline
            ("d", 24.0, 29.0, 50.0, body),  # a word gap of 3 points
            ("s", 29.0, 33.0, 50.5, body)]  # another baseline
    assert [c.text for c in glyph_runs(Glyphs.from_rows(rows))] == ["Wor", "1", "d", "s"]
    assert glyph_runs(Glyphs.from_rows([])) == []
    assert glyph_runs(Glyphs.from_rows([(" ", 0.0, 2.5, 50.0, body)])) == []


def test_a_glyph_drawn_twice_in_a_row_is_read_once():
    body = ("Times", 10.0, False, False)
    rows = [("A", 0.0, 7.0, 50.0, body), ("A", 0.3, 7.3, 50.2, body), ("B", 7.0, 13.0, 50.0, body)]
    assert [(c.text, c.x0, c.x1) for c in glyph_runs(Glyphs.from_rows(rows))] == [("AB", 0.0, 13.0)]
    again = [("A", 0.0, 7.0, 50.0, body), ("A", 7.0, 14.0, 50.0, body)]  # the next letter, also an A
    assert [c.text for c in glyph_runs(Glyphs.from_rows(again))] == ["AA"]


def test_upright_allows_float_noise_but_not_a_turn():
    assert is_upright(10, 0, 0, 10)
    assert is_upright(10, 1e-9, -1e-9, 10)
    assert not is_upright(6e-17, 1, -1, 6e-17)  # a quarter turn with float noise
    assert not is_upright(-10, 0, 0, 10)  # mirrored


def test_broken_tounicode_entries_get_their_own_glyphs_letter():
    entries = {g: chr(g + 29) for g in range(36, 93)}  # glyph g shows character g + 29 (Word's subsets)
    entries[73] = "i"  # glyph 73 is 'f' (73 + 29 = 102) but the map says 'i', which glyph 76 already is
    assert repair_unicode_map(entries) == {73: "f"}
    assert repair_unicode_map({g: chr(g + 29) for g in range(36, 93)}) == {}


def test_a_tounicode_cmap_is_read_and_written_back():
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"2 beginbfchar\n<03> <0020>\n<24> <00660069>\nendbfchar\n"
            b"2 beginbfrange\n<44> <46> <0061>\n<50> <51> [<0078> <0079>]\nendbfrange\nendcmap\n")
    tmap = parse_tounicode(cmap)
    assert tmap.width == 1
    assert tmap.entries == {3: " ", 0x24: "fi", 0x44: "a", 0x45: "b", 0x46: "c", 0x50: "x", 0x51: "y"}
    assert parse_tounicode(write_tounicode(tmap)) == tmap
    assert parse_tounicode(write_tounicode(ToUnicodeMap({0x102: "é"}, 2))).entries == {0x102: "é"}


def test_a_sound_file_passes_the_preflight_unchanged():
    data = SAMPLES[0].read_bytes()
    checked = preflight(data)
    assert checked.data is data and checked.damaged_pages == {}


def test_unmapped_glyphs_have_one_name():
    assert UNMAPPED_GLYPH == "\ufffd"


# ---------------------------------------------------------------- the same tree


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_both_engines_read_the_same_glyphs_from_a_sample(path: Path):
    data = path.read_bytes()
    pages = {e: list(get_engine(e).pages(data, path.name)) for e in ("pdfium", "pdfplumber")}
    for a, b in zip(pages["pdfium"], pages["pdfplumber"], strict=True):
        assert (a.width, a.height) == pytest.approx((b.width, b.height), abs=0.01)
        assert len(a.chars) == len(b.chars) > 0
        for x, y in zip(sorted(a.chars, key=_order), sorted(b.chars, key=_order), strict=True):
            assert (x.text, x.font, x.bold, x.italic, x.size) == (y.text, y.font, y.bold, y.italic, y.size)
            assert (x.x0, x.x1, x.top, x.bottom) == pytest.approx((y.x0, y.x1, y.top, y.bottom), abs=0.05)
        assert sorted((round(r.x0), round(r.x1), round(r.top)) for r in a.rules) == sorted(
            (round(r.x0), round(r.x1), round(r.top)) for r in b.rules)


def _order(c: Char) -> tuple:
    return (round(c.bottom, 1), round(c.x0, 1), c.text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_both_engines_give_the_same_document_for_a_sample(path: Path):
    a = resparse.parse(path, engine="pdfium").to_dict()
    b = resparse.parse(path, engine="pdfplumber").to_dict()
    assert (a["source"].pop("engine"), b["source"].pop("engine")) == ("pdfium", "pdfplumber")
    assert a == b


def test_the_default_engine_is_pdfium():
    assert resparse.parse(SAMPLES[0]).source.engine == "pdfium"


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown PDF engine"):
        resparse.parse(SAMPLES[0], engine="ghostscript")


@pytest.fixture(scope="module")
def corpus_outputs(tmp_path_factory) -> dict[str, dict[str, dict | str]]:
    """For each engine: corpus path (relative to ../shared/corpus) → its document, or its error type."""
    folders = [SHARED / "corpus" / f for f in CORPUS_FOLDERS]
    if not all(f.is_dir() for f in folders):
        pytest.skip("../shared/corpus is absent")
    out: dict[str, dict[str, dict | str]] = {}
    for engine in ("pdfium", "pdfplumber"):
        target = tmp_path_factory.mktemp(engine)
        jobs = plan_jobs(collect_inputs([str(f) for f in folders], glob="*.pdf"), out_dir=str(target), fmt="json")
        result = run_batch(jobs, BatchOptions(jobs=2, timeout=600, engine=engine))
        docs: dict[str, dict | str] = {}
        for record in result.records:
            key = str(Path(record.source).resolve().relative_to((SHARED / "corpus").resolve()))
            if record.status == "ok":
                doc = json.loads(Path(record.output).read_text(encoding="utf-8"))
                assert doc["source"].pop("engine") == engine
                docs[key] = doc
            else:
                docs[key] = record.error["type"] if record.error else record.status
        out[engine] = docs
    return out


def _corpus_files() -> list[str]:
    root = SHARED / "corpus"
    return sorted(str(p.relative_to(root)) for f in CORPUS_FOLDERS for p in (root / f).glob("*.pdf"))


@pytest.mark.slow
@pytest.mark.parametrize("relative", _corpus_files() or ["(no corpus)"])
def test_both_engines_give_the_same_document_on_the_corpus(relative: str, corpus_outputs):
    if relative in KNOWN_DIFFERENCES:
        pytest.xfail(KNOWN_DIFFERENCES[relative])
    assert corpus_outputs["pdfium"][relative] == corpus_outputs["pdfplumber"][relative]


def test_a_broken_tounicode_map_is_repaired_before_pdfium_reads_the_text():
    path = SHARED / "corpus" / "pdf" / "A_RES_77_247_es.pdf"  # Spanish, Word's subset fonts with a broken map
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    data = path.read_bytes()
    assert preflight(data).data != data  # the map was rewritten
    for engine in ("pdfium", "pdfplumber"):
        text = " ".join(c.text for p in get_engine(engine).pages(data, path.name) for c in p.chars)
        assert "afirmando" in text and "informe" in text and "que" in text.split()
        assert "aiirmando" not in text and "iniorme" not in text and "uue" not in text.split()
