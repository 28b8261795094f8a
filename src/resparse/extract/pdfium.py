"""The PDFium engine (pypdfium2): positioned characters and rules of each page, read in C.

Text comes from PDFium's text page in one call per page; each glyph's text object and origin come from
one call each (the origin written straight into an array); what glyphs of one font, size and matrix
share (name, style) is read once for all of them, and an advance or a character-map check once per
character of a style. The rest is array arithmetic (`glyphs.Glyphs`). Geometry follows the conventions
of `model.text`: top-left origin, `bottom` at the glyph's baseline and `top` one font size above it,
`x1` at the glyph's advance.
"""

from __future__ import annotations

import collections
import ctypes
import functools
import itertools
import math
from collections.abc import Iterator

import numpy as np

from ..errors import Corrupt, Encrypted, TooLarge
from ..model.text import RTL_SCRIPT, UNMAPPED_GLYPH, Char, PageChars, Rule
from .glyphs import (
    UPRIGHT_MAX_SLANT,
    Glyphs,
    base_font_name,
    chars_from_glyphs,
    glyph_height,
    is_bold,
    is_italic,
    is_mark,
    is_upright,
)
from .pdf import RULE_MAX_THICKNESS, check_header, describe_exception
from .preflight import Preflight, preflight

# PDFium's load errors (FPDF_GetLastError) that mean encryption, not damage.
_PASSWORD_ERRORS = {4}  # FPDF_ERR_PASSWORD
_SECURITY_ERRORS = {6}  # FPDF_ERR_SECURITY: an unsupported security handler
# PDFium's other load errors, as the cause of a `corrupt` error.
_LOAD_ERRORS = {1: "PDFium cannot open it", 2: "the file cannot be read", 3: "not a PDF or damaged beyond repair"}
# Longest font name read from a font.
FONT_NAME_BUFFER = 256
# Points a path may deviate from an axis and still be an axis-aligned rule (PDFium keeps floats).
AXIS_TOLERANCE = 0.01
# PDFium reports a hyphen that ends a line (hyphen-minus or soft hyphen) as one of these (U+0002 glyph by glyph,
# U+FFFE in the page's text).
PDFIUM_HYPHEN_CODES = (0x02, 0xFFFE)
# Glyphs of one text object whose origins are closer than this (points) are drawn at one place: the letters of a
# ligature (Arabic lam-alef), a mark on its letter.
SAME_ORIGIN_TOLERANCE = 0.5


class PdfiumEngine:
    """PDFium (pypdfium2) backed engine."""

    name = "pdfium"

    def _open(self, data: bytes, name: str) -> tuple[object, Preflight]:
        import pypdfium2 as pdfium  # noqa: PLC0415 - imported where used, so `import resparse` stays light

        check_header(data, name)
        checked = preflight(data)
        try:
            return pdfium.PdfDocument(checked.data), checked
        except pdfium.PdfiumError as e:
            code = getattr(e, "err_code", None)
            if code in _PASSWORD_ERRORS:
                raise Encrypted(name, "the PDF is encrypted with a password; decrypt it first") from None
            if code in _SECURITY_ERRORS:
                raise Encrypted(name, "the PDF is encrypted with a security handler PDFium cannot open") from None
            raise Corrupt(name, f"damaged PDF: {_LOAD_ERRORS.get(code, 'PDFium cannot open it')}") from None

    def page_count(self, data: bytes, name: str) -> int:
        doc, _ = self._open(data, name)
        try:
            return len(doc)
        finally:
            doc.close()

    def pages(self, data: bytes, name: str, max_pages: int | None = None) -> Iterator[PageChars]:
        doc, checked = self._open(data, name)
        try:
            count = len(doc)
            if max_pages is not None and count > max_pages:
                raise TooLarge(name, f"{count} pages, more than the limit of {max_pages}")
            for number in range(1, count + 1):
                if number in checked.damaged_pages:
                    raise Corrupt(name, f"damaged page {number}: {checked.damaged_pages[number]}")
                try:
                    page = doc[number - 1]
                except Exception as e:
                    raise Corrupt(name, f"damaged page {number}: {describe_exception(e)}") from None
                try:
                    yield _read_page(page, number)
                finally:
                    page.close()
        finally:
            doc.close()


def _page_box(page) -> tuple[float, float, float, float]:
    """The page's media box (left, bottom, right, top) in PDF space; positions are measured from its top-left
    corner, as pdfminer measures them, so that both engines report the same page geometry."""
    left, bottom, right, top = page.get_mediabox()
    return left, bottom, right, top


def _read_page(page, number: int) -> PageChars:
    left, bottom, right, top = _page_box(page)
    chars = _read_chars(page, left, top)
    rules = _read_rules(page, left, top)
    return PageChars(number=number, width=right - left, height=top - bottom, chars=chars, rules=rules)


class _RunStyle:
    """What the glyphs of one font, size and text matrix share, read once for all of them (a page has a
    handful of these, and a hundred text objects)."""

    __slots__ = ("font", "hscale", "upright", "lean", "run", "widths", "_font_size")

    def __init__(self, R, font, font_size: float, m, name_buffer) -> None:  # noqa: N803 - the raw module
        self.font = font
        length = R.FPDFFont_GetBaseFontName(font, name_buffer, FONT_NAME_BUFFER) if font else 0
        name = base_font_name(name_buffer.value.decode("latin-1")) if length else ""
        # The glyph's height on the page: the font size scaled by the text and graphics matrices.
        size = round(font_size * glyph_height(m.a, m.b, m.c, m.d), 2)
        self.run = (name, size, is_bold(name), is_italic(name))  # the glyph rows' run
        self.hscale = math.hypot(m.a, m.b)
        self.upright = is_upright(m.a, m.b, m.c, m.d)
        # How far a glyph's top leans right for each point of its height (a font sheared to print italics).
        self.lean = m.c / m.d if m.d else 0.0
        self.widths: dict[str, float] = {}  # advance by character, filled by `measure`
        self._font_size = font_size

    def measure(self, R, text: str) -> float:  # noqa: N803
        """The advance on the page of the glyph PDFium reports as `text` (its width in the font, scaled),
        remembered in `widths`."""
        w = ctypes.c_float()
        ok = self.font and R.FPDFFont_GetGlyphWidth(self.font, ord(text[0]), ctypes.c_float(self._font_size), w)
        width = self.widths[text] = (w.value if ok else 0.0) * self.hscale
        return width


def _object_style(R, fast: _PerGlyphCalls, tpa: int, index: int, key: int, styles: dict,  # noqa: N803
                  name_buffer) -> _RunStyle:
    """The style of the text object at address `key`, shared with every object of its font, size and matrix."""
    font = fast.text_font(key)
    size = ctypes.c_float()
    fast.font_size(key, ctypes.addressof(size))
    m = R.FS_MATRIX()
    fast.char_matrix(tpa, index, ctypes.addressof(m))
    shared = (font, size.value, m.a, m.b, m.c, m.d)
    style = styles.get(shared)
    if style is None:
        handle = ctypes.cast(ctypes.c_void_p(font), R.FPDF_FONT) if font else None
        style = styles[shared] = _RunStyle(R, handle, size.value, m, name_buffer)
    return style


class _PerGlyphCalls:
    """The PDFium calls made once per glyph or per page object, declared with plain addresses (`c_void_p`)
    instead of pypdfium2's typed pointers: half the cost of a call, where a page makes thousands."""

    def __init__(self) -> None:
        import pypdfium2.raw as R  # noqa: PLC0415, N812

        def declare(function, restype, *argtypes):
            return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)

        vp, i = ctypes.c_void_p, ctypes.c_int
        self.text_object = declare(R.FPDFText_GetTextObject, ctypes.c_size_t, vp, i)  # 0 for none
        self.char_origin = declare(R.FPDFText_GetCharOrigin, i, vp, i, vp, vp)
        self.map_error = declare(R.FPDFText_HasUnicodeMapError, i, vp, i)
        self.text_font = declare(R.FPDFTextObj_GetFont, vp, vp)
        self.font_size = declare(R.FPDFTextObj_GetFontSize, i, vp, vp)
        self.char_matrix = declare(R.FPDFText_GetMatrix, i, vp, i, vp)
        self.page_object = declare(R.FPDFPage_GetObject, vp, vp, i)
        self.object_type = declare(R.FPDFPageObj_GetType, i, vp)
        self.form_object = declare(R.FPDFFormObj_GetObject, vp, vp, ctypes.c_ulong)
        self.loose_box = declare(R.FPDFText_GetLooseCharBox, i, vp, i, vp)
        self.is_generated = declare(R.FPDFText_IsGenerated, i, vp, i)


@functools.cache
def _per_glyph_calls() -> _PerGlyphCalls:
    return _PerGlyphCalls()


def _read_chars(page, left: float, top: float) -> list[Char]:
    """The page's glyphs, with two PDFium calls per glyph (its text object, its origin, written straight
    into arrays) and everything else per text object or per distinct character of a style."""
    import pypdfium2.raw as R  # noqa: PLC0415, N812

    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = R.FPDFText_CountChars(tp)
        if n <= 0:
            return []
        codes = _char_codes(R, tp, n)
        xs, ys = (ctypes.c_double * n)(), (ctypes.c_double * n)()
        bx, by, step = ctypes.addressof(xs), ctypes.addressof(ys), ctypes.sizeof(ctypes.c_double)
        fast = _per_glyph_calls()
        get_object, get_origin = fast.text_object, fast.char_origin
        tpa = ctypes.cast(tp, ctypes.c_void_p).value
        styles: dict[tuple, _RunStyle] = {}  # by font, size and matrix
        name_buffer = ctypes.create_string_buffer(FONT_NAME_BUFFER)
        # The text object of every glyph (0: a space or line break PDFium inferred, not a glyph), in one
        # pass of C calls; a segment starts where the object changes.
        keys = np.fromiter(map(get_object, itertools.repeat(tpa, n), range(n)), dtype=np.uint64, count=n)
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        segment_starts: list[int] = starts.tolist()
        segment_styles: list[_RunStyle | None] = []
        for i, key in zip(segment_starts, keys[starts].tolist(), strict=True):
            style = _object_style(R, fast, tpa, i, key, styles, name_buffer) if key else None
            segment_styles.append(style if style is not None and style.upright else None)  # turned text: out
        # The origin of every glyph of a kept segment, written straight into `xs` and `ys`.
        kept = np.repeat([st is not None for st in segment_styles], np.diff(np.append(starts, n)))
        index = np.flatnonzero(kept)
        collections.deque(map(get_origin, itertools.repeat(tpa, len(index)), index.tolist(),
                              (bx + step * index).tolist(), (by + step * index).tolist()), maxlen=0)
        xs_, ys_ = np.frombuffer(xs), np.frombuffer(ys)
        order, advances = _drawing_order(fast, tpa, codes, xs_, ys_, segment_starts, segment_styles)
        # PDFium also puts spaces of its own into a text object, where it sees a gap: no glyph of the page.
        spaces = np.flatnonzero(codes == ord(" "))
        generated = np.fromiter(map(fast.is_generated, itertools.repeat(tpa, len(spaces)), spaces.tolist()),
                                dtype=bool, count=len(spaces))
        inferred = spaces[generated].tolist()
        repeats = _one_glyph_repeats(fast, tpa, keys, codes, xs_, ys_, advances)
        return chars_from_glyphs(_glyphs(R, tpa, fast, codes, xs_, ys_, segment_starts, segment_styles, left, top,
                                         order, advances, inferred, repeats))
    finally:
        textpage.close()


def _char_codes(R, tp, n: int) -> np.ndarray:  # noqa: N803
    """The character PDFium reports for each of the page's `n` glyphs, from its text in one call."""
    buffer = (ctypes.c_ushort * (n + 1))()
    got = R.FPDFText_GetText(tp, 0, n, buffer)
    units = np.frombuffer(buffer, dtype=np.uint16, count=max(0, got - 1))
    paired = (units >= 0xD800) & (units < 0xDC00)
    if len(units) != n or paired.any():  # a glyph outside one UTF-16 unit: read glyph by glyph
        return np.array([R.FPDFText_GetUnicode(tp, i) for i in range(n)], dtype=np.uint32)
    return units.astype(np.uint32)


def _one_glyph_repeats(fast: _PerGlyphCalls, tpa: int, keys: np.ndarray, codes: np.ndarray, xs: np.ndarray,
                       ys: np.ndarray, advances: dict[int, float]) -> dict[int, int]:
    """The glyphs whose font maps them to one character repeated ("——" for a two-em dash), by the index of their
    first character, with how many characters follow it; their advances go into `advances`.

    PDFium reports such a glyph as that many characters of one text object at one origin, pdfminer as one
    character with the whole text: folded into the first, the glyph keeps its text (a later copy at the same
    place would read as fake bold and be dropped) and ends at its own advance, read from its loose box (the
    font's width of the character is that of one of them).
    """
    same = ((keys[1:] == keys[:-1]) & (keys[1:] != 0) & (codes[1:] == codes[:-1])
            & (xs[1:] == xs[:-1]) & (ys[1:] == ys[:-1]))
    if not same.any():
        return {}
    repeats: dict[int, int] = {}
    first_of: dict[int, int] = {}  # a repeated character's first
    for i in (np.flatnonzero(same) + 1).tolist():
        first = first_of[i] = first_of.get(i - 1, i - 1)
        repeats[first] = repeats.get(first, 0) + 1
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    for i in repeats:
        if fast.loose_box(tpa, i, ctypes.addressof(box)):
            advances[i] = max(0.0, box[2] - xs[i])
    return repeats


def _drawing_order(fast: _PerGlyphCalls, tpa: int, codes: np.ndarray, xs: np.ndarray, ys: np.ndarray,
                   segment_starts: list[int], segment_styles: list) -> tuple[np.ndarray | None, dict[int, float]]:
    """Where PDFium has reordered the glyphs of a text object holding right-to-left script, the order in which
    they were drawn, and their advances (None and {} on a page without such script: the common case, one test).

    PDFium gives the characters of such an object in its guess at logical order (reversed runs, two glyphs of a
    ligature swapped), while pdfminer, like the page, gives them as drawn: left to right, each glyph advancing
    from its origin. The drawing order is restored (origins left to right; glyphs at one place, a ligature's
    letters and a mark with its letter, in the reverse of PDFium's order), so that every engine reports the
    same glyphs and the layout orders them once, from the page's geometry (`layout.bidi`). The advance of such
    a glyph is read from its loose box: the width PDFium's font reports for a character is that of one glyph
    for it, and a shaped script has several (initial, medial, final forms); the box of a slanted glyph reaches
    past its advance by its lean at the top, which is taken off.
    """
    rtl = codes.astype(np.uint32).view("U1")
    if not RTL_SCRIPT.search("".join(rtl.tolist())):
        return None, {}
    order = np.arange(len(codes))
    advances: dict[int, float] = {}
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    bounds = [*segment_starts, len(codes)]
    for k, style in enumerate(segment_styles):
        s, e = bounds[k], bounds[k + 1]
        if style is None or not RTL_SCRIPT.search("".join(rtl[s:e].tolist())):
            continue
        x = xs[s:e]
        mark = is_mark(rtl[s:e])
        if mark.any():  # a mark follows its letter in PDFium's order, and is drawn just before it
            x = x[np.maximum.accumulate(np.where(mark, 0, np.arange(e - s)))]
        by_x = np.argsort(x, kind="stable")
        # Glyphs whose origins follow each other within the tolerance stand at one place (a ligature's letters,
        # marks): PDFium reversed them; the rest go by origin.
        place = np.empty(e - s, dtype=np.intp)
        place[by_x] = np.cumsum(np.concatenate(([0], np.diff(x[by_x]) > SAME_ORIGIN_TOLERANCE)))
        order[s:e] = s + np.lexsort((-np.arange(e - s), place))
        for i in range(s, e):
            if fast.loose_box(tpa, i, ctypes.addressof(box)):
                lean = style.lean * max(0.0, box[1] - ys[i]) if style.lean > UPRIGHT_MAX_SLANT else 0.0
                advances[i] = max(0.0, box[2] - lean - xs[i])
    return order, advances


def _glyphs(R, tpa: int, fast: _PerGlyphCalls, codes: np.ndarray, xs: np.ndarray, ys: np.ndarray,  # noqa: N803
            segment_starts: list[int], segment_styles: list, left: float, top: float,
            order: np.ndarray | None = None, advances: dict[int, float] | None = None,
            inferred: list[int] | None = None, repeats: dict[int, int] | None = None) -> Glyphs:
    """The glyph columns from what `_read_chars` gathered: per glyph its style's run, advance and character,
    in drawing order (`order`, see `_drawing_order`), with the `advances` measured glyph by glyph, without the
    spaces PDFium `inferred`, a glyph's repeated characters (`repeats`, see `_one_glyph_repeats`) in its text."""
    lengths = np.diff(np.append(segment_starts, len(codes)))
    style_ids: dict[int, int] = {}
    styles: list[_RunStyle] = []
    for st in segment_styles:
        if st is not None and id(st) not in style_ids:
            style_ids[id(st)] = len(styles)
            styles.append(st)
    per_segment = np.array([style_ids[id(st)] if st is not None else -1 for st in segment_styles], dtype=np.intp)
    style_of = np.repeat(per_segment, lengths)
    if inferred:
        style_of[inferred] = -1
    for i, count in (repeats or {}).items():
        style_of[i + 1:i + 1 + count] = -1
    index = np.flatnonzero(style_of >= 0) if order is None else order[style_of[order] >= 0]
    style_of, codes = style_of[index], codes[index]
    codes = np.where(np.isin(codes, PDFIUM_HYPHEN_CODES), ord("-"), codes)
    # The advance and the character map are read once per style and character: PDFium reports a glyph it has
    # no character for by its code, so one character of one style is one glyph of one font.
    pair = style_of.astype(np.int64) << 32 | codes
    distinct, first, inverse = np.unique(pair, return_index=True, return_inverse=True)
    widths = np.empty(len(distinct))
    unmapped = np.zeros(len(distinct), dtype=bool)
    for k, (p, i) in enumerate(zip(distinct.tolist(), first.tolist(), strict=True)):
        st, t = styles[p >> 32], chr(p & 0xFFFFFFFF)
        width = st.widths.get(t)  # by the character PDFium reports: it maps back to the glyph's code
        widths[k] = st.measure(R, t) if width is None else width
        unmapped[k] = not t.isspace() and bool(fast.map_error(tpa, int(index[i])))
    codes = np.where(unmapped[inverse], ord(UNMAPPED_GLYPH), codes)
    run_index: dict[tuple, int] = {}
    run_of_style = np.array([run_index.setdefault(st.run, len(run_index)) for st in styles], dtype=np.intp)
    width = widths[inverse]
    if advances:
        measured = np.array([advances.get(i, -1.0) for i in index.tolist()])
        width = np.where(measured >= 0, measured, width)
    x0 = xs[index] - left
    text = codes.astype(np.uint32).view("U1")
    if repeats:
        text = text.astype(object)
        for k, i in enumerate(index.tolist()):
            if i in repeats:
                text[k] = text[k] * (1 + repeats[i])
        text = text.astype(str)
    return Glyphs(text=text, x0=x0, x1=x0 + width,
                  baseline=top - ys[index], run=run_of_style[style_of], runs=tuple(run_index))


def _read_rules(page, left: float, top: float) -> list[Rule]:
    """Straight lines and axis-aligned rectangles no thicker than `RULE_MAX_THICKNESS`, each subpath
    of a path on its own (a path may draw several), in forms too."""
    import pypdfium2.raw as R  # noqa: PLC0415, N812

    rules: list[Rule] = []
    matrix = R.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()

    fast = _per_glyph_calls()
    wanted = (R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_FORM)

    def walk(container_count, get, parent: tuple[float, ...]) -> None:
        for k in range(container_count):
            address = get(k)
            if not address:
                continue
            kind = fast.object_type(address)
            if kind not in wanted:  # text and images, most of a page's objects, are passed over at once
                continue
            obj = ctypes.cast(ctypes.c_void_p(address), R.FPDF_PAGEOBJECT)
            R.FPDFPageObj_GetMatrix(obj, matrix)
            m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), parent)
            if kind == R.FPDF_PAGEOBJ_FORM:
                walk(R.FPDFFormObj_CountObjects(obj), lambda j, a=address: fast.form_object(a, j), m)
                continue
            fill, stroke = ctypes.c_int(), ctypes.c_int()
            R.FPDFPath_GetDrawMode(obj, fill, stroke)
            if not fill.value and not stroke.value:
                continue
            subpath: list[tuple[float, float]] = []
            closed = False
            for s in range(R.FPDFPath_CountSegments(obj)):
                seg = R.FPDFPath_GetPathSegment(obj, s)
                kind_s = R.FPDFPathSegment_GetType(seg)
                R.FPDFPathSegment_GetPoint(seg, x, y)
                if kind_s == R.FPDF_SEGMENT_MOVETO:
                    _add_rule(rules, subpath, closed, m, left, top)
                    subpath, closed = [(x.value, y.value)], False
                    continue
                if kind_s == R.FPDF_SEGMENT_BEZIERTO:
                    subpath.append((math.nan, math.nan))  # a curve: never a rule
                else:
                    subpath.append((x.value, y.value))
                if R.FPDFPathSegment_GetClose(seg):
                    closed = True
            _add_rule(rules, subpath, closed, m, left, top)

    page_raw = page.raw
    page_address = ctypes.cast(page_raw, ctypes.c_void_p).value
    walk(R.FPDFPage_CountObjects(page_raw), lambda j: fast.page_object(page_address, j), (1, 0, 0, 1, 0, 0))
    return rules


def _compose(m: tuple[float, ...], parent: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix `m` followed by `parent` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    pa, pb, pc, pd, pe, pf = parent
    return (a * pa + b * pc, a * pb + b * pd, c * pa + d * pc, c * pb + d * pd,
            e * pa + f * pc + pe, e * pb + f * pd + pf)


def _add_rule(rules: list[Rule], pts: list[tuple[float, float]], closed: bool, m, left: float, top: float) -> None:
    """Append the rule that a subpath draws, if it is a straight line or an axis-aligned rectangle."""
    if len(pts) < 2 or any(math.isnan(p[0]) for p in pts):
        return
    a, b, c, d, e, f = m
    pts = [(a * px + c * py + e, b * px + d * py + f) for px, py in pts]
    if len(pts) > 2 and _same(pts[-1], pts[0]):
        pts, closed = pts[:-1], True
    if len(pts) == 4 and not (closed and _is_rectangle(pts)) or len(pts) not in (2, 4):
        return  # neither a single line segment nor a closed axis-aligned rectangle: a curve
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    if max(ys) - min(ys) <= RULE_MAX_THICKNESS:
        rules.append(Rule(x0=min(xs) - left, x1=max(xs) - left, top=top - max(ys)))


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= AXIS_TOLERANCE and abs(p[1] - q[1]) <= AXIS_TOLERANCE


def _is_rectangle(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
    t = AXIS_TOLERANCE
    return (abs(x0 - x1) <= t and abs(y1 - y2) <= t and abs(x2 - x3) <= t and abs(y3 - y0) <= t) or (
        abs(y0 - y1) <= t and abs(x1 - x2) <= t and abs(y2 - y3) <= t and abs(x3 - x0) <= t
    )
