"""The XML plumbing shared by the Akoma Ntoso writer: the namespace, element helpers, safe parsing."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
RESPARSE_NS = "urn:resparse:akn"
NSMAP = {None: AKN_NS}

# Characters XML 1.0 cannot hold. Each is replaced by one U+FFFD, so that the offsets of citations and
# footnote markers, counted in the tree's text, still point at the same places.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
REPLACEMENT = "\ufffd"

# Elements whose children are inline (mixed content): indentation never enters them, because any
# whitespace added there would become part of the text.
INLINE_HOLDERS = frozenset({"p", "num", "heading", "subheading", "docTitle", "docNumber", "docDate",
                            "docStatus", "docAuthority", "session", "inline", "span", "a", "ref"})
INDENT = "  "


def xml_text(text: str | None) -> str:
    """`text` with the characters XML cannot hold replaced one for one."""
    return _NOT_XML.sub(REPLACEMENT, text or "")


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: Any) -> etree._Element:
    """A child element in the AKN namespace; `None` attributes are left out."""
    el = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}",
                          {k: xml_text(str(v)) for k, v in attrs.items() if v is not None})
    if text:
        el.text = xml_text(text)
    return el


def root_element(tag: str, **attrs: Any) -> etree._Element:
    return etree.Element(f"{{{AKN_NS}}}{tag}", {k: str(v) for k, v in attrs.items() if v is not None},
                         nsmap=NSMAP)


def append_text(parent: etree._Element, text: str) -> None:
    """Add `text` at the end of `parent`'s content (after its last child, if any)."""
    if not text:
        return
    text = xml_text(text)
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def local_name(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def indent(el: etree._Element, level: int = 0) -> None:
    """Indent the structure for reading, never inside an element that holds text."""
    if local_name(el) in INLINE_HOLDERS or not len(el) or (el.text and el.text.strip()):
        return
    inner = "\n" + INDENT * (level + 1)
    el.text = inner
    for child in el:
        indent(child, level + 1)
        child.tail = inner
    el[-1].tail = "\n" + INDENT * level


def safe_parser() -> etree.XMLParser:
    """A parser that never expands entities, loads a DTD or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_bytes(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=safe_parser())
