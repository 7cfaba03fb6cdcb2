"""Text classes defined once (app/text.py) and the model below every stage (no import cycle)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from galley.app import text
from galley.app.model import DISPLAY_KINDS, HEADING_KINDS, Edition, Kind, RawBlock

APP = Path(__file__).resolve().parents[2] / "app"
STAGES = ("importers", "repair", "structure", "proof", "layout", "render", "commands", "project", "pipeline")


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_the_model_imports_no_stage_not_even_lazily():
    for path in sorted((APP / "model").glob("*.py")) + [APP / "text.py"]:
        reached = {m for m in _imports(path) if m.startswith("galley.app.")
                   and m.split(".")[2] in STAGES}
        assert reached == set(), f"{path.name} reaches up into {reached}"


def test_importing_the_model_loads_no_stage():
    code = ("import sys, galley.app.model as m\n"
            "m.Edition(blocks=[], stories=[]).script\n"
            "print(sorted(k for k in sys.modules if k.split('.')[:2] == ['galley', 'app'] and len(k.split('.')) > 2"
            f" and k.split('.')[2] in {STAGES!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=APP.parent).stdout.strip()
    assert out == "[]"


def test_the_stages_punctuation_is_built_from_the_text_classes():
    from galley.app.importers import pdf
    from galley.app.layout import compose
    from galley.app.proof import chars
    from galley.app.proof.rules import spacing
    from galley.app.repair import features, geometry
    assert chars.CJK_PUNCT == set(text.CJK_PUNCT) and chars.CJK_OPEN == set(text.OPENING)
    assert set(text.NO_LINE_START) <= geometry.NO_LINE_START and set(text.OPENING) <= geometry.NO_LINE_END
    assert set(text.NO_LINE_START) <= set(features.NO_START) and set(text.STOPS) <= set(features.TERMINAL)
    assert pdf._FW_CLOSING == set(text.NO_LINE_START) and pdf._FW_OPENING == set(text.OPENING)
    assert set(text.NO_LINE_START) <= compose.HEAD_PUNCT and compose.HEAD_OPEN == set(text.OPENING)
    assert set(spacing.CJK_MARK) <= set(text.CJK_PUNCT)
    # 避头 and 避尾 never overlap, and every class is inside the whole set
    assert not set(text.NO_LINE_START) & set(text.OPENING)
    assert set(text.NO_LINE_START) | set(text.OPENING) <= set(text.CJK_PUNCT)


def test_heading_kinds_once():
    from galley.app.proof.registry import HEADINGS
    assert HEADINGS == {k.value for k in HEADING_KINDS}
    assert set(DISPLAY_KINDS) <= HEADING_KINDS and Kind.SUBHEAD not in DISPLAY_KINDS


def test_one_script_detection():
    from galley.app.proof import detect_script
    assert detect_script is text.detect_script
    trad = Edition(blocks=[RawBlock(index=0, text="這是繁體中文的報紙，後來發展很快。")], stories=[])
    simp = Edition(blocks=[RawBlock(index=0, text="这是简体中文的报纸，后来发展很快。")], stories=[])
    assert (trad.script, simp.script) == ("traditional", "simplified")
    assert Edition(blocks=[], stories=[], script="traditional").script == "traditional"


def test_the_script_table_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    from galley.app import cache
    monkeypatch.setattr("galley.app.settings.cache_dir", lambda: tmp_path)
    text.script_sets.cache_clear()
    try:
        made = text._one_script_only(text._cjk_chars())
        assert text._script_sets_kept() is None             # neither made nor kept yet
        sample = "這是繁體中文的報紙，後來發展很快。"
        assert text.detect_script(sample) == "traditional"   # from the sample's own characters
        assert text.script_sets() == made                     # made, and kept
        (kept,) = tmp_path.glob("script_sets-*.cache")
        text.script_sets.cache_clear()
        assert text._script_sets_kept() == made               # read back from the folder
        assert text.detect_script(sample) == "traditional"
        kept.write_bytes(kept.read_bytes()[:-5])             # damaged: made again
        text.script_sets.cache_clear()
        assert text.script_sets() == made
        assert cache.read(kept)[0] == "".join(sorted(made[0]))
    finally:
        text.script_sets.cache_clear()


def test_simplified_views_of_a_traditional_page_are_simplified_one_for_one():
    from galley.app.text import simplified_views
    page = ["本報訊（記者 王明）臺灣的頭髮乾了，報紙說。", "澳門特區政府發言人表示，將繼續推動經濟發展。", "2026年"]
    views = simplified_views(page)
    assert views == ["本报讯（记者 王明）台湾的头发干了，报纸说。", "澳门特区政府发言人表示，将继续推动经济发展。", "2026年"]
    assert [len(v) for v in views] == [len(t) for t in page]


def test_simplified_views_leave_a_simplified_page_as_it_is():
    # a simplified page has a few characters t2s would change (徵 沈 覆 藉): they stay, and the
    # list is the caller's own
    from galley.app.text import simplified_views
    page = ["本报讯 沈阳市民徵集意见，藉此机会回覆读者来信。"] + ["临川市今年新建口袋公园十二处，市民步行可达。"] * 20
    assert simplified_views(page) is page
    assert simplified_views([]) == [] and simplified_views(["ASCII only"]) == ["ASCII only"]
