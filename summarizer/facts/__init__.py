"""Fact types and how per-passage facts become one summary (merging)."""
