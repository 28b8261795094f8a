"""Output names: mirrored input paths that never collide, one job per input."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..writers import WRITERS
from .inputs import Input

# --- jobs -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Job:
    """One file of the batch: where it is read from and where its output goes (None: no file written)."""

    index: int
    source: str
    output: Path | None

    @property
    def path(self) -> Path:
        return Path(self.source)


def _candidate(inp: Input, suffix: str, level: int) -> PurePosixPath:
    rel = inp.rel
    if level == 0:  # a.pdf → a.json
        stem = rel.name[: -len(rel.suffix)] if rel.suffix else rel.name
        return rel.with_name((stem or rel.name) + suffix)
    if level == 1:  # a.pdf → a.pdf.json
        return rel.with_name(rel.name + suffix)
    digest = hashlib.sha256(os.path.realpath(inp.source).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    extra = "" if level == 2 else f"-{level - 2}"
    return rel.with_name(f"{rel.name}.{digest}{extra}{suffix}")  # a.pdf.1f2e3d4c.json


def output_names(inputs: Sequence[Input], suffix: str) -> list[PurePosixPath]:
    """Relative output paths for `inputs`, distinct even on a case-insensitive file system.

    Each input gets `<name without suffix><suffix>`; the inputs of a group that would share a name all
    keep their own suffix instead (`a.pdf.json`, `a.docx.json`), and then, if still shared, a short hash
    of their real path. Names depend only on the inputs, not on their order or on timing.
    """
    levels = [0] * len(inputs)
    for _ in range(len(inputs) + 3):
        names = [_candidate(inp, suffix, level) for inp, level in zip(inputs, levels, strict=True)]
        groups: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            groups.setdefault(str(name).casefold(), []).append(i)
        clashes = [members for members in groups.values() if len(members) > 1]
        if not clashes:
            return names
        for members in clashes:
            for i in members:
                levels[i] += 1
    raise AssertionError("output names did not settle")  # pragma: no cover - each round adds a level


def plan_jobs(inputs: Sequence[Input], out_dir: str | os.PathLike | None, fmt: str = "json") -> list[Job]:
    """One job per input; with `out_dir`, each writes `out_dir/<mirrored path>.<json|yaml>`."""
    if out_dir is None:
        return [Job(i, inp.source, None) for i, inp in enumerate(inputs)]
    names = output_names(inputs, WRITERS[fmt].suffix)
    root = Path(out_dir)
    return [Job(i, inp.source, root.joinpath(*name.parts))
            for i, (inp, name) in enumerate(zip(inputs, names, strict=True))]
