#!/usr/bin/env python3
"""Measure the batch on a Dask LocalCluster of 1 and 2 workers, and project an archive-sized run.

    python scripts/scale_projection.py ../shared/corpus/pdf [--core-hour 0.05] [--workers 16,64,256]

Each run converts the folder (JSON outputs and the Parquet dataset, into a temporary folder) on a fresh
LocalCluster. From the 1-worker run's records, a least-squares line `seconds = fixed + per_page * pages`
gives the conversion's cost per file and per page; the wall time not spent converting, per task, is the
overhead of a task (scheduling, the fork of its process, the result's trip back). The 2-worker run gives
the parallel efficiency. The projection for D documents of P pages on N workers (one core each) is

    hours = max((D * (fixed + overhead) + P * per_page) / (N * efficiency), D * scheduler_s) / 3600
    cost = hours * N * $/core-hour

where `scheduler_s` (--scheduler-ms, 1 ms by default: an assumption, not measured here) is what one task
costs the one Dask scheduler, which bounds a run's speed however many workers it has.

Prints the measurements and the projection as a table (or JSON with --json), with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from resparse.batch import BatchOptions, collect_inputs, plan_jobs
from resparse.scale import parquet
from resparse.scale.cluster import run_dask_batch, start_local_cluster


@dataclass
class Run:
    workers: int
    files: int
    ok: int
    pages: int
    startup_seconds: float  # the LocalCluster coming up
    wall_seconds: float  # the batch, from the first task handed over to the last record
    convert_seconds: float  # the sum of the files' own times (in their processes)

    @property
    def overhead_per_task(self) -> float:
        return max(0.0, (self.wall_seconds * self.workers - self.convert_seconds) / self.files)


def measure(folder: Path, workers: int) -> tuple[Run, list[tuple[int, float]]]:
    inputs = collect_inputs([str(folder)])
    with tempfile.TemporaryDirectory() as tmp:
        jobs = plan_jobs(inputs, Path(tmp, "out"), "json")
        tables = parquet.plan_tables(inputs, Path(tmp, "pq"))
        started = time.monotonic()
        cluster = start_local_cluster(workers)
        up = time.monotonic() - started
        try:
            result = run_dask_batch(jobs, BatchOptions(send_document=True), cluster.scheduler_address, tables=tables)
        finally:
            cluster.close()
    records = [r for r in result.records if r.status == "ok" and r.pages]
    run = Run(workers, len(jobs), result.summary.ok, result.summary.pages, round(up, 2),
              round(result.summary.seconds, 2), round(sum(r.seconds for r in result.records), 2))
    return run, [(r.pages or 0, r.seconds) for r in records]


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """(fixed seconds per file, seconds per page) by least squares; fixed is kept non-negative."""
    n = len(points)
    mx = sum(p for p, _ in points) / n
    my = sum(s for _, s in points) / n
    var = sum((p - mx) ** 2 for p, _ in points)
    slope = sum((p - mx) * (s - my) for p, s in points) / var if var else my / max(mx, 1)
    fixed = my - slope * mx
    if fixed < 0:
        return 0.0, sum(s for _, s in points) / sum(p for p, _ in points)
    return fixed, slope


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--documents", type=float, default=1e6)
    ap.add_argument("--pages", type=float, default=5e6)
    ap.add_argument("--workers", default="8,64,256,1024,4096", help="worker counts to project for")
    ap.add_argument("--core-hour", type=float, default=0.05, help="US$ per core-hour (default 0.05)")
    ap.add_argument("--scheduler-ms", type=float, default=1.0,
                    help="milliseconds of the scheduler's time per task (an assumption; default 1)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.folder.is_dir():
        print(f"scale_projection: {args.folder}: no such folder", file=sys.stderr)
        return 2

    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    one, points = measure(args.folder, 1)
    two, _ = measure(args.folder, 2)
    fixed, per_page = fit(points)
    overhead = one.overhead_per_task
    efficiency = min(1.0, one.wall_seconds / two.wall_seconds / 2) if two.wall_seconds else 1.0
    task_seconds = args.documents * (fixed + overhead) + args.pages * per_page
    projection = []
    for n in (int(w) for w in args.workers.split(",")):
        seconds = max(task_seconds / (n * efficiency), args.documents * args.scheduler_ms / 1000)
        hours = seconds / 3600
        projection.append({"workers": n, "hours": round(hours, 2), "usd": round(hours * n * args.core_hour, 2),
                           "scheduler_bound": seconds > task_seconds / (n * efficiency)})
    report = {"cpus": os.cpu_count(), "load_average": [round(x, 2) for x in load],
              "runs": [asdict(one) | {"overhead_per_task": round(one.overhead_per_task, 3)},
                       asdict(two) | {"overhead_per_task": round(two.overhead_per_task, 3)}],
              "fixed_seconds_per_file": round(fixed, 4), "seconds_per_page": round(per_page, 4),
              "overhead_seconds_per_task": round(overhead, 4), "efficiency_2_workers": round(efficiency, 3),
              "documents": args.documents, "pages": args.pages, "usd_per_core_hour": args.core_hour,
              "scheduler_ms_per_task": args.scheduler_ms,
              "core_hours": round(task_seconds / efficiency / 3600, 1), "projection": projection}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"machine: {report['cpus']} CPUs, load average {' '.join(map(str, report['load_average']))} at the start")
    for run in (one, two):
        print(f"{run.workers} worker(s): {run.files} files ({run.ok} ok), {run.pages} pages in {run.wall_seconds} s "
              f"({run.pages / run.wall_seconds:.2f} pages/s; cluster start {run.startup_seconds} s; "
              f"overhead {run.overhead_per_task:.3f} s/task)")
    print(f"per file {fixed:.3f} s + per page {per_page:.3f} s; task overhead {overhead:.3f} s; "
          f"2-worker efficiency {efficiency:.2f}")
    print(f"{args.documents:.0f} documents, {args.pages:.0f} pages: {report['core_hours']} core-hours "
          f"(US${args.core_hour}/core-hour)")
    print(f"{'workers':>8}  {'hours':>8}  {'US$':>9}")
    for row in projection:
        bound = "  (bound by the scheduler)" if row["scheduler_bound"] else ""
        print(f"{row['workers']:>8}  {row['hours']:>8}  {row['usd']:>9}{bound}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
