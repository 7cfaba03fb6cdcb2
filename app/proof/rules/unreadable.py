"""Characters the source could not be read as: U+FFFD where a PDF's font has no Unicode mapping
(the reader says which fonts and pages), a character drawn as a picture, or a text file had bytes
of no known encoding. Nothing can be proposed in their place: the editor retypes them from the
page. And, one step lower (a warning), characters of the private use areas: a font's own 造字 or
symbols, which no other font shows (Galley's pages, the print plant's RIP, a reader's screen)."""
from __future__ import annotations

import re

from galley.app.proof.finding import Hit
from galley.app.proof.registry import rule

_RUN = re.compile("\ufffd+")
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]+")


@rule("chars.unreadable", "error", "无法识别的字符（U+FFFD）/ characters the source could not be read as")
def unreadable(p):
    for m in _RUN.finditer(p.text):
        n = m.end() - m.start()
        yield Hit(m.start(), m.end(), f"{n} 个字符无法识别（源文件字体缺少编码映射或字节无法解码），请对照原版录入",
                  f"{n} character(s) could not be read (a font without a Unicode mapping, or undecodable "
                  "bytes): retype from the page")
    for m in _PRIVATE.finditer(p.text):
        n = m.end() - m.start()
        yield Hit(m.start(), m.end(), f"{n} 个字符在字体的私用区（造字或专用符号），其他字体无法显示，请改用标准字符",
                  f"{n} character(s) in a private use area (a font's own 造字 or symbol): no other font "
                  "shows them; use a standard character", weak=True)
