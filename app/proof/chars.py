"""Character classes shared by the rules: Han, CJK punctuation, Latin, protected spans (URLs)."""
from __future__ import annotations

import re

from galley.app import text as text_classes

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = f"[{HAN_RANGES}]"
HAN_RE = re.compile(HAN)

# full-width and CJK punctuation that sits in Chinese running text
CJK_PUNCT = set(text_classes.CJK_PUNCT)
CJK_OPEN = set(text_classes.OPENING)
CJK_CLOSE = set(text_classes.CLOSING)

URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff00-\uffef“”‘’" + HAN_RANGES + r"]+"
                    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
                    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|org|net|gov|edu|hk|tw|sg|int|info)(?:/[^\s]*)?\b",
                    re.IGNORECASE)


def is_han(ch: str) -> bool:
    return bool(ch) and bool(HAN_RE.match(ch))


def is_cjk(ch: str) -> bool:
    """Han or full-width/CJK punctuation: the neighbour that makes a mark 'Chinese context'."""
    return bool(ch) and (ch in CJK_PUNCT or is_han(ch) or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e")


def is_latin(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def prev_char(text: str, i: int, skip: str = " ") -> str:
    """The nearest character before position i that is not in `skip` ('' at the start)."""
    j = i - 1
    while j >= 0 and text[j] in skip:
        j -= 1
    return text[j] if j >= 0 else ""


def next_char(text: str, i: int, skip: str = " ") -> str:
    """The nearest character after position i that is not in `skip` ('' at the end)."""
    j = i + 1
    while j < len(text) and text[j] in skip:
        j += 1
    return text[j] if j < len(text) else ""


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in URL_RE.finditer(text)] if ("." in text or "@" in text) else []
