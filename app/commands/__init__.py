"""Sub-commands of the `galley` CLI, one module each (`add_parser`, `run`)."""
