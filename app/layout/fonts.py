"""Font roles → font files → metrics, parsed once per process.

Composition (`linebreak.py`) needs each character's advance; the PDF writer needs the same
parsed font to embed subsets. Both come from here: `font_for(role)` returns one cached
reportlab `TTFont` per role, `metrics(role)` its advance table (1/1000 em).

A role resolves from (1) the settings mapping passed in / `GALLEY_FONT_<ROLE>` environment
variables, (2) `resources/fonts/`, (3) the usual system folders, each by a list of
candidate file names (Debian and Windows names). A missing font is a `GalleyError` naming
the role and the Debian package that provides it.
"""
from __future__ import annotations

import os
import threading
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from galley.app.data import resource
from galley.app.errors import GalleyError

if TYPE_CHECKING:
    import mmap
    from collections.abc import Callable

ROLES = ("song", "hei", "kai", "latin")
# Supplementary faces: the GB-style Song and Kai (AR PL SungtiL GB, KaitiM GB) cover GB 2312;
# a character beyond it is set in the same style's Unicode face before any other role.
SUPPLEMENTS = {"song": "song_ext", "kai": "kai_ext"}
ALL_ROLES = (*ROLES, *SUPPLEMENTS.values())

# (file name, TTC subfont index) candidates per role, best first. The GB-style faces come first:
# their 。，、 sit in the bottom left of the em and their quotes are full width, as mainland
# newspapers set them (AR PL UMing centres 。、 the Taiwan way); SimSun and KaiTi on Windows.
CANDIDATES: dict[str, list[tuple[str, int]]] = {
    "song": [("gbsn00lp.ttf", 0), ("simsun.ttc", 0), ("SimSun.ttf", 0), ("uming.ttc", 0), ("ukai.ttc", 0)],
    "hei": [("wqy-zenhei.ttc", 0), ("simhei.ttf", 0), ("SimHei.ttf", 0), ("wqy-microhei.ttc", 0)],
    "kai": [("gkai00mp.ttf", 0), ("simkai.ttf", 0), ("KaiTi.ttf", 0), ("LXGWWenKai-Regular.ttf", 0),
            ("ukai.ttc", 0)],
    "latin": [("LiberationSerif-Regular.ttf", 0), ("times.ttf", 0), ("Times New Roman.ttf", 0),
              ("DejaVuSerif.ttf", 0)],
    "song_ext": [("uming.ttc", 0), ("simsun.ttc", 0), ("SimSun.ttf", 0)],
    "kai_ext": [("LXGWWenKai-Regular.ttf", 0), ("simkai.ttf", 0), ("KaiTi.ttf", 0), ("ukai.ttc", 0)],
}
PACKAGES = {"song": "fonts-arphic-gbsn00lp", "hei": "fonts-wqy-zenhei", "kai": "fonts-arphic-gkai00mp",
            "latin": "fonts-liberation", "song_ext": "fonts-arphic-uming", "kai_ext": "fonts-lxgw-wenkai"}
NAMES = {"song": "AR PL SungtiL GB (宋体)", "hei": "WenQuanYi Zen Hei (黑体)", "kai": "AR PL KaitiM GB (楷体)",
         "latin": "Liberation Serif", "song_ext": "AR PL UMing (宋体, beyond GB 2312)",
         "kai_ext": "LXGW WenKai (楷体, beyond GB 2312)"}
# When a character is missing from a role's font, try these roles next.
FALLBACK = {"song": ("song_ext", "kai_ext", "hei", "latin"), "hei": ("song", "song_ext", "kai_ext", "latin"),
            "kai": ("kai_ext", "song", "song_ext", "hei", "latin"), "latin": ("song", "song_ext", "hei", "kai"),
            "song_ext": ("kai_ext", "hei", "latin"), "kai_ext": ("song_ext", "hei", "latin")}

RESOURCE_DIR = resource("fonts")
SYSTEM_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
               Path.home() / ".fonts", Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
               Path("/Library/Fonts"), Path("/System/Library/Fonts")]

CACHE_FORMAT = "v4"       # of the parsed-font cache files; older ones are removed when a new one is written
_lock = threading.Lock()
_fonts: dict[str, object] = {}
_metrics: dict[str, FontMetrics] = {}
_paths: dict[str, tuple[str, int]] = {}
_settings: dict[str, str] = {}
_ink: dict[tuple[str, str], tuple[float, float]] = {}


class FontMetrics:
    """Advances (1/1000 em) of one font, by character; what the line breaker reads.

    A view over the parsed font's tables (no copy): `advance(ch)` and `has(ch)`.
    """

    def __init__(self, role: str, path: str, face):
        self.role = role
        self.path = path
        self._c2g = face.charToGlyph
        self._cw = face.charWidths
        self._dw = float(face.defaultWidth)
        self.ascent = float(face.ascent)
        self.descent = float(face.descent)

    def has(self, ch: str) -> bool:
        return ord(ch) in self._c2g

    def advance(self, ch: str, default: float | None = None) -> float:
        o = ord(ch)
        if o not in self._c2g and default is not None:
            return default
        return float(self._cw.get(o, self._dw))


def configure(settings: dict[str, str] | None) -> None:
    """Set role → font file overrides (from the user's settings).

    Cheap when nothing changed (the GUI calls it before every relayout); otherwise the parsed
    fonts and every composition made with them are dropped.
    """
    wanted = {k: v for k, v in (settings or {}).items() if v}
    with _lock:
        if wanted == _settings:
            return
        _settings.clear()
        _settings.update(wanted)
        _fonts.clear()
        _metrics.clear()
        _paths.clear()
        _ink.clear()
    from galley.app.layout import linebreak
    linebreak.reset_caches()


def _find_file(name: str) -> Path | None:
    for d in [RESOURCE_DIR, *SYSTEM_DIRS]:
        if not d.is_dir():
            continue
        direct = d / name
        if direct.is_file():
            return direct
        for sub in sorted(d.rglob(name)):
            if sub.is_file():
                return sub
    return None


def _resolve(role: str) -> tuple[str, int]:
    if role in _paths:
        return _paths[role]
    if role not in CANDIDATES:
        raise GalleyError(f"unknown font role {role!r} (expected one of {', '.join(ROLES)})")
    override = _settings.get(role) or os.environ.get(f"GALLEY_FONT_{role.upper()}")
    if not override and role in SUPPLEMENTS.values():
        # a font set for the main role (settings or environment) serves its supplement too
        main = next(k for k, v in SUPPLEMENTS.items() if v == role)
        override = _settings.get(main) or os.environ.get(f"GALLEY_FONT_{main.upper()}")
    found: tuple[str, int] | None
    if override:
        from galley.app.validate import font_setting  # a typed setting: checked, a clear error when bad
        found = font_setting(role, override, None if override != _settings.get(role) else f"the {role} font setting")
    else:
        found = None
        for name, idx in CANDIDATES[role]:
            p = _find_file(name)
            if p is not None:
                found = (str(p), idx)
                break
        if found is None:
            raise GalleyError(f"no font for role {role} ({NAMES[role]}): install the Debian package "
                              f"{PACKAGES[role]} (apt-get install {PACKAGES[role]}) or put the font in "
                              f"resources/fonts/")
    _paths[role] = found
    return found


def resolve_font(role: str) -> str:
    """The font file for a role (a .ttc's subfont is chosen by `font_for`)."""
    with _lock:
        return _resolve(role)[0]


def font_for(role: str):
    """The parsed reportlab TTFont for a role (parsed once per process)."""
    font = _fonts.get(role)
    if font is not None:
        return font
    with _lock:
        font = _fonts.get(role)
        if font is None:
            from reportlab.pdfbase.ttfonts import TTFError, TTFont

            path, idx = _resolve(role)
            font = _from_cache(role, path, idx)
            if font is None:
                try:
                    font = TTFont(f"Galley-{role}", path, subfontIndex=idx, asciiReadable=False, shapable=False)
                except (TTFError, OSError, ValueError) as exc:
                    raise GalleyError(f"cannot use the font for role {role}: {exc}; TrueType-outline fonts only",
                                      path) from exc
                except Exception as exc:  # a damaged or cut font breaks reportlab's parser anywhere
                    raise GalleyError(f"cannot use the font for role {role}: the font file is damaged or cut short",
                                      path) from exc
                _to_cache(font, path, idx)
            _fonts[role] = font
    return font


@lru_cache(maxsize=1)
def _cached_face_class() -> type[_LazyTables]:
    """reportlab's TTFontFace with lazily built tables (made on first use: reportlab loads late)."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    class CachedFace(_LazyTables, TTFontFace):
        pass

    return CachedFace


def _cache_file(path: str, idx: int) -> Path | None:
    """Where the parsed tables of a font file are kept (per user; keyed by path, size and mtime)."""
    if os.environ.get("GALLEY_NO_FONT_CACHE"):
        return None
    try:
        import hashlib

        from platformdirs import user_cache_dir
        st = os.stat(path)
        key = hashlib.sha1(f"{path}|{idx}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:20]
        return Path(user_cache_dir("galley")) / "fonts" / f"{CACHE_FORMAT}-{key}.marshal"
    except (OSError, ImportError):
        return None


class _Metrics:
    """hmetrics as the subsetter reads it, `(advance, left side bearing)` by glyph, over two arrays."""

    __slots__ = ("adv", "lsb")

    def __init__(self, adv_bytes: bytes, lsb_bytes: bytes):
        from array import array
        self.adv, self.lsb = array("d"), array("d")
        self.adv.frombytes(adv_bytes)
        self.lsb.frombytes(lsb_bytes)

    def __len__(self) -> int:
        return len(self.adv)

    def __getitem__(self, gid: int) -> tuple[float, float]:
        return self.adv[gid], self.lsb[gid]


class _CodeMap(Mapping):
    """A read-only int → value mapping over two arrays, keys sorted: a font's character tables
    as the cache keeps them (arrays load as fast as the bytes are read; a dict of 40,000 entries
    takes milliseconds to build). Looked up by bisection: what composition and the subsetter ask
    of a face is a few thousand characters, not the whole table."""

    __slots__ = ("_keys", "_values")

    def __init__(self, keys, values):
        self._keys, self._values = keys, values

    def __getitem__(self, key):
        k = self._keys
        i = bisect_left(k, key)
        if i < len(k) and k[i] == key:
            return self._values[i]
        raise KeyError(key)

    def get(self, key, default=None):
        k = self._keys
        i = bisect_left(k, key)
        return self._values[i] if i < len(k) and k[i] == key else default

    def __contains__(self, key) -> bool:
        k = self._keys
        i = bisect_left(k, key)
        return i < len(k) and k[i] == key

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _array(code: str, data: bytes):
    from array import array
    a = array(code)
    a.frombytes(data)
    return a


class _LazyTables:
    """Tables of a cached font face made only when something reads them.

    The line breaker reads character → glyph and advances; the PDF writer's subsetter also
    reads glyph positions and horizontal metrics (by glyph: kept as two flat arrays);
    `glyphToChar` nothing here reads. The character tables are read through `_CodeMap`s over
    the cached arrays, glyph positions as an array.
    """

    _ttf_data: mmap.mmap                    # the font file, mapped (set by `_from_cache`)
    _pdfScale: Callable[[float], float]     # font units → PDF text space units

    def __getattr__(self, name: str):
        value: object
        state = self.__dict__
        if name == "hmetrics":
            value = _Metrics(state["_hm_adv"], state["_hm_lsb"])
        elif name == "charToGlyph":
            value = _CodeMap(_array("I", state["_c2g_keys"]), _array("I", state["_c2g_values"]))
        elif name == "charWidths":
            value = _CodeMap(_array("I", state["_cw_keys"]), _array(state["_cw_code"], state["_cw_values"]))
        elif name == "glyphPos":
            value = _array("I", state["_glyph_pos"])
        elif name == "glyphToChar":
            to_char: dict[int, list[int]] = {}
            for code, gid in self.charToGlyph.items():
                to_char.setdefault(gid, []).append(code)
            value = to_char
        else:
            raise AttributeError(name)
        setattr(self, name, value)
        return value


def _from_cache(role: str, path: str, idx: int):
    """A TTFont rebuilt from cached parsed tables (marshal: plain data only) over the mapped font file."""
    import marshal
    import mmap
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont

    cf = _cache_file(path, idx)
    if cf is None or not cf.is_file():
        return None
    try:
        state = marshal.loads(cf.read_bytes())
        cls = _cached_face_class()
        face = cls.__new__(cls)
        face.__dict__.update(state)
        with open(path, "rb") as fh:     # mapped, not read: only the glyphs a subset takes are paged in
            face._ttf_data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        upm = face.unitsPerEm
        if upm == 1000:
            face._pdfScale = lambda x: x
        else:
            m = 1000 / upm
            face._pdfScale = lambda x: x * m
        font = TTFont.__new__(TTFont)
        font.fontName = f"Galley-{role}"
        font.face = face
        font.encoding = TTEncoding()
        font.state = WeakKeyDictionary()
        font._asciiReadable = False
        font.shapable = False
        return font
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return None


def _to_cache(font, path: str, idx: int) -> None:
    import marshal
    import tempfile
    from array import array

    cf = _cache_file(path, idx)
    if cf is None:
        return
    try:
        skip = ("_ttf_data", "_pdfScale", "hmetrics", "glyphToChar", "charToGlyph", "charWidths", "glyphPos")
        face = font.face
        state = {k: v for k, v in vars(face).items() if k not in skip}
        hm = face.hmetrics
        state["_hm_adv"] = array("d", [a for a, _ in hm]).tobytes()
        state["_hm_lsb"] = array("d", [b for _, b in hm]).tobytes()
        c2g = sorted(face.charToGlyph.items())
        state["_c2g_keys"] = array("I", [k for k, _ in c2g]).tobytes()
        state["_c2g_values"] = array("I", [v for _, v in c2g]).tobytes()
        cw = sorted(face.charWidths.items())
        # the widths keep their type (a 1000-unit font's are ints): they are written into the PDF
        kinds = {type(v) for _, v in cw}
        state["_cw_code"] = "q" if kinds == {int} else "d"
        if kinds - {int, float} or len(kinds) > 1:
            raise TypeError("advances of mixed types")       # not cached: parsed each time
        state["_cw_keys"] = array("I", [k for k, _ in cw]).tobytes()
        state["_cw_values"] = array(state["_cw_code"], [v for _, v in cw]).tobytes()
        state["_glyph_pos"] = array("I", face.glyphPos).tobytes()
        data = marshal.dumps(state)
        cf.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cf.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, cf)
        for stale in cf.parent.glob("*.marshal"):          # written by an older Galley
            if stale != cf and not stale.name.startswith(f"{CACHE_FORMAT}-"):
                stale.unlink(missing_ok=True)
    except (OSError, ValueError, OverflowError, TypeError):   # no cache: parsed again next time
        pass


def metrics(role: str) -> FontMetrics:
    m = _metrics.get(role)
    if m is not None:
        return m
    font = font_for(role)
    m = FontMetrics(role, _paths[role][0], font.face)
    _metrics[role] = m
    return m


def available_roles() -> dict[str, str | None]:
    """role → path, or None where the role cannot be resolved (for the GUI's settings page)."""
    out: dict[str, str | None] = {}
    for role in ROLES:
        try:
            out[role] = resolve_font(role)
        except GalleyError:
            out[role] = None
    return out



def ink_box(role: str, ch: str) -> tuple[float, float]:
    """Left and right edges of a glyph's outline, in em (from its glyf bounding box); (0.25, 0.75) when unknown.

    Fonts differ in where full-width punctuation sits (UMing centres 。、, GB fonts put them in
    the bottom left; WenQuanYi Zen Hei's quotes are proportional): composition reads this to set
    every face's marks in the GB position and to keep the ink inside a compressed slot.
    """
    key = (role, ch)
    got = _ink.get(key)
    if got is not None:
        return got
    import struct

    got = (0.25, 0.75)
    try:
        face = font_for(role).face
        g = face.charToGlyph.get(ord(ch))
        glyf = face.table["glyf"]["offset"]
        if g is not None and face.glyphPos[g + 1] > face.glyphPos[g]:
            pos = glyf + face.glyphPos[g]
            _, xmin, _, xmax, _ = struct.unpack(">hhhhh", face._ttf_data[pos:pos + 10])
            got = (xmin / face.unitsPerEm, xmax / face.unitsPerEm)
    except (KeyError, IndexError, AttributeError, struct.error):
        pass
    _ink[key] = got
    return got


def ink_center(role: str, ch: str) -> float:
    """Horizontal centre of a glyph's outline, in em; 0.5 when unknown."""
    a, b = ink_box(role, ch)
    return (a + b) / 2


def font_info(role: str) -> tuple[str, int, str]:
    """(file, TTC subfont index, family name) of a role: what a Qt painter needs to load the same face."""
    font = font_for(role)
    path, idx = _paths[role]
    fam = font.face.familyName
    return path, idx, fam.decode("utf-8", "replace") if isinstance(fam, bytes) else str(fam)
