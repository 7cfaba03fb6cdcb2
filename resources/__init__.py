"""Galley's data files (word lists, models, translations, the sample edition): package data,
found through app.data."""
