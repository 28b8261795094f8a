"""Page-1 masthead and heading block → metadata (un-conventions §1, §3.1).

Reads the lines printed before the text proper: symbol, issuing body, distribution, date, language
lines, session, agenda item, the document-type heading, sponsors, number and title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from ..citations.find import canonical_symbol, iso_numeric_date, split_joint
from ..citations.find import iso_date as parse_date
from ..model.document import Metadata
from ..model.text import UNREADABLE_GLYPH, Line
from ..settings import DEFAULT_SETTINGS, StructureSettings
from . import patterns as P

# Texts in a non-Latin script (`detect.script_forms`): its letters make up most of the text (a quoted title
# does not count; `StructureSettings.script_majority`).
SCRIPTS = P.SCRIPTS
DEFAULT_STRUCTURE = DEFAULT_SETTINGS.structure
# Where each masthead line stands and how it is set: `settings.StructureSettings`.
# The symbol's first component ("S", "A", "CTOC"), set large apart from the rest of the symbol.
SYMBOL_FIRST_COMPONENT = re.compile(r"[A-Z]{1,8}")


def iso_date(text: str) -> str | None:
    """The ISO date of the first date in `text`: day, month name and year, or year, month and day (2023年1月9日)."""
    m = P.DATE.search(text)
    if m:
        return parse_date(m.group(1), m.group(2), m.group(3))
    for rx in P.DATE_YMD:
        m = rx.search(text)
        if m:
            return iso_numeric_date(m.group(1), m.group(2), m.group(3))
    return None


def is_date(text: str) -> bool:
    """Whether `text` is a date and nothing else, in any language's form."""
    return bool(P.DATE.fullmatch(text)) or any(rx.fullmatch(text) for rx in P.DATE_YMD)


def _clean(text: str) -> str:
    return " ".join(text.split())


class FoundSymbols(NamedTuple):
    """The document's symbol in canonical form, all its symbols (a joint document has several), and the
    symbol line as printed (`S/RES/2786(2025)`, `A/78/L.102*`), for a reader who compares with the page."""

    symbol: str | None
    symbols: list[str]
    printed: str | None


def find_symbols(lines: Sequence[Line], page_height: float,
                 settings: StructureSettings = DEFAULT_STRUCTURE) -> FoundSymbols:
    """The symbol(s) printed in the top part of page 1: canonical, without a reissue star, and as printed."""
    zone = page_height * settings.symbol_zone_ratio
    top = sorted((ln for ln in lines if ln.top < zone), key=lambda ln: (ln.top, ln.x0))
    texts = []
    for ln in top:
        # The symbol's first letter is set large, apart from the rest: "S" + "/RES/2789 (2025)".
        rest = next(
            (
                o
                for o in top
                if o is not ln
                and o.text.startswith("/")
                and abs(o.x0 - ln.x1) < settings.symbol_letter_gap
                and o.top < ln.bottom
                and ln.top < o.bottom
            ),
            None,
        )
        if SYMBOL_FIRST_COMPONENT.fullmatch(ln.text.strip()) and rest is not None:
            texts.append(ln.text.strip() + _clean(rest.text))
        else:
            texts.append(_clean(ln.text))
    # A joint symbol may be split over two lines, the first ending with "-".
    joined: list[str] = []
    for t in texts:
        if joined and joined[-1].endswith("-"):
            joined[-1] += t
        else:
            joined.append(t)
    for t in joined:
        m = P.SYMBOL_LINE.match(t)
        if m and "/" in m.group(1):
            symbol = canonical_symbol(re.sub(r"\s*-\s*(?=[A-Z]+/)", "-", m.group(1)))
            parts = split_joint(symbol)
            return FoundSymbols(parts[0], parts, m.group(1) + m.group(2))
    return FoundSymbols(None, [], None)


def language_of(text: str, settings: StructureSettings = DEFAULT_STRUCTURE) -> str | None:
    """ISO 639-1 code of a text, from its script and most frequent short words."""
    letters = "".join(filter(str.isalpha, text))
    if len(UNREADABLE_GLYPH.findall(text)) > len(letters):  # unreadable glyphs tell no language
        return None
    if letters:
        for code, rx in SCRIPTS:
            if len(rx.findall(letters)) > settings.script_majority * len(letters):
                return code
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in P.STOPWORDS.items()}
    return max(scores, key=lambda k: scores[k]) if any(scores.values()) else None


NAMES_WITH_AND = list(P.NAMES_WITH_AND)


def _split_sponsors(text: str) -> list[str]:
    """`A, B and C` → [A, B, C]: the list's last two names are joined by "and", but names such as
    "Trinidad and Tobago" contain it too, so those are protected before splitting (§6.13)."""
    text = re.sub(r"[*]+", "", text).strip().rstrip(":").strip()
    protected = {}
    for k, name in enumerate(NAMES_WITH_AND):
        if name in text:
            key = f"\x00{k}\x00"
            protected[key] = name
            text = text.replace(name, key)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if parts:
        m = re.match(r"^(.*\S)\s+and\s+(\S.*)$", parts[-1])
        if m:
            parts[-1:] = [m.group(1), m.group(2)]
    out = []
    for p in parts:
        for key, name in protected.items():
            p = p.replace(key, name)
        out.append(p)
    return out


def _set_alike(a: Line, b: Line, settings: StructureSettings) -> bool:
    """Whether two lines are set alike, one under the other in one column: one name wrapped over lines."""
    return (abs(a.size - b.size) < settings.body_size_tolerance and a.bold == b.bold
            and abs(a.x0 - b.x0) <= settings.main_column_tolerance
            and 0 <= b.top - a.bottom <= settings.name_line_gap_ratio * a.size)


def _organ_lines(head: Sequence[Line], page_height: float, settings: StructureSettings) -> list[Line]:
    """The issuing organ's name (§1.1, item 3): the large type next to "United Nations", under the symbol,
    in the top part of page 1, with the lines set like it that carry it on (a long name, "Executive Board of
    the United Nations Development Programme, …", wraps past that part of the page)."""
    lines = sorted(head, key=lambda ln: (ln.top, ln.x0))
    found = [
        ln
        for ln in lines
        if ln.top < page_height * settings.organ_zone_ratio
        and ln.size >= settings.organ_min_size
        and not P.SYMBOL_LINE.match(_clean(ln.text))
        and not P.ORGANIZATION_LINE.match(_clean(ln.text))
        and len(_clean(ln.text)) >= settings.organ_min_chars
    ]
    if not found:
        return []
    taken = {id(ln) for ln in found}
    for ln in lines:  # in reading order, so that a name's third line follows its second
        if id(ln) not in taken and any(_set_alike(f, ln, settings) for f in found):
            found.append(ln)
            taken.add(id(ln))
    return sorted(found, key=lambda ln: (ln.top, ln.x0))


def _column_body_lines(head: Sequence[Line], texts: Sequence[str], settings: StructureSettings) -> list[Line]:
    """A body spelled out in the masthead's left column instead of an organ in large type (§1.1, item 8: a
    conference or committee, then the place and dates of its session, then the agenda line): the bold lines,
    set alike, right above the agenda line and the plain session, place or date lines before it (`texts`:
    the lines' cleaned texts)."""
    agenda = next((i for i, t in enumerate(texts) if P.AGENDA.match(t)), None)
    if agenda is None:
        return []
    i = agenda - 1
    while (i >= 0 and agenda - i <= settings.session_lines_max and not head[i].bold
           and (P.SESSION.match(texts[i]) or P.DATE.search(texts[i]))):
        i -= 1
    if i < 0 or not head[i].bold or i == agenda - 1:
        return []
    found = [head[i]]
    while i > 0 and _set_alike(head[i - 1], found[0], settings):
        i -= 1
        found.insert(0, head[i])
    return found


def read_masthead(
    head: Sequence[Line], furniture: Sequence[Line], page_height: float, body_text: str,
    settings: StructureSettings = DEFAULT_STRUCTURE,
) -> Metadata:
    """Metadata from the lines printed before the text and the first page's footer."""
    md = Metadata()
    md.symbol, md.symbols, md.symbol_printed = find_symbols(head, page_height, settings)
    texts = [_clean(ln.text) for ln in head]
    body_lines = _organ_lines(head, page_height, settings) or _column_body_lines(head, texts, settings)
    if body_lines:
        md.body = _clean(" ".join(ln.text for ln in body_lines))
    else:
        for t in texts:
            if any(t == o for o in P.ORGANS):
                md.body = t
                break
    for i, t in enumerate(texts):
        if md.distribution is None:
            m = P.DISTRIBUTION.match(t)
            if m:
                value = m.group(1) or (texts[i + 1] if i + 1 < len(texts) else "")
                md.distribution = value.strip().capitalize() if value else None
                continue
        if md.date is None and head[i].top < page_height * settings.date_zone_ratio and is_date(t):
            md.date = iso_date(t)
        m = P.ORIGINAL.match(t)
        if m and md.original_language is None:
            md.original_language = m.group(1).strip()
        if (md.session is None and P.SESSION.match(t) and len(t) < settings.session_max_chars
                and head[i].top > page_height * settings.session_min_top_ratio):
            md.session = t
        m = P.AGENDA.match(t)
        if m and not md.agenda_items:
            md.agenda_items = [a.strip() for a in re.split(r",\s*|\s+and\s+", m.group(1).rstrip("*")) if a.strip()]
    for ln in furniture:
        m = P.JOB_NUMBER.match(_clean(ln.text))
        if m and md.job_number is None:
            md.job_number = m.group(1)
            if m.group(2) and md.language is None:
                md.language = P.JOB_LANGUAGE.get(m.group(2))
    md.language = language_of(body_text, settings) or md.language
    return md


def read_heading_block(blocks: Sequence[str], md: Metadata,
                       settings: StructureSettings = DEFAULT_STRUCTURE) -> tuple[Metadata, dict[str, int]]:
    """Document type, number, title, sponsors and adoption from the heading blocks before the text.

    Returns `md` with what they give, and the index of the block that gave the title (key "title"), the
    number ("number") and the sponsor line ("sponsor").
    """
    where: dict[str, int] = {}
    found: dict[str, object] = {}
    dtype = None
    for i, t in enumerate(blocks):
        if P.ADOPTED_RESOLUTION.match(t):
            dtype = "resolution"
            found["adoption"] = t
        elif P.ADOPTED_DECISION.match(t):
            dtype = "decision"
            found["adoption"] = t
        elif P.SC_RESOLUTION_HEAD.match(t):
            dtype = "resolution"
            found["number"] = " ".join(P.SC_RESOLUTION_HEAD.match(t).group(1).split())
            where["number"] = i
        elif P.SC_ADOPTION.match(t):
            found["adoption"] = t
        m = P.SUBMITTED_BY.match(t)
        if m:
            found["submitted_by"] = m.group(1).strip()
            if P.DRAFT_DECISION.search(t[:settings.submission_kind_chars]):
                dtype = dtype or "draft_decision"
            elif P.DRAFT_RESOLUTION.search(t[:settings.submission_kind_chars]):
                dtype = dtype or "draft_resolution"
            where["sponsor"] = i
            continue
        m = P.SPONSOR_LINE.match(t)
        if m and not P.SUBMITTED_BY.match(t) and len(m.group(1)) < settings.sponsor_list_max_chars:
            found["sponsors"] = _split_sponsors(m.group(1))
            dtype = dtype or ("draft_decision" if P.DRAFT_DECISION.search(t) else "draft_resolution")
            where["sponsor"] = i
            continue
        m = P.RESOLUTION_NUMBER_TITLE.match(t)
        if m and "title" not in where:
            found["number"] = m.group(1)
            found["title"] = m.group(2)
            where["title"] = i
    symbol = md.symbol or ""
    if "/RES/" in symbol:
        dtype = "resolution"
    elif "/DEC/" in symbol:
        dtype = "decision"
    if dtype is None and "/L." in symbol:
        joined = " ".join(blocks)
        if P.DRAFT_DECISION.search(joined) and not P.DRAFT_RESOLUTION.search(joined):
            dtype = "draft_decision"
    found["document_type"] = dtype or "other"
    if found.get("number", md.number) is None and "/RES/" in symbol:
        found["number"] = symbol.split("/RES/", 1)[1]
    return replace(md, **found), where
