"""Find and normalise the citations in one unit's text (a paragraph, an item or a footnote).

`find_citations` runs the rules below in order. Each rule claims the character span of what it
finds, and later rules skip anything that overlaps a claimed span, so a symbol inside a URL or
inside an Official Records parenthesis is a field of that citation, not a second citation:

    url → official_records → treaty → ibid → resolution/decision → symbol

The module is pure: text in, citations out. It knows nothing about pages or document structure;
the caller passes the issuing body of the citing document (for "its resolution 75/138") and the
citations of the earlier footnotes (for "Ibid.").

Choices worth knowing:

- A joint symbol (`A/79/552-S/2024/767`) is ONE citation: `symbol` is the whole joint symbol,
  `symbols` its parts, and the link points at the first part (undocs.org serves a joint document
  under each of its symbols).
- An abbreviated follow-on (`A/61/L.45 and Add.1`) is a citation of its own, whose `text` is
  `Add.1` and whose symbol is completed from the one before (`A/61/L.45/Add.1`).
- A resolution list (`resolutions 70/1 and 70/299`) gives one citation per number; the first
  one's `text` starts at the body or keyword, the others' at their number.
- `pinpoint` is read from the text right after a citation (`, annex II`, `, para. 6`) but is not
  part of its `text`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from . import patterns as P
from .model import Citation

_WS = re.compile(r"\s+")


def find_citations(
    text: str,
    *,
    context_body: str | None = None,
    previous: list[list[Citation]] | None = None,
) -> list[Citation]:
    """The citations in `text`, in order of their offsets.

    `context_body` is the issuing organ of the citing document ("General Assembly", "Security
    Council", "Economic and Social Council", "Human Rights Council", or any other name); it
    decides the body of "its resolution 75/138" or of a bare "resolution 2242 (2015)" when the
    number's form allows it. `previous` holds the citations of the earlier footnotes, oldest
    first; an `Ibid.` repeats the first citation of the latest one that has any.
    """
    finder = _Finder(text, _context(context_body) if context_body else None, previous or [])
    return finder.run()


def _context(name: str) -> str:
    """The canonical body of the citing document, also from its name as its formula prints it, with an
    article and a comma ("إن المجلس الاقتصادي والاجتماعي،", "经济及社会理事会，")."""
    body = canonical_body(name)
    if body in P.BODY_NAMES or body.lower() in P.BODY_ABBREVIATIONS:
        return body
    known = P.KNOWN_BODY_AT_END.search(_collapse(name).rstrip(P.NAME_TRAILING))
    return canonical_body(known["body"]) if known else body


def canonical_body(name: str) -> str:
    """The canonical name of a body as printed ("Human Rights\\nCouncil" -> "Human Rights Council")."""
    collapsed = _collapse(name)
    key = collapsed.lower()
    return P.KNOWN_BODY_ALIASES.get(key) or P.BODY_ABBREVIATIONS.get(key) or collapsed


def canonical_symbol(raw: str) -> str:
    """The canonical display form of a (possibly joint) symbol.

    Whitespace collapsed, one space before an SC year / GA session in parentheses and before a
    resolution part letter, modifiers in canonical case: `S/RES/1373(2001)` -> `S/RES/1373 (2001)`,
    `A/54/L.74/ADD.1` -> `A/54/L.74/Add.1`, `A/RES/68/247B` -> `A/RES/68/247 B`.
    """
    return "-".join(_canonical_single(part) for part in split_joint(raw))


def split_joint(raw: str) -> list[str]:
    """The single symbols of a joint symbol (`A/79/552-S/2024/767` -> two); one item otherwise."""
    return [p for p in P.JOINT_SPLIT.split(_WS.sub(" ", raw.strip())) if p]


def symbol_link(symbol: str) -> str | None:
    """`https://undocs.org/<symbol>` (spaces removed) for series undocs.org serves, else None."""
    first = split_joint(symbol)[0]
    if first.split("/", 1)[0] not in P.UNDOCS_SERIES:
        return None
    return P.UNDOCS + first.replace(" ", "")


def symbol_is_plausible(raw: str) -> bool:
    """A candidate is a symbol only if some component has a digit (`SLA/AW`, `ISIL/Da` are not)
    and a one-letter first component is a real series (`A/`, `S/`, `E/`, `T/`; not `G/36`)."""
    for part in split_joint(raw):
        first = part.split("/", 1)[0]
        if len(first) == 1 and first not in P.SINGLE_LETTER_SERIES:
            return False
    return any(ch.isdigit() for ch in raw)


# ---------------------------------------------------------------------------------------------


def _collapse(s: str) -> str:
    return _WS.sub(" ", s).strip()


# A single symbol: its components (one before the last may carry a parenthesised session, as in
# "TD/B/WP(XXXV)/MISC.1"), then the SC year or GA session in parentheses and a resolution part letter.
_SINGLE = re.compile(
    r"^(?P<base>(?:[^\s(/]+(?:\([^)\s]*\))?/)*[^\s(/]+?)(?:\s*\((?P<paren>[^)]*)\))?(?:\s*(?P<part>[A-H](?:-[A-H])?))?$"
)
_GLUED_PART = re.compile(r"^(?P<num>\d+)(?P<part>[A-H])$")


def _canonical_single(raw: str) -> str:
    raw = _WS.sub(" ", raw.strip())
    m = _SINGLE.match(raw)
    if not m:
        return raw
    comps = m["base"].split("/")
    out = [comps[0]]
    for comp in comps[1:]:
        mod = P.MODIFIER.match(comp)
        num = P.UPPER_NUMBERED.match(comp)
        if mod:
            comp = f"{P.CANONICAL_MODIFIERS[mod[1].lower()]}.{mod[2]}"
        elif num:
            comp = f"{num[1].upper()}.{num[2]}"
        out.append(comp)
    part = m["part"]
    is_resolution = "RES" in comps[1:-1]
    glued = _GLUED_PART.match(out[-1]) if is_resolution else None
    if glued and not part:
        out[-1], part = glued["num"], glued["part"]
    text = "/".join(out)
    if part:
        text += f" {part}"
    if m["paren"] is not None:
        text += f" ({m['paren'].strip()})"
    return text


def iso_date(day: str, month: str, year: str) -> str | None:
    """`19`, `September`, `2025` → `2025-09-19`; None for a date that does not exist."""
    number = P.MONTHS.get(re.sub(r"\s*/\s*", "/", _collapse(month)).lower())  # "تموز/ يوليه"
    return iso_numeric_date(year, number, day) if number else None


def _ymd_date(text: str | None) -> str | None:
    """`2015年9月25日` → `2015-09-25` (`dates.ymd_forms`: year, month and day, in that order)."""
    for form in P.YMD_DATES if text else ():
        if d := form.fullmatch(text):
            return iso_numeric_date(*d.groups())
    return None


def iso_numeric_date(year: str | int, month: str | int, day: str | int) -> str | None:
    """The ISO date of numbers printed year first (`2015`, `9`, `25`); None for a date that does not exist."""
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@dataclass
class _Number:
    """One parsed resolution/decision number."""

    form: str  # unfccc | session | paren-year | paren-roman | dotted | bare
    number: str  # normalised
    first: str  # the part before the slash (session forms), else the leading integer
    multipart: bool = False
    # The number as its document's symbol writes it, where that differs: parts A and B, A to B, A-B are the
    # range "A-B" (`A/RES/70/93 A-B`), as in the masthead grammar.
    in_symbol: str | None = None

    @property
    def year_style(self) -> bool:
        return self.form == "session" and self.first.isdigit() and (
            P.YEAR_STYLE_MIN <= int(self.first) <= P.YEAR_STYLE_MAX
        )


_PAREN_PARTS = re.compile(r"^(?P<n>\d+)\s?(?P<part>[A-H])?\s?\((?P<inner>[^)]*)\)$")
_SESSION_PARTS = re.compile(r"^(?P<n>(?:S-|ES-)?\d+/\d+)\s?(?P<rest>[A-H].*)?$")
# Two parts of one resolution: "A and B", "A to C", "A-B".
_PART_PAIR = re.compile(r"^(?P<a>[A-H])\s?(?:(?P<word>and|to)|-)\s?(?P<b>[A-H])$")


def _part_range(rest: str) -> str | None:
    """The range of parts that `rest` names ("A and B" → "A-B"); None where it is no range ("A and C")."""
    m = _PART_PAIR.match(rest)
    if m is None or m["b"] <= m["a"] or (m["word"] == "and" and ord(m["b"]) != ord(m["a"]) + 1):
        return None
    return f"{m['a']}-{m['b']}"


def _parse_number(m: re.Match[str]) -> _Number:
    if m["unfccc"]:
        return _Number("unfccc", m["unfccc"], m["unfccc"].split("/")[0])
    if m["session"]:
        s = _collapse(m["session"])
        parts = _SESSION_PARTS.match(s)
        assert parts is not None
        rest = parts["rest"]
        number = parts["n"] + (f" {rest}" if rest else "")
        multipart = bool(rest and len(rest) > 1)
        span = _part_range(rest) if multipart else None
        return _Number("session", number, m["first"], multipart=multipart,
                       in_symbol=f"{parts['n']} {span}" if span else None)
    if m["paren"]:
        p = _PAREN_PARTS.match(_collapse(m["paren"]))
        assert p is not None
        number = p["n"] + (f" {p['part']}" if p["part"] else "") + f" ({p['inner']})"
        return _Number("paren-year" if m["year"] else "paren-roman", number, p["n"])
    if m["dotted"]:
        return _Number("dotted", m["dotted"], m["dotted"].split(".")[0])
    return _Number("bare", m["bare"], m["bare"])


def _fits(body: str, num: _Number) -> bool:
    """Whether a body implied by context (not printed) can have issued a number of this form."""
    if body == P.SECURITY_COUNCIL:
        return num.form in ("paren-year", "bare")
    if num.form in ("paren-year", "bare", "unfccc"):
        return False
    if body == P.GENERAL_ASSEMBLY:
        return num.form == "paren-roman" or (num.form == "session" and not num.year_style)
    if body == P.HUMAN_RIGHTS_COUNCIL:
        return num.form == "session" and not num.year_style
    if body == P.ECOSOC:
        return num.year_style or num.form == "paren-roman"
    if body == P.WORLD_HEALTH_ASSEMBLY:
        return num.form == "dotted"
    return True


def _derive_symbol(kind: str, body: str | None, num: _Number) -> str | None:
    if num.multipart and num.in_symbol is None:
        return None
    if num.in_symbol is not None:
        num = replace(num, number=num.in_symbol)
    if kind == "resolution":
        if body == P.GENERAL_ASSEMBLY and (
            num.form == "paren-roman" or (num.form == "session" and not num.year_style)
        ):
            return f"A/RES/{num.number}"
        if body == P.SECURITY_COUNCIL and num.form == "paren-year":
            return f"S/RES/{num.number}"
        if body == P.HUMAN_RIGHTS_COUNCIL and num.form == "session" and not num.year_style:
            return f"A/HRC/RES/{num.number}"
        if body == P.ECOSOC and num.year_style:
            return f"E/RES/{num.number}"
    elif body == P.HUMAN_RIGHTS_COUNCIL and num.form == "session" and not num.year_style:
        return f"A/HRC/DEC/{num.number}"
    return None


@dataclass(frozen=True)
class _Item:
    """One number of a resolution/decision list, where it stands and what is printed with it."""

    start: int
    end: int
    num: _Number
    body: str | None
    date: str | None
    pinpoint: str | None
    trailing: str | None = None  # the body printed after the number


# Sentinel: a short body name ("Council") printed but not resolvable to one body.
_UNRESOLVED = "?"


class _Finder:
    def __init__(self, text: str, context: str | None, previous: list[list[Citation]]):
        self.text = text
        self.context = context
        self.previous = previous
        self.claimed: list[tuple[int, int]] = []
        self.found: list[Citation] = []
        # (end, body) of the latest resolution/decision list, for "..., and resolution S-23/3".
        self._last_resolution: tuple[int, str | None] | None = None

    def run(self) -> list[Citation]:
        for rule in (self._urls, self._official_records, self._treaties, self._ibids,
                     self._keyword_after, self._resolutions, self._symbols):
            rule()
        return sorted(self.found, key=lambda c: c.offset)

    # -- bookkeeping ------------------------------------------------------------------------

    def _free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.claimed)

    def _claim(self, start: int, end: int) -> None:
        self.claimed.append((start, end))

    def _add(self, kind: str, start: int, end: int, **fields) -> Citation:
        cite = Citation(kind=kind, text=self.text[start:end], offset=start, **fields)
        self.found.append(cite)
        return cite

    def _pinpoint(self, pos: int) -> tuple[str | None, int]:
        m = P.PINPOINT.match(self.text, pos)
        if not m:
            return None, pos
        return _collapse(m.group().lstrip(", \n")), m.end()

    # -- URLs -----------------------------------------------------------------------------------

    def _urls(self) -> None:
        for m in P.URL.finditer(self.text):
            start, end = m.start(), m.end()
            if not self._free(start, end):
                continue
            url = m.group()
            while url and (c := P.URL_CONTINUATION.match(self.text, end)):
                newline = "\n" in c["gap"]
                allowed = P.URL_CONTINUES_AFTER_NEWLINE if newline else P.URL_CONTINUES_AFTER_SPACE
                more = c["more"].rstrip(P.URL_TRAILING)
                if url[-1] not in allowed or not more:
                    break
                if url[-1] not in P.URL_BROKEN_WORD and not P.URL_CONTINUATION_LOOKS_LIKE_URL.search(more):
                    break
                url += c["more"]
                end = c.end()
            stripped = url.rstrip(P.URL_TRAILING)
            while stripped.endswith((")", "]")) and stripped.count("(") + stripped.count("[") < (
                stripped.count(")") + stripped.count("]")
            ):
                stripped = stripped[:-1].rstrip(P.URL_TRAILING)
            end -= len(url) - len(stripped)
            url = stripped
            if url.lower().startswith("www."):
                url = "https://" + url
            symbol = self._symbol_in_url(url)
            self._claim(start, end)
            self._add("url", start, end, url=url, symbol=symbol, target=url)

    @staticmethod
    def _symbol_in_url(url: str) -> str | None:
        m = P.URL_SYMBOL_PATH.match(url) or P.URL_SYMBOL_QUERY.search(url)
        if not m:
            return None
        raw = re.sub(r"%28", "(", re.sub(r"%29", ")", m["sym"], flags=re.I), flags=re.I).rstrip("/")
        raw = re.sub(r"(?<=[^\s/])\(", " (", raw)
        if not P.SYMBOL_EXACT.match(raw) or not symbol_is_plausible(raw):
            return None
        return canonical_symbol(raw)

    # -- Official Records -----------------------------------------------------------------------

    def _official_records(self) -> None:
        for code, m in sorted(
            ((code, m) for code, pattern in P.OFFICIAL_RECORDS for m in pattern.finditer(self.text)),
            key=lambda cm: cm[1].start(),
        ):
            start, end = m.start(), m.end()
            if not self._free(start, end):
                continue
            symbols: list[str] = []
            inner = "inner" if m["inner"] is not None else "inner_sq" if m["inner_sq"] is not None else None
            if inner:
                symbols = [s for s, _, _ in self._symbol_run(m[inner])]
                if not symbols:  # "(United Nations publication, Sales No. ...)": not ours
                    end = m.start(inner) - 1
                    end = len(self.text[:end].rstrip())
            organ = canonical_body(m["organ"])
            session = P.ordinal_value(m["ordinal"], code) if m.groupdict().get("ordinal") else None
            groups = m.groupdict()
            year = int(groups["year"]) if groups.get("year") else None
            volume = groups.get("volume")
            supplement = groups.get("supplement")
            symbol = symbols[0] if symbols else None
            if symbol:
                target = symbol
            else:
                bits = [f"Official Records of the {organ}"]
                if session is not None:
                    bits.append(f"session {session}")
                if year is not None:
                    bits.append(str(year))
                if volume:
                    bits.append(f"vol. {volume}")
                if supplement:
                    bits.append(f"Supplement No. {supplement}")
                target = ", ".join(bits)
            pinpoint, pin_end = self._pinpoint(end)
            self._claim(start, max(end, pin_end))
            self._add(
                "official_records", start, end, organ=organ, session=session, year=year, volume=volume,
                supplement=supplement, symbol=symbol, symbols=tuple(symbols) if len(symbols) > 1 else None,
                url=symbol_link(symbol) if symbol else None, pinpoint=pinpoint, target=target,
            )

    # -- United Nations Treaty Series -----------------------------------------------------------

    def _treaties(self) -> None:
        for m in P.TREATY.finditer(self.text):
            start, end = m.start(), m.end()
            if not self._free(start, end):
                continue
            vols = tuple(v for v in P.VOLUME_LIST_SPLIT.split(m["vols"].strip()) if v)
            number = m["no"]
            pinpoint, pin_end = self._pinpoint(end)
            self._claim(start, max(end, pin_end))
            self._add(
                "treaty", start, end, volume=vols[0], volumes=vols if len(vols) > 1 else None,
                treaty_number=number, pinpoint=pinpoint, target=_treaty_target(vols[0], number),
            )

    # -- Ibid. ----------------------------------------------------------------------------------

    def _ibids(self) -> None:
        for m in P.IBID.finditer(self.text):
            start, end = m.start(), m.end()
            if not self._free(start, end):
                continue
            pinpoint, pin_end = self._pinpoint(end)
            self._claim(start, pin_end)
            origin = next((cites[0] for cites in reversed(self.previous) if cites), None)
            fields = origin.normalised() if origin else {}
            fields.pop("pinpoint", None)
            for key in ("symbols", "volumes"):
                if key in fields:
                    fields[key] = tuple(fields[key])
            if origin is not None and (origin.repeats or origin.kind != "ibid"):  # an Ibid. of an unknown one: none
                fields["repeats"] = origin.repeats or origin.kind
            if m["volume"]:
                fields["volume"] = m["volume"]
                fields.pop("volumes", None)
            if m["no"]:
                fields["treaty_number"] = m["no"]
            if fields.get("repeats") == "treaty":
                fields["target"] = _treaty_target(fields.get("volume"), fields.get("treaty_number"))
            fields["pinpoint"] = pinpoint
            self._add("ibid", start, end, **fields)

    # -- Resolutions and decisions --------------------------------------------------------------

    def _resolutions(self) -> None:
        text = self.text
        pos = 0
        while m := P.CITATION_HEAD.search(text, pos):
            pos = m.end()
            if not self._free(m.start(), m.end()):
                continue
            kind = "resolution" if m["res"] else "decision"
            printed = m["body"] or m["body_after_kw"]
            named = self._named_body(printed) if printed else None
            its_body = self._its_body(m) if m["its"] else None
            inherited = None
            if not printed and not m["its"] and self._last_resolution is not None:
                prev_end, prev_body = self._last_resolution
                if prev_end <= m.start() and P.SAME_BODY_CONNECTOR.match(text[prev_end:m.start()]):
                    inherited = prev_body
            items: list[_Item] = []
            cursor = _WS.match(text, pos).end()  # the lookahead guarantees whitespace
            while True:
                nm = P.NUMBER.match(text, cursor)
                if not nm:
                    break
                if self._on_furniture_line(nm.start()):
                    break
                num = _parse_number(nm)
                end = nm.end()
                trailing_body, date = None, None
                for _ in range(2):
                    if date is None and (d := P.DATE_AFTER_NUMBER.match(text, end)):
                        date, end = iso_date(d["day"], d["month"], d["year"]), d.end()
                    elif trailing_body is None and (b := P.BODY_AFTER_NUMBER.match(text, end)):
                        trailing_body, end = canonical_body(b["body"]), b.end()
                body = self._body_for(num, trailing_body, named, its_body, inherited)
                if num.form == "bare" and body != P.SECURITY_COUNCIL:
                    break
                pinpoint, after = self._pinpoint(end)
                items.append(_Item(nm.start(), end, num, body, date, pinpoint, trailing_body))
                sep = P.LIST_SEPARATOR.match(text, after)
                if not sep:
                    break
                cursor = sep.end()
            if not items:
                continue
            # A body printed after the last number of a list is the body of them all, as printed before the
            # first one: "les résolutions 1514 (XV) et 1541 (XV) de l’Assemblée générale".
            last_body = items[-1].trailing
            if last_body and not named and not its_body:
                items = [it if it.trailing else replace(it, body=last_body) for it in items]
            self._emit(kind, m.start(), items)
            pos = max(pos, items[-1].end)

    def _emit(self, kind: str, start: int, items: list[_Item]) -> None:
        """One citation per number of a list; the first one's text starts at `start` (its body or keyword)."""
        for i, it in enumerate(items):
            symbol = _derive_symbol(kind, it.body, it.num)
            number = it.num.number
            target = symbol or (f"{it.body} {kind} {number}" if it.body else f"{kind} {number}")
            self._add(
                kind, start if i == 0 else it.start, it.end, body=it.body, number=number, date=it.date,
                symbol=symbol, url=symbol_link(symbol) if symbol else None, pinpoint=it.pinpoint, target=target,
            )
        first = min(start, items[0].start)
        last = max(it.end for it in items)
        _, pin_end = self._pinpoint(last)
        self._claim(first, max(last, pin_end))
        self._last_resolution = (max(last, pin_end), items[-1].body)

    def _keyword_after(self) -> None:
        """Lists whose keyword follows the numbers: "大会2015年9月25日第70/1号决议"."""
        for m in P.KEYWORD_AFTER_LIST.finditer(self.text):
            if not self._free(m.start(), m.end()):
                continue
            kind = "resolution" if m["res"] else "decision"
            start, named, gap_date = m.start(), None, None
            window_start = max(0, m.start() - P.KEYWORD_AFTER_LOOKBACK)
            window = self.text[window_start: m.start()]
            for end in reversed([e.end() for e in P.CLAUSE_END.finditer(window)][-1:]):
                window, window_start = window[end:], window_start + end
            for b in reversed(list(P.KEYWORD_AFTER_BODY.finditer(window))):
                gap = P.KEYWORD_AFTER_GAP.fullmatch(window, b.end())
                if gap and self._free(window_start + b.start(), m.start()):
                    start = window_start + b.start()
                    named = self._named_body(b["body"]) if b["body"] else None
                    gap_date = gap["date"]
                    break
            items: list[_Item] = []
            for i, it in enumerate(P.KEYWORD_AFTER_ITEM.finditer(self.text, m.start(), m.start("kw"))):
                nm = P.NUMBER.fullmatch(_collapse(it["num"]))
                if not nm:
                    continue
                num = _parse_number(nm)
                body = self._body_for(num, None, named, None, None)
                if num.form == "bare" and body != P.SECURITY_COUNCIL:
                    continue
                date_text = it["date"] or (gap_date if i == 0 else None)
                items.append(_Item(it.start(), it.end(), num, body, _ymd_date(date_text), None))
            if items:
                items[-1] = replace(items[-1], end=m.end())
                self._emit(kind, start, items)

    def _named_body(self, printed: str) -> str:
        """The body a printed name stands for; `_UNRESOLVED` for a short name that fits nothing."""
        name = canonical_body(printed)
        if name not in P.SHORT_BODY_NAMES:
            return name
        name = P.SHORT_BODY_OF[name]
        if self.context and name in self.context.split():
            return self.context
        if name == "Assembly":
            return P.GENERAL_ASSEMBLY
        return _UNRESOLVED

    def _its_body(self, m: re.Match[str]) -> str | None:
        """The body "its" refers to when the sentence names one ("the Council, in its resolution")."""
        window = self.text[max(0, m.start() - P.ITS_LOOKBACK): m.start()]
        before = P.BODY_BEFORE_ITS.search(window)
        if before:
            named = self._named_body(before["body"])
            return None if named == _UNRESOLVED else named
        if re.search(r"\b[Bb]y\s+\Z", window):
            after = P.BODY_AFTER_ITS.match(self.text, self._item_end_after(m.end()))
            if after:
                return canonical_body(after["body"])
        return None

    def _item_end_after(self, pos: int) -> int:
        nm = P.NUMBER.match(self.text, _WS.match(self.text, pos).end())
        return nm.end() if nm else pos

    def _on_furniture_line(self, pos: int) -> bool:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return bool(P.PAGE_FURNITURE_LINE.match(self.text[start: end if end >= 0 else len(self.text)]))

    def _body_for(
        self, num: _Number, trailing: str | None, named: str | None, its_body: str | None,
        inherited: str | None,
    ) -> str | None:
        if trailing:
            return trailing
        if num.form == "unfccc":
            return P.UNFCCC_BODIES[num.number.split("/")[1].split(".")[0]]
        if named == _UNRESOLVED:
            if num.form in ("paren-year", "bare"):
                return P.SECURITY_COUNCIL
            return P.ECOSOC if num.year_style else None
        if named:
            return named
        if num.form == "paren-year":
            return P.SECURITY_COUNCIL
        if its_body:
            return its_body
        if inherited and _fits(inherited, num):
            return inherited
        if self.context and _fits(self.context, num):
            return self.context
        return None

    # -- Symbols --------------------------------------------------------------------------------

    def _symbols(self) -> None:
        for m in P.SYMBOL.finditer(self.text):
            if not self._free(m.start(), m.end()):
                continue
            for symbol, start, end, reissue in self._symbol_chain(self.text, m):
                self._claim(start, end)
                parts = split_joint(symbol)
                self._add(
                    "symbol", start, end, symbol=symbol, symbols=tuple(parts) if len(parts) > 1 else None,
                    reissue=reissue, url=symbol_link(symbol), target=symbol,
                    pinpoint=self._pinpoint(end)[0],
                )

    def _symbol_run(self, text: str) -> Iterable[tuple[str, int, int]]:
        """Every symbol (with follow-ons) in a fragment, as (canonical, start, end)."""
        for m in P.SYMBOL.finditer(text):
            for symbol, start, end, _ in self._symbol_chain(text, m):
                yield symbol, start, end

    @staticmethod
    def _symbol_chain(text: str, m: re.Match[str]) -> list[tuple[str, int, int, str | None]]:
        """The symbol matched by `m`, then its abbreviated follow-ons ("and Add.1")."""
        raw = m["sym"]
        start = m.start("sym")
        end = m.end("sym")
        reissue = m["star"]
        last = split_joint(raw)[-1]
        if "/RES/" not in last:
            trimmed = re.sub(r"(?:\s?\([^)]*\))?(?:\s[A-H])?$", "", raw)
            if trimmed != raw:
                raw, end, reissue = trimmed, start + len(trimmed), None
        if not symbol_is_plausible(raw):
            return []
        symbol = canonical_symbol(raw)
        out = [(symbol, start, end + (len(reissue) if reissue else 0), reissue)]
        pos = out[0][2]
        base = symbol
        while f := P.FOLLOW_ON.match(text, pos):
            base = "-".join(_with_modifier(part, f["mod"]) for part in split_joint(base))
            out.append((base, f.start("mod"), f.end("mod"), None))
            pos = f.end()
        return out


def _with_modifier(symbol: str, modifier: str) -> str:
    """`A/61/L.45` + `Add.1` -> `A/61/L.45/Add.1`; `A/59/668/Add.7` + `Add.10` -> `A/59/668/Add.10`."""
    mod = P.MODIFIER.match(modifier)
    assert mod is not None
    kind = P.CANONICAL_MODIFIERS[mod[1].lower()]
    comps = symbol.split("/")
    if comps[-1].split(".")[0] == kind:
        comps = comps[:-1]
    return "/".join([*comps, f"{kind}.{mod[2]}"])


def _treaty_target(volume: str | None, number: str | None) -> str | None:
    if number:
        return f"UNTS No. {number}"
    if volume:
        return f"UNTS vol. {volume}"
    return None
