"""Characters the source could not be read as: U+FFFD where a PDF's font has no Unicode mapping
(the reader says which fonts and pages) or a text file had bytes of no known encoding. Nothing
can be proposed in their place: the editor retypes them from the page."""
from __future__ import annotations

import re

from galley.app.proof.finding import Hit
from galley.app.proof.registry import rule

_RUN = re.compile("\ufffd+")


@rule("chars.unreadable", "error", "无法识别的字符（U+FFFD）/ characters the source could not be read as")
def unreadable(p):
    for m in _RUN.finditer(p.text):
        n = m.end() - m.start()
        yield Hit(m.start(), m.end(), f"{n} 个字符无法识别（源文件字体缺少编码映射或字节无法解码），请对照原版录入",
                  f"{n} character(s) could not be read (a font without a Unicode mapping, or undecodable "
                  "bytes): retype from the page")
