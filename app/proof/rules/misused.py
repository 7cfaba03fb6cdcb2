"""`words.misused`: a misused character in running text (不怕措折 → 挫折), found by the language
model of `app.proof.misused` rather than a word list. Sure findings take the rule's severity
(error); less sure ones one step below (warning). The fix is the replacement, never applied
without the editor. Words in the user's dictionary and the other word lists' findings are left
alone; so are headings (short, often names and wordplay) and the names a credit gives
((记者拱振林), 本报记者 拱振林 摄). So is a form the edition writes in HOUSE_FORM places or more
(派列娃 eleven times in one story, 攸关, 可视网络电话, 效能监察; a passage printed twice is one
place): a slip is seldom made the same way three times, a name or a writer's usage is.
"""
from __future__ import annotations

import re

from galley.app.proof.finding import Hit
from galley.app.proof.names import credit_names
from galley.app.proof.registry import RUNNING, rule
from galley.app.text import simplified_one, traditional_at


@rule("words.misused", "error", "疑似错别字（语言模型）/ a character that looks misused in context (不怕措折 → 挫折)",
      kinds=RUNNING)
def misused(p):
    from galley.app.proof.misused import model
    m = model()
    t = p.text
    # an edition in traditional characters is judged in simplified ones (the model's), one for one,
    # and the replacement is named in the edition's own script
    view = simplified_one(t) if p.script == "traditional" else t
    dictionary = p.settings.dictionary
    suspects = m.suspects(view)
    if not suspects:
        return
    from galley.app.proof.rules.words import confusables
    listed = [(a, b) for a, b, _ in confusables().find(t, dictionary)]
    credits = credit_names(view) if any(w in view for w in ("记者", "通讯员", "实习生", "摄")) else []
    for s in suspects:
        i = s.start
        if any(a <= i < b for a, b in listed):
            continue            # words.confusable reports it, with its list's reason
        if any(a <= i < b for a, b in credits):
            continue            # (记者拱振林): a reporter's name
        if dictionary and any(w in t[max(0, i - len(w) + 1):i + len(w)] for w in dictionary):
            continue
        word, a, b = _word_with(view, i, s.right, m)
        if p.recurs is not None and _house_form(t, i, a, b, p.recurs):
            continue
        wrong, right = t[i], s.right
        if view is not t:
            right = traditional_at(view, i, s.right)
            word = t[a:i] + right + t[i + 1:b] if b - a >= 2 else right
        yield Hit(i, i + 1, f"疑似错别字：“{wrong}”可能应为“{right}”（{word}）",
                  f"possibly misused: {wrong} → {right} ({word})", right, False, s.score < m.error)


def _word_with(t: str, i: int, right: str, m) -> tuple[str, int, int]:
    """The most frequent word the replacement makes with its neighbours (for the message), and
    its span in t."""
    best, best_f, span = right, 0, (i, i + 1)
    for a in range(max(0, i - 3), i + 1):
        for b in range(i + 1, min(len(t), a + 4) + 1):
            w = t[a:i] + right + t[i + 1:b]
            f = m.freq.get(w, 0) if len(w) > 1 else 0
            if f > best_f:
                best, best_f, span = w, f, (a, b)
    return best, *span


HOUSE_FORM = 3          # places the edition writes a form in for it to be the writer's, not a slip
_HAN = re.compile(r"[\u4e00-\u9fff]{3}")


def _house_form(t: str, i: int, a: int, b: int, recurs) -> bool:
    """The character at i is written so in HOUSE_FORM places or more of the edition: as the word the
    replacement would make (t[a:b], written as it stands: 攸关 for 有关) or in any three Han
    characters around it (派列娃, 比瑞亚)."""
    forms = [t[a:b]] if b - a >= 2 else []
    forms += [w for w in (t[k:k + 3] for k in range(max(0, i - 2), i + 1)) if _HAN.fullmatch(w)]
    return any(recurs(w) >= HOUSE_FORM for w in forms)
