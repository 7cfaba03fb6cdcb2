"""The page grid templates and the composition rules (TOML): package data, found through
app.data."""
