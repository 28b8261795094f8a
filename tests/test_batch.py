"""Batch conversion (`resparse extract` with several inputs, `resparse.batch`): every file converted or
refused with a typed error, atomic outputs, the same results for any number of workers, timeouts,
crashed workers, an interrupted run resumed with --skip-existing, --jsonl, --report, name collisions.

Inputs are the samples (real parser) and PDFs made here; the hang, crash or delay of a worker are made
by the worker functions of `tests/workers.py`, given to the batch as its `convert`.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

import workers
from factories import encrypted_pdf, flipped_structure, rect_pdf, text_pdf, truncated
from processes import kill_when
from resparse import SCHEMA_VERSION, batch
from resparse.batch import (
    BATCH_CAUSES,
    BatchOptions,
    Input,
    collect_inputs,
    is_current,
    looks_like_path_list,
    output_names,
    output_schema_version,
    plan_jobs,
    run_batch,
)
from resparse.cli import main
from resparse.errors import ERRORS, EXIT_CODES
from resparse.schema import validate

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
TYPED = {e.code for e in ERRORS} | set(BATCH_CAUSES)
BUGS = {"internal", "crashed", "timeout"}  # never acceptable for a real or mutated PDF


SLOW_BATCH = Path(__file__).resolve().parent / "slow_batch.py"


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env)


def with_workers(monkeypatch, convert) -> None:
    """Make the batches that `resparse extract` runs in this test use `convert` in their workers."""
    monkeypatch.setattr(batch, "run_batch", functools.partial(batch.run_batch, convert=convert))


def without_stream(data: bytes) -> bytes:
    """The first stream's `stream ... endstream` cut out of its object (the dictionary stays)."""
    start = data.index(b"stream", data.index(b"/Length"))
    end = data.index(b"endstream", start) + len(b"endstream")
    return data[:start] + data[end:]


# name → (bytes, expected error type); "?" = a typed error or a valid document
def bad_files() -> dict[str, tuple[bytes, str]]:
    sample = SAMPLES[0].read_bytes()
    return {
        "text_renamed.pdf": (b"This is a plain text file, not a PDF.\n", "not_pdf"),
        "zero_length.pdf": (b"", "empty"),
        "truncated.pdf": (truncated(text_pdf(), 0.5), "corrupt"),
        "flipped.pdf": (flipped_structure(text_pdf()), "corrupt"),
        "encrypted.pdf": (encrypted_pdf(sample), "encrypted"),
        "scan.pdf": (rect_pdf(), "no_text_layer"),
        "stream_removed.pdf": (without_stream(sample), "?"),
        "sample_truncated_30.pdf": (truncated(sample, 0.3), "?"),
        "sample_truncated_90.pdf": (truncated(sample, 0.9), "?"),
    }


def make_folder(folder: Path) -> tuple[list[str], dict[str, str]]:
    """Good samples under `good/`, bad files under `bad/`; returns their names and expected types."""
    (folder / "good").mkdir(parents=True)
    (folder / "bad").mkdir()
    for pdf in SAMPLES:
        shutil.copy(pdf, folder / "good" / pdf.name)
    expected = {}
    for name, (data, kind) in bad_files().items():
        (folder / "bad" / name).write_bytes(data)
        expected[name] = kind
    return [p.name for p in SAMPLES], expected


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """One batch over good and bad files with -j2, to outputs, with a report."""
    base = tmp_path_factory.mktemp("batch")
    inputs = base / "in"
    good, expected = make_folder(inputs)
    out, report = base / "out", base / "report.json"
    result = run("extract", inputs, "--out-dir", out, "-j", "2", "--report", report)
    return {"base": base, "inputs": inputs, "out": out, "report": json.loads(report.read_text()),
            "result": result, "good": good, "expected": expected}


# --- a folder of good and bad files ---------------------------------------------------------------------

def test_good_files_are_converted_and_bad_ones_are_typed_errors(corpus_run):
    result, out = corpus_run["result"], corpus_run["out"]
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    records = {Path(r["source"]).name: r for r in corpus_run["report"]["files"]}
    assert len(records) == len(corpus_run["good"]) + len(corpus_run["expected"])
    for name in corpus_run["good"]:
        record = records[name]
        assert record["status"] == "ok", record
        assert record["pages"] >= 1 and record["error"] is None
        data = json.loads(Path(record["output"]).read_text(encoding="utf-8"))
        assert validate(data) == []
        assert Path(record["output"]).parent == out / "in" / "good"
    for name, kind in corpus_run["expected"].items():
        record = records[name]
        if kind == "?":
            assert record["status"] == "ok" or record["error"]["type"] in TYPED - BUGS, record
        else:
            assert record["status"] == "failed", record
            assert record["error"]["type"] == kind, record
        if record["status"] == "failed":
            assert record["error"]["message"].startswith(record["source"] + ": ")
            assert "\n" not in record["error"]["message"]
            assert not Path(record["output"]).exists()
            assert f"resparse: error: {record['error']['message']}" in result.stderr
        else:
            assert validate(json.loads(Path(record["output"]).read_text(encoding="utf-8"))) == []
    assert temp_files(out) == []
    assert "Traceback" not in result.stderr


def test_every_output_is_schema_valid(corpus_run):
    files = list(corpus_run["out"].rglob("*.json"))
    assert len(files) >= len(corpus_run["good"])
    for path in files:
        assert validate(json.loads(path.read_text(encoding="utf-8"))) == [], path


def test_report_content(corpus_run):
    report = corpus_run["report"]
    assert report["schema_version"] == SCHEMA_VERSION
    summary, records = report["summary"], report["files"]
    assert summary["files"] == len(records)
    assert summary["ok"] + summary["failed"] + summary["skipped"] == len(records)
    assert summary["failed"] == sum(summary["failed_by_cause"].values()) >= 6
    assert summary["pages"] == sum(r["pages"] for r in records if r["status"] == "ok")
    assert summary["jobs"] == 2 and summary["interrupted"] is False
    assert summary["pages_per_second"] > 0
    assert [r["source"] for r in records] == sorted(r["source"] for r in records)  # input (sorted) order
    for r in records:
        assert set(r) >= {"source", "output", "status", "error", "pages", "seconds", "peak_rss_mb"}
        assert r["seconds"] >= 0
        assert r["peak_rss_mb"] is None or 1 < r["peak_rss_mb"] < 2000
    summary_line = corpus_run["result"].stderr.strip().splitlines()[-1]
    assert summary_line.startswith(f"resparse: {len(records)} files in ")
    assert f"{summary['ok']} ok, {summary['failed']} failed (" in summary_line


def test_one_and_two_workers_give_identical_outputs(corpus_run, tmp_path):
    out1 = tmp_path / "out1"
    result = run("extract", corpus_run["inputs"], "--out-dir", out1, "-j", "1")
    assert result.exit_code == 1
    assert outputs(out1) == outputs(corpus_run["out"])


# --- --jsonl --------------------------------------------------------------------------------------------

def test_jsonl_has_one_line_per_input_including_errors(corpus_run):
    inputs = corpus_run["inputs"]
    result = run("extract", inputs, "--jsonl", "-j", "2")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    sources = sorted(str(p) for p in inputs.rglob("*.pdf"))
    assert len(lines) == len(sources)
    records = [json.loads(line) for line in lines]
    assert [r["source_path"] for r in records] == sources  # input order, whatever the workers did
    by_name = {Path(r["source_path"]).name: r for r in records}
    for name in corpus_run["good"]:
        document = by_name[name]["document"]
        assert validate(document) == []
        out = corpus_run["out"] / "in" / "good" / (Path(name).stem + ".json")
        assert document == json.loads(out.read_text(encoding="utf-8"))
    for name, kind in corpus_run["expected"].items():
        record = by_name[name]
        assert set(record) in ({"source_path", "document"}, {"source_path", "error"})
        if kind != "?":
            assert record["error"]["type"] == kind
    assert run("extract", inputs, "--jsonl", "-j", "1").stdout == result.stdout


def test_paths_from_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/a.pdf").write_bytes(text_pdf(pages=1, lines=3))
    Path("b.pdf").write_bytes(b"not a pdf")
    listing = "docs/a.pdf\n\nb.pdf\nmissing.pdf\n"
    result = run("extract", "-", "--out-dir", "out", "-j", "2", input=listing)
    assert result.exit_code == 1, result.stderr
    assert Path("out/docs/a.json").is_file() and not Path("out/b.json").exists()
    assert "resparse: error: b.pdf: not a PDF" in result.stderr
    assert "resparse: error: missing.pdf: cannot read the file" in result.stderr
    lines = run("extract", "-", "--jsonl", input=listing).stdout.splitlines()
    assert [json.loads(line)["source_path"] for line in lines] == ["docs/a.pdf", "b.pdf", "missing.pdf"]
    assert json.loads(lines[2])["error"]["type"] == "io_error"


def test_stdin_holding_a_pdf_or_plain_text_is_one_document(tmp_path):
    pdf = text_pdf(pages=1, lines=3)
    assert not looks_like_path_list(pdf)
    assert not looks_like_path_list(b"")
    assert not looks_like_path_list(b"This is a plain text file, not a PDF.\n")
    assert looks_like_path_list(f"{tmp_path}\n".encode())
    result = run("extract", "-", input=pdf)
    assert result.exit_code == 0 and json.loads(result.stdout)["source"]["file"] == "<stdin>"


# --- timeouts and crashes -------------------------------------------------------------------------------

def test_timeout_kills_the_hanging_worker_and_the_batch_goes_on(tmp_path, monkeypatch):
    for name in ("a.pdf", "hang.pdf", "c.pdf"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_bytes(text_pdf(pages=1, lines=3))
    pids = tmp_path / "pids"
    pids.mkdir()
    with_workers(monkeypatch, functools.partial(workers.hang, name="hang.pdf", pids=str(pids)))
    started = time.monotonic()
    result = run("extract", tmp_path / "in", "--out-dir", tmp_path / "out", "-j", "2", "--timeout", "3",
                 "--report", tmp_path / "r.json")
    elapsed = time.monotonic() - started
    assert result.exit_code == 1
    assert elapsed < 30
    records = {Path(r["source"]).name: r for r in json.loads((tmp_path / "r.json").read_text())["files"]}
    assert records["hang.pdf"]["status"] == "failed"
    assert records["hang.pdf"]["error"]["type"] == "timeout"
    assert "longer than the limit of 3 s" in records["hang.pdf"]["error"]["message"]
    assert 3 <= records["hang.pdf"]["seconds"] < 15
    assert records["a.pdf"]["status"] == records["c.pdf"]["status"] == "ok"
    hung = int((pids / "hang.pdf.pid").read_text())
    with pytest.raises(ProcessLookupError):  # really killed (and reaped), not left sleeping
        os.kill(hung, 0)
    assert temp_files(tmp_path / "out") == []


def test_a_crashed_worker_costs_only_its_file(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "boom.pdf", "c.pdf"):
        (folder / name).write_bytes(text_pdf(pages=1, lines=3))
    with_workers(monkeypatch, functools.partial(workers.crash, name="boom.pdf"))
    result = run("extract", folder, "--jsonl", "-j", "2")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source_path"]).name for r in records] == ["a.pdf", "boom.pdf", "c.pdf"]
    assert records[1]["error"]["type"] == "crashed"
    assert "SIGKILL" in records[1]["error"]["message"]
    assert "document" in records[0] and "document" in records[2]


def test_with_one_worker_the_files_after_a_crash_are_still_converted(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "boom.pdf", "d.pdf", "e.pdf"):
        (folder / name).write_bytes(text_pdf(pages=1, lines=3))
    with_workers(monkeypatch, functools.partial(workers.crash, name="boom.pdf"))
    result = run("extract", folder, "--jsonl", "-j", "1")
    records = {Path(r["source_path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["boom.pdf"]["error"]["type"] == "crashed"
    assert all("document" in records[n] for n in ("a.pdf", "b.pdf", "d.pdf", "e.pdf"))


def test_a_worker_serves_several_files_then_hands_over(tmp_path):
    folder, pids = tmp_path / "in", tmp_path / "pids"
    folder.mkdir()
    pids.mkdir()
    names = [f"f{i}.pdf" for i in range(5)]
    for name in names:
        (folder / name).write_bytes(text_pdf(pages=1, lines=3))
    jobs = plan_jobs(collect_inputs([folder]), out_dir=tmp_path / "out", fmt="json")
    result = run_batch(jobs, BatchOptions(jobs=1, files_per_worker=2),
                             convert=functools.partial(workers.note_pid, pids=str(pids)))
    assert result.summary.ok == 5
    by_file = {n: (pids / f"{n}.pid").read_text() for n in names}
    assert len(set(by_file.values())) == 3  # 2 + 2 + 1 files
    assert all(list(by_file.values()).count(pid) <= 2 for pid in by_file.values())


def test_limits_give_too_large(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.pdf").write_bytes(text_pdf(pages=3, lines=2))
    (folder / "short.pdf").write_bytes(text_pdf(pages=1, lines=2))
    result = run("extract", folder, "--jsonl", "--max-pages", "2")
    records = {Path(r["source_path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["long.pdf"]["error"]["type"] == "too_large" and "document" in records["short.pdf"]
    result = run("extract", folder, "--jsonl", "--max-bytes", "1k")
    assert [json.loads(line)["error"]["type"] for line in result.stdout.splitlines()] == ["too_large"] * 2


# --- interrupted and resumed ----------------------------------------------------------------------------

def test_a_killed_batch_leaves_no_partial_output_and_skip_existing_completes_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        (folder / f"doc{i}.pdf").write_bytes(text_pdf(pages=1 + i % 3, lines=4))
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4\n")
    reference = tmp_path / "reference"
    assert run("extract", folder, "--out-dir", reference, "-j", "2").exit_code == 1

    out = tmp_path / "out"
    env = {**os.environ, "SLOW_BATCH_SECONDS": "1.5"}
    command = [sys.executable, str(SLOW_BATCH), "extract", str(folder), "--out-dir", str(out), "-j", "1"]
    kill_when(command, env, lambda: len(list(out.rglob("*.json"))) >= 2)
    done = outputs(out)
    assert 2 <= len(done) < 8
    time.sleep(3)  # the batch's worker must not outlive it and write more
    assert outputs(out) == done
    assert temp_files(out) == []
    for name, data in done.items():
        assert data == (reference / name).read_bytes()  # complete, and as an uninterrupted run makes them

    leftover = out / "in" / ".doc7.json.abc123.tmp"  # what a run killed while writing would leave
    leftover.write_text('{"schema_version": "1.')
    result = run("extract", folder, "--out-dir", out, "-j", "2", "--skip-existing", "--report",
                 tmp_path / "r.json")
    assert result.exit_code == 1
    summary = json.loads((tmp_path / "r.json").read_text())["summary"]
    assert summary["skipped"] == len(done)
    assert summary["ok"] + summary["skipped"] == 8 and summary["failed_by_cause"] == {"corrupt": 1}
    assert outputs(out) == outputs(reference)
    assert not leftover.exists()


def test_ctrl_c_stops_the_workers_keeps_finished_outputs_and_exits_130(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"doc{i}.pdf").write_bytes(text_pdf(pages=1, lines=3))
    out, report = tmp_path / "out", tmp_path / "r.json"
    env = {**os.environ, "SLOW_BATCH_SECONDS": "1.5"}
    command = [sys.executable, str(SLOW_BATCH), "extract", str(folder), "--out-dir", str(out), "-j", "2",
               "--report", str(report)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(list(out.rglob("*.json"))) < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stdout == "" and stderr.rstrip().endswith("resparse: interrupted")
    summary = json.loads(report.read_text())["summary"]
    assert summary["interrupted"] is True and 1 <= summary["ok"] < 6
    kept = outputs(out)
    assert len(kept) == summary["ok"] and temp_files(out) == []
    time.sleep(2)
    assert outputs(out) == kept  # no worker went on after the batch stopped


def test_single_file_timeout(tmp_path, monkeypatch):
    import resparse.api

    def slow_parse(*args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(resparse.api, "parse", slow_parse)
    (tmp_path / "a.pdf").write_bytes(text_pdf(pages=1, lines=2))
    started = time.monotonic()
    result = run("extract", tmp_path / "a.pdf", "--timeout", "0.5")
    assert time.monotonic() - started < 10
    assert result.exit_code == EXIT_CODES["timeout"] and result.stdout == ""
    assert result.stderr == f"resparse: error: {tmp_path / 'a.pdf'}: took longer than the limit of 0.5 s; stopped\n"


def test_skip_existing_redoes_stale_outputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (folder / name).write_bytes(text_pdf(pages=1, lines=3))
    out = tmp_path / "out"
    assert run("extract", folder, "--out-dir", out).exit_code == 0
    a, b, c = (out / "in" / f"{n}.json" for n in "abc")
    jobs = plan_jobs(collect_inputs([str(folder)]), out)
    assert [is_current(j) for j in jobs] == [True, True, True]
    b.write_text(b.read_text().replace(f'"schema_version": "{SCHEMA_VERSION}"', '"schema_version": "0.9"'))
    assert output_schema_version(b) == "0.9"
    later = c.stat().st_mtime + 10
    os.utime(folder / "c.pdf", (later, later))  # the input changed after its output was made
    result = run("extract", folder, "--out-dir", out, "--skip-existing", "--report", tmp_path / "r.json")
    assert result.exit_code == 0
    records = {Path(r["source"]).name: r for r in json.loads((tmp_path / "r.json").read_text())["files"]}
    assert records["a.pdf"]["status"] == "skipped" and records["a.pdf"]["reason"] == "exists"
    assert records["b.pdf"]["status"] == records["c.pdf"]["status"] == "ok"
    assert output_schema_version(b) == SCHEMA_VERSION
    assert output_schema_version(a) == SCHEMA_VERSION


def test_fail_fast_stops_at_the_first_failure(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_bad.pdf").write_bytes(b"nothing " * 100_000)  # the biggest: it goes first
    for i in range(4):
        (folder / f"b{i}.pdf").write_bytes(text_pdf(pages=1, lines=3))
    jobs = plan_jobs(collect_inputs([str(folder)]), tmp_path / "out")
    result = run_batch(jobs, BatchOptions(jobs=1, fail_fast=True))
    assert result.summary.stopped_early and result.summary.failed == 1
    assert result.records[0].error["type"] == "not_pdf"
    assert result.summary.ok < 4
    assert {r.reason for r in result.records if r.status == "skipped"} == {"not_run"}
    assert run("extract", folder, "--out-dir", tmp_path / "out2", "--fail-fast", "-j", "1").exit_code == 1


# --- output names ---------------------------------------------------------------------------------------

def _names(*rels: str) -> list[str]:
    return [str(n) for n in output_names([Input(r, PurePosixPath(r)) for r in rels], ".json")]


def test_output_names_never_collide():
    assert _names("a.pdf", "sub/a.pdf") == ["a.json", "sub/a.json"]
    assert _names("a.pdf", "a.docx", "b.pdf") == ["a.pdf.json", "a.docx.json", "b.json"]
    assert _names("a.docx", "a.pdf") == ["a.docx.json", "a.pdf.json"]  # not order-dependent
    upper, lower = _names("A.pdf", "a.pdf")  # distinct on a case-insensitive file system too
    assert upper.casefold() != lower.casefold() and upper.startswith("A.pdf.") and lower.startswith("a.pdf.")
    names = _names("a.pdf", "a.docx", "a.pdf.pdf", "a")
    assert len({n.casefold() for n in names}) == 4
    assert names == _names("a.pdf", "a.docx", "a.pdf.pdf", "a")


def test_colliding_inputs_get_distinct_deterministic_outputs(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.pdf").write_bytes(text_pdf(pages=1, lines=3))
    (tmp_path / "x" / "same.docx").write_bytes(b"PK\x03\x04 not really a docx")
    args = [tmp_path / "x" / "same.pdf", tmp_path / "y" / "same.pdf", tmp_path / "x" / "same.docx"]
    out = tmp_path / "out"
    result = run("extract", *args, "--out-dir", out, "--report", tmp_path / "r.json")
    assert result.exit_code == 1
    records = json.loads((tmp_path / "r.json").read_text())["files"]
    names = [Path(r["output"]).name for r in records]
    assert len(set(names)) == 3 and all(n.startswith("same.") and n.endswith(".json") for n in names)
    assert [r["status"] for r in records] == ["ok", "ok", "failed"]
    assert sorted(p.name for p in out.iterdir()) == sorted(names[:2])
    again = run("extract", *reversed(args), "--out-dir", tmp_path / "out2", "--report", tmp_path / "r2.json")
    assert again.exit_code == 1
    records2 = json.loads((tmp_path / "r2.json").read_text())["files"]
    assert {r["source"]: Path(r["output"]).name for r in records2} == dict(zip(
        [r["source"] for r in records], names, strict=True))


def test_output_paths_mirror_the_inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("corpus/a/b").mkdir(parents=True)
    Path("corpus/a/b/x.pdf").write_bytes(b"")
    Path("corpus/y.PDF").write_bytes(b"")
    Path("corpus/notes.txt").write_bytes(b"")
    rels = {i.source: str(i.rel) for i in collect_inputs(["corpus"])}
    assert rels == {"corpus/a/b/x.pdf": "corpus/a/b/x.pdf", "corpus/y.PDF": "corpus/y.PDF"}
    monkeypatch.chdir(tmp_path / "corpus" / "a")
    rels = {i.source: str(i.rel) for i in collect_inputs(["../../corpus"])}
    assert rels["../../corpus/a/b/x.pdf"] == "corpus/a/b/x.pdf"
    assert [str(i.rel) for i in collect_inputs([str(tmp_path / "corpus/y.PDF")])] == ["y.PDF"]
    assert [str(i.rel) for i in collect_inputs(["../../corpus"], glob="*.txt")] == ["corpus/notes.txt"]


# --- usage ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["a.pdf", "b.pdf"], "need --out-dir DIR or --jsonl"),
    (["a.pdf", "b.pdf", "-o", "x.json"], "-o/--output takes one input"),
    (["a.pdf", "b.pdf", "--jsonl", "--format", "yaml"], "--jsonl writes JSON"),
    (["a.pdf", "b.pdf", "--jsonl", "--out-dir", "o"], "choose one of --out-dir and --jsonl"),
    (["a.pdf", "b.pdf", "--jsonl", "--skip-existing"], "--skip-existing needs --out-dir"),
    (["a.pdf", "missing.pdf", "--out-dir", "o"], "missing.pdf: no such file or folder"),
    (["a.pdf", "-", "--out-dir", "o"], "'-' (stdin) must be the only input"),
    (["a.pdf", "--skip-existing"], "--skip-existing needs --out-dir"),
    (["a.pdf", "--out-dir", "o", "--max-bytes", "lots"], "is not a size"),
])
def test_usage_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    Path("a.pdf").write_bytes(text_pdf(pages=1, lines=2))
    Path("b.pdf").write_bytes(text_pdf(pages=1, lines=2))
    result = run("extract", *args)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and result.stdout == ""
    assert not Path("o").exists() and not Path("x.json").exists()


def test_a_folder_alone_needs_an_output_place(tmp_path):
    result = run("extract", ROOT / "samples")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"resparse: error: {ROOT / 'samples'}: a folder holds many documents: "
                             "give --out-dir DIR or --jsonl\n")



def test_quiet_prints_only_errors_and_progress_goes_to_stderr(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(text_pdf(pages=1, lines=3))
    (folder / "b.pdf").write_bytes(b"")
    result = run("extract", folder, "--out-dir", tmp_path / "out", "-q")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"resparse: error: {folder / 'b.pdf'}: the file is empty"]
    result = run("extract", folder, "--out-dir", tmp_path / "out2", "--progress")
    assert result.stdout == "" and "2/2 files" in result.stderr


# --- the shared corpus ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_whole_shared_corpus_converts_or_is_refused_with_a_type(corpus_pdf_dir, corpus_extra_dir,
                                                                   corpus_word_pdf_dir, tmp_path):
    """pdf + extra (PDF and DOCX, scans, other languages) + word/pdf: no crash, no hang, no internal error."""
    report = tmp_path / "report.json"
    folders = (corpus_pdf_dir, corpus_extra_dir, corpus_word_pdf_dir)
    result = run("extract", *folders, "--glob", "*", "--out-dir", tmp_path / "out",
                 "-j", "2", "--timeout", "600", "--report", report)
    assert result.exit_code in (0, 1), result.stderr
    records = json.loads(report.read_text())["files"]
    expected = [p for d in folders for p in d.iterdir()
                if p.is_file() and not p.name.startswith(".")]
    assert len(records) == len(expected)
    bad = [(r["source"], r["error"]) for r in records if r["status"] != "ok" and r["error"]["type"] in BUGS]
    assert bad == []
    for r in records:
        assert r["status"] == "ok" or r["error"]["type"] in TYPED, r
        if r["source"].endswith(".docx"):
            assert r["status"] == "ok" or r["error"]["type"] != "not_pdf", r  # read as Word files
    for path in (tmp_path / "out").rglob("*.json"):
        assert validate(json.loads(path.read_text(encoding="utf-8"))) == [], path
