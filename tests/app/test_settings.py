"""The settings store shared by the GUI and the command line (app/settings.py)."""
from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from galley.app import settings


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Platform folders inside tmp_path (XDG on Linux), no GALLEY_DATA_DIR."""
    monkeypatch.delenv("GALLEY_DATA_DIR", raising=False)
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    return tmp_path


def test_one_folder_spelling(home):
    assert settings.settings_path() == home / "config" / "Galley" / "settings.toml"
    assert settings.data_dir() == home / "data" / "Galley"
    assert settings.cache_dir() == home / "cache" / "Galley"


def test_old_files_are_merged_once(home):
    old_cfg = home / "config" / "galley"
    old_cfg.mkdir(parents=True)
    (old_cfg / "proof.toml").write_text('user_words = ["大桥→桥梁"]\ndictionary = ["临川"]\n'
                                        '[rules."space.mixed"]\nenabled = false\n', encoding="utf-8")
    old_data = home / "data" / "Galley"
    old_data.mkdir(parents=True)
    (old_data / "preferences.json").write_text(json.dumps({
        "user_words": ["新区", "临川"], "severities": {"punct.halfwidth": "info"}, "autosave_minutes": 5,
        "fonts": {"kai": "/f/kai.ttf"}, "spelling_language": "en_GB"}), encoding="utf-8")
    (old_data / "galley.ini").write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
    data = settings.read()
    assert data == {"user_words": ["大桥→桥梁"], "dictionary": ["临川", "新区"],
                    "rules": {"space.mixed": {"enabled": False},
                              "punct.halfwidth": {"enabled": True, "severity": "info"}},
                    "fonts": {"kai": "/f/kai.ttf"}, "spelling_language": "en_GB"}
    assert settings.ui_state_path().read_text(encoding="utf-8").startswith("[ui]")
    s = settings.proof_settings()
    assert s.user_words == {"大桥": "桥梁"} and s.dictionary == {"临川", "新区"}
    assert s.spelling_language == "en_GB"
    # once there, the store is the only file read
    (old_cfg / "proof.toml").write_text('dictionary = ["别的"]\n', encoding="utf-8")
    assert settings.read()["dictionary"] == ["临川", "新区"]


def test_update_keeps_what_it_does_not_set(home):
    settings.settings_path().parent.mkdir(parents=True)
    settings.settings_path().write_text('user_words = ["错→对"]\n[house]\nsurnames = ["禤"]\n', encoding="utf-8")
    settings.add_to_dictionary("临川")
    settings.add_to_dictionary("临川", "新区")
    assert settings.read() == {"user_words": ["错→对"], "house": {"surnames": ["禤"]},
                               "dictionary": ["临川", "新区"]}


def test_an_unreadable_store_is_kept_aside_when_replaced(home):
    settings.settings_path().parent.mkdir(parents=True)
    settings.settings_path().write_text("this = = not toml", encoding="utf-8")
    settings.add_to_dictionary("临川")
    assert settings.read() == {"dictionary": ["临川"]}
    assert settings.settings_path().with_suffix(".toml.bad").read_text(encoding="utf-8") == "this = = not toml"


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
_scalar = st.one_of(_text, st.booleans(), st.integers(-2**63, 2**63 - 1),
                    st.floats(allow_nan=False, allow_infinity=False))
_value = st.one_of(_scalar, st.lists(_scalar, max_size=3), st.lists(st.dictionaries(_text, _text, max_size=2),
                                                                     max_size=2))
_table = st.dictionaries(_text, _value, max_size=4)


@given(st.dictionaries(_text, st.one_of(_value, _table, st.dictionaries(_text, _table, max_size=2)), max_size=5))
def test_dumps_round_trips_through_tomllib(data):
    assert tomllib.loads(settings.dumps(data)) == data
