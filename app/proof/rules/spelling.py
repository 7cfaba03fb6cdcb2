"""English spelling with pyenchant (en_US by default). Only Latin words are sent to it, and
only lowercase ones: capitalised words and acronyms in a Chinese paper are nearly all names.

Without the enchant library or the dictionary, the rule does nothing and `status()` says why;
the check report prints that spelling was skipped.
"""
from __future__ import annotations

import re
import threading

from galley.app.proof.finding import Hit
from galley.app.proof.registry import rule

_LOWER = re.compile("[a-z]")        # (ASCII: a paragraph with no English word is passed over)
WORD_RE = re.compile(r"(?<![A-Za-z0-9_\-@/.])[a-z]{3,}(?:'[a-z]+)?(?![A-Za-z0-9_\-@/])")

_lock = threading.Lock()
_dicts: dict[str, object] = {}
_reasons: dict[str, str] = {}
_cache: dict[tuple[str, str], bool] = {}


def dictionary(lang: str = "en_US"):
    """The enchant dictionary for `lang`, or None (and the reason in `status`)."""
    if lang in _dicts or lang in _reasons:
        return _dicts.get(lang)
    with _lock:
        try:
            import enchant
        except ImportError as exc:  # pyenchant missing, or the C library it loads
            _reasons[lang] = f"the enchant spell-check library is not available ({exc})"
            return None
        try:
            _dicts[lang] = enchant.Dict(lang)
        except Exception as exc:  # noqa: BLE001  (DictNotFoundError, a broken provider, …)
            _reasons[lang] = f"no {lang} dictionary for enchant ({exc}); install hunspell-en-us"
            return None
    return _dicts[lang]


def status(lang: str = "en_US") -> tuple[bool, str]:
    """(available, reason when not)."""
    d = dictionary(lang)
    return (d is not None, "" if d is not None else _reasons.get(lang, "unknown"))


def _known(d, lang: str, word: str) -> bool:
    key = (lang, word)
    ok = _cache.get(key)
    if ok is None:
        ok = _cache[key] = bool(d.check(word))
    return ok


@rule("spell.en", "warning", "英文拼写 / English spelling (pyenchant, en_US)")
def spelling(p):
    s = p.settings
    if not s.spelling:
        return
    t = p.text
    if not _LOWER.search(t):
        return
    d = dictionary(s.spelling_language)
    if d is None:
        return
    for m in WORD_RE.finditer(t):
        w = m.group()
        if w in s.dictionary or _known(d, s.spelling_language, w):
            continue
        if p.protected and p.is_protected(m.start()):
            continue
        sugg = d.suggest(w)
        yield Hit(m.start(), m.end(), f"英文拼写可能有误：“{w}”" + (f"，是否为“{sugg[0]}”" if sugg else ""),
                  f"possible misspelling: {w}" + (f" (did you mean {sugg[0]}?)" if sugg else ""),
                  sugg[0] if sugg else None, False)
