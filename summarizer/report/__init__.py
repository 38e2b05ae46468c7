"""Reports for people: terminal rendering and the self-contained HTML evidence page."""
