"""The edition model shared by every stage: raw blocks, typed elements, stories, fixes."""
from galley.app.model.edition import Edition, Element, Fix, Kind, RawBlock, Story, join_parts

__all__ = ["Edition", "Element", "Fix", "Kind", "RawBlock", "Story", "join_parts"]
