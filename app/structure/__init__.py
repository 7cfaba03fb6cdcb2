"""Structure recognition: assembled blocks → stories of typed elements."""
from galley.app.structure.classify import build_stories, detect_script

__all__ = ["build_stories", "detect_script"]
