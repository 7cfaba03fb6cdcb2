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
from dataclasses import dataclass
from pathlib import Path

from app.errors import GalleyError

ROLES = ("song", "hei", "kai", "latin")

# (file name, TTC subfont index) candidates per role, best first.
CANDIDATES: dict[str, list[tuple[str, int]]] = {
    "song": [("uming.ttc", 0), ("simsun.ttc", 0), ("SimSun.ttf", 0), ("ukai.ttc", 0)],
    "hei": [("wqy-zenhei.ttc", 0), ("simhei.ttf", 0), ("SimHei.ttf", 0), ("wqy-microhei.ttc", 0)],
    "kai": [("LXGWWenKai-Regular.ttf", 0), ("simkai.ttf", 0), ("KaiTi.ttf", 0), ("ukai.ttc", 0)],
    "latin": [("LiberationSerif-Regular.ttf", 0), ("times.ttf", 0), ("Times New Roman.ttf", 0),
              ("DejaVuSerif.ttf", 0)],
}
PACKAGES = {"song": "fonts-arphic-uming", "hei": "fonts-wqy-zenhei", "kai": "fonts-lxgw-wenkai",
            "latin": "fonts-liberation"}
NAMES = {"song": "AR PL UMing (宋体)", "hei": "WenQuanYi Zen Hei (黑体)", "kai": "LXGW WenKai (楷体)",
         "latin": "Liberation Serif"}
# When a character is missing from a role's font, try these roles next.
FALLBACK = {"song": ("hei", "kai", "latin"), "hei": ("song", "kai", "latin"),
            "kai": ("song", "hei", "latin"), "latin": ("song", "hei", "kai")}

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SYSTEM_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
               Path.home() / ".fonts", Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
               Path("/Library/Fonts"), Path("/System/Library/Fonts")]

_lock = threading.Lock()
_fonts: dict[str, object] = {}
_metrics: dict[str, FontMetrics] = {}
_paths: dict[str, tuple[str, int]] = {}
_settings: dict[str, str] = {}


@dataclass
class FontMetrics:
    """Advances (1/1000 em) of one font, by character; what the line breaker reads."""

    role: str
    path: str
    widths: dict[str, float]       # char -> advance in 1/1000 em (only chars the font has)
    ascent: float
    descent: float

    def has(self, ch: str) -> bool:
        return ch in self.widths


def configure(settings: dict[str, str] | None) -> None:
    """Set role → font file overrides (from the user's settings); clears the caches."""
    with _lock:
        _settings.clear()
        _settings.update({k: v for k, v in (settings or {}).items() if v})
        _fonts.clear()
        _metrics.clear()
        _paths.clear()


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
    if override:
        path, _, idx = override.partition("#")
        if not Path(path).is_file():
            raise GalleyError(f"the font set for role {role} does not exist", path)
        found = (str(Path(path)), int(idx or 0))
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
            try:
                font = TTFont(f"Galley-{role}", path, subfontIndex=idx, asciiReadable=False, shapable=False)
            except (TTFError, OSError, ValueError) as exc:
                raise GalleyError(f"cannot use the font for role {role}: {exc}; TrueType-outline fonts only",
                                  path) from exc
            _fonts[role] = font
    return font


def metrics(role: str) -> FontMetrics:
    m = _metrics.get(role)
    if m is not None:
        return m
    font = font_for(role)
    face = font.face
    cw = face.charWidths
    default = face.defaultWidth
    widths = {chr(c): float(cw.get(c, default)) for c in face.charToGlyph if c < 0x110000}
    m = FontMetrics(role, _paths[role][0], widths, float(face.ascent), float(face.descent))
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


_ink: dict[tuple[str, str], float] = {}


def ink_center(role: str, ch: str) -> float:
    """Horizontal centre of a glyph's outline, in em (from its glyf bounding box); 0.5 when unknown.

    Fonts differ in where full-width punctuation sits (UMing centres 。、, GB fonts put them
    left): compression uses this to keep the ink inside the narrowed slot.
    """
    key = (role, ch)
    got = _ink.get(key)
    if got is not None:
        return got
    import struct

    got = 0.5
    try:
        face = font_for(role).face
        g = face.charToGlyph.get(ord(ch))
        glyf = face.table["glyf"]["offset"]
        if g is not None and face.glyphPos[g + 1] > face.glyphPos[g]:
            pos = glyf + face.glyphPos[g]
            _, xmin, _, xmax, _ = struct.unpack(">hhhhh", face._ttf_data[pos:pos + 10])
            got = (xmin + xmax) / 2 / face.unitsPerEm
    except (KeyError, IndexError, AttributeError, struct.error):
        pass
    _ink[key] = got
    return got
