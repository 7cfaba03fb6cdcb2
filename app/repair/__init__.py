"""Split-line repair: join paragraphs cut at column ends, move interleaved blocks out.

`plan_repairs(blocks)` proposes `Fix`es; `assemble(blocks, fixes)` applies the accepted ones
and returns the output units (each a tuple of raw block indices) in reading order.
"""
from galley.app.repair.join import assemble, plan_repairs

__all__ = ["assemble", "clear_caches", "plan_repairs"]


def clear_caches() -> None:
    """Forget what earlier documents left in the caches keyed by text (a block's features and
    units, the answers at seam windows), so a benchmark times a document as a fresh process
    would; the dictionaries and models stay loaded."""
    from galley.app.repair import geometry, model, seam
    for f in (geometry._units, geometry._head_units, geometry._last_line, model.block_features, model._named_features, seam._seam_word,
              seam._seam_gain, seam._seam_lm, seam._logprob, seam._words):
        f.cache_clear()
