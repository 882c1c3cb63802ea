"""The TOML data folder: reading, validating, atomic writes, locking, the index cache."""
