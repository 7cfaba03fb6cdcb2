"""`python -m app` runs the `galley` command line."""
import sys

from app.cli import main

sys.exit(main())
