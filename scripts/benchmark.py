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
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def run(folders: list[Path], jobs: int, workdir: Path, glob: str, timeout: float) -> dict:
    out, report = workdir / f"out-j{jobs}", workdir / f"report-j{jobs}.json"
    command = [sys.executable, "-m", "resparse", "extract", *map(str, folders), "--glob", glob,
               "--out-dir", str(out), "-j", str(jobs), "--timeout", str(timeout), "--report", str(report), "-q"]
    started = time.monotonic()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark: -j{jobs} failed with exit code {proc.returncode}:\n{proc.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return {"jobs": jobs, "wall": wall, "summary": data["summary"], "files": data["files"], "out": out}


def same_outputs(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def table(results: list[dict], slowest: int) -> str:
    base = results[0]
    lines = [
        "| workers | files | ok | failed | pages | seconds | pages/s | speed-up | peak RSS of a worker |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r["summary"]
        rss = max((f["peak_rss_mb"] or 0) for f in r["files"])
        rate = s["pages"] / s["seconds"] if s["seconds"] else 0.0
        base_rate = base["summary"]["pages"] / base["summary"]["seconds"] if base["summary"]["seconds"] else 0
        speedup = rate / base_rate if base_rate else 0.0
        lines.append(f"| {r['jobs']} | {s['files']} | {s['ok']} | {s['failed']} | {s['pages']} | {s['seconds']:.1f} "
                     f"| {rate:.2f} | {speedup:.2f}× | {rss:.0f} MB |")
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
    args = parser.parse_args()
    missing = [str(f) for f in args.corpus if not f.is_dir()]
    if missing:
        sys.exit(f"benchmark: no such folder: {', '.join(missing)}")

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="resparse-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for jobs in args.jobs:
        print(f"benchmark: -j{jobs} ...", file=sys.stderr, flush=True)
        r = run(args.corpus, jobs, workdir, args.glob, args.timeout)
        s = r["summary"]
        print(f"benchmark: -j{jobs}: {s['pages']} pages in {s['seconds']:.1f} s "
              f"({s['pages'] / s['seconds']:.2f} pages/s)", file=sys.stderr, flush=True)
        results.append(r)
    text = table(results, args.slowest)
    identical = all(same_outputs(results[0]["out"], r["out"]) for r in results[1:])
    runs = ", ".join(f"-j{r['jobs']}" for r in results)
    text += f"\n\nOutputs identical for {runs}: {'yes' if identical else 'NO'}."
    text += f"\nMachine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}."

    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if not args.keep:
        import shutil  # noqa: PLC0415

        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
