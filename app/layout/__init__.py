"""Page layout: an edition on a page grid → a `PagedDocument` (see `paged.py`)."""
