"""Settings read from a file or the environment, checked before they are used.

A setting is something a person typed (`GALLEY_FONT_SONG=/path/font.ttc#0`,
`GALLEY_ICC_PROFILE=...`, the user's `proof.toml`), so each is checked here and a bad one
is a `GalleyError` saying which setting and what is wrong, never a crash deep in layout or
a wrong file embedded in print. Used by `app.layout.fonts`, `app.render.pdf` and the CLI.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from galley.app.errors import GalleyError

MAX_FONT_BYTES = 128 * 1024 * 1024
MAX_ICC_BYTES = 16 * 1024 * 1024
MAX_SETTINGS_BYTES = 1024 * 1024

# ------------------------------------------------------------------------------ fonts

_FONT_MAGIC = {b"\x00\x01\x00\x00": "TrueType", b"true": "TrueType", b"ttcf": "TrueType collection",
               b"OTTO": "OpenType/CFF"}


def font_setting(role: str, value: str, source: str | None = None) -> tuple[str, int]:
    """`path` or `path#index` (a subfont of a .ttc) → (path, index), checked: the file is a
    TrueType font or collection, the index names one of its fonts."""
    source = source or f"GALLEY_FONT_{role.upper()}"
    path, idx = value, 0
    if not Path(value).is_file() and "#" in value:
        path, _, index = value.rpartition("#")
        if not re.fullmatch(r"[0-9]{1,4}", index.strip()):
            raise GalleyError(f"{source}: the font number after # must be a whole number "
                              f"(path/font.ttc#0), not {index[:20]!r}", path)
        idx = int(index)
    p = Path(path)
    if not p.is_file():
        raise GalleyError(f"{source}: the font set for role {role} does not exist", path)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise GalleyError(f"{source}: cannot read the font ({exc.strerror or exc})", path) from None
    kind = _FONT_MAGIC.get(head[:4])
    if kind is None or size < 12 or size > MAX_FONT_BYTES:
        raise GalleyError(f"{source}: not a TrueType font file (.ttf or .ttc)", path)
    if kind == "OpenType/CFF":
        raise GalleyError(f"{source}: an OpenType font with PostScript (CFF) outlines; "
                          "Galley embeds TrueType-outline fonts only", path)
    count = int.from_bytes(head[8:12], "big") if kind == "TrueType collection" else 1
    if not 0 <= idx < count:
        raise GalleyError(f"{source}: the font file holds {count} font{'s' if count != 1 else ''}; "
                          f"#{idx} is not one of them (#0 to #{count - 1})", path)
    return str(p), idx


# ------------------------------------------------------------------------------ colour profile

def icc_profile(path: str, source: str = "GALLEY_ICC_PROFILE") -> str:
    """`path` when it is a real ICC profile of an output device with four colour channels (CMYK)."""
    p = Path(path)
    if not p.is_file():
        raise GalleyError(f"{source}: no such colour profile", path)
    try:
        size = p.stat().st_size
        data = p.read_bytes() if size <= MAX_ICC_BYTES else b""
    except OSError as exc:
        raise GalleyError(f"{source}: cannot read the colour profile ({exc.strerror or exc})", path) from None
    why = icc_problem(data)
    if why:
        raise GalleyError(f"{source}: not a CMYK ICC colour profile ({why})", path)
    return str(p)


def icc_problem(data: bytes) -> str | None:
    """What is wrong with `data` as a CMYK output profile, or None."""
    if len(data) < 132 or data[36:40] != b"acsp":
        return "no ICC profile header"
    declared = int.from_bytes(data[0:4], "big")
    if not 132 <= declared <= len(data):
        return "the profile is cut short"
    if data[16:20] != b"CMYK":
        return f"its colour space is {data[16:20].decode('latin-1').strip() or '?'}, not CMYK with four channels"
    if data[12:16] != b"prtr":
        return "it is not a profile of a printing device"
    count = int.from_bytes(data[128:132], "big")
    if count == 0 or 132 + 12 * count > declared:
        return "its tag table is damaged"
    for i in range(count):
        at = 132 + 12 * i
        offset, length = int.from_bytes(data[at + 4:at + 8], "big"), int.from_bytes(data[at + 8:at + 12], "big")
        if offset + length > declared:
            return "its tag table points past the end of the profile"
    return None


def icc_profile_setting() -> str | None:
    """GALLEY_ICC_PROFILE checked, or None when it is not set."""
    env = os.environ.get("GALLEY_ICC_PROFILE")
    return icc_profile(env) if env else None


# ------------------------------------------------------------------------------ proof.toml

_SEVERITIES = ("error", "warning", "info")
_KEYS = {"user_words", "dictionary", "script", "spelling_language", "spelling", "rules", "ignores"}


def read_proof_settings(path: str | Path) -> dict:
    """The user's proof.toml, parsed and checked: a bad one is a `GalleyError` naming the setting."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_SETTINGS_BYTES:
            raise GalleyError("the proofreading settings file is too large (at most 1 MB)", p)
        data = tomllib.loads(p.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise GalleyError(f"cannot read the proofreading settings: {exc.strerror or exc}", p) from None
    except UnicodeDecodeError:
        raise GalleyError("the proofreading settings are not UTF-8 text", p) from None
    except tomllib.TOMLDecodeError as exc:
        raise GalleyError(f"the proofreading settings are not valid TOML ({exc})", p) from None
    except RecursionError:
        raise GalleyError("the proofreading settings are nested too deeply", p) from None
    check_proof_settings(data, p)
    return data


def check_proof_settings(data: dict, path=None) -> None:
    def bad(what: str):
        return GalleyError(f"proofreading settings: {what}", path)

    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise bad(f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    words = data.get("user_words", [])
    if isinstance(words, dict):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in words.items()):
            raise bad("user_words must map words to words")
    elif isinstance(words, list):
        for w in words:
            ok = (isinstance(w, str) and ("→" in w or "\t" in w)) or (
                isinstance(w, list) and len(w) == 2 and all(isinstance(x, str) for x in w))
            if not ok:
                raise bad(f"user_words entry {str(w)[:30]!r} is not \"wrong→right\"")
    else:
        raise bad('user_words must be a list such as ["错→对"]')
    dictionary = data.get("dictionary", [])
    if not isinstance(dictionary, list) or not all(isinstance(w, str) for w in dictionary):
        raise bad("dictionary must be a list of words")
    if data.get("script") not in (None, "simplified", "traditional"):
        raise bad("script must be \"simplified\" or \"traditional\"")
    lang = data.get("spelling_language", "en_US")
    if not isinstance(lang, str) or not re.fullmatch(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*", lang):
        raise bad("spelling_language must be a language code such as \"en_US\"")
    if not isinstance(data.get("spelling", True), bool):
        raise bad("spelling must be true or false")
    ignores = data.get("ignores", [])
    if not isinstance(ignores, list) or not all(
            isinstance(r, dict) and all(isinstance(v, str) for v in r.values()) for r in ignores):
        raise bad("ignores must be a list of records of text")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise bad('rules must be tables such as [rules."punct.halfwidth"]')
    from galley.app.proof.registry import registry
    known = registry()
    for rid, conf in rules.items():
        if rid not in known:
            raise bad(f"unknown rule {rid[:40]!r}")
        if not isinstance(conf, dict) or set(conf) - {"enabled", "severity"}:
            raise bad(f"rule {rid}: only enabled and severity can be set")
        if not isinstance(conf.get("enabled", True), bool):
            raise bad(f"rule {rid}: enabled must be true or false")
        if conf.get("severity", "error") not in _SEVERITIES:
            raise bad(f"rule {rid}: severity must be one of {', '.join(_SEVERITIES)}")


# ------------------------------------------------------------------------------ page grids

# (table, key) → (lowest, highest, required); numbers only, finite. Far past any real page,
# tight enough that a grid cannot make layout build millions of columns or lines.
_GRID_RANGES = {
    ("page", "width_mm"): (50, 2000, True), ("page", "height_mm"): (50, 2000, True),
    ("page", "bleed_mm"): (0, 50, False), ("page", "margin_top_mm"): (0, 1000, True),
    ("page", "margin_bottom_mm"): (0, 1000, True),
    ("grid", "columns"): (1, 40, True), ("grid", "column_chars"): (2, 200, True),
    ("grid", "gutter_pt"): (0, 500, True), ("grid", "body_size"): (3, 72, True),
    ("grid", "leading"): (3, 200, True), ("grid", "lines"): (10, 2000, True),
    ("folio", "size"): (3, 100, False), ("folio", "rule_pt"): (0, 20, False),
}
_STYLE_RANGES = {"size": (2, 500, True), "leading": (2, 1000, False), "indent": (0, 20, False),
                 "tint": (0, 1, False)}
_ALIGN = ("left", "center", "right", "justify")
_ROLES = ("song", "hei", "kai", "latin")


def check_grid(data: dict, path) -> None:
    """A page grid file's tables and numbers are of the right types and within range."""
    import math

    def bad(what: str):
        return GalleyError(f"page grid: {what}", path)

    def number(table: dict, key: str, lo: float, hi: float, required: bool, where: str) -> None:
        if key not in table:
            if required:
                raise bad(f"{where}{key} is missing")
            return
        v = table[key]
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v) or not lo <= v <= hi:
            raise bad(f"{where}{key} must be a number from {lo:g} to {hi:g}")

    for name in ("page", "grid"):
        if not isinstance(data.get(name), dict):
            raise bad(f"a [{name}] table is required")
    for name in ("folio", "styles"):
        if not isinstance(data.get(name, {}), dict):
            raise bad(f"[{name}] must be a table")
    for key in ("name", "title"):
        if not isinstance(data.get(key, ""), str):
            raise bad(f"{key} must be text")
    if not isinstance(data.get("default", False), bool) or not isinstance(data["grid"].get("column_rules", True), bool):
        raise bad("default and column_rules must be true or false")
    for (table, key), (lo, hi, required) in _GRID_RANGES.items():
        number(data.get(table, {}), key, lo, hi, required, f"[{table}] ")
    for key in ("columns", "column_chars", "lines"):
        if not float(data["grid"][key]).is_integer():
            raise bad(f"[grid] {key} must be a whole number")
    if data.get("folio", {}).get("role", "hei") not in _ROLES:
        raise bad(f"[folio] role must be one of {', '.join(_ROLES)}")
    for sname, style in data.get("styles", {}).items():
        if not isinstance(style, dict):
            raise bad(f"[styles.{sname}] must be a table")
        for key, (lo, hi, required) in _STYLE_RANGES.items():
            number(style, key, lo, hi, required, f"[styles.{sname}] ")
        if style.get("role", "song") not in _ROLES:
            raise bad(f"[styles.{sname}] role must be one of {', '.join(_ROLES)}")
        if style.get("align", "left") not in _ALIGN:
            raise bad(f"[styles.{sname}] align must be one of {', '.join(_ALIGN)}")
