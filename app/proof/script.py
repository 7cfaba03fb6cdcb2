"""Simplified/traditional Chinese with OpenCC: converting a whole story (s2t, t2s, s2tw, s2hk,
tw2sp …). Detecting the script and the characters that belong to only one script are app.text's.
Whether such a character is really wrong is decided on the phrase level (see rules/script.py),
so 乾隆 and 著名 in a simplified text stay alone.
"""
from __future__ import annotations

from galley.app.errors import GalleyError
from galley.app.text import CONVERSIONS, converter, detect_script, script_sets

__all__ = ["CONVERSIONS", "convert_story", "convert_text", "converter", "detect_script", "script_sets"]


def convert_text(text: str, config: str) -> str:
    if config not in CONVERSIONS:
        raise GalleyError(f"unknown script conversion {config!r}; one of {', '.join(CONVERSIONS)}")
    return converter(config).convert(text)


def convert_story(edition, story_index: int, config: str) -> list[str]:
    """The converted text of each element of story `story_index`, in order.

    Nothing is changed in the edition: the GUI applies the texts as one undoable command.
    """
    if not 0 <= story_index < len(edition.stories):
        raise GalleyError(f"no story {story_index} (the edition has {len(edition.stories)})")
    return [convert_text(el.text, config) for el in edition.stories[story_index].elements]
