"""Split-line repair: join paragraphs cut at column ends, move interleaved blocks out.

`plan_repairs(blocks)` proposes `Fix`es; `assemble(blocks, fixes)` applies the accepted ones
and returns the output units (each a tuple of raw block indices) in reading order.
"""
from galley.app.repair.join import assemble, plan_repairs

__all__ = ["assemble", "plan_repairs"]
