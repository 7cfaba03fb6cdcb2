"""Structure recognition: assembled blocks → stories of typed elements."""
from galley.app.structure.classify import build_stories

__all__ = ["build_stories"]
