"""Text analysis, deterministic: sentences and passages, names, dates, money, quote alignment."""
