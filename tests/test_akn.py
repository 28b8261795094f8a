"""Akoma Ntoso output (`--format akn`): valid AKN 3.0, the UN's layout, and the same text as the JSON.

- Every document written for `../shared/corpus/pdf` validates against the OASIS schema in
  `../shared/schemas/akn/` (skipped when ../shared is absent; the schema is never copied here).
- Round trip: reading the text of every unit back from the XML gives the unit's text in the JSON, and
  every footnote appears once, with its marker and text.
- Structure on the fictional samples in `samples/` (always present) and on hand-made trees.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import resparse
from factories import minimal_document, sample_document
from resparse.batch.resume import output_schema_version
from resparse.cli import main
from resparse.model.document import SCHEMA_VERSION, FootnoteRef
from resparse.writers import WRITERS, get_writer, render
from resparse.writers.akn import AknWriter, element_text, parse_bytes, tree_schema_version
from resparse.writers.akn.meta import body_code, expression_language

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SCHEMA_PATHS = (SHARED / "schemas" / "akn" / "akomantoso30.xsd",
                SHARED / "docs" / "akn4un-examples" / "corpus" / "akomantoso30.xsd")
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
# AKN naming convention: element abbreviation and number, joined by "__" down the hierarchy.
EID = re.compile(r"^[A-Za-z]+(?:_[0-9A-Za-z]+)*(?:__[A-Za-z]+(?:_[0-9A-Za-z]+)*)*$")
TEXT_HOLDERS = {"content", "intro", "wrapUp", "formula", "item"}


def q(name: str) -> str:
    return f"{{{AKN}}}{name}"


def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def akn(doc) -> etree._Element:
    return parse_bytes(AknWriter().dumps(doc).encode("utf-8"))


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    for path in SCHEMA_PATHS:
        if path.is_file():
            return etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False)))
    pytest.skip(f"the Akoma Ntoso schema is absent ({SCHEMA_PATHS[0]})")


def assert_valid(schema: etree.XMLSchema, root: etree._Element, name: str) -> None:
    ok = schema.validate(etree.ElementTree(root))
    assert ok, f"{name}: not valid Akoma Ntoso:\n" + "\n".join(str(e) for e in list(schema.error_log)[:10])


# --- reading the XML back -----------------------------------------------------------------------------

def json_units(data: dict) -> list[str]:
    """Every unit text of the tree in document order: formula, paragraphs, items, wrap-ups, headings."""
    out: list[str] = []

    def walk(block: dict) -> None:
        out.append(block["text"])
        for item in block.get("items") or []:
            walk(item)
        if block.get("wrap_up"):
            out.append(block["wrap_up"]["text"])

    if data["preamble"]["formula"]:
        out.append(data["preamble"]["formula"]["text"])
    for block in data["preamble"]["paragraphs"] + data["operative"]:
        walk(block)
    for annex in data["annexes"]:
        for block in annex["content"]:
            walk(block)
    return out


def xml_units(root: etree._Element) -> list[str]:
    """The same texts read from the XML: each `p` of a unit, and headings as number plus subheading."""
    out: list[str] = []
    body = [root.find(".//a:preamble", NS), root.find(".//a:mainBody", NS)]
    body += root.findall(".//a:attachment//a:mainBody", NS)
    for part in body:
        if part is None:
            continue
        for el in part.iter():
            if any(local(a) == "authorialNote" for a in el.iterancestors()):
                continue
            name, parent = local(el), el.getparent()
            if name == "p" and (local(parent) in TEXT_HOLDERS or local(parent) == "container"):
                out.append(element_text(el))
            elif name == "subheading":
                num = parent.find(q("num"))
                out.append((f"{num.text} " if num is not None else "") + element_text(el))
    return out


def xml_notes(root: etree._Element) -> Counter:
    notes = list(root.iter(q("authorialNote"))) + list(root.iter(q("note")))
    return Counter((n.get("marker"), element_text(n.find(q("p")))) for n in notes)


def json_notes(data: dict) -> Counter:
    return Counter((f["marker"], f["text"]) for f in data["footnotes"])


def assert_round_trip(data: dict, root: etree._Element, name: str) -> None:
    assert xml_units(root) == json_units(data), f"{name}: unit texts differ between XML and JSON"
    assert xml_notes(root) == json_notes(data), f"{name}: footnotes differ between XML and JSON"


def assert_eids(root: etree._Element, name: str) -> None:
    eids = [el.get("eId") for el in root.iter() if isinstance(el.tag, str) and el.get("eId")]
    assert len(eids) == len(set(eids)), f"{name}: repeated eIds {[e for e, n in Counter(eids).items() if n > 1]}"
    bad = [e for e in eids if not EID.match(e)]
    assert not bad, f"{name}: eIds outside the naming convention: {bad[:5]}"


# --- the shared corpus ----------------------------------------------------------------------------------

def _corpus_names() -> list:
    directory = SHARED / "corpus" / "pdf"
    if not directory.is_dir():
        return [pytest.param("", id="absent", marks=pytest.mark.skip(reason=f"{directory} is absent"))]
    return sorted(p.name for p in directory.glob("*.pdf"))


@pytest.mark.parametrize("name", _corpus_names())
def test_corpus_document_is_valid_akn_with_the_json_text(name: str, corpus_pdf_dir: Path, schema):
    doc = resparse.parse(corpus_pdf_dir / name)
    data = json.loads(render(doc, "json"))
    text = render(doc, "akn")
    root = parse_bytes(text.encode("utf-8"))
    assert_valid(schema, root, name)
    assert_round_trip(data, root, name)
    assert_eids(root, name)
    assert render(doc, "akn") == text, f"{name}: two runs wrote different XML"


# --- the samples ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def samples() -> dict[str, tuple[dict, etree._Element]]:
    out = {}
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        doc = resparse.parse(pdf)
        out[pdf.stem] = (doc.to_dict(), akn(doc))
    assert out, "samples/*.pdf are missing"
    return out


def test_samples_round_trip(samples):
    for name, (data, root) in samples.items():
        assert_round_trip(data, root, name)
        assert_eids(root, name)


def test_samples_validate(samples, schema):
    for name, (_, root) in samples.items():
        assert_valid(schema, root, name)


def test_ga_resolution_structure(samples):
    data, root = samples["ga_resolution"]
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    work = root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    assert work == "/akn/un/statement/deliberation/unga/2025-12-12/80-999/"
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value") == work + "eng@/"
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "eng"
    assert root.find(".//a:preface//a:docTitle", NS).text == data["metadata"]["title"]
    assert element_text(root.find(".//a:formula/a:p", NS)) == "The General Assembly,"

    containers = root.findall("a:statement/a:preamble/a:container", NS)
    assert [c.get("name") for c in containers] == [p["lead"] for p in data["preamble"]["paragraphs"]]
    assert containers[0].find("a:p/a:span", NS).text == "Recalling"

    paragraphs = root.findall("a:statement/a:mainBody/a:paragraph", NS)
    assert [p.find("a:num", NS).text for p in paragraphs] == [f"{u['number']}." for u in data["operative"]]
    # paragraph 3: its text opens a list of points, one of which has points of its own
    listed = paragraphs[2].find("a:list", NS)
    assert listed.find("a:intro/a:p", NS) is not None
    points = listed.findall("a:point", NS)
    assert [p.find("a:num", NS).text for p in points] == ["(a)", "(b)", "(c)"]
    nested = points[1].findall("a:list/a:point", NS)
    assert [p.find("a:num", NS).text for p in nested] == ["(i)", "(ii)"]
    assert nested[0].get("eId") == "para_3__list_1__point_b__list_1__point_i"

    conclusions = root.find("a:statement/a:conclusions//a:docDate", NS)
    assert conclusions.get("date") == "2025-12-12" and conclusions.text == "12 December 2025"
    assert len(root.findall(".//a:attachments/a:attachment", NS)) == len(data["annexes"])


def test_footnotes_stand_at_their_markers(samples):
    data, root = samples["ga_resolution"]
    for unit in data["preamble"]["paragraphs"]:
        for ref in unit["footnotes"]:
            note = next(n for n in root.iter(q("authorialNote")) if n.get("marker") == ref["marker"])
            holder = note.getparent()
            while local(holder) != "p":
                holder = holder.getparent()
            before = element_text_until(holder, note)
            assert before == unit["text"][: ref["offset"]]


def element_text_until(p: etree._Element, stop: etree._Element) -> str:
    """The text of `p` before the element `stop`, footnotes left out."""
    parts: list[str] = []

    def walk(x) -> bool:
        if x is stop:
            return True
        if local(x) != "authorialNote":
            parts.append(x.text or "")
            for child in x:
                if walk(child):
                    return True
        if x is not p:
            parts.append(x.tail or "")
        return False

    walk(p)
    return "".join(parts)


def test_citations_link_the_cited_number(samples):
    _, root = samples["ga_resolution"]
    links = [(a.get("href"), a.text) for a in root.find(".//a:preamble", NS).iter(q("a"))]
    assert ("https://undocs.org/en/A/RES/78/901", "78/901") in links


def test_sc_resolution_has_no_conclusions(samples):
    _, root = samples["sc_resolution"]
    assert "/akn/un/statement/deliberation/unsc/" in root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    assert root.find(".//a:conclusions", NS) is None


def test_draft_decision_is_a_draft_statement(samples):
    data, root = samples["draft_decision"]
    assert data["metadata"]["document_type"] == "draft_decision"
    assert root.find("a:statement", NS).get("name") == "draftDecision"
    assert "/statement/draft/" in root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")


# --- hand-made trees ----------------------------------------------------------------------------------

def test_hand_made_document(schema):
    doc = sample_document()
    root = akn(doc)
    assert_valid(schema, root, "sample_document")
    assert_round_trip(doc.to_dict(), root, "sample_document")
    assert_eids(root, "sample_document")
    # the masthead's footnote stands after the symbol
    cover_note = root.find(".//a:coverPage//a:authorialNote", NS)
    assert cover_note is not None and cover_note.get("marker") == "**"
    # a heading "B. Follow-up" is a paragraph with a num and a subheading, as the UN marks it
    heading = next(p for p in root.iter(q("paragraph")) if p.find(q("subheading")) is not None)
    assert heading.find(q("num")).text == "B." and heading.find(q("subheading")).text == "Follow-up"
    # the wrap-up closes the list of paragraph 2
    wrap = root.find(".//a:paragraph[@eId='para_2']/a:list/a:wrapUp/a:p", NS)
    assert wrap is not None and wrap.text == "and urges the Panel to act;"
    # the preambular heading is a container of its own, the items of a preambular paragraph a blockList
    assert root.find(".//a:preamble/a:container[@name='']/a:p/a:span", NS).text == "Political situation"
    assert root.find(".//a:preamble//a:blockList/a:item/a:num", NS).text == "(a)"


def test_other_documents_are_doc(schema):
    root = akn(minimal_document())
    assert_valid(schema, root, "minimal_document")
    doc = root.find("a:doc", NS)
    assert doc is not None and root.find("a:statement", NS) is None
    assert root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value").startswith("/akn/un/doc/")


def test_text_xml_cannot_hold_does_not_break_the_output(schema):
    doc = sample_document()
    doc.operative[0].text = "Endorses\x00 the\x1b plan;\ufffe"
    doc.operative[0].footnotes = [FootnoteRef(marker="9", offset=10_000)]  # no such note, offset past the end
    doc.operative[0].citations = []
    root = akn(doc)
    assert_valid(schema, root, "control characters")
    p = root.find(".//a:paragraph[@eId='para_1']/a:content/a:p", NS)
    assert element_text(p) == "Endorses\ufffd the\ufffd plan;\ufffd"
    assert p[-1].get("marker") == "9"  # the marker without its note still stands, at the end


def test_citation_offsets_that_do_not_fit_are_ignored():
    data = sample_document().to_dict()
    data["operative"][0]["citations"] = [
        {"kind": "symbol", "text": "plan", "offset": 3, "url": "https://undocs.org/A/1"},  # wrong offset
        {"kind": "symbol", "text": "the plan", "offset": 9, "url": "https://undocs.org/A/2"},
        {"kind": "symbol", "text": "plan", "offset": 13, "url": "https://undocs.org/A/3"},  # overlaps
        {"kind": "treaty", "text": "Endorses", "offset": 0},  # no URL: no link
    ]
    root = akn(data)
    p = root.find(".//a:paragraph[@eId='para_1']/a:content/a:p", NS)
    assert [(a.get("href"), a.text) for a in p.iter(q("a"))] == [("https://undocs.org/en/A/2", "the plan")]
    assert element_text(p) == "Endorses the plan;"


def test_language_and_body_codes():
    assert [expression_language(c) for c in ("en", "fr", "es", "ru", "ar", "zh", None, "xx")] == [
        "eng", "fra", "spa", "rus", "ara", "zho", "und", "und"]
    assert body_code("S/RES/2776 (2025)") == "unsc"
    assert body_code("A/RES/77/321") == "unga"
    assert body_code("A/HRC/RES/59/25") == "unhrc"
    assert body_code("CTOC/COP/2022/L.5") == "ctoc"
    assert body_code(None) == "un"


def test_spanish_expression(schema):
    doc = sample_document()
    doc.metadata.language = "es"
    root = akn(doc)
    assert root.find(".//a:FRBRlanguage", NS).get("language") == "spa"
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value").endswith("/spa@/")


# --- safety ----------------------------------------------------------------------------------------------

def test_entities_are_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read", encoding="utf-8")
    hostile = (f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
               '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&e;</akomaNtoso>')
    root = parse_bytes(hostile.encode("utf-8"))
    assert "do not read" not in etree.tostring(root).decode()
    path = tmp_path / "old.xml"
    path.write_text(hostile, encoding="utf-8")
    assert tree_schema_version(path) is None


# --- the command line and the registry -------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, list(args))


def test_registry_knows_akn():
    assert WRITERS["akn"] is AknWriter and AknWriter.suffix == ".xml"
    assert isinstance(get_writer("AKN"), AknWriter)
    with pytest.raises(ValueError, match="compact"):
        get_writer("akn", compact=True)


def test_cli_extract_akn():
    result = run("extract", str(SAMPLES / "sc_resolution.pdf"), "--format", "akn")
    assert result.exit_code == 0, result.output
    root = parse_bytes(result.stdout.encode("utf-8"))
    assert local(root) == "akomaNtoso"
    assert run("extract", str(SAMPLES / "sc_resolution.pdf"), "-f", "akn").stdout == result.stdout


def test_cli_akn_refuses_compact_and_jsonl():
    pdf = str(SAMPLES / "sc_resolution.pdf")
    assert run("extract", pdf, "-f", "akn", "--compact").exit_code == 2
    assert run("extract", pdf, pdf, "-f", "akn", "--jsonl").exit_code == 2


def test_batch_writes_xml_and_skips_current_outputs(tmp_path):
    out = tmp_path / "out"
    args = ["extract", str(SAMPLES), "--out-dir", str(out), "-f", "akn", "-j", "1", "-q"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert written == sorted(f"{p.stem}.xml" for p in SAMPLES.glob("*.pdf"))
    target = next(out.rglob("ga_resolution.xml"))
    assert output_schema_version(target) == SCHEMA_VERSION
    before = target.stat().st_mtime_ns
    os.utime(target, ns=(before + 10**9, before + 10**9))
    stamp = target.stat().st_mtime_ns
    result = run(*args, "--skip-existing")
    assert result.exit_code == 0, result.output
    assert target.stat().st_mtime_ns == stamp
