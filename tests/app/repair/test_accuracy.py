"""Accuracy on the shared repair cases (read from ../shared, never copied here)."""
import sys

import pytest

from galley.app.pipeline import edition_from_text


def _score(case_dir):
    from tests.conftest import SHARED
    sys.path.insert(0, str(SHARED / "tools"))
    import score
    text = (case_dir / "input.txt").read_text(encoding="utf-8")
    return score.score_case(str(case_dir), edition_from_text(text, dehyphenate=False).text())


def test_seed_page_is_repaired_perfectly(shared_dir):
    r = _score(shared_dir / "data" / "seed")
    assert r["matched"] == r["paragraphs"] and r["correct_outputs"] == r["outputs"]
    assert r["lost"] == 0 and r["added"] == 0


def test_dev_set_f1_and_split_recall(shared_dir):
    """The seam model is fitted on generated cases from other text (bench/repair_corpus.py), never
    on dev: dev is a held-out check now. Floors just under the level measured when the model was
    fitted (F1 0.963, cut-paragraph recall 0.891 (41/46); refits that score alike on held-out
    sets of 1,000 cases move dev by a case either way), so a refit that does worse fails here."""
    from collections import Counter
    tot = Counter()
    cases = sorted(p for p in (shared_dir / "data" / "dev").iterdir() if (p / "truth.json").exists())
    if not cases:
        pytest.skip("no dev cases")
    for c in cases:
        tot.update(_score(c))
    recall = tot["matched"] / tot["paragraphs"]
    precision = tot["correct_outputs"] / tot["outputs"]
    f1 = 2 * recall * precision / (recall + precision)
    assert f1 >= 0.96
    assert tot["split_matched"] / tot["split"] >= 0.89
    assert tot["lost"] == 0 and tot["added"] == 0


def test_bench_edition_of_whole_paragraphs_gets_no_joins(shared_dir):
    """Paragraphs that were never cut must not be joined (precision on real news text)."""
    from galley.app.importers.text import read_text
    from galley.app.repair import plan_repairs
    blocks = read_text((shared_dir / "data" / "bench" / "edition16.txt").read_text(encoding="utf-8"))
    fixes = plan_repairs(blocks)
    # measured 4: headlines with a clause mark (，；：) joined to their lead — a known miss
    assert sum(1 for f in fixes if not f.doubtful) <= 4
    assert sum(1 for f in fixes if f.doubtful) <= 10     # possible cuts: offered, not applied
