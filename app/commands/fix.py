"""`galley fix IN -o OUT [--rules ID,...]`: the repaired edition with every safe fix applied.

Writes text (as `galley repair` prints it) or, when OUT ends in .galley, a project file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from galley.app.commands.check import load_for_check, load_settings, load_while_warming, parse_rules
from galley.app.errors import GalleyError
from galley.app.fsutil import write_text
from galley.app.pipeline import load_edition


def add_parser(sub):
    p = sub.add_parser("fix", help="repair and apply every safe proofreading fix")
    p.add_argument("input", metavar="IN")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="a .txt file, or a .galley project")
    p.add_argument("--rules", metavar="ID,...", help="only these rules (ids or prefixes such as punct)")
    p.add_argument("--script", choices=("simplified", "traditional"), help="the edition's script (default: detected)")
    return p


def run(args) -> int:
    from galley.app.proof import check_edition, fix_edition
    rules = parse_rules(args.rules)
    settings = load_settings(args)
    out = Path(args.output)
    if args.output != "-" and out.suffix.lower() not in ("", ".txt", ".text", ".md", ".galley"):
        raise GalleyError(f"galley fix writes text (.txt) or a project (.galley), not {out.suffix}; "
                          "use galley export --docx for Word", out)
    if out.suffix.lower() == ".galley":
        try:
            from galley.app.project import Project, load_project, save_project
        except ImportError:
            raise GalleyError("this build cannot write .galley projects; write a .txt file instead", out) from None
        if Path(args.input).suffix.lower() == ".galley":
            project = load_project(args.input)
            project.path = None
            project.stamp = None
            load_for_check(args.input, settings)     # its ignore records
        else:
            project = Project.from_edition(load_edition(args.input))
        edition = project.edition
    else:
        edition = load_while_warming(args.input, settings, rules)
    findings = check_edition(edition, rules, settings)
    applied = fix_edition(edition, findings)
    if out.suffix.lower() == ".galley":
        save_project(project, out)
    else:
        write_text(out, edition.text())
    print(f"{len(applied)} safe fixes applied, {len(findings) - len(applied)} findings left for review",
          file=sys.stderr)
    return 0
