"""The philosophy document: its model, its steps, the metric catalogue."""
