"""Project locks that cannot strand a project: atomic records, stale and broken locks, `galley unlock`."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from galley.app.errors import GalleyError
from galley.app.project import ProjectLock, ProjectLockedError
from galley.app.project.lock import valid_record

ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

HOLD = """
import sys, time
from pathlib import Path
from galley.app.project import ProjectLock, ProjectLockedError
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.01)
try:
    lock = ProjectLock(sys.argv[1]).acquire()
except ProjectLockedError as exc:
    print("refused", exc.owner["pid"], flush=True)
    sys.exit(0)
print("held", flush=True)
time.sleep(float(sys.argv[3]))
lock.release()
print("released", flush=True)
"""


def galley(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "galley", *map(str, args)], cwd=cwd, env=ENV,
                          capture_output=True, text=True, check=False)


def old_lock(path: Path, content: bytes) -> Path:
    lk = ProjectLock(path).lock_path
    lk.write_bytes(content)
    past = time.time() - 60
    os.utime(lk, (past, past))
    return lk


def test_two_processes_one_holder(tmp_path):
    project = tmp_path / "two.galley"
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", HOLD, str(project), str(go), "1.5"], env=ENV,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(0.3)
    go.touch()
    outs = [p.communicate(timeout=30)[0].split() for p in procs]
    held = [o for o in outs if o[0] == "held"]
    refused = [o for o in outs if o[0] == "refused"]
    assert len(held) == 1 and len(refused) == 1, outs
    holder = procs[outs.index(held[0])].pid
    assert int(refused[0][1]) == holder          # the refused one was told who holds it
    assert held[0][-1] == "released"
    assert not ProjectLock(project).lock_path.exists()


def test_a_lock_of_a_killed_process_is_taken_over(tmp_path):
    project = tmp_path / "k.galley"
    go = tmp_path / "go"
    go.touch()
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(project), str(go), "60"], env=ENV,
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "held"
    with pytest.raises(ProjectLockedError):
        ProjectLock(project).acquire()
    p.send_signal(signal.SIGKILL)
    p.wait()
    lock = ProjectLock(project).acquire()
    assert lock.held and "no longer running" in lock.notes[0]
    lock.release()


def test_record_from_another_host_blocks_until_unlocked(tmp_path):
    project = tmp_path / "h.galley"
    project.with_suffix(".txt").write_text("临川晚报\n\n新河大桥今日通车\n", encoding="utf-8")
    rec = {"host": "desk-07", "user": "wang", "pid": os.getpid(), "time_text": "2026-03-13 09:00"}
    old_lock(project, json.dumps(rec).encode())
    with pytest.raises(ProjectLockedError, match="wang on desk-07, since 2026-03-13 09:00") as err:
        ProjectLock(project).acquire()
    assert "galley unlock" in err.value.for_cli()
    proc = galley("fix", project.with_suffix(".txt"), "-o", project)
    assert proc.returncode == 2 and "wang on desk-07" in proc.stderr and "`galley unlock PROJECT`" in proc.stderr
    proc = galley("unlock", project)
    assert proc.returncode == 0 and "wang on desk-07" in proc.stderr and len(proc.stderr.splitlines()) == 1
    ProjectLock(project).acquire().release()


@pytest.mark.parametrize("content", [b"", b"[1]", b'{"host": "x", "user": "u", "pid": "abc"}', b"\xff\xfe{",
                                     b'{"host": "' + socket.gethostname().encode() + b'", "user": "u"}',
                                     b"{" * 5000, b'{"pid": 1' + b"0" * 5000 + b"}"])
def test_empty_or_unreadable_lock_is_stale_with_a_message(tmp_path, content):
    project = tmp_path / "e.galley"
    old_lock(project, content)
    lock = ProjectLock(project).acquire()
    assert lock.held and "empty or unreadable" in lock.notes[0]
    assert valid_record(json.loads(lock.lock_path.read_text()))
    lock.release()


def test_empty_lock_through_the_cli_is_a_warning_not_an_error(tmp_path):
    project = tmp_path / "c.galley"
    old_lock(project, b"")
    src = tmp_path / "in.txt"
    src.write_text("临川晚报\n\n新河大桥今日通车\n\n临川市新河大桥今天上午正式通车。\n", encoding="utf-8")
    proc = galley("fix", src, "-o", project)
    assert proc.returncode == 0, proc.stderr
    assert "galley: warning: the project's lock file was empty or unreadable" in proc.stderr
    assert "Traceback" not in proc.stderr and not ProjectLock(project).lock_path.exists()


def test_a_fresh_unreadable_lock_is_waited_for_not_broken_at_once(tmp_path):
    project = tmp_path / "f.galley"
    lk = ProjectLock(project).lock_path
    lk.write_bytes(b"")          # someone is writing it right now (a folder without hard links)
    t = time.monotonic()
    lock = ProjectLock(project).acquire()
    assert time.monotonic() - t >= 1.0 and lock.held
    lock.release()


def test_unlock_command(tmp_path):
    project = tmp_path / "u.galley"
    proc = galley("unlock", project)
    assert proc.returncode == 0 and "not locked" in proc.stderr
    # a Galley running on this computer keeps its lock unless --force
    lock = ProjectLock(project).acquire()
    proc = galley("unlock", project)
    assert proc.returncode == 2 and proc.stderr.startswith("galley: error: the project is open in a Galley running")
    assert lock.lock_path.exists()
    proc = galley("unlock", project, "--force")
    assert proc.returncode == 0 and not lock.lock_path.exists()
    old_lock(project, b"\x00garbage")
    proc = galley("unlock", str(project) + ".lock")
    assert proc.returncode == 0 and "unreadable" in proc.stderr and not lock.lock_path.exists()
    proc = galley("unlock", tmp_path)
    assert proc.returncode == 2 and "folder" in proc.stderr


def test_record_is_never_seen_half_written(tmp_path, monkeypatch):
    """The record is complete before the lock's name exists: a writer killed at any point
    leaves no lock or a whole one (here: the write fails half-way; nothing appears)."""
    project = tmp_path / "a.galley"
    real_fsync = os.fsync

    def dying_fsync(fd):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(os, "fsync", dying_fsync)
    with pytest.raises(GalleyError, match="cannot lock the project"):
        ProjectLock(project).acquire()
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert not ProjectLock(project).lock_path.exists()
    assert [p.name for p in tmp_path.iterdir()] == []


KILL_DURING_ACQUIRE = """
import sys
from galley.app.project import ProjectLock
while True:
    lock = ProjectLock(sys.argv[1])
    lock.acquire()
    lock.release()
"""


def test_kill_during_acquire_never_leaves_an_empty_lock(tmp_path):
    project = tmp_path / "kill.galley"
    lk = ProjectLock(project).lock_path
    for i in range(8):
        p = subprocess.Popen([sys.executable, "-c", KILL_DURING_ACQUIRE, str(project)], env=ENV)
        time.sleep(0.25 + 0.013 * i)
        p.send_signal(signal.SIGKILL)
        p.wait()
        if lk.exists():
            assert valid_record(json.loads(lk.read_bytes())), lk.read_bytes()
            lk.unlink()

records = st.one_of(
    st.binary(max_size=64),
    st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12)),
                 lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3),
                 max_leaves=8).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"host": st.sampled_from([socket.gethostname(), "desk-07", "", 5]),
                           "user": st.sampled_from(["wang", "", None, 3]),
                           "pid": st.sampled_from([1, os.getpid(), 999999999, -4, "12", 2**40, True])},
                          optional={"time_text": st.sampled_from(["2026-03-13", 7])}).map(lambda v: json.dumps(v).encode()))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(content=records)
def test_any_lock_record_is_held_stale_or_named(tmp_path_factory, content):
    project = tmp_path_factory.mktemp("fz") / "z.galley"
    old_lock(project, content)
    lock = ProjectLock(project)
    try:
        lock.acquire()
    except ProjectLockedError as exc:
        assert valid_record(exc.owner) and exc.owner["host"] != "?"   # a real holder, named
        return
    assert lock.held
    lock.release()
