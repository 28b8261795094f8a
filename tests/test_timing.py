"""The opt-in stage timer: records only inside `collect()`, exclusive time for nested stages, and never
changes what the library produces."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import resparse
from resparse import timing
from resparse.timing import StageTimes, active, collect, stage
from resparse.writers import render

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ga_resolution.pdf"
STAGES = {"extraction", "layout", "structure", "citations", "validation", "writing"}


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(timing, "_clock", fake)
    return fake


def test_nothing_is_recorded_without_a_collector(clock: FakeClock) -> None:
    assert active() is None
    off = stage("layout")
    assert off is stage("anything else")  # one shared no-op object: no allocation, no clock read
    with stage("layout"):
        clock.advance(5)
    with collect() as times:
        pass
    assert times.seconds == {} and times.calls == {} and times.total == 0


def test_sequential_stages_add_up_per_name(clock: FakeClock) -> None:
    with collect() as times:
        assert active() is times
        with stage("a"):
            clock.advance(2)
        with stage("b"):
            clock.advance(3)
        clock.advance(100)  # outside any stage: not charged to one
        with stage("a"):
            clock.advance(0.5)
    assert active() is None
    assert times.seconds == {"a": 2.5, "b": 3}
    assert list(times.seconds) == ["a", "b"]  # first-seen order
    assert times.calls == {"a": 2, "b": 1}
    assert times.total == 5.5
    assert times.shares() == {"a": 2.5 / 5.5, "b": 3 / 5.5}


def test_nested_stages_are_charged_exclusively(clock: FakeClock) -> None:
    with collect() as times, stage("outer"):
        clock.advance(1)
        with stage("inner"):
            clock.advance(4)
            with stage("innermost"):
                clock.advance(2)
        clock.advance(1)
        with stage("inner"):
            clock.advance(3)
    assert times.seconds == {"innermost": 2, "inner": 7, "outer": 2}
    assert times.total == 11  # the wall time of the outermost stage, counted once
    assert times.calls == {"innermost": 1, "inner": 2, "outer": 1}


def test_a_stage_that_raises_is_still_recorded(clock: FakeClock) -> None:
    with collect() as times:
        with pytest.raises(ZeroDivisionError), stage("failing"):
            clock.advance(1.5)
            1 / 0  # noqa: B018
        with stage("after"):
            clock.advance(1)
    assert times.seconds == {"failing": 1.5, "after": 1}


def test_collect_into_a_given_collector_and_merge(clock: FakeClock) -> None:
    total = StageTimes()
    for seconds in (1, 2):
        with collect() as one, stage("x"):
            clock.advance(seconds)
        total.merge(one)
    with collect(total), stage("y"):
        clock.advance(4)
    assert total.seconds == {"x": 3, "y": 4}
    assert total.calls == {"x": 2, "y": 1}


def test_collectors_nest_and_restore(clock: FakeClock) -> None:
    with collect() as outer:
        with collect() as inner, stage("s"):
            clock.advance(1)
        assert active() is outer
        with stage("s"):
            clock.advance(2)
    assert inner.seconds == {"s": 1}
    assert outer.seconds == {"s": 2}


def test_another_thread_does_not_record_into_this_collector(clock: FakeClock) -> None:
    def work() -> None:
        with stage("elsewhere"):
            clock.advance(1)

    with collect() as times:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    assert times.seconds == {}


def test_parse_records_every_stage_and_gives_the_same_document() -> None:
    plain = resparse.parse(SAMPLE)
    plain_text = render(plain)
    with collect() as times:
        timed = resparse.parse(SAMPLE)
        timed_text = render(timed)
    again = resparse.parse(SAMPLE)

    assert timed.to_dict() == plain.to_dict() == again.to_dict()
    assert timed_text == plain_text
    assert set(times.seconds) == STAGES
    assert all(s > 0 for s in times.seconds.values())
    assert times.calls["layout"] == 1  # layout_pages and build_blocks, in one stage
    assert times.calls["writing"] == 2  # to_dict and the dump
    assert times.calls["extraction"] == times.calls["structure"] == times.calls["validation"] == 1


def test_a_refused_file_records_only_what_ran(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf at all")
    with collect() as times, pytest.raises(resparse.ResparseError):
        resparse.parse(bad)
    assert set(times.seconds) <= {"extraction"}
