"""Make the PDF reading corpus: newspaper pages set by Typst, LibreOffice, WeasyPrint and
Scribus, with their truth.

Regenerates tests/fixtures/pdf_corpus/*.pdf and *.json (commit both; tests never run Typst,
LibreOffice, WeasyPrint or Scribus):

    .venv/bin/python tools/make_pdf_corpus.py [OUTDIR] [--typst-only | --libreoffice-only]
    python tools/make_pdf_corpus.py [OUTDIR] --weasyprint-only   # a Python with weasyprint, pypdfium2
    python3 tools/make_pdf_corpus.py [OUTDIR] --scribus-only [--seeds=N,M,...]   # needs `scribus`
    .venv/bin/python tools/make_pdf_corpus.py [OUTDIR] --textbox-only [--seeds=N,M,...]   # needs `soffice`
    .venv/bin/python tools/make_pdf_corpus.py [OUTDIR] --vertical-only [--seeds=N,M,...]  # needs `soffice`
    .venv/bin/python tools/make_pdf_corpus.py [OUTDIR] --traditional-only   # tr_*: Typst, text in traditional characters

The Scribus pages (sc_*) come from Debian's `scribus` 1.5.8 (`apt-get install scribus`; not a
Galley dependency), run headless (`scribus -g -ns -py` with this file as its script, offscreen
Qt): pages set as a desktop-publishing user sets them, frames on a column grid: text frames
with frame columns and gutters, chains of linked frames flowing a story from column to column
and round a photo, text flowing round a boxed sidebar and round a photo set into the columns,
a headline frame across the module (letter-spaced up to 0.3 em), kicker/deck/byline frames,
grey image frames with credit and caption frames, a boxed brief, rules between bands, 版眉 and a
本版编辑 footer; justified body with a 2-character first-line indent, each story cut at a
sentence end to what its chain holds. `--seeds` makes further pages (sc_SEED) with other
geometry and styles.

The text-box pages (tb_*) are set the way small newsrooms, 校报 and 企业内刊 set a page in Word
or WPS: a flat ODF document of Writer text frames placed on the page (anchored to a paragraph,
positioned from the page's corner), converted to PDF by Debian's LibreOffice (`soffice`): a
版眉 of three boxes over a rule (a line shape or a thin black bar), a kicker box or a kicker set
white on a red bar (a shape with text), a big headline box (red or black, letter-spaced up to
8 pt), deck and byline boxes, stories flowing through chained text boxes (draw:chain-next-name)
column by column and round a picture (a grey rectangle or an embedded PNG) with a caption box
under it, a boxed sidebar (border, perhaps a light fill) the chain goes round, vertical and
horizontal rules as line shapes, briefs in a two-column layout table (ruled or not) in a box
that grows to it, and a 本版编辑 footer; body justified with a 2-character first-line indent at a
fixed leading. Each page is made twice: once to find what each chain shows (a chain hides what
overflows its last box), then cut at a sentence end to that; the PDF's characters are checked
against the truth. `--seeds` makes further pages (tb_SEED) with other geometry.

The vertical pages (vt_*) mix vertical (竖排) and horizontal text boxes the same way (Writer
frames in tb-rl writing mode, which LibreOffice sets with the font's vertical forms: CJK
upright, ，。 at the top right of the cell, 《》 「」 —— turned, Latin and figures turned sideways;
LXGW WenKai or AR PL UMing, as WenQuanYi Zen Hei overlaps its glyphs set vertically): a 竖题
(with a vertical kicker, perhaps on a red bar) at the right or left of a story set across in
chained columns; an essay in vertical columns read right to left under its vertical headline
and byline, perhaps in a ruled box, with 「」 for quotes on some pages; a poem (title, poet, a
column a line) or a boxed vertical sidebar beside it; a story set across under its horizontal
headline with a short vertical column label (专栏名) at its edge. The truth gives each vertical
block's text in reading order (top to bottom, columns right to left). `--seeds` makes further
pages (vt_SEED).

Typst comes with the dev extras (PyPI `typst`); the LibreOffice pages need `soffice`
(`apt-get install libreoffice-writer-nogui`) and are skipped with a note without it.

The pages are set the way other newsrooms set them, not the way Galley's exporter does:
absolute modules on a column grid, body justified with tracking from 0 to 0.17 em, display
headlines letter-spaced up to 0.5 em, gutters of 1.5–2.5 em, grey boxes for photos with a
caption and credit under them, boxed sidebars, L-shaped modules, 版眉 (paper, date, 第N版,
section) and folios, jump lines (下转第N版 / 上接第N版), and a one-column A4 document whose
paragraphs run across the page footer; web-to-print pages (WeasyPrint: CSS columns with rules,
CJK lines left ragged by up to a character, a line justified at its one word space, borders
drawn as clipped rectangles, a centred head block, a boxed list set into a column, the 版眉 in
the page's margin boxes); and LibreOffice Writer documents (flat ODF, converted by
soffice) with balanced column sections, a framed sidebar the text wraps around, tracked
headlines, a ruled header and a page-number footer. The text is invented (the fictional city of 澜州) by a
seeded sentence grammar, so it is the same on every run.

FIT-style pages (fit_*, `--fit-only`; `.venv/bin/python`, no other program): written glyph by
glyph as 方正飞腾 writes a page (tests/app/importers/fitpdf), with irregular modules: a head block
over three of a lead's four columns, its other column running from the module's top beside it;
a boxed 导读 with page references; a commentary in one column two columns wide beside a story
in three and a narrow story with its 竖题; column rules, a 版眉 over a rule (see `build_fit`).

XeLaTeX pages (xl_*, `--xelatex-only`; needs `xelatex` with ctex: `apt-get install texlive-xetex
texlive-lang-chinese`, not a Galley dependency): a broadsheet front (a lead over five balanced
multicol columns, two stories side by side in minipages, a story across with a photo; with and
without column rules) and a tabloid inside page (a story in two columns with its photo set into
the first, beside a framed commentary; a story set ragged right with a box of figures), in
ctex's Fandol faces, which xdvipdfmx embeds as CID-keyed CFF with no ToUnicode, the MediaBox
written once in the page tree (see `build_xelatex`).

Printer's spreads (sp_*, `--spreads-only`): two pages of the corpus side by side on one PDF
page (each drawn as a form XObject, the right one moved across by the left one's width), as a
printer's 2-up PDF holds a pair of pages, made from the pages already written; their truth is
the two pages' truth, left then right.

The truth (JSON) lists, page by page, the furniture lines and the stories in reading order,
each a list of elements {"kind", "text"}: kicker, headline, deck, byline, body (a first body
paragraph may open with a dateline: "dateline" holds it), subhead, caption, sidebar, jump.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "pdf_corpus"
FONT_PATHS = ["/usr/share/fonts/truetype"]
SONG, HEI, KAI = "AR PL UMing CN", "WenQuanYi Zen Hei", "LXGW WenKai"

# ---------------------------------------------------------------------------------------------
# invented text

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁沈任姚卢钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤"
GIVEN = "晓明华建国志强海燕秀兰文静伟军丽萍红霞俊杰雪梅子涵浩然思远雨欣宇航佳怡嘉怡欣怡立新春生秋菊玉兰振华德胜永刚桂芳凤英金花向东卫东"
DISTRICTS = ["滨江区", "青石区", "南湖新区", "望川县", "云岭镇", "东坪街道", "澜北开发区", "西塘片区", "北湾港区", "石门乡"]
BODIES = ["市交通运输局", "市发展改革委", "市生态环境局", "市教育局", "市卫生健康委", "市文化旅游局", "市住房城乡建设局",
          "市农业农村局", "澜州港务集团", "澜州职业技术学院", "市图书馆", "市气象台", "市消防救援支队", "市总工会"]
THINGS = ["公交站台", "口袋公园", "充电桩", "养老服务站", "便民菜场", "社区食堂", "绿道", "停车泊位", "校园足球场",
          "防汛泵站", "农家书屋", "冷链仓库", "集装箱泊位", "智慧路灯", "健身步道", "雨水花园"]
ADJ = ["便捷", "安全", "绿色", "高效", "温暖", "有序", "舒适", "宜居"]
VERBS = ["新建", "改造", "投用", "提升", "扩建", "验收", "开放", "启动"]
SLOGANS = ["民生优先", "绿色发展", "共建共享", "精益求精", "久久为功", "守正创新", "稳中求进", "以人为本"]
MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
WEEKDAYS = "一二三四五六日"


class Writer:
    """A seeded grammar of news sentences about 澜州."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def pick(self, xs):
        return self.r.choice(xs)

    def name(self, n: int | None = None) -> str:
        n = n or self.r.choice((2, 3, 3))
        return self.pick(SURNAMES) + "".join(self.pick(GIVEN) for _ in range(n - 1))

    def num(self) -> str:
        return self.pick(["一百二十", "三十六", "四千余", "八百多", "二十七", "五十五", "一千二百", "六十"])

    def sentence(self) -> str:
        r = self.r
        d, b, t, a, v = self.pick(DISTRICTS), self.pick(BODIES), self.pick(THINGS), self.pick(ADJ), self.pick(VERBS)
        k = r.randrange(12)
        if k == 0:
            return f"今年以来，{d}{v}{t}{self.num()}个，让居民出行更加{a}。"
        if k == 1:
            return f"据{b}介绍，全市已累计{v}{t}{self.num()}处，覆盖{self.pick(DISTRICTS)}等{r.randint(3, 12)}个片区。"
        if k == 2:
            s1, s2 = r.sample(SLOGANS, 2)
            return f"{b}负责人表示，将坚持“{s1}”“{s2}”的思路，把{t}建设列入年度民生实事。"
        if k == 3:
            return f"家住{d}的居民{self.name()}说：“以前{t}离家很远，现在走几分钟就到了，生活{a}多了。”"
        if k == 4:
            return f"{r.randint(2019, 2025)}年，{d}投入资金{r.randint(2, 98)}.{r.randint(1, 9)}亿元，用于{t}和配套设施建设。"
        if k == 5:
            return f"下一步，{b}还将会同{self.pick(BODIES)}，在{d}试点{t}的{a}化管理。"
        if k == 6:
            return f"记者在{d}看到，新投用的{t}旁，不少市民正在排队体验，现场秩序井然。"
        if k == 7:
            return f"《澜州市{t}建设三年行动方案》明确，到{r.randint(2026, 2030)}年底，全市{t}总数将达到{self.num()}个。"
        if k == 8:
            return f"为保障工程质量，{b}组织专家对{t}项目开展了{r.randint(2, 9)}轮专项检查，发现问题全部整改到位。"
        if k == 9:
            return f"“{t}虽小，却连着千家万户。”{b}工作人员{self.name()}告诉记者，群众的意见就是工作的方向。"
        if k == 10:
            return f"截至{self.pick(MONTHS)}月底，{d}已完成{t}{v}任务的{r.randint(60, 99)}%，比计划提前{r.randint(2, 30)}天。"
        return f"不少市民通过“澜州发布”APP留言，希望在{self.pick(DISTRICTS)}增设更多{t}。"

    def paragraph(self, lo=2, hi=5) -> str:
        return "".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def headline(self) -> str:
        t, d, v = self.pick(THINGS), self.pick(DISTRICTS), self.pick(VERBS)
        return self.pick([f"{d}{self.num()}个{t}年内{v}", f"{t}建设跑出加速度", f"{d}{t}全面{v}",
                          f"澜州{v}{t}惠及{self.num()}户居民", f"让{t}成为群众家门口的幸福", f"{d}打造{self.pick(ADJ)}{t}"])

    def kicker(self) -> str:
        return self.pick(["聚焦民生实事", "奋进新征程", "一线见闻", "我为群众办实事", "城市更新进行时", "澜州观察"])

    def deck(self) -> str:
        return f"——{self.pick(DISTRICTS)}{self.pick(VERBS)}{self.pick(THINGS)}侧记"

    def subhead(self) -> str:
        return self.pick([f"{self.pick(ADJ)}服务进社区", f"{self.pick(THINGS)}有了新模样", "小切口撬动大民生",
                          "群众满意是标尺", f"{self.pick(VERBS)}提速不停步"])

    def byline(self) -> str:
        return self.pick([f"本报记者 {self.name()}", f"记者 {self.name()} 通讯员 {self.name()}",
                          f"□ 本报记者 {self.name()} {self.name()}", f"■ 记者 {self.name()}"])

    def dateline(self, reporter: bool) -> str:
        if reporter:
            return f"本报讯（记者 {self.name()}）"
        return self.pick(["本报讯 ", f"本报讯（通讯员 {self.name()}）", f"本报澜州{self.r.randint(1, 28)}日讯 "])

    def caption(self) -> str:
        return (f"图为{self.pick(DISTRICTS)}新投用的{self.pick(THINGS)}，市民在这里{self.pick(['休闲', '健身', '散步', '购物'])}。"
                f" {self.pick(['本报记者 ', '', '通讯员 '])}{self.name()} 摄")

    def sidebar(self) -> tuple[str, list[str]]:
        return (self.pick(["相关链接", "数读", "小贴士", "背景资料"]),
                [f"{self.pick(THINGS)}：{self.num()}个" for _ in range(self.r.randint(3, 5))])


# ---------------------------------------------------------------------------------------------
# stories and their Typst

@dataclass
class Story:
    kicker: str | None
    headline: str
    deck: str | None
    byline: str | None
    paras: list[str]
    dateline: str | None = None
    subheads: dict[int, str] = field(default_factory=dict)    # before paragraph k
    caption: str | None = None
    sidebar: tuple[str, list[str]] | None = None

    def truth(self, paras: range | None = None, heads: bool = True) -> list[dict]:
        out = []
        if heads:
            if self.kicker:
                out.append({"kind": "kicker", "text": self.kicker})
            out.append({"kind": "headline", "text": self.headline})
            if self.deck:
                out.append({"kind": "deck", "text": self.deck})
            if self.byline:
                out.append({"kind": "byline", "text": self.byline})
        for k in paras if paras is not None else range(len(self.paras)):
            if k in self.subheads:
                out.append({"kind": "subhead", "text": self.subheads[k]})
            el = {"kind": "body", "text": self.paras[k]}
            if k == 0 and self.dateline:
                el["dateline"] = self.dateline
            out.append(el)
        return out


def make_story(w: Writer, n_paras: int, kicker=True, deck=True, byline=True, subheads=0, dateline=True,
               caption=False, sidebar=False) -> Story:
    paras = [w.paragraph() for _ in range(n_paras)]
    dl = None
    if dateline:
        dl = w.dateline(reporter=not byline)
        paras[0] = dl + paras[0]
    subs = {}
    for _ in range(subheads):
        k = w.r.randrange(2, max(3, n_paras))
        if k < n_paras:
            subs[k] = w.subhead()
    return Story(w.kicker() if kicker else None, w.headline(), w.deck() if deck else None,
                 w.byline() if byline else None, paras, dl.strip() if dl else None, subs,
                 w.caption() if caption else None, w.sidebar() if sidebar else None)


def esc(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\#*_`$<>@[]=-+/~\"'":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Style:
    body: float = 9.0            # pt
    tracking: float = 0.05       # em
    gutter: float = 2.0          # em of body
    head_track: float = 0.2      # em
    head_size: float = 22.0
    leading: float = 0.55        # em


def head_parts(s: Story) -> list[tuple[str, str]]:
    """(kind, text) of the head block's elements the story has, top to bottom."""
    return [(kind, text) for kind, text in (("kicker", s.kicker), ("headline", s.headline), ("deck", s.deck),
                                            ("byline", s.byline)) if text]


def heads_typ(s: Story, st: Style, center: bool) -> str:
    align = "center" if center else "left"
    style = {"kicker": f'font: "{KAI}", size: {st.body * 1.4:.1f}pt',
             "headline": f'font: "{HEI}", size: {st.head_size:.1f}pt, tracking: {st.head_track}em',
             "deck": f'font: "{KAI}", size: {st.body * 1.5:.1f}pt', "byline": f'font: "{KAI}", size: {st.body * 1.1:.1f}pt'}
    return "\n#v(0.2em)\n".join(f"#align({align}, text({style[kind]})[{esc(text)}])" for kind, text in head_parts(s))


def body_typ(s: Story, paras: range, st: Style) -> str:
    out = []
    for k in paras:
        if k in s.subheads:
            out.append(f'#block(above: 0.8em, below: 0.5em, text(font: "{HEI}", size: {st.body * 1.15:.1f}pt, tracking: 0em)[{esc(s.subheads[k])}])')
        out.append(esc(s.paras[k]))
    return "\n\n".join(out)


def photo_typ(s: Story, st: Style, height_mm: float) -> str:
    return (f'#block(breakable: false, below: 0.8em)[#rect(width: 100%, height: {height_mm}mm, fill: luma(180), stroke: none)'
            f'#v(0.1em)#text(font: "{KAI}", size: {st.body * 0.95:.1f}pt, tracking: 0em)[{esc(s.caption)}]]')


def sidebar_typ(s: Story, st: Style) -> str:
    title, items = s.sidebar
    rows = "\n\n".join(esc(x) for x in items)
    return (f'#block(stroke: 0.6pt, inset: 0.6em, width: 100%, breakable: false)['
            f'#text(font: "{HEI}", size: {st.body * 1.1:.1f}pt)[{esc(title)}]\n\n'
            f'#set par(first-line-indent: 0em)\n{rows}]')


def module_typ(s: Story, cols: int, st: Style, paras: range | None = None, heads=True, center=False,
               photo: str | None = None, jump_out: str | None = None, jump_in: str | None = None,
               sidebar=False) -> str:
    """A story's module: headings across, photo across (top) or not, body in `cols` balanced columns."""
    paras = paras if paras is not None else range(len(s.paras))
    top = heads_typ(s, st, center) + "\n#v(0.5em)\n" if heads else ""
    if jump_in:
        top += f'#align(left, text(size: {st.body:.1f}pt)[{esc(jump_in)}])\n'
    if photo == "top":
        top += photo_typ(s, st, 38) + "\n"
    body = body_typ(s, paras, st)
    if photo == "column":
        body = photo_typ(s, st, 26) + "\n" + body
    if sidebar:
        body = body + "\n\n" + sidebar_typ(s, st)
    if jump_out:
        body += f'\n\n#align(right, text(size: {st.body:.1f}pt)[{esc(jump_out)}])'
    gut = f"{st.gutter * st.body:.2f}pt"
    return (f"{top}#layout(size => {{\n"
            f"  let body = [{body}]\n"
            f"  let colw = (size.width - {cols - 1} * {gut}) / {cols}\n"
            f"  let h = measure(block(width: colw, body)).height\n"
            f"  block(width: 100%, height: h / {cols} + {st.body * 3.5:.1f}pt, columns({cols}, gutter: {gut}, body))\n"
            f"}})")


def page_setup(width_mm, height_mm, st: Style, margin_mm=12, header: str | None = None,
               footer: str | None = None) -> str:
    hdr = f', header: [{header}]' if header else ""
    ftr = f', footer: [{footer}]' if footer else ""
    return (f'#set page(width: {width_mm}mm, height: {height_mm}mm, margin: {margin_mm}mm{hdr}{ftr})\n'
            f'#set text(font: "{SONG}", size: {st.body}pt, lang: "zh", tracking: {st.tracking}em, top-edge: "ascender")\n'
            f'#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: {st.leading}em, spacing: {st.leading}em)\n')


def masthead_typ(paper: str, date: str, page: int, section: str) -> str:
    return (f'#grid(columns: (1fr, 1fr, 1fr), align: (left, center, right), '
            f'text(font: "{HEI}", size: 10pt)[{paper}], text(size: 9pt)[{date}], '
            f'text(font: "{HEI}", size: 10pt)[第{page}版 {section}])\n'
            f'#line(length: 100%, stroke: 1.2pt)\n#v(0.4em)\n')


def row_typ(cells: list[tuple[int, str]], grid_cols: int, st: Style, rule=True) -> str:
    """A band of modules side by side; each cell spans some grid columns."""
    gut = f"{st.gutter * st.body:.2f}pt"
    cols = ", ".join(f"{n}fr" for n, _ in cells)
    body = ", ".join(f"[{c}]" for _, c in cells)
    out = f"#grid(columns: ({cols}), column-gutter: {gut}, {body})\n"
    if rule:
        out += "#v(0.3em)\n#line(length: 100%, stroke: 0.4pt)\n#v(0.5em)\n"
    return out


# ---------------------------------------------------------------------------------------------
# the corpus

@dataclass
class Doc:
    name: str
    typ: list[str] = field(default_factory=list)
    pages: list[dict] = field(default_factory=list)


def broadsheet_front(seed: int, st: Style, name: str, grid_cols=6) -> Doc:
    """A front page: a lead across the top with a photo, two stories side by side, a boxed sidebar story."""
    w = Writer(seed)
    lead = make_story(w, 6, subheads=1, caption=True)
    second = make_story(w, 4, kicker=False, deck=False, byline=True, dateline=True)
    third = make_story(w, 3, kicker=False, deck=False, byline=False, dateline=True, sidebar=True)
    fourth = make_story(w, 3, kicker=False, deck=True, byline=True, caption=True)
    doc = Doc(name)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日 星期{w.pick(WEEKDAYS)}"
    t = page_setup(330, 470, st)
    t += masthead_typ("澜州日报", date, 1, "要闻")
    t += row_typ([(grid_cols, module_typ(lead, grid_cols, st, center=True, photo="top"))], grid_cols, st)
    t += row_typ([(grid_cols // 2, module_typ(second, grid_cols // 2, st)),
                  (grid_cols - grid_cols // 2, module_typ(third, grid_cols - grid_cols // 2, st, sidebar=True))],
                 grid_cols, st)
    t += row_typ([(grid_cols, module_typ(fourth, grid_cols, st, photo="column"))], grid_cols, st, rule=False)
    doc.typ.append(t)
    stories = [lead.truth(), second.truth(), third.truth(), fourth.truth()]
    _captions(stories, [lead, second, third, fourth])
    doc.pages.append({"furniture": ["澜州日报", date, "第1版 要闻"], "stories": stories})
    return doc


def row_typ_rules(cells: list[tuple[int, str]], st: Style) -> str:
    """A band of modules with a thin column rule in each gutter between them."""
    gut = f"{st.gutter * st.body:.2f}pt"
    cols = ", ".join(f"{n}fr" for n, _ in cells)
    rules = ", ".join(f"grid.vline(x: {k}, stroke: 0.5pt)" for k in range(1, len(cells)))
    body = ", ".join(f"[{c}]" for _, c in cells)
    return (f"#grid(columns: ({cols}), column-gutter: {gut}, {rules}, {body})\n"
            "#v(0.3em)\n#line(length: 100%, stroke: 0.4pt)\n#v(0.5em)\n")


def boxed_story_typ(s: Story, cols: int, st: Style) -> str:
    return (f'#block(stroke: 0.8pt, inset: 0.8em, width: 100%)[{module_typ(s, cols, st)}]')


def ad_typ(w: Writer) -> tuple[str, list[str]]:
    name = w.pick(["澜州农商银行", "青石湖酒店", "澜州大剧院", "南湖家居广场"])
    slogan = w.pick(["服务三农 共创未来", "开业大酬宾", "新春演出季", "品质生活 从家开始"])
    phone = f"咨询电话：0000-{w.r.randint(1000, 9999)}{w.r.randint(1000, 9999)}"
    lines = [name, slogan, phone]
    typ = (f'#block(fill: luma(235), inset: 1em, width: 100%)[#align(center)['
           f'#text(font: "{HEI}", size: 30pt)[{esc(name)}]\n\n#text(font: "{KAI}", size: 18pt)[{esc(slogan)}]\n\n'
           f'#text(size: 11pt)[{esc(phone)}]]]')
    return typ, lines


def broadsheet_dense(seed: int, st: Style, name: str) -> Doc:
    """An eight-column broadsheet page: a lead with a photo, three modules side by side with column
    rules between them (one a boxed story with its own headline), an advertisement beside a
    story in four columns, and a 本版编辑 line at the foot."""
    w = Writer(seed)
    lead = make_story(w, 7, subheads=2, caption=True)
    a = make_story(w, 4, kicker=False, deck=False)
    b = make_story(w, 4, kicker=False, deck=True, byline=False, dateline=True)
    boxed = make_story(w, 3, kicker=False, deck=False, byline=True)
    d = make_story(w, 3, kicker=True, deck=False, caption=True)
    ad, ad_lines = ad_typ(w)
    doc = Doc(name)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日 星期{w.pick(WEEKDAYS)}"
    editor = f"本版编辑：{w.name()}  美术编辑：{w.name()}"
    t = page_setup(350, 500, st, footer=f'#align(right, text(size: 8pt)[{esc(editor)}])')
    t += masthead_typ("澜州日报", date, 4, "民生")
    t += row_typ([(8, module_typ(lead, 8, st, photo="top"))], 8, st)
    t += row_typ_rules([(3, module_typ(a, 3, st)), (3, module_typ(b, 3, st)), (2, boxed_story_typ(boxed, 2, st))], st)
    t += row_typ([(4, ad), (4, module_typ(d, 4, st, photo="column"))], 8, st, rule=False)
    doc.typ.append(t)
    stories = [lead.truth(), a.truth(), b.truth(), boxed.truth(), d.truth()]
    _captions(stories, [lead, a, b, boxed, d])
    stories.append([{"kind": "ad", "text": x} for x in ad_lines])
    doc.pages.append({"furniture": ["澜州日报", date, "第4版 民生", editor], "stories": stories})
    return doc


def front_six(seed: int, st: Style, name: str) -> Doc:
    """A full front page like a trade daily's: six stories on eight columns (a lead with a photo,
    three side by side, two more beside a boxed promotion of a magazine's contents), narrow
    gutters, jump line from the lead."""
    w = Writer(seed)
    lead = make_story(w, 8, subheads=1, caption=True)
    s2, s3 = make_story(w, 4, kicker=False, deck=False), make_story(w, 4, kicker=False, deck=True, byline=False)
    s4 = make_story(w, 3, kicker=False, deck=False, caption=True)
    s5, s6 = make_story(w, 4, kicker=True, deck=False), make_story(w, 3, kicker=False, deck=False, byline=False)
    promo = Story(None, "《澜州》杂志第" + w.pick(["三", "七", "十一"]) + "期要目", None, None, [],
                  sidebar=("本期要目", [f"{w.headline()}" for _ in range(4)]))
    doc = Doc(name)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日 星期{w.pick(WEEKDAYS)}"
    t = page_setup(370, 520, st, footer='#align(center, text(size: 8pt)[第1版])')
    t += masthead_typ("澜州经济报", date, 1, "要闻")
    t += row_typ([(8, module_typ(lead, 8, st, photo="top", jump_out="（下转第3版）", paras=range(6)))], 8, st)
    t += row_typ([(3, module_typ(s2, 3, st)), (3, module_typ(s3, 3, st)), (2, module_typ(s4, 2, st, photo="column"))],
                 8, st)
    box = (f'#block(stroke: 1pt, inset: 0.7em, width: 100%)[#align(center, text(font: "{HEI}", size: 16pt)'
           f'[{esc(promo.headline)}])\n\n{sidebar_typ(promo, st)}]')
    t += row_typ([(3, module_typ(s5, 3, st)), (3, module_typ(s6, 3, st)), (2, box)], 8, st, rule=False)
    doc.typ.append(t)
    stories = [lead.truth(range(6)) + [{"kind": "jump", "text": "（下转第3版）"}],
               s2.truth(), s3.truth(), s4.truth(), s5.truth(), s6.truth()]
    _captions(stories, [lead, s2, s3, s4, s5, s6])
    stories.append([{"kind": "sidebar", "text": promo.headline}] + [{"kind": "sidebar", "text": x}
                                                                     for x in [promo.sidebar[0], *promo.sidebar[1]]])
    doc.pages.append({"furniture": ["澜州经济报", date, "第1版 要闻", "第1版"], "stories": stories})
    return doc


def _captions(stories: list[list[dict]], objs: list[Story]) -> None:
    for truth, s in zip(stories, objs):
        if s.caption:
            truth.append({"kind": "caption", "text": s.caption})
        if s.sidebar:
            truth.append({"kind": "sidebar", "text": s.sidebar[0]})
            truth.extend({"kind": "sidebar", "text": x} for x in s.sidebar[1])


def l_shaped(seed: int, st: Style, name: str) -> Doc:
    """An L-shaped module: a story across four columns that runs on down the first column, beside
    a second story in the other three; and a narrow story down the right-hand side."""
    w = Writer(seed)
    a = make_story(w, 7, kicker=True, deck=False, byline=True)
    b = make_story(w, 3, kicker=False, deck=False, byline=True, caption=True)
    c = make_story(w, 4, kicker=False, deck=False, byline=False, dateline=True)
    doc = Doc(name)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日"
    t = page_setup(300, 420, st)
    t += masthead_typ("澜州晚报", date, 3, "城事")
    left = (module_typ(a, 4, st, paras=range(4)) + "\n#line(length: 100%, stroke: 0.4pt)\n#v(0.4em)\n"
            + f"#grid(columns: (1fr, 3fr), column-gutter: {st.gutter * st.body:.2f}pt, "
            + f"[{module_typ(a, 1, st, paras=range(4, 7), heads=False)}], "
            + f"[{module_typ(b, 3, st, photo='top')}])")
    t += row_typ([(4, left), (1, module_typ(c, 1, st))], 5, st, rule=False)
    doc.typ.append(t)
    stories = [a.truth(), b.truth(), c.truth()]
    _captions(stories, [a, b, c])
    doc.pages.append({"furniture": ["澜州晚报", date, "第3版 城事"], "stories": stories})
    return doc


def jump_pages(seed: int, st: Style, name: str) -> Doc:
    """Two pages: a story that jumps from page 1 (下转第2版) to page 2 (上接第1版), with folios."""
    w = Writer(seed)
    a = make_story(w, 7, subheads=0)
    b = make_story(w, 4, kicker=False, deck=False)
    c = make_story(w, 5, kicker=False, deck=True, caption=True)
    doc = Doc(name)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日"
    for n in (1, 2):
        t = page_setup(280, 400, st, footer=f'#align(center, text(size: 8pt)[— {n} —])')
        t += masthead_typ("澜州都市报", date, n, "要闻" if n == 1 else "综合")
        if n == 1:
            t += row_typ([(4, module_typ(a, 4, st, paras=range(4), jump_out="（下转第2版）"))], 4, st)
            t += row_typ([(4, module_typ(b, 4, st))], 4, st, rule=False)
            stories = [a.truth(range(4)), b.truth()]
            stories[0].append({"kind": "jump", "text": "（下转第2版）"})
        else:
            t += row_typ([(4, module_typ(a, 4, st, paras=range(4, 7), heads=False, jump_in="（上接第1版）"))], 4, st)
            t += row_typ([(4, module_typ(c, 4, st, photo="top"))], 4, st, rule=False)
            stories = [[{"kind": "jump", "text": "（上接第1版）"}] + a.truth(range(4, 7), heads=False), c.truth()]
            _captions(stories[1:], [c])
        doc.typ.append(t)
        doc.pages.append({"furniture": ["澜州都市报", date, f"第{n}版 " + ("要闻" if n == 1 else "综合"), f"— {n} —"],
                          "stories": stories})
    return doc


def a4_document(seed: int, st: Style, name: str, pages: int = 3) -> Doc:
    """One column of A4 text over several pages (a daily's text sent as a document): running header,
    `第N页` footer, paragraphs crossing the page breaks, quotations “…”“…” side by side."""
    w = Writer(seed)
    stories = [make_story(w, 5, kicker=False, deck=False, byline=True, subheads=1) for _ in range(pages + 1)]
    doc = Doc(name)
    t = page_setup(210, 297, st, margin_mm=25,
                   header='#align(center, text(size: 8pt)[澜州日报电子版 · 文字稿])',
                   footer='#context align(center, text(size: 8pt)[第#counter(page).display()页])')
    t += "#set par(first-line-indent: (amount: 2em, all: true))\n"
    for s in stories:
        t += (f'#block(above: 1.2em, below: 0.6em, text(font: "{HEI}", size: 15pt, tracking: {st.head_track}em)[{esc(s.headline)}])\n'
              f'#text(font: "{KAI}")[{esc(s.byline)}]\n\n' + body_typ(s, range(len(s.paras)), st) + "\n\n")
    doc.typ.append(t)
    doc.pages.append({"furniture": ["澜州日报电子版 · 文字稿"], "footer_pattern": "第{n}页",
                      "stories": [s.truth() for s in stories]})
    return doc


CORPUS = [
    (broadsheet_front, 101, Style(body=9.0, tracking=0.03, gutter=1.5, head_track=0.5, head_size=28), "front_tight"),
    (broadsheet_front, 102, Style(body=9.0, tracking=0.17, gutter=2.0, head_track=0.3, head_size=26), "front_tracked"),
    (broadsheet_front, 103, Style(body=10.0, tracking=0.0, gutter=2.5, head_track=0.0, head_size=24), "front_plain"),
    (broadsheet_dense, 501, Style(body=9.0, tracking=0.08, gutter=1.8, head_track=0.35, head_size=26), "dense_rules"),
    (l_shaped, 201, Style(body=9.0, tracking=0.1, gutter=1.6, head_track=0.4, head_size=24), "l_module"),
    (jump_pages, 301, Style(body=9.0, tracking=0.05, gutter=2.0, head_track=0.2, head_size=22), "jump"),
    (a4_document, 401, Style(body=10.5, tracking=0.0, gutter=2.0, head_track=0.0, head_size=15, leading=0.8), "a4_text"),
]


# Set after the reader was tuned on CORPUS, and scored once, untouched: other seeds, sizes,
# tracking and gutters (a check that the reader generalises, kept as fixtures).
HOLDOUT = [
    (broadsheet_front, 711, Style(body=8.5, tracking=0.12, gutter=1.6, head_track=0.45, head_size=30), "h_front"),
    (broadsheet_dense, 712, Style(body=9.5, tracking=0.03, gutter=2.2, head_track=0.15, head_size=24), "h_dense"),
    (l_shaped, 713, Style(body=8.5, tracking=0.15, gutter=2.4, head_track=0.5, head_size=22), "h_l_module"),
    (jump_pages, 714, Style(body=10.0, tracking=0.0, gutter=1.5, head_track=0.0, head_size=26), "h_jump"),
    (a4_document, 715, Style(body=12.0, tracking=0.05, gutter=2.0, head_track=0.3, head_size=16, leading=0.7),
     "h_a4_text"),
    (front_six, 717, Style(body=9.0, tracking=0.1, gutter=1.5, head_track=0.5, head_size=28), "h_front_six"),
]


# Pages in traditional characters (a Hong Kong or Taiwan paper): the same layouts, their text and
# truth converted by OpenCC s2t before Typst sets them (本報訊, 記者, 下轉第2版, 本版編輯).
TRADITIONAL = [
    (broadsheet_front, 950, Style(body=9.5, tracking=0.05, gutter=2.0, head_track=0.2, head_size=24), "tr_front"),
    (jump_pages, 953, Style(body=9.0, tracking=0.08, gutter=1.8, head_track=0.3, head_size=22), "tr_jump"),
]


def build_traditional(out: Path) -> None:
    import opencc
    import typst
    cc = opencc.OpenCC("s2t")

    def conv(x):
        if isinstance(x, str):
            return cc.convert(x)
        if isinstance(x, list):
            return [conv(v) for v in x]
        if isinstance(x, dict):
            return {k: conv(v) for k, v in x.items()}
        return x
    out.mkdir(parents=True, exist_ok=True)
    for make, seed, style, name in TRADITIONAL:
        doc = make(seed, style, name)
        src = "\n#pagebreak()\n".join(cc.convert(t) for t in doc.typ)
        (out / f"{name}.typ").write_text(src, encoding="utf-8")
        typst.compile(str(out / f"{name}.typ"), output=str(out / f"{name}.pdf"), font_paths=FONT_PATHS)
        (out / f"{name}.typ").unlink()
        doc.pages = conv(doc.pages)
        _fill_footers(out / f"{name}.pdf", doc)
        truth = {"source": "Typst via tools/make_pdf_corpus.py, text in traditional characters (OpenCC s2t)",
                 "seed": seed, "pages": doc.pages}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")


def _fill_footers(pdf: Path, doc: Doc) -> None:
    """A document that Typst paginated itself: its running header and `第N页` footer on every page."""
    import pypdfium2
    for page in doc.pages:
        pattern = page.pop("footer_pattern", None)
        if pattern:
            n = len(pypdfium2.PdfDocument(str(pdf)))
            header = page["furniture"][0]
            page["furniture"] = [header] * n + [pattern.format(n=k) for k in range(1, n + 1)]


# ---------------------------------------------------------------------------------------------
# LibreOffice Writer pages (a flat ODF document converted by soffice; only to regenerate)

def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


LO_STYLES = f"""
 <office:font-face-decls>
  <style:font-face style:name="Song" svg:font-family="'{SONG}'"/>
  <style:font-face style:name="Hei" svg:font-family="'{HEI}'"/>
  <style:font-face style:name="Kai" svg:font-family="'{KAI}'"/>
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt" fo:line-height="135%" style:punctuation-wrap="simple"/>
   <style:text-properties style:font-name="Song" style:font-name-asian="Song" fo:font-size="9.5pt" style:font-size-asian="9.5pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="297mm" fo:page-height="420mm" fo:margin-top="12mm" fo:margin-bottom="10mm" fo:margin-left="14mm" fo:margin-right="14mm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="4mm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="4mm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="19pt"/>
   <style:text-properties fo:letter-spacing="{{track}}pt"/>
  </style:style>
  <style:style style:name="Head" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="8pt" fo:margin-bottom="4pt" fo:line-height="100%"/>
   <style:text-properties style:font-name="Hei" style:font-name-asian="Hei" fo:font-size="26pt" style:font-size-asian="26pt" fo:letter-spacing="{{head_track}}pt"/>
  </style:style>
  <style:style style:name="Kicker" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties style:font-name="Kai" style:font-name-asian="Kai" fo:font-size="13pt" style:font-size-asian="13pt"/>
  </style:style>
  <style:style style:name="Byline" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="6pt"/>
   <style:text-properties style:font-name="Kai" style:font-name-asian="Kai" fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
  </style:style>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-bottom="6pt"/>
   <style:text-properties style:font-name="Kai" style:font-name-asian="Kai" fo:font-size="8.5pt" style:font-size-asian="8.5pt"/>
  </style:style>
  <style:style style:name="Side" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties style:font-name="Kai" style:font-name-asian="Kai" fo:font-size="9pt" style:font-size-asian="9pt"/>
  </style:style>
  <style:style style:name="Mast" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify" fo:border-bottom="1.2pt solid #000000" fo:padding-bottom="2pt">
    <style:tab-stops><style:tab-stop style:position="130mm" style:type="center"/><style:tab-stop style:position="269mm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties style:font-name="Hei" style:font-name-asian="Hei" fo:font-size="10pt" style:font-size-asian="10pt"/>
  </style:style>
  <style:style style:name="Foot" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt"/>
  </style:style>
  <style:style style:name="Sect3" style:family="section">
   <style:section-properties text:dont-balance-text-columns="false">
    <style:columns fo:column-count="3" fo:column-gap="{{gap}}pt"/>
   </style:section-properties>
  </style:style>
  <style:style style:name="Sect2" style:family="section">
   <style:section-properties text:dont-balance-text-columns="false">
    <style:columns fo:column-count="2" fo:column-gap="{{gap}}pt"/>
   </style:section-properties>
  </style:style>
  <style:style style:name="fr1" style:family="graphic">
   <style:graphic-properties fo:border="0.8pt solid #000000" fo:padding="5pt" style:wrap="parallel" fo:margin-left="8pt" fo:margin-right="0pt" fo:margin-top="4pt" fo:margin-bottom="4pt" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right" style:horizontal-rel="paragraph"/>
  </style:style>
  <style:style style:name="ph" style:family="graphic">
   <style:graphic-properties draw:fill="solid" draw:fill-color="#b4b4b4" draw:stroke="none" style:vertical-pos="top" style:vertical-rel="baseline"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Mast">{{paper}}<text:tab/>{{date}}<text:tab/>{{section}}</text:p></style:header>
   <style:footer><text:p text:style-name="Foot">第<text:page-number text:select-page="current"/>版</text:p></style:footer>
  </style:master-page>
 </office:master-styles>"""


def lo_page(seed: int, name: str, track: float, head_track: float, gap: float) -> tuple[str, dict]:
    """A Writer document: stories in balanced column sections under centred tracked headlines, a
    framed sidebar the body wraps around, a grey photo with its caption; header rule and folio."""
    w = Writer(seed)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日"
    stories = [make_story(w, 6, deck=False, sidebar=True), make_story(w, 5, kicker=False, deck=False, caption=True),
               make_story(w, 5, kicker=False, deck=False)]
    body = []
    for n, s in enumerate(stories):
        if s.kicker:
            body.append(f'<text:p text:style-name="Kicker">{_x(s.kicker)}</text:p>')
        body.append(f'<text:p text:style-name="Head">{_x(s.headline)}</text:p>')
        body.append(f'<text:p text:style-name="Byline">{_x(s.byline)}</text:p>')
        if s.caption:
            body.append('<text:p text:style-name="Standard"><draw:rect draw:style-name="ph" text:anchor-type="as-char" '
                        'svg:width="150mm" svg:height="45mm" svg:y="0mm"/></text:p>')
            body.append(f'<text:p text:style-name="Caption">{_x(s.caption)}</text:p>')
        body.append(f'<text:section text:style-name="{"Sect3" if n != 1 else "Sect2"}" text:name="S{n}">')
        for k, para in enumerate(s.paras):
            frame = ""
            if s.sidebar and k == 1:
                title, items = s.sidebar
                inner = "".join(f'<text:p text:style-name="Side">{_x(x)}</text:p>' for x in [title, *items])
                frame = (f'<draw:frame draw:style-name="fr1" text:anchor-type="paragraph" svg:width="48mm" '
                         f'draw:z-index="0"><draw:text-box fo:min-height="10mm">{inner}</draw:text-box></draw:frame>')
            body.append(f'<text:p text:style-name="Body">{frame}{_x(para)}</text:p>')
        body.append('</text:section>')
    styles = (LO_STYLES.replace("{track}", f"{track:.2f}").replace("{head_track}", f"{head_track:.1f}")
              .replace("{gap}", f"{gap:.1f}").replace("{paper}", "澜州晚报").replace("{date}", date)
              .replace("{section}", "第1版 社区"))
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" '
           'office:mimetype="application/vnd.oasis.opendocument.text">' + styles
           + '<office:body><office:text>' + "".join(body) + '</office:text></office:body></office:document>')
    truths = [s.truth() for s in stories]
    _captions(truths, stories)
    return doc, {"furniture": ["澜州晚报", date, "第1版 社区"], "folio_pattern": "第{n}版", "stories": truths}


LO_CORPUS = [(601, "lo_columns", 0.0, 8.0, 14.0), (602, "lo_tracked", 1.2, 12.0, 18.0),
             (716, "h_lo", 0.6, 4.0, 11.0)]   # the last one held out, as HOLDOUT


def build_libreoffice(out: Path) -> None:
    import shutil
    import subprocess
    import tempfile
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) not found: its pages are not regenerated")
        return
    for seed, name, track, head_track, gap in LO_CORPUS:
        doc, page = lo_page(seed, name, track, head_track, gap)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{name}.fodt"
            src.write_text(doc, encoding="utf-8")
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                            "pdf", "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=300)
        pdf = out / f"{name}.pdf"
        import pypdfium2
        n = len(pypdfium2.PdfDocument(str(pdf)))
        pattern = page.pop("folio_pattern")
        page["furniture"] = page["furniture"] * n + [pattern.format(n=k) for k in range(1, n + 1)]
        truth = {"source": "LibreOffice Writer via tools/make_pdf_corpus.py", "seed": seed, "pages": [page]}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")


# ---------------------------------------------------------------------------------------------
# Word-processor pages: text boxes placed on the page (flat ODF converted by soffice)

TB_CORPUS = [(1201, "tb_front"), (1202, "tb_campus"), (1203, "tb_inhouse"), (1204, "tb_table")]

_TB_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" '
          'office:mimetype="application/vnd.oasis.opendocument.text"')
_TB_FONTS = {"song": "Song", "hei": "Hei", "kai": "Kai"}


def _tb_picture(seed: int) -> str:
    """A small PNG (a sky over a roof line), base64, to embed as a photo."""
    import base64
    import io

    from PIL import Image, ImageDraw
    r = random.Random(seed)
    img = Image.new("RGB", (160, 110), (200, 215, 230))
    d = ImageDraw.Draw(img)
    for y in range(110):
        d.line((0, y, 160, y), fill=(170 + y // 2, 190 + y // 3, 220 - y // 3))
    pts = [(0, 110)] + [(x, r.randint(45, 85)) for x in range(0, 161, 20)] + [(160, 110)]
    d.polygon(pts, fill=(90, 100, 95))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return base64.b64encode(buf.getvalue()).decode()


class TbPage:
    """A page set the way a small newsroom sets it in Word or WPS: every module a text box placed
    on the page (anchored to the page, positions in mm from its corner), stories flowing through
    chained boxes (draw:chain-next-name), shapes for rules and boxes, pictures with caption boxes."""

    def __init__(self, seed: int, cuts: dict[int, int] | None = None):
        self.w = Writer(seed)
        r = self.w.r
        self.seed, self.cuts = seed, cuts or {}
        self.W, self.H = r.choice([(297, 420), (297, 420), (260, 370)])
        self.ml, self.mt, self.mb = r.uniform(13, 18), r.uniform(11, 15), r.uniform(10, 14)
        self.n = r.choice([4, 5]) if self.W > 280 else 4
        self.g = r.uniform(3.5, 6)
        self.cw = (self.W - 2 * self.ml - (self.n - 1) * self.g) / self.n
        self.body = r.choice([9.5, 10.0, 10.5])
        self.lead = self.body * r.uniform(1.45, 1.65)
        self.track = r.choice([0.0, 0.0, 0.3, 0.6])
        self.red = r.random() < 0.5
        self.styles: dict[str, str] = {}
        self.shapes: list[str] = []
        self.chains: list[tuple[int, list[tuple[float, float, float, float]]]] = []
        self.furniture: list[str] = []
        self.story_paras: list[list[str]] = []
        self.z = 0
        self.k = 0

    # --- styles
    def pstyle(self, font: str, size: float, align="justify", indent=0.0, track=0.0, leading=None, color="#000000",
               before=0.0, after=0.0) -> str:
        key = f"P_{font}_{size:.2f}_{align}_{indent:.2f}_{track:.2f}_{leading}_{color}_{before:.1f}_{after:.1f}"
        name = f"P{len(self.styles)}"
        if key not in self.styles:
            lh = f'fo:line-height="{leading:.2f}pt"' if leading else 'fo:line-height="100%"'
            f = _TB_FONTS[font]
            self.styles[key] = (
                f'<style:style style:name="{name}" style:family="paragraph"><style:paragraph-properties fo:text-align="{align}" '
                f'style:justify-single-word="false" fo:text-indent="{indent:.2f}pt" {lh} fo:margin-top="{before:.1f}pt" '
                f'fo:margin-bottom="{after:.1f}pt" style:punctuation-wrap="simple"/>'
                f'<style:text-properties style:font-name="{f}" style:font-name-asian="{f}" fo:font-size="{size:.2f}pt" '
                f'style:font-size-asian="{size:.2f}pt" fo:letter-spacing="{track:.2f}pt" fo:color="{color}"/></style:style>')
        return self.styles[key].split('"')[1]

    def gstyle(self, border: str | None = None, fill: str | None = None, pad=0.0, stroke: float | None = None,
               frame=False, vertical=False) -> str:
        """A graphic style: a Writer text frame's (frame=True: a fixed size, chains flow; vertical:
        its text set in columns right to left) or a shape's."""
        key = f"G_{border}_{fill}_{pad}_{stroke}_{frame}_{vertical}"
        name = f"G{len(self.styles)}"
        if key not in self.styles:
            props = ('style:wrap="run-through" style:run-through="foreground" style:vertical-pos="from-top" '
                     'style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page" '
                     + ('style:shadow="none" style:writing-mode="tb-rl"' if vertical else
                        'draw:textarea-vertical-align="top" style:shadow="none"'))
            props += f' fo:border="{border}"' if border else ' fo:border="none"'
            props += f' fo:padding="{pad:.1f}mm"'
            props += f' draw:fill="solid" draw:fill-color="{fill}"' if fill else ' draw:fill="none"'
            if stroke is not None:
                props += f' draw:stroke="solid" svg:stroke-width="{stroke:.2f}pt" svg:stroke-color="#000000"'
            elif not frame:
                props += ' draw:stroke="none"'
            parent = ' style:parent-style-name="Frame"' if frame else ""
            self.styles[key] = (f'<style:style style:name="{name}" style:family="graphic"{parent}>'
                                f'<style:graphic-properties {props}/></style:style>')
        return self.styles[key].split('"')[1]

    def _pos(self, x, y, w, h) -> str:
        self.z += 1
        return (f'text:anchor-type="paragraph" svg:x="{x:.2f}mm" svg:y="{y:.2f}mm" '
                f'svg:width="{w:.2f}mm" svg:height="{h:.2f}mm" draw:z-index="{self.z}"')

    # --- page parts
    def box(self, x, y, w, h, paras: list[tuple[str, str]], border=None, fill=None, pad=0.0, next_name=None,
            name=None) -> str:
        self.k += 1
        name = name or f"tb{self.k}"
        inner = "".join(f'<text:p text:style-name="{st}">{_x(t)}</text:p>' for st, t in paras)
        chain = f' draw:chain-next-name="{next_name}"' if next_name else ""
        self.shapes.append(f'<draw:frame draw:style-name="{self.gstyle(border, fill, pad, frame=True)}" draw:name="{name}" '
                           f'{self._pos(x, y, w, h)}><draw:text-box{chain}>{inner}</draw:text-box></draw:frame>')
        return name

    def line(self, x1, y1, x2, y2, width=0.75) -> None:
        """A rule drawn as a line shape (as Word users draw them); thick ones as a filled bar."""
        self.z += 1
        if width >= 1.2 and self.w.r.random() < 0.5:
            h = width * 0.3528
            self.shapes.append(f'<draw:rect draw:style-name="{self.gstyle(fill="#000000")}" '
                               f'{self._pos(x1, y1 - h / 2, x2 - x1, h)}/>')
            return
        self.shapes.append(f'<draw:line draw:style-name="{self.gstyle(stroke=width)}" text:anchor-type="paragraph" '
                           f'svg:x1="{x1:.2f}mm" svg:y1="{y1:.2f}mm" svg:x2="{x2:.2f}mm" '
                           f'svg:y2="{y2:.2f}mm" draw:z-index="{self.z}"><text:p/></draw:line>')

    def picture(self, x, y, w, h, s: Story) -> float:
        """A photo (a grey box or an embedded picture) and its caption box under it; the bottom."""
        if self.w.r.random() < 0.5:
            self.shapes.append(f'<draw:rect draw:style-name="{self.gstyle(fill="#b4b4b4")}" {self._pos(x, y, w, h)}/>')
        else:
            self.shapes.append(f'<draw:frame draw:style-name="{self.gstyle()}" {self._pos(x, y, w, h)}><draw:image>'
                               f'<office:binary-data>{_tb_picture(self.seed + self.k)}</office:binary-data>'
                               f'</draw:image></draw:frame>')
        cap = s.caption or ""
        size = self.body * 0.9
        lines = 1 + int(len(cap) * size * 0.3528 / (w - 1))
        ch = lines * size * 1.35 * 0.3528 + 1.5
        self.box(x, y + h + 1.2, w, ch, [(self.pstyle("kai", size, "left", leading=size * 1.35), cap)])
        return y + h + 1.2 + ch

    def heads(self, s: Story, x, y, w, size, align="center", track=0.0, banner=False) -> float:
        """Kicker, headline, deck and byline boxes stacked from y; the y under them."""
        r = self.w.r
        if s.kicker:
            ks = self.body * 1.3
            if banner:     # a kicker set white on a coloured bar: a shape with text in it
                bw = min(w, len(s.kicker) * ks * 0.3528 * 1.4 + 8)
                bx = x + (w - bw) / 2 if align == "center" else x
                st = self.pstyle("hei", ks, "center", color="#ffffff")
                self.z += 1
                self.shapes.append(
                    f'<draw:rect draw:style-name="{self.gstyle(fill="#b01818")}" {self._pos(bx, y, bw, ks * 0.3528 + 3)}>'
                    f'<text:p text:style-name="{st}">{_x(s.kicker)}</text:p></draw:rect>')
            else:
                self.box(x, y, w, ks * 0.3528 * 1.3, [(self.pstyle("kai", ks, align), s.kicker)])
            y += ks * 0.3528 * 1.3 + 2.5
        color = "#c00000" if self.red else "#000000"
        hw = len(s.headline) * (size + track) * 0.3528
        lines = 1 if hw <= w - 2 else 2
        h = lines * size * 0.3528 * 1.2 + 1
        self.box(x, y, w, h, [(self.pstyle("hei", size, align, track=track, leading=size * 1.2, color=color),
                               s.headline)])
        y += h + 1.5
        if s.deck:
            ds = self.body * 1.25
            self.box(x, y, w, ds * 0.3528 * 1.3, [(self.pstyle("kai", ds, align), s.deck)])
            y += ds * 0.3528 * 1.3 + 1.5
        if s.byline:
            bs = self.body
            self.box(x, y, w, bs * 0.3528 * 1.3, [(self.pstyle("kai", bs, align), s.byline)])
            y += bs * 0.3528 * 1.3 + r.uniform(2, 3.5)
        return y + 1

    def flow(self, s: Story, rects: list[tuple[float, float, float, float]]) -> None:
        """The story's body through chained boxes; cut at a sentence end to what they hold (the
        cut is found by a first rendering: TbPage(seed, cuts))."""
        sid = len(self.chains)
        self.chains.append((sid, rects))
        self.story_paras.append(list(s.paras))
        flat = _sentences(s.paras)
        kept = _first_sentences(flat, self.cuts.get(sid, len(flat)))
        s.paras = [kept[k] for k in sorted(kept)]
        s.subheads = {k: v for k, v in s.subheads.items() if k in kept and k > 0}
        body = self.pstyle("song", self.body, "justify", indent=2 * (self.body + self.track), track=self.track,
                           leading=self.lead)
        sub = self.pstyle("hei", self.body * 1.1, "left", leading=self.lead, before=3, after=1)
        paras = []
        for k, p in enumerate(s.paras):
            if k in s.subheads:
                paras.append((sub, s.subheads[k]))
            paras.append((body, p))
        names = [f"c{sid}_{i}" for i in range(len(rects))]
        for i, (x, y, w, h) in enumerate(rects):
            self.box(x, y, w, h, paras if i == 0 else [], next_name=names[i + 1] if i + 1 < len(rects) else None,
                     name=names[i])

    def sidebar(self, s: Story, x, y, w, h) -> None:
        """A boxed sidebar: a text box with a border and a light fill."""
        title, items = s.sidebar or ("", [])
        r = self.w.r
        paras = [(self.pstyle("hei", self.body * 1.1, "center", after=2), title)]
        paras += [(self.pstyle("kai", self.body, "left", leading=self.lead), t) for t in items]
        self.box(x, y, w, h, paras, border=f"{r.choice([0.5, 0.8, 1.2])}pt solid #000000",
                 fill=r.choice([None, "#eeeeee", "#f2e6d0"]), pad=2.5)

    def x(self, c: int) -> float:
        return self.ml + c * (self.cw + self.g)

    def span(self, k: int) -> float:
        return k * self.cw + (k - 1) * self.g

    def masthead(self) -> float:
        w, r = self.w, self.w.r
        paper = w.pick(["澜州职院报", "澜港人", "澜州晚报", "澜州教育", "滨江社区报"])
        date = f"2026年{r.randint(1, 12)}月{r.randint(1, 28)}日 星期{w.pick(WEEKDAYS)}"
        folio = f"第{r.choice([1, 2, 3, 4])}版 {w.pick(['要闻', '校园', '综合', '社区', '企业文化'])}"
        x, y, full = self.ml, self.mt, self.W - 2 * self.ml
        self.box(x, y, 60, 7, [(self.pstyle("hei", 13, "left"), paper)])
        self.box(x + full / 2 - 40, y + 1, 80, 5, [(self.pstyle("song", 9, "center"), date)])
        self.box(x + full - 60, y + 0.5, 60, 6, [(self.pstyle("hei", 11, "right"), folio)])
        self.line(x, y + 8, x + full, y + 8, r.choice([1.0, 1.5, 2.25]))
        if r.random() < 0.5:
            self.line(x, y + 9.2, x + full, y + 9.2, 0.4)
        self.furniture += [paper, date, folio]
        return y + 13

    def footer(self) -> float:
        w = self.w
        text = f"本版编辑：{w.name()}　校对：{w.name()}"
        y = self.H - self.mb - 4
        self.box(self.W - self.ml - 90, y, 90, 4.5, [(self.pstyle("song", 8, "right"), text)])
        self.furniture.append(text)
        return y - 2

    def table(self, briefs: list[Story], x, y, w, h, ruled: bool) -> None:
        """Briefs in a two-column layout table inside a text box, row by row."""
        border = "0.5pt solid #000000" if ruled else "none"
        cell = (f'<style:style style:name="TC" style:family="table-cell"><style:table-cell-properties '
                f'fo:padding="1.5mm" fo:border="{border}"/></style:style>')
        self.styles["TC"] = cell
        self.styles["TT"] = (f'<style:style style:name="TT" style:family="table"><style:table-properties '
                             f'style:width="{w:.2f}mm" table:align="left"/></style:style>')
        head = self.pstyle("hei", self.body * 1.2, "left", after=1.5)
        body = self.pstyle("song", self.body, "justify", indent=2 * self.body, leading=self.lead)
        rows = []
        for a in range(0, len(briefs), 2):
            cells = []
            for s in briefs[a:a + 2]:
                cells.append(f'<table:table-cell table:style-name="TC"><text:p text:style-name="{head}">{_x(s.headline)}'
                             f'</text:p>' + "".join(f'<text:p text:style-name="{body}">{_x(p)}</text:p>' for p in s.paras)
                             + '</table:table-cell>')
            rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        tbl = ('<table:table table:name="Briefs" table:style-name="TT"><table:table-column table:number-columns-repeated="2"/>'
               + "".join(rows) + "</table:table>")
        self.k += 1
        pos = self._pos(x, y, w, h).replace(f'svg:height="{h:.2f}mm" ', "")     # the box grows to its table
        self.shapes.append(f'<draw:frame draw:style-name="{self.gstyle(frame=True)}" draw:name="tb{self.k}" '
                           f'{pos}><draw:text-box fo:min-height="10mm">{tbl}</draw:text-box></draw:frame>')

    def fodt(self) -> str:
        fonts = "".join(f'<style:font-face style:name="{n}" svg:font-family="\'{f}\'"/>'
                        for n, f in (("Song", SONG), ("Hei", HEI), ("Kai", KAI)))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document ' + _TB_NS + '>'
                f'<office:font-face-decls>{fonts}</office:font-face-decls>'
                '<office:styles><style:style style:name="Frame" style:family="graphic"/></office:styles>'
                '<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties '
                f'fo:page-width="{self.W}mm" fo:page-height="{self.H}mm" fo:margin-top="10mm" fo:margin-bottom="10mm" '
                'fo:margin-left="10mm" fo:margin-right="10mm"/></style:page-layout>'
                + "".join(self.styles.values()) + '</office:automatic-styles>'
                '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>'
                '</office:master-styles><office:body><office:text><text:p>' + "".join(self.shapes)
                + '</text:p></office:text></office:body></office:document>')


def tb_page(seed: int, cuts: dict[int, int] | None = None) -> tuple[TbPage, dict]:
    """A page of text boxes: 版眉 and rule; a lead (kicker, maybe on a coloured bar; a big headline,
    maybe letter-spaced; deck, byline) flowing through chained column boxes round a picture and
    its caption; a band of two stories side by side, one round a boxed sidebar, with a rule
    between them; a bottom band of briefs in a layout table (or a story with a picture) beside
    another chained story; 本版编辑 footer."""
    p = TbPage(seed, cuts)
    w, r = p.w, p.w.r
    n, full = p.n, p.W - 2 * p.ml
    lead = make_story(w, 9, subheads=r.choice([0, 1]), caption=True, deck=r.random() < 0.6)
    s2 = make_story(w, 7, kicker=False, deck=False, byline=r.random() < 0.7)
    s3 = make_story(w, 7, kicker=r.random() < 0.4, deck=False, sidebar=True)
    s4 = make_story(w, 7, kicker=False, deck=False, caption=True)
    briefs = [make_story(w, 1, kicker=False, deck=False, byline=False) for _ in range(4)]
    for b in briefs:
        b.paras = [(b.dateline or "") + "".join(w.sentence() for _ in range(r.choice([1, 2])))]
    use_table = r.random() < 0.6
    y = p.masthead()
    bottom = p.footer()
    avail = bottom - y

    # the lead: its picture on the left or the right, the columns under it shorter
    y = p.heads(lead, p.ml, y, full, r.uniform(28, 38), r.choice(["center", "left"]), r.choice([0, 0, 4, 8]),
                banner=r.random() < 0.5)
    band = avail * r.uniform(0.3, 0.36)
    m = 2
    left = r.random() < 0.5
    pc = 0 if left else n - m
    under = p.picture(p.x(pc), y, p.span(m), band * r.uniform(0.42, 0.55), lead) + 2
    end = y + band
    rects = []
    for c in range(n):
        top = under if pc <= c < pc + m else y
        rects.append((p.x(c), top, p.cw, end - top))
    p.flow(lead, rects)
    y = end + 2
    p.line(p.ml, y, p.ml + full, y, 0.75)
    y += 3.5

    # band two: two stories side by side, the second round a boxed sidebar
    band = avail * r.uniform(0.28, 0.32)
    k2 = n // 2 if r.random() < 0.5 else n - n // 2
    k3 = n - k2
    top, end = y, y + band
    yy = p.heads(s2, p.ml, y, p.span(k2), r.uniform(18, 22), "left", r.choice([0, 2]))
    p.flow(s2, [(p.x(c), yy, p.cw, end - yy) for c in range(k2)])
    gx = p.x(k2) - p.g / 2
    p.line(gx, top, gx, end, 0.5)
    yy = p.heads(s3, p.x(k2), y, p.span(k3), r.uniform(18, 22), r.choice(["left", "center"]), 0)
    sh = (end - yy) * r.uniform(0.35, 0.5)
    items = s3.sidebar[1] if s3.sidebar else []
    per_line = max(1, int((p.cw - 6) / (p.body * 0.3528)))
    need = 5 + p.body * 1.1 * 0.3528 * 1.3 + 1 + sum(-(-len(t) // per_line) for t in items) * p.lead * 0.3528 + 3
    sh = max(sh, need)
    sb_top = r.random() < 0.5
    sc = k2 + k3 - 1
    rects = []
    for c in range(k2, n):
        if c == sc:
            rects.append((p.x(c), yy + sh + 3, p.cw, end - yy - sh - 3) if sb_top else (p.x(c), yy, p.cw, end - yy - sh - 3))
        else:
            rects.append((p.x(c), yy, p.cw, end - yy))
    p.sidebar(s3, p.x(sc), yy if sb_top else end - sh, p.cw, sh)
    p.flow(s3, rects)
    y = end + 2
    p.line(p.ml, y, p.ml + full, y, 0.75)
    y += 3.5

    # band three: briefs in a layout table (or a story with its picture) beside a chained story
    end = bottom - 2
    kb = 2
    k4 = n - kb
    bl = r.random() < 0.5
    bx = p.x(0) if bl else p.x(k4)
    sx0 = kb if bl else 0
    stories = [lead, s2, s3]
    if use_table:
        p.table(briefs, bx, y, p.span(kb), end - y, r.random() < 0.5)
    yy = p.heads(s4, p.x(sx0), y, p.span(k4 if use_table else n), r.uniform(18, 24), "left", r.choice([0, 3]))
    if use_table:
        cols = list(range(sx0, sx0 + k4))
        ph_c = cols[0] if r.random() < 0.5 else cols[-1]
        under = p.picture(p.x(ph_c), yy, p.cw, (end - yy) * 0.38, s4) + 2
        p.flow(s4, [(p.x(c), under if c == ph_c else yy, p.cw, end - (under if c == ph_c else yy)) for c in cols])
        stories += [s4, *briefs]
    else:
        under = p.picture(bx, yy, p.span(kb), (end - yy) * 0.5, s4) + 2
        cols = list(range(sx0, sx0 + k4))
        rects = [(p.x(c), yy, p.cw, end - yy) for c in cols]
        rects += [(bx, under, p.cw, end - under), (bx + p.cw + p.g, under, p.cw, end - under)]
        if bl:
            rects = rects[-2:] + rects[:-2]
        p.flow(s4, rects)
        stories.append(s4)
    truths = [s.truth() for s in stories]
    _captions(truths, stories)
    return p, {"furniture": p.furniture, "stories": truths}


def _tb_shown(pdf: Path, p: TbPage) -> dict[int, int]:
    """How many sentences of each chained story the boxes show (a chain hides what overflows)."""
    import re

    import pypdfium2
    doc = pypdfium2.PdfDocument(str(pdf))
    page = doc[0]
    tp = page.get_textpage()
    H = page.get_height()
    out = {}
    for sid, rects in p.chains:
        text = "".join(tp.get_text_bounded(x / 25.4 * 72 - 1, H - (y + h) / 25.4 * 72 - 1, (x + w) / 25.4 * 72 + 1,
                                           H - y / 25.4 * 72 + 1) for x, y, w, h in rects)
        text = "".join(text.split())
        sents = [x for x in re.findall(_SC_SENTENCE, "".join(p.story_paras[sid])) if x]
        k, at = 0, 0
        for s in sents:
            i = text.find("".join(s.split()), at)
            if i < 0:
                break
            k, at = k + 1, i + len("".join(s.split()))
        out[sid] = k
    doc.close()
    return out


def build_textbox(out: Path, pages: list[tuple[int, str]] | None = None, make=None,
                  source: str = "LibreOffice Writer (Debian) text boxes via tools/make_pdf_corpus.py") -> None:
    """Word-processor pages of text boxes (Debian's LibreOffice converts the flat ODF; not a
    Galley dependency): each page made once to see what its chains hold, then again cut to it.
    `make`: the page maker (tb_page; vt_page for the vertical pages)."""
    make = make or tb_page
    import shutil
    import subprocess
    import tempfile
    from collections import Counter

    import pypdfium2
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) not found: the text-box pages are not regenerated")
        return
    out.mkdir(parents=True, exist_ok=True)

    def render(p: TbPage, name: str, tmp: str) -> Path:
        src = Path(tmp) / f"{name}.fodt"
        src.write_text(p.fodt(), encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=300)
        return Path(tmp) / f"{name}.pdf"

    for seed, name in pages or TB_CORPUS:
        with tempfile.TemporaryDirectory() as tmp:
            p, _ = make(seed)
            cuts = _tb_shown(render(p, name, tmp), p)
            p, page = make(seed, cuts)
            pdf = render(p, name, tmp)
            doc = pypdfium2.PdfDocument(str(pdf))
            got = Counter("".join("".join(pg.get_textpage().get_text_range().split()) for pg in doc))
            n_pages = len(doc)
            doc.close()
            want = Counter("".join("".join(e["text"].split()) for st in page["stories"] for e in st)
                           + "".join("".join(f.split()) for f in page["furniture"]))
            shutil.copy(pdf, out / f"{name}.pdf")
            if n_pages != 1 or got != want:
                raise SystemExit(f"{name}: {n_pages} pages; not on the page {dict(want - got)}; "
                                 f"not in the truth {dict(got - want)}")
        truth = {"source": source, "seed": seed, "pages": [page]}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")


# ---------------------------------------------------------------------------------------------
# vertical text (竖排): Writer text frames in vertical writing mode (LibreOffice)

VT_CORPUS = [(2401, "vt_front"), (2402, "vt_fukan"), (2403, "vt_poem"), (2404, "vt_mixed")]
MM = 0.3528      # mm in a point


class VtPage(TbPage):
    """A page mixing vertical and horizontal text boxes, as a 副刊 or a feature page sets it in a
    word processor: 竖题 (a vertical headline, perhaps with a vertical kicker beside it) next to a
    story set across in chained columns, an essay set in vertical columns read right to left
    under its vertical headline and byline, a poem, a boxed vertical sidebar, a horizontal story
    with a short vertical column label at its edge. The vertical frames use Writer's tb-rl
    writing mode, which sets CJK upright, punctuation in its vertical forms and Latin and
    figures turned sideways."""

    def __init__(self, seed: int, cuts: dict[int, int] | None = None):
        super().__init__(seed, cuts)
        r = self.w.r
        self.vbody = r.choice([10.5, 11.0, 12.0])
        self.vlead = self.vbody * r.uniform(1.5, 1.8)
        self.vtrack = r.choice([0.0, 0.0, 0.6, 1.0])
        self.vfont = r.choice(["kai", "kai", "song"])
        self.corner = r.random() < 0.5          # 「」 for quotes in the vertical text

    def vbox(self, x, y, w, h, paras: list[tuple[str, str]], border=None, fill=None, pad=0.0, name=None) -> str:
        self.k += 1
        name = name or f"vb{self.k}"
        inner = "".join(f'<text:p text:style-name="{st}">{_x(t)}</text:p>' for st, t in paras)
        self.shapes.append(f'<draw:frame draw:style-name="{self.gstyle(border, fill, pad, frame=True, vertical=True)}" draw:name="{name}" '
                           f'{self._pos(x, y, w, h)}><draw:text-box>{inner}</draw:text-box></draw:frame>')
        return name

    def vtext(self, text: str) -> str:
        return text.replace("“", "「").replace("”", "」") if self.corner else text

    def vheads(self, s: Story, right: float, y: float, h: float, size: float) -> float:
        """A vertical headline (and a vertical kicker to its right, read first) standing in
        [right - width, right] from y, h tall; the left edge of the group."""
        r = self.w.r
        x = right
        if s.kicker:
            ks = self.body * r.uniform(1.3, 1.5)
            kw = ks * MM * 1.4
            x -= kw
            fill = r.choice([None, "#b01818"])
            st = self.pstyle("kai" if fill is None else "song", ks, "left", color="#ffffff" if fill else "#000000")
            self.vbox(x, y + r.uniform(0, 6), kw, len(s.kicker) * ks * MM * 1.1 + 3, [(st, s.kicker)], fill=fill)
            x -= 2
        size = min(size, (h - 4) / (len(s.headline) * 1.05 * MM))
        hw = size * MM * 1.35
        x -= hw
        color = "#c00000" if self.red else "#000000"
        st = self.pstyle("kai", size, r.choice(["left", "left", "center"]), color=color, leading=size * 1.2)
        self.vbox(x, y, hw, h, [(st, s.headline)])
        return x

    def vflow(self, s: Story, x, y, w, h, border=None) -> None:
        """A story's body in a vertical frame, columns right to left; cut to what the frame shows."""
        sid = len(self.chains)
        self.chains.append((sid, [(x, y, w, h)]))
        s.paras = [self.vtext(p) for p in s.paras]
        self.story_paras.append(list(s.paras))
        flat = _sentences(s.paras)
        kept = _first_sentences(flat, self.cuts.get(sid, len(flat)))
        s.paras = [kept[k] for k in sorted(kept)]
        body = self.pstyle(self.vfont, self.vbody, "justify", indent=2 * (self.vbody + self.vtrack), track=self.vtrack,
                           leading=self.vlead)
        self.vbox(x, y, w, h, [(body, p) for p in s.paras], border=border, pad=2.5 if border else 0.0)

    # --- bands
    def band_vhead(self, s: Story, y: float, h: float) -> None:
        """竖题 beside a story set across in chained columns (the headline on its right or left)."""
        r = self.w.r
        full = self.W - 2 * self.ml
        right_side = r.random() < 0.6
        size = r.uniform(24, 34)
        hw = size * MM * 1.35 + (self.body * 1.5 * MM * 1.4 + 2 if s.kicker else 0)
        if right_side:
            x0, x1 = self.ml, self.ml + full - hw - self.g
            self.vheads(s, self.ml + full, y, h, size)
        else:
            x0, x1 = self.ml + hw + self.g, self.ml + full
            self.vheads(s, self.ml + hw, y, h, size)
        n = max(2, round((x1 - x0) / 60))
        cw = (x1 - x0 - (n - 1) * self.g) / n
        self.flow(s, [(x0 + c * (cw + self.g), y, cw, h) for c in range(n)])

    def band_essay(self, s: Story, y: float, h: float, x0: float, x1: float) -> None:
        """An essay set in vertical columns: headline and byline columns at the right, the body
        read right to left; perhaps in a bordered box."""
        r = self.w.r
        boxed = r.random() < 0.4
        pad = 3.0 if boxed else 0.0
        if boxed:
            self.shapes.append(f'<draw:rect draw:style-name="{self.gstyle(stroke=r.choice([0.5, 0.8]))}" '
                               f'{self._pos(x0, y, x1 - x0, h)}/>')
        top, bottom = y + pad, y + h - pad
        x = self.vheads(s, x1 - pad, top, (bottom - top) * r.uniform(0.6, 1.0), r.uniform(20, 28))
        if s.byline:
            bw = self.vbody * MM * 1.5
            x -= bw + 1.5
            off = r.uniform(8, 30)
            self.vbox(x, top + off, bw, bottom - top - off,
                      [(self.pstyle(self.vfont, self.vbody, "left"), s.byline)])
        x -= r.uniform(4, 7)
        self.vflow(s, x0 + pad, top, x - x0 - pad, bottom - top)

    def band_poem(self, s: Story, y: float, h: float, x0: float, x1: float) -> None:
        """A poem: a title column, the poet, one column a line."""
        x = self.vheads(s, x1, y, h * 0.7, self.w.r.uniform(18, 24))
        bw = self.vbody * MM * 1.5
        if s.byline:
            x -= bw + 1.5
            self.vbox(x, y + 20, bw, h - 20, [(self.pstyle(self.vfont, self.vbody, "left"), s.byline)])
        x -= 6
        st = self.pstyle(self.vfont, self.vbody * 1.05, "left", leading=self.vbody * 2.0)
        width = min(x - x0, len(s.paras) * self.vbody * 2.0 * MM + 4)
        self.vbox(x - width, y + 8, width, h - 8, [(st, t) for t in s.paras])

    def band_sidebar(self, s: Story, y: float, h: float, x0: float, x1: float) -> None:
        """A boxed sidebar set vertically: its title column at the right, an item a column."""
        r = self.w.r
        title, items = s.sidebar or ("", [])
        paras = [(self.pstyle("kai", self.vbody * 1.15, "left", after=2), title)]
        paras += [(self.pstyle(self.vfont, self.vbody, "left", leading=self.vlead), t) for t in items]
        width = min(x1 - x0, (len(items) + 1.5) * self.vlead * MM + 8)
        self.vbox(x1 - width, y, width, h, paras, border=f"{r.choice([0.5, 0.8, 1.2])}pt solid #000000",
                  fill=r.choice([None, "#eeeeee", "#f2e6d0"]), pad=2.5)

    def band_label(self, s: Story, y: float, h: float, x0: float, x1: float) -> None:
        """A story set across, its horizontal headline over it, and a short vertical column
        label (专栏名, its kicker) standing at its left or right edge."""
        r = self.w.r
        ks = self.body * r.uniform(1.3, 1.6)
        lw = ks * MM * 1.5 + (3 if r.random() < 0.5 else 0)
        left = r.random() < 0.5
        fill = r.choice([None, "#b01818", "#1a4f8a"])
        st = self.pstyle("kai" if fill is None else "song", ks, "center", color="#ffffff" if fill else "#c00000")
        lx = x0 if left else x1 - lw
        self.vbox(lx, y, lw, len(s.kicker or "") * ks * MM * 1.15 + 4, [(st, s.kicker or "")], fill=fill)
        a, b = (x0 + lw + self.g, x1) if left else (x0, x1 - lw - self.g)
        yy = self.heads(Story(None, s.headline, None, s.byline, []), a, y, b - a, r.uniform(18, 22), "left")
        n = max(1, round((b - a) / 60))
        cw = (b - a - (n - 1) * self.g) / n
        self.flow(s, [(a + c * (cw + self.g), yy, cw, y + h - yy) for c in range(n)])


def _poem(w: Writer) -> Story:
    r = w.r
    lines = []
    for k in range(r.randint(4, 8)):
        d, t, a = w.pick(DISTRICTS), w.pick(THINGS), w.pick(ADJ)
        line = w.pick([f"风从{d}吹过{t}", f"{t}的灯一盏盏亮起", f"我在{d}等一场{a}的雨", f"澜江把{t}轻轻抱住",
                       f"{w.pick(MONTHS)}月的{d}开满了花", f"有人在{t}旁唱起老歌"])
        lines.append(line + ("。" if k % 2 else "，"))
    title = w.pick(["澜江谣", "写给滨江的信", "港区的早晨", "云岭夜色", "春天的站台"])
    return Story(None, title, None, f"□ {w.name()}", lines)


def _essay(w: Writer, n: int) -> Story:
    s = make_story(w, n, kicker=w.r.random() < 0.4, deck=False, byline=True, dateline=False)
    k = w.r.randrange(n)
    s.paras[k] += f"{w.pick(THINGS)}——这是{w.pick(DISTRICTS)}居民最常提起的话题。"
    # (not 文／…: structure does not take that for a byline yet, see app/repair/features.py)
    s.byline = w.pick([f"■ {w.name()}", f"□ {w.name()}", f"本报记者 {w.name()}"])
    return s


def vt_page(seed: int, cuts: dict[int, int] | None = None) -> tuple[VtPage, dict]:
    """A page of horizontal and vertical text boxes: 版眉; bands (in an order the seed picks) of a
    竖题 story, a vertical essay beside a poem or a vertical sidebar, a horizontal story with a
    vertical column label; 本版编辑 footer."""
    p = VtPage(seed, cuts)
    w, r = p.w, p.w.r
    full = p.W - 2 * p.ml
    y = p.masthead()
    bottom = p.footer()
    avail = bottom - y
    lead = make_story(w, 6, kicker=r.random() < 0.6, deck=False, byline=False)
    essay = _essay(w, 5)
    label = make_story(w, 4, kicker=True, deck=False, byline=r.random() < 0.5)
    side = make_story(w, 1, kicker=False, deck=False, byline=False, sidebar=True) if r.random() < 0.5 else None
    poem = _poem(w) if side is None else None
    companion = poem or side
    with_essay = r.random() < 0.5
    bands = ["vhead", "essay", "mixed"]
    r.shuffle(bands)
    heights = {"vhead": 0.32, "essay": 0.36, "mixed": 0.32}
    stories: list[Story] = []
    truths: list[list[dict]] = []

    def beside(x0: float, x1: float, h: float) -> None:
        if poem is not None:
            p.band_poem(poem, y, h, x0, x1)
            stories.append(poem)
        elif side is not None:
            p.band_sidebar(side, y, h, x0, x1)

    for band in bands:
        h = avail * heights[band] - 5
        if band == "vhead":
            p.band_vhead(lead, y, h)
            stories.append(lead)
        elif band == "essay" and not (companion and with_essay):
            p.band_essay(essay, y, h, p.ml, p.ml + full)
            stories.append(essay)
        elif band == "essay":
            cut = full * r.uniform(0.58, 0.7)
            if r.random() < 0.5:        # the essay on the left, the poem or sidebar on the right
                p.band_essay(essay, y, h, p.ml, p.ml + cut)
                stories.append(essay)
                beside(p.ml + cut + p.g, p.ml + full, h)
            else:
                beside(p.ml, p.ml + full - cut - p.g, h)
                p.band_essay(essay, y, h, p.ml + full - cut, p.ml + full)
                stories.append(essay)
        else:
            mid = p.ml + full * (r.uniform(0.55, 0.65) if companion and not with_essay else 1.0)
            p.band_label(label, y, h, p.ml, mid)
            stories.append(label)
            if companion and not with_essay:
                beside(mid + p.g, p.ml + full, h)
        y += h + 3
        if band != bands[-1]:
            p.line(p.ml, y, p.ml + full, y, 0.75)
            y += 3
    for s in stories:
        truths.append(s.truth())
    if side is not None:
        truths.append([{"kind": "sidebar", "text": side.sidebar[0]}] + [{"kind": "sidebar", "text": t}
                                                                      for t in side.sidebar[1]])
    return p, {"furniture": p.furniture, "stories": truths}


# ---------------------------------------------------------------------------------------------
# WeasyPrint: HTML and CSS, as a web-to-print system sets a page

WP_CSS = """
@page { size: {w}mm {h}mm; margin: 22mm 14mm 16mm 14mm;
  @top-left { content: "{paper}"; font: 11pt "{hei}"; }
  @top-center { content: "{date}"; font: 9pt "{song}"; }
  @top-right { content: "{section}"; font: 9pt "{hei}"; }
  @bottom-center { content: "第" counter(page) "版"; font: 8pt "{song}"; } }
body { font: {body}pt/1.6 "{song}"; margin: 0; }
.story { border-bottom: 0.6pt solid #000; padding: 3mm 0 4mm; }
.kicker { font: {kick}pt "{kai}"; text-align: {align}; margin: 0 0 1mm; }
h1 { font: {head}pt "{hei}"; letter-spacing: {track}em; text-align: {align}; margin: 0 0 1.5mm; font-weight: normal; }
.deck { font: {kick}pt "{kai}"; text-align: {align}; margin: 0 0 1mm; }
.byline { font: {body}pt "{kai}"; text-align: {align}; margin: 0 0 2mm; }
.cols { column-count: {cols}; column-gap: {gap}em; column-rule: {rule}; text-align: justify; }
.cols p { text-indent: 2em; margin: 0; letter-spacing: {btrack}em; }
h3 { font: {sub}pt "{hei}"; margin: 1.5mm 0 1mm; font-weight: normal; break-after: avoid; }
.photo { background: #bbb; height: {photo}mm; margin: 1mm 0; }
.caption { font: {cap}pt "{kai}"; margin: 0 0 2mm; }
.box { border: 0.8pt solid #000; padding: 2mm 3mm; margin: 0 0 2mm; break-inside: avoid; }
.box p { text-indent: 0; margin: 0; }
.box .title { font: {sub}pt "{hei}"; }
.row { display: flex; gap: 6mm; }
.row > .story { flex: 1; }
"""


def _h(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def story_html(s: Story, cols: int, photo: bool) -> str:
    parts = ['<div class="story">']
    parts += [f"<h1>{_h(text)}</h1>" if kind == "headline" else f'<p class="{kind}">{_h(text)}</p>'
              for kind, text in head_parts(s)]
    if photo and s.caption:
        parts.append(f'<div class="photo"></div><p class="caption">{_h(s.caption)}</p>')
    parts.append(f'<div class="cols" style="column-count: {cols}">')
    for k, para in enumerate(s.paras):
        if k in s.subheads:
            parts.append(f"<h3>{_h(s.subheads[k])}</h3>")
        if s.sidebar and k == 2:
            title, items = s.sidebar
            parts.append('<div class="box"><p class="title">' + _h(title) + "</p>"
                         + "".join(f"<p>{_h(x)}</p>" for x in items) + "</div>")
        parts.append(f"<p>{_h(para)}</p>")
    parts.append("</div></div>")
    return "".join(parts)


def wp_page(seed: int, track: float, btrack: float, gap: float, centre: bool, size: tuple[int, int]) -> tuple[str, dict]:
    """A page set in HTML and CSS: a lead story in four columns under a tracked headline, a row
    of two stories side by side (one with a grey photo and its caption), and a story in three
    columns with a boxed sidebar set into its columns; 版眉 in the page's top margin boxes and
    the folio (第N版) from the page counter."""
    w = Writer(seed)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日"
    lead = make_story(w, 6, subheads=1)
    left = make_story(w, 4, kicker=False, deck=False, caption=True)
    right = make_story(w, 4, kicker=False, deck=False)
    boxed = make_story(w, 5, kicker=False, deck=False, sidebar=True)
    html = (story_html(lead, 4, False) + '<div class="row">' + story_html(left, 2, True)
            + story_html(right, 2, False) + "</div>" + story_html(boxed, 3, False))
    css = WP_CSS
    for key, val in {"w": str(size[0]), "h": str(size[1]), "paper": "澜州都市报", "date": date, "section": "第1版 城事",
                     "song": SONG, "hei": HEI, "kai": KAI, "body": "9.5", "kick": "12", "head": "24",
                     "sub": "10.5", "cap": "8.5", "track": f"{track:.2f}", "btrack": f"{btrack:.2f}",
                     "gap": f"{gap:.1f}", "rule": "0.4pt solid #000", "cols": "3", "photo": "40",
                     "align": "center" if centre else "left"}.items():
        css = css.replace("{" + key + "}", val)
    doc = f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head><body>{html}</body></html>'
    stories = [lead.truth(), left.truth(), right.truth(), boxed.truth()]
    _captions(stories, [lead, left, right, boxed])
    return doc, {"furniture": ["澜州都市报", date, "第1版 城事"], "folio_pattern": "第{n}版", "stories": stories}


WP_CORPUS = [(801, "wp_front", 0.2, 0.0, 1.5, True, (297, 420)), (802, "wp_tracked", 0.4, 0.08, 2.0, False, (350, 500)),
             (901, "wp_left", 0.25, 0.02, 1.6, False, (330, 470)), (902, "wp_wide", 0.35, 0.06, 1.3, True, (350, 500)),
             (816, "h_wp", 0.3, 0.04, 1.2, True, (330, 470))]   # h_wp: held out at first (31 → 78 of 82 sentences), not in the corpus


def build_weasyprint(out: Path) -> None:
    """The WeasyPrint pages (PyPI `weasyprint`, with Pango; not a Galley dependency: run this
    tool with a Python that has it, e.g. a scratch venv with weasyprint and pypdfium2)."""
    try:
        import weasyprint
    except ImportError:
        print("WeasyPrint not installed: its pages are not regenerated")
        return
    import pypdfium2
    for seed, name, track, btrack, gap, centre, size in WP_CORPUS:
        doc, page = wp_page(seed, track, btrack, gap, centre, size)
        pdf = out / f"{name}.pdf"
        weasyprint.HTML(string=doc).write_pdf(str(pdf))
        n = len(pypdfium2.PdfDocument(str(pdf)))
        pattern = page.pop("folio_pattern")
        pages = [dict(page, furniture=page["furniture"] + [pattern.format(n=1)])]
        if n > 1:
            raise SystemExit(f"{name}: {n} pages, the corpus page must fit on one")
        truth = {"source": f"WeasyPrint {weasyprint.__version__} via tools/make_pdf_corpus.py", "seed": seed,
                 "pages": pages}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")


# ---------------------------------------------------------------------------------------------
# Scribus: frames on a column grid, as a desktop-publishing program sets a page

SC_FONTS = {"song": "AR PL UMing CN Light", "hei": "WenQuanYi Zen Hei Regular", "kai": "LXGW WenKai Regular"}
PT = 25.4 / 72      # mm in a point
_SC_SENTENCE = r".+?(?:[。！？][”’」』）)]*|$)"


def _sentences(paras: list[str]) -> list[tuple[int, str]]:
    """The sentences of a story's paragraphs in order, each with its paragraph's index."""
    import re
    return [(k, t) for k, p in enumerate(paras) for t in re.findall(_SC_SENTENCE, p) if t]


def _first_sentences(flat: list[tuple[int, str]], n: int) -> dict[int, str]:
    """The story cut after its first n sentences (`_sentences`): what is left of each paragraph
    that keeps any, by index (an editor cuts a story at a sentence end to the hole it has)."""
    kept: dict[int, str] = {}
    for k, t in flat[:n]:
        kept[k] = kept.get(k, "") + t
    return kept

SC_CORPUS = [(1101, "sc_front"), (1102, "sc_wrap"), (1103, "sc_chain"), (1104, "sc_wide")]


class ScPage:
    """One page built in Scribus through its scripter (`scribus` module, only inside Scribus):
    text frames, frame columns, linked chains, boxes, grey image frames and rules, in mm."""

    def __init__(self, sc, seed: int):
        self.sc, self.w = sc, Writer(seed)
        r = self.w.r
        self.W, self.H = r.choice([(330, 470), (350, 500), (297, 420), (340, 485)])
        self.ml, self.mt, self.mb = r.uniform(13, 18), r.uniform(12, 16), r.uniform(14, 18)
        self.n = r.choice([6, 7, 8]) if self.W >= 330 else r.choice([5, 6])
        self.g = r.uniform(3.2, 5.0)
        self.cw = (self.W - 2 * self.ml - (self.n - 1) * self.g) / self.n
        self.body = r.choice([9.0, 9.0, 9.5, 10.0])
        self.track = r.choice([0, 0, 20, 40, 60])              # per mille of an em, Scribus's unit
        self.leading = self.body * r.uniform(1.45, 1.7)
        self.stories: list[Story] = []
        self.furniture: list[str] = []
        self._styles()
        sc.newDocument((self.W, self.H), (self.ml, self.ml, self.mt, self.mb), sc.PORTRAIT, 1,
                       sc.UNIT_MILLIMETERS, sc.PAGE_1, 0, 1)
        sc.defineColor("Photo", 0, 0, 0, int(r.uniform(25, 45) * 2.55))
        sc.defineColor("Tint", 0, 0, 0, 20)

    # --- styles: a character style inside each paragraph style, sizes in pt
    def _styles(self):
        self._style_defs = {}

    def style(self, name: str, role: str, size: float, align=0, leading=None, indent=0.0, track=0, before=0.0,
              after=0.0) -> str:
        if name not in self._style_defs:
            self._style_defs[name] = True
            self.sc.createCharStyle(name="c" + name, font=SC_FONTS[role], fontsize=size, tracking=track)
            self.sc.createParagraphStyle(name=name, linespacingmode=0, linespacing=leading or size * 1.25,
                                         alignment=align, firstindent=indent, gapbefore=before, gapafter=after,
                                         charstyle="c" + name)
        return name

    def body_style(self) -> str:
        return self.style("Body", "song", self.body, 3, self.leading, 2 * self.body * (1 + self.track / 1000),
                          self.track)

    # --- geometry
    def x(self, col: int) -> float:
        return self.ml + col * (self.cw + self.g)

    def span(self, cols: int) -> float:
        return cols * self.cw + (cols - 1) * self.g

    # --- frames
    def frame(self, x, y, w, h, paras: list[tuple[str, str]], cols=1, inset=0.0) -> str:
        sc = self.sc
        f = sc.createText(x, y, w, h)
        sc.setTextDistances(inset, inset, inset, inset, f)
        if cols > 1:
            sc.setColumns(cols, f)
            sc.setColumnGap(self.g, f)
        if paras:
            self.fill(f, paras)
            for _ in range(40):         # a frame of its own text grows until it all shows
                sc.layoutText(f)
                if not sc.textOverflows(f):
                    break
                h += 1.0
                sc.sizeObject(w, h, f)
        return f

    def fill(self, f: str, paras: list[tuple[str, str]]) -> None:
        sc = self.sc
        sc.setText("\r".join(t for _, t in paras), f)
        pos = 0
        for style, text in paras:
            sc.selectText(pos, len(text), f)
            sc.setParagraphStyle(style, f)
            pos += len(text) + 1
        sc.selectText(0, 0, f)

    def line(self, x1, y1, x2, y2, width=0.5) -> None:
        ln = self.sc.createLine(x1, y1, x2, y2)
        self.sc.setLineWidth(width, ln)
        self.sc.setLineColor("Black", ln)

    def text_line(self, x, y, w, role, size, text, align=0, track=0, wrap=False) -> float:
        """A one-line frame (a size that fits its width), or with `wrap` a headline kept at its
        size in two lines where one is too narrow; returns its height in mm."""
        n = 1
        if wrap and size > w / PT / (len(text) * (1 + track / 1000) + 0.6):
            n = 2
        size = min(size, w / PT / (-(-len(text) // n) * (1 + track / 1000) + 0.6))
        h = n * size * 1.35 * PT + 0.6
        st = self.style(f"L{role}{size:.2f}{align}{track}", role, size, align, size * 1.3, track=track)
        self.frame(x, y, w, h, [(st, text)])
        return h

    def heads(self, s: Story, x, y, w, head_size, align, head_track, wrap=False) -> float:
        """Kicker, headline, deck and byline frames stacked; returns the y under them."""
        if s.kicker:
            y += self.text_line(x, y, w, "kai", self.body * 1.4, s.kicker, align) + 0.8
        y += self.text_line(x, y, w, "hei", head_size, s.headline, align, head_track, wrap) + 1.0
        if s.deck:
            y += self.text_line(x, y, w, "kai", self.body * 1.5, s.deck, align) + 0.8
        if s.byline:
            y += self.text_line(x, y, w, "kai", self.body * 1.1, s.byline, align) + 0.5
        return y + 2.0

    def photo(self, s: Story, x, y, w, h, credit_first: bool, flow=False) -> float:
        """A grey image frame, its credit and caption frames; returns the y under them."""
        sc = self.sc
        img = sc.createImage(x, y, w, h)
        sc.setFillColor("Photo", img)
        sc.setLineColor("None", img)
        cap, credit = s.caption.split("。 ", 1)
        cap += "。"
        cap_size = self.body * 0.95
        per_line = max(1, int(w / PT / cap_size))
        cap_h = -(-len(cap) // per_line) * cap_size * 1.35 * PT + 0.8
        cred_h = self.body * 0.85 * 1.35 * PT + 0.6
        made = [img]
        cst = self.style("Caption", "kai", cap_size, 0, cap_size * 1.35)
        rst = self.style("Credit", "kai", self.body * 0.85, 2, self.body * 0.85 * 1.3)
        y += h + 1.0
        if credit_first:
            made.append(self.frame(x, y, w, cred_h, [(rst, credit)]))
            made.append(self.frame(x, y + cred_h + 0.4, w, cap_h, [(cst, cap)]))
        else:
            made.append(self.frame(x, y, w, cap_h, [(cst, cap)]))
            made.append(self.frame(x, y + cap_h + 0.4, w, cred_h, [(rst, credit)]))
        if flow:
            for item in made:
                sc.setTextFlowMode(item, 1)
        return y + cap_h + cred_h + 0.4

    def sidebar_box(self, s: Story, x, y, w, fill: bool) -> float:
        """A boxed sidebar: one frame with a line round it (and a tint), text flowing around it."""
        sc = self.sc
        title, items = s.sidebar
        size = self.body
        per_line = max(1, int((w - 6) / PT / size))
        lines = 1 + sum(-(-len(t) // per_line) for t in items)
        h = lines * size * 1.45 * PT + 7.5
        tst = self.style("SideTitle", "hei", size * 1.15, 0, size * 1.5, after=2)
        ist = self.style("SideItem", "song", size, 0, size * 1.45)
        f = self.frame(x, y, w, h, [(tst, title)] + [(ist, t) for t in items], inset=3)
        sc.setLineColor("Black", f)
        sc.setLineWidth(self.w.r.choice([0.5, 0.8, 1.0]), f)
        if fill:
            sc.setFillColor("Tint", f)
        sc.setTextFlowMode(f, 1)
        return h

    def chain(self, rects: list[tuple[float, float, float, float, int]]) -> list[str]:
        """Linked text frames (x, y, w, h, frame columns), still empty: what they flow around
        (a photo, a box) is made after them, above them."""
        frames = [self.frame(x, y, w, h, [], cols) for x, y, w, h, cols in rects]
        for a, b in itertools.pairwise(frames):
            self.sc.linkTextFrames(a, b)
        return frames

    def flow(self, s: Story, frames: list[str]) -> None:
        """The story's body flowed through its chain; the text is cut at a sentence end to what
        fits, as an editor cuts a story to its hole."""
        sc = self.sc
        body, sub = self.body_style(), self.style("Subhead", "hei", self.body * 1.15, 0, self.body * 1.6, before=3,
                                                   after=1.5)
        flat = _sentences(s.paras)

        def content(n: int) -> tuple[list[tuple[str, str]], list[str], dict[int, str]]:
            paras = _first_sentences(flat, n)
            kept = [paras[k] for k in sorted(paras)]
            subs = {k: s.subheads[k] for k in s.subheads if k in paras and k > 0}
            out = []
            for k in sorted(paras):
                if k in subs:
                    out.append((sub, subs[k]))
                out.append((body, paras[k]))
            return out, kept, subs

        lo, hi = 1, len(flat)
        while lo < hi:                     # the most sentences that do not overflow the chain
            mid = (lo + hi + 1) // 2
            self.fill(frames[0], content(mid)[0])
            sc.layoutTextChain(frames[0])
            if sc.textOverflows(frames[-1]):
                hi = mid - 1
            else:
                lo = mid
        paras, kept, subs = content(lo)
        self.fill(frames[0], paras)
        s.paras, s.subheads = kept, subs      # the cut is at the end: paragraph numbers stand

    # --- page parts
    def masthead(self, page: int, section: str, paper: str) -> float:
        r = self.w.r
        date = f"2026年{r.randint(1, 12)}月{r.randint(1, 28)}日 星期{self.w.pick(WEEKDAYS)}"
        folio = f"第{page}版 {section}"
        x, y, w = self.ml, self.mt, self.W - 2 * self.ml
        self.text_line(x, y, 70, "hei", 12, paper, 0)
        self.text_line(x + w / 2 - 45, y + 1, 90, "song", 9, date, 1)
        self.text_line(x + w - 70, y, 70, "hei", 11, folio, 2)
        self.line(x, y + 7.5, x + w, y + 7.5, r.choice([1.0, 1.5, 2.0]))
        if r.random() < 0.5:
            self.line(x, y + 8.6, x + w, y + 8.6, 0.3)
        self.furniture += [paper, date, folio]
        return y + 12

    def footer(self) -> float:
        text = f"本版编辑：{self.w.name()}　美术编辑：{self.w.name()}　校对：{self.w.name()}"
        y = self.H - self.mb - 4
        self.text_line(self.W / 2, y, self.W / 2 - self.ml, "song", 8, text, 2)
        self.furniture.append(text)
        return y - 1.5


def sc_page(sc, seed: int) -> dict:
    """A broadsheet page: a lead across the page (kicker, tracked headline, deck, byline; a photo
    with credit and caption; the body flowing from the columns beside or under the photo into
    the rest, or wrapping round it), two stories side by side (one in a chain of one-column
    linked frames, one in a frame of several columns round a boxed sidebar), a third band with a
    subheaded story and a boxed brief, rules between bands, 版眉 and a 本版编辑 footer."""
    p = ScPage(sc, seed)
    w, r = p.w, p.w.r
    lead = make_story(w, 14, subheads=1, caption=True)
    s2 = make_story(w, 10, kicker=False, deck=False, byline=r.random() < 0.7, dateline=True)
    s3 = make_story(w, 10, kicker=r.random() < 0.5, deck=False, byline=True, sidebar=True)
    s4 = make_story(w, 11, kicker=False, deck=r.random() < 0.5, byline=True, subheads=1, caption=r.random() < 0.5)
    brief = make_story(w, 3, kicker=False, deck=False, byline=False, dateline=True)
    y = p.masthead(r.choice([1, 2, 3, 5, 6]), w.pick(["要闻", "城事", "民生", "区县"]), w.pick(["澜州日报", "澜州晚报"]))
    bottom = p.footer()
    n, full = p.n, p.W - 2 * p.ml
    avail = bottom - y

    # the lead
    head_track = r.choice([0, 100, 200, 300])
    y = p.heads(lead, p.ml, y, full, r.uniform(26, 34), r.choice([0, 1]), head_track)
    m = 3 if n >= 7 else 2
    body_h = avail * r.uniform(0.28, 0.33)
    ph = body_h * r.uniform(0.45, 0.6)
    mode = r.choice(["left", "right", "wrap"])
    if mode == "wrap":
        c = r.randrange(1, n - m)
        f_y = y
        frames = p.chain([(p.ml, f_y, full, body_h, n)])
        p.photo(lead, p.x(c), y + body_h * 0.2, p.span(m), ph, r.random() < 0.5, flow=True)
        p.flow(lead, frames)
    elif mode == "left":
        under = p.photo(lead, p.ml, y, p.span(m), ph, r.random() < 0.5) + 2
        p.flow(lead, p.chain([(p.ml, under, p.span(m), y + body_h - under, m),
                              (p.x(m), y, p.span(n - m), body_h, n - m)]))
    else:
        under = p.photo(lead, p.x(n - m), y, p.span(m), ph, r.random() < 0.5) + 2
        p.flow(lead, p.chain([(p.ml, y, p.span(n - m), body_h, n - m),
                              (p.x(n - m), under, p.span(m), y + body_h - under, m)]))
    y += body_h + 2.5
    p.line(p.ml, y, p.ml + full, y, 0.6)
    y += 3.5

    # band two: a chain of one-column frames, and a frame of columns round a boxed sidebar
    band = avail * r.uniform(0.3, 0.34)
    k2 = n // 2 if r.random() < 0.5 else n - n // 2
    k3 = n - k2
    top = y
    yy = p.heads(s2, p.ml, y, p.span(k2), r.uniform(18, 22), 0, r.choice([0, 50, 150]))
    p.flow(s2, p.chain([(p.x(c), yy, p.cw, top + band - yy, 1) for c in range(k2)]))
    if r.random() < 0.5:
        gx = p.x(k2) - p.g / 2
        p.line(gx, top, gx, top + band, 0.5)
    yy = p.heads(s3, p.x(k2), y, p.span(k3), r.uniform(18, 22), r.choice([0, 1]), r.choice([0, 100]))
    sw = 1 if k3 < 3 else r.choice([1, 2])
    frames = p.chain([(p.x(k2), yy, p.span(k3), top + band - yy, k3)])
    p.sidebar_box(s3, p.x(n - sw), yy + (top + band - yy) * r.uniform(0.15, 0.45), p.span(sw), r.random() < 0.5)
    p.flow(s3, frames)
    y = top + band + 2.5
    p.line(p.ml, y, p.ml + full, y, 0.6)
    y += 3.5

    # band three: a story with a subhead (and a photo), a boxed brief beside it
    kb = 2 if n >= 6 else 1
    k4 = n - kb
    top = y
    h = bottom - y - 2
    yy = p.heads(s4, p.ml, y, p.span(k4), r.uniform(18, 24), 0, r.choice([0, 100, 200]))
    rects = [(p.ml, yy, p.span(k4), top + h - yy, k4)]
    if s4.caption:
        under = p.photo(s4, p.ml, yy, p.span(2), (top + h - yy) * 0.4, r.random() < 0.5) + 2
        rects = [(p.ml, under, p.span(2), top + h - under, 2), (p.x(2), yy, p.span(k4 - 2), top + h - yy, k4 - 2)]
    p.flow(s4, p.chain(rects))
    bx = p.x(k4)
    boxed = sc.createRect(bx, top, p.span(kb), h)
    sc.setLineWidth(0.8, boxed)
    sc.setFillColor("None", boxed)
    yy = p.heads(brief, bx + 2.5, top + 2.5, p.span(kb) - 5, 14, 1, 0, wrap=True)
    p.flow(brief, p.chain([(bx + 2.5, yy, p.span(kb) - 5, top + h - 2.5 - yy, 1)]))

    stories = [lead, s2, s3, s4, brief]
    truths = [s.truth() for s in stories]
    _captions(truths, stories)
    return {"furniture": p.furniture, "stories": truths}


def _scribus_render(out: Path, names: list[str]) -> None:
    """Inside Scribus (`scribus -g -ns -py make_pdf_corpus.py --scribus-render OUT NAME:SEED...`)."""
    import scribus
    for item in names:
        name, seed = item.split(":")
        page = sc_page(scribus, int(seed))
        pdf = scribus.PDFfile()
        pdf.fontEmbedding = 0
        pdf.subsetList = list(pdf.fonts)
        pdf.file = str(out / f"{name}.pdf")
        pdf.save()
        scribus.closeDoc()
        truth = {"source": f"Scribus {scribus.scribus_version} via tools/make_pdf_corpus.py", "seed": int(seed),
                 "pages": [page]}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf", flush=True)


def build_scribus(out: Path, pages: list[tuple[int, str]] | None = None) -> None:
    """The Scribus pages (Debian's `scribus` package, 1.5.8, run headless; not a Galley
    dependency). Scribus runs this file as its script, which builds each page and its truth."""
    import os
    import shutil
    import subprocess
    exe = shutil.which("scribus")
    if not exe:
        print("Scribus not found (apt-get install scribus): its pages are not regenerated")
        return
    out.mkdir(parents=True, exist_ok=True)
    names = [f"{name}:{seed}" for seed, name in (pages or SC_CORPUS)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    run = subprocess.run([exe, "-g", "-ns", "-py", str(Path(__file__).resolve()), "--scribus-render",
                          str(out.resolve()), *names], env=env, capture_output=True, text=True, timeout=1200,
                         check=False)     # (what it made is counted below, with its output on failure)
    done = [ln for ln in run.stdout.splitlines() if ln.endswith(".pdf")]
    print("\n".join(done))
    if len(done) != len(names):
        raise SystemExit(f"Scribus made {len(done)} of {len(names)} pages:\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}")


def build(out: Path) -> None:
    import typst
    out.mkdir(parents=True, exist_ok=True)
    for make, seed, style, name in CORPUS + HOLDOUT:
        doc = make(seed, style, name)
        src = "\n#pagebreak()\n".join(doc.typ)
        (out / f"{name}.typ").write_text(src, encoding="utf-8")
        typst.compile(str(out / f"{name}.typ"), output=str(out / f"{name}.pdf"), font_paths=FONT_PATHS)
        (out / f"{name}.typ").unlink()
        _fill_footers(out / f"{name}.pdf", doc)
        truth = {"source": "Typst via tools/make_pdf_corpus.py", "seed": seed, "pages": doc.pages}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")


# (name, left page, right page): "file" or "file:page number"
SPREADS = [("sp_jump", "jump:1", "jump:2"), ("sp_sc", "sc_front", "sc_wrap"), ("sp_tb", "tb_campus", "vt_front")]


def build_spreads(out: Path) -> None:
    """Each spread of SPREADS: its two pages side by side on one page, and their truth."""
    import pikepdf
    for name, *sides in SPREADS:
        doc = pikepdf.new()
        forms, pages, x = [], [], 0.0
        height = 0.0
        for side in sides:
            stem, _, number = side.partition(":")
            k = int(number or 1) - 1
            src = pikepdf.open(out / f"{stem}.pdf")
            box = [float(v) for v in src.pages[k].mediabox]
            w, h = box[2] - box[0], box[3] - box[1]
            form = doc.copy_foreign(src.pages[k].as_form_xobject())
            forms.append((form, x - box[0], -box[1]))
            x += w
            height = max(height, h)
            truth = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
            pages.append(truth["pages"][k])
        names = pikepdf.Dictionary({f"/P{n}": f for n, (f, _, _) in enumerate(forms)})
        ops = "\n".join(f"q 1 0 0 1 {dx:.3f} {dy:.3f} cm /P{n} Do Q" for n, (_, dx, dy) in enumerate(forms))
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=pikepdf.Array([0, 0, x, height]),
                                  Resources=pikepdf.Dictionary(XObject=names), Contents=doc.make_stream(ops.encode()))
        doc.pages.append(pikepdf.Page(doc.make_indirect(page)))
        doc.save(out / f"{name}.pdf", deterministic_id=True)
        truth = {"source": f"the spread of {' and '.join(sides)} via tools/make_pdf_corpus.py", "pages": pages}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")



# ---------------------------------------------------------------------------------------------
# FIT-style pages (fit_*, `--fit-only`): written glyph by glyph, as 方正飞腾 writes a page

def _fitpdf():
    """tests/app/importers/fitpdf, the FIT-style PDF writer."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.app.importers import fitpdf
    return fitpdf


FIT_W, FIT_H = 842.0, 1191.0
FIT_LEFT, FIT_TOP = 36.0, 40.0
FIT_BODY, FIT_LEAD = 9.0, 14.0
FIT_COLS, FIT_GUT = 6, 13.5
FIT_COL_W = (FIT_W - 2 * FIT_LEFT - (FIT_COLS - 1) * FIT_GUT) / FIT_COLS
FIT_SENTENCE = re.compile(r".+?[。！？][”’」』）]*")


def fit_x(c: int) -> float:
    return FIT_LEFT + c * (FIT_COL_W + FIT_GUT)
def fit_span(k: int) -> float:
    return k * FIT_COL_W + (k - 1) * FIT_GUT


class FitPage:
    """A page's drawing, deferred until its text is known (the font is a subset of it), and its truth."""

    def __init__(self, seed):
        self.w = Writer(seed)
        self.cmds = []          # deferred drawing: (kind, args, kwargs)
        self.stories = []       # truth
        self.furniture = []

    def text(self, x, top, s, size, **kw):
        self.cmds.append(("glyphs", (x, top, s, size), kw))

    def vtext(self, x, top, s, size, pitch):
        self.cmds.append(("glyphs", (x, top, s, size), {"vertical": True, "pitch": pitch, "bold": 2}))

    def rule(self, x0, y0, x1, y1, w=0.5):
        self.cmds.append(("op", (f"{w} w {x0:.2f} {FIT_H - y0:.2f} m {x1:.2f} {FIT_H - y1:.2f} l S",), {}))

    def frame(self, x, y, w, h, lw=0.6):
        self.cmds.append(("op", (f"{lw} w {x:.2f} {FIT_H - y - h:.2f} {w:.2f} {h:.2f} re S",), {}))

    def photo(self, x, y, w, h):
        self.cmds.append(("image", (x, y, w, h), {}))

    def centred(self, x, w, top, s, size, track=0.0, bold=1):
        self.cmds.append(("centred", (x, w, top, s, size), {"track": track, "bold": bold}))

    # ---- flowing body text into slots
    def flow(self, paras, slots, font_w, dateline=None):
        """Set `paras` into `slots` [(x, top, width)] as justified lines; cut at a sentence end
        to what fits. Returns the paragraphs set."""
        paras = list(paras)
        while True:
            lines = self._relines(paras, slots, font_w)
            if lines is not None:
                break
            last = FIT_SENTENCE.findall(paras[-1])
            if len(last) > 1:
                paras[-1] = "".join(last[:-1])
            else:
                paras.pop()
        for (text, first, last), (x, top, width) in zip(lines, slots):
            ind = 2 * FIT_BODY if first else 0.0
            self.cmds.append(("line", (x + ind, top, text, width - ind, last), {}))
        return paras

    def _relines(self, paras, slots, font):
        F = _fitpdf()
        # line breaking depends on the slot's width: break paragraph by paragraph slot by slot
        out, k = [], 0
        for para in paras:
            pos, first = 0, True
            while pos < len(para):
                if k >= len(slots):
                    return None
                width = slots[k][2]
                got = F.set_lines(font, [para[pos:]], FIT_BODY, width, indent=2 if first else 0)[0]
                text = got[0]
                pos += len(text)
                out.append((text, first, pos >= len(para)))
                first = False
                k += 1
        return out

    # ---- drawing
    def save(self, path: Path):
        F = _fitpdf()
        chars = "".join(str(a[2]) for k, a, _ in self.cmds if k in ("glyphs", "line")) + \
            "".join(str(a[3]) for k, a, _ in self.cmds if k == "centred")
        chars += "".join(a[2] for k, a, _ in self.cmds if k == "line")
        wr = F.Writer(chars + "0123456789")
        font = wr.font()
        page = wr.page(FIT_W, FIT_H)
        for kind, a, kw in self.cmds:
            if kind == "glyphs":
                F.glyphs(page, font, *a, **kw)
            elif kind == "op":
                page.ops.append(a[0])
            elif kind == "image":
                page.images.append(a)
            elif kind == "centred":
                x, w, top, s, size = a
                width = sum(font.width(c) * size for c in s) + (len(s) - 1) * kw["track"]
                F.glyphs(page, font, x + (w - width) / 2, top, s, size, tc=kw["track"], bold=kw["bold"])
            elif kind == "line":
                x, top, text, width, last = a
                tc = 0.0 if last else F.justified(font, text, FIT_BODY, width)
                F.glyphs(page, font, x, top, text, FIT_BODY, tc=tc)
        wr.save(path)

def fit_page(seed: int, name: str, out: Path) -> None:
    """A FIT-style page (see `build_fit`)."""
    F = _fitpdf()
    p = FitPage(seed)
    w = p.w
    a = make_story(w, 12, kicker=True, deck=True, byline=True, caption=True)
    guide = [(w.headline(), w.paragraph(1, 1), w.r.randint(2, 8)) for _ in range(3)]
    c = make_story(w, 5, kicker=False, deck=False, byline=True)
    d = make_story(w, 3, kicker=False, deck=False, byline=True, dateline=False)
    e = make_story(w, 4, kicker=False, deck=False, byline=True)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日 星期{'一二三四五'[w.r.randrange(5)]}"
    allc = "".join([a.headline, a.kicker, a.deck, a.byline, *a.paras, a.caption, c.headline, c.byline, *c.paras,
                    d.headline, d.byline, *d.paras, e.headline, e.byline, *e.paras, date,
                    *[g[0] + g[1] for g in guide], "导读第版澜州日报要闻本版编辑校对：　时评（）下转上接"])
    font = F.Writer(allc + "0123456789").font()
    # ---- 版眉
    p.text(FIT_LEFT, FIT_TOP + 18, "澜州日报", 14, bold=2)
    p.text(fit_x(2) + 20, FIT_TOP + 18, date, 9)
    folio = f"第{seed % 7 + 2}版　要闻"
    p.text(fit_x(5) + FIT_COL_W - 2 * 9 - 9 * len(folio) + 18, FIT_TOP + 18, folio, 9)
    p.rule(FIT_LEFT, FIT_TOP + 28, FIT_W - FIT_LEFT, FIT_TOP + 28, 1.2)
    p.furniture += ["澜州日报", date, folio]
    y0 = FIT_TOP + 44
    # ---- story A: cols 0-3, headline spanning cols 0-2, col 3 running from the module's top
    hcols = 3
    right_head = seed % 2 == 1        # the headline over cols 1-3, col 0 from the top
    hx = fit_x(1) if right_head else fit_x(0)
    p.centred(hx, fit_span(hcols), y0 + 12, a.kicker, 12, bold=1)
    p.centred(hx, fit_span(hcols), y0 + 48, a.headline, min(28.0, (fit_span(hcols) - 20) / len(a.headline) - 2), track=2.0, bold=3)
    p.centred(hx, fit_span(hcols), y0 + 72, a.deck, 13)
    p.centred(hx, fit_span(hcols), y0 + 92, a.byline, 9)
    body_top = y0 + 112
    rows_total = 40
    slots = []
    free_col = 0 if right_head else 3
    photo_rows = 12
    order = [0, 1, 2, 3]
    for col in order:
        start = y0 + 10 if col == free_col else body_top
        rows = int((y0 + 10 + rows_total * FIT_LEAD - start) / FIT_LEAD)
        for r in range(rows):
            t = start + r * FIT_LEAD
            # the photo at the foot of cols 1-2 (or 2-3)
            pc = (2, 3) if right_head else (1, 2)
            if col in pc and r >= rows - photo_rows:
                continue
            slots.append((fit_x(col), t, FIT_COL_W))
    a_paras = p.flow(a.paras, slots, font)
    pc0 = fit_x(2) if right_head else fit_x(1)
    ph_top = y0 + 10 + (rows_total - photo_rows) * FIT_LEAD + 4
    p.photo(pc0, ph_top, fit_span(2), (photo_rows - 2.4) * FIT_LEAD)
    p.text(pc0, ph_top + (photo_rows - 2.4) * FIT_LEAD + 14, a.caption, 7.5)
    bottom_a = y0 + 10 + rows_total * FIT_LEAD
    p.stories.append(Story(a.kicker, a.headline, a.deck, a.byline, a_paras, a.dateline).truth()
                     + [{"kind": "caption", "text": a.caption}])
    # ---- 导读 box: cols 4-5
    bx, bw = fit_x(4), fit_span(2)
    p.frame(bx, y0, bw, rows_total * FIT_LEAD + 10)
    p.centred(bx, bw, y0 + 26, "导读", 16, track=16, bold=2)
    y = y0 + 50
    # (导读 is typed no way in the truth: its title and teasers are subheads, the teasers' text
    # body, so only their characters and sentences are scored)
    items = [{"kind": "subhead", "text": "导读"}]
    for head, summary, page_no in guide:
        p.text(bx + 9, y, head, 11, bold=2)
        items.append({"kind": "subhead", "text": head})
        y += 18
        ref = f"（第{page_no}版）"
        s_slots = [(bx + 9, y + k * FIT_LEAD, bw - 18) for k in range(8)]
        done = p.flow([summary + ref], s_slots, font)
        n = len(F.set_lines(font, done, FIT_BODY, bw - 18))
        items.append({"kind": "body", "text": done[0]})
        y += n * FIT_LEAD + 16
    p.stories.append(items)
    # ---- band 2: story C in cols 0-2 (unequal: 3 cols, the last shorter), commentary D set in
    # one wide column over cols 3-4, story E narrow in col 5
    y1 = bottom_a + 22
    p.rule(FIT_LEFT, y1 - 10, FIT_W - FIT_LEFT, y1 - 10, 0.8)
    p.centred(fit_x(0), fit_span(3), y1 + 24, c.headline, min(24.0, (fit_span(3) - 20) / len(c.headline) - 1), track=1, bold=3)
    p.centred(fit_x(0), fit_span(3), y1 + 42, c.byline, 9)
    rows2 = 26
    slots = [(fit_x(col), y1 + 58 + r * FIT_LEAD, FIT_COL_W) for col in range(3) for r in range(rows2)]
    c_paras = p.flow(c.paras, slots, font)
    p.stories.append(Story(None, c.headline, None, c.byline, c_paras, c.dateline).truth())
    # commentary: label, headline, one wide column
    dx, dw = fit_x(3), fit_span(2)
    p.text(dx, y1 + 14, "澜州时评", 12, bold=2)
    p.text(dx, y1 + 40, d.headline, min(18.0, (dw - 4) / len(d.headline)), bold=2)
    p.text(dx + dw - 9 * len(d.byline) - 4, y1 + 58, d.byline, 9)
    slots = [(dx, y1 + 76 + r * FIT_LEAD, dw) for r in range(rows2 - 1)]
    d_paras = p.flow(d.paras, slots, font)
    p.stories.append([{"kind": "kicker", "text": "澜州时评"}] +
                     Story(None, d.headline, None, d.byline, d_paras).truth())
    # story E: vertical headline at the right of col 5, body in the rest of col 5
    ex = fit_x(5)
    vx = ex + FIT_COL_W - 18
    p.vtext(vx, y1 + 20, e.headline[:10], 16, 18)
    e_head = e.headline[:10]
    slots = [(ex, y1 + 14 + r * FIT_LEAD, FIT_COL_W - 24) for r in range(rows2 + 4)]
    e_paras = p.flow(e.paras, slots, font)
    p.stories.append([{"kind": "headline", "text": e_head}] + [{"kind": "body", "text": t} for t in e_paras])
    p.rule(fit_x(3) - FIT_GUT / 2, y1, fit_x(3) - FIT_GUT / 2, y1 + 58 + rows2 * FIT_LEAD)
    p.rule(fit_x(5) - FIT_GUT / 2, y1, fit_x(5) - FIT_GUT / 2, y1 + 58 + rows2 * FIT_LEAD)
    # footer
    fy = FIT_H - 30
    p.rule(FIT_LEFT, fy - 14, FIT_W - FIT_LEFT, fy - 14, 0.5)
    foot = f"本版编辑：{w.name()}　校对：{w.name()}"
    p.text(FIT_LEFT, fy, foot, 8)
    p.furniture.append(foot)
    p.save(out / f"{name}.pdf")
    truth = {"source": "FIT-style page (fitpdf) via tools/make_pdf_corpus.py", "seed": seed,
             "pages": [{"furniture": p.furniture, "stories": p.stories}]}
    (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))


def build_fit(out: Path) -> None:
    """Pages written the way 方正飞腾 (FIT) writes them (tests/app/importers/fitpdf: one glyph a
    BT/ET placed by Tm, `1 Tf`, lines justified glyph by glyph, fake-bold headlines drawn two or
    three times), on a six-column grid with irregular modules: a lead whose head block (kicker,
    headline, deck, byline, centred) spans three of its four columns, its other column running
    from the module's top beside the head (on the left on odd seeds, on the right on even ones),
    a photo at the foot of two columns with its caption; a boxed 导读 of teasers with page
    references (（第N版）); below a rule, a story in three columns beside a commentary (时评)
    set in one column two columns wide, and a story in a narrower column with its 竖题 (drawn a
    glyph a line) at its right; column rules, a 版眉 over a rule and a 本版编辑 footer."""
    out.mkdir(parents=True, exist_ok=True)
    for seed, name in FIT_CORPUS:
        fit_page(seed, name, out)
        print(f"{name}.pdf")


FIT_CORPUS = [(3101, "fit_headright"), (3102, "fit_headleft")]


# ---------------------------------------------------------------------------------------------
# XeLaTeX pages (xl_*, `--xelatex-only`; needs `xelatex` with ctex: Debian's texlive-xetex and
# texlive-lang-chinese): set as a newsroom that lays out in LaTeX sets a page, with ctex's Fandol
# faces (OpenType CFF, embedded by xdvipdfmx as CID fonts with no ToUnicode) and xeCJK's
# punctuation squeezed in pairs (”“ share one em); the MediaBox is written once in the page tree
# and inherited by the page

def _tex(text: str) -> str:
    return "".join("\\" + ch if ch in "%#&_$" else ch for ch in text)


def _xl_heads(s: Story, centre: bool, size: str) -> str:
    lines = []
    if s.kicker:
        lines.append(f"{{\\kaishu\\zihao{{5}} {_tex(s.kicker)}}}")
    lines.append(f"{{\\heiti\\zihao{{{size}}} {_tex(s.headline)}}}")
    if s.deck:
        lines.append(f"{{\\kaishu\\zihao{{4}} {_tex(s.deck)}}}")
    if s.byline:
        lines.append(f"{{\\fangsong\\zihao{{5}} {_tex(s.byline)}}}")
    if centre:
        return "\\begin{center}\n" + "\\\\[3pt]\n".join(lines) + "\n\\end{center}\n"
    return "".join(f"\\noindent {line}\\par\\vspace{{3pt}}\n" for line in lines) + "\\vspace{4pt}\n"


def _xl_body(s: Story) -> str:
    out = []
    for k, para in enumerate(s.paras):
        if k in s.subheads:
            out.append(f"\\par\\vspace{{4pt}}\\noindent{{\\heiti\\zihao{{-4}} {_tex(s.subheads[k])}}}\\par\\vspace{{2pt}}")
        out.append(_tex(para))
    return "\n\n".join(out)


def _xl_photo(s: Story, height_mm: int) -> str:
    return (f"\\par\\noindent\\colorbox{{black!30}}{{\\rule{{0pt}}{{{height_mm}mm}}\\rule{{\\dimexpr\\linewidth-2\\fboxsep}}{{0pt}}}}\\par"
            f"\\vspace{{2pt}}\\noindent{{\\kaishu\\zihao{{-5}} {_tex(s.caption)}}}\\par\\vspace{{6pt}}\n")


def _xl_box(s: Story) -> str:
    title, items = s.sidebar
    rows = "\\par\n".join(_tex(x) for x in items)
    return (f"\\par\\vspace{{6pt}}\\noindent\\fbox{{\\parbox{{\\dimexpr\\linewidth-2\\fboxsep-2\\fboxrule}}{{"
            f"\\setlength{{\\parindent}}{{0pt}}{{\\heiti\\zihao{{5}} {_tex(title)}}}\\par\\vspace{{2pt}}\n{rows}}}}}\\par\n")


def _xl_module(s: Story, cols: int, centre: bool = False, size: str = "2", photo: bool = False, box: bool = False) -> str:
    out = _xl_heads(s, centre, size)
    if photo:
        out += _xl_photo(s, 34)
    out += f"\\begin{{multicols}}{{{cols}}}\n{_xl_body(s)}\n"
    if box:
        out += _xl_box(s)
    return out + "\\end{multicols}\n"


def xl_page(seed: int, rules: bool) -> tuple[str, dict]:
    """A broadsheet front page in LaTeX: a 版眉 over a heavy rule; a lead across the page (centred
    head block, a photo with its caption, the body balanced over five columns by multicol, a
    subhead); under a rule two stories side by side in minipages (three and two columns, one with
    a framed box of figures at its foot); under another rule a story across in four columns with a
    photo. `rules`: multicol's column rules between the columns."""
    w = Writer(seed)
    lead = make_story(w, 6, subheads=1, caption=True)
    left = make_story(w, 4, kicker=False, deck=False, byline=True, dateline=True)
    right = make_story(w, 3, kicker=False, deck=False, byline=False, dateline=True, sidebar=True)
    foot = make_story(w, 4, kicker=False, deck=True, byline=True, caption=True)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日 星期{w.pick(WEEKDAYS)}"
    sep = "\\par\\vspace{4pt}\\noindent\\rule{\\linewidth}{0.4pt}\\par\\vspace{6pt}\n"
    tex = ("\\documentclass[UTF8,zihao=5]{ctexart}\n"
           "\\usepackage[paperwidth=330mm,paperheight=470mm,margin=14mm]{geometry}\n"
           "\\usepackage{multicol}\n\\usepackage{xcolor}\n\\pagestyle{empty}\n"
           "\\xeCJKsetcharclass{\"25A0}{\"25FF}{1}\n"     # (□ ■ in the CJK face: Latin Modern has none)
           f"\\setlength{{\\columnsep}}{{{1.6 + (seed % 3) * 0.3:.1f}em}}\n"
           f"\\setlength{{\\columnseprule}}{{{0.4 if rules else 0}pt}}\n"
           "\\setlength{\\multicolsep}{4pt}\n\\raggedbottom\n\\begin{document}\n\\zihao{-5}\n"
           f"\\noindent{{\\heiti\\zihao{{3}} 澜州日报}}\\hfill{{\\zihao{{5}} {date}}}\\hfill{{\\heiti\\zihao{{4}} 第1版 要闻}}\\par\n"
           "\\vspace{2pt}\\noindent\\rule{\\linewidth}{1.2pt}\\par\\vspace{8pt}\n"
           + _xl_module(lead, 5, centre=True, size="1", photo=True) + sep
           + "\\noindent\\begin{minipage}[t]{0.58\\linewidth}\n" + _xl_module(left, 3)
           + "\\end{minipage}\\hfill\\begin{minipage}[t]{0.38\\linewidth}\n" + _xl_module(right, 2, box=True)
           + "\\end{minipage}\n" + sep + _xl_module(foot, 4, photo=True) + "\\end{document}\n")
    stories = [lead.truth(), left.truth(), right.truth(), foot.truth()]
    _captions(stories, [lead, left, right, foot])
    return tex, {"furniture": ["澜州日报", date, "第1版 要闻"], "stories": stories}


def xl_tabloid(seed: int, rules: bool) -> tuple[str, dict]:
    """A tabloid inside page in LaTeX: a 版眉; a story in two columns (left-aligned head block,
    its photo set into the first column, subheads) beside a framed commentary in one column; under
    a rule a story across three columns set ragged right (CJK lines left short, as a web-to-print
    or a hurried LaTeX page sets them) with a box of figures at its foot."""
    w = Writer(seed)
    lead = make_story(w, 5, kicker=True, deck=False, byline=True, subheads=2, caption=True)
    note = make_story(w, 3, kicker=False, deck=False, byline=True, dateline=False)
    foot = make_story(w, 4, kicker=False, deck=True, byline=False, dateline=True, sidebar=True)
    date = f"2026年{w.r.randint(1, 12)}月{w.r.randint(1, 28)}日 星期{w.pick(WEEKDAYS)}"
    section, number = w.pick(["城市", "民生", "社区"]), w.r.randint(2, 8)
    photo = _xl_photo(lead, 26)
    body = _xl_body(lead)
    cut = body.index("\n\n")                  # the photo under the first paragraph, in its column
    lead_tex = (_xl_heads(lead, False, "2") + "\\begin{multicols}{2}\n" + body[:cut] + "\n" + photo
                + body[cut:] + "\n\\end{multicols}\n")
    note_tex = ("\\fbox{\\parbox{\\dimexpr\\linewidth-2\\fboxsep-2\\fboxrule}{\n" + _xl_heads(note, False, "3")
                + _xl_body(note) + "\n}}\n")
    foot_tex = "{\\raggedright\n" + _xl_module(foot, 3, size="2", box=True) + "}\n"
    tex = ("\\documentclass[UTF8,zihao=5]{ctexart}\n"
           "\\usepackage[paperwidth=260mm,paperheight=370mm,margin=13mm]{geometry}\n"
           "\\usepackage{multicol}\n\\usepackage{xcolor}\n\\pagestyle{empty}\n"
           "\\xeCJKsetcharclass{\"25A0}{\"25FF}{1}\n"
           f"\\setlength{{\\columnsep}}{{{1.5 + (seed % 2) * 0.5:.1f}em}}\n"
           f"\\setlength{{\\columnseprule}}{{{0.4 if rules else 0}pt}}\n"
           "\\setlength{\\multicolsep}{4pt}\n\\raggedbottom\n\\begin{document}\n\\zihao{-5}\n"
           f"\\noindent{{\\heiti\\zihao{{4}} 第{number}版 {section}}}\\hfill{{\\zihao{{5}} 澜州晚报 {date}}}\\par\n"
           "\\vspace{2pt}\\noindent\\rule{\\linewidth}{0.8pt}\\par\\vspace{8pt}\n"
           "\\noindent\\begin{minipage}[t]{0.64\\linewidth}\n" + lead_tex
           + "\\end{minipage}\\hfill\\begin{minipage}[t]{0.32\\linewidth}\n" + note_tex + "\\end{minipage}\n"
           "\\par\\vspace{4pt}\\noindent\\rule{\\linewidth}{0.4pt}\\par\\vspace{6pt}\n" + foot_tex + "\\end{document}\n")
    stories = [lead.truth(), note.truth(), foot.truth()]
    _captions(stories, [lead, note, foot])
    return tex, {"furniture": [f"第{number}版 {section}", f"澜州晚报 {date}"], "stories": stories}


XL_CORPUS = [(xl_page, 4101, "xl_front", False), (xl_page, 4102, "xl_ruled", True), (xl_tabloid, 4201, "xl_tabloid", True)]


def build_xelatex(out: Path) -> None:
    """The XeLaTeX pages (`xl_page`, `xl_tabloid`), made with `xelatex` in a scratch folder."""
    import shutil
    import subprocess
    import tempfile
    if shutil.which("xelatex") is None:
        print("xelatex not found (apt-get install texlive-xetex texlive-lang-chinese): XeLaTeX pages skipped")
        return
    out.mkdir(parents=True, exist_ok=True)
    for make, seed, name, rules in XL_CORPUS:
        tex, page = make(seed, rules)
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / f"{name}.tex").write_text(tex, encoding="utf-8")
            subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"], cwd=tmp,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "FORCE_SOURCE_DATE": "1"})
            shutil.copy(Path(tmp) / f"{name}.pdf", out / f"{name}.pdf")
        truth = {"source": "XeLaTeX (ctex, Fandol faces, multicol) via tools/make_pdf_corpus.py", "seed": seed,
                 "pages": [page]}
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{name}.pdf")


if __name__ == "__main__":
    if "--scribus-render" in sys.argv:          # Scribus running this file as its script
        at = sys.argv.index("--scribus-render")
        _scribus_render(Path(sys.argv[at + 1]), sys.argv[at + 2:])
        sys.exit(0)
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(args[0]) if args else OUT
    if "--textbox-only" in sys.argv:
        seeds = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--seeds=")]
        build_textbox(target, [(int(x), f"tb_{x}") for x in seeds[0].split(",")] if seeds else None)
        sys.exit(0)
    if "--vertical-only" in sys.argv:
        seeds = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--seeds=")]
        build_textbox(target, [(int(x), f"vt_{x}") for x in seeds[0].split(",")] if seeds else VT_CORPUS,
                      make=vt_page, source="LibreOffice Writer (Debian) vertical and horizontal text boxes "
                                           "via tools/make_pdf_corpus.py")
        sys.exit(0)
    if "--xelatex-only" in sys.argv:
        build_xelatex(target)
        sys.exit(0)
    if "--fit-only" in sys.argv:
        build_fit(target)
        sys.exit(0)
    if "--traditional-only" in sys.argv:
        build_traditional(target)
        sys.exit(0)
    if "--spreads-only" in sys.argv:
        build_spreads(target)
        sys.exit(0)
    if "--scribus-only" in sys.argv:
        seeds = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--seeds=")]
        build_scribus(target, [(int(x), f"sc_{x}") for x in seeds[0].split(",")] if seeds else None)
        sys.exit(0)
    if "--libreoffice-only" not in sys.argv and "--weasyprint-only" not in sys.argv:
        build(target)
    if "--typst-only" not in sys.argv and "--weasyprint-only" not in sys.argv:
        build_libreoffice(target)
    if "--weasyprint-only" in sys.argv:
        build_weasyprint(target)
