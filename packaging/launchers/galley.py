"""Frozen entry point of the `galley` command line (the console executable of the bundle).

PyInstaller runs this file as the script of `galley` / `galley.exe` (see packaging/galley.spec);
it does exactly what the `galley` console script of an installed Python package does.
"""
import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
