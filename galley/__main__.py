"""`python -m galley` runs the `galley` command line."""
from galley.app.cli import entry

entry()
