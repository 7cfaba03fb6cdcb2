"""`python -m app` runs the `galley` command line."""
from galley.app.cli import entry

entry()
