"""What a PDF page's own evidence says each block is: furniture, jump line, caption, sidebar,
kicker, headline, deck, byline.

Called by the PDF importer (`app/importers/pdf.py`) once a page's lines are in reading order
and again once they are paragraphs; the answer travels on as `RawBlock.role`, a hint that
structure recognition (`app/structure/classify.py`) prefers to its reading of the text alone.
Everything is judged against the page itself: sizes as multiples of the page's body size,
positions as fractions of the page, never as points tuned to one newspaper.

- **Furniture** (版眉, folios, running headers and footers): short lines in the top or bottom
  band of the page that read as a page mark (第N版, 第N页, — 3 —, a bare number, a date with
  星期, 本版编辑：…), the lines standing level with one of them (the paper's name too, set in
  display type beside 第N版 or a date), and any short line that comes back at the
  same height on other pages (digits aside). They are taken out of the flow, so a paragraph
  runs on across a footer.
- **Jump lines**: 下转第N版, 上接第N版 and the like, alone on their line.
- **Captions**: the first text right under a photo or empty frame (or over it, when nothing is
  under it), set in another size than the body, down to the first blank band.
- **Sidebars**: text in a drawn box, unless the box holds a whole story (a display headline and
  body paragraphs).
- **Advertisements**: a box with display type and a telephone, address or web address, and no
  running sentence in it (typed as page furniture, out of the stories' text).
- **Kicker, headline, deck**: in a run of display lines (set well above the body size), the
  largest is the headline; the smaller lines above it are the kicker, those below it the deck,
  but a line that reads as a byline (记者 王明, or 记者王明通讯员李华 set with no spaces) is a
  **byline** whatever its size.
"""
from __future__ import annotations

import re
from collections import Counter

# The band at the top and the foot of a page where furniture stands, as a fraction of its height.
BAND = 0.12
# Display type: a headline is set at least this many times the body size.
DISPLAY = 1.6

_PAGE_MARK = re.compile(
    r"^(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*[版页頁].{0,12}|.{0,12}第\s*[0-9０-９]+\s*[版页頁]"
    r"|[—–\-－]\s*[0-9０-９]{1,4}\s*[—–\-－]|[0-9０-９]{1,4}|[A-Z]?[0-9]{1,3}"
    r"|.{0,16}[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日.{0,12}"
    r"|.{0,16}星期[一二三四五六日天].{0,12}"
    r"|(?:本版|责任|責任)?(?:编辑|责编|美编|校对|版式|组版|照排|审读|編輯|責編|美編|校對|組版|審讀)\s*[：:].{1,40})$")
_JUMP = re.compile(r"^[（(【\[]?\s*(?:下转|上接|转|接|续|转至|接上|续上|下轉|轉|續|轉至|續上)\s*(?:第\s*)?[0-9０-９A-Za-z一二三四五六七八九十]{1,4}\s*版"
                   r"(?:\s*[^\s（）()]{0,8})?\s*[）)】\]]?$")
_DIGITS = re.compile(r"[0-9０-９]+")


def is_page_mark(text: str) -> bool:
    """Whether a short line reads as a page mark: 第N版, 第N页, — 3 —, a bare number, a date with
    星期, 本版编辑：…"""
    return len(text) <= 48 and bool(_PAGE_MARK.match(text.replace(" ", "")))


def is_jump_line(text: str) -> bool:
    return len(text) <= 24 and bool(_JUMP.match(text.replace(" ", "")))


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.replace(" ", ""))


def running_lines(pages_lines: list[list], heights: list[float]) -> set[str]:
    """Short lines of the top and bottom bands that come back on other pages (digits aside)."""
    if len(pages_lines) < 2:
        return set()
    seen: Counter = Counter()
    for lines, height in zip(pages_lines, heights):
        keys = {(_key(ln.text), round(ln.base / 4)) for ln in lines
                if len(ln.text) <= 40 and (ln.base < BAND * height or ln.base > (1 - BAND) * height)}
        seen.update(keys)
    return {k for (k, _), n in seen.items() if n >= 2}


def _text_block(lines: list, body: float) -> tuple[float, float, float]:
    """Top and bottom baselines of the page's running text: body-size lines with another one
    under them at the page's own line pitch (a line of furniture set in the body size over the
    first line of a story stands further off, or alone); and that pitch (0 if none)."""
    rows = sorted((ln for ln in lines if ln.glyphs and abs(ln.size - body) < 0.05 * body), key=lambda ln: ln.base)
    pairs = []
    j = 0
    for i, a in enumerate(rows):
        j = max(j, i + 1)
        while j < len(rows) and rows[j].base - a.base <= 0.8 * body:
            j += 1
        k = j
        while k < len(rows) and rows[k].base - a.base <= 3.0 * body:
            b = rows[k]
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 2 * body:
                pairs.append((b.base - a.base, a.base, b.base))
                break
            k += 1
    if not pairs:
        return float("inf"), float("-inf"), 0.0
    steps = sorted(p[0] for p in pairs)
    pitch = steps[len(steps) // 2]
    running = [p for p in pairs if p[0] <= 1.25 * pitch]
    return min(p[1] for p in running), max(p[2] for p in running), pitch


def furniture_lines(lines: list, height: float, body: float, running: frozenset[str] | set[str]) -> set[int]:
    """The ids of the page's furniture lines: in the top or bottom band, and outside the
    running text (above its first line or below its last, or with no text over it, or under
    it, in its own width)."""
    top, bottom, pitch = _text_block(lines, body)
    texts = [ln for ln in lines if ln.glyphs]

    def clear(ln, below: bool) -> bool:
        # no text under it (over it) in its own width: a 本版编辑 line set at the foot of the
        # right-hand columns, beside a column that runs on further down the page
        return not any(o is not ln and o.x0 < ln.x1 and ln.x0 < o.x1
                       and (o.base > ln.base + 0.5 * body if below else o.base < ln.base - 0.5 * body)
                       for o in texts)

    def in_column(ln, below: bool) -> bool:
        # a column's last line (first line) in the body size, right under (over) a line of its
        # column at the page's pitch: running text, though a story printed twice puts the same
        # short line (亚镇。) at the same place of two pages
        if not pitch or abs(ln.size - body) > 0.05 * body:
            return False
        for o in texts:
            step = (ln.base - o.base) if below else (o.base - ln.base)
            if (o is not ln and abs(o.size - ln.size) <= 0.05 * body and 0.8 * body < step <= 1.25 * pitch
                    and -0.3 * body <= (o.x0 - ln.x0 if below else ln.x0 - o.x0) <= 2.3 * body):
                return True
        return False

    def band(ln) -> bool:
        if ln.base - 0.8 * ln.size < BAND * height:
            return ln.base < top - 0.5 * body or (clear(ln, below=False) and not in_column(ln, below=False))
        if ln.base > (1 - BAND) * height:
            return ln.base > bottom + 0.5 * body or (clear(ln, below=True) and not in_column(ln, below=True))
        return False

    marks = [ln for ln in lines if ln.glyphs and len(ln.text) <= 48 and ln.size < DISPLAY * body
             and (_PAGE_MARK.match(ln.text.replace(" ", "")) or _key(ln.text) in running) and band(ln)]
    out = {id(ln) for ln in marks}
    # what stands level with a page mark (the paper's name, the section beside 第N版 and the date)
    rows: dict[int, list] = {}
    for ln in lines:
        if ln.glyphs and id(ln) not in out and len(ln.text) <= 20 and (ln.size < DISPLAY * body or _masthead(ln, body)):
            rows.setdefault(int(ln.base // 8), []).append(ln)
    for m in marks:
        for key in (int(m.base // 8) - 1, int(m.base // 8), int(m.base // 8) + 1):
            for ln in rows.get(key, ()):
                if (abs(ln.base - m.base) < 0.5 * max(ln.size, m.size) and band(ln)
                        and (ln.size < DISPLAY * body or _WORDED_MARK.search(m.text.replace(" ", "")))):
                    out.add(id(ln))
    return out


# A page mark in words (第N版, a date, 星期N), not a bare folio number.
_WORDED_MARK = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*[版页]|[0-9０-９]{4}\s*年|星期")


def _masthead(ln, body: float) -> bool:
    """Whether a line may be the paper's name in the 版眉 though set in display type: a few
    characters, at most four times the body size. Page systems set the name at 1.5-2.5 times the
    body (22 pt over 9 pt) beside a 第N版 and a date; it had been read as the page's first
    headline or kicker. Taken only level with a page mark in words, not a bare folio number,
    which a headline at the page's top may stand beside."""
    return len(ln.text.replace(" ", "")) <= 10 and ln.size <= 4 * body


_PHONE = re.compile(r"(?:电话|热线|咨询|订购|地址|网址|電話|熱線|諮詢|訂購|網址|www\.|\.com|[0-9]{3,4}[-－][0-9]{7,8}|1[3-9][0-9]{9})")
_SENTENCE_PUNCT = re.compile(r"[，。！？；]")


def _advertisements(paras: list, body: float) -> None:
    """A box that reads as an advertisement: display type, a telephone or an address, and no
    running sentence anywhere in it."""
    boxes: dict[int, list] = {}
    for p in paras:
        box = p.lines[0].box
        if box is not None and not p.role:
            boxes.setdefault(box, []).append(p)
    for box_paras in boxes.values():
        text = "".join(p.text for p in box_paras)
        if (any(_display(p, body) for p in box_paras) and _PHONE.search(text)
                and not _SENTENCE_PUNCT.search(text)):
            for p in box_paras:
                p.role = "ad"


# A teaser's page reference at its end: （第6版）, （详见第6版）, 见A3版
_PAGE_REF = re.compile(r"[（(]?\s*(?:详见|见)?\s*(?:第\s*)?[A-Z]?[0-9０-９一二三四五六七八九十]{1,3}\s*版\s*[）)]?$")


def _teasers(paras: list) -> None:
    """A boxed story that is a 导读 (a front page's guide to the edition): two or more of its
    paragraphs are summaries ending in a page reference (（第6版）), each under a title. Its
    label (导读) opens it as its headline and the titles are subheads, so the box stays one
    block of the page instead of a story a title (each title had opened a story of its own,
    the first one read as the label's deck)."""
    boxes: dict[int, list] = {}
    for p in paras:
        box = p.lines[0].box
        if box is not None and p.boxed_story and not p.role:
            boxes.setdefault(box, []).append(p)
    for box_paras in boxes.values():
        refs = [p for p in box_paras if not p.heading and _PAGE_REF.search(p.text.replace(" ", ""))]
        heads = [p for p in box_paras if p.heading]
        if len(refs) < 2 or not heads or not box_paras[0].heading:
            continue
        box_paras[0].role = "headline"
        for p in heads[1:]:
            p.role = "subhead"


def assign(paras: list, figures: list, body: float) -> None:
    """Set `role` on the page's paragraphs (those already furniture keep it)."""
    _advertisements(paras, body)
    _teasers(paras)
    for p in paras:
        if p.role:
            continue
        text = p.text
        if is_jump_line(text):
            p.role = "jump"
        elif not p.main and not p.boxed_story:
            p.role = "sidebar"
    _captions(paras, figures, body)
    _display_runs(paras, body)


def _captions(paras: list, figures: list, body: float) -> None:
    for fig in figures:
        below = [p for p in paras if not p.role and _under(p.lines[0], fig) and not _display(p, body)]
        if not below:
            continue
        first = min(below, key=lambda p: p.lines[0].top)
        ln = first.lines[0]
        if abs(ln.size - body) < 0.04 * body and not first.text.rstrip().endswith(("摄", "攝")):
            continue    # the body runs on under the photo: no caption here
        first.role = "caption"
        # the credit set in a frame of its own under the caption (钱雪英 摄, ranged right): a
        # short run in the caption's small size right below it, still under the photo
        last = first.lines[-1]
        for p in paras:
            ln = p.lines[0]
            if (not p.role and len(p.lines) <= 2 and not _display(p, body) and ln.size <= 1.05 * last.size
                    and (abs(ln.size - body) >= 0.04 * body or p.text.rstrip().endswith(("摄", "攝")))
                    and last.bottom - 1 <= ln.top <= last.bottom + 1.2 * ln.size
                    and min(ln.x1, fig.x1) - max(ln.x0, fig.x0) > 0.5 * (ln.x1 - ln.x0)):
                p.role = "caption"


def _under(ln, fig) -> bool:
    """A line right under a figure, overlapping it across."""
    overlap = min(ln.x1, fig.x1) - max(ln.x0, fig.x0)
    return (overlap > 0.5 * (ln.x1 - ln.x0) and fig.bottom - 1 <= ln.top <= fig.bottom + 2.0 * ln.size)


def _display(p, body: float) -> bool:
    return p.lines[0].size >= DISPLAY * body


def _display_runs(paras: list, body: float) -> None:
    """Runs of heading paragraphs around a display line: kicker above it, deck below it."""
    k = 0
    while k < len(paras):
        if not (paras[k].heading and not paras[k].role):
            k += 1
            continue
        end = k
        while end < len(paras) and paras[end].heading and not paras[end].role:
            end += 1
        run = paras[k:end]
        sizes = [p.lines[0].size for p in run]
        top = max(sizes)
        if top >= DISPLAY * body:
            from galley.app.repair.features import is_byline, is_solid_byline
            main = sizes.index(top)
            for i, p in enumerate(run):
                text = p.text.strip()
                if sizes[i] >= 0.9 * top:
                    p.role = "headline"
                elif is_byline(text) or is_solid_byline(text):
                    p.role = "byline"   # 记者 孟胜 通讯员 江怡刚 set larger than the body: a byline by its words
                elif i < main:
                    p.role = "kicker"
                else:
                    p.role = "deck"
            # a headline in two blocks is one headline: the run keeps the size, not the count
        k = end


_JUMP_OUT = re.compile(r"(?:下转|转至|转|续|下轉|轉至|轉|續)\s*(?:第\s*)?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版")
_JUMP_IN = re.compile(r"(?:上接|接上|接|续上|續上)\s*(?:第\s*)?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版")
_EDITION_PAGE = re.compile(r"第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版")
_HAN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def _number(text: str) -> int:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _HAN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return 10 * _HAN_DIGITS.get(tens, 0) + (_HAN_DIGITS.get(ones, 0) if ones else 0)
    return _HAN_DIGITS.get(text, 0)


def follow_jumps(blocks: list) -> list:
    """A story that jumps (下转第2版) goes on where it lands (上接第1版) when both pages are in the
    file: the landing run (from its 上接 line to the next headline, furniture or jump line on that
    page) is moved to right after the 下转 line. Pages are matched by the 第N版 of their furniture,
    else by their position in the file."""
    edition_page: dict[int, int] = {}      # 第N版 -> page of the file
    for b in blocks:
        if b.role == "furniture" and b.page is not None:
            m = _EDITION_PAGE.search(b.text)
            if m:
                edition_page.setdefault(_number(m.group(1)), b.page)
    page_number = {p: n for n, p in edition_page.items()}
    used: set[int] = set()
    for out, jump in [(b, m) for b in blocks if b.role == "jump" and (m := _JUMP_OUT.search(b.text))]:
        target = _number(jump.group(1))
        source = page_number.get(out.page, out.page)
        landing = edition_page.get(target, target)
        k = next((i for i, b in enumerate(blocks) if id(b) not in used and b.role == "jump" and b.page == landing
                  and b.page != out.page and (back := _JUMP_IN.search(b.text)) is not None
                  and _number(back.group(1)) == source), None)
        if k is None:
            continue
        used.add(id(blocks[k]))
        end = k + 1
        while (end < len(blocks) and blocks[end].page == blocks[k].page
               and blocks[end].role not in ("headline", "kicker", "furniture", "jump")):
            end += 1
        run = blocks[k:end]
        del blocks[k:end]
        at = next(i for i, b in enumerate(blocks) if b is out) + 1
        blocks[at:at] = run
    for i, b in enumerate(blocks):
        b.index = i
    return blocks
