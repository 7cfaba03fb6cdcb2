"""`galley check IN [--json] [--rules ID,...]`: proofreading findings on the repaired text.

The text report groups findings by story, shows each with its line and column in the text
`galley repair` prints and the line around it, and ends with a summary: findings per 10,000
characters. Exit 0 with no findings, 1 with findings, 2 on error.
"""
from __future__ import annotations

import json
import sys
from bisect import bisect_right

from galley.app.errors import GalleyError
from galley.app.pipeline import load_edition

CONTEXT = 18


def add_parser(sub):
    p = sub.add_parser("check", help="proofread: findings on the repaired text")
    p.add_argument("input", metavar="IN")
    p.add_argument("--json", action="store_true", help="machine-readable list of findings")
    p.add_argument("--rules", metavar="ID,...", help="only these rules (ids or prefixes such as punct)")
    p.add_argument("--script", choices=("simplified", "traditional"), help="the edition's script (default: detected)")
    return p


def parse_rules(value: str | None) -> list[str] | None:
    if not value:
        return None
    from galley.app.proof.registry import registry
    from galley.app.repair.doubt import RULE
    names = [r.strip() for r in value.split(",") if r.strip()]
    known = [*registry(), RULE]
    for n in names:
        if not any(rid == n or rid.startswith(n + ".") for rid in known):
            raise GalleyError(f"unknown rule {n!r}; known rules: {', '.join(sorted(known))}")
    return names


def load_settings(args):
    """The user's settings (the store the GUI writes too, checked: a bad one is a clear error, not
    silently ignored), else defaults."""
    from galley.app import settings
    s = settings.proof_settings(settings.read())
    if getattr(args, "script", None):
        s.script = args.script
    return s


def load_for_check(path: str, settings):
    """The edition; for a .galley project also its ignore records (merged into `settings`)."""
    from pathlib import Path
    if Path(path).suffix.lower() == ".galley":
        from galley.app.project import load_project
        from galley.app.proof.ignores import Ignores
        project = load_project(path)
        saved = Ignores.from_json(project.ignores or [])
        settings.ignores.here |= saved.here
        settings.ignores.rules_in_story |= saved.rules_in_story
        settings.ignores.words |= saved.words
        return project.edition
    return load_edition(path)


def load_while_warming(path: str, settings, rules: list[str] | None):
    """`load_for_check`, for a text, DOCX or PDF file in a forked process (galley.app.forked) while
    this one loads what checking with `rules` reads (the segmenter, the misused-character model,
    the word lists: a check of a one-line text), so that the two take the time of the longer. A
    project, whose ignore records go into `settings`, and any file where no process can be
    forked or the child fails (bad input: the error is then met here, with its message) are
    loaded here."""
    from pathlib import Path

    from galley.app.forked import alongside
    if Path(path).suffix.lower() == ".galley" or rules == []:
        return load_for_check(path, settings)

    def warm() -> None:
        from galley.app.pipeline import edition_from_text
        from galley.app.proof import check_edition
        check_edition(edition_from_text("临川日报讯，今天天气晴朗，市民出行。\n"), rules, settings)

    edition, _ = alongside(lambda: load_edition(path), warm)
    return edition if edition is not None else load_for_check(path, settings)


def spelling_note(rules, settings) -> str | None:
    from galley.app.proof.engine import resolve_rules
    from galley.app.proof.rules.spelling import status
    if not settings.spelling or not any(a.spec.id == "spell.en" for a in resolve_rules(rules, settings)):
        return None
    ok, why = status(settings.spelling_language)
    return None if ok else f"spelling skipped: {why}"


def summary(findings, chars: int) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    per = len(findings) * 10000 / chars if chars else 0.0
    per_err = counts["error"] * 10000 / chars if chars else 0.0
    return (f"{len(findings)} findings ({counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} info) in {chars} characters: {per:.1f} per 10,000 characters "
            f"({per_err:.1f} errors per 10,000)")


def text_report(edition, findings) -> str:
    text = edition.text()
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    out: list[str] = []
    current = None
    for f in findings:
        if f.story != current:
            current = f.story
            st = edition.stories[f.story] if f.story is not None else None
            where = " · ".join(x for x in ((st.page, st.section) if st else ()) if x)
            out.append(f"== {st.id if st else '?'}: {st.headline if st else ''}" + (f"  [{where}]" if where else ""))
        ln = bisect_right(line_starts, f.start) - 1
        ls = line_starts[ln]
        le = text.find("\n", ls)
        le = len(text) if le == -1 else le
        a, b = max(ls, f.start - CONTEXT), min(le, f.end + CONTEXT)
        snippet = ("…" if a > ls else "") + text[a:f.start] + "【" + text[f.start:f.end] + "】" + text[f.end:b] \
            + ("…" if b < le else "")
        fix = "" if f.fix is None else f"  → “{f.fix}”" + ("" if f.safe else " (?)")
        out.append(f"  {ln + 1}:{f.start - ls + 1}  {f.severity:<7} {f.rule:<20} {snippet}")
        out.append(f"      {f.message_zh} / {f.message_en}{fix}")
    return "\n".join(out) + ("\n" if out else "")


def run(args) -> int:
    from galley.app.proof import check_edition
    rules = parse_rules(args.rules)
    settings = load_settings(args)
    from galley.app.repair.doubt import RULE, possible_cuts

    def repair_rule(n: str) -> bool:
        return RULE == n or RULE.startswith(n + ".")
    proof_rules = None if rules is None else [n for n in rules if not repair_rule(n)]
    edition = load_while_warming(args.input, settings, proof_rules)
    findings = check_edition(edition, proof_rules, settings) if proof_rules is None or proof_rules else []
    if rules is None or any(repair_rule(n) for n in rules):
        findings = sorted(findings + possible_cuts(edition), key=lambda f: (f.start, f.end, f.rule))
    note = spelling_note(proof_rules, settings) if proof_rules is None or proof_rules else None
    if args.json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        if note:
            print(f"galley: {note}", file=sys.stderr)
    else:
        sys.stdout.write(text_report(edition, findings))
        sys.stdout.write(summary(findings, edition.char_count) + "\n")
        if note:
            sys.stdout.write(note + "\n")
    return 1 if findings else 0
