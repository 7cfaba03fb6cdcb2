"""`python -m app` runs the `galley` command line."""
from app.cli import entry

entry()
