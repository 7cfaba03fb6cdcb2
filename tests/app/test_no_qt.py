"""app/ is pure Python: every app.* module imports with PySide6 blocked."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in app/: ' + name)
sys.meta_path.insert(0, Block())
from galley import app
names = [m.name for m in pkgutil.walk_packages(app.__path__, 'galley.app.') if not m.name.endswith('__main__')]
for n in names:
    importlib.import_module(n)
print(len(names))
"""


def test_every_app_module_imports_without_qt():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], check=False, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 10


def test_no_qt_import_lines_in_app():
    offenders = [str(p) for p in (ROOT / "app").rglob("*.py")
                 if any(line.lstrip().startswith(("import PySide6", "from PySide6"))
                        for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
