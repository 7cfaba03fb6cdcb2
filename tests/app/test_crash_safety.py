"""No crash loses work: a saving process killed (SIGKILL) at random points always leaves the
target as the old file or the new one, complete; never half a file, never none.

A server process loads Galley once, then forks a writer for each kill: a project save
(`save_project`, as the GUI and `galley fix -o x.galley` do) or a whole `galley export` to PDF,
DOCX and PNG. The writer is killed after a random delay spread over its whole run (rendering
and writing); the server then checks every target against the two versions it can be.
Outputs are deterministic, so "complete" is "byte for byte one of the two". `make test` runs
60 kills in a few seconds; `make fuzz` (GALLEY_FUZZ_SCALE) many more.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALE = float(os.environ.get("GALLEY_FUZZ_SCALE", "1"))

SERVER = r'''
import json, os, random, shutil, signal, sys, time
from pathlib import Path
from galley.app.cli import main
from galley.app.pipeline import edition_from_text
from galley.app.project import Project, load_project, save_project

work, saves, exports, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
A = "临川晚报\n\n新河大桥今日通车\n\n临川市新河大桥今天上午正式通车，全长一千二百米。\n"
B = A.replace("一千二百米", "一千三百米，双向六车道") + "\n据介绍，大桥总投资约九亿元。\n"
texts = {"A": A, "B": B}
for name, text in texts.items():
    (work / f"{name}.txt").write_text(text, encoding="utf-8")

def export_argv(version, folder, png=True):
    return ["export", "-q", str(work / f"{version}.txt"), "--pdf", str(folder / "e.pdf"),
            "--docx", str(folder / "e.docx"), "--allow-overset"] + (["--png", str(folder / "png")] if png else [])

def timed(fn):
    t = time.monotonic()
    result = fn()
    assert not isinstance(result, int) or result == 0, result     # an export's exit code
    return time.monotonic() - t

# the two versions of every export output, made once (output is deterministic)
expected, cycles = {}, {}
for v in texts:
    ref = work / f"ref-{v}"
    ref.mkdir()
    cycles[True] = timed(lambda: main(export_argv(v, ref)))
    expected[v] = {"e.pdf": (ref / "e.pdf").read_bytes(), "e.docx": (ref / "e.docx").read_bytes(),
                   "png/page-01.png": (ref / "png" / "page-01.png").read_bytes()}

def kill_after(delay, child):
    pid = os.fork()
    if pid == 0:
        try:
            child()
        finally:
            os._exit(0)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)

report = {"save_kills": 0, "export_kills": 0, "bad": []}

# project saves: the target holds A; each writer saves B or A over it
target = work / "p.galley"
projects = {v: Project.from_edition(edition_from_text(t)) for v, t in texts.items()}
save_project(projects["A"], target, force=True)
cycle = max(timed(lambda: save_project(projects["B"], target, force=True)) for _ in range(3))
save_project(projects["A"], target, force=True)
for i in range(saves):
    version = "AB"[i % 2]
    def child(version=version):
        while True:
            save_project(projects[version], target, force=True)
    killed = kill_after(rng.uniform(0, 2 * cycle), child)
    report["save_kills"] += killed
    try:
        got = load_project(target).edition.text()
    except Exception as exc:
        report["bad"].append(f"save {i}: {type(exc).__name__}: {exc}")
        continue
    if got not in (projects["A"].edition.text(), projects["B"].edition.text()):
        report["bad"].append(f"save {i}: the project holds neither version")

# exports: the outputs hold A's; each writer exports B or A over them
out = work / "out"
cycles[False] = timed(lambda: main(export_argv("B", out, png=False)))
shutil.rmtree(out)
shutil.copytree(work / "ref-A", out)
for i in range(exports):
    version, png = "BA"[i % 2], i % 4 == 3          # a quarter with PNG proofs (the slowest output)
    cycle = cycles[png]
    killed = kill_after(rng.uniform(0.1 * cycle, 0.95 * cycle), lambda v=version, png=png: main(export_argv(v, out, png)))
    report["export_kills"] += killed
    for name in ("e.pdf", "e.docx", "png/page-01.png"):
        p = out / name
        data = p.read_bytes() if p.is_file() else None
        if data not in (expected["A"][name], expected["B"][name]):
            report["bad"].append(f"export {i}: {name} is " + ("missing" if data is None else
                                 f"neither version ({len(data)} bytes)"))
report["export_seconds"] = cycles
print(json.dumps(report))
'''


def test_kill_9_while_saving_leaves_the_old_or_the_new_file(tmp_path):
    saves, exports = int(40 * SCALE), int(20 * SCALE)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SERVER, str(tmp_path), str(saves), str(exports),
                           str(os.getpid() if SCALE != 1 else 15)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["bad"] == [], report["bad"]
    # the writers were really killed mid-way, at least 50 times in all
    assert report["save_kills"] >= 0.8 * saves and report["export_kills"] >= 0.6 * exports, report
    assert report["save_kills"] + report["export_kills"] >= 50
