"""Safe writing: temp file + rename, links followed, devices written through, clear errors."""
import os
import stat

import pytest

from galley.app.errors import GalleyError
from galley.app.fsutil import write_bytes, write_text


def test_new_file_gets_the_usual_mode(tmp_path):
    out = tmp_path / "page.txt"
    write_text(out, "临川")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert out.read_text(encoding="utf-8") == "临川"


def test_replacing_a_file_keeps_its_mode(tmp_path):
    out = tmp_path / "page.txt"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    write_text(out, "new")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text(encoding="utf-8") == "new"


def test_a_symlink_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_device_is_written_through_not_replaced():
    write_bytes("/dev/null", b"x" * 10)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("where", ["folder", "under-a-file"])
def test_unwritable_targets_are_galley_errors_naming_the_file(tmp_path, where):
    if where == "folder":
        target = tmp_path / "out.txt"
        target.mkdir()
    else:
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        target = tmp_path / "plain" / "out.txt"
    with pytest.raises(GalleyError) as err:
        write_text(target, "临川")
    assert str(target) in str(err.value) and "cannot write" in str(err.value)
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_failure_midway_leaves_the_good_file(tmp_path):
    out = tmp_path / "page.txt"
    out.write_text("good", encoding="utf-8")
    from galley.app.fsutil import atomic_write
    with pytest.raises(RuntimeError), atomic_write(out, "w", encoding="utf-8") as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert out.read_text(encoding="utf-8") == "good" and not list(tmp_path.glob(".*.tmp"))


def test_dash_means_standard_output(capsys):
    write_text("-", "临川日报\n")
    assert capsys.readouterr().out == "临川日报\n"
