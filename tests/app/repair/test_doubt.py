"""Possible cuts: seams the model doubts are offered to the editor, never applied silently."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from galley.app.importers.text import read_text
from galley.app.pipeline import build_edition
from galley.app.repair import join
from galley.app.repair.doubt import RULE, possible_cuts
from galley.app.repair.model import SeamModel, seam_model

ROOT = Path(__file__).resolve().parents[3]
BLOCKS = ["港口部门推出便利化措施后,企业通关时间平均缩短", "全市建成社区健身中心 86 个", "图表:陈一凡",
          "三成以上,进出口企业的物流成本随之下降。"]
PAGE = "\n\n".join(BLOCKS) + "\n"
FIRST = "港口部门推出便利化措施后,企业通关时间平均缩短"


def unsure(monkeypatch):
    """The fitted trees, with no seam sure enough to join: every found seam is a possible cut."""
    m = seam_model()
    monkeypatch.setattr(join, "seam_model", lambda: SeamModel(m.cut, m.pick, join=1.01, doubt=0.0))


def test_a_doubted_seam_is_offered_not_applied(monkeypatch):
    unsure(monkeypatch)
    blocks = read_text(PAGE)
    ed = build_edition(blocks, dehyphenate=False)
    doubts = [f for f in ed.fixes if f.doubtful]
    assert doubts and not any(f.accepted for f in ed.fixes)
    assert ed.text().split("\n\n")[0] == FIRST          # nothing joined
    cut = next(f for f in doubts if f.blocks == (0, 3))
    warnings = possible_cuts(ed)
    first = next(w for w in warnings if w.start < len(FIRST))
    assert first.rule == RULE and first.severity == "warning"
    assert ed.text()[first.start:first.end] == first.text == FIRST[-4:]
    # the editor accepts it: the paragraph is joined, the sidebar and credit move out whole
    ed2 = build_edition(blocks, dehyphenate=False, accepted={cut.id})
    assert ed2.text().split("\n\n")[0] == FIRST + "三成以上,进出口企业的物流成本随之下降。"
    assert ed2.text().strip().split("\n\n")[1:] == ["全市建成社区健身中心 86 个", "图表:陈一凡"]
    assert not [w for w in possible_cuts(ed2) if w.start == 0]


def test_sure_seams_are_joined_by_default():
    # below a paragraph of its story (a file's first line is as often a headline as a cut piece)
    lead = "今年以来，本市港口货物吞吐量再创新高，集装箱航线增至四十二条。"
    ed = build_edition(read_text(lead + "\n\n" + PAGE), dehyphenate=False)
    assert ed.text().split("\n\n")[1] == FIRST + "三成以上,进出口企业的物流成本随之下降。"
    assert all(not f.doubtful for f in ed.fixes if f.accepted)


def test_check_reports_possible_cuts_by_rule_id(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    for rules in ("repair", "repair.possible_cut,punct"):
        proc = subprocess.run([sys.executable, "-m", "galley", "check", str(src), "--json", "--rules", rules],
                              cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode in (0, 1), proc.stderr
        assert "internal error" not in proc.stderr
