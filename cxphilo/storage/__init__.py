"""Files: YAML with positions and comments, the atomic store, the settings."""
