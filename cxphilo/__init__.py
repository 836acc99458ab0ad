"""cxphilo: write, check and publish a customer service philosophy."""

from pathlib import Path

__version__ = "0.1.0"

# The philosophy file every command uses when none is named.
DEFAULT_FILE = Path("philosophy.yaml")
