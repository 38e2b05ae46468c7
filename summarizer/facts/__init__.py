"""Fact types, one module each, registered in :mod:`summarizer.facts.registry`; merging.

Adding a fact type: its schema model in ``schema.py``, a module here that registers its
:class:`~summarizer.facts.registry.FactSpec`, its prompt in ``prompts/`` and its cue words in
the passage cues. Nothing else lists the fact types.
"""

from . import agreement, invitation, meeting, participant, topic, trade  # noqa: F401  (they register)
