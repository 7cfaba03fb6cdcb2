"""PyInstaller hook for opencc: only its conversion data (configs + dictionaries).

Replaces the contrib hook, which also copies the wheel's command-line tools, C headers and
a second copy of the library as "data". opencc looks for `opencc/clib/share/opencc/*.json`
next to its own module, so that folder is collected whole, with whatever configs a newer
opencc ships.
"""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("opencc", subdir="clib/share")
