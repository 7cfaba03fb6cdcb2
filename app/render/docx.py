"""DOCX export (python-docx): the edition as named Chinese newspaper styles, one section per page.

A flow exporter: Word and LibreOffice re-lay the text themselves, so this writes the model
(stories and their elements) with the page grid's page size, margins and columns, not the
PagedDocument's glyph positions. It does use the layout to know which stories are on which page:
each page starts a new-page section; a story's headline block is a one-column continuous
section and its text a continuous section with its module's columns. Sidebars are boxed and
shaded paragraphs.

Styles (East Asian fonts set with w:eastAsia): 引题 主题 副题 正文 署名 小标题 图片说明 边栏,
plus 栏目 and 图片来源. Paragraph XML is built directly with the style id (no per-paragraph style
lookup), which keeps edition16 well under a second.
"""
from __future__ import annotations

import io
import os
import re
from copy import deepcopy
from dataclasses import replace

from galley.app.fsutil import write_bytes
from galley.app.layout.grid import HAO, Grid, Style
from galley.app.model import DISPLAY_KINDS, Edition, Kind

# style name, based on, grid style, bold
STYLES = [
    ("正文", "body", False),
    ("引题", "kicker", False),
    ("主题", "headline", True),
    ("副题", "deck", False),
    ("署名", "byline", False),
    ("小标题", "subhead", True),
    ("图片说明", "caption", False),
    ("图片来源", "credit", False),
    ("边栏", "sidebar", False),
    ("栏目", "section", True),
    ("通栏标题", "banner", True),
]
KIND_STYLE = {Kind.BODY: "正文", Kind.KICKER: "引题", Kind.HEADLINE: "主题", Kind.DECK: "副题",
              Kind.BYLINE: "署名", Kind.AUTHOR: "署名", Kind.SUBHEAD: "小标题", Kind.CAPTION: "图片说明",
              Kind.CREDIT: "图片来源", Kind.SIDEBAR: "边栏", Kind.SECTION: "栏目", Kind.BANNER: "通栏标题",
              Kind.PAGE: "栏目"}
EAST_ASIA = {"song": "SimSun", "hei": "SimHei", "kai": "KaiTi", "latin": "SimSun"}
AMBIGUOUS = frozenset("“”‘’—…·")
HAN_LATIN = re.compile(r"(?<=[\u3400-\u9fff])[0-9A-Za-z]|(?<=[0-9A-Za-z%])[\u3400-\u9fff]")


def _style_ids(document, grid: Grid) -> dict[str, str]:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    styles = document.styles
    ids = {}
    for name, gname, bold in STYLES:
        gs = grid.style(gname)
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = None
        st.quick_style = True
        font = st.font
        font.size = Pt(gs.size)
        font.bold = bold
        font.name = "Times New Roman"
        rpr = st.element.get_or_add_rPr()
        _chinese_run(rpr, _child(rpr, "w:rFonts", first=True), EAST_ASIA.get(gs.role, "SimSun"))
        pf = st.paragraph_format
        pf.line_spacing = Pt(gs.leading)
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        if gs.indent:
            pf.first_line_indent = Pt(gs.indent * gs.size)
        pf.alignment = ALIGN[gs.align]
        if name in ("主题", "引题", "副题", "小标题", "栏目", "通栏标题"):
            pf.keep_with_next = True
        # digits and Latin set solid against Han, as on the page (clreq; dailies set 3月13日
        # solid), not with the ¼ em Word and LibreOffice add by default
        ppr = st.element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            ppr.insert_element_before(ppr.makeelement(qn(tag), {qn("w:val"): "0"}),
                                      "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                                      "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                      "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                                      "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                                      "w:pPrChange")
        if name == "边栏":
            ppr = st.element.get_or_add_pPr()
            after = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:outlineLvl")
            bdr = ppr.makeelement(qn("w:pBdr"), {})
            for side in ("top", "left", "bottom", "right"):
                bdr.append(bdr.makeelement(qn(f"w:{side}"), {qn("w:val"): "single", qn("w:sz"): "6",
                                                             qn("w:space"): "4", qn("w:color"): "000000"}))
            ppr.insert_element_before(bdr, "w:shd", *after)
            shd = ppr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                                qn("w:fill"): "EBEBEB"})
            ppr.insert_element_before(shd, *after)
        ids[name] = st.style_id
    return ids


def _child(parent, tag: str, first: bool = False):
    """parent's `tag` child, added (first or last) when it has none."""
    from docx.oxml.ns import qn
    el = parent.find(qn(tag))
    if el is None:
        el = parent.makeelement(qn(tag), {})
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


def _chinese_run(rpr, rfonts, east_asia: str) -> None:
    """Run properties for Chinese text: zh-CN for East Asian characters, Times New Roman for
    Latin, and “ ” — … in the East Asian font, not the Latin one."""
    from docx.oxml.ns import qn
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    if rfonts is not None:
        rfonts.set(qn("w:ascii"), "Times New Roman")
        rfonts.set(qn("w:hAnsi"), "Times New Roman")
        rfonts.set(qn("w:eastAsia"), east_asia)
        rfonts.set(qn("w:hint"), "eastAsia")


def _chinese_defaults(document) -> None:
    """The document's default and theme languages zh-CN for East Asian text, SimSun by default."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if rpr is not None:
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            for k in list(rfonts.attrib):
                if k.endswith("Theme"):
                    del rfonts.attrib[k]
        _chinese_run(rpr, rfonts, "SimSun")
    theme = _child(document.settings.element, "w:themeFontLang")
    theme.set(qn("w:val"), "en-US")
    theme.set(qn("w:eastAsia"), "zh-CN")


def _sect_pr(template, grid: Grid, columns: int, new_page: bool):
    from docx.oxml.ns import qn

    sp = deepcopy(template)
    for child in list(sp):
        if child.tag in (qn("w:type"), qn("w:cols"), qn("w:pgSz"), qn("w:pgMar")):
            sp.remove(child)
    twip = 20
    typ = sp.makeelement(qn("w:type"), {qn("w:val"): "nextPage" if new_page else "continuous"})
    pg = sp.makeelement(qn("w:pgSz"), {qn("w:w"): str(round(grid.width * twip)),
                                        qn("w:h"): str(round(grid.height * twip))})
    bottom = grid.height - grid.margin_top - grid.type_height
    mar = sp.makeelement(qn("w:pgMar"), {qn("w:top"): str(round(grid.margin_top * twip)),
                                         qn("w:right"): str(round(grid.margin_right * twip)),
                                         qn("w:bottom"): str(round(bottom * twip)),
                                         qn("w:left"): str(round(grid.margin_left * twip)),
                                         qn("w:header"): "400", qn("w:footer"): "400", qn("w:gutter"): "0"})
    cols = sp.makeelement(qn("w:cols"), {qn("w:num"): str(max(1, columns)),
                                         # a point of the gutter goes to the columns, so that a
                                         # line of whole characters is never a hair too wide for
                                         # Word's or LibreOffice's rounded column (it would hang its
                                         # last comma into the next column)
                                         qn("w:space"): str(round((grid.gutter - 1) * twip)),
                                         qn("w:sep"): "1" if columns > 1 else "0"})
    # schema order: (header/footer refs) type pgSz pgMar ... cols ... docGrid
    refs = [c for c in sp if c.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    tail = [c for c in sp if c not in refs]
    for c in list(sp):
        sp.remove(c)
    for c in [*refs, typ, pg, mar, cols, *tail]:
        sp.append(c)
    return sp


def _head_lines(story, grid: Grid, columns: int, lead: bool) -> dict[int, tuple[list[str], Style]]:
    """element index → (its lines, the grid style they are set in) as layout sets the story's head
    block `columns` wide: Word then keeps the 号 size and the breaks between words the page has."""
    from galley.app.layout.compose import compose_head, split_story

    block = compose_head(split_story(story), grid, columns, lead=lead)
    width = grid.span_width(columns)
    out: dict[int, tuple[list[str], Style]] = {}
    need: dict[int, float] = {}
    for hl in block.lines:
        ln = hl.par.lines[hl.line]
        text = hl.par.text[ln.start:ln.end].strip()
        out.setdefault(hl.element, ([], hl.style))[0].append(text)
        # LibreOffice puts ¼ em between Han and digits or Latin whatever autoSpaceDN says: leave
        # room for it, or a line set to the measure wraps its last character (…56 / 个)
        gaps = len(HAN_LATIN.findall(text))
        need[hl.element] = max(need.get(hl.element, 0.0), ln.width + gaps * hl.style.size / 4)
    for i, (lines, st) in list(out.items()):
        if need[i] > width + 0.5:
            smaller = [v for v in HAO.values() if v < st.size and need[i] * v / st.size <= width]
            size = max(smaller, default=st.size * width / need[i])
            out[i] = (lines, replace(st, size=size, leading=st.leading * size / st.size))
    return out


def render_docx(edition: Edition, grid: Grid, paged=None) -> bytes:
    import docx
    from docx.oxml.ns import qn

    if paged is None:
        from galley.app.layout import layout_edition
        paged = layout_edition(edition, grid)
    document = docx.Document()
    core = document.core_properties
    core.title = paged.title or "Galley edition"
    core.author = "Galley"
    core.comments = f"layout {grid.name}"
    import datetime
    fixed = datetime.datetime(2000, 1, 1)
    core.created = core.modified = fixed
    core.last_modified_by = "Galley"
    core.revision = 1
    ids = _style_ids(document, grid)
    _chinese_defaults(document)
    body = document.element.body
    template = body.find(qn("w:sectPr"))
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    W_P, W_PPR, W_PSTYLE, W_R, W_T, W_VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:t"), qn("w:val")
    XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
    mk = body.makeelement
    out: list = []

    W_RPR, W_RFONTS, W_HINT = qn("w:rPr"), qn("w:rFonts"), qn("w:hint")

    def para(text: str, style: str):
        p = mk(W_P, {})
        ppr = mk(W_PPR, {})
        ppr.append(mk(W_PSTYLE, {W_VAL: ids[style]}))
        p.append(ppr)
        r = mk(W_R, {})
        if AMBIGUOUS.intersection(text):
            # quotes, dashes and ellipses are shared with Latin: the hint keeps them in the CJK font
            rpr = mk(W_RPR, {})
            rpr.append(mk(W_RFONTS, {W_HINT: "eastAsia"}))
            r.append(rpr)
        t = mk(W_T, {XML_SPACE: "preserve"} if text[:1] == " " or text[-1:] == " " else {})
        t.text = text
        r.append(t)
        p.append(r)
        out.append(p)
        return p

    W_BR, W_SZ, W_SZCS, W_SPACING = qn("w:br"), qn("w:sz"), qn("w:szCs"), qn("w:spacing")

    def head_para(style: str, lines: list[str], st) -> None:
        """A headline as the layout set it at this width: its size from the 号 ladder, its face,
        its lines broken between words or phrases (a line break each), exactly its leading."""
        p = mk(W_P, {})
        ppr = mk(W_PPR, {})
        ppr.append(mk(W_PSTYLE, {W_VAL: ids[style]}))
        ppr.append(mk(W_SPACING, {qn("w:line"): str(round(st.leading * 20)), qn("w:lineRule"): "exact"}))
        p.append(ppr)
        r = mk(W_R, {})
        rpr = mk(W_RPR, {})
        rpr.append(mk(W_RFONTS, {qn("w:ascii"): "Times New Roman", qn("w:hAnsi"): "Times New Roman",
                                 qn("w:eastAsia"): EAST_ASIA.get(st.role, "SimSun"), W_HINT: "eastAsia"}))
        half_points = str(round(st.size * 2))
        rpr.append(mk(W_SZ, {W_VAL: half_points}))
        rpr.append(mk(W_SZCS, {W_VAL: half_points}))
        r.append(rpr)
        for k, text in enumerate(lines):
            if k:
                r.append(mk(W_BR, {}))
            t = mk(W_T, {XML_SPACE: "preserve"} if text[:1] == " " or text[-1:] == " " else {})
            t.text = text
            r.append(t)
        p.append(r)
        out.append(p)

    def end_section(columns: int, new_page: bool):
        if not out or out[-1].find(W_PPR) is None:
            para("", "正文")
        ppr = out[-1].find(W_PPR)
        ppr.append(_sect_pr(template, grid, columns, new_page))

    stories = {s.id: s for s in edition.stories}
    plan = getattr(paged, "plan", None)
    first_module: dict[str, tuple[int, int]] = {}
    if plan is not None:
        for m in plan.modules:
            first_module.setdefault(m.story, (m.page, m.columns))
    pages: dict[int, list[str]] = {}
    for sid in stories:
        page, _ = first_module.get(sid, (max(pages or [1]), grid.columns))
        pages.setdefault(page, []).append(sid)
    labels = plan.labels if plan is not None else {}
    page_nos = sorted(pages)
    pending_new_page = False
    for pi, pno in enumerate(page_nos):
        # a page is a 1-column section for its label and its lead's head block (banner, 主题 …),
        # then one section in the grid's columns with everything else: sections per page, not per story
        label = labels.get(pno, "")
        if label:
            para(label, "栏目")
        top = False
        for k, sid in enumerate(pages[pno]):
            story = stories[sid]
            head = [(i, e) for i, e in enumerate(story.elements) if e.kind in DISPLAY_KINDS]
            # the lead's head runs across the page, the others' across one column of it
            set_as = _head_lines(story, grid, grid.columns if k == 0 else 1, k == 0)
            rest = [e for e in story.elements if e.kind not in DISPLAY_KINDS and e.kind != Kind.PAGE]
            pages_els = [e for e in story.elements if e.kind == Kind.PAGE and e.text not in label.split("  ")]
            for e in pages_els:
                para(e.text, "栏目")
            for i, e in head:
                if i in set_as and e.kind in (Kind.HEADLINE, Kind.KICKER, Kind.DECK):
                    head_para(KIND_STYLE[e.kind], *set_as[i])
                else:
                    para(e.text, KIND_STYLE[e.kind])
            if k == 0 and (head or pages_els or label):
                end_section(1, pending_new_page)
                pending_new_page = False
            for e in rest:
                para(e.text, KIND_STYLE.get(e.kind, "正文"))
            top = top or bool(rest or (head and k > 0))
        if top or not out:
            end_section(grid.columns, pending_new_page)
            pending_new_page = False
        pending_new_page = pi + 1 < len(page_nos)
    sect_index = body.index(template)
    for i, el in enumerate(out):
        body.insert(sect_index + i, el)
    # the final section (the body's own sectPr) takes the grid's page settings
    final = _sect_pr(template, grid, grid.columns, False)
    body.replace(template, final)
    buf = io.BytesIO()
    document.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Fixed timestamps and order inside the zip, so the same edition gives the same bytes."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def write_docx(edition: Edition, grid: Grid, path: str | os.PathLike, paged=None) -> None:
    write_bytes(path, render_docx(edition, grid, paged))
