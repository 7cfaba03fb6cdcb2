"""Frozen entry point of the `galley` command line (the console executable of the bundle).

PyInstaller runs this file as the script of `galley` / `galley.exe` (see packaging/galley.spec;
the file is not named galley.py, which would stand in for the `galley` package it imports);
it does what the `galley` console script of an installed Python package does. First,
`multiprocessing.freeze_support()`: the GUI's layout process (spawned) and multiprocessing's
resource tracker start this same executable with their own arguments, which must not reach
the command-line parser.
"""
import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from galley.app.cli import entry
    entry()
