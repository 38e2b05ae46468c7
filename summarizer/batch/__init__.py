"""The batch service: an inbox of articles grouped into events, summarised, with SQLite state."""
