"""words.misused: misused characters found by the language model (our own sentences)."""
from __future__ import annotations

import pytest

from galley.app.proof import ProofSettings, check_paragraph
from galley.app.proof.misused import FEATURES, Suspect, model
from tests.app.proof.conftest import hits


@pytest.mark.parametrize("text,wrong,right", [
    ("青川的运动员不怕措折，坚持训练。", "措", "挫"),
    ("学校组织学生参观博物管。", "管", "馆"),
    ("这个小区的环镜越来越好了。", "镜", "境"),
    ("会议决定成立一个专门的委员会来负则此事。", "则", "责"),
])
def test_misused_characters_are_caught(text, wrong, right):
    found = hits(text, "words.misused")
    assert [(f.text, f.fix) for f in found] == [(wrong, right)]
    assert found[0].safe is False and found[0].severity in ("error", "warning")
    assert right in found[0].message_zh


@pytest.mark.parametrize("text", [
    "青川的经济发展很快，市民生活越来越好。", "这座大桥的设计非常独特。", "他对这个问题的看法很有道理。",
    "我们要坚持不懈地努力。", "临川大学举办了一场音乐会。", "这次活动吸引了上千名市民参加。",
    "市长李钟武到临川考察。", "青川县委书记王建刚出席会议。", "辛吉丝赢得了比赛。",
    "她在比赛中发挥得很出色。", "副市长陈立峰出席会议。",
])
def test_clean_text_and_names_are_left_alone(text):
    assert hits(text, "words.misused") == []


def test_severity_follows_the_score():
    m = model()
    text = "青川的运动员不怕措折，坚持训练。"
    (s,) = m.suspects(text)
    found = hits(text, "words.misused")
    assert found[0].severity == ("error" if s.score >= m.error else "warning")
    assert m.error > m.warning


def test_a_word_in_the_users_dictionary_is_not_flagged():
    text = "学校组织学生参观博物管。"
    s = ProofSettings(dictionary={"博物管"})
    assert [f for f in check_paragraph(text, ["words.misused"], s)] == []


def test_headings_are_not_checked():
    assert hits("学校组织学生参观博物管", "words.misused", kind="headline") == []


def test_a_listed_word_is_left_to_words_confusable():
    found = check_paragraph("青川新建的体育馆气势弘伟。")
    assert [f.rule for f in found if f.text.startswith("弘")] == ["words.confusable"]


def test_the_language_model_prefers_real_words():
    m = model()
    assert m.logp("挫折") > m.logp("措折")
    assert m.logp("博物馆") > m.logp("博物管")


@pytest.mark.parametrize("text,wrong,right", [
    ("他再家里看书。", "再", "在"),          # both real characters: only the context tells
    # (not 我门明天: 门明天 reads as a personal name, and names use what characters they like)
    ("他们带着孩子去公园玩，我门也想去。", "门", "们"),
])
def test_a_real_character_that_fits_its_neighbours_poorly_is_caught(text, wrong, right):
    found = hits(text, "words.misused")
    assert [(f.text, f.fix) for f in found] == [(wrong, right)]


def test_the_character_model_prefers_real_text():
    from galley.app.proof.charlm import charlm
    lm = charlm()
    for good, bad in (("他在家里", "他再家里"), ("挫折", "措折"), ("跑得很快", "跑的很快")):
        i = next(k for k in range(len(good)) if good[k] != bad[k])
        assert lm.around(lm.ids(good), i) > lm.around(lm.ids(bad), i)
        assert lm.fit_between(lm.ids(good), i) > lm.fit_between(lm.ids(bad), i)
        ids = lm.ids(bad)
        assert lm.gain(ids, i, lm.index[good[i]]) > 0
        assert ids == lm.ids(bad)           # gain leaves the run as it was


def test_an_unknown_character_is_the_least_likely():
    from galley.app.proof.charlm import charlm
    lm = charlm()
    assert lm.lp1[lm.unknown] < lm.lp1[lm.index["的"]]
    assert lm.ids("\U00020000的") == [lm.unknown, lm.index["的"]]


def test_the_cascade_only_drops_what_would_not_be_flagged():
    m = model()
    text = "青川的运动员不怕措折，坚持训练。他门明天去博物管参观。"
    for pos, run, i, c, found in m.positions(text):
        every = list(m.candidates(run, i, c, found, names=False, cascade=False))
        kept = list(m.candidates(run, i, c, found, names=False))
        assert {x for x, *_ in kept} <= {x for x, *_ in every}
        flagged = {x for x, _, _, f in every if m.score(f) >= m.error}
        assert flagged <= {x for x, *_ in kept}
    found = [(s.wrong, s.right) for s in m.suspects(text)]
    # (他门 also reads as a name, 门 a surname: the name weight may keep it below the warning)
    assert {("措", "挫"), ("管", "馆")} <= set(found) <= {("措", "挫"), ("门", "们"), ("管", "馆")}


def test_the_scorer_was_fitted_on_these_features():
    import json

    from galley.app.proof import misused
    from galley.app.trees import Trees
    fitted = json.loads(misused.TREES.read_text(encoding="utf-8"))
    assert tuple(fitted["names"]) == misused.FEATURES
    m = model()
    text = "这个小区的环镜越来越好了。"
    ((_pos, run, i, c, found),) = [p for p in m.positions(text) if p[3] == "镜"]
    feats = {x: f for x, _, _, f in m.candidates(run, i, c, found, names=False, cascade=False)}
    # the trees, not the gain alone: a likelier replacement that makes a common word scores higher
    walked = fitted["base"]
    for tree in fitted["trees"]:       # the nodes walked one by one, as the compiled code must agree
        k = 0
        while tree[k][0] >= 0:
            f, t, left, right = tree[k]
            k = left if feats["境"][f] < t else right
        walked += tree[k][1]
    margin = Trees.from_json(fitted).margin(dict(zip(misused.FEATURES, feats["境"], strict=True)))
    assert m.score(feats["境"]) == margin == walked != feats["境"][0]


def test_the_word_level_features_see_what_each_character_makes():
    from galley.app.proof.misused import words_around
    m = model()
    # 再接再励 holds no dictionary word around 励; 再接再厉 is one
    assert words_around(m.freq, "再接再", "励", "") < words_around(m.freq, "再接再", "厉", "")
    assert words_around(m.freq, "", "挫", "折") > words_around(m.freq, "", "措", "折") == 0.0


def test_jieba_loads_its_dictionary_and_is_left_as_it_was():
    import marshal
    import sys

    from galley.app.proof.segment import tokenizer
    tk = tokenizer()
    assert tk.initialized and tk.FREQ["中国"] > 0 and tk.total > 0
    assert sys.modules["jieba"].marshal is marshal     # the whole-file reader was only lent to initialize()


@pytest.mark.parametrize("text,wrong,right", [
    ("这位老教师一生侮人不倦，深受学生爱戴。", "侮", "诲"),
    ("面对突如其来的暴雨，不少市民一时不知所惜。", "惜", "措"),
    ("各地要应地制宜，发展特色产业。", "应", "因"),
    ("他在比赛中脱颖而出，可谓出类拔脆。", "脆", "萃"),
])
def test_an_idiom_one_character_off_is_caught(text, wrong, right):
    found = hits(text, "words.misused")
    assert [(f.text, f.fix) for f in found] == [(wrong, right)]
    # the idiom is a candidate of its own, whatever the confusion sets say
    m = model()
    ((_pos, run, i, c, found_free),) = [p for p in m.positions(text) if p[3] == wrong]
    assert right in found_free[4]
    feats = {x: f for x, _, _, f in m.candidates(run, i, c, found_free, names=False, cascade=False)}
    assert feats[right][FEATURES.index("ln(1+f(idiom))")] > 0


@pytest.mark.parametrize("text", [
    "这位老教师一生诲人不倦，深受学生爱戴。", "面对突如其来的暴雨，不少市民一时不知所措。",
    "各地要因地制宜，发展特色产业。", "他在比赛中脱颖而出，可谓出类拔萃。",
    "他说自己不知道这件事。", "同学们都很喜欢这位老师。",
])
def test_a_correct_idiom_and_what_merely_resembles_one_are_left_alone(text):
    assert hits(text, "words.misused") == []


def test_an_idiom_window_needs_one_character_off_and_no_word_of_its_own():
    m = model()
    run = "各地要应地制宜"
    assert m._idiom_candidates(run, m.flags(run)) == {3: {"因": m.freq["因地制宜"]}}
    run = "各地要因地制宜"
    assert m._idiom_candidates(run, m.flags(run)) == {}


def test_a_candidate_of_the_same_syllable_is_marked_a_homophone():
    # 环镜 → 环境 (jing, jing); 侮人不倦 → 诲人不倦 (wu, hui: alike in shape only)
    m = model()
    at = FEATURES.index("homophone")
    for text, wrong, right, same in (("这个小区的环镜越来越好了。", "镜", "境", 1.0),
                                     ("这位老教师一生侮人不倦。", "侮", "诲", 0.0)):
        ((_pos, run, i, c, found),) = [p for p in m.positions(text) if p[3] == wrong]
        feats = {x: f for x, _, _, f in m.candidates(run, i, c, found, names=False, cascade=False)}
        assert feats[right][at] == same


def test_pair_flags_say_what_the_tables_they_come_from_say():
    from galley.app.proof import misused
    m = model()
    run = "我在见到他门的时候再接再励应地制宜环镜博物管"
    flags = m.flags(run)
    assert len(flags) == len(run) and flags[-1] == 0
    for k in range(len(run) - 1):
        pair, f = run[k:k + 2], flags[k]
        assert bool(f & misused.COMMON_PAIR) == (pair in m.common)
        assert bool(f & misused.MET_LEFT) == (pair in m.by_left)
        assert bool(f & misused.MET_RIGHT) == (pair in m.by_right)
        assert bool(f & misused.IDIOM_HEAD) == (pair in m.idiom_heads)
        assert bool(f & misused.IDIOM_TAIL) == (pair in m.idiom_tails)
    assert any(f & misused.COMMON_PAIR for f in flags) and any(f & misused.IDIOM_HEAD for f in flags)


def test_candidate_sets_made_when_first_met_are_the_whole_sets():
    m = model()
    for c in ("措", "管", "镜", "则"):
        assert m.conf_sets[c] == frozenset(m.conf[c]) and c in m.scan
    assert "的" not in m.conf           # too common to judge (max_char_freq)


def test_the_screens_fit_is_the_character_models():
    from galley.app.proof.charlm import charlm
    lm = charlm()
    ids = lm.ids("他再家里")
    for i in range(len(ids)):
        a, b = (ids[i - 1] if i else -1), (ids[i + 1] if i + 1 < len(ids) else -1)
        expect = (lm.fit(lm.hot.get(a << lm.bits | ids[i], 0), a, ids[i]) if a >= 0 else 0.0) \
            + (lm.fit(lm.hot.get(ids[i] << lm.bits | b, 0), ids[i], b) if b >= 0 else 0.0)
        assert lm.fit_between(ids, i) == lm.fit_around(a, ids[i], b) == expect


def test_word_candidates_are_the_fillers_of_the_word_patterns():
    """Each pattern's fillers are kept as (character, word frequency) when first met: the
    candidates are those of the confusion set that make a word of min_word_freq, with the best
    frequency over the windows, as reading the patterns afresh gives."""
    m = model()
    text = "青川的运动员不怕措折，坚持训练。他门明天去博物管参观。这个小区的环镜越来越好了。"

    def afresh(run, i, c, cands):
        found: dict[str, int] = {}
        n = len(run)
        windows = [(run[i - 1:i], ""), ("", run[i + 1:i + 2]), (run[i - 2:i], "") if i >= 2 else None,
                   (run[i - 1:i], run[i + 1:i + 2]) if 0 < i < n - 1 else None,
                   ("", run[i + 1:i + 3]) if i + 2 < n else None]
        for w in windows:
            if w is None or not (w[0] or w[1]):
                continue
            for x in m.wild.get(w[0] + "?" + w[1], ""):
                f = m.freq[w[0] + x + w[1]]
                if x in cands and f >= m.min_word and f > found.get(x, 0):
                    found[x] = f
        return found

    seen = 0
    for _pos, run, i, c, found_free in m.positions(text * 2):       # the second time from the kept fillers
        if c in m.conf:
            assert m._word_candidates(run, i, c, m.conf_sets[c], True) == afresh(run, i, c, m.conf_sets[c])
            seen += bool(found_free[0])
    assert seen >= 6


def test_positions_hand_on_the_screens_fit():
    m = model()
    text = "他再家里等你。我们明天再见。"
    fits = [(found_free[5], m.lm.fit_between(found_free[3], i))
            for _pos, run, i, _c, found_free in m.positions(text) if found_free[5] is not None]
    assert fits and all(a == b for a, b in fits)


def test_the_cheap_scores_estimate_drops_only_what_the_exact_sum_drops():
    """`candidates` drops a candidate on an estimate of the cheap score (summed in another order)
    only when it is below the cut by a margin: the candidates kept are those the exact sum keeps."""
    from tests.conftest import SHARED
    m = model()
    assert m._quick is not None
    csc = SHARED / "data" / "csc" / "sighan_train2013.tsv"
    texts = ["青川的运动员不怕措折，坚持训练。他门明天去博物管参观。这个小区的环镜越来越好了。",
             "会议决定成立一个专门的委员会来负则此事。我在见到他的时候再接再励。"]
    if csc.is_file():
        texts += [line.split("\t")[1] for line in csc.read_text(encoding="utf-8").splitlines()[:300]]
    places = [(run, i, c, found) for t in texts for _pos, run, i, c, found in m.positions(t)]
    quick = [list(m.candidates(run, i, c, found, names=False)) for run, i, c, found in places]
    saved = m._quick
    try:
        m._quick = None
        exact = [list(m.candidates(run, i, c, found, names=False)) for run, i, c, found in places]
    finally:
        m._quick = saved
    assert quick == exact and sum(map(len, exact)) > 20


def test_the_word_model_prefers_words_that_go_together():
    from galley.app.proof.wordlm import UNKNOWN, wordlm
    wlm = wordlm()
    assert wlm is not None
    for good, bad in (("我们一起度过的时间", "我们一起锅过的时间"), ("两千块钱", "两千贵钱"), ("积极采取措施", "积极采去措施")):
        assert wlm.score(good) > wlm.score(bad) + 2
    # a character no word holds costs UNKNOWN; a listed bigram is read, a missing one backs off
    assert wlm.score("\U00020000") == UNKNOWN
    a, b = wlm.index["我们"], wlm.index["一起"]
    ab = wlm.bigram(a, b)
    assert ab is not None and ab > wlm.bow[a] + wlm.uni[b]
    assert wlm.score("我们一起") == pytest.approx(wlm.uni[a] + ab, abs=1e-6)
    assert wlm.bigram(b, a) != ab and wlm.bigram(a, b) == ab


def test_the_word_models_gain_is_a_feature():
    m = model()
    at = FEATURES.index("word lm gain")
    text = "台湾的东西都很贵，衣服差台币两千贵。"
    ((_pos, run, i, c, found),) = [p for p in m.positions(text) if p[0] == text.rindex("贵")]
    feats = {x: f for x, _, _, f in m.candidates(run, i, c, found, names=False, cascade=False)}
    assert feats["块"][at] > 3.0


def test_the_character_model_read_right_to_left_prefers_real_text_too():
    from galley.app.proof.charlm import charlm
    lm = charlm()
    for good, bad in (("他在家里", "他再家里"), ("挫折", "措折"), ("博物馆里", "博物管里")):
        i = next(k for k in range(len(good)) if good[k] != bad[k])
        ids = lm.ids(bad)
        assert lm.gain_back(ids, i, lm.index[good[i]], lm.around_back(ids, i)) > 0
        assert ids == lm.ids(bad)
        left, right = lm.sides(lm.ids(good), i, lm.index[good[i]])
        bad_left, bad_right = lm.sides(ids, i, ids[i])
        assert max(left - bad_left, right - bad_right) > 0


def test_a_homophone_of_the_same_tone_is_marked_so():
    from galley.app.proof.misused import HOMOPHONE, KIND0, TONE
    m = model()

    def kind(c, x):
        return ord(m.kind[c][m.conf_all[c].index(x)]) - KIND0

    assert kind("镜", "境") & TONE and kind("镜", "境") & HOMOPHONE      # jìng, jìng
    assert kind("侮", "诲") & (TONE | HOMOPHONE) == 0                      # wǔ, huì
    assert kind("买", "卖") & HOMOPHONE and not kind("买", "卖") & TONE    # mǎi, mài


def test_the_runs_kept_give_what_a_fresh_judgement_gives():
    """`suspects` keeps each run of Han characters' suspects: a run met again (elsewhere in
    another text) gives the same suspects at its new offsets as one judged afresh."""
    m = model()
    text = "青川的运动员不怕措折，坚持训练。学校组织学生参观博物管。"
    m.forget_runs()
    first = m.suspects(text)
    assert [(s.wrong, s.right) for s in first] == [("措", "挫"), ("管", "馆")]
    moved = m.suspects("前言：" + text)              # every run from what was kept
    assert moved == [Suspect(s.start + 3, s.wrong, s.right, s.score, s.gain, s.kind) for s in first]
    m.forget_runs()
    assert m.suspects("前言：" + text) == moved


def test_runs_judged_up_front_in_two_processes_give_what_each_judged_alone_gives(monkeypatch):
    """Model.prefetch (a whole edition's first check) leaves the later texts' runs to a forked
    process, whose answers `suspects` takes in when it first meets one of them: the suspects are
    those `suspects` finds judging each run here."""
    import os
    import sys

    from galley.app import forked
    from galley.app.data import resource
    from galley.app.pipeline import load_edition
    from galley.app.proof import misused as misused_mod
    from tests.app.test_forked import _relaxed
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        pytest.skip("forks only on Linux")
    sample = load_edition(resource("sample", "edition.txt"))
    texts = [el.text for _, _, el in sample.elements()]
    texts += ["青川的运动员不怕措折，坚持训练。", "学校组织学生参观博物管。", "这个小区的环镜越来越好了。"]
    monkeypatch.setattr(forked, "can_fork", _relaxed)
    children = []

    def spy(job):
        child = forked.start(job)
        children.append(child)
        return child

    monkeypatch.setattr(misused_mod, "start", spy)
    m = model()
    m.forget_runs()
    m.prefetch(texts, min_chars=0)
    assert children and children[0] is not None and m._pending is not None    # a child judges the later runs
    ahead = [m.suspects(t) for t in texts]
    assert m._pending is None                                          # its answers were taken in
    m.forget_runs()
    alone = [m.suspects(t) for t in texts]
    assert ahead == alone
    assert [(s.wrong, s.right) for got in ahead[-3:] for s in got] == [("措", "挫"), ("管", "馆"), ("镜", "境")]
    m.prefetch(texts[:-1], min_chars=0)
    m.forget_runs()                                                    # a child no longer wanted is stopped
    assert m._pending is None and m.suspects(texts[-1]) == alone[-1]


def test_a_child_that_fails_leaves_its_runs_to_be_judged_here(monkeypatch):
    from galley.app.proof import misused as misused_mod

    class Failed:
        def result(self):
            return None

        def cancel(self):
            pass

    monkeypatch.setattr(misused_mod, "start", lambda job: Failed())
    texts = ["青川的运动员不怕措折，坚持训练。", "学校组织学生参观博物管。", "这个小区的环镜越来越好了。"]
    m = model()
    m.forget_runs()
    m.prefetch(texts, min_chars=0)
    got = [[(s.wrong, s.right) for s in m.suspects(t)] for t in texts]
    assert got == [[("措", "挫")], [("管", "馆")], [("镜", "境")]]


NAME_STORY = ["临川队的派列诺在昨天的比赛中夺得冠军。", "赛后，派列诺说，这块金牌属于全队。",
              "教练表示，派列诺明年将参加全国比赛。"]


def test_a_form_the_edition_writes_three_times_is_the_writers_not_a_slip():
    # 派列诺 (a name) read alone looks like 排列 misspelt; an edition that writes it three times
    # means it: a slip is seldom made the same way three times
    from galley.app.pipeline import edition_from_text
    from galley.app.proof import check_edition
    alone = hits(NAME_STORY[0], "words.misused")
    assert [(f.text, f.fix) for f in alone] == [("派", "排")]
    three = edition_from_text("临川队夺冠\n\n" + "\n\n".join(NAME_STORY))
    assert [f for f in check_edition(three, ["words.misused"]) if f.rule == "words.misused"] == []
    once = edition_from_text("临川队夺冠\n\n" + "\n\n".join([NAME_STORY[0], "赛后，他说，这块金牌属于全队。"]))
    assert [(f.text, f.fix) for f in check_edition(once, ["words.misused"])] == [("派", "排")]
    # the same sentence printed three times (a story, its teaser, a pasted copy) is one place, not three
    copies = edition_from_text("临川队夺冠\n\n" + "\n\n".join([NAME_STORY[0]] * 3))
    assert [(f.text, f.fix) for f in check_edition(copies, ["words.misused"])] == [("派", "排")] * 3


def test_the_live_recheck_weighs_the_editions_text_too():
    text = NAME_STORY[0]
    whole = "\n\n".join(NAME_STORY)
    assert check_paragraph(text, ["words.misused"], edition_text=whole) == []
    asked = []

    def edition_text():
        asked.append(1)
        return whole
    assert check_paragraph(text, ["words.misused"], edition_text=edition_text) == []
    assert check_paragraph("学校组织学生参观博物管。", ["words.misused"], edition_text=whole)[0].fix == "馆"
    assert len(asked) == 1                  # read once, on the first question


@pytest.mark.parametrize("text", [
    "本报讯(记者拱振林)临川市昨天举行春季运动会。", "本报讯（记者 拱振林 汪振宇）临川市昨天举行春季运动会。",
    "图为临川市民在公园晨练。本报记者 拱振林 摄", "临川讯 记者拱振林报道：临川市昨天举行运动会。",
    "图为市民晨练。（派列诺 摄）",
])
def test_the_names_a_credit_gives_are_left_alone(text):
    assert hits(text, "words.misused") == []


def test_a_name_outside_a_credit_is_still_read():
    # the same characters in running text: 拱振林 may be 共振 misspelt, as far as the model can tell
    assert [f.text for f in hits("这位拱振林先生是个好人。", "words.misused")] == ["拱"]


def test_a_traditional_edition_is_judged_in_simplified_and_told_in_traditional():
    # the model is simplified Chinese: a traditional paragraph was judged on characters it hardly
    # knows (the bundled sample set in traditional: 4 false alarms, 开工 → 功, 共读 → 宫 …) and
    # its replacements came in simplified characters (发 for 發)
    import opencc

    from galley.app.pipeline import edition_from_text
    from galley.app.proof import check_edition
    from tests.conftest import SAMPLE
    s2t = opencc.OpenCC("s2t")
    found = check_paragraph(s2t.convert("他们在会上讨论了经济法展的问题，大家都很关心。"), ["words.misused"],
                            script="traditional")
    assert [(f.fix, f.message) for f in found] == [("發", "疑似错别字：“法”可能应为“發”（發展）")]
    simplified = edition_from_text(SAMPLE.read_text(encoding="utf-8"))
    traditional = edition_from_text(s2t.convert(SAMPLE.read_text(encoding="utf-8")))
    assert traditional.script == "traditional"
    text = traditional.text()
    misused = [text[f.start - 4:f.end + 4] for f in check_edition(traditional, ["words.misused"])]
    assert misused == ["，再接再勵建設美麗"]    # the sample's planted 再接再励, which words.confusable
    assert not check_edition(simplified, ["words.misused"])     # finds in the simplified sample
    # (周海濤 攝: a credit after a caption, in traditional characters too)
    assert not check_edition(traditional, ["space.han"])
