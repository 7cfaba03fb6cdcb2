"""Galley: copy-editing and page layout for Chinese newspaper newsrooms.

`app/` is the pure-Python core (never imports Qt). The pipeline:
importers → structure → repair → proof → layout → render. See DESIGN in the README.
"""
__version__ = "0.1.0"
