"""The engine: offsets into edition.text(), rule selection, rules.toml, settings, ignores, fixes."""
from __future__ import annotations

import json

import pytest

from galley.app.pipeline import edition_from_text
from galley.app.proof import (
    Finding,
    Ignores,
    ProofSettings,
    apply_fixes,
    check_edition,
    check_paragraph,
    fix_edition,
)
from galley.app.proof.registry import active_rules, rules_config
from galley.app.proof.rules import all_rules

EDITION = """青川日报

第1版

青川新区建设提速

本报讯(记者 林一)今年以来,青川新区建设明显提速。

市长说:“我们要按步就班地推进建设。

“第二，要保护环境。”

二零二五年，新区投资15～30%用于民生。
"""


@pytest.fixture
def edition():
    return edition_from_text(EDITION)


def test_offsets_point_into_the_repaired_text(edition):
    text = edition.text()
    found = check_edition(edition)
    assert found
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.story is not None
    rules = {f.rule for f in found}
    assert {"punct.halfwidth", "words.confusable", "num.year-zero", "num.range-unit"} <= rules
    assert "punct.pairs" not in rules       # the quotation runs over two paragraphs correctly
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_to_json_has_the_design_keys(edition):
    f = check_edition(edition)[0]
    d = f.to_json()
    assert set(d) == {"rule", "severity", "start", "end", "text", "message", "fix"}
    assert d["message"] == f.message == f.message_zh
    json.dumps(d, ensure_ascii=False)


def test_rule_selection_by_id_and_prefix(edition):
    only = check_edition(edition, rules=["words.confusable"])
    assert only and {f.rule for f in only} == {"words.confusable"}
    nums = check_edition(edition, rules="num")
    assert nums and all(f.rule.startswith("num.") for f in nums)
    with pytest.raises(ValueError):
        check_edition(edition, rules=["no.such.rule"])


def test_every_rule_is_configured_in_rules_toml():
    cfg = rules_config()
    ids = [rid for rid, _, _ in all_rules()]
    assert len(ids) >= 25
    for rid in ids:
        assert rid in cfg, rid
        assert cfg[rid]["severity"] in ("error", "warning", "info")


def test_settings_override_severity_and_switch_rules_off():
    s = ProofSettings(rules={"punct.halfwidth": {"severity": "info"}, "num.year-zero": {"enabled": False}})
    found = check_paragraph("今天,二零二五年", settings=s)
    assert {f.rule: f.severity for f in found} == {"punct.halfwidth": "info"}
    assert "num.year-zero" not in {a.spec.id for a in active_rules(None, s.rules)}


def test_ignore_here_rule_in_story_and_dictionary(edition):
    text = edition.text()
    found = check_edition(edition)
    target = next(f for f in found if f.rule == "words.confusable")
    ign = Ignores()
    ign.ignore_here(target, text)
    after = check_edition(edition, settings=ProofSettings(ignores=ign))
    assert target.start not in {f.start for f in after if f.rule == "words.confusable"}
    assert len(after) == len(found) - 1

    story_id = edition.stories[target.story].id
    ign2 = Ignores()
    ign2.ignore_rule_in_story("punct.halfwidth", story_id)
    after2 = check_edition(edition, settings=ProofSettings(ignores=ign2))
    assert not [f for f in after2 if f.rule == "punct.halfwidth" and f.story == target.story]

    ign3 = Ignores()
    ign3.add_word("按步就班")
    assert not [f for f in check_edition(edition, settings=ProofSettings(ignores=ign3))
                if f.rule == "words.confusable"]


def test_ignores_round_trip_through_json():
    ign = Ignores()
    ign.ignore_here(Finding("punct.halfwidth", "error", 2, 3, ",", "z", "e"), "今天,天气")
    ign.ignore_rule_in_story("space.han", "s3")
    ign.add_word("青川")
    data = json.loads(json.dumps(ign.to_json(), ensure_ascii=False))
    assert isinstance(data, list)
    back = Ignores.from_json(data)
    assert back.here == ign.here and back.rules_in_story == ign.rules_in_story and back.words == ign.words
    assert Ignores.from_json([{"kind": "unknown"}, "junk"]).here == set()


def test_ignore_here_survives_edits_elsewhere():
    text = "今天,天气很好。"
    f = check_paragraph(text, rules=["punct.halfwidth"])[0]
    ign = Ignores()
    ign.ignore_here(f, text)
    moved = "青川消息：" + text
    assert check_paragraph(moved, rules=["punct.halfwidth"], settings=ProofSettings(ignores=ign)) == []


def test_apply_safe_fixes_to_text():
    text = "今天,天气很好;二零二五年。"
    found = check_paragraph(text)
    fixed, applied = apply_fixes(text, found)
    assert fixed == "今天，天气很好；二〇二五年。"
    assert all(f.safe for f in applied)


def test_unsafe_fixes_are_not_applied():
    text = "苹果、梨……等水果"
    fixed, applied = apply_fixes(text, check_paragraph(text))
    assert fixed == text and applied == []


def test_fix_edition_changes_only_element_texts(edition):
    found = check_edition(edition)
    applied = fix_edition(edition, found)
    assert applied
    text = edition.text()
    assert "," not in text.split("\n\n", 3)[-1] or "，" in text
    assert "二〇二五年" in text and "按部就班" not in text   # the idiom fix is not marked safe
    again = [f for f in check_edition(edition) if f.safe and f.fix is not None]
    assert again == []


def test_check_paragraph_works_without_edition():
    found = check_paragraph("这是我的的书,谢谢。")
    assert [f.rule for f in found] == ["repeat.char", "punct.halfwidth"]


def test_user_settings_file(tmp_path):
    from galley.app.proof.settings import load_user_settings
    p = tmp_path / "proof.toml"
    p.write_text('script = "simplified"\ndictionary = ["Qingchuanese"]\nuser_words = ["青川日报社→青川日报"]\n'
                 '[rules."space.mixed"]\nenabled = false\n', encoding="utf-8")
    s = load_user_settings(p)
    assert s.user_words == {"青川日报社": "青川日报"} and "Qingchuanese" in s.dictionary
    assert s.rules["space.mixed"]["enabled"] is False
    assert [f.rule for f in check_paragraph("青川日报社报道", settings=s)] == ["words.user"]
    (tmp_path / "bad.toml").write_text("this is = = not toml", encoding="utf-8")
    assert load_user_settings(tmp_path / "bad.toml").user_words == {}
    assert load_user_settings(tmp_path / "missing.toml").user_words == {}


def test_house_conventions_are_read_from_settings(tmp_path):
    from galley.app.proof.settings import load_user_settings
    path = tmp_path / "proof.toml"
    path.write_text('[house]\nreduplication = ["长江长江"]\nsurnames = ["禤"]\nnames_traditional = false\n',
                    encoding="utf-8")
    s = load_user_settings(path)
    assert s.house == {"reduplication": ["长江长江"], "surnames": ["禤"], "names_traditional": False}
    assert ProofSettings.from_dict(s.to_dict()).house == s.house
