"""Structure recognition: repaired units → stories of typed elements.

Reads each unit (a paragraph, heading line, sidebar item … as repair assembled it) by its form:
page markers (第3版), bylines (■ 本报记者 …), credits (图表:…, (… 摄)), heading lines (short, no
sentence end), and running text. Runs of heading lines are then read by position: lines at the
top of a page before a section label are banners; a short line over another heading is a
section label; a run followed by a byline or a dateline (本报讯…), or opening a page or section,
starts a story (kicker 引题, headline 主题, deck 副题 starting with ——); inside a story a run is a
subhead. Blocks repair moved out of a paragraph are sidebar items, captions or credits.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from galley.app.data import resource
from galley.app.model import Element, Kind, RawBlock, Story, join_parts
from galley.app.repair import features as ft
from galley.app.text import simplified_views

RESOURCES = resource("structure")
_NAME_ONLY = re.compile(r"^[■□◆●▲★☆◎]\s*[\u4e00-\u9fff·]{2,5}$")
_SPACED = re.compile(r"\S\s+\S")


@lru_cache(maxsize=1)
def section_names() -> frozenset[str]:
    lines = (RESOURCES / "sections.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _form(text: str, moved: bool) -> str:
    """What a unit is by its own text: page, byline, credit, subhead (marked as one), heading, or body."""
    if ft.is_page_marker(text):
        return "page"
    if ft.is_credit(text):
        return "credit"
    if ft.is_marked_subhead(text):
        return "subhead"
    if ft.is_byline(text):
        return "byline"
    if moved:
        return "insert"
    if ft.is_deck_start(text) and len(text) <= 60 and not ft.ends_terminal(text):
        return "heading"
    if len(text) <= 40 and not ft.ends_terminal(text) and not ft.has_body_punct(text[:-1]) \
            and not ft.is_dateline_start(text):
        return "heading"
    if len(text) <= 30 and not ft.ends_terminal(text) and not ft.is_dateline_start(text) \
            and text.count("，") + text.count(",") <= 1:
        return "heading"    # a heading with one comma: 瞄准“大与新”,提能级强筋骨
    return "body"


def _insert_kind(text: str) -> Kind:
    if ft.is_credit(text):
        return Kind.CREDIT
    if ft.is_short_line(text, 40):
        return Kind.SIDEBAR
    return Kind.CAPTION


# A role read from the page (RawBlock.role, PDF input) decides the form over the text alone.
_ROLE_FORMS = {"furniture": "furniture", "ad": "furniture", "jump": "credit", "caption": "caption", "sidebar": "sidebar",
               "byline": "byline",
               "kicker": "heading", "headline": "heading", "deck": "heading", "subhead": "heading"}
_ROLE_KINDS = {"caption": Kind.CAPTION, "sidebar": Kind.SIDEBAR, "kicker": Kind.KICKER,
               "headline": Kind.HEADLINE, "deck": Kind.DECK, "subhead": Kind.SUBHEAD}


def _roles(blocks: list[RawBlock], units: list[tuple[int, ...]]) -> list[str | None]:
    """Each unit's role from page evidence: its blocks' role when they all agree."""
    out = []
    for u in units:
        roles = {getattr(blocks[i], "role", None) for i in u}
        out.append(roles.pop() if len(roles) == 1 else None)
    return out


class _Builder:
    """Walks the units in reading order, opening stories and typing elements."""

    def __init__(self, texts: list[str], units: list[tuple[int, ...]], forms: list[str],
                 roles: list[str | None] | None = None, view: list[str] | None = None):
        # `view`: the texts the evidence is read from (simplified characters); elements keep `texts`
        self.shown, self.units, self.forms = texts, units, forms
        self.texts = view if view is not None else texts
        self.roles = roles or [None] * len(units)
        self.stories: list[Story] = []
        self.current: Story | None = None
        self.page: str | None = None
        self.section: str | None = None
        self.pending: list[Element] = []     # page furniture waiting for the story it heads

    def el(self, kind: Kind, k: int) -> Element:
        return Element(kind, self.shown[k], tuple(self.units[k]))

    def new_story(self) -> Story:
        self.current = Story(id=f"s{len(self.stories) + 1}", page=self.page, section=self.section)
        self.current.elements.extend(self.pending)
        self.pending.clear()
        self.stories.append(self.current)
        return self.current

    def story(self) -> Story:
        return self.current or self.new_story()

    def is_section(self, k: int, run_end: int) -> bool:
        t = self.texts[k]
        if t in section_names():
            return True
        # a very short line over another heading, at the top of a page
        return (self.current is None and len(t) <= 6 and not _SPACED.search(t) and k + 1 < run_end
                and not ft.is_deck_start(self.texts[k + 1]))

    def _single_headline(self, k: int, end: int) -> bool:
        """A lone heading line between paragraphs: the next story's headline, or a subhead?"""
        t = self.texts[k]
        prev = self.current.elements[-1].text if self.current and self.current.elements else ""
        nxt = self.texts[end] if end < len(self.texts) else ""
        if ft.ends_terminal(prev) and prev != ft.strip_sign_off(prev):
            return True                      # the story before signed off: (完), (记者 王明)
        if nxt and ft.restates(t, nxt):
            return True                      # the lead retells it
        return len(t) >= 12 and not ft.is_deck_start(t)

    def heading_run(self, start: int, end: int) -> None:
        texts = self.texts
        # section labels (and, at the top of a page, the banner lines above one)
        label = next((k for k in range(start, end) if self.roles[k] is None and self.is_section(k, end)), None)
        if label is not None and (label == start or self.current is None):
            for k in range(start, label):
                self.pending.append(self.el(Kind.BANNER, k))
            self.pending.append(self.el(Kind.SECTION, label))
            self.section, self.current = self.shown[label], None
            start = label + 1
        lines = list(range(start, end))
        if not lines:
            return
        nxt = self.forms[end] if end < len(texts) else None
        if self.current is not None and all(self.roles[k] == "subhead" for k in lines):
            # the page says these are a story's subheads (a 导读's titles): they open nothing
            for k in lines:
                self.current.elements.append(self.el(Kind.SUBHEAD, k))
            return
        opens = (self.current is None or nxt in ("byline", None)
                 or (nxt == "body" and ft.is_dateline_start(texts[end]))
                 or not any(e.kind == Kind.BODY for e in self.current.elements)
                 or (len(lines) == 1 and self._single_headline(start, end))
                 or any(self.roles[k] == "headline" for k in lines))
        if not opens:
            # short lines over a credit (图表：…) are a fact box's items; otherwise subheads
            kind = Kind.SIDEBAR if nxt == "credit" and len(lines) >= 2 else Kind.SUBHEAD
            assert self.current is not None      # `opens` when there is no story yet
            for k in lines:
                self.current.elements.append(self.el(kind, k))
            return
        story = self.new_story()
        heads = [k for k in lines if not ft.is_deck_start(texts[k])]
        main = max(heads, key=lambda k: len(texts[k])) if heads else None
        for k in lines:
            role = self.roles[k]
            if role is not None and role in _ROLE_KINDS:
                kind = _ROLE_KINDS[role]
            elif main is None or k > main or ft.is_deck_start(texts[k]):
                kind = Kind.DECK
            else:
                kind = Kind.HEADLINE if k == main else Kind.KICKER
            story.elements.append(self.el(kind, k))

    def run(self) -> list[Story]:
        n, k = len(self.units), 0
        while k < n:
            f, t = self.forms[k], self.texts[k]
            if f == "page":
                self.page, self.section, self.current = self.shown[k], None, None
                self.pending.append(self.el(Kind.PAGE, k))
            elif f == "heading":
                end = k
                while end < n and self.forms[end] == "heading":
                    end += 1
                self.heading_run(k, end)
                k = end
                continue
            elif f == "furniture":
                if ft.is_page_marker(t):
                    self.page, self.section, self.current = self.shown[k], None, None
                self.pending.append(self.el(Kind.PAGE, k))
            elif f in ("caption", "sidebar"):
                self.story().elements.append(self.el(_ROLE_KINDS[f], k))
            elif f == "byline":
                self.story().elements.append(self.el(Kind.AUTHOR if _NAME_ONLY.match(t) else Kind.BYLINE, k))
            elif f == "credit":
                self.story().elements.append(self.el(Kind.CREDIT, k))
            elif f == "subhead":
                self.story().elements.append(self.el(Kind.SUBHEAD, k))
            elif f == "insert":
                self.story().elements.append(self.el(_insert_kind(t), k))
            elif ft.is_caption_start(t):
                self.story().elements.append(self.el(Kind.CAPTION, k))
            else:
                self.story().elements.append(self.el(Kind.BODY, k))
            k += 1
        if self.pending:
            self.story().elements.extend(self.pending)
            self.pending.clear()
        return self.stories


def build_stories(blocks: list[RawBlock], units: list[tuple[int, ...]],
                  moved: frozenset[int] = frozenset(),
                  dehyphenated: frozenset[tuple[int, ...]] = frozenset()) -> list[Story]:
    """Type the units and group them into stories, in reading order; every unit lands once."""
    texts = [join_parts([blocks[i].text for i in u],
                        frozenset(k for k, seam in enumerate(pairwise(u)) if seam in dehyphenated))
             for u in units]
    roles = _roles(blocks, units)
    view = simplified_views(texts)
    forms = [(_ROLE_FORMS.get(r) if r else None) or _form(t, u[0] in moved) for t, u, r in zip(view, units, roles)]
    return _Builder(texts, units, forms, roles, view).run()
