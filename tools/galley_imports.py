"""Rewrite Galley's own import names from the source folders' (`app`, `ui`) to the installed ones
(`galley.app`, `galley.ui`).

The source keeps its top-level folders app/ and ui/; installed, they are the packages
galley.app and galley.ui (setup.py), so the code must import them by those names. This script
makes that change mechanically and can be run again at any time, e.g. after merging a branch
written against the old names: it only touches what still uses them, and a second run changes
nothing.

    python tools/galley_imports.py          # rewrite in place, list the files changed
    python tools/galley_imports.py --check  # exit 1 and list the files that still need it

What it rewrites, in app/, ui/, tests/, bench/, tools/ and packaging/ (*.py and *.spec):
- `from app.x import y`, `from app import y`, `import app.x [as z]`, `import app` (and ui),
  also in code held in a string (`"import sys; from app.cli import main; ..."`);
- string literals that name one of Galley's modules (importlib.import_module("app.layout"),
  monkeypatch targets, f"app.commands.{name}", a prefix such as 'app.');
- `python -m app` in subprocess argument lists ("-m", "app") becomes "-m", "galley".
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "ui")
FOLDERS = ("app", "ui", "tests", "bench", "tools", "packaging")
SKIP = {Path(__file__).resolve()}

_FROM = re.compile(r"^(\s*)from (app|ui)(?=[.\s])", re.MULTILINE)
_IMPORT = re.compile(r"^(\s*)import (app|ui)((?:\.\w+)*)([ \t]+as[ \t]+\w+)?(?=[ \t]*(?:#.*)?$)", re.MULTILINE)
_INLINE = re.compile(r"""(?<=[;"'])(\s*)(from|import) (app|ui)(?=\.\w|\s+import\b)""")   # code in a string
_STRING = re.compile(r"""(?<![\w.])(f?)(["'])(app|ui)(\.(?:[a-z_]\w*|\{)|\.?\2)""")
_DASH_M = re.compile(r"""(["'])-m\1(\s*,\s*)(["'])app\3""")


def _module_exists(package: str, rest: str) -> bool:
    """`rest` is what follows `app.` in a string: a module name (maybe dotted), or `{...`."""
    first = re.match(r"[a-z_]\w*", rest)
    if first is None:
        return True                                           # 'app.' or f"app.{name}"
    base = ROOT / package / first.group(0)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def rewrite(text: str) -> str:
    def _import(m: re.Match) -> str:
        indent, package, dotted, alias = m.group(1), m.group(2), m.group(3), m.group(4)
        if not dotted and not alias:
            return f"{indent}from galley import {package}"
        return f"{indent}import galley.{package}{dotted}{alias or ''}"

    def _string(m: re.Match) -> str:
        f, quote, package, tail = m.groups()
        if tail == quote:                                     # the bare name "app": not a module path
            return m.group(0)
        if tail.startswith(".") and not _module_exists(package, m.string[m.start(4) + 1:m.start(4) + 60]):
            return m.group(0)
        return f"{f}{quote}galley.{package}{tail}"

    text = _FROM.sub(lambda m: f"{m.group(1)}from galley.{m.group(2)}", text)
    text = _IMPORT.sub(_import, text)
    text = _INLINE.sub(lambda m: f"{m.group(1)}{m.group(2)} galley.{m.group(3)}", text)
    text = _STRING.sub(_string, text)
    text = _DASH_M.sub(lambda m: f'{m.group(1)}-m{m.group(1)}{m.group(2)}{m.group(3)}galley{m.group(3)}', text)
    return text


def files() -> list[Path]:
    found = []
    for folder in FOLDERS:
        for pattern in ("*.py", "*.spec"):
            found += [p for p in (ROOT / folder).rglob(pattern) if p.resolve() not in SKIP]
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that still use the old names")
    args = parser.parse_args(argv)
    changed = []
    for path in files():
        old = path.read_text(encoding="utf-8")
        new = rewrite(old)
        if new != old:
            changed.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(path.relative_to(ROOT))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
