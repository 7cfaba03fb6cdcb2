"""Word segmentation: jieba's prefix dictionary is cached in Galley's cache folder."""
from __future__ import annotations

import os


def test_jiebas_cache_lives_in_our_cache_folder_named_by_its_version(tmp_path, monkeypatch):
    from galley.app import settings
    from galley.app.proof import segment
    monkeypatch.setattr(settings, "cache_dir", lambda: tmp_path / "cache")
    jieba = segment._import_jieba()
    stale = tmp_path / "cache" / "jieba-0.1-1-1.cache"     # another jieba's, not read for months
    stale.parent.mkdir()
    stale.write_bytes(b"")
    os.utime(stale, (0, 0))
    tk = jieba.Tokenizer()
    segment._cache_in_our_folder(tk, jieba)
    assert tk.tmp_dir == str(tmp_path / "cache") and tk.cache_file.startswith(f"jieba-{jieba.__version__}-")
    assert not stale.exists()
    tk.initialize()
    assert (tmp_path / "cache" / tk.cache_file).stat().st_size > 1_000_000
    again = jieba.Tokenizer()           # read back from there: the same dictionary
    segment._cache_in_our_folder(again, jieba)
    again.initialize()
    assert again.FREQ == tk.FREQ and again.total == tk.total


def test_without_a_cache_folder_jieba_keeps_its_own(monkeypatch):
    from galley.app import settings
    from galley.app.proof import segment

    def no_folder():
        raise OSError("read-only")
    monkeypatch.setattr(settings, "cache_dir", no_folder)
    jieba = segment._import_jieba()
    tk = jieba.Tokenizer()
    segment._cache_in_our_folder(tk, jieba)
    assert tk.tmp_dir is None and tk.cache_file is None
