"""`galley layouts`: the page grid templates, one per line with size and columns."""
from __future__ import annotations


def add_parser(sub):
    return sub.add_parser("layouts", help="list the page grid templates (size, columns, body type)")


def run(args) -> int:
    from galley.app.layout import list_layouts
    for g in list_layouts():
        print(g.describe() + ("\t(default)" if g.default else ""))
    return 0
