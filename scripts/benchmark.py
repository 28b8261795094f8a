#!/usr/bin/env python3
"""Benchmark the batch conversion over the shared corpus: pages/s for each number of workers, speed-up,
peak memory of a worker, the slowest files. Prints a markdown table (paste it into the README).

    python scripts/benchmark.py                      # ../shared/corpus/pdf + extra, -j1 and -j2
    python scripts/benchmark.py --jobs 1 2 4 --corpus DIR ... --markdown bench.md

Each run is `resparse extract <corpus folders> --glob '*' --out-dir <tmp> -j N --report <tmp>` in a fresh
process. The peak memory of a worker is its own peak resident set (`getrusage(RUSAGE_SELF).ru_maxrss`),
which each worker records in the report with its file (one fresh worker per file, so this is the peak for
that file). `getrusage(RUSAGE_CHILDREN)` of this script cannot see the workers: they are children of the
command's fork server, which the command does not wait for.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _spin(n: int) -> float:
    """A fixed amount of pure-Python work; returns the seconds it took."""
    started, x, d = time.perf_counter(), 0, {}
    for i in range(n):
        x += i * i % 7
        if i % 3 == 0:
            d[i % 5000] = str(i)
    return time.perf_counter() - started


def cpu_ceiling(workers: int, n: int = 15_000_000) -> float:
    """The speed-up `workers` CPU-bound Python processes can get on this machine, whatever the program:
    `workers` × (the time of one loop alone) / (the time of the slowest of `workers` loops run at once)."""
    alone, together = [], []
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        for _ in range(3):  # best of three: other load on the machine only ever slows a round down
            alone.append(pool.apply(_spin, (n,)))
            together.append(max(pool.map(_spin, [n] * workers, chunksize=1)))
    return workers * min(alone) / min(together)


def frozen_source(workdir: Path) -> dict[str, str]:
    """A copy of `src/` that every run imports (PYTHONPATH), so that edits made to the working tree while
    the benchmark runs cannot make the runs differ."""
    copy = workdir / "src"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(copy), os.environ.get("PYTHONPATH")]))}


def run(folders: list[Path], jobs: int, workdir: Path, glob: str, timeout: float, env: dict[str, str]) -> dict:
    out, report = workdir / f"out-j{jobs}", workdir / f"report-j{jobs}.json"
    command = [sys.executable, "-m", "resparse", "extract", *map(str, folders), "--glob", glob,
               "--out-dir", str(out), "-j", str(jobs), "--timeout", str(timeout), "--report", str(report), "-q"]
    started, load_before = time.monotonic(), os.getloadavg()[0]
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.monotonic() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark: -j{jobs} failed with exit code {proc.returncode}:\n{proc.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return {"jobs": jobs, "wall": wall, "summary": data["summary"], "files": data["files"], "out": out,
            "load": (load_before, os.getloadavg()[1])}


def same_outputs(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def table(results: list[dict], slowest: int) -> str:
    base = results[0]
    lines = [
        "| workers | files | ok | failed | pages | seconds | pages/s | speed-up | peak RSS of a worker "
        "| load average before / during |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r["summary"]
        rss = max((f["peak_rss_mb"] or 0) for f in r["files"])
        rate = s["pages"] / s["seconds"] if s["seconds"] else 0.0
        base_rate = base["summary"]["pages"] / base["summary"]["seconds"] if base["summary"]["seconds"] else 0
        speedup = rate / base_rate if base_rate else 0.0
        lines.append(f"| {r['jobs']} | {s['files']} | {s['ok']} | {s['failed']} | {s['pages']} | {s['seconds']:.1f} "
                     f"| {rate:.2f} | {speedup:.2f}× | {rss:.0f} MB | {r['load'][0]:.1f} / {r['load'][1]:.1f} |")
    failed = ", ".join(f"{k} {v}" for k, v in base["summary"]["failed_by_cause"].items()) or "none"
    lines += ["", f"Failures by cause (-j{base['jobs']}): {failed}"]
    lines += ["", f"Slowest {slowest} files (-j{base['jobs']}):", "",
              "| file | pages | seconds | s/page | peak RSS |", "|---|---:|---:|---:|---:|"]
    for f in sorted(base["files"], key=lambda f: -f["seconds"])[:slowest]:
        per_page = f"{f['seconds'] / f['pages']:.2f}" if f.get("pages") else "–"
        status = "" if f["status"] == "ok" else f" ({f['error']['type'] if f['error'] else f['status']})"
        lines.append(f"| {Path(f['source']).name}{status} | {f.get('pages') or '–'} | {f['seconds']:.1f} | "
                     f"{per_page} | {f['peak_rss_mb'] or 0:.0f} MB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", type=Path, default=[CORPUS / "pdf", CORPUS / "extra"],
                        help="folders to convert (default: ../shared/corpus/pdf and extra)")
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2], help="worker counts (default: 1 2)")
    parser.add_argument("--glob", default="*", help="files to take from the folders (default: all)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per file (default: 600)")
    parser.add_argument("--slowest", type=int, default=5, help="how many of the slowest files to list")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--keep", type=Path, help="keep outputs and reports in this folder")
    parser.add_argument("--no-cpu-check", action="store_true", help="skip measuring the machine's ceiling")
    args = parser.parse_args()
    missing = [str(f) for f in args.corpus if not f.is_dir()]
    if missing:
        sys.exit(f"benchmark: no such folder: {', '.join(missing)}")

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="resparse-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = frozen_source(workdir)
    results = []
    for jobs in args.jobs:
        print(f"benchmark: -j{jobs} ...", file=sys.stderr, flush=True)
        r = run(args.corpus, jobs, workdir, args.glob, args.timeout, env)
        s = r["summary"]
        print(f"benchmark: -j{jobs}: {s['pages']} pages in {s['seconds']:.1f} s "
              f"({s['pages'] / s['seconds']:.2f} pages/s)", file=sys.stderr, flush=True)
        results.append(r)
    text = table(results, args.slowest)
    identical = all(same_outputs(results[0]["out"], r["out"]) for r in results[1:])
    runs = ", ".join(f"-j{r['jobs']}" for r in results)
    text += f"\n\nOutputs identical for {runs}: {'yes' if identical else 'NO'}."
    most = max(args.jobs)
    if most > 1 and not args.no_cpu_check:
        text += (f"\nCeiling of this machine: {most} pure-Python loops run at once go {cpu_ceiling(most):.2f}× as "
                 "fast as one (the most any program can gain from that many processes here).")
    text += f"\nMachine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}."

    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
