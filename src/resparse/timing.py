"""An opt-in stage timer: where the time of a parse goes (extraction, layout, structure, citations, ...).

    with collect() as times:                 # only inside this block is anything recorded
        doc = resparse.parse("file.pdf")
        render(doc)
    times.seconds   # {"extraction": 0.21, "structure": 0.05, "layout": 0.03, ...}

The library wraps its stages in `with stage("name"):`. Without an active collector `stage()` returns one
shared no-op context manager, so the hook costs a context-variable lookup and nothing else, and it never
changes what the code computes. A stage's time is its own (exclusive) time: a stage opened inside another
is charged to the inner one only, so the stages of one collector add up to the time spent inside them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

_clock = time.perf_counter  # a module attribute, so that tests can drive the clock


@dataclass
class StageTimes:
    """Seconds (exclusive of nested stages) and number of calls per stage name, in first-seen order."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    _open: list[list[float]] = field(default_factory=list, repr=False, compare=False)

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def add(self, name: str, seconds: float, calls: int = 1) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.calls[name] = self.calls.get(name, 0) + calls

    def merge(self, other: StageTimes) -> None:
        """Add another collector's times to these (e.g. to sum the files of a corpus)."""
        for name, seconds in other.seconds.items():
            self.add(name, seconds, other.calls.get(name, 0))

    def shares(self) -> dict[str, float]:
        """Each stage's part of `total` (0 to 1)."""
        total = self.total
        return {name: (s / total if total else 0.0) for name, s in self.seconds.items()}


_current: ContextVar[StageTimes | None] = ContextVar("resparse_stage_times", default=None)


class _Off:
    """The context manager `stage()` returns when nothing is collecting: does nothing."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


_OFF = _Off()


class _Timed:
    __slots__ = ("_times", "_name", "_frame")

    def __init__(self, times: StageTimes, name: str):
        self._times, self._name = times, name

    def __enter__(self) -> None:
        # [start, seconds spent in stages nested inside this one]
        self._frame = [_clock(), 0.0]
        self._times._open.append(self._frame)

    def __exit__(self, *exc: object) -> bool:
        elapsed = _clock() - self._frame[0]
        open_frames = self._times._open
        open_frames.pop()
        if open_frames:
            open_frames[-1][1] += elapsed
        self._times.add(self._name, elapsed - self._frame[1])
        return False


def stage(name: str) -> _Off | _Timed:
    """`with stage("layout"): ...` records the block's time under `name` in the active collector, if any."""
    times = _current.get()
    return _OFF if times is None else _Timed(times, name)


def active() -> StageTimes | None:
    """The collector recording now, or None."""
    return _current.get()


@contextmanager
def collect(times: StageTimes | None = None) -> Iterator[StageTimes]:
    """Record the stages run inside the block into `times` (a fresh `StageTimes` if not given)."""
    times = StageTimes() if times is None else times
    token = _current.set(times)
    try:
        yield times
    finally:
        _current.reset(token)


__all__ = ["StageTimes", "active", "collect", "stage"]
