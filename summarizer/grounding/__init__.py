"""The grounding checker: every field of every fact verified against spans of the articles."""
