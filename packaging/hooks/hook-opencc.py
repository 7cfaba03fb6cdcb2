"""PyInstaller hook for opencc: only its conversion data (configs + dictionaries).

Replaces the contrib hook, which also copies the wheel's command-line tools, C headers and
a second copy of the library as "data". opencc looks for `opencc/clib/share/opencc/*.json`
next to its own module, so that folder is collected whole, with whatever configs a newer
opencc ships. A wheel laid out differently gets all of opencc's data except headers and tools.
"""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("opencc", subdir="clib/share")
if not any(dest.replace("\\", "/").endswith("opencc") and src.endswith(".json") for src, dest in datas):
    datas = collect_data_files("opencc", excludes=["**/include/**", "**/bin/**", "**/*.h"])
