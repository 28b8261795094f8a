"""Right-to-left lines: from the order glyphs stand on the page to the order they are read.

A PDF holds glyphs where they are drawn, and engines (or the layout, which sorts a line's glyphs by position)
give them left to right: visual order. Arabic is read right to left, with runs of digits and Latin text
("1997/2", "A/52/3/Rev.1") read left to right inside it. The Unicode bidirectional algorithm (UAX #9) gives
the visual order of a logical text; applied to a visual line it gives back the logical one, for lines without
explicit embeddings (a PDF's text has none): runs are reversed level by level, and a run at one level is the
same run in both orders. This module resolves the levels (rules W1-W7, N1-N2, I1-I2, L1) and reorders (L2);
rules that look back along the text for a letter (W2, W7) are read from the neighbours in a visual line.

Mirrored glyphs are not mirrored again (rule L4): a writer's text layer may map a bracket drawn mirrored to
the character it shows or to the character it stands for, and engines differ (PDFium mirrors, pdfminer does
not), so a bracket's side is read from the text around it (`orient_pairs`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Bidi classes (UAX #9, table 4) as the rules below group them.
_STRONG = {"L", "R", "AL"}
_NEUTRAL = {"B", "S", "WS", "ON", "BN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_NUMBER = {"EN", "AN"}

# What opens and what closes a pair in right-to-left text: brackets (their forms as in left-to-right text: a
# writer mirrors their glyphs), and the quotation marks of Arabic, whose shape points to the quoted text (the
# UN's Arabic opens with U+201D and closes with U+201C; single marks likewise).
RTL_PAIRS = {"(": ")", "[": "]", "{": "}", "\u201d": "\u201c", "\u2019": "\u2018"}
# Pairs whose marks come in balanced pairs on a line (an apostrophe is a single quotation mark on its own).
BALANCED = {"(", "[", "{"}
_OPENING = {**{o: o for o in RTL_PAIRS}, **{c: o for o, c in RTL_PAIRS.items()}}
# Brackets, and the side of what they enclose their glyph shows when not mirrored (True: at its left).
_BRACKET_SIDE = {"(": True, "[": True, "{": True, ")": False, "]": False, "}": False}


@lru_cache(maxsize=4096)
def _bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "ON"


def strong_counts(text: str) -> tuple[int, int]:
    """The numbers of right-to-left and of left-to-right letters in `text`."""
    rtl = ltr = 0
    for ch in text:
        t = _bidi_class(ch)
        if t == "L":
            ltr += 1
        elif t in ("R", "AL"):
            rtl += 1
    return rtl, ltr


def line_is_rtl(visual: str, page_rtl: bool) -> bool:
    """Whether a visual line holding right-to-left letters is set right to left. A line starts with its first
    letter (UAX #9, P2), which stands at its left end when set left to right and at its right end when set
    right to left: letters of one direction at both ends decide. A line with a letter of each direction at its
    ends (an Arabic phrase ending in a Latin symbol, or the reverse) is set as most of its page is."""
    strong = [_bidi_class(ch) for ch in visual if _bidi_class(ch) in _STRONG]
    if not strong:
        return page_rtl
    left, right = strong[0] != "L", strong[-1] != "L"
    return left if left == right else page_rtl


def embedding_levels(text: str, base: int) -> list[int]:
    """The resolved embedding level of each character of `text` in a paragraph of level `base` (0: left to
    right, 1: right to left), by the implicit rules of UAX #9 (no explicit embeddings)."""
    n = len(text)
    if not n:
        return []
    sos = "R" if base % 2 else "L"
    types = [_bidi_class(ch) for ch in text]
    # W1: a non-spacing mark takes the type of the character before it.
    for i, t in enumerate(types):
        if t == "NSM":
            types[i] = types[i - 1] if i else sos
    visual_rtl = base % 2 and ("AL" in types or "R" in types)  # neighbours, not the text before, tell
    if visual_rtl:
        _attach_numbers_to_latin(types)
    else:
        # W2: European digits after Arabic letters are Arabic numbers.
        last = sos
        for i, t in enumerate(types):
            if t in _STRONG:
                last = t
            elif t == "EN" and last == "AL":
                types[i] = "AN"
    # W3: Arabic letters are R.
    types = ["R" if t == "AL" else t for t in types]
    # W4: one separator between two numbers of one kind joins them.
    for i in range(1, n - 1):
        t, a, b = types[i], types[i - 1], types[i + 1]
        if (t == "ES" and a == b == "EN") or (t == "CS" and a == b and a in _NUMBER):
            types[i] = a
    # W5: terminators (%, currency signs) next to European digits are digits.
    i = 0
    while i < n:
        if types[i] == "ET":
            j = i
            while j < n and types[j] == "ET":
                j += 1
            if (i and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
                types[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    # W6: other separators and terminators are neutral. W7: European digits after Latin letters are Latin.
    last = sos
    for i, t in enumerate(types):
        if t in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif t in ("L", "R"):
            last = t
        elif t == "EN" and last == "L" and not visual_rtl:
            types[i] = "L"
    if visual_rtl:
        _resolve_bracket_pairs(text, types)
    # N1, N2: a run of neutrals takes the direction on both its sides when they agree (numbers count as R),
    # the paragraph's direction when they do not.
    i = 0
    while i < n:
        if types[i] in _NEUTRAL:
            j = i
            while j < n and types[j] in _NEUTRAL:
                j += 1
            before = _direction(types[i - 1]) if i else sos
            after = _direction(types[j]) if j < n else sos
            types[i:j] = [before if before == after else sos] * (j - i)
            i = j
        else:
            i += 1
    # I1, I2: implicit levels.
    if base % 2:
        levels = [base + 1 if t in ("L", "EN", "AN") else base for t in types]
    else:
        levels = [base + 1 if t == "R" else base + 2 if t in _NUMBER else base for t in types]
    # L1: trailing white space takes the paragraph level.
    k = n
    while k and text[k - 1].isspace():
        k -= 1
        levels[k] = base
    return levels


def _attach_numbers_to_latin(types: list[str]) -> None:
    """Rules W2 and W7 for a visual line of a right-to-left paragraph: they ask for the strong letter before a
    number in reading order, which a visual line does not give (left of a number in an Arabic phrase stands
    the text read after it). A number set solid with Latin letters, only separators between ("E/2021/44",
    "Rev.1", "A/52/3"), is part of that Latin text (L); any other number is a number of the text around it,
    an Arabic number (AN) in Arabic text."""
    n = len(types)
    arabic = "AL" in types
    i = 0
    while i < n:
        if types[i] in ("EN", "CS", "ES", "ET"):
            j = i
            while j < n and types[j] in ("EN", "CS", "ES", "ET"):
                j += 1
            if (i and types[i - 1] == "L") or (j < n and types[j] == "L"):
                for k in range(i, j):
                    if types[k] == "EN":
                        types[k] = "L"
            elif arabic:  # W2: in Arabic text, digits are Arabic numbers ("4-15" is two numbers and a dash)
                for k in range(i, j):
                    if types[k] == "EN":
                        types[k] = "AN"
            i = j
        else:
            i += 1


def _resolve_bracket_pairs(text: str, types: list[str]) -> None:
    """Rule N0 for a visual line of a right-to-left paragraph: a pair of brackets takes one direction, R if it
    holds right-to-left text (or numbers), else L if it holds Latin text with Latin text beside it ("A/73/12
    (Part I)" inside Arabic), so that both its brackets stay with that text. Which brackets pair is read from
    where they are set, not from the characters (a writer or an engine may have mirrored them): a bracket set
    solid with a word on its right stands at the left of what it encloses, one solid with a word on its left at
    the right; a bracket set solid with another takes its side."""
    marks = [i for i, ch in enumerate(text) if ch in _BRACKET_SIDE]
    if len(marks) < 2:
        return
    left: dict[int, bool | None] = {}
    for i in marks:
        word_before = i > 0 and _is_word(text[i - 1])
        word_after = i + 1 < len(text) and _is_word(text[i + 1])
        left[i] = word_after if word_before != word_after else None
    for i in marks:  # set solid with another bracket: its side
        if left[i] is None:
            beside = [left.get(j) for j in (i - 1, i + 1) if left.get(j) is not None]
            left[i] = beside[0] if beside else _BRACKET_SIDE[text[i]]
    stack: list[int] = []
    for i in marks:
        if left[i]:
            stack.append(i)
        elif stack:
            _resolve_pair(types, stack.pop(), i)


def _resolve_pair(types: list[str], a: int, b: int) -> None:
    inside = {_direction(t) for t in types[a + 1:b] if t in _STRONG or t in _NUMBER}
    if "R" in inside:
        types[a] = types[b] = "R"
    elif "L" in inside:
        outside = [_first_strong(types, range(a - 1, -1, -1)), _first_strong(types, range(b + 1, len(types)))]
        types[a] = types[b] = "L" if "L" in outside else "R"


def _first_strong(types: list[str], indices: range) -> str | None:
    return next((_direction(types[i]) for i in indices if types[i] in _STRONG or types[i] in _NUMBER), None)


def _direction(t: str) -> str:
    return "L" if t == "L" else "R"


def reorder(levels: list[int]) -> list[int]:
    """The indices of the characters in display order (rule L2: from the highest level down to the lowest
    odd level, every run at that level or higher is reversed). Applied to a visual line, the logical order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    low_odd = min((lv for lv in levels if lv % 2), default=None)
    if low_odd is None:
        return order
    for level in range(max(levels), low_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def visual_to_logical(text: str, base: int = 1) -> list[int]:
    """The order in which the characters of a visual line are read: indices into `text`."""
    return reorder(embedding_levels(text, base))


def orient_pairs(text: str, pairs: dict[str, str] = RTL_PAIRS) -> str:
    """`text` (logical order) with each bracket or quotation mark of `pairs` given the side the text around
    it shows: an opening one stands before a word with no word right before it, a closing one after a word
    with none right after it (typography in every script). A bracket set solid between two words closes one
    opened before it, else opens; a quotation mark there (an apostrophe) keeps its form."""
    opening_of = _OPENING if pairs is RTL_PAIRS else {**{o: o for o in pairs}, **{c: o for o, c in pairs.items()}}
    if not any(ch in opening_of for ch in text):
        return text
    out = list(text)
    for i, ch in enumerate(text):
        opening = opening_of.get(ch)
        if opening is None:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        word_before = _is_word(before) or (before in opening_of and before not in pairs)
        word_after = _is_word(after) or after in pairs
        if word_after and not word_before:
            out[i] = opening
        elif word_before and not word_after:
            out[i] = pairs[opening]
        elif opening in BALANCED:  # a bracket set solid between two words ("(س)تعزيز"): it closes an open one
            out[i] = pairs[opening] if _open_before(out, i, opening, pairs[opening]) else opening
    return "".join(out)


def _open_before(chars: list[str], i: int, opening: str, closing: str) -> bool:
    """Whether a bracket opened before position `i` is still open there."""
    depth = 0
    for ch in chars[:i]:
        if ch == opening:
            depth += 1
        elif ch == closing and depth:
            depth -= 1
    return depth > 0


def _is_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")
