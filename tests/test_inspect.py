"""`resparse inspect`: the overlay of the fictional samples names every unit where it is printed, the
picture is the page with boxes drawn on it, and the command follows the CLI's conventions."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops

import resparse
from conftest import one_error_line
from resparse.cli import main
from resparse.inspect import KINDS, Inspection, OverlayBox, inspect_pdf, render_page
from resparse.model.document import Heading
from resparse.structure.trace import ParseTrace
from resparse.writers import render

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NAMES = ("ga_resolution", "sc_resolution", "draft_decision")
GA = SAMPLES / "ga_resolution.pdf"
SCALE = 1.0  # small pictures: the tests look at boxes, not at small print


@cache
def inspection(name: str) -> Inspection:
    return inspect_pdf(SAMPLES / f"{name}.pdf")


@cache
def expected(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


def units(blocks: list[dict[str, Any]], pages: list[int] | None = None):
    """Every unit below `blocks` with the pages it is printed on (a wrap-up: its paragraph's last page)."""
    for b in blocks:
        yield b, b.get("pages") or pages
        yield from units(b.get("items") or [], b.get("pages"))
        if b.get("wrap_up"):
            yield b["wrap_up"], (b.get("pages") or [])[-1:]


def all_units(doc: dict[str, Any]):
    yield from units(doc["preamble"]["paragraphs"])
    yield from units(doc["operative"])
    for annex in doc["annexes"]:
        yield from units(annex["content"])


def squeeze(text: str) -> str:
    return "".join(text.split())


def text_in(insp: Inspection, box: OverlayBox) -> str:
    """The glyphs printed inside a box, in reading order, without spaces."""
    chars = [
        c for c in insp.trace.page_chars[box.page - 1].chars
        if box.x0 - 0.5 <= c.x0 and c.x1 <= box.x1 + 0.5 and box.top - 0.5 <= c.top and c.bottom <= box.bottom + 0.5
    ]
    return squeeze("".join(c.text for c in sorted(chars, key=lambda c: (round(c.bottom), c.x0))))


def boxes(insp: Inspection, kind: str | None = None, page: int | None = None, label: str | None = None):
    return [b for b in insp.boxes
            if (kind is None or b.kind == kind) and (page is None or b.page == page)
            and (label is None or b.label == label)]


def inside(inner: OverlayBox, outer: OverlayBox) -> bool:
    return (inner.page == outer.page and outer.x0 <= inner.x0 and inner.x1 <= outer.x1
            and outer.top <= inner.top and inner.bottom <= outer.bottom)


# --- the overlay: plain data --------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_unit_of_the_expected_json_is_labelled_on_its_pages(name):
    insp = inspection(name)
    doc = insp.document
    blocks = doc.preamble.paragraphs + doc.operative + [b for a in doc.annexes for b in a.content]
    headings = {b.text: b.id for b in blocks if isinstance(b, Heading)}
    seen = 0
    for unit, pages in all_units(expected(name)):
        uid = unit["id"] or headings[unit["text"]]  # the expected JSON leaves headings' ids out
        labelled = [b for b in insp.boxes if b.label == uid]
        assert labelled, f"no box labelled {uid}"
        assert {b.page for b in labelled} == set(pages), uid
        kind = {"paragraph": "paragraph", "item": "item", "heading": "heading"}.get(unit.get("type"), "wrap_up")
        assert {b.kind for b in labelled} == {kind}, uid
        # The box is around the unit's own printed text: its first words are inside the first box.
        start = squeeze(unit["text"])[:20]
        assert start in text_in(insp, labelled[0]), (uid, start, text_in(insp, labelled[0]))
        seen += 1
    assert seen >= 4
    want = expected(name)
    if want["preamble"]["formula"]:
        (formula,) = boxes(insp, "formula", label="formula")
        assert text_in(insp, formula) == squeeze(want["preamble"]["formula"]["text"])
    for annex in want["annexes"]:
        assert [b.page for b in boxes(insp, "annex", label=annex["id"])] == [annex["pages"][0]] * 2  # label, title


def test_the_labels_are_the_ids_of_the_output():
    insp = inspection("ga_resolution")
    out = insp.document.to_dict()
    ids = {u["id"] for u, _ in all_units(out)} | {a["id"] for a in out["annexes"]} | {"formula", "title"}
    labelled = {b.label for b in insp.boxes if b.kind in ("title", "formula", "paragraph", "item", "wrap_up",
                                                          "heading", "annex")}
    assert labelled == ids


def test_heading_block_title_and_closing_lines():
    insp = inspection("ga_resolution")
    (head,) = boxes(insp, "masthead")
    assert head.page == 1
    (title,) = boxes(insp, "title")
    assert inside(title, head)
    assert text_in(insp, title).endswith(squeeze(insp.document.metadata.title or "-"))
    assert all(b.bottom < head.bottom + 1 for b in boxes(insp, "title"))
    assert all(b.top > head.bottom for b in boxes(insp, "paragraph", page=1))
    # The meeting line and date that close the text belong to no unit.
    (closing,) = boxes(insp, "unplaced")
    assert closing.page == 3 and "plenarymeeting" in text_in(insp, closing)


def test_furniture_and_body_lines():
    insp = inspection("ga_resolution")
    assert {b.label for b in boxes(insp, "furniture", page=2)} >= {"2/4", "A/RES/80/999"}
    assert "25-99999 (E)" in {b.label for b in boxes(insp, "furniture", page=1)}
    lines = boxes(insp, "line", page=2)
    assert len(lines) > 40
    assert all(any(inside(ln, u) for u in boxes(insp, page=2) if u.kind in ("paragraph", "item")) for ln in lines)
    assert not any(inside(f, ln) for f in boxes(insp, "furniture") for ln in boxes(insp, "line"))


@pytest.mark.parametrize("name", NAMES)
def test_footnote_area_separator_and_links(name):
    insp = inspection(name)
    notes = expected(name)["footnotes"]
    pages_with_notes = {b.page for b in boxes(insp, "footnote")}
    assert {n["page"] for n in notes} <= pages_with_notes
    for page in range(1, insp.page_count + 1):
        areas = boxes(insp, "footnote_area", page=page)
        assert len(areas) == (1 if page in pages_with_notes else 0), page
        if not areas:
            continue
        (separator,) = boxes(insp, "separator", page=page)
        assert abs(separator.top - areas[0].top) < 0.01  # the area starts at the rule ...
        assert all(u.bottom < separator.top for u in boxes(insp, "paragraph", page=page))  # ... under the text
        assert all(inside(f, areas[0]) for f in boxes(insp, "footnote", page=page))
    for note in notes:
        (box, *_) = boxes(insp, "footnote", page=note["page"], label=f"{note['marker']} -> {note['ref']}")
        assert squeeze(note["text"])[:12] in text_in(insp, box)


@pytest.mark.parametrize("name", NAMES)
def test_each_marker_stands_in_the_unit_its_footnote_links_to(name):
    insp = inspection(name)
    for note in expected(name)["footnotes"]:
        markers = boxes(insp, "marker", page=note["page"], label=note["marker"])
        assert len(markers) == 1, note
        units_ = boxes(insp, label=note["ref"], page=note["page"])
        assert any(inside(markers[0], u) for u in units_), note
        assert text_in(insp, markers[0]) == note["marker"]


def test_boxes_are_plain_data():
    box = inspection("draft_decision").boxes[0]
    data = box.to_dict()
    assert set(data) == {"page", "kind", "x0", "top", "x1", "bottom", "label"}
    assert json.loads(json.dumps(data)) == data
    assert {b.kind for b in inspection("ga_resolution").boxes} <= set(KINDS)
    assert all(b.x0 <= b.x1 and b.top <= b.bottom for b in inspection("ga_resolution").boxes)


@pytest.mark.parametrize("name", NAMES)
def test_the_trace_does_not_change_the_document(name):
    path = SAMPLES / f"{name}.pdf"
    plain = resparse.parse(path)
    traced = resparse.parse(path, trace=ParseTrace())
    assert render(traced, "json") == render(plain, "json")
    assert render(inspection(name).document, "json") == render(plain, "json")


# --- the picture ----------------------------------------------------------------------------------------


def to_pixels(insp: Inspection, box: OverlayBox, image: Image.Image) -> tuple[int, int, int, int]:
    chars = insp.trace.page_chars[box.page - 1]
    sx, sy = image.width / chars.width, image.height / chars.height
    return int(box.x0 * sx), int(box.top * sy), int(box.x1 * sx) + 1, int(box.bottom * sy) + 1


def test_picture_is_the_page_with_boxes_drawn_where_the_boxes_are():
    insp = inspection("ga_resolution")
    for page in (1, 3):
        drawn, plain = insp.image(page, SCALE), render_page(insp.pdf, page, SCALE)
        chars = insp.trace.page_chars[page - 1]
        assert drawn.size == plain.size
        assert abs(drawn.width / drawn.height - chars.width / chars.height) < 2 / drawn.height
        assert abs(drawn.width - chars.width * SCALE) <= 1
        diff = ImageChops.difference(drawn, plain)
        for box in boxes(insp, page=page):
            if box.kind in ("paragraph", "footnote_area", "separator", "masthead", "unplaced"):
                x0, y0, x1, y1 = to_pixels(insp, box, drawn)
                assert diff.crop((x0 - 4, y0 - 4, x1 + 4, y1 + 4)).getbbox() is not None, box
    # Page 3 has a paragraph and closing lines at the top, notes at the bottom: between them, nothing is drawn.
    drawn, plain = insp.image(3, SCALE), render_page(insp.pdf, 3, SCALE)
    gap = (0, 200, drawn.width, 650)
    assert not [b for b in boxes(insp, page=3) if b.bottom + 10 > gap[1] and b.top - 10 < gap[3]]
    assert ImageChops.difference(drawn.crop(gap), plain.crop(gap)).getbbox() is None


def test_render_scale():
    insp = inspection("draft_decision")
    small, large = insp.image(1, 1.0), insp.image(1, 2.0)
    assert (large.width, large.height) == pytest.approx((2 * small.width, 2 * small.height), abs=2)


# --- the command ----------------------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, ["inspect", *map(str, args)])


def png_size(path: Path) -> tuple[int, int]:
    with Image.open(io.BytesIO(path.read_bytes())) as image:
        assert image.format == "PNG"
        return image.size


def test_command_writes_the_page(tmp_path):
    out = tmp_path / "p2.png"
    result = run(GA, "--page", 2, "-o", out, "--scale", 1)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"{out}\n"
    width, height = png_size(out)
    assert abs(width / height - 612 / 792) < 0.01 and abs(width - 612) <= 1


def test_command_default_output_is_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(GA, "--page", 1, "--scale", 1)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == "ga_resolution-page-1.png\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ga_resolution-page-1.png"]
    folder = tmp_path / "pictures"
    folder.mkdir()
    assert run(GA, "-p", 3, "-o", folder, "--scale", 1).exit_code == 0
    assert [p.name for p in folder.iterdir()] == ["ga_resolution-page-3.png"]


def test_command_all_pages(tmp_path):
    out = tmp_path / "pages"
    result = run(GA, "--all-pages", "-o", out, "--scale", 1)
    assert result.exit_code == 0, result.stderr
    names = [f"page-{n:03d}.png" for n in range(1, 5)]
    assert sorted(p.name for p in out.iterdir()) == names
    assert result.stdout == ""
    assert result.stderr.splitlines() == [str(out / n) for n in names]
    assert len({(out / n).read_bytes() for n in names}) == 4
    assert all(png_size(out / n) == png_size(out / names[0]) for n in names)


@pytest.mark.parametrize("page", [0, 5, 99])
def test_command_page_out_of_range_is_a_usage_error(tmp_path, page):
    out = tmp_path / "p.png"
    result = run(GA, "--page", page, "-o", out)
    assert result.exit_code == 2
    assert f"no page {page}" in one_error_line(result, str(GA))
    assert not out.exists()


def test_command_not_a_pdf(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_text("not a PDF at all\n")
    result = run(bad, "--page", 1, "-o", tmp_path / "p.png")
    assert result.exit_code == 3
    assert "not a PDF" in one_error_line(result, str(bad))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.pdf"]


def test_command_missing_file(tmp_path):
    missing = tmp_path / "missing.pdf"
    result = run(missing, "--page", 1)
    assert result.exit_code == 2
    one_error_line(result, str(missing))


@pytest.mark.parametrize("args", [[], ["--page", "1", "--all-pages", "-o", "x"], ["--all-pages"]])
def test_command_needs_one_page_choice(tmp_path, args):
    result = run(GA, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
