"""`galley export` lays out with the settings store's `[fonts]`, as the desktop app does."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"


def export(data_dir: Path, pdf: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GALLEY_DATA_DIR": str(data_dir)}
    for role in ("HEI", "KAI", "KAI_EXT"):
        env.pop(f"GALLEY_FONT_{role}", None)
    return subprocess.run([sys.executable, "-m", "galley", "export", "-q", str(SAMPLE), "--pdf", str(pdf)],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", check=False)


def pdf_fonts(pdf: Path) -> set[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {row.split()[0].partition("+")[2] for row in out.splitlines()[2:]}


def settings_fonts(data_dir: Path, **roles: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    lines = ["[fonts]", *(f"{role} = {str(path)!r}" for role, path in roles.items())]
    (data_dir / "settings.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_export_embeds_the_font_set_in_settings(tmp_path):
    from galley.app.layout import fonts
    hei, kai = fonts.resolve_font("hei"), fonts.resolve_font("kai")
    if hei == kai:
        pytest.skip("one font serves both roles here")
    plain = export(tmp_path / "plain", tmp_path / "plain.pdf")
    assert plain.returncode == 0, plain.stderr
    default = pdf_fonts(tmp_path / "plain.pdf")

    settings_fonts(tmp_path / "set", kai=hei)           # bylines and the like in the 黑体 face
    proc = export(tmp_path / "set", tmp_path / "set.pdf")
    assert proc.returncode == 0, proc.stderr
    embedded = pdf_fonts(tmp_path / "set.pdf")
    # the default 楷体 face is gone: what it set is now set in the 黑体 face, embedded already
    assert embedded < default, (default, embedded)


def test_export_refuses_a_missing_font_set_in_settings(tmp_path):
    settings_fonts(tmp_path / "data", hei=tmp_path / "nowhere.ttf")
    proc = export(tmp_path / "data", tmp_path / "x.pdf")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("galley: error: "), proc.stderr
    assert "hei font setting" in lines[0] and "does not exist" in lines[0], lines[0]
    assert not (tmp_path / "x.pdf").exists()
