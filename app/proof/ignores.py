"""Ignore records the editor makes on findings, persisted in the edition's project file.

Three kinds: "ignore here" (keyed by rule + the flagged text + a little text on each side, so
it survives edits elsewhere), "ignore this rule in this story", and "add to dictionary" (a
word never flagged again by the word rules). All are plain JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CONTEXT = 6   # characters of context kept on each side for "ignore here"


def context_key(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT):start] + "\u2038" + text[end:end + CONTEXT]


@dataclass(frozen=True)
class IgnoreHere:
    rule: str
    text: str
    context: str


@dataclass
class Ignores:
    here: set[IgnoreHere] = field(default_factory=set)
    rules_in_story: set[tuple[str, str]] = field(default_factory=set)   # (rule, story id)
    words: set[str] = field(default_factory=set)                        # the edition's dictionary

    def ignore_here(self, finding, full_text: str) -> IgnoreHere:
        rec = IgnoreHere(finding.rule, finding.text, context_key(full_text, finding.start, finding.end))
        self.here.add(rec)
        return rec

    def ignore_rule_in_story(self, rule: str, story_id: str) -> None:
        self.rules_in_story.add((rule, story_id))

    def add_word(self, word: str) -> None:
        self.words.add(word)

    def suppresses(self, finding, full_text: str, story_id: str | None = None) -> bool:
        if story_id is not None and (finding.rule, story_id) in self.rules_in_story:
            return True
        if finding.text in self.words and finding.rule.startswith(("words.", "spell.")):
            return True
        if self.here:
            before = full_text[max(0, finding.start - CONTEXT):finding.start]
            after = full_text[finding.end:finding.end + CONTEXT]
            for rec in self.here:
                if rec.rule == finding.rule and rec.text == finding.text:
                    b, _, a = rec.context.partition("\u2038")
                    # the recorded context may be shorter (at a paragraph edge): compare what it has
                    if before.endswith(b) and after.startswith(a):
                        return True
        return False

    def __bool__(self) -> bool:
        return bool(self.here or self.rules_in_story or self.words)

    def to_json(self) -> list[dict]:
        """A flat list of records (what the .galley file's `ignores` holds)."""
        out: list[dict] = [{"kind": "here", "rule": r.rule, "text": r.text, "context": r.context}
                           for r in sorted(self.here, key=lambda r: (r.rule, r.text, r.context))]
        out += [{"kind": "rule_in_story", "rule": r, "story": s} for r, s in sorted(self.rules_in_story)]
        out += [{"kind": "word", "word": w} for w in sorted(self.words)]
        return out

    @classmethod
    def from_json(cls, data) -> Ignores:
        """From `to_json`'s list (or a dict of the three lists); unknown records are skipped."""
        ign = cls()
        if isinstance(data, dict):
            records = ([{"kind": "here", **d} for d in data.get("here", [])]
                       + [{"kind": "rule_in_story", **d} for d in data.get("rules_in_story", [])]
                       + [{"kind": "word", "word": w} for w in data.get("words", [])])
        else:
            records = list(data or [])
        for d in records:
            if not isinstance(d, dict):
                continue
            kind = d.get("kind")
            if kind == "here" and {"rule", "text", "context"} <= d.keys():
                ign.here.add(IgnoreHere(d["rule"], d["text"], d["context"]))
            elif kind == "rule_in_story" and {"rule", "story"} <= d.keys():
                ign.rules_in_story.add((d["rule"], str(d["story"])))
            elif kind == "word" and d.get("word"):
                ign.words.add(d["word"])
        return ign
