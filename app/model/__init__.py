"""The edition model shared by every stage: raw blocks, typed elements, stories, fixes."""
from galley.app.model.edition import (
    DISPLAY_KINDS,
    HEADING_KINDS,
    Edition,
    Element,
    Fix,
    Kind,
    RawBlock,
    Story,
    join_parts,
)

__all__ = ["DISPLAY_KINDS", "HEADING_KINDS", "Edition", "Element", "Fix", "Kind", "RawBlock", "Story",
           "join_parts"]
