"""Resuming a run: outputs that are current, and temporary files a killed run left."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model.document import SCHEMA_VERSION
from .naming import Job

# --- resuming -------------------------------------------------------------------------------------------

_JSON_VERSION = re.compile(r'\s*\{\s*"schema_version"\s*:\s*"([^"\\]*)"')
_YAML_VERSION = re.compile(r"\s*schema_version:\s*(['\"]?)([^'\"\s]*)\1\s*$", re.MULTILINE)


def output_schema_version(path: str | os.PathLike) -> str | None:
    """The `schema_version` of an output file: in JSON and YAML its first key, read from the first bytes;
    in Akoma Ntoso XML the version recorded in `meta/proprietary`."""
    try:
        with open(path, "rb") as f:
            head = f.read(256).decode("utf-8", "replace")
    except OSError:
        return None
    if m := _JSON_VERSION.match(head):
        return m.group(1)
    if m := _YAML_VERSION.match(head):
        return m.group(2)
    if head.lstrip().startswith("<"):
        from ..writers.akn import tree_schema_version  # noqa: PLC0415

        return tree_schema_version(path)
    return None


def is_current(job: Job) -> bool:
    """Whether `job`'s output exists, is newer than its input and has the current schema version."""
    if job.output is None:
        return False
    try:
        if job.output.stat().st_mtime_ns <= job.path.stat().st_mtime_ns:
            return False
    except OSError:
        return False
    return output_schema_version(job.output) == SCHEMA_VERSION


def _temp_files(target: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Temporary files `write_atomic` makes for `target` (`.<name>.<random>.tmp` beside it)."""
    prefix = f".{target.name}."
    if names is None:
        try:
            names = os.listdir(target.parent)
        except OSError:
            return []
    return [target.parent / n for n in names if n.startswith(prefix) and n.endswith(".tmp")
            and len(n) > len(prefix) + len(".tmp")]


def _remove(paths: Iterable[Path]) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


def remove_stale_temp_files(jobs: Sequence[Job]) -> None:
    """Remove the temporary files a killed run left beside the outputs of `jobs`."""
    by_dir: dict[Path, list[Path]] = {}
    for job in jobs:
        if job.output is not None:
            by_dir.setdefault(job.output.parent, []).append(job.output)
    for folder, targets in by_dir.items():
        try:
            names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]
        except OSError:
            continue
        for target in targets:
            _remove(_temp_files(target, names))
