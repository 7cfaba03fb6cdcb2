"""`words.misused`: a misused character in running text (不怕措折 → 挫折), found by the language
model of `app.proof.misused` rather than a word list. Sure findings take the rule's severity
(error); less sure ones one step below (warning). The fix is the replacement, never applied
without the editor. Words in the user's dictionary and the other word lists' findings are left
alone; so are headings (short, often names and wordplay).
"""
from __future__ import annotations

from galley.app.proof.finding import Hit
from galley.app.proof.registry import RUNNING, rule


@rule("words.misused", "error", "疑似错别字（语言模型）/ a character that looks misused in context (不怕措折 → 挫折)",
      kinds=RUNNING)
def misused(p):
    from galley.app.proof.misused import model
    m = model()
    t = p.text
    dictionary = p.settings.dictionary
    suspects = m.suspects(t)
    if not suspects:
        return
    from galley.app.proof.rules.words import confusables
    listed = [(a, b) for a, b, _ in confusables().find(t, dictionary)]
    for s in suspects:
        i = s.start
        if any(a <= i < b for a, b in listed):
            continue            # words.confusable reports it, with its list's reason
        if dictionary and any(w in t[max(0, i - len(w) + 1):i + len(w)] for w in dictionary):
            continue
        word = _word_with(t, i, s.right, m)
        yield Hit(i, i + 1, f"疑似错别字：“{s.wrong}”可能应为“{s.right}”（{word}）",
                  f"possibly misused: {s.wrong} → {s.right} ({word})", s.right, False, s.score < m.error)


def _word_with(t: str, i: int, right: str, m) -> str:
    """The most frequent word the replacement makes with its neighbours, for the message."""
    best, best_f = right, 0
    for a in range(max(0, i - 3), i + 1):
        for b in range(i + 1, min(len(t), a + 4) + 1):
            w = t[a:i] + right + t[i + 1:b]
            f = m.freq.get(w, 0) if len(w) > 1 else 0
            if f > best_f:
                best, best_f = w, f
    return best
