"""Extraction strategies: from articles to facts with a model, and ``summarize()``."""
