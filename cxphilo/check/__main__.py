"""Regenerate the check's fast schema after a change to cxphilo/document/model.py.

python -m cxphilo.check
"""

from __future__ import annotations

import sys

from cxphilo.check import fastschema

changed = fastschema.write()
sys.stdout.write(f"{fastschema.SCHEMA_FILE}: {'updated' if changed else 'already up to date'}\n")
