"""Engine-independent repairs of the glyphs a PDF engine reports, so that every engine gives the same chars.

- Fake bold: old PDF writers draw a glyph two or more times at almost the same place; one copy is kept.
- Broken ToUnicode maps: a font that maps two glyphs to one letter gets the missing letter back.
- Unmapped glyphs: a glyph whose font says no character for it is U+FFFD, whatever the engine would guess.
- Spaces are not glyphs: the layout measures the gaps between glyphs, whatever a writer put there; a run
  only notes that a space character was drawn before it (`Char.space_before`), which the layout needs where
  gaps are no word spaces (between Chinese characters).
- Glyphs set together (one font and size, one baseline, no gap) travel as one run.
- Turned text is left out: a glyph not written left to right on a horizontal baseline (a margin label set
  vertically beside a landscape table, a stamp) is no part of the text; see `is_upright`. A glyph slanted
  on its horizontal baseline (a regular font sheared by the writer to print italics) is upright.
- Style: bold and italic are read from the font name, the one property every engine reports alike.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from ..model.text import RTL_SCRIPT, Char

# Glyphs drawn twice at (almost) the same place to fake bold: tolerance in points, on both axes.
DUPLICATE_GLYPH_TOLERANCE = 1.0
# A font's character map is checked for broken entries only when it has this many ASCII entries and
# this share of them follows one glyph-to-character offset.
MIN_ENTRIES_FOR_REPAIR = 20
DOMINANT_OFFSET_SHARE = 0.8


# Two glyphs whose baselines differ by less than this (points) are on one baseline.
SAME_BASELINE = 0.01
# Glyphs of one run closer than this share of their size (either way) are set together, as one word's letters.
RUN_JOIN_GAP = 0.05
# A mark drawn next to a letter stands within this many sizes of it (its origin is offset to sit over the letter).
MARK_REACH = 0.5
# Where the pen stands when a mark is drawn apart: this many sizes left of its right-to-left letter's advance
# (right of a left-to-right one's), as Arabic fonts position their marks (Noto Naskh, Amiri).
MARK_SHIFT = 0.1
# Largest share of the glyph's width (height) that its baseline (vertical axis) may rise by: about 0.6°.
UPRIGHT_MAX_SLANT = 0.01
# Largest share of the glyph's height that its top may lean right (or left) by, on a horizontal baseline, for
# it to be upright, slanted: about 27°. A word processor prints italics in a font without an italic face by
# shearing the regular one (a lean of about 0.33, 18°).
SLANTED_MAX_SHEAR = 0.5

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
    where a pure test of signs would take it for upright); it may lean, sheared (`SLANTED_MAX_SHEAR`)."""
    return a > 0 and d > 0 and abs(b) <= UPRIGHT_MAX_SLANT * a and abs(c) <= SLANTED_MAX_SHEAR * d


def glyph_height(a: float, b: float, c: float, d: float) -> float:
    """The scale of the text matrix across the baseline: the glyph's height for a font size of 1 (the area the
    matrix gives a unit square over its width along the baseline, so that a shear does not count)."""
    width = math.hypot(a, b)
    return abs(a * d - b * c) / width if width else math.hypot(c, d)


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
    mark = is_mark(text)
    kerned = ((run[1:] == run[:-1]) & (np.abs(base[:-1] - base[1:]) < SAME_BASELINE)
              & (x0[:-1] < x0[1:]) & (x0[1:] < x1[:-1]))
    if mark.any():  # a mark does not advance: it is no kerning of the glyphs around it
        kerned &= ~mark[1:] & ~mark[:-1]
    x1 = np.concatenate((np.where(kerned, x0[1:], x1[:-1]), x1[-1:]))
    glyph = ~np.char.isspace(text)
    spaced = np.concatenate(([False], ~glyph[:-1]))[glyph]  # drawn right after a space character
    text, x0, x1, base, run, mark = text[glyph], x0[glyph], x1[glyph], base[glyph], run[glyph], mark[glyph]
    if not len(x0):
        return []
    sizes = np.array([r[1] for r in g.runs], dtype=float)[run]
    face_index: dict[tuple[str, float], int] = {}
    face = np.array([face_index.setdefault(r[:2], len(face_index)) for r in g.runs], dtype=np.intp)[run]
    if mark.any():  # marks (Arabic vowels, a combining accent) go with the glyphs they are set on
        order = _marks_by_letters(text, mark, x0, x1, base, face, sizes)
        text, x0, x1, base, run, mark = text[order], x0[order], x1[order], base[order], run[order], mark[order]
        spaced = spaced[order]
        sizes, face = sizes[order], face[order]
    joined = ((base[1:] == base[:-1]) & (face[1:] == face[:-1])
              & (np.abs(x0[1:] - x1[:-1]) <= RUN_JOIN_GAP * sizes[1:]))
    if mark.any():
        joined, base = _join_marks(joined, mark, x0, x1, base, face, sizes)
    starts = np.flatnonzero(np.concatenate(([True], ~joined)))
    ends = np.append(starts[1:], len(x0))
    texts = text.tolist()
    x0s, x1s, bases = x0[starts].tolist(), x1[ends - 1].tolist(), base[starts].tolist()
    if mark.any():  # a run that opens with a mark (set on the letter after it) starts where that letter does
        x0s = np.minimum.reduceat(x0, starts).tolist()
    first_runs, after_space = run[starts].tolist(), spaced[starts].tolist()
    out = []
    for k, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        font, size, bold, italic = g.runs[first_runs[k]]
        out.append(Char("".join(texts[s:e]), x0s[k], x1s[k], bases[k] - size, bases[k], size, font, bold, italic,
                        after_space[k]))
    return out


def _marks_by_letters(text: np.ndarray, mark: np.ndarray, x0: np.ndarray, x1: np.ndarray, base: np.ndarray,
                      face: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The order of the glyphs with each mark drawn away from its letter (an engine may report a positioned
    mark apart, with the other glyphs of its text object) put beside that letter, where a writer draws it:
    after a left-to-right letter, before a right-to-left one (drawn from the left, the mark is then read after
    its letter). A mark drawn next to a letter on that side, within `MARK_REACH` sizes, is beside it already.
    Otherwise its letter is the one, in its font and within a size of its baseline, whose advance holds the
    mark's origin once shifted by `MARK_SHIFT` sizes towards where the pen stands when the mark is drawn (the
    letter's left edge in right-to-left text, its right edge in left-to-right text)."""
    n = len(mark)
    key = np.arange(n, dtype=float)
    rtl = np.array([RTL_SCRIPT.match(t) is not None for t in text.tolist()]) & ~mark
    letter = ~mark
    shift = np.where(rtl, -MARK_SHIFT, MARK_SHIFT) * sizes
    for i in np.flatnonzero(mark).tolist():
        reach = MARK_REACH * sizes[i]
        beside = [j for j in (i - 1, i + 1) if 0 <= j < n and letter[j] and (j > i) == rtl[j]
                  and face[j] == face[i] and abs(base[j] - base[i]) <= sizes[i]
                  and x0[j] - reach <= x0[i] <= x1[j] + reach]
        if beside:
            continue
        under = np.flatnonzero(letter & (face == face[i]) & (np.abs(base - base[i]) <= sizes[i])
                               & (x0 + shift <= x0[i]) & (x0[i] < x1 + shift))
        if not len(under):
            continue
        j = int(under[np.argmin(np.abs(base[under] - base[i]))])
        step = 0.5 + 0.001 * (i / n)  # marks on one letter keep their order
        key[i] = j - step if rtl[j] else j + step
    return np.argsort(key, kind="stable")


def _join_marks(joined: np.ndarray, mark: np.ndarray, x0: np.ndarray, x1: np.ndarray, base: np.ndarray,
                face: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`joined` (whether each glyph carries on the run of the one before) with combining marks kept in the
    run of the letter they are set on. A mark is placed over its letter, raised or lowered, without advancing,
    and drawn after it (left-to-right text) or before it (right-to-left text, drawn from the left): it goes
    with the glyph before it when it stands over that one, else with the glyph after it when it stands over
    that one; a glyph after a mark that went with the glyph before carries on the run as if the mark were
    not there. Also returns the baselines, a mark's that of its letter."""
    n = len(mark)
    index = np.arange(n)
    tolerance = RUN_JOIN_GAP * sizes
    before = np.maximum.accumulate(np.where(mark, -1, index))  # the last glyph up to here that is no mark
    after = np.minimum.accumulate(np.where(mark, n, index)[::-1])[::-1]  # the next one from here
    b, a = np.maximum(before, 0), np.minimum(after, n - 1)  # (valid where before >= 0, after < n)

    def over(k: np.ndarray, valid: np.ndarray) -> np.ndarray:
        return (valid & (face == face[k]) & (np.abs(base - base[k]) <= sizes)
                & (x0 >= x0[k] - tolerance) & (x0 <= x1[k] + tolerance))

    prev_letter = np.concatenate(([-1], before[:-1]))
    pb = np.maximum(prev_letter, 0)
    over_prev = mark & over(pb, prev_letter >= 0)
    over_next = mark & ~over_prev & over(a, after < n)
    # A mark set on the next letter joins the run before it when that letter carries on from the letter before.
    across = (over_next & (prev_letter >= 0) & (face[a] == face[pb]) & (base[a] == base[pb])
              & (np.abs(x0[a] - x1[pb]) <= tolerance[a]))
    out = np.where(mark[1:], over_prev[1:] | (over_next[1:] & (over_next[:-1] | across[1:])), joined)
    # The glyph after a mark: joined to a mark set on it, or to the run it carried on from the letter before.
    follows_mark = ~mark[1:] & mark[:-1]
    carry = ((face[1:] == face[b[:-1]]) & (base[1:] == base[b[:-1]])
             & (np.abs(x0[1:] - x1[b[:-1]]) <= tolerance[1:]) & (before[:-1] >= 0) & over_prev[:-1])
    base = np.where(over_prev, base[pb], np.where(over_next, base[a], base))
    return np.where(follows_mark, over_next[:-1] | carry, out), base


# Below this code point no character is a combining mark (ASCII, Latin-1, Latin Extended, IPA, modifiers).
FIRST_MARK = 0x0300


@functools.lru_cache(maxsize=8192)
def _is_mark_code(code: int) -> bool:
    return unicodedata.category(chr(code)) == "Mn"


def is_mark(text: np.ndarray) -> np.ndarray:
    """Whether each glyph's text (a str column) begins with a non-spacing (combining) mark. Latin text costs
    one comparison; other scripts a look-up per distinct character."""
    if not len(text):
        return np.zeros(0, dtype=bool)
    if text.dtype.itemsize == 4:  # one character each: its code, without a Python step per glyph
        codes = text.view(np.uint32)
    else:
        codes = np.array([ord(t[0]) if t else 0 for t in text.tolist()], dtype=np.uint32)
    high = codes >= FIRST_MARK
    if not high.any():
        return high
    marks = [c for c in np.unique(codes[high]).tolist() if _is_mark_code(c)]
    return np.isin(codes, marks) if marks else np.zeros(len(codes), dtype=bool)


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
