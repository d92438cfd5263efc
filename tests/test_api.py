from __future__ import annotations

import counterpoint


def test_public_api_is_pinned() -> None:
    assert sorted(counterpoint.__all__) == [
        "Article",
        "Claim",
        "CompareOptions",
        "Comparison",
        "ConfigError",
        "CounterpointError",
        "DigestSentence",
        "Entity",
        "FramingNote",
        "GoldFormatError",
        "IngestOptions",
        "InputError",
        "Mention",
        "MissingDependencyError",
        "Quantity",
        "Quote",
        "Rejection",
        "Removal",
        "Sentence",
        "Story",
        "__version__",
        "compare",
        "compare_articles",
        "ingest",
    ]
    for name in counterpoint.__all__:
        assert hasattr(counterpoint, name)


def test_errors_form_one_tree() -> None:
    for error in (
        counterpoint.InputError,
        counterpoint.ConfigError,
        counterpoint.GoldFormatError,
        counterpoint.MissingDependencyError,
    ):
        assert issubclass(error, counterpoint.CounterpointError)
