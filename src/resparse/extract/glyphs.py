"""Engine-independent repairs of the glyphs a PDF engine reports, so that every engine gives the same chars.

- Fake bold: old PDF writers draw a glyph two or more times at almost the same place; one copy is kept.
- Broken ToUnicode maps: a font that maps two glyphs to one letter gets the missing letter back.
- Unmapped glyphs: a glyph whose font says no character for it is U+FFFD, whatever the engine would guess.
- Spaces are not glyphs: the layout measures the gaps between glyphs, whatever a writer put there.
- Glyphs set together (one font and size, one baseline, no gap) travel as one run.
- Turned text is left out: a glyph not written left to right on a horizontal baseline (a margin label set
  vertically beside a landscape table, a stamp) is no part of the text; see `is_upright`.
- Style: bold and italic are read from the font name, the one property every engine reports alike.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from ..model.text import Char

# Glyphs drawn twice at (almost) the same place to fake bold: tolerance in points, on both axes.
DUPLICATE_GLYPH_TOLERANCE = 1.0
# A font's character map is checked for broken entries only when it has this many ASCII entries and
# this share of them follows one glyph-to-character offset.
MIN_ENTRIES_FOR_REPAIR = 20
DOMINANT_OFFSET_SHARE = 0.8

# The text of a glyph whose font gives no character for it (no ToUnicode entry, no known encoding).
UNMAPPED_GLYPH = "\ufffd"

# Two glyphs whose baselines differ by less than this (points) are on one baseline.
SAME_BASELINE = 0.01
# Glyphs of one run closer than this share of their size (either way) are set together, as one word's letters.
RUN_JOIN_GAP = 0.05
# Largest share of the glyph's width (height) that its baseline (vertical axis) may rise by: about 0.6°.
UPRIGHT_MAX_SLANT = 0.01

BOLD_WORDS = ("bold", "black", "heavy")
ITALIC_WORDS = ("italic", "oblique")


def base_font_name(name: str) -> str:
    """The font name without its subset tag (`ABCDEF+TimesNewRomanPSMT` → `TimesNewRomanPSMT`)."""
    return name.split("+")[-1]


def is_bold(font: str) -> bool:
    f = font.lower()
    return any(w in f for w in BOLD_WORDS) or f.endswith(",b")


def is_italic(font: str) -> bool:
    f = font.lower()
    return any(w in f for w in ITALIC_WORDS) or f.endswith(",i")


def is_upright(a: float, b: float, c: float, d: float) -> bool:
    """Whether a glyph with this text-to-page matrix is written left to right on a horizontal baseline: not
    mirrored, not turned by more than `UPRIGHT_MAX_SLANT` (a matrix turned a quarter carries float noise
    where a pure test of signs would take it for upright)."""
    return a > 0 and d > 0 and abs(b) <= UPRIGHT_MAX_SLANT * a and abs(c) <= UPRIGHT_MAX_SLANT * d


Run = tuple[str, float, bool, bool]  # a glyph's (font, size, bold, italic)


@dataclass(frozen=True)
class Glyphs:
    """A page's glyphs in drawing order, spaces included, as columns (one entry per glyph): what an engine
    reads, before `glyph_runs`. Columns, because a page has thousands of glyphs and each rule below is one
    pass of array arithmetic over all of them, not one Python step per glyph."""

    text: np.ndarray  # str, one glyph each
    x0: np.ndarray  # where the glyph starts and where its advance ends (points)
    x1: np.ndarray
    baseline: np.ndarray
    run: np.ndarray  # index into `runs`
    runs: tuple[Run, ...]  # distinct

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, float, float, float, Run]]) -> Glyphs:
        """Glyphs from `(text, x0, x1, baseline, run)` rows."""
        index: dict[Run, int] = {}
        texts, x0, x1, baseline, run = [], [], [], [], []
        for t, a, b, base, r in rows:
            texts.append(t)
            x0.append(a)
            x1.append(b)
            baseline.append(base)
            run.append(index.setdefault(r, len(index)))
        return cls(np.array(texts, dtype=str), np.array(x0, dtype=float), np.array(x1, dtype=float),
                   np.array(baseline, dtype=float), np.array(run, dtype=np.intp), tuple(index))


def glyph_runs(glyphs: Glyphs) -> list[Char]:
    """The glyphs of a page, in drawing order, as runs of glyphs set together, spaces left out.

    - A glyph drawn again right after itself at the same place (fake bold) is dropped.
    - A glyph's advance comes from its font's width table, but the writer may set the next glyph of the
      run closer (kerning, Arabic letter forms that share one character): the glyph then ends where the
      next one starts, so that the gap to a word after it is measured as printed.
    - Glyphs in one font and size, on one baseline, each starting where the one before ends (within
      `RUN_JOIN_GAP` of the size), become one `Char`. No later stage tells such glyphs apart (a word gap,
      a marker or a column break is wider, or changes size or baseline), and the layout then works on a
      page's few hundred runs instead of its thousands of glyphs.
    """
    g = glyphs
    if not len(g.x0):
        return []
    text, x0, x1, base, run = g.text, g.x0, g.x1, g.baseline, g.run
    copy = np.zeros(len(x0), dtype=bool)
    copy[1:] = ((text[1:] == text[:-1]) & (run[1:] == run[:-1])
                & (np.abs(x0[1:] - x0[:-1]) <= DUPLICATE_GLYPH_TOLERANCE)
                & (np.abs(base[1:] - base[:-1]) <= DUPLICATE_GLYPH_TOLERANCE))
    if copy.any():
        keep = ~copy
        text, x0, x1, base, run = text[keep], x0[keep], x1[keep], base[keep], run[keep]
    kerned = ((run[1:] == run[:-1]) & (np.abs(base[:-1] - base[1:]) < SAME_BASELINE)
              & (x0[:-1] < x0[1:]) & (x0[1:] < x1[:-1]))
    x1 = np.concatenate((np.where(kerned, x0[1:], x1[:-1]), x1[-1:]))
    glyph = ~np.char.isspace(text)
    text, x0, x1, base, run = text[glyph], x0[glyph], x1[glyph], base[glyph], run[glyph]
    if not len(x0):
        return []
    sizes = np.array([r[1] for r in g.runs], dtype=float)[run]
    face_index: dict[tuple[str, float], int] = {}
    face = np.array([face_index.setdefault(r[:2], len(face_index)) for r in g.runs], dtype=np.intp)[run]
    joined = ((base[1:] == base[:-1]) & (face[1:] == face[:-1])
              & (np.abs(x0[1:] - x1[:-1]) <= RUN_JOIN_GAP * sizes[1:]))
    starts = np.flatnonzero(np.concatenate(([True], ~joined)))
    ends = np.append(starts[1:], len(x0))
    texts = text.tolist()
    x0s, x1s, bases = x0[starts].tolist(), x1[ends - 1].tolist(), base[starts].tolist()
    first_runs = run[starts].tolist()
    out = []
    for k, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        font, size, bold, italic = g.runs[first_runs[k]]
        out.append(Char("".join(texts[s:e]), x0s[k], x1s[k], bases[k] - size, bases[k], size, font, bold, italic))
    return out


def chars_from_glyphs(glyphs: Glyphs) -> list[Char]:
    """What every engine returns for a page: its glyphs (see `glyph_runs`) as runs, fake-bold copies
    removed. The one step from an engine's glyphs to `PageChars.chars`, so that engines cannot differ here."""
    return dedupe_glyphs(glyph_runs(glyphs))


def _chain_clusters(items: list[Char], value, tolerance: float) -> Iterable[list[Char]]:
    """Groups of items whose sorted values are each within `tolerance` of the previous one."""
    items = sorted(items, key=value)
    group: list[Char] = []
    last = None
    for it in items:
        v = value(it)
        if group and v - last > tolerance:
            yield group
            group = []
        group.append(it)
        last = v
    if group:
        yield group


def dedupe_glyphs(chars: list[Char], tolerance: float = DUPLICATE_GLYPH_TOLERANCE) -> list[Char]:
    """`chars` (glyphs or runs of glyphs) without the copies drawn again at the same place (fake bold: a
    writer draws the same text twice, a fraction of a point apart).

    Copies share text, font and size and lie within `tolerance` of each other vertically, then
    horizontally (chained, as a cluster); the topmost-leftmost copy is kept, in the input order.
    Glyphs are first binned by text, font, size and x0 in steps of `tolerance`: only a group with two
    glyphs in one bin or in neighbouring bins, close vertically too, can hold a copy, and only such
    groups are clustered. Most pages have none, and cost one pass; a page where no text, font and size
    repeats at all costs a count.
    """
    repeated = {k for k, n in Counter(map(_look, chars)).items() if n > 1}
    if not repeated:
        return chars
    bins: dict[tuple[str, str, float, int], list[int]] = {}
    for i, c in enumerate(chars):
        if _look(c) in repeated:
            bins.setdefault((c.text, c.font, c.size, math.floor(c.x0 / tolerance)), []).append(i)
    suspect: set[tuple[str, str, float]] = set()
    for (text, font, size, column), members in bins.items():
        nearby = members + bins.get((text, font, size, column + 1), [])
        if len(nearby) > 1 and _any_close(chars, nearby, tolerance):
            suspect.add((text, font, size))
    if not suspect:
        return chars
    groups: dict[tuple[str, str, float], list[int]] = {}
    keep: list[int] = []
    for i, c in enumerate(chars):
        key = (c.text, c.font, c.size)
        if key in suspect:
            groups.setdefault(key, []).append(i)
        else:
            keep.append(i)
    for indices in groups.values():
        members = [chars[i] for i in indices]
        index_of = {id(c): i for c, i in zip(members, indices, strict=True)}
        for row in _chain_clusters(members, lambda c: c.top, tolerance):
            for cluster in _chain_clusters(row, lambda c: c.x0, tolerance):
                first = min(cluster, key=lambda c: (c.top, c.x0))
                keep.append(index_of[id(first)])
    keep.sort()
    return [chars[i] for i in keep]


# A glyph's (text, font, size), what its copies share; read in C, as a page has thousands of glyphs.
_look = itemgetter(*(Char._fields.index(f) for f in ("text", "font", "size")))


def _any_close(chars: list[Char], indices: list[int], tolerance: float) -> bool:
    """Whether two of these glyphs lie within `tolerance` of each other on both axes."""
    for k, i in enumerate(indices):
        a = chars[i]
        for j in indices[k + 1 :]:
            b = chars[j]
            if abs(a.top - b.top) <= tolerance and abs(a.x0 - b.x0) <= tolerance:
                return True
    return False


def repair_unicode_map(cid2unichr: Mapping) -> dict[int, str]:
    """Corrections for a font's ToUnicode map that sends two glyphs to one character.

    Word's subset TrueType fonts number glyphs in the standard order, so most entries map glyph g to
    character g + k for one offset k. An entry that breaks the offset for a letter while another
    glyph already maps, at that offset, to the same letter is a broken entry (a known producer bug:
    `f` shown as `i`, `q` as `u`); it is mapped to its own glyph's letter instead.
    """
    entries = {c: u for c, u in cid2unichr.items() if isinstance(c, int) and isinstance(u, str) and len(u) == 1}
    ascii_entries = {c: u for c, u in entries.items() if 0x21 <= ord(u) <= 0x7E}
    if len(ascii_entries) < MIN_ENTRIES_FOR_REPAIR:
        return {}
    offsets: dict[int, int] = {}
    for c, u in ascii_entries.items():
        offsets[ord(u) - c] = offsets.get(ord(u) - c, 0) + 1
    k, n = max(offsets.items(), key=lambda kv: kv[1])
    if n < DOMINANT_OFFSET_SHARE * len(ascii_entries):
        return {}
    regular = {u for c, u in ascii_entries.items() if ord(u) - c == k}
    fixes = {}
    for c, u in ascii_entries.items():
        own = c + k
        if ord(u) - c != k and u.isalpha() and u in regular and 0x21 <= own <= 0x7E and chr(own).isalpha():
            fixes[c] = chr(own)
    return fixes
