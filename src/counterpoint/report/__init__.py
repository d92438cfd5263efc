"""Renderers of a :class:`~counterpoint.model.Comparison`: terminal summary, JSON report, HTML view."""
