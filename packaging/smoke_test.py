"""`make package-test`: smoke-test the frozen bundle, the .deb and the NSIS script.

Run from the repository root after `make package` (dist/galley and dist/galley_*.deb exist):
    .venv/bin/python packaging/smoke_test.py
Every frozen run happens in an empty temporary folder with QT_QPA_PLATFORM=offscreen and no
PYTHON* variables, so the bundle must stand on its own. Checks:
1. bundle: `galley --version` prints the source version; `galley repair` and `galley structure`
   on the sample edition print exactly what the source tree prints;
2. export (when the build has `galley export`): the PDF's fonts are all embedded (pdffonts)
   and its text (pdftotext) holds every non-space character of `galley repair`'s output;
3. GUI (when `galley gui` has `--screenshot`): the frozen app opens the sample and saves a PNG,
   offscreen and (with xvfb-run) `galley-desk` on a real X server through Qt's xcb plugin;
4. .deb (as root with apt-get): installs with apt-get, `galley` runs from PATH, the desktop
   entry and MIME type are in place; `apt-get remove` leaves no /opt/galley nor /usr/bin/galley;
5. NSIS: galley.nsi compiles with makensis against a stand-in payload.
Prints the figures (bundle size, .deb size, cold starts, export time) and writes them to
build/package-figures.txt. Exits 1 when any check fails.
"""
from __future__ import annotations

import collections
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "galley"
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"
FALLBACK_SAMPLE = ROOT / "packaging" / "smoke" / "edition.txt"
PY = sys.executable

results: list[tuple[str, bool, str]] = []
figures: dict[str, str] = {}


def check(name: str, ok: bool, detail: str = "") -> bool:
    results.append((name, ok, detail))
    print(f"package-test: {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    return ok


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "GALLEY_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    return env


def run(cmd: list[str], cwd: Path, timeout: float = 300) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=timeout)
    return proc, time.perf_counter() - start


def source_galley(args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([PY, "-m", "galley", *args], check=False, cwd=ROOT, env=env, capture_output=True, text=True)


def du_mb(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def stale_hint() -> str:
    """When the source changed after the bundle was built, say so (a shared working tree)."""
    built = (BUNDLE / "galley").stat().st_mtime
    newer = [p for folder in ("app", "ui", "resources", "layouts") for p in (ROOT / folder).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.stat().st_mtime > built]
    return f" (source changed since the bundle was built, e.g. {newer[0].relative_to(ROOT)}: rebuild)" if newer else ""


def test_bundle(work: Path, sample: Path) -> bool:
    galley = BUNDLE / "galley"
    if not check("bundle exists", galley.is_file() and os.access(galley, os.X_OK), str(BUNDLE)):
        return False
    figures["bundle size"] = f"{du_mb(BUNDLE):.0f} MB ({sum(1 for _ in BUNDLE.rglob('*'))} files)"
    from galley.app import __version__
    proc, first = run([str(galley), "--version"], work)
    check("frozen galley --version", proc.returncode == 0 and proc.stdout.strip() == f"galley {__version__}",
          (proc.stdout + proc.stderr).strip())
    proc, warm = run([str(galley), "--version"], work)
    figures["start to --version"] = f"{first:.2f} s first run, {warm:.2f} s again"
    helptext = run([str(galley), "--help"], work)[0].stdout
    commands = [(["repair"], {0}), (["structure"], {0})]
    if re.search(r"^\s+check\b", helptext, re.MULTILINE):  # proofreading: jieba, opencc, enchant, word lists
        commands.append((["check", "--json"], {0, 1}))
    for args, codes in commands:
        frozen, seconds = run([str(galley), *args, str(sample)], work)
        source = source_galley([*args, str(sample)])
        same = (frozen.returncode in codes and frozen.returncode == source.returncode
                and frozen.stdout == source.stdout and frozen.stdout.strip() != "")
        name = " ".join(args)
        check(f"frozen galley {name} matches the source tree", same,
              f"{seconds:.2f} s" if same else (frozen.stderr or "output differs").strip()[-400:] + stale_hint())
        figures[f"galley {name} (frozen)"] = f"{seconds:.2f} s"
    if re.search(r"^\s+check\b", helptext, re.MULTILINE):
        # English spelling goes through enchant (the system library on Linux): a misspelt word
        # the source tree flags must be flagged by the frozen app too.
        spell = work / "spelling.txt"
        spell.write_text("本报讯 青川市图书馆举办英文读书会，读者称这本书是 a wonderfull story。\n", encoding="utf-8")
        source = source_galley(["check", "--json", str(spell)]).stdout
        if "wonderfull" in source:
            frozen = run([str(galley), "check", "--json", str(spell)], work)[0]
            check("frozen spelling check finds a misspelt English word (enchant)", frozen.stdout == source,
                  "" if frozen.stdout == source else (frozen.stderr or frozen.stdout).strip()[-300:] + stale_hint())
        else:
            print("package-test: skip spelling: the source tree flags no misspelling here (enchant missing?)")
    internal = BUNDLE / "_internal"
    data = [internal / "jieba" / "dict.txt", internal / "galley" / "resources", internal / "galley" / "layouts"]
    absent = [str(p.relative_to(BUNDLE)) for p in data if not p.exists()]
    if not any((internal / "opencc").rglob("t2s.json")):
        absent.append("_internal/opencc/**/t2s.json")
    check("bundle holds jieba's dictionary, opencc's data, galley/resources/ and galley/layouts/", not absent,
          f"missing {absent}" if absent else "")
    return True


def test_export(work: Path, sample: Path) -> None:
    galley = BUNDLE / "galley"
    helptext, _ = run([str(galley), "--help"], work)
    if not re.search(r"^\s+export\b", helptext.stdout, re.MULTILINE):
        print("package-test: skip export: this build has no `galley export` command yet")
        return
    pdf = work / "sample.pdf"
    proc, seconds = run([str(galley), "export", str(sample), "--pdf", str(pdf)], work, timeout=600)
    figures["cold start to finished export (frozen)"] = f"{seconds:.2f} s"
    wrote = proc.returncode == 0 and pdf.is_file()
    if not check("frozen galley export writes a PDF", wrote,
                 f"{seconds:.2f} s" if wrote else (proc.stderr or proc.stdout).strip()[-400:]):
        return
    fonts = subprocess.run(["pdffonts", str(pdf)], check=False, capture_output=True, text=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    # pdffonts columns end with: emb sub uni object ID → 'emb' is the 5th field from the end.
    not_embedded = [r[0] for r in rows if len(r) >= 5 and r[-5] != "yes"]
    check("PDF fonts all embedded", fonts.returncode == 0 and rows != [] and not not_embedded,
          f"{len(rows)} fonts" + (f"; not embedded: {not_embedded}" if not_embedded else ""))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=False, capture_output=True, text=True).stdout
    repaired = run([str(galley), "repair", str(sample)], work)[0].stdout
    want = collections.Counter(squeeze(repaired))
    have = collections.Counter(squeeze(text))
    missing = want - have
    check("PDF text holds all of `galley repair` (whitespace ignored)", not missing and sum(want.values()) > 0,
          f"{sum(want.values())} characters" if not missing
          else f"{sum(missing.values())} missing, e.g. {''.join(list(missing.elements())[:40])!r}")
    # Export is deterministic (DESIGN: same input, same bytes): the frozen app must write the
    # very PDF the source tree writes on this machine.
    twin = work / "sample-source.pdf"
    source = source_galley(["export", str(sample), "--pdf", str(twin)])
    if source.returncode == 0 and twin.is_file():
        same = twin.read_bytes() == pdf.read_bytes()
        check("frozen PDF is byte-identical to the source tree's", same,
              "" if same else "differs (fonts, data or code differ in the bundle)" + stale_hint())
    pages = subprocess.run(["pdfinfo", str(pdf)], check=False, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", pages, re.MULTILINE)
    figures["export"] = f"{match.group(1) if match else '?'} page(s), {pdf.stat().st_size // 1024} KB"


def child_errors(stderr: str) -> bool:
    """A helper process (the GUI's spawned layout process, multiprocessing's resource tracker)
    re-runs the frozen executable; if that reaches Galley's argument parser or fails, it shows
    on stderr even though the window itself came up."""
    return any(mark in stderr for mark in ("usage: galley", "galley: error", "Traceback (most recent call last)"))


def test_gui(work: Path, sample: Path) -> None:
    galley = BUNDLE / "galley"
    helptext, _ = run([str(galley), "gui", "--help"], work)
    if helptext.returncode != 0 or "--screenshot" not in helptext.stdout:
        print("package-test: skip GUI: this build has no `galley gui --screenshot` yet")
        return
    png = work / "window.png"
    proc, seconds = run([str(galley), "gui", str(sample), "--screenshot", str(png)], work, timeout=300)
    ok = (proc.returncode == 0 and png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
          and not child_errors(proc.stderr))
    check("frozen galley gui opens the sample and saves a screenshot", ok,
          f"{seconds:.2f} s" if ok else (proc.stderr or proc.stdout).strip()[-400:])
    if ok:
        figures["cold start to a window (frozen, offscreen)"] = f"{seconds:.2f} s"
        shutil.copy(png, ROOT / "build" / "package-window.png")
    if not shutil.which("xvfb-run"):
        print("package-test: skip X11 window: xvfb-run not installed")
        return
    # The desktop executable on a real X server: Qt's xcb plugin and its libraries must load.
    png = work / "window-x11.png"
    desk = BUNDLE / "galley-desk"
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1440x900x24", str(desk), str(sample), "--screenshot", str(png)]
    env = clean_env()
    env.pop("QT_QPA_PLATFORM")
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False, cwd=work, env=env, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - start
    ok = (proc.returncode == 0 and png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
          and not child_errors(proc.stderr))
    check("frozen galley-desk opens a window on X11 (xcb)", ok,
          f"{seconds:.2f} s" if ok else (proc.stderr or proc.stdout).strip()[-400:])
    if ok:
        figures["start to a window (galley-desk, X11 via xvfb-run)"] = f"{seconds:.2f} s"


def apt(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(["apt-get", "-y", "-q", *args], check=False, capture_output=True, text=True, env=env)


def test_deb(work: Path, sample: Path) -> None:
    debs = sorted(glob.glob(str(ROOT / "dist" / "galley_*.deb")), key=os.path.getmtime)
    if not check(".deb built", bool(debs), "dist/galley_*.deb"):
        return
    deb = Path(debs[-1])
    figures[".deb size"] = f"{deb.stat().st_size / 1e6:.0f} MB (zstd)"
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], check=False, capture_output=True, text=True).stdout
    check(".deb depends on the fonts and spelling packages",
          all(p in info for p in ("fonts-arphic-uming", "fonts-wqy-zenhei", "fonts-lxgw-wenkai",
                                  "fonts-liberation", "libenchant-2-2", "hunspell-en-us")), info.strip()[:120])
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("package-test: skip .deb install: needs root and apt-get")
        return
    if subprocess.run(["dpkg", "-s", "galley"], check=False, capture_output=True).returncode == 0:
        apt("remove", "galley")
    proc = apt("install", str(deb))
    if proc.returncode != 0:  # stale package lists on a machine that had everything already
        apt("update")
        proc = apt("install", str(deb))
    if not check("apt-get install ./galley_*.deb", proc.returncode == 0,
                 "" if proc.returncode == 0 else (proc.stderr or proc.stdout).strip()[-400:]):
        return
    found = shutil.which("galley", path=clean_env()["PATH"])
    ver, _ = run(["galley", "--version"], work)
    check("installed galley runs from PATH", found == "/usr/bin/galley" and ver.returncode == 0,
          f"{found}: {(ver.stdout or ver.stderr).strip()}")
    rep, _ = run(["galley", "repair", str(sample)], work)
    check("installed galley repairs the sample", rep.returncode == 0 and rep.stdout.strip() != "",
          rep.stderr.strip()[-200:])
    installed = ["/usr/bin/galley-desk", "/usr/share/applications/galley.desktop",
                 "/usr/share/mime/packages/galley.xml", "/usr/share/icons/hicolor/scalable/apps/galley.svg"]
    if shutil.which("update-mime-database"):
        installed.append("/usr/share/mime/application/x-galley.xml")
    absent = [p for p in installed if not os.path.exists(p)]
    check("desktop entry, icon and MIME type installed", not absent, f"missing {absent}" if absent else "")
    if shutil.which("desktop-file-validate"):
        val = subprocess.run(["desktop-file-validate", "/usr/share/applications/galley.desktop"], check=False,
                             capture_output=True, text=True)
        check("desktop entry validates", val.returncode == 0, (val.stdout + val.stderr).strip()[:300])
    proc = apt("remove", "galley")
    left = [p for p in ("/opt/galley", "/usr/bin/galley", "/usr/bin/galley-desk",
                        "/usr/share/applications/galley.desktop", "/usr/share/mime/packages/galley.xml")
            if os.path.lexists(p)]
    check("apt-get remove galley removes it cleanly", proc.returncode == 0 and not left,
          f"left behind: {left}" if left else (proc.stderr or "").strip()[-200:])


def test_nsis() -> None:
    proc = subprocess.run(["sh", "packaging/windows/check_nsis.sh"], check=False, cwd=ROOT, capture_output=True, text=True)
    check("NSIS script compiles (stand-in payload)", proc.returncode == 0,
          (proc.stdout + proc.stderr).strip().splitlines()[-1] if (proc.stdout + proc.stderr).strip() else "")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    sample = SAMPLE if SAMPLE.is_file() else FALLBACK_SAMPLE
    if sample != SAMPLE:
        print(f"package-test: {SAMPLE.relative_to(ROOT)} not there yet; using {sample.relative_to(ROOT)}")
    (ROOT / "build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="galley-package-test-") as tmp:
        work = Path(tmp)
        if test_bundle(work, sample):
            test_export(work, sample)
            test_gui(work, sample)
        test_deb(work, sample)
    test_nsis()
    build_time = ROOT / "build" / "package-build-seconds"
    if build_time.is_file():
        figures["bundle build time (PyInstaller)"] = f"{build_time.read_text().strip()} s"
    lines = [f"{k}: {v}" for k, v in figures.items()]
    (ROOT / "build" / "package-figures.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("package-test: figures\n  " + "\n  ".join(lines))
    failed = [name for name, ok, _ in results if not ok]
    print(f"package-test: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
