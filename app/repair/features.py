"""Text features of a block that repair and structure both read.

Character classes follow GB/T 15834 and the clreq line-start/line-end rules; the function-word
lists (what a clause can end on when it is cut, what a paragraph cannot begin with) are data in
`resources/repair/words.toml` so a newsroom can tune them.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from galley.app.data import resource
from galley.app.proof.names import surnames
from galley.app.repair.lexicon import lexicon, segment, word_class
from galley.app.text import CLOSING, NO_LINE_START, STOPS

RESOURCES = resource("repair")

# A paragraph ends on these (possibly followed by closing marks).
TERMINAL = STOPS + "!?…"
CLOSERS = CLOSING + ")\"'"
# Nothing begins a paragraph with these.
NO_START = NO_LINE_START + ",;:?!)…%‰·—-/"
# A cut clause: these cannot end a paragraph.
OPEN_END = "，,、；;（(“‘《〈【「『·・‧"      # (the dot inside a foreign name: 罗塞特· / 莱里亚斯)
HAN = r"\u3400-\u9fff\uf900-\ufaff"
CLAUSE_PUNCT = re.compile(r"[，,。；;：:、！？!?]")

_TERMINAL_END = re.compile(rf"[{re.escape(TERMINAL)}][{re.escape(CLOSERS)}]*$")
# what may follow a story's last sentence: (完), (记者 王明), (《新京报》7月10日), 刘军摄
_PAREN_TAIL = re.compile(r"[（(][^（）()]{1,30}[）)]\s*$")
_PHOTO_CREDIT = re.compile(r"^\s*(?:(?:本报|新华社)?记者)?[\u4e00-\u9fff·\s]{2,20}摄$")
_DATELINE = re.compile(
    r"^(?:本报讯|本报[^，,。]{0,12}(?:电|讯)|新华社[^，,。]{0,24}?电|中新社[^，,。]{0,24}?电|"
    r"[（(][^（）()]{1,24}(?:电|讯|报道)(?:/\w+)?[）)]|据新华社|【[^】]{1,20}】|"
    r"[^，,。：:（）()“”]{2,24}?(?:[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})日(?:电|讯|专电|消息))")
_CREDIT = re.compile(
    r"^(?:图表?|制图|摄影|图/文|文/图|图片|视觉|设计|编辑|责编|责任编辑|校对|美编)\s*[：:/]\s*\S.{0,30}$"
    r"|^[（(][^（）()]{0,30}(?:摄|记者\s*\S{2,12}|通讯员\s*\S{2,12})[）)]$"
    r"|^\S{0,20}(?:记者|通讯员)\s*\S{2,6}\s*摄$")
_BYLINE = re.compile(r"^(?:[■□◆●▲★☆◎]\s*\S|[（(【\[]?小标题[）)】\]]|"
                     r"(?:(?:文|图|图文|文图|文[／/]图|图[／/]文)(?:\s*[／/|｜:：]\s*|\s+)(?:本报)?(?:(?:特约|见习)?记者|通讯员)?\s*"
                     r"[\u4e00-\u9fff·]{2,5}(?:[\s、]+[\u4e00-\u9fff·]{2,5})*$)|"    # 文／记者 王明, 图/文 李华
                     r"(?:新华社|本报|中新社|新华网|人民网)?(?:特约|见习)?记者\s*[\u4e00-\u9fff·]{2,5}"
                     r"(?:[\s、]+[\u4e00-\u9fff·]{2,5})*$)")
_PAGE_MARK = re.compile(r"^第\s*[0-9０-９一二三四五六七八九十百]+\s*版")
_LATIN_WORD_END = re.compile(r"[A-Za-z]-?$")
_LOWER_START = re.compile(r"^[a-z]")


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    with open(RESOURCES / "words.toml", "rb") as fh:
        data = tomllib.load(fh)
    return {k: frozenset(v) for k, v in data.items()}


def strip_sign_off(text: str) -> str:
    """The text without what may follow a story's last sentence: (完), (记者 王明), 周海涛 摄."""
    bare = text.rstrip()
    for _ in range(3):                       # (完)(朱晓颖 柳扬)
        m = _PAREN_TAIL.search(bare[-40:])
        if not m:
            break
        bare = bare[: len(bare) - (len(bare[-40:]) - m.start())].rstrip()
    if bare.endswith("摄"):
        cut = max(bare.rfind(ch) for ch in "。！？!?”")
        if cut >= 0 and _PHOTO_CREDIT.match(bare[cut + 1:]):
            bare = bare[: cut + 1]
    return bare


def ends_photo_credit(text: str) -> bool:
    """A sentence signed by a photographer (…揭开神秘的面纱。田华勇 摄, …（王明 摄）): a caption,
    whatever it opens with; a story's lead never ends so."""
    bare = text.rstrip()
    if bare.endswith(("摄）", "摄)")):
        return bool(_PAREN_TAIL.search(bare[-40:]))
    return bare.endswith("摄") and strip_sign_off(bare) != bare


def ends_on_open_word(t: str) -> bool:
    """The last word, as the dictionary cuts the line's end, is one that needs a sequel (是, 的,
    可以), not a word that only ends on such a character (条约) nor one a headline may end on."""
    last = segment(t[-8:])[-1]
    words = word_lists()
    return ((last in words["end_chars"] or last in words["end_pairs"]) and last not in words["headline_ends"]
            and not counted(t))


def ends_terminal(text: str) -> bool:
    if _TERMINAL_END.search(text[-8:]):
        return True
    bare = strip_sign_off(text)
    return bare != text and bool(_TERMINAL_END.search(bare[-8:]))


_BODY_PUNCT = re.compile(r"[，,。]")


def has_body_punct(text: str) -> bool:
    """Commas and full stops (and 、 in a longer line): running text has them, headings seldom."""
    return bool(_BODY_PUNCT.search(text)) or (len(text) > 24 and "、" in text)


def has_clause_punct(text: str) -> bool:
    return bool(CLAUSE_PUNCT.search(text))


def is_dateline_start(text: str) -> bool:
    return bool(_DATELINE.match(text))


def strip_dateline(text: str) -> str:
    m = _DATELINE.match(text)
    return text[m.end():] if m else text


def is_credit(text: str) -> bool:
    return len(text) <= 40 and bool(_CREDIT.match(text))


def is_byline(text: str) -> bool:
    return len(text) <= 60 and bool(_BYLINE.match(text))


_SOLID_BYLINE = re.compile(r"^(?P<paper>本报|新华社|中新社)?(?:特约|见习)?记者(?P<a>[\u4e00-\u9fff]{2,9}?)"
                           r"(?:通讯员(?P<b>[\u4e00-\u9fff]{2,9}))?$")


def is_solid_byline(text: str) -> bool:
    """A byline set with no space between its words (记者孟胜通讯员江怡刚, 本报记者段兰伟陈丽: a page
    whose CJK setting drops the spaces), told from a heading that opens with 记者 (记者手记,
    本报记者走基层) by the surname each name begins with, and by the paper or the 通讯员 it names
    (or one name alone)."""
    m = _SOLID_BYLINE.match(text)
    if m is None:
        return False
    single, double = surnames()
    a, b = m.group("a"), m.group("b")

    def named(s: str) -> bool:
        return s[0] in single or s[:2] in double

    return named(a) and (b is None or named(b)) and (bool(m.group("paper") or b) or len(a) <= 3)


_SUBHEAD_MARK = re.compile(r"^[（(【\[]小标题[）)】\]]\s*\S")


def is_marked_subhead(text: str) -> bool:
    """A subhead the wire copy marks as one: (小标题)总理职位花落谁家."""
    return len(text) <= 60 and bool(_SUBHEAD_MARK.match(text))


def is_page_marker(text: str) -> bool:
    return len(text) <= 30 and bool(_PAGE_MARK.match(text))


def is_deck_start(text: str) -> bool:
    return text.startswith(("——", "—-", "--", "――", "──"))


def is_short_line(text: str, limit: int = 30) -> bool:
    """A heading or sidebar item: short, with no clause punctuation and no sentence end."""
    return len(text) <= limit and not has_clause_punct(text) and not ends_terminal(text)


# characters that need a sequel as words (所说, 把它, 则是, 对此) but are measure words after a
# number, and end their phrase there (新建学校六所, 两把, 三则, 一对)
_MEASURES = "所把则对"
_NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十两几百千万"


def counted(text: str) -> bool:
    """`text` ends on a measure word after a number (改扩建中小学六所)."""
    return len(text) >= 2 and text[-1] in _MEASURES and text[-2] in _NUMERALS


def open_end(text: str) -> str | None:
    """Why `text` cannot end a paragraph, or None: a clause mark, or a word that needs a sequel."""
    if not text:
        return None
    last = text[-1]
    if last in OPEN_END:
        return "punct"
    words = word_lists()
    pairs = words["end_pairs"]      # (two characters and three: 一方面, 进一步)
    if text[-2:] in pairs or text[-3:] in pairs or (last in words["end_chars"] and not counted(text)):
        return "word"
    if _LATIN_WORD_END.search(text) and text[-1] == "-":
        return "hyphen"
    return None


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_TITLE_END = re.compile(r"(?:委员|主席|主任|部长|局长|厅长|处长|市长|省长|县长|区长|州长|镇长|村长|书记|记者|总理|"
                        r"总统|大使|秘书长|院长|校长|教授|经理|董事长|总裁|主编|发言人|队长|议员|参赞|领事|"
                        r"总干事|会长|理事长|司长|团长|教练|主教练|警官|法官|律师|医生|博士)(..?)$")


def ends_on_titled_surname(text: str) -> bool:
    """`text` ends on a title and a surname with no given name after it (澳门基金会行政委员吴 /
    志良…): a name cut at a column end, as no headline or sentence stops there."""
    m = _TITLE_END.search(text[-8:])
    if m is None:
        return False
    single, double = surnames()
    return m.group(1) in single or m.group(1) in double


def needs_subject(text: str) -> bool:
    """`text` opens with a word that needs a subject before it (表示, 是, 还): no sentence opens so."""
    lead = _TIME_LEAD.match(text)       # 当天说，…, 17日表示: a time before a reporting verb
    if lead:
        said = segment(text[lead.end():lead.end() + 6])
        if said and said[0] in _REPORTING:
            return True
    if not _HAN_CHAR.match(text[:1]):
        return False
    return segment(text[:6])[0] in word_lists()["subject_words"]


_TIME_LEAD = re.compile(r"^(?:当天|当日|今天|昨天|前天|日前|近日|[0-9０-９]{1,2}日)")
_REPORTING = frozenset(("说", "表示", "指出", "透露", "强调", "宣布", "介绍", "告诉"))


def closed_start(text: str) -> str | None:
    """Why `text` cannot begin a paragraph, or None."""
    if not text:
        return None
    first = text[0]
    if first in NO_START and not is_deck_start(text):
        return "punct"
    if _LOWER_START.match(text):
        return "lower"
    words = word_lists()
    if first in words["start_chars"] and text[:2] not in words["start_ok"]:
        return "word"
    if text[1:2] in ("，", ",", "；", ";") and _HAN_CHAR.match(first) and first not in words["lone_ok"]:
        return "lone"           # 伤，他今天…: one character before a comma is a word's end
    return None


_NUM_END = re.compile(r"[0-9０-９][.,]?$")
# what carries a number on: its digits, its magnitude or its unit (measure words that open no
# paragraph: not 本 of 本报讯, 双 of 双方, 部 of 部分)
_NUM_CONT = re.compile(r"^(?:[0-9０-９.%‰]|[年月日时分秒万亿千百倍元角股点名人个位家项次岁米吨天周件只条台辆户张座套支批份篇届株棵匹克斤亩升]"
                       r"|公[里斤顷]|平方|[厘毫千]米|千克|小时|(?:多|余)[万亿年个名人])")
# a range cut after its connector: 14至 / 16周, 3到 / 5天, 2010— / 2012年
_RANGE_END = re.compile(r"[0-9０-９][至到~～—－-]$")
# a number in Han numerals cut in two (一月二十八日到二十 / 九日, 一千二 / 百名): two numerals at
# least before the cut (一 alone ends 统一), and a numeral, a unit or a date's 日 after it
_HAN_NUM_END = re.compile(r"[零〇一二三四五六七八九十百千万两]{2}$")
_HAN_NUM_CONT = re.compile(r"[零〇一二三四五六七八九十百千]|[日月年号时点分秒万亿元岁个名人位家项次倍]")


_DATE_OPENER = re.compile(r"^[0-9０-９]{1,2}(?:月[0-9０-９]{1,2})?日")
# a year opens a line of its own (原来的11.3 / 2002年, 免除了28 / 2005 年中国…): no number runs on into one
_YEAR_OPENER = re.compile(r"^[0-9０-９]{4}\s?年")


def cannot_open(left: str, right: str) -> bool:
    """`right` cannot begin a paragraph after `left`: it starts with a mark no line may begin
    with, or it carries on in lower case a Latin word `left` stops inside (not mRNA, iPhone
    opening a paragraph of their own)."""
    why = closed_start(right)
    return why in ("punct", "lone") or (why == "lower" and bool(_LATIN_WORD_END.search(left)))


def number_continues(left: str, right: str) -> bool:
    """A number, or a number and its unit, cut in two: `1975年11` / `月`, `2` / `万名`, `1,` / `200`."""
    if left[-1:] in ".,":       # a decimal point or a thousands comma only before the digits
        return bool(_NUM_END.search(left)) and bool(re.match(r"[0-9０-９]", right)) and \
            (left[-1] == "." or bool(re.match(r"[0-9０-９]{3}(?![0-9０-９])", right)))
    if _RANGE_END.search(left):
        return bool(re.match(r"[0-9０-９]", right))
    if _HAN_NUM_END.search(left):
        return bool(_HAN_NUM_CONT.match(right)) and not _word_of_its_own(right) and not _numeral_opens(right)
    if _YEAR_END.search(left):
        return bool(_MONTH_START.match(right))
    if _MONTH_END.search(left):
        return bool(_DAY_START.match(right))
    return bool(_NUM_END.search(left) and _NUM_CONT.match(right)) and not _DATE_OPENER.match(right) \
        and not _YEAR_OPENER.match(right)


def _word_of_its_own(text: str) -> bool:
    """`text` opens with a word of its own that merely starts with a unit (日本, 人民, 家庭, 年轻人),
    not a unit, a time word (月底, 年初) or a number (万元): 享年九十 / 日本一架小飞机… are two lines."""
    word = segment(text[:6])[0]
    return len(word) >= 2 and word_class(word) not in ("t", "m", "q", "")


def _numeral_opens(text: str) -> bool:
    """`text` opens with a numeral that counts what follows it, not the rest of a number: no
    unit, measure word or further numeral after it (百分之三十 / 一跨省团伙…, but 三十 / 一岁)."""
    return text[:1] in "一二三四五六七八九两" and not (
        len(text) < 2 or text[1] in _HAN_DIGITS or text[1] in "，,。、；;" or _NUM_CONT.match(text[1:]))


_HAN_DIGITS = "零〇一二三四五六七八九十百千万亿两"


# a date cut between its parts: 起始于2005年 / 2月，当时…, 7月 / 18日
_YEAR_END = re.compile(r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年$")
_MONTH_START = re.compile(r"^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月")
_MONTH_END = re.compile(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月$")
_DAY_START = re.compile(r"^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[日号]")


_FIGURE_START = re.compile(r"^[0-9０-９][0-9０-９.,]*(?:点|%|‰|倍|万|亿|元|美元|名|人|个|家|项|次|公里|米|吨)")


def figure_starts(text: str) -> bool:
    """Starts with a figure and its unit (not a date): more often mid-sentence than a paragraph start."""
    return bool(_FIGURE_START.match(text))


_MAGNITUDE_END = re.compile(r"[0-9０-９][0-9０-９.]*(?:多|余)?[万亿千百]$")
_NOT_NOUN_START = set("在从向对把被将于由为和与及或是有让使给但而并且就都也还又再已")
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|…{2}[”’」』）)]*(?=\S)")


def counted_noun_follows(left: str, right: str) -> bool:
    """`将近200万` / `大军`: a number with its magnitude is followed by what it counts."""
    return bool(_MAGNITUDE_END.search(left)) and bool(right) and "\u4e00" <= right[0] <= "\u9fff" \
        and right[0] not in _NOT_NOUN_START


def sentence_count(text: str) -> int:
    return max(1, len(_SENTENCE_END.findall(text)))


def function_words(text: str, running: bool = False) -> int:
    """How many function words (是、在、的、目前…) a line has: clauses have them, headings seldom
    (`running`: the conjunctions and subjects of running text too, 所以, 他们)."""
    words = word_lists()
    n = sum(1 for ch in text if ch in words["clause_chars"])
    n += sum(1 for w in words["clause_words"] if w in text)
    return n + sum(1 for w in words["running_words"] if w in text) if running else n


COMMON_WORD = 5000      # a two-character word this frequent in jieba's list (建议, 检查) names nothing
_PRONOUNS = "你我他她它您咱"


@lru_cache(maxsize=1)
def _unnaming() -> frozenset[str]:
    """The characters no name or term is told by (content_pairs): function characters, pronouns."""
    words = word_lists()
    return frozenset(words["clause_chars"]) | frozenset(words["end_chars"]) | frozenset(_PRONOUNS)


def content_pairs(text: str) -> set[str]:
    """The pairs of neighbouring Han characters in `text` that may name something: no function
    character or pronoun in either (words.toml clause_chars and end_chars), and no common word (COMMON_WORD):
    the pairs of its names and terms (伊辛, 布鲁, 听证)."""
    function = _unnaming()
    lex = lexicon()[0]
    out = set()
    for k in range(len(text) - 1):
        a, b = text[k], text[k + 1]
        if a in function or b in function or not (_HAN_CHAR.match(a) and _HAN_CHAR.match(b)):
            continue
        if (lex.get(a + b) or 0) < COMMON_WORD:
            out.add(a + b)
    return out


_OPENER = re.compile(
    r"^(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9０-９]{1,2}日[，,]|(?:今年|去年|前年|上月|本月)[^，,。]{0,6}[，,]|今年以来|去年以来|长期以来|近年来|近日|日前|"
    r"近期|目前[，,]|昨天|昨日|今天|今日|本周|上周|据悉|据了解|据报道|据介绍|记者[从近日获]|"
    r"为(?:了|更好地|进一步|切实)|在[^，,。]{1,12}[，,]|(?:目前|当前|此外|同时|另外|其中|对此|为此|因此|但是|然而|不过)[，,])")


def is_paragraph_opener(text: str) -> bool:
    """Starts the way a news paragraph starts: a date, 近日/日前/据悉, 为了…, 在…，"""
    return bool(_OPENER.match(text))


def restates(heading: str, para: str, size: int = 4) -> bool:
    """The paragraph's opening repeats a run of the heading's words: a lead under its headline."""
    opening = para[:60]
    if len(heading) > len(opening):
        # a run both share, looked for from the shorter side (a whole paragraph can be the heading)
        return any(opening[k:k + size] in heading for k in range(max(0, len(opening) - size + 1)))
    return any(heading[k:k + size] in opening for k in range(max(0, len(heading) - size + 1)))


_HEADING_PAIR = re.compile(r"^([^，,。；;：:！？!?]{3,10})[，,]([^，,。；;：:！？!?]{3,10})$")
_SPEECH = re.compile(r"说|表示|指出|认为|介绍|强调|称|透露|宣布|告诉|坦言")
_CAPTION_START = re.compile(r"^(?:图为|图中|上图|下图|左图|右图|图[①②③④⑤⑥1-9一二三四五六]|[（(]图[）)])")


def is_paired_heading(text: str) -> bool:
    """A two-part heading such as 抓前期，项目储备更充足 or 抢抓新赛道，抢占制高点."""
    m = _HEADING_PAIR.match(text)
    return m is not None and not is_paragraph_opener(text) and open_end(text) is None \
        and not _SPEECH.search(m.group(1)) and function_words(text, running=True) == 0


def is_caption_start(text: str) -> bool:
    """图为… / 上图: a photo caption, wherever it stands."""
    return bool(_CAPTION_START.match(text))
