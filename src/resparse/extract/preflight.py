"""What PDFium does not tell, read from the PDF's objects with pikepdf before PDFium opens the file.

- Broken ToUnicode maps. PDFium reports each glyph's text from its font's ToUnicode map and does not
  say which glyph code it drew, so a map that sends two glyphs to one letter (see
  `glyphs.repair_unicode_map`) can only be repaired in the map itself: the broken entries are
  rewritten and PDFium is given the repaired file.
- Damaged page content. PDFium skips a content stream it cannot decode and shows the page without it;
  such a page is damaged, and the file is refused as pdfminer refuses it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .glyphs import repair_unicode_map

_HEX = rb"<([0-9A-Fa-f\s]*)>"
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_BFCHAR = re.compile(_HEX + rb"\s*" + _HEX)
_BFRANGE = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*(" + _HEX + rb"|\[[^\]]*\])")
_ARRAY_ITEM = re.compile(_HEX)
# A range this long is no font's: refuse to expand it (a damaged or hostile map).
MAX_RANGE = 65536


def _hex(raw: bytes) -> bytes:
    return bytes.fromhex(re.sub(rb"\s", b"", raw).decode("ascii") or "")


def _text(raw: bytes) -> str:
    return raw.decode("utf-16-be", errors="replace")


@dataclass(frozen=True)
class ToUnicodeMap:
    """The entries of one ToUnicode CMap: code → text, with the byte width each code is written in."""

    entries: dict[int, str]
    width: int  # bytes per code (1 for simple fonts, 2 for CID fonts)


def parse_tounicode(data: bytes) -> ToUnicodeMap:
    """The code → text entries of a ToUnicode CMap stream (`bfchar` and `bfrange` sections)."""
    entries: dict[int, str] = {}
    width = 1
    for kind, body in _SECTION.findall(data):
        if kind == b"bfchar":
            for src, dst in _BFCHAR.findall(body):
                code = _hex(src)
                width = max(width, len(code))
                entries[int.from_bytes(code, "big")] = _text(_hex(dst))
            continue
        for lo_raw, hi_raw, dst, dst_hex in _BFRANGE.findall(body):
            lo_b, hi_b = _hex(lo_raw), _hex(hi_raw)
            width = max(width, len(lo_b))
            lo, hi = int.from_bytes(lo_b, "big"), int.from_bytes(hi_b, "big")
            if hi < lo or hi - lo > MAX_RANGE:
                continue
            if dst.startswith(b"["):
                for code, item in zip(range(lo, hi + 1), _ARRAY_ITEM.findall(dst), strict=False):
                    entries[code] = _text(_hex(item))
                continue
            start = _hex(dst_hex)
            if not start:
                continue
            head, last = start[:-2], int.from_bytes(start[-2:], "big")
            for offset, code in enumerate(range(lo, hi + 1)):
                entries[code] = _text(head + ((last + offset) & 0xFFFF).to_bytes(2, "big"))
    return ToUnicodeMap(entries, width)


def write_tounicode(tmap: ToUnicodeMap) -> bytes:
    """A ToUnicode CMap stream holding exactly `tmap`'s entries (bfchar sections of at most 100)."""
    w = tmap.width
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"1 begincodespacerange",
        b"<" + b"00" * w + b"> <" + b"FF" * w + b">",
        b"endcodespacerange",
    ]
    items = sorted(tmap.entries.items())
    for i in range(0, len(items), 100):
        chunk = items[i : i + 100]
        lines.append(str(len(chunk)).encode() + b" beginbfchar")
        for code, text in chunk:
            src, dst = code.to_bytes(w, "big").hex(), text.encode("utf-16-be").hex()
            lines.append(f"<{src}> <{dst}>".encode("ascii"))
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines) + b"\n"


def _fonts(pdf):
    """Every font dictionary the pages (and the forms they draw) use, each once."""
    import pikepdf  # noqa: PLC0415 - only the PDFium engine needs it

    seen: set = set()
    stack = [page.obj.get("/Resources") for page in pdf.pages]
    while stack:
        res = stack.pop()
        if not isinstance(res, pikepdf.Dictionary):
            continue
        key = res.objgen if res.is_indirect else id(res)
        if key in seen:
            continue
        seen.add(key)
        fonts = res.get("/Font")
        if isinstance(fonts, pikepdf.Dictionary):
            for font in fonts.values():
                if isinstance(font, pikepdf.Dictionary) and (not font.is_indirect or font.objgen not in seen):
                    if font.is_indirect:
                        seen.add(font.objgen)
                    yield font
        xobjects = res.get("/XObject")
        if isinstance(xobjects, pikepdf.Dictionary):
            for xobj in xobjects.values():
                if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == "/Form":
                    stack.append(xobj.get("/Resources"))


@dataclass(frozen=True)
class Preflight:
    """The file PDFium is to read (repaired where needed) and the pages whose content cannot be decoded."""

    data: bytes
    damaged_pages: dict[int, str]  # page number (1-based) → the decoding error


def _damaged_pages(pdf) -> dict[int, str]:
    import pikepdf  # noqa: PLC0415

    damaged: dict[int, str] = {}
    for number, page in enumerate(pdf.pages, 1):
        contents = page.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        for stream in streams:
            if not isinstance(stream, pikepdf.Stream):
                continue
            try:
                stream.read_bytes()
            except pikepdf.DataDecodingError as e:
                damaged[number] = str(e).split("): ")[-1]
                break
    return damaged


def preflight(data: bytes) -> Preflight:
    """`data` with every broken ToUnicode map repaired (`data` itself when none is, the usual case), and the
    pages whose content streams cannot be decoded.

    A file pikepdf cannot read is passed on as it is: PDFium then reads it, or refuses it, on its own.
    """
    import pikepdf  # noqa: PLC0415

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except Exception:  # damaged or encrypted: not ours to judge here
        return Preflight(data, {})
    with pdf:
        changed = False
        try:
            damaged = _damaged_pages(pdf)
            for font in _fonts(pdf):
                stream = font.get("/ToUnicode")
                if not isinstance(stream, pikepdf.Stream):
                    continue
                tmap = parse_tounicode(stream.read_bytes())
                fixes = repair_unicode_map(tmap.entries)
                if fixes:
                    font.ToUnicode = pdf.make_stream(write_tounicode(ToUnicodeMap({**tmap.entries, **fixes},
                                                                                  tmap.width)))
                    changed = True
        except Exception:  # a damaged object: leave the file to PDFium
            return Preflight(data, {})
        if not changed:
            return Preflight(data, damaged)
        out = io.BytesIO()
        pdf.save(out)
        return Preflight(out.getvalue(), damaged)
