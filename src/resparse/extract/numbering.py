"""Word's automatic numbering: the label a numbered paragraph is printed with, computed as Word computes it.

A paragraph is numbered by its `w:numPr` (list instance `numId`, level `ilvl`), given directly or by its
style. The instance (`w:num`) points to a list definition (`w:abstractNum`) whose levels give the start
value, the number format and the label text (`lvlText`, where `%1` … `%9` stand for the current value
of levels 1 … 9: `%1.`, `(%2)`, `%1.%2`). Counting follows Word: instances of one definition share its
counters; a level's counter restarts after a paragraph of a higher level (or of the level its
`lvlRestart` names; `0` never restarts); an instance's `startOverride` restarts a level at its first
paragraph. UN documents number operative paragraphs `1.`, items `(a)` and sub-items `(i)` this way
(un-conventions §2.3, §2.4) as often as they type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
LEVEL_REF = re.compile(r"%([1-9])")
# Bullets drawn from a symbol font (Symbol, Wingdings) are private-use code points; printed, a bullet.
BULLET = "•"
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(W + "val", default)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def letters(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa …"""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """`n` in a `w:numFmt` (the formats UN documents use; any other is printed in digits)."""
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n) if n > 0 else str(n)
    if fmt == "upperRoman":
        return roman(n).upper() if n > 0 else str(n)
    if fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # the level (1-based) after which this one restarts; 0 never; None any higher
    legal: bool = False  # `w:isLgl`: every level printed in digits


def _level(el: etree._Element) -> Level:
    restart = el.find(W + "lvlRestart")
    return Level(
        start=_int(_val(el.find(W + "start")), 1),
        fmt=_val(el.find(W + "numFmt"), "decimal") or "decimal",
        text=_val(el.find(W + "lvlText"), "") or "",
        restart=None if restart is None else _int(_val(restart), 0),
        legal=el.find(W + "isLgl") is not None and _val(el.find(W + "isLgl"), "1") not in ("0", "false"),
    )


@dataclass
class Numbering:
    """The list definitions of a document's `numbering.xml`, and the counters of the paragraphs read so far."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)  # instances whose overrides have been applied

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        links: dict[str, str] = {}
        for ab in root.iter(W + "abstractNum"):
            key = ab.get(W + "abstractNumId", "")
            numbering.abstract[key] = {_int(lv.get(W + "ilvl"), 0): _level(lv) for lv in ab.findall(W + "lvl")}
            link = ab.find(W + "numStyleLink")
            if link is not None:
                links[key] = _val(link) or ""
        for num in root.iter(W + "num"):
            key = num.get(W + "numId", "")
            numbering.instances[key] = _val(num.find(W + "abstractNumId"), "") or ""
            over: dict[int, tuple[int | None, Level | None]] = {}
            for lo in num.findall(W + "lvlOverride"):
                start = lo.find(W + "startOverride")
                lvl = lo.find(W + "lvl")
                over[_int(lo.get(W + "ilvl"), 0)] = (
                    None if start is None else _int(_val(start), 1), None if lvl is None else _level(lvl))
            numbering.overrides[key] = over
        numbering._follow_style_links(links, root)
        return numbering

    def _follow_style_links(self, links: dict[str, str], root: etree._Element) -> None:
        """A definition that only links to a numbering style takes the levels of the definition that
        style defines (`w:styleLink`)."""
        defined = {}
        for ab in root.iter(W + "abstractNum"):
            link = ab.find(W + "styleLink")
            if link is not None:
                defined[_val(link)] = ab.get(W + "abstractNumId", "")
        for key, style in links.items():
            target = defined.get(style)
            if target is not None and target != key and not self.abstract.get(key):
                self.abstract[key] = self.abstract.get(target, {})

    def _level_of(self, num_id: str, ilvl: int) -> Level | None:
        over = self.overrides.get(num_id, {}).get(ilvl)
        if over is not None and over[1] is not None:
            return over[1]
        return self.abstract.get(self.instances.get(num_id, ""), {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list instance `num_id` at level `ilvl`, counting it ("" for an
        instance that does not exist or numId 0, Word's "no numbering")."""
        abstract_id = self.instances.get(num_id)
        if num_id in ("", "0") or abstract_id is None or not 0 <= ilvl < LEVELS:
            return ""
        level = self._level_of(num_id, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, (start, _) in self.overrides.get(num_id, {}).items():
                if start is not None and 0 <= lv < LEVELS:
                    counters[lv] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (level.start if current is None else current + 1)
        for deeper in range(ilvl + 1, LEVELS):
            lv = self._level_of(num_id, deeper)
            restart = None if lv is None else lv.restart
            if restart is None or (restart != 0 and restart - 1 >= ilvl):
                counters[deeper] = None
        return self._render(num_id, level, counters)

    def _render(self, num_id: str, level: Level, counters: list[int | None]) -> str:
        if level.fmt == "bullet":
            return PRIVATE_USE.sub(BULLET, level.text).strip() or BULLET

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = self._level_of(num_id, k) or Level()
            n = counters[k] if counters[k] is not None else lv.start
            return format_number(n, "decimal" if level.legal and lv.fmt != "none" else lv.fmt)

        return LEVEL_REF.sub(value, level.text).strip()
