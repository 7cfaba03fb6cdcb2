"""PyInstaller hook for jieba: its dictionary and data, without the unused extras.

Replaces the contrib hook. Collects the whole package's data (dict.txt, analyse/idf.txt,
stop words, whatever a newer jieba adds) except `lac_small/` (the Paddle model, needs
paddlepaddle, which Galley does not use) and the `*.p` pickles (used only on Jython; CPython
imports the same tables from the prob_*.py modules).
"""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", excludes=["lac_small", "lac_small/**", "**/*.p"])
