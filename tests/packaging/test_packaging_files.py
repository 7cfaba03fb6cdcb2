"""Packaging files that a build does not otherwise read until install time: the desktop entry,
the MIME type, the Debian control template and the NSIS script (compiled when makensis is
present). The full bundle/.deb/installer smoke test is `make package-test`."""
import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(PKG / "deb" / "galley.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_galley_files_in_the_gui():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "galley-desk" and "%f" in entry["Exec"]
    assert entry["Icon"] == "galley"
    assert "application/x-galley" in entry["MimeType"].split(";")


def test_mime_type_matches_the_desktop_entry_and_the_galley_suffix():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PKG / "deb" / "galley-mime.xml").getroot()
    types = root.findall("m:mime-type", ns)
    assert [t.get("type") for t in types] == ["application/x-galley"]
    assert [g.get("pattern") for g in types[0].findall("m:glob", ns)] == ["*.galley"]


def test_control_depends_on_fonts_and_spelling_packages():
    control = (PKG / "deb" / "control.in").read_text(encoding="utf-8")
    depends = next(line for line in control.splitlines() if line.startswith("Depends:"))
    for package in ("fonts-arphic-uming", "fonts-wqy-zenhei", "fonts-lxgw-wenkai", "fonts-liberation",
                    "libenchant-2-2", "hunspell-en-us", "libxcb-cursor0"):
        assert package in depends


def test_icons_exist_for_linux_and_windows():
    assert (PKG / "icons" / "galley.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (PKG / "icons" / "galley.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    ET.parse(PKG / "icons" / "galley.svg")


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
def test_nsis_script_compiles_against_a_stand_in_payload():
    proc = subprocess.run(["sh", "packaging/windows/check_nsis.sh"], check=False, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (ROOT / "build" / "nsis" / "galley-setup-standin.exe").read_bytes()[:2] == b"MZ"
