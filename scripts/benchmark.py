#!/usr/bin/env python3
"""Benchmark both PDF engines over the shared corpus: pages/s per worker, -j1 against -j2, the share of time
of each stage, the slowest files and the peak memory of a worker, with the speed targets met or missed.
Prints a markdown report (paste its figures into the README).

    python scripts/benchmark.py                      # pdf + extra + word/pdf of ../shared/corpus, both engines
    python scripts/benchmark.py --engines pdfium --jobs 1 2 4 --corpus DIR ... --markdown bench.md
    python scripts/benchmark.py --keep bench/        # keep outputs, reports and results.json
    python scripts/benchmark.py --render bench/      # print the report of a kept run again, without running

What it runs, each in a fresh process that imports a frozen copy of `src/`:

1. `resparse extract <folders> --glob '*.pdf' --out-dir <tmp> -j 1 --engine E --report <tmp>` for each
   engine, and with each further `--jobs` count for the default engine (pdfium). The peak memory of a
   worker is its own peak resident set (`getrusage(RUSAGE_SELF).ru_maxrss`), which each worker records in
   the report with its file (one fresh worker per file). `getrusage(RUSAGE_CHILDREN)` of this script
   cannot see the workers: they are children of the command's fork server, which the command does not
   wait for.
2. For each engine, one process that parses, renders and writes every file in turn (what a batch worker
   does) with the stage timer of `resparse.timing` collecting: extraction, layout, structure, citations,
   validation, writing, and "other" (reading the file, its digest, the checks between stages). Its
   outputs must be byte-identical to those of the batch.
3. How much faster two pure-Python loops run at once than one (`cpu_ceiling`): other work on the machine
   lowers the speed-up any program can get from a second worker.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPUS = [CORPUS / "pdf", CORPUS / "extra", CORPUS / "word" / "pdf"]
# The Word files' report names the slowest of those this long (the issue's "a Word file of 10 pages").
WORD_LONG_PAGES = 10
MAX_WORD_SECONDS = 1.0
ENGINES = ["pdfium", "pdfplumber"]
DEFAULT_ENGINE = "pdfium"
STAGES = ["extraction", "layout", "structure", "citations", "validation", "writing"]
OTHER = "other"

# The targets the report checks.
MIN_ENGINE_RATIO = 10.0  # pdfium pages/s ≥ 10 × pdfplumber pages/s (-j1)
MIN_PAGES_PER_CORE = 100.0  # pdfium pages/s with one worker
MAX_STAGE_SHARE = 0.5  # no stage takes more than half of the time (pdfium)
MIN_SPEEDUP = 1.8  # -j2 ≥ 1.8 × -j1 (pdfium)
MAX_RSS_MB = 200.0  # every worker's peak resident memory
# Lengths of file over which s/page is compared: time linear in pages gives the same s/page for each.
LENGTHS = [("1–2 pages", 1, 2), ("3–9", 3, 9), ("10–29", 10, 29), ("30 or more", 30, 10**9)]


# --- the machine ------------------------------------------------------------------------------------------

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


def source_state() -> str:
    """The commit the frozen copy was taken at, and how many files under `src/` differed from it."""
    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "not a git checkout"
    changed = [line for line in git("status", "--porcelain", "--", "src").splitlines() if line.strip()]
    return f"commit {commit}" + (f" with {len(changed)} uncommitted file(s) under src/" if changed else "")


# --- the runs ---------------------------------------------------------------------------------------------

def run_batch(folders: list[Path], engine: str, jobs: int, workdir: Path, glob: str, timeout: float,
              env: dict[str, str], label: str | None = None) -> dict:
    """One `resparse extract` batch; its report, wall time and the load average around it."""
    label = label or f"{engine}-j{jobs}"
    out, report = workdir / f"out-{label}", workdir / f"report-{label}.json"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "resparse", "extract", *map(str, folders), "--glob", glob, "--engine", engine,
               "--out-dir", str(out), "-j", str(jobs), "--timeout", str(timeout), "--report", str(report), "-q"]
    started, load_before = time.monotonic(), os.getloadavg()[0]
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.monotonic() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark: {engine} -j{jobs} failed with exit code {proc.returncode}:\n{proc.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return {"engine": engine, "jobs": jobs, "wall": wall, "summary": data["summary"], "files": data["files"],
            "out": str(out), "load": [load_before, os.getloadavg()[1]]}


def run_stages(folders: list[Path], engine: str, workdir: Path, glob: str, env: dict[str, str]) -> dict:
    """The in-process pass with the stage timer, in a fresh process on the frozen source."""
    out, result = workdir / f"out-{engine}-stages", workdir / f"stages-{engine}.json"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--stage-worker", engine, "--stage-out", str(out),
               "--stage-result", str(result), "--glob", glob, "--corpus", *map(str, folders)]
    load_before = os.getloadavg()[0]
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"benchmark: stage timing of {engine} failed with exit code {proc.returncode}:\n{proc.stderr}")
    data = json.loads(result.read_text(encoding="utf-8"))
    if not Path(data["module"]).resolve().is_relative_to((workdir / "src").resolve()):
        sys.exit(f"benchmark: the stage timing imported {data['module']}, not the frozen copy in {workdir}")
    return {**data, "out": str(out), "load": [load_before, os.getloadavg()[1]]}


def stage_worker(engine: str, folders: list[Path], glob: str, out_dir: Path, result: Path) -> None:
    """Parse, render and write every file in this process, as a batch worker does, timing each stage."""
    import logging  # noqa: PLC0415 - only the stage worker imports resparse
    import warnings  # noqa: PLC0415

    import resparse  # noqa: PLC0415
    from resparse import timing  # noqa: PLC0415
    from resparse.batch import collect_inputs, plan_jobs  # noqa: PLC0415
    from resparse.writers import render, write_atomic  # noqa: PLC0415

    logging.getLogger().addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")
    # Imported before the clock starts, as a batch worker finds them imported by its fork server.
    importlib.import_module("resparse.structure.builder")
    importlib.import_module({"pdfium": "resparse.extract.pdfium", "pdfplumber": "resparse.extract.plumber"}[engine])
    jobs = plan_jobs(collect_inputs([str(f) for f in folders], glob=glob), out_dir=out_dir, fmt="json")
    files = []
    for job in jobs:
        times, status, pages = timing.StageTimes(), "ok", None
        wall, cpu = time.perf_counter(), time.process_time()
        with timing.collect(times):
            try:
                doc = resparse.parse(job.source, name=job.source, engine=engine)
                text = render(doc, "json")
                with timing.stage("writing"):
                    os.makedirs(job.output.parent, exist_ok=True)
                    write_atomic(job.output, text)
                pages = doc.source.pages
            except resparse.ResparseError as e:
                status = e.code
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        files.append({"source": job.source, "status": status, "pages": pages, "seconds": wall, "cpu": cpu,
                      "stages": times.seconds})
    result.write_text(json.dumps({"engine": engine, "module": resparse.__file__, "files": files}, indent=1),
                      encoding="utf-8")


def same_outputs(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def engines_agree(a: Path, b: Path) -> dict:
    """Which outputs of two engines are the same tree apart from `source.engine`."""
    files_a = {p.relative_to(a) for p in a.rglob("*.json")}
    files_b = {p.relative_to(b) for p in b.rglob("*.json")}

    def tree(path: Path) -> dict:
        data = json.loads(path.read_text(encoding="utf-8"))
        data.get("source", {}).pop("engine", None)
        return data

    both = sorted(files_a & files_b)
    differ = [str(f) for f in both if tree(a / f) != tree(b / f)]
    return {"both": len(both), "differ": differ, "only": sorted(str(f) for f in files_a ^ files_b)}


def measure(args: argparse.Namespace, workdir: Path) -> dict:
    env = frozen_source(workdir)
    results: dict = {"corpus": [str(f) for f in args.corpus], "glob": args.glob, "source": source_state(),
                     "cpus": os.cpu_count(), "python": sys.version.split()[0], "runs": [], "stages": {}}

    def note(text: str) -> None:
        print(f"benchmark: {text}", file=sys.stderr, flush=True)

    for engine in args.engines:
        counts = sorted({1, *args.jobs}) if engine == DEFAULT_ENGINE else [1]
        for jobs in counts:
            note(f"{engine} -j{jobs} ...")
            r = run_batch(args.corpus, engine, jobs, workdir, args.glob, args.timeout, env)
            s = r["summary"]
            note(f"{engine} -j{jobs}: {s['pages']} pages in {s['seconds']:.1f} s ({rate(s):.2f} pages/s)")
            results["runs"].append(r)
    if not args.no_stages:
        for engine in args.engines:
            note(f"stage timing, {engine} in one process ...")
            st = run_stages(args.corpus, engine, workdir, args.glob, env)
            batch_out = next(r["out"] for r in results["runs"] if r["engine"] == engine and r["jobs"] == 1)
            st["same_as_batch"] = same_outputs(Path(batch_out), Path(st["out"]))
            note(f"stage timing, {engine}: {sum(f['seconds'] for f in st['files']):.1f} s")
            results["stages"][engine] = st
    default_runs = [r for r in results["runs"] if r["engine"] == DEFAULT_ENGINE]
    if len(default_runs) > 1:
        results["identical_jobs"] = all(same_outputs(Path(default_runs[0]["out"]), Path(r["out"]))
                                        for r in default_runs[1:])
    if len(args.engines) > 1:
        one = {r["engine"]: Path(r["out"]) for r in results["runs"] if r["jobs"] == 1}
        results["engines_agree"] = engines_agree(one[args.engines[0]], one[args.engines[1]])
    if args.word is not None and args.word.is_dir():
        note("Word files -j1 ...")
        results["word"] = run_batch([args.word], DEFAULT_ENGINE, 1, workdir, "*.docx", args.timeout, env,
                                    label="word-j1")
    most = max(r["jobs"] for r in results["runs"])
    results["ceiling"] = None
    if most > 1 and not args.no_cpu_check:
        note(f"CPU ceiling for {most} processes ...")
        results["ceiling"] = [most, cpu_ceiling(most)]
    return results


# --- the report -------------------------------------------------------------------------------------------

def rate(summary: dict) -> float:
    return summary["pages"] / summary["seconds"] if summary["seconds"] else 0.0


def peak_rss(files: list[dict]) -> float:
    return max((f["peak_rss_mb"] or 0) for f in files) if files else 0.0


def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def name(f: dict) -> str:
    status = "" if f["status"] == "ok" else f" ({f['error']['type'] if f.get('error') else f['status']})"
    return f"{Path(f['source']).name}{status}"


def linear_fit(files: list[dict]) -> tuple[float, float, float]:
    """seconds ≈ a + b × pages over the converted files: (a, b, R²)."""
    xs = [f["pages"] for f in files]
    ys = [f["seconds"] for f in files]
    if len(xs) < 2 or len(set(xs)) < 2:
        return 0.0, 0.0, 0.0
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    syy = sum((y - my) ** 2 for y in ys)
    b = sxy / sxx
    return my - b * mx, b, (sxy * sxy / (sxx * syy) if syy else 1.0)


def stage_totals(st: dict) -> tuple[dict[str, float], float]:
    """Seconds per stage over all files (the stage list, then "other"), and the total wall time."""
    totals = {s: 0.0 for s in STAGES}
    for f in st["files"]:
        for s, secs in f["stages"].items():
            totals[s] = totals.get(s, 0.0) + secs
    wall = sum(f["seconds"] for f in st["files"])
    totals[OTHER] = max(0.0, wall - sum(totals.values()))
    return totals, wall


def report(res: dict, slowest: int) -> str:
    runs = res["runs"]
    engines = list(dict.fromkeys(r["engine"] for r in runs))
    j1 = {r["engine"]: r for r in runs if r["jobs"] == 1}
    first = runs[0]["summary"]
    lines = [
        "## resparse benchmark", "",
        f"Corpus: {', '.join(res['corpus'])} (`{res['glob']}`): {first['files']} files. "
        f"Source: {res['source']}. Machine: {res['cpus']} CPUs, Python {res['python']}.",
        "", "### Engines, one worker (-j1)", "",
        "| engine | files | ok | failed | pages | seconds | pages/s per worker | peak RSS of a worker "
        "| load average before / during |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in engines:
        r = j1[engine]
        s = r["summary"]
        lines.append(f"| {engine} | {s['files']} | {s['ok']} | {s['failed']} | {s['pages']} | {s['seconds']:.1f} "
                     f"| {rate(s):.2f} | {peak_rss(r['files']):.0f} MB | {r['load'][0]:.2f} / {r['load'][1]:.2f} |")
    lines.append("")
    for engine in engines:
        causes = ", ".join(f"{k} {v}" for k, v in j1[engine]["summary"]["failed_by_cause"].items()) or "none"
        lines.append(f"Failures by cause ({engine}): {causes}.")
    ratio = None
    if "pdfium" in j1 and "pdfplumber" in j1 and rate(j1["pdfplumber"]["summary"]):
        ratio = rate(j1["pdfium"]["summary"]) / rate(j1["pdfplumber"]["summary"])
        lines.append(f"Ratio pdfium / pdfplumber pages/s: {ratio:.2f}×.")
    if agree := res.get("engines_agree"):
        differ = agree["differ"]
        lines.append(f"Outputs of the two engines equal apart from `source.engine`: {agree['both'] - len(differ)}"
                     f"/{agree['both']} files" + (f" (different: {', '.join(differ)})" if differ else "")
                     + (f"; converted by only one engine: {', '.join(agree['only'])}" if agree["only"] else "") + ".")

    default_runs = [r for r in runs if r["engine"] == DEFAULT_ENGINE]
    speedup = None
    if len(default_runs) > 1:
        base = rate(default_runs[0]["summary"])
        lines += ["", f"### Workers ({DEFAULT_ENGINE})", "",
                  "| workers | files | ok | failed | pages | seconds | pages/s | speed-up | peak RSS of a worker "
                  "| load average before / during |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in default_runs:
            s = r["summary"]
            up = rate(s) / base if base else 0.0
            if r["jobs"] == 2:
                speedup = up
            lines.append(f"| {r['jobs']} | {s['files']} | {s['ok']} | {s['failed']} | {s['pages']} "
                         f"| {s['seconds']:.1f} | {rate(s):.2f} | {up:.2f}× | {peak_rss(r['files']):.0f} MB "
                         f"| {r['load'][0]:.2f} / {r['load'][1]:.2f} |")
        counts = ", ".join(f"-j{r['jobs']}" for r in default_runs)
        lines += ["", f"Outputs identical for {counts}: {'yes' if res.get('identical_jobs') else 'NO'}."]
    if res.get("ceiling"):
        most, ceiling = res["ceiling"]
        lines.append(f"Ceiling of this machine: {most} pure-Python loops run at once go {ceiling:.2f}× as fast as "
                     "one (the most any program can gain from that many processes here).")

    shares: dict[str, dict[str, float]] = {}
    if res["stages"]:
        staged = [e for e in engines if e in res["stages"]]
        totals = {e: stage_totals(res["stages"][e]) for e in staged}
        lines += ["", "### Time per stage (one process, the stage timer of `resparse.timing`)", "",
                  "| stage | " + " | ".join(f"{e} s | {e} share" for e in staged) + " |",
                  "|---|" + "---:|---:|" * len(staged)]
        for s in [*STAGES, OTHER]:
            row = []
            for e in staged:
                secs, wall = totals[e][0].get(s, 0.0), totals[e][1]
                shares.setdefault(e, {})[s] = secs / wall if wall else 0.0
                row.append(f"{secs:.2f} | {100 * shares[e][s]:.1f} %")
            lines.append(f"| {s} | " + " | ".join(row) + " |")
        lines.append("| total | " + " | ".join(f"{totals[e][1]:.2f} | 100 %" for e in staged) + " |")
        lines.append("")
        for e in staged:
            st = res["stages"][e]
            ok = [f for f in st["files"] if f["status"] == "ok"]
            pages = sum(f["pages"] for f in ok)
            wall = sum(f["seconds"] for f in ok)
            cpu = sum(f["cpu"] for f in ok)
            lines.append(f"{e}: {len(st['files'])} files ({len(ok)} converted, {pages} pages) in one process: "
                         f"{pages / wall:.2f} pages/s, {pages / cpu:.2f} pages per CPU-second; outputs identical "
                         f"to the batch's: {'yes' if st.get('same_as_batch') else 'NO'}; load average before / "
                         f"during {st['load'][0]:.2f} / {st['load'][1]:.2f}.")
        lines.append(f"\"{OTHER}\" is the time outside the stages: reading the file, its SHA-256, the checks "
                     "between stages. Caches (the compiled schema, regular expressions) are warm after the first "
                     "file here, while each batch worker starts cold.")

    for engine in engines:
        files = j1[engine]["files"]
        done = [f for f in files if f["status"] == "ok" and f.get("pages")]
        if not done:
            continue
        per_page = sorted(f["seconds"] / f["pages"] for f in done)
        a, b, r2 = linear_fit(done)
        median = statistics.median(per_page)
        lines += ["", f"### Slowest files ({engine}, -j1)", "",
                  f"s/page: median {median:.3f}, max {per_page[-1]:.3f} ({per_page[-1] / median:.1f}× the "
                  f"median). Fit over {len(done)} files: seconds ≈ {a:.3f} + {b:.4f} × pages (R² {r2:.3f}). "
                  f"Max peak RSS of a worker: {peak_rss(files):.0f} MB.", "",
                  "s/page by length (seconds / pages over the files of that length): " + ", ".join(
                      f"{label} {sum(f['seconds'] for f in g) / sum(f['pages'] for f in g):.3f} ({len(g)} files)"
                      for label, lo, hi in LENGTHS
                      if (g := [f for f in done if lo <= f["pages"] <= hi])) + ".", ""]
        for title, key in (("by s/page", lambda f: -f["seconds"] / f["pages"]), ("by seconds",
                                                                                 lambda f: -f["seconds"])):
            lines += [f"Top {slowest} {title}:", "", "| file | pages | seconds | s/page | peak RSS |",
                      "|---|---:|---:|---:|---:|"]
            pool = done if title == "by s/page" else files
            for f in sorted(pool, key=key)[:slowest]:
                pp = f"{f['seconds'] / f['pages']:.3f}" if f.get("pages") else "–"
                lines.append(f"| {name(f)} | {f.get('pages') or '–'} | {f['seconds']:.2f} | {pp} | "
                             f"{f['peak_rss_mb'] or 0:.0f} MB |")
            lines.append("")
        lines.pop()

    if res.get("word"):
        w = res["word"]
        s = w["summary"]
        ok = [f for f in w["files"] if f["status"] == "ok"]
        per_file = sorted(f["seconds"] for f in ok)
        ten = [f for f in ok if (f["pages"] or 0) >= WORD_LONG_PAGES]
        lines += ["", "### Word files (-j1)", "",
                  f"{s['files']} `.docx` files ({s['ok']} converted, {s['pages']} pages) in {s['seconds']:.1f} s: "
                  f"{rate(s):.2f} pages/s; seconds per file median {per_file[len(per_file) // 2]:.2f}, "
                  f"max {per_file[-1]:.2f}" if per_file else "no Word file converted"]
        if ten:
            slow = max(ten, key=lambda f: f["seconds"])
            lines.append(f"Files of {WORD_LONG_PAGES} pages or more: {len(ten)}, the slowest {name(slow)} "
                         f"({slow['pages']} pages) in {slow['seconds']:.2f} s.")
    lines += ["", "### Targets", "", "| target | measured | |", "|---|---|---|"]
    if ratio is not None:
        lines.append(f"| pdfium ≥ {MIN_ENGINE_RATIO:.0f}× pdfplumber pages/s (-j1) | {ratio:.2f}× "
                     f"| {mark(ratio >= MIN_ENGINE_RATIO)} |")
    if "pdfium" in j1:
        r = j1["pdfium"]
        pdfium_rate = rate(r["summary"])
        extra = ""
        if "pdfium" in res["stages"]:
            ok = [f for f in res["stages"]["pdfium"]["files"] if f["status"] == "ok"]
            extra = f"; {sum(f['pages'] for f in ok) / sum(f['cpu'] for f in ok):.1f} pages per CPU-second in one " \
                    "process"
        lines.append(f"| pdfium ≥ {MIN_PAGES_PER_CORE:.0f} pages/s on one idle core | {pdfium_rate:.1f} pages/s "
                     f"with -j1 (load average {r['load'][0]:.2f} before){extra} "
                     f"| {mark(pdfium_rate >= MIN_PAGES_PER_CORE)} |")
    if "pdfium" in shares:
        top = max(STAGES, key=lambda s: shares["pdfium"][s])
        lines.append(f"| no stage above {100 * MAX_STAGE_SHARE:.0f} % of the time (pdfium) | largest: {top} "
                     f"{100 * shares['pdfium'][top]:.1f} % | {mark(shares['pdfium'][top] <= MAX_STAGE_SHARE)} |")
    if speedup is not None:
        ceiling = f" (machine ceiling {res['ceiling'][1]:.2f}×)" if res.get("ceiling") else ""
        lines.append(f"| -j2 ≥ {MIN_SPEEDUP}× -j1 (pdfium) | {speedup:.2f}×{ceiling} "
                     f"| {mark(speedup >= MIN_SPEEDUP)} |")
    long_word = [f for f in (res.get("word") or {}).get("files", []) if f["status"] == "ok"
                 and (f["pages"] or 0) >= WORD_LONG_PAGES]
    if long_word:
        worst = max(f["seconds"] for f in long_word)
        lines.append(f"| a Word file of {WORD_LONG_PAGES} pages or more in under {MAX_WORD_SECONDS:g} s | max "
                     f"{worst:.2f} s | {mark(worst < MAX_WORD_SECONDS)} |")
    rss = max(peak_rss(r["files"]) for r in runs)
    lines.append(f"| every worker's peak RSS < {MAX_RSS_MB:.0f} MB | max {rss:.0f} MB over all batch runs "
                 f"| {mark(rss < MAX_RSS_MB)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", type=Path, default=DEFAULT_CORPUS,
                        help="folders to convert (default: ../shared/corpus/pdf, extra and word/pdf)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=ENGINES,
                        help="engines to measure with -j1 (default: both)")
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2],
                        help=f"worker counts for the default engine, {DEFAULT_ENGINE} (default: 1 2)")
    parser.add_argument("--glob", default="*.pdf", help="files to take from the folders (default: *.pdf)")
    parser.add_argument("--word", type=Path, default=CORPUS / "word" / "docx",
                        help="Word files to convert once more, -j1 (default: ../shared/corpus/word/docx)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per file (default: 600)")
    parser.add_argument("--slowest", type=int, default=5, help="how many of the slowest files to list")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    parser.add_argument("--keep", type=Path, help="keep outputs, reports and results.json in this folder")
    parser.add_argument("--render", type=Path, metavar="DIR", help="print the report of a run kept in DIR again")
    parser.add_argument("--no-cpu-check", action="store_true", help="skip measuring the machine's ceiling")
    parser.add_argument("--no-stages", action="store_true", help="skip the time per stage")
    parser.add_argument("--stage-worker", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--stage-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stage-result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.stage_worker:
        stage_worker(args.stage_worker, args.corpus, args.glob, args.stage_out, args.stage_result)
        return
    if args.render:
        results = json.loads((args.render / "results.json").read_text(encoding="utf-8"))
    else:
        missing = [str(f) for f in args.corpus if not f.is_dir()]
        if missing:
            sys.exit(f"benchmark: no such folder: {', '.join(missing)}")
        if any(j < 1 for j in args.jobs):
            sys.exit("benchmark: --jobs takes counts of 1 or more")
        workdir = args.keep or Path(tempfile.mkdtemp(prefix="resparse-bench-"))
        workdir.mkdir(parents=True, exist_ok=True)
        results = measure(args, workdir)
        (workdir / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    text = report(results, args.slowest)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
