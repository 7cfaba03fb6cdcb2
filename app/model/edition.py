"""The edition model: what the importers produce and every later stage reads.

An edition is imported as a list of `RawBlock`s (one per line or block of the source,
in source order). Repair proposes `Fix`es (joins of blocks cut at column ends, moves of
interleaved sidebars/captions out of an article); structure turns the assembled blocks into
`Story`s of typed `Element`s. An element remembers which raw blocks it was made from
(`parts`), so a repair can be undone by rebuilding from the blocks.

`Edition.text()` is the repaired text exactly as `galley repair` prints it; every offset a
finding or the GUI uses is an offset into that text (`Edition.spans()` maps elements to it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from galley.app.text import detect_script


class Kind(StrEnum):
    """What an element is on the page, in the newsroom's words."""

    PAGE = "page"          # page marker: 第3版 / 要闻
    SECTION = "section"    # section label 栏目: 时政动态, 新闻速览, 权威发布
    BANNER = "banner"      # banner and slogan lines across the page
    KICKER = "kicker"      # 引题
    HEADLINE = "headline"  # 主题
    DECK = "deck"          # 副题, often starting with ——
    BYLINE = "byline"      # ■ 本报记者 …
    SUBHEAD = "subhead"    # 小标题 (may have two lines)
    BODY = "body"          # a body paragraph (a dateline 本报讯 stays inside the first one)
    SIDEBAR = "sidebar"    # an item of a boxed sidebar / fact box
    CAPTION = "caption"    # photo caption
    CREDIT = "credit"      # 图表:…, (… 摄), (记者 …)
    AUTHOR = "author"      # author line of a commentary: ■ 苑萃

    @property
    def is_heading(self) -> bool:
        return self in HEADING_KINDS

    @property
    def is_insert(self) -> bool:
        """Blocks that layout places apart from the running text of the story."""
        return self in (Kind.SIDEBAR, Kind.CAPTION, Kind.CREDIT)


HEADING_KINDS = frozenset({Kind.PAGE, Kind.SECTION, Kind.BANNER, Kind.KICKER, Kind.HEADLINE, Kind.DECK,
                           Kind.SUBHEAD})
# the headline block at a story's head, set across its columns (layout, DOCX)
DISPLAY_KINDS = (Kind.SECTION, Kind.BANNER, Kind.KICKER, Kind.HEADLINE, Kind.DECK)

_LATIN_END = re.compile(r"[A-Za-z0-9,.;:!?)\]’”'\"%]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\[‘“'\"]")


def join_parts(parts: list[str], drop_hyphen: frozenset[int] = frozenset()) -> str:
    """Join the texts of blocks cut at column ends into one paragraph.

    Chinese needs no space at the seam; Latin words get one space, except after a
    line-end hyphen (kept as is: whether it is a real hyphen is the dehyphenation fix's call;
    `drop_hyphen` holds the seams, by index of the part before them, where it was accepted).
    Otherwise only whitespace is added, so `galley repair` changes no character.
    """
    # Linear in the length of the paragraph: the pieces are joined once at the end, and each
    # seam looks only at the end of what came before (the last two characters: `$` also
    # matches before a final line feed), never at the growing text.
    pieces: list[str] = []
    for k, p in enumerate(parts):
        if k and pieces:
            tail = _tail(pieces)
            if tail.endswith("-"):
                if k - 1 in drop_hyphen:
                    pieces[-1] = pieces[-1][:-1]
                    if not pieces[-1]:
                        pieces.pop()
            elif _LATIN_END.search(tail) and _LATIN_START.match(p):
                pieces.append(" ")
        if p:
            pieces.append(p)
    return "".join(pieces)


def _tail(pieces: list[str]) -> str:
    """The last two characters of the (non-empty) pieces joined."""
    tail = pieces[-1][-2:]
    if len(tail) < 2 and len(pieces) > 1:
        tail = (pieces[-2][-2:] + tail)[-2:]
    return tail


@dataclass
class RawBlock:
    """One block of the source as imported: a line of text (stripped), in source order."""

    index: int
    text: str
    blank_before: bool = True      # separated from the previous block by a blank line / column end
    offset: int = 0                # character offset of the block in the decoded source
    page: int | None = None        # page number (1-based) for PDF input
    column: int | None = None      # column index on that page, for PDF input
    # what the page's own evidence says the block is (PDF input: size, position, boxes), a hint
    # structure prefers to the text alone: "furniture" (版眉, folio, running header), "jump"
    # (下转第N版), "ad", "kicker", "headline", "deck", "subhead" (a 导读's titles), "caption",
    # "sidebar"; None when there is none
    role: str | None = None
    # whether the page sets the block's first line indented, as a paragraph's first line is (PDF
    # input, running text in the body size); None where the source does not say (plain text)
    indented: bool | None = None


@dataclass
class Element:
    """A typed piece of a story: a headline, a body paragraph, a sidebar item, …"""

    kind: Kind
    text: str
    parts: tuple[int, ...] = ()    # indices of the raw blocks it was made from, in order
    lines: tuple[str, ...] = ()    # for multi-line headings (two-line subheads), the lines

    @property
    def is_joined(self) -> bool:
        return len(self.parts) > 1


@dataclass
class Story:
    """An article (or a page furniture group) with its elements in reading order."""

    id: str
    elements: list[Element] = field(default_factory=list)
    page: str | None = None        # the page marker text in force (第1版), if any
    section: str | None = None     # the section label in force (时政动态), if any

    def first(self, kind: Kind) -> Element | None:
        return next((e for e in self.elements if e.kind == kind), None)

    @property
    def headline(self) -> str:
        e = self.first(Kind.HEADLINE) or next((e for e in self.elements if e.kind.is_heading), None)
        return e.text if e else (self.elements[0].text[:20] if self.elements else "")

    @property
    def text_length(self) -> int:
        return sum(len(e.text) for e in self.elements)


@dataclass
class Fix:
    """A structural repair the editor can accept or reject.

    kind "join": `blocks` = (a, b): block b continues the paragraph that block a was cut from.
    `moved` are the blocks that stood between a and b (a sidebar, caption or credit interleaved
    into the article); with the join accepted they follow the repaired paragraph as their own
    elements, with it rejected everything stays where it was.
    """

    id: str
    kind: str
    blocks: tuple[int, ...]
    confidence: float
    reason: str                    # English
    reason_zh: str                 # 中文
    moved: tuple[int, ...] = ()
    accepted: bool = True
    before: str = ""               # the text on each side of the seam, for review
    after: str = ""
    doubtful: bool = False         # a possible cut: offered, not applied unless the editor accepts it

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "blocks": list(self.blocks), "confidence": self.confidence,
                "reason": self.reason, "reason_zh": self.reason_zh, "moved": list(self.moved),
                "accepted": self.accepted, "before": self.before, "after": self.after,
                "doubtful": self.doubtful}


@dataclass
class Span:
    """Where an element stands in `Edition.text()`."""

    start: int
    end: int
    story: int
    element: int


@dataclass
class Edition:
    """A whole edition: its source blocks, its stories, and the repairs made to get them."""

    blocks: list[RawBlock]
    stories: list[Story]
    fixes: list[Fix] = field(default_factory=list)
    source: str | None = None      # the path it was opened from
    script: str | None = None      # "simplified" or "traditional": set, or detected on first read

    def elements(self):
        """(story index, element index, element) in output order."""
        for si, story in enumerate(self.stories):
            for ei, el in enumerate(story.elements):
                yield si, ei, el

    def text(self) -> str:
        """The repaired edition as `galley repair` prints it: one block a line, blank-line separated."""
        return "\n\n".join(el.text for _, _, el in self.elements()) + ("\n" if self.stories else "")

    def spans(self) -> list[Span]:
        out, pos = [], 0
        for si, ei, el in self.elements():
            out.append(Span(pos, pos + len(el.text), si, ei))
            pos += len(el.text) + 2
        return out

    def story_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each story in `text()`."""
        spans = self.spans()
        res = []
        for si in range(len(self.stories)):
            own = [s for s in spans if s.story == si]
            res.append((own[0].start, own[-1].end) if own else (0, 0))
        return res

    @property
    def char_count(self) -> int:
        return sum(len(el.text) for _, _, el in self.elements())

    def _set_script(self, value: str | None) -> None:
        self._script: str | None = value    # __init__ always sets it (script=None: detect on first read)

    def _get_script(self) -> str:
        if self._script is None:
            self._script = detect_script("".join(b.text for b in self.blocks[:400]))
        return self._script


# `script` is a property over `_script`, set on the class after the dataclass took the field's
# default into __init__: `Edition(..., script=None)` stores None and the first read detects it.
# (mypy keeps the field's type, `str | None`, which is what a caller may set.)
Edition.script = property(Edition._get_script, Edition._set_script,  # type: ignore[assignment]
                          doc="'simplified' or 'traditional'")

