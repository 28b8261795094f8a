"""The fictional sample documents in `samples/`: parse each PDF and compare with its expected JSON.

`scripts/make_samples.py` writes both the PDFs and `<name>.expected.json` from the same source data, so a
mismatch here is a parser error (or a sample that was edited by hand; regenerate with the script).
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SCRIPT = ROOT / "scripts" / "make_samples.py"
NAMES = ("ga_resolution", "sc_resolution", "draft_decision", "hrc_draft_resolution", "sc_sanctions_resolution")

# Metadata fields whose value is unambiguous in the samples (the others are in the expected JSON too).
METADATA_FIELDS = ("symbol", "document_type", "title", "number", "date", "distribution")
UNIT_FIELDS = ("id", "type", "number", "lead", "text", "footnotes")
MAX_REPORTED = 25


# ---------------------------------------------------------------- loading


@cache
def expected(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


@cache
def actual(name: str) -> dict[str, Any]:
    import resparse

    return resparse.parse(SAMPLES / f"{name}.pdf").to_dict()


# ---------------------------------------------------------------- projection: what is compared


def project_block(block: dict[str, Any]) -> dict[str, Any]:
    """A unit or heading without its `pages` (and without a heading's id, which may be "" or absent)."""
    if block.get("type") == "heading":
        return {"type": "heading", "text": block.get("text")}
    out = {k: block.get(k) for k in UNIT_FIELDS}
    if block.get("type") != "paragraph":
        del out["lead"]  # only paragraphs have a lead
    out["items"] = [project_block(i) for i in block.get("items") or []]
    wrap_up = block.get("wrap_up")
    if wrap_up is not None:
        out["wrap_up"] = {k: wrap_up.get(k) for k in ("id", "text", "footnotes")}
    return out


def project_blocks(blocks: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [project_block(b) for b in blocks or []]


def project_preamble(pre: dict[str, Any] | None) -> dict[str, Any]:
    pre = pre or {}
    return {"formula": pre.get("formula"), "paragraphs": project_blocks(pre.get("paragraphs"))}


def project_annexes(annexes: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{"id": a.get("id"), "label": a.get("label"), "title": a.get("title"),
             "content": project_blocks(a.get("content"))} for a in annexes or []]


def project_footnotes(notes: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{k: n.get(k) for k in ("marker", "text", "ref", "page")} for n in notes or []]


# ---------------------------------------------------------------- readable differences


def short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


def key_of(entry: Any) -> str:
    """What identifies a list entry when lists are aligned: a unit's id, a heading's text, a note's marker."""
    if not isinstance(entry, dict):
        return json.dumps(entry, ensure_ascii=False)
    if entry.get("type") == "heading":
        return f"heading {entry.get('text')}"
    return str(entry.get("id") or entry.get("marker") or entry.get("text"))


def diff_lists(exp: list, act: list, path: str) -> list[str]:
    """Align the two lists on their entries' keys, so one missing unit is reported once, not as a cascade."""
    out: list[str] = []
    ek, ak = [key_of(e) for e in exp], [key_of(a) for a in act]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ek, b=ak, autojunk=False).get_opcodes():
        pairs = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        for k in range(pairs):
            out += diff(exp[i1 + k], act[j1 + k], f"{path}[{i1 + k}]<{ek[i1 + k][:40]}>")
        out += [f"{path}[{i}]: missing {short(exp[i])}" for i in range(i1 + pairs, i2)]
        out += [f"{path}: unexpected entry at [{j}] {short(act[j])}" for j in range(j1 + pairs, j2)]
    return out


def diff(exp: Any, act: Any, path: str = "") -> list[str]:
    """Every place where `act` differs from `exp`, as "path: expected …, got …" lines."""
    if isinstance(exp, dict) and isinstance(act, dict):
        out: list[str] = []
        for key in exp:
            sub = f"{path}.{key}"
            if key not in act:
                out.append(f"{sub}: missing (expected {short(exp[key])})")
            else:
                out += diff(exp[key], act[key], sub)
        out += [f"{path}.{key}: unexpected key (got {short(act[key])})" for key in act if key not in exp]
        return out
    if isinstance(exp, list) and isinstance(act, list):
        return diff_lists(exp, act, path)
    if exp == act:
        return []
    if isinstance(exp, str) and isinstance(act, str) and max(len(exp), len(act)) > 60:
        pairs = enumerate(zip(exp, act, strict=False))
        at = next((i for i, (x, y) in pairs if x != y), min(len(exp), len(act)))
        start = max(0, at - 40)
        return [f"{path}: text differs at char {at}:\n      expected …{short(exp[start:at + 60])}"
                f"\n      got      …{short(act[start:at + 60])}"]
    return [f"{path}: expected {short(exp)}, got {short(act)}"]


def assert_same(exp: Any, act: Any, what: str) -> None:
    problems = diff(exp, act, what)
    if problems:
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        pytest.fail(f"{len(problems)} difference(s) in {what}:\n  " + "\n  ".join(shown)
                    + (f"\n  … and {more} more" if more > 0 else ""), pytrace=False)


# ---------------------------------------------------------------- tests against the parser


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    exp = {k: expected(name)["metadata"][k] for k in METADATA_FIELDS}
    act = {k: (actual(name).get("metadata") or {}).get(k) for k in METADATA_FIELDS}
    assert_same(exp, act, f"{name}: metadata")


@pytest.mark.parametrize("name", NAMES)
def test_preamble(name: str) -> None:
    assert_same(project_preamble(expected(name)["preamble"]), project_preamble(actual(name).get("preamble")),
                f"{name}: preamble")


@pytest.mark.parametrize("name", NAMES)
def test_operative(name: str) -> None:
    assert_same(project_blocks(expected(name)["operative"]), project_blocks(actual(name).get("operative")),
                f"{name}: operative")


@pytest.mark.parametrize("name", NAMES)
def test_annexes(name: str) -> None:
    assert_same(project_annexes(expected(name)["annexes"]), project_annexes(actual(name).get("annexes")),
                f"{name}: annexes")


@pytest.mark.parametrize("name", NAMES)
def test_footnotes(name: str) -> None:
    assert_same(project_footnotes(expected(name)["footnotes"]),
                project_footnotes(actual(name).get("footnotes")), f"{name}: footnotes")


# ---------------------------------------------------------------- tests of the samples themselves


@pytest.mark.parametrize("name", NAMES)
def test_expected_json_has_the_document_shape(name: str) -> None:
    """The expectation has exactly the keys `Document.to_dict()` writes (catches a stale expectation)."""
    from resparse.model.document import SCHEMA_VERSION, Metadata

    exp = expected(name)
    assert list(exp) == ["schema_version", "source", "metadata", "preamble", "operative", "annexes",
                         "footnotes", "warnings"]
    assert exp["schema_version"] == SCHEMA_VERSION
    assert list(exp["metadata"]) == list(Metadata().to_dict())
    assert exp["source"]["file"] == f"{name}.pdf"


@pytest.mark.parametrize("name", NAMES)
def test_output_is_valid_against_the_schema(name: str) -> None:
    """The parsed sample is schema-valid (the expectation records structure, not citations)."""
    from resparse.schema.validate import validate

    problems = validate(actual(name))
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("name", NAMES)
def test_footnote_offsets_point_into_the_unit_text(name: str) -> None:
    """Each reference offset lies within its unit's text; each footnote's ref names a unit citing it (or the
    title, when there is one)."""
    exp = expected(name)
    cited: dict[str, set[str]] = {}

    def visit(block: dict[str, Any]) -> None:
        if block.get("type") == "heading":
            return
        for ref in block["footnotes"]:
            assert 0 < ref["offset"] <= len(block["text"]), (block["id"], ref)
            cited.setdefault(ref["marker"], set()).add(block["id"])
        for item in block["items"]:
            visit(item)
        if "wrap_up" in block:
            for ref in block["wrap_up"]["footnotes"]:
                cited.setdefault(ref["marker"], set()).add(block["wrap_up"]["id"])

    for block in [*exp["preamble"]["paragraphs"], *exp["operative"],
                  *(b for a in exp["annexes"] for b in a["content"])]:
        visit(block)
    for note in exp["footnotes"]:
        if note["ref"] == "title":
            assert exp["metadata"]["title"], note
            continue
        assert note["ref"] in cited.get(note["marker"], set()), note


def _load_generator(monkeypatch: pytest.MonkeyPatch):
    """Import scripts/make_samples.py (not a package) as a module; dataclasses need it in sys.modules."""
    pytest.importorskip("reportlab")
    spec = importlib.util.spec_from_file_location("make_samples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_generator_reproduces_the_committed_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Running the generator gives byte-identical PDFs and identical expectations."""
    gen = _load_generator(monkeypatch)
    from reportlab import Version

    if Version != gen.GENERATED_WITH_REPORTLAB:
        pytest.skip(f"samples were made with reportlab {gen.GENERATED_WITH_REPORTLAB}, this is {Version}")
    written = gen.build(tmp_path)
    assert sorted(p.name for p in written) == sorted(
        f"{n}{ext}" for n in NAMES for ext in (".pdf", ".expected.json"))
    for path in written:
        committed = SAMPLES / path.name
        assert committed.exists(), f"{committed} is missing; run scripts/make_samples.py"
        assert path.read_bytes() == committed.read_bytes(), (
            f"{path.name} differs from the committed file; run scripts/make_samples.py and commit the result")
