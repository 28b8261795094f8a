"""What AKN4UN puts in `meta`: the FRBR identification the UN gives its documents, and the references.

The UN names a resolution by body, adoption date and number:
`/akn/un/statement/deliberation/unsc/2025-03-03/2776-2025/` for S/RES/2776 (2025), with the expression
in a language (`eng@`) and the manifestation as XML (`eng@.xml`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...structure.masthead import iso_date
from .xml import RESPARSE_NS, sub

COUNTRY = "un"
# The date the UN writes where a date is not known (its workflow steps use it too).
UNKNOWN_DATE = "0001-01-01"
SOURCE_ID = "resparse"

# ISO 639-1 (the tree) to the three-letter ISO 639-2 codes of AKN expressions, for the UN's six
# official languages; the terminology form ("fra", "zho") that Akoma Ntoso URIs use.
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
UNDETERMINED_LANGUAGE = "und"

# The issuing body as the UN's FRBR URIs name it, from the document symbol's first components (the
# symbol does not change with the language, the printed body name does). Longest prefix wins.
BODY_CODES = {"S": "unsc", "A": "unga", "E": "ecosoc", "A/HRC": "unhrc"}
FALLBACK_BODY = "un"

# Statement names and AKN document types by the tree's document type.
STATEMENT_NAMES = {"resolution": "resolution", "decision": "decision",
                   "draft_resolution": "draftResolution", "draft_decision": "draftDecision"}
OTHER_NAME = "document"
ADOPTED = frozenset({"resolution", "decision"})


@dataclass(frozen=True)
class Identity:
    """Everything that names the document: root element and name, FRBR work URI, dates, language."""

    root: str
    name: str
    work: str
    work_date: str
    expression_date: str
    language: str
    body_code: str
    adopted: bool


def expression_language(code: str | None) -> str:
    """The three-letter language of the expression (`eng`), from the tree's ISO 639-1 code."""
    if not code:
        return UNDETERMINED_LANGUAGE
    code = code.lower()
    return LANGUAGES.get(code, code if len(code) == 3 else UNDETERMINED_LANGUAGE)


def body_code(symbol: str | None) -> str:
    if not symbol:
        return FALLBACK_BODY
    parts = symbol.split("/")
    for n in range(len(parts), 0, -1):
        code = BODY_CODES.get("/".join(parts[:n]).upper())
        if code:
            return code
    first = re.sub(r"[^a-z0-9]+", "", parts[0].lower())
    return first or FALLBACK_BODY


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-")


def adoption_date(md: Mapping[str, Any]) -> str | None:
    """The adoption date printed in the adoption line ("Adopted by ... on 3 March 2025")."""
    adoption = md.get("adoption")
    return iso_date(adoption) if adoption else None


def identify(data: Mapping[str, Any]) -> Identity:
    md, source = data.get("metadata") or {}, data.get("source") or {}
    doc_type = md.get("document_type") or "other"
    adopted = doc_type in ADOPTED
    issued = md.get("date")
    work_date = (adoption_date(md) if adopted else None) or issued or UNKNOWN_DATE
    code = body_code(md.get("symbol"))
    number = _slug(md.get("number") or "") if adopted else ""
    number = number or _slug(md.get("symbol") or "").lower() or (source.get("sha256") or "")[:16] or "unknown"
    if doc_type in STATEMENT_NAMES:
        root, name = "statement", STATEMENT_NAMES[doc_type]
        kind = "statement/deliberation" if adopted else "statement/draft"
    else:
        root, name, kind = "doc", OTHER_NAME, "doc"
    work = f"/akn/{COUNTRY}/{kind}/{code}/{work_date}/{number}/"
    return Identity(root=root, name=name, work=work, work_date=work_date,
                    expression_date=issued or work_date, language=expression_language(md.get("language")),
                    body_code=code, adopted=adopted)


def identification(meta: etree._Element, ident: Identity, component: str = "main") -> None:
    """`FRBRWork`/`FRBRExpression`/`FRBRManifestation`, formed as the UN forms them."""
    lang, work = ident.language, ident.work
    el = sub(meta, "identification", source=f"#{SOURCE_ID}")
    w = sub(el, "FRBRWork")
    sub(w, "FRBRthis", value=f"{work}!{component}/")
    sub(w, "FRBRuri", value=work)
    sub(w, "FRBRdate", date=ident.work_date, name="adoption" if ident.adopted else "issuance")
    sub(w, "FRBRauthor", href=f"#{ident.body_code}", **{"as": "#author"})
    sub(w, "FRBRcountry", value=COUNTRY)
    e = sub(el, "FRBRExpression")
    sub(e, "FRBRthis", value=f"{work}{lang}@!{component}/")
    sub(e, "FRBRuri", value=f"{work}{lang}@/")
    sub(e, "FRBRdate", date=ident.expression_date, name="publication")
    sub(e, "FRBRauthor", href=f"#{ident.body_code}", **{"as": "#author"})
    sub(e, "FRBRlanguage", language=lang)
    m = sub(el, "FRBRManifestation")
    sub(m, "FRBRthis", value=f"{work}{lang}@/!{component}.xml")
    sub(m, "FRBRuri", value=f"{work}{lang}@.xml")
    # Derived from the published text: the manifestation carries the publication date, so that the same
    # PDF always gives the same XML.
    sub(m, "FRBRdate", date=ident.expression_date, name="publication")
    sub(m, "FRBRauthor", href=f"#{SOURCE_ID}", **{"as": "#editor"})


def references(meta: etree._Element, ident: Identity, body: str | None) -> None:
    refs = sub(meta, "references", source=f"#{SOURCE_ID}")
    sub(refs, "TLCOrganization", eId=ident.body_code, href=f"/akn/ontology/organization/un/{ident.body_code}",
        showAs=body or ident.body_code)
    sub(refs, "TLCOrganization", eId=SOURCE_ID, href=f"/akn/ontology/organization/{SOURCE_ID}", showAs=SOURCE_ID)
    sub(refs, "TLCRole", eId="author", href="/akn/ontology/role/un/author", showAs="Author")
    sub(refs, "TLCRole", eId="editor", href="/akn/ontology/role/un/editor", showAs="Editor")


def proprietary(meta: etree._Element, data: Mapping[str, Any]) -> None:
    """Which tree the XML was written from: its schema version (read by `--skip-existing`) and its source."""
    source = data.get("source") or {}
    prop = sub(meta, "proprietary", source=f"#{SOURCE_ID}")
    etree.SubElement(prop, f"{{{RESPARSE_NS}}}tree", {
        "schemaVersion": str(data.get("schema_version") or ""),
        "sha256": str(source.get("sha256") or ""),
        "engine": str(source.get("engine") or ""),
    }, nsmap={"resparse": RESPARSE_NS})
