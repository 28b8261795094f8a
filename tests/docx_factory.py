"""Small Word files for the tests: python-docx writes the package, the parts it does not model (numbering,
footnotes, a first-page header and footer) are written here as WordprocessingML."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def run(text: str, *, b: bool = False, i: bool = False, sz: int | None = None, sup: bool = False) -> str:
    """A run of text (`sz` in points)."""
    props = ("<w:b/>" if b else "") + ("<w:i/>" if i else "") + (f'<w:sz w:val="{2 * sz}"/>' if sz else "")
    props += '<w:vertAlign w:val="superscript"/>' if sup else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def note_ref(note_id: int, custom: str | None = None) -> str:
    """A footnote reference: automatically numbered, or followed by its custom mark."""
    if custom is None:
        return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{note_id}"/></w:r>')
    return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:customMarkFollows="1" w:id="{note_id}"/></w:r>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{custom}</w:t></w:r>')


def para(*runs: str, num: tuple[int, int] | None = None, ind: int | None = None, first_line: int | None = None
         ) -> str:
    """A paragraph; `num` = (numId, ilvl) numbers it, `ind`/`first_line` in twips."""
    ppr = ""
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if ind is not None or first_line is not None:
        ppr += f'<w:ind w:left="{ind or 0}" w:firstLine="{first_line or 0}"/>'
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def line_break() -> str:
    return "<w:r><w:br/></w:r>"


def level(ilvl: int, fmt: str, text: str, start: int = 1, restart: int | None = None) -> str:
    restart_el = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{restart_el}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbering(abstracts: dict[int, list[str]], nums: dict[int, tuple[int, dict[int, int]]]) -> str:
    """`numbering.xml`: list definitions (id → levels) and instances (numId → (abstract id, start overrides))."""
    parts = [f'<w:abstractNum w:abstractNumId="{a}">{"".join(levels)}</w:abstractNum>'
             for a, levels in abstracts.items()]
    for num_id, (abstract, overrides) in nums.items():
        over = "".join(f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                       for lv, start in overrides.items())
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{over}</w:num>')
    return f'<w:numbering xmlns:w="{W_NS}">{"".join(parts)}</w:numbering>'


def footnotes(notes: dict[int, str]) -> str:
    """`footnotes.xml`: the separators and each note's text after its reference mark (`w:footnoteRef`)."""
    body = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            '</w:p></w:footnote>']
    for note_id, text in notes.items():
        body.append(f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteRef/></w:r>{run(" " + text, sz=8)}</w:p></w:footnote>')
    return f'<w:footnotes xmlns:w="{W_NS}">{"".join(body)}</w:footnotes>'


def story(tag: str, paragraphs: list[str]) -> str:
    return f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(paragraphs)}</w:{tag}>'


def make_docx(body: list[str], *, numbering_xml: str | None = None, footnotes_xml: str | None = None,
              header: list[str] | None = None, footer: list[str] | None = None) -> bytes:
    """A Word file whose text is `body` (paragraph XML), with the given parts; the header and footer are
    the first page's (`w:titlePg`)."""
    import docx

    base = io.BytesIO()
    docx.Document().save(base)
    with zipfile.ZipFile(base) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    types = parts["[Content_Types].xml"].decode()
    refs = ""
    extra = {"header1.xml": ("header", header, "headerReference"), "footer1.xml": ("footer", footer, "footerReference")}
    for target, (kind, content, ref) in extra.items():
        if content is None:
            continue
        tag = "hdr" if kind == "header" else "ftr"
        parts[f"word/{target}"] = story(tag, content).encode()
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdX{kind}" Type="{REL}/{kind}" '
                                                f'Target="{target}"/></Relationships>')
        types = types.replace("</Types>", f'<Override PartName="/word/{target}" '
                                          f'ContentType="{CT}.{kind}+xml"/></Types>')
        refs += f'<w:{ref} w:type="first" r:id="rIdX{kind}"/>'
    if footnotes_xml is not None:
        parts["word/footnotes.xml"] = footnotes_xml.encode()
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdXnotes" Type="{REL}/footnotes" '
                                                'Target="footnotes.xml"/></Relationships>')
        types = types.replace("</Types>", f'<Override PartName="/word/footnotes.xml" '
                                          f'ContentType="{CT}.footnotes+xml"/></Types>')
    if numbering_xml is not None:
        parts["word/numbering.xml"] = numbering_xml.encode()
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1200" '
            'w:bottom="1440" w:left="1200" w:header="432" w:footer="504" w:gutter="0"/><w:titlePg/></w:sectPr>')
    parts["word/document.xml"] = (f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}{sect}'
                                  '</w:body></w:document>').encode()
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["[Content_Types].xml"] = types.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def un_resolution(operative: list[str], *, notes: dict[int, str] | None = None, preamble: list[str] | None = None,
                  numbering_xml: str | None = None) -> bytes:
    """A General Assembly resolution laid out with the UN template's parts: the masthead in the first-page
    header (a table whose rows have a fixed height, as the template's), the job number in its footer."""
    header = [
        '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6840"/></w:tblGrid>'
        '<w:tr><w:trPr><w:trHeight w:hRule="exact" w:val="864"/></w:trPr>'
        f'<w:tc>{para(run("United Nations", sz=14))}</w:tc><w:tc>{para(run("A/RES/99/7"))}</w:tc></w:tr>'
        '<w:tr><w:trPr><w:trHeight w:hRule="exact" w:val="2880"/></w:trPr>'
        f'<w:tc>{para(run("General Assembly", b=True, sz=20))}</w:tc>'
        f'<w:tc>{para(run("Distr.: General"))}{para(run("9 January 2031"))}</w:tc></w:tr></w:tbl>',
        para(),
    ]
    body = [
        para(run("Ninety-ninth session", b=True)),
        para(run("Agenda item 12")),
        para(run("Resolution adopted by the General Assembly on 8 January 2031", b=True, sz=14)),
        para(run("99/7. Cooperation on test matters", b=True, sz=12)),
        para(run("The General Assembly", i=True), run(","), ind=1267, first_line=475),
        *(preamble or [para(run("Recalling", i=True), run(" its resolution 98/7 of 1 December 2030,"),
                            ind=1267, first_line=475)]),
        *operative,
        para(run("12th plenary meeting", i=True), line_break(), run("8 January 2031", i=True), ind=1267),
    ]
    footer = [para(run("31-00007 (E)    100131")), para(run("*3100007*"))]
    return make_docx(body, numbering_xml=numbering_xml, footnotes_xml=footnotes(notes) if notes else None,
                     header=header, footer=footer)
