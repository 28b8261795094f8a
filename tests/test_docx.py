"""Word input: numbering computed from the list definitions, footnote references and custom marks, the
masthead in the first-page header and footer, and the refusals (old .doc, damaged or hostile ZIPs)."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

import resparse
from docx_factory import (
    level,
    line_break,
    note_ref,
    numbering,
    para,
    run,
    un_resolution,
)
from resparse.batch import collect_inputs
from resparse.cli import main
from resparse.errors import Corrupt, NotSupported, TooLarge
from resparse.extract import docx as docx_reader
from resparse.extract.numbering import Numbering
from resparse.schema import validate

LEVELS = [level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)"), level(2, "lowerRoman", "(%3)")]


def _numbering(abstracts: dict[int, list[str]], nums: dict[int, tuple[int, dict[int, int]]]) -> Numbering:
    return Numbering.from_xml(etree.fromstring(numbering(abstracts, nums).encode()))


# --- numbering ----------------------------------------------------------------------------------------

def test_labels_follow_the_level_text_and_format():
    n = _numbering({0: LEVELS}, {1: (0, {})})
    assert [n.label("1", lv) for lv in (0, 1, 1, 2, 2, 1, 0, 1)] == [
        "1.", "(a)", "(b)", "(i)", "(ii)", "(c)", "2.", "(a)"]  # a deeper level restarts after a higher one


def test_level_text_may_print_several_levels():
    n = _numbering({0: [level(0, "upperRoman", "%1."), level(1, "decimal", "%1.%2")]}, {1: (0, {})})
    assert [n.label("1", lv) for lv in (0, 1, 1, 0, 1)] == ["I.", "I.1", "I.2", "II.", "II.1"]


def test_start_values_and_start_overrides():
    n = _numbering({0: [level(0, "decimal", "%1.", start=3)]}, {1: (0, {}), 2: (0, {0: 10})})
    assert [n.label("1", 0), n.label("1", 0), n.label("2", 0), n.label("2", 0)] == ["3.", "4.", "10.", "11."]


def test_instances_of_one_definition_share_its_counters():
    n = _numbering({0: LEVELS}, {1: (0, {}), 2: (0, {})})
    assert [n.label("1", 0), n.label("2", 0), n.label("1", 0)] == ["1.", "2.", "3."]


def test_a_level_that_never_restarts_keeps_counting():
    n = _numbering({0: [level(0, "decimal", "%1."), level(1, "decimal", "%2.", restart=0)]}, {1: (0, {})})
    assert [n.label("1", lv) for lv in (1, 1, 0, 1)] == ["1.", "2.", "1.", "3."]


def test_bullets_from_a_symbol_font_print_as_a_bullet_and_unknown_lists_as_nothing():
    n = _numbering({0: [level(0, "bullet", "\uf0b7")]}, {1: (0, {})})
    assert n.label("1", 0) == "•"
    assert n.label("9", 0) == "" and n.label("0", 0) == ""


# --- a resolution -------------------------------------------------------------------------------------

NUM = numbering({0: LEVELS}, {1: (0, {}), 2: (0, {0: 7})})
OPERATIVE = [
    para(run("Decides", i=True), run(" to test:"), num=(1, 0), ind=1267),
    para(run("the first item;"), num=(1, 1), ind=1742),
    para(run("the second item;"), num=(1, 1), ind=1742),
    para(run("Requests", i=True), run(" the tests to pass:"), note_ref(1), num=(1, 0), ind=1267),
    para(run("again a first item;"), note_ref(2, custom="*"), num=(1, 1), ind=1742),
    para(run("Decides", i=True), run(" to remain seized of the matter."), num=(2, 0), ind=1267),
]


@pytest.fixture(scope="module")
def resolution() -> dict:
    data = un_resolution(OPERATIVE, notes={1: "A/99/1.", 2: "Issued without formal editing."}, numbering_xml=NUM)
    return resparse.parse(data, name="A_RES_99_7.docx").to_dict()


def test_a_word_file_gives_a_schema_valid_document_marked_docx(resolution):
    assert validate(resolution) == []
    assert resolution["source"]["format"] == "docx" and resolution["source"]["engine"] == "python-docx"
    assert resolution["source"]["file"] == "A_RES_99_7.docx"


def test_the_masthead_is_read_from_the_first_page_header_and_footer(resolution):
    md = resolution["metadata"]
    assert (md["symbol"], md["body"], md["distribution"], md["date"]) == (
        "A/RES/99/7", "General Assembly", "General", "2031-01-09")
    assert md["job_number"] == "31-00007"
    assert (md["document_type"], md["number"], md["title"]) == ("resolution", "99/7", "Cooperation on test matters")
    assert resolution["preamble"]["formula"]["text"] == "The General Assembly,"


def test_operative_numbers_and_item_labels_are_computed_from_the_list(resolution):
    op = resolution["operative"]
    assert [(u["number"], u["lead"]) for u in op] == [("1", "Decides"), ("2", "Requests"), ("7", "Decides")]
    assert [i["number"] for i in op[0]["items"]] == ["(a)", "(b)"]
    assert [i["number"] for i in op[1]["items"]] == ["(a)"]  # restarted after paragraph 2
    assert op[0]["text"] == "Decides to test:" and op[0]["items"][1]["text"] == "the second item;"
    assert op[2]["text"] == "Decides to remain seized of the matter."  # the closing line is no paragraph


def test_footnote_references_give_markers_and_links(resolution):
    op = resolution["operative"]
    assert op[1]["footnotes"] == [{"marker": "1", "offset": len("Requests the tests to pass:")}]
    assert op[1]["items"][0]["footnotes"] == [{"marker": "*", "offset": len("again a first item;")}]
    notes = [(f["marker"], f["text"], f["ref"]) for f in resolution["footnotes"]]
    assert notes == [("1", "A/99/1.", "para_2"), ("*", "Issued without formal editing.", "para_2__point_a")]


def test_typed_numbers_are_read_as_printed():
    operative = [para(run("1.\t"), run("Decides", i=True), run(" to type its numbers;"), ind=1267),
                 para(run("2.\t"), run("Requests", i=True), run(" nothing more."), ind=1267)]
    doc = resparse.parse(un_resolution(operative)).to_dict()
    assert [(u["number"], u["text"]) for u in doc["operative"]] == [
        ("1", "Decides to type its numbers;"), ("2", "Requests nothing more.")]


def test_automatic_footnote_numbers_count_the_references_in_order():
    preamble = [para(run("Recalling", i=True), run(" its resolution 98/7,"), note_ref(5), ind=1267),
                para(run("Noting", i=True), run(" the report,"), note_ref(3), run(" and its annex,"), ind=1267)]
    operative = [para(run("1.\t"), run("Decides", i=True), run(" to conclude."), ind=1267)]
    doc = resparse.parse(un_resolution(operative, preamble=preamble, notes={3: "A/99/2.", 5: "A/RES/98/7."}))
    d = doc.to_dict()
    assert [(f["marker"], f["text"], f["ref"]) for f in d["footnotes"]] == [
        ("1", "A/RES/98/7.", "pp_1"), ("2", "A/99/2.", "pp_2")]
    assert d["preamble"]["paragraphs"][1]["footnotes"] == [{"marker": "2", "offset": len("Noting the report,")}]


def test_a_manual_line_break_keeps_lines_apart():
    """The closing line "12th plenary meeting" / "8 January 2031" is one paragraph of two lines: no unit."""
    doc = resparse.parse(un_resolution([para(run("1.\tDecides to close."), ind=1267)])).to_dict()
    assert [u["text"] for u in doc["operative"]] == ["Decides to close."]


def test_a_short_bold_line_before_a_break_is_a_heading_of_its_own():
    operative = [para(run("1.\t"), run("Adopts", i=True), run(" the text annexed to the present resolution."),
                      ind=1267),
                 para(run("Annex", b=True, sz=12)),
                 para(run("Resolution 1/1", b=True), line_break(),
                      run("A title long enough to fill more than half of the text column of the page", b=True)),
                 para(run("The Commission", i=True), run(","), ind=1267)]
    data = un_resolution(operative)
    blocks = docx_reader.read_docx(data, "t.docx").blocks
    texts = [b.text for b in blocks]
    assert "Resolution 1/1" in texts
    assert "A title long enough to fill more than half of the text column of the page" in texts


# --- refusals -----------------------------------------------------------------------------------------

def _cli(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return CliRunner().invoke(main, ["extract", str(path)]), str(path)


def test_an_old_binary_word_file_is_not_supported(tmp_path):
    data = docx_reader.OLE_MAGIC + b"\0" * 504
    with pytest.raises(NotSupported, match="save it as .docx"):
        resparse.parse(data, name="old.doc")
    result, path = _cli(tmp_path, "old.doc", data)
    assert result.exit_code == 10
    assert result.stderr.count("\n") == 1 and path in result.stderr and "Traceback" not in result.stderr


def test_a_damaged_word_file_is_corrupt(tmp_path):
    data = un_resolution(OPERATIVE, numbering_xml=NUM)
    with pytest.raises(Corrupt):
        resparse.parse(data[: len(data) // 2], name="cut.docx")
    result, _ = _cli(tmp_path, "cut.docx", data[: len(data) // 2])
    assert result.exit_code == 4 and result.stderr.count("\n") == 1


def _rezip(data: bytes, replace: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name not in drop:
                dst.writestr(name, replace.get(name, src.read(name)))
        for name, body in replace.items():
            if name not in src.namelist():
                dst.writestr(name, body)
    return out.getvalue()


def test_a_document_part_that_is_not_xml_is_corrupt():
    data = _rezip(un_resolution([]), {"word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(Corrupt, match="document.xml"):
        resparse.parse(data, name="bad.docx")


def test_a_zip_without_a_word_document_is_not_supported():
    data = _rezip(un_resolution([]), {}, drop=("word/document.xml",))
    with pytest.raises(NotSupported, match="word/document.xml"):
        resparse.parse(data, name="other.docx")


def test_a_zip_bomb_is_refused_from_the_directory(tmp_path):
    bomb = _rezip(un_resolution([]), {"word/media/filler.bin": b"\0" * (4 * 1024 * 1024)})
    with pytest.raises(TooLarge, match="ZIP bomb"):
        resparse.parse(bomb, name="bomb.docx")
    result, _ = _cli(tmp_path, "bomb.docx", bomb)
    assert result.exit_code == 8 and result.stderr.count("\n") == 1


def test_an_oversized_part_is_refused(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 1000)
    with pytest.raises(TooLarge, match="inflates to"):
        resparse.parse(un_resolution(OPERATIVE, numbering_xml=NUM), name="big.docx")


def test_entities_are_not_resolved():
    secret = "file:///etc/hostname"
    doc_xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret}">]>'
               f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
               f'{para(run("United Nations"))}<w:p><w:r><w:t>Text &x; here and more text to read.</w:t></w:r></w:p>'
               '</w:body></w:document>').encode()
    data = _rezip(un_resolution([]), {"word/document.xml": doc_xml})
    try:
        doc = resparse.parse(data, name="entity.docx").to_dict()
    except Corrupt:
        return  # refused: also safe
    import socket

    assert socket.gethostname() not in str(doc)


def test_batch_folders_take_pdfs_and_word_files(tmp_path):
    for name in ("a.pdf", "b.docx", "c.DOCX", "d.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = sorted(i.path.name for i in collect_inputs([str(tmp_path)]))
    assert found == ["a.pdf", "b.docx", "c.DOCX"]
    assert [i.path.name for i in collect_inputs([str(tmp_path)], glob="*.docx")] == ["b.docx", "c.DOCX"]


def test_debug_and_inspect_refuse_a_word_file_but_the_tree_stage(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(un_resolution(OPERATIVE, numbering_xml=NUM))
    runner = CliRunner()
    tree = runner.invoke(main, ["debug", str(path), "--stage", "tree"])
    assert tree.exit_code == 0 and '"number": "7"' in tree.stdout
    for args in (["debug", str(path), "--stage", "lines"], ["inspect", str(path), "--page", "1",
                                                             "-o", str(tmp_path / "p.png")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 10, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
