"""Update galley_<lang>.ts from the source: every tr("…") string of ui/*.py, by context.

Each ui module defines `tr(text)` as `QCoreApplication.translate("<Context>", text)`; this
script finds those contexts and the literal strings passed to `tr`, keeps the translations
already in the .ts file, adds new strings as unfinished and marks vanished ones obsolete.
Then compile with `pyside6-lrelease resources/i18n/galley_zh_CN.ts` (the Makefile-free way:
`python resources/i18n/extract.py --compile`).

    python resources/i18n/extract.py [--compile] [LANG ...]     (default: zh_CN)
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def strings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "ui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        ctx = None
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate":
                        ctx = call.args[0].value
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            args = node.args
            if isinstance(node.func, ast.Name) and node.func.id == "tr" and ctx and args and \
                    isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                out.setdefault(ctx, []).append(args[0].value)
            elif getattr(node.func, "attr", "") == "translate" and len(args) >= 2 and \
                    all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]):
                out.setdefault(args[0].value, []).append(args[1].value)
    return {c: list(dict.fromkeys(v)) for c, v in out.items()}


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    known = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                known[(name, msg.findtext("source"))] = tr.text
    return known


def write_ts(path: Path, lang: str, found: dict[str, list[str]], known: dict[tuple[str, str], str]) -> int:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    missing = 0
    for ctx in sorted(found):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src in found[ctx]:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            t = ET.SubElement(m, "translation")
            if (ctx, src) in known:
                t.text = known[(ctx, src)]
            else:
                t.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def compile_ts(path: Path) -> None:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([exe, "-silent", str(path), "-qm", str(path.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    langs = [a for a in argv if not a.startswith("--")] or ["zh_CN"]
    found = strings()
    for lang in langs:
        ts = HERE / f"galley_{lang}.ts"
        missing = write_ts(ts, lang, found, read_ts(ts))
        print(f"{ts.name}: {sum(map(len, found.values()))} strings, {missing} untranslated")
        if "--compile" in argv:
            compile_ts(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
