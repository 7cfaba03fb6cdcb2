"""A proofreading finding: one diagnostic with a rule id, severity, span, messages and optional fix.

Findings are what the proof stage of the pipeline produces (see `app.proof.engine`); offsets
are into `Edition.text()` (from `check_edition`) or into the paragraph (from `check_paragraph`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    rule: str
    severity: str                  # "error" | "warning" | "info"
    start: int
    end: int
    text: str                      # the text of the span
    message_zh: str
    message_en: str
    fix: str | None = None         # replacement for the span, if the rule knows one
    safe: bool = False             # True when `galley fix` may apply the fix without asking
    story: int | None = None       # story index, when checked as part of an edition

    @property
    def message(self) -> str:
        return self.message_zh

    def shifted(self, offset: int, story: int | None = None) -> Finding:
        return replace(self, start=self.start + offset, end=self.end + offset,
                       story=self.story if story is None else story)

    def to_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "start": self.start, "end": self.end,
                "text": self.text, "message": self.message_zh, "fix": self.fix}

    def to_dict(self) -> dict:
        """Everything, for the GUI and the project file."""
        return {**self.to_json(), "message_en": self.message_en, "safe": self.safe, "story": self.story}


@dataclass
class Hit:
    """What a rule function yields: a span in the paragraph and what to say about it."""

    start: int
    end: int
    zh: str
    en: str
    fix: str | None = None
    safe: bool = False
    weak: bool = False      # less sure: reported one severity below the rule's (error → warning)
