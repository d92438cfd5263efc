"""Golden test on the team's example story: what each outlet's noise is and which roles are found."""

from __future__ import annotations

from counterpoint.pipeline import compare

from .conftest import EXAMPLES


def test_example_story_cleaning() -> None:
    comparison = compare([EXAMPLES])
    by_outlet = {a.outlet: a for a in comparison.articles}
    removed = {outlet: sorted((r.reason, r.line) for r in a.removed) for outlet, a in by_outlet.items()}
    assert removed == {
        "meridian-wire": [("byline", 0), ("byline", 13), ("photo-credit", 7), ("teaser", 3)],
        "The Coastal Herald": [("advertisement", 7), ("newsletter", 9)],
        "Marovia State Broadcasting": [("duplicate", 4), ("teaser", 6)],
        "daily-forum": [("masthead", 0), ("newsletter", 12), ("share-prompt", 5)],
    }
    roles = {
        outlet: [(s.role, a.sentence_text(s)) for s in a.sentences if s.role != "body"]
        for outlet, a in by_outlet.items()
    }
    assert roles["meridian-wire"] == [("dateline", "PORT VESNA, March 12 (MPA)"), ("subhead", "Questions over safety")]
    assert roles["daily-forum"][0] == ("title", "Port Vesna inferno: 14 dead as the regime blames 'saboteurs'")
    assert roles["daily-forum"][1][0] == "dek"
    assert roles["daily-forum"][2] == ("subhead", "A leaked memo")
    assert roles["Marovia State Broadcasting"] == [("title", "Government vows firm response after port explosion")]
    assert by_outlet["The Coastal Herald"].published.isoformat() == "2025-03-12"
