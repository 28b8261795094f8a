"""Archive scale: the batch on a Dask LocalCluster (2 process workers, started once for the module), the
Parquet dataset, `resparse sql`.

Inputs are the samples and a few of the shortest corpus files (when ../shared is there); the hang, crash
or death of a worker are made by the functions of `workers.py`, as in test_batch.py.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import workers
from factories import text_pdf
from processes import kill_when
from resparse import scale
from resparse.batch import BatchOptions, collect_inputs, plan_jobs, run_batch
from resparse.cli import main
from resparse.refs import citation_rows

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")

from resparse.scale import parquet  # noqa: E402 - after the skips
from resparse.scale.cluster import run_dask_batch, start_local_cluster  # noqa: E402
from resparse.scale.sql import run_query  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED_PDF = ROOT.parent / "shared" / "corpus" / "pdf"
SLOW_BATCH = Path(__file__).resolve().parent / "slow_batch.py"


@pytest.fixture(scope="module")
def cluster():
    local = start_local_cluster(2)
    yield local.scheduler_address
    local.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """samples/*.pdf and the three shortest PDFs of the corpus (when it is there), and a broken PDF."""
    folder = tmp_path_factory.mktemp("scale") / "in"
    folder.mkdir()
    for pdf in sorted((ROOT / "samples").glob("*.pdf")):
        shutil.copy(pdf, folder / pdf.name)
    if SHARED_PDF.is_dir():
        for pdf in sorted(SHARED_PDF.glob("*.pdf"), key=lambda p: (p.stat().st_size, p.name))[:3]:
            shutil.copy(pdf, folder / pdf.name)
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4\n")
    return folder


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.tmp")]


def convert(folder: Path, out: Path, pq: Path | None, scheduler: str | None, **options):
    """The batch of `folder` (with its Parquet tables under `pq`), locally or on the cluster."""
    inputs = collect_inputs([folder])
    jobs = plan_jobs(inputs, out, "json")
    tables = parquet.plan_tables(inputs, pq) if pq else None
    opts = BatchOptions(jobs=2, send_document=pq is not None, **options)
    if scheduler is None:
        return run_batch(jobs, opts, on_record=parquet.write_tables(tables) if tables else None)
    return run_dask_batch(jobs, opts, scheduler, tables=tables)


@pytest.fixture(scope="module")
def both(folder, cluster, tmp_path_factory):
    """The folder converted by the local batch and on the cluster, each with its Parquet dataset."""
    root = tmp_path_factory.mktemp("both")
    local = convert(folder, root / "local", root / "local-pq", None)
    dask = convert(folder, root / "dask", root / "dask-pq", cluster)
    return root, local, dask


# --- the cluster path -----------------------------------------------------------------------------------

def test_the_cluster_gives_the_local_batch_outputs_byte_for_byte(both):
    root, local, dask = both
    assert files(root / "dask") == files(root / "local")
    assert len(files(root / "dask")) == dask.summary.ok == local.summary.ok >= 5
    assert files(root / "dask-pq") == files(root / "local-pq")  # the Parquet files too
    assert [(r.source, r.status, r.cause, r.pages) for r in dask.records] == \
           [(r.source, r.status, r.cause, r.pages) for r in local.records]
    assert dask.summary.failed_by_cause == {"corrupt": 1} and dask.summary.jobs == 2


def _batch_on(folder: Path, out: Path, scheduler: str, convert_fn, timeout: float | None = 300.0):
    jobs = plan_jobs(collect_inputs([folder]), out, "json")
    result = run_dask_batch(jobs, BatchOptions(timeout=timeout), scheduler, convert=convert_fn)
    return {Path(r.source).name: r for r in result.records}


def _three(tmp_path: Path, odd: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", odd, "c.pdf"):
        (folder / name).write_bytes(text_pdf(pages=1, lines=3))
    return folder


def test_a_hanging_file_is_a_timeout_and_the_others_complete(tmp_path, cluster):
    pids = tmp_path / "pids"
    pids.mkdir()
    records = _batch_on(_three(tmp_path, "hang.pdf"), tmp_path / "out", cluster,
                        functools.partial(workers.hang, name="hang.pdf", pids=str(pids)), timeout=3)
    assert records["hang.pdf"].cause == "timeout" and "longer than the limit of 3 s" in records["hang.pdf"].error[
        "message"]
    assert records["a.pdf"].status == records["c.pdf"].status == "ok"
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.json")) == ["a.json", "c.json"]
    hung = int((pids / "hang.pdf.pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(hung, 0)  # the hanging process was stopped
    assert temp_files(tmp_path / "out") == []


def test_a_crashing_file_is_crashed_and_the_others_complete(tmp_path, cluster):
    records = _batch_on(_three(tmp_path, "boom.pdf"), tmp_path / "out", cluster,
                        functools.partial(workers.crash, name="boom.pdf"))
    assert records["boom.pdf"].cause == "crashed" and "SIGKILL" in records["boom.pdf"].error["message"]
    assert records["a.pdf"].status == records["c.pdf"].status == "ok"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the Dask worker through /proc")
def test_a_dask_worker_that_dies_costs_only_its_file_retried_once(tmp_path, cluster):
    records = _batch_on(_three(tmp_path, "kill.pdf"), tmp_path / "out", cluster,
                        functools.partial(workers.kill_dask_worker, name="kill.pdf"))
    assert records["kill.pdf"].cause == "crashed"
    assert "again when it was retried" in records["kill.pdf"].error["message"]
    assert records["a.pdf"].status == records["c.pdf"].status == "ok"


# --- the Parquet dataset --------------------------------------------------------------------------------

def _json_units(doc: dict) -> list[tuple[str | None, str | None]]:
    """(unit id, text) of every unit of a JSON output, found without the dataset's code."""
    found = []

    def visit(node: dict) -> None:
        found.append((node.get("id") or None, node.get("text")))
        for item in node.get("items") or []:
            visit(item)
        if node.get("wrap_up"):
            visit(node["wrap_up"])

    for node in [*doc["preamble"]["paragraphs"], *doc["operative"],
                 *(b for annex in doc["annexes"] for b in annex["content"])]:
        visit(node)
    found += [(f"footnote:{note['marker']}", note["text"]) for note in doc["footnotes"]]
    return found


def test_the_tables_hold_exactly_the_rows_of_the_json_outputs(both):
    root = both[0]
    outputs = sorted((root / "dask").rglob("*.json"))
    docs = {p.relative_to(root / "dask").with_suffix("").as_posix(): json.loads(p.read_text()) for p in outputs}
    con = duckdb.connect()

    def rows(table: str, columns: str) -> Counter:
        pattern = root / "dask-pq" / table / "**" / "*.parquet"
        return Counter(con.execute(f"SELECT {columns} FROM read_parquet('{pattern}')").fetchall())

    documents = rows("documents", "name, symbol, sha256, pages, error_type")
    assert documents == Counter([(n, d["metadata"]["symbol"], d["source"]["sha256"], d["source"]["pages"], None)
                                 for n, d in docs.items()] + [("in/bad", None, None, None, "corrupt")])
    units = rows("units", "name, unit_id, text")
    assert units == Counter((n, uid, text) for n, d in docs.items() for uid, text in _json_units(d))
    assert sum(units.values()) > 50
    cited = rows("citations", "citing_symbol, unit_id, kind, target, link")
    assert cited == Counter((r["citing_symbol"], r["unit_id"], r["kind"], r["target"], r["link"])
                            for r in citation_rows(outputs))
    assert sum(cited.values()) > 5


def test_resparse_sql_prints_a_table_csv_or_json(both):
    pq = both[0] / "dask-pq"
    runner = CliRunner()
    query = "SELECT symbol, pages FROM documents WHERE symbol = 'A/RES/80/999'"
    table = runner.invoke(main, ["sql", query, str(pq)])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["symbol", "pages"]
    assert "A/RES/80/999  4" in table.output and "(1 row)" in table.output
    assert runner.invoke(main, ["sql", query, str(pq), "--format", "csv"]).output == "symbol,pages\nA/RES/80/999,4\n"
    data = json.loads(runner.invoke(main, ["sql", query, str(pq), "--format", "json"]).output)
    assert data == [{"symbol": "A/RES/80/999", "pages": 4}]
    dated = json.loads(runner.invoke(main, ["sql", "SELECT max(date) d FROM documents", str(pq), "--format",
                                            "json"]).output)
    assert dated[0]["d"][:2] == "20"  # a date, as ISO text

    bad = runner.invoke(main, ["sql", "SELECT nothing FROM units", str(pq)])
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "nothing" in bad.output
    missing = runner.invoke(main, ["sql", "SELECT 1", str(pq / "absent")])
    assert missing.exit_code == 2 and "no such folder" in missing.output


def test_an_empty_dataset_has_empty_tables(tmp_path):
    (tmp_path / "pq").mkdir()
    for table in parquet.TABLES:
        result = run_query(f"SELECT * FROM {table}", tmp_path / "pq")
        assert result.rows == [] and result.columns == [c.name for c in parquet.TABLES[table]]


def test_parquet_without_out_dir_and_rows_replaced_when_run_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "samples" / "ga_resolution.pdf", folder / "a.pdf")
    shutil.copy(ROOT / "samples" / "sc_resolution.pdf", folder / "b.pdf")
    pq = tmp_path / "pq"
    runner = CliRunner()
    first = runner.invoke(main, ["extract", str(folder), "--parquet", str(pq), "-j", "2"])
    assert first.exit_code == 0 and first.stdout == ""  # stdout carries nothing but data
    count = "SELECT count(*) FROM units WHERE name = 'in/b'"
    assert run_query(count, pq).rows[0][0] > 0
    time.sleep(0.01)
    (folder / "b.pdf").write_bytes(b"%PDF-1.4\n")  # b changes, and now fails
    again = runner.invoke(main, ["extract", f"file://{folder}", "--parquet", f"file://{pq}", "--skip-existing",
                                 "--report", str(tmp_path / "r.json")])
    assert again.exit_code == 1
    summary = json.loads((tmp_path / "r.json").read_text())["summary"]
    assert summary["skipped"] == 1 and summary["failed_by_cause"] == {"corrupt": 1}
    assert run_query("SELECT name, error_type FROM documents ORDER BY name", pq).rows == [("in/a", None),
                                                                                         ("in/b", "corrupt")]
    assert run_query(count, pq).rows[0][0] == 0  # its old rows are gone, not kept beside the new ones


# --- interrupted and resumed on the cluster -------------------------------------------------------------

def test_kill_and_resume_on_the_cluster_leaves_no_partial_file_and_no_duplicate_row(tmp_path, folder, both):
    out, pq = tmp_path / "out", tmp_path / "pq"
    env = {**os.environ, "SLOW_BATCH_SECONDS": "1.0"}
    command = [sys.executable, str(SLOW_BATCH), "extract", str(folder), "--out-dir", str(out), "--parquet",
               str(pq), "--scheduler", "local:1"]
    kill_when(command, env, lambda: len(list((pq / "documents").rglob("*.parquet"))) >= 2)
    time.sleep(3)  # the cluster's workers must not outlive the batch and write more
    done = files(out)
    assert 1 <= len(done) < len(files(both[0] / "local"))
    for name, data in done.items():
        assert data == (both[0] / "local" / name).read_bytes()  # whole, as an uninterrupted run makes them
    for path in pq.rglob("*.parquet"):
        duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()  # whole files

    runner = CliRunner()
    resumed = runner.invoke(main, ["extract", str(folder), "--out-dir", str(out), "--parquet", str(pq),
                                   "--scheduler", "local:2", "--skip-existing", "--report", str(tmp_path / "r.json")])
    assert resumed.exit_code == 1, resumed.output  # bad.pdf
    summary = json.loads((tmp_path / "r.json").read_text())["summary"]
    assert summary["skipped"] >= 1 and summary["ok"] + summary["skipped"] == len(files(both[0] / "local"))
    assert files(out) == files(both[0] / "local")
    assert files(pq) == files(both[0] / "local-pq")  # the same rows, once each
    assert temp_files(out) == temp_files(pq) == []
    names = run_query("SELECT name, count(*) FROM documents GROUP BY name HAVING count(*) > 1", pq)
    assert names.rows == []


# --- without the extra ----------------------------------------------------------------------------------

@pytest.mark.parametrize("option", [["--scheduler", "local:2"], ["--parquet", "pq"]])
def test_without_the_extra_the_option_says_how_to_install_it(tmp_path, monkeypatch, option):
    monkeypatch.setattr(scale.importlib.util, "find_spec", lambda name, *args: None)
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--out-dir", str(tmp_path / "out"), *option])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "pip install 'resparse[scale]'" in result.output


def test_scheduler_usage_errors(tmp_path):
    runner = CliRunner()
    for args in (["--scheduler", "local:0", "--out-dir", "o"], ["--scheduler", "local:2", "--jsonl"],
                 ["--scheduler", "nowhere", "--out-dir", "o"], ["--parquet", "s3://bucket/pq"]):
        result = runner.invoke(main, ["extract", str(tmp_path), *args])
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_a_scheduler_that_does_not_answer_is_one_line(tmp_path, monkeypatch):
    from resparse.scale import cluster as cluster_mod

    monkeypatch.setattr(cluster_mod, "CONNECT_TIMEOUT", "1s")
    shutil.copy(ROOT / "samples" / "sc_resolution.pdf", tmp_path / "a.pdf")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.pdf"), "--out-dir", str(tmp_path / "out"),
                                       "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith("resparse: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")


def test_the_readme_queries_run(both):
    """Every `resparse sql "..."` of the README's Archive scale section runs on a dataset."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Archive scale", 1)[1].split("\n## ", 1)[0]
    queries = re.findall(r'^resparse sql "([^"]+)" pq/', section, flags=re.MULTILINE)
    assert len(queries) >= 4
    for query in queries:
        result = CliRunner().invoke(main, ["sql", query, str(both[0] / "dask-pq")])
        assert result.exit_code == 0, (query, result.output)


def test_the_readme_documents_every_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for table, columns in parquet.TABLES.items():
        section = readme.split(f"`{table}`:\n", 1)[1]
        for column in columns:
            assert f"| `{column.name}` | {column.type} | {column.doc} |" in section, (table, column.name)
