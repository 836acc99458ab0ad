"""Regenerate the check's fast schema after a change to cxphilo/model.py.

python -m cxphilo.checks
"""

from __future__ import annotations

import sys

from cxphilo.checks import fastschema

changed = fastschema.write()
sys.stdout.write(f"{fastschema.SCHEMA_FILE}: {'updated' if changed else 'already up to date'}\n")
