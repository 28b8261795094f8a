"""Citations attached to a parsed document, and the citation edges `resparse refs` prints.

Expectations are read from the text of samples/ga_resolution.pdf (see scripts/make_samples.py):
pp_1 cites "its resolution 78/901 of 20 December 2023" and "its resolution 79/904 of 18 December 2024";
footnotes 1-3 are "Resolution 78/901.", "Resolution 79/904, annex." and "A/80/9999.".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import resparse
from resparse.refs import citation_rows, write_rows
from resparse.structure.citing import issuing_organ

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GA = SAMPLES / "ga_resolution.pdf"


@pytest.fixture(scope="module")
def ga() -> dict:
    return resparse.parse(GA).to_dict()


def test_a_preambular_paragraph_carries_its_resolution_citations(ga):
    pp1 = ga["preamble"]["paragraphs"][0]
    cites = pp1["citations"]
    assert [c["symbol"] for c in cites] == ["A/RES/78/901", "A/RES/79/904"]
    assert [c["date"] for c in cites] == ["2023-12-20", "2024-12-18"]
    assert {c["body"] for c in cites} == {"General Assembly"}
    for c in cites:
        assert pp1["text"][c["offset"]:c["offset"] + len(c["text"])] == c["text"]
        assert c["url"] == "https://undocs.org/" + c["symbol"]


def test_footnotes_carry_their_citations(ga):
    by_marker = {f["marker"]: f["citations"] for f in ga["footnotes"]}
    assert [(c["kind"], c["symbol"]) for c in by_marker["1"]] == [("resolution", "A/RES/78/901")]
    assert by_marker["2"][0]["symbol"] == "A/RES/79/904" and by_marker["2"][0]["pinpoint"] == "annex"
    assert [(c["kind"], c["symbol"]) for c in by_marker["3"]] == [("symbol", "A/80/9999")]


def test_its_resolution_belongs_to_the_organ_of_the_formula():
    assert issuing_organ("E/ICEF/2025/L.1", "Economic and Social Council", "The Executive Board") == "Executive Board"
    assert issuing_organ("A/AC.109/2025/L.9", "General Assembly", None) == "General Assembly"
    assert issuing_organ("A/HRC/RES/59/25", None, None) == "Human Rights Council"
    assert issuing_organ("CTOC/COP/2022/L.5", "Conference of the Parties", None) == "Conference of the Parties"


def test_rows_from_a_pdf_and_from_its_json_output_are_the_same(tmp_path, ga):
    out = tmp_path / "ga.json"
    out.write_text(json.dumps(ga), encoding="utf-8")
    from_pdf = [{k: v for k, v in r.items() if k != "source"} for r in citation_rows([GA])]
    from_json = [{k: v for k, v in r.items() if k != "source"} for r in citation_rows([out])]
    assert from_pdf == from_json
    assert ("pp_1", "A/RES/78/901") in [(r["unit_id"], r["target"]) for r in from_pdf]
    assert all(r["citing_symbol"] == "A/RES/80/999" for r in from_pdf)


def test_csv_rows_have_a_header_and_one_line_per_citation():
    buf = io.StringIO()
    n = write_rows(citation_rows([GA]), "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == n >= 5
    assert list(rows[0]) == ["source", "citing_symbol", "unit_id", "kind", "target", "link"]
    assert rows[0]["link"] == "https://undocs.org/A/RES/78/901"


def test_jsonl_and_json_give_the_same_rows():
    a, b = io.StringIO(), io.StringIO()
    write_rows(citation_rows([GA]), "jsonl", a)
    write_rows(citation_rows([GA]), "json", b)
    assert [json.loads(line) for line in a.getvalue().splitlines()] == json.loads(b.getvalue())


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        write_rows([], "xml", io.StringIO())


def test_refs_command_prints_one_table_for_several_files(tmp_path):
    from click.testing import CliRunner

    from resparse.cli import main

    bad = tmp_path / "notes.txt"
    bad.write_text("not a document: [", encoding="utf-8")
    result = CliRunner().invoke(main, ["refs", str(GA), str(bad), str(SAMPLES / "sc_resolution.pdf")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "source,citing_symbol,unit_id,kind,target,link"
    assert sum(1 for ln in lines if ln.startswith("source,")) == 1
    assert any(ln.startswith(f"{GA},A/RES/80/999,pp_1,resolution,A/RES/78/901,") for ln in lines)
    assert any("S/RES/9999 (2025)" in ln for ln in lines[1:])
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
