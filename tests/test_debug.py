"""`resparse debug`: each stage's records, checked against what the fictional samples hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import one_error_line
from resparse.cli import main
from resparse.debug import STAGES, debug_records

ROOT = Path(__file__).resolve().parents[1]
GA = ROOT / "samples" / "ga_resolution.pdf"
SC = ROOT / "samples" / "sc_resolution.pdf"


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_chars_are_the_glyphs_of_the_page_and_its_rules():
    records = list(debug_records(GA, "chars", page=1))
    assert {r["page"] for r in records} == {1}
    glyphs = "".join(r["text"] for r in records if r["kind"] == "glyphs")
    assert "GeneralAssembly" in glyphs and "Recalling" in glyphs
    for r in records:
        x0, top, x1, bottom = r["box"]
        assert 0 <= x0 <= x1 <= 612 and 0 <= top <= bottom <= 842


def test_lines_keep_markers_apart():
    texts = [r["text"] for r in debug_records(GA, "lines", page=1)]
    assert "[1] Resolution 78/901." in texts  # the note's marker, then its text


def test_page_puts_each_line_in_its_area():
    records = list(debug_records(GA, "page", page=1))
    notes = [r["text"] for r in records if r["area"] == "notes"]
    opened = [n for n in notes if n.startswith("[")]  # a note's first line opens with its marker
    wanted = [f"[{f['marker']}] {f['text']}" for f in expected(GA)["footnotes"] if f["page"] == 1]
    assert len(opened) == len(wanted) and all(w.startswith(o) for o, w in zip(opened, wanted, strict=True))
    assert " ".join(notes) == " ".join(wanted)  # continuation lines are notes too
    body = [r["text"] for r in records if r["area"] == "body"]
    assert expected(GA)["preamble"]["formula"]["text"] in body


def test_running_headers_are_furniture():
    furniture = [r["text"] for r in debug_records(SC, "page", page=2) if r["area"] == "furniture"]
    assert any("S/RES/9999 (2025)" in t for t in furniture)


def test_blocks_hold_the_joined_paragraphs():
    texts = [r["text"] for r in debug_records(SC, "blocks")]
    for unit in expected(SC)["preamble"]["paragraphs"]:
        assert any(t.startswith(unit["text"][:40]) for t in texts), unit["id"]


def test_tree_lists_every_unit_in_order():
    ids = [r["id"] for r in debug_records(SC, "tree") if "id" in r and r["path"] != "metadata"]
    doc = expected(SC)
    wanted = ["formula"] + [u["id"] for u in doc["preamble"]["paragraphs"]]
    assert ids[: len(wanted)] == wanted


def test_a_page_past_the_end_is_refused():
    with pytest.raises(ValueError, match="does not exist"):
        list(debug_records(SC, "lines", page=3))


@pytest.mark.parametrize("stage", STAGES)
def test_the_command_prints_one_json_object_a_line(stage: str):
    result = run("debug", str(SC), "--stage", stage, "--page", "1")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["stage"] == stage for r in records)


def test_the_command_refuses_a_missing_page_and_a_non_pdf(tmp_path):
    result = run("debug", str(SC), "--stage", "lines", "--page", "7")
    assert result.exit_code == 2
    assert "page 7 does not exist" in one_error_line(result, str(SC))
    text = tmp_path / "notes.pdf"
    text.write_text("not a PDF")
    result = run("debug", str(text), "--stage", "chars")
    assert result.exit_code == 3
    one_error_line(result, str(text))


def test_tree_names_the_body_rules_that_took_each_unit():
    records = {r["id"]: r for r in debug_records(GA, "tree") if r.get("id")}
    annex = expected(GA)["annexes"][0]
    assert records[annex["id"]]["rules"] == ["annex-label", "annex-title"]  # "Annex", then its title below
    para = expected(GA)["operative"][0]
    assert records[para["id"]]["rules"][0] == "numbered-paragraph"
    items = [r for r in records.values() if r.get("type") == "item"]
    assert items and all(r["rules"][0] in ("item", "numbered-item") for r in items)
    assert "rules" not in records["formula"]  # read before the body rules
