"""The scorer's extensions for multi-outlet gold: offset fragments checked against the text, and conflicts."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from counterpoint.errors import GoldFormatError
from counterpoint.evaluate import evaluate

TEXTS = {
    "a": "Quake hits Vela.\n\nThe quake struck 40 km west of Orno on Monday. Five people died.",
    "b": "Vela quake.\n\nThe quake struck 40 km south of Orno on Monday. Five people were killed.",
    "c": "Strong quake in Vela.\n\nThe quake struck 40 km west of Orno on Monday. Rescue teams arrived.",
}


def _sentence(key: str, text: str) -> dict[str, Any]:
    start = TEXTS[key].index(text)
    return {"id": f"{key}-{start}", "text": text, "role": "body", "start": start, "end": start + len(text)}


def _report(claims: list[dict[str, Any]]) -> dict[str, Any]:
    articles = []
    for key, text in TEXTS.items():
        body = text.split("\n\n")[1]
        sentences = [_sentence(key, s if s.endswith(".") else s + ".") for s in body.split(". ") if s]
        articles.append(
            {"id": key, "source": f"{key}.txt", "outlet": key, "text": text, "sentences": sentences, "removed": []}
        )
    return {"articles": articles, "claims": claims}


def _span(key: str, fragment: str) -> dict[str, int]:
    start = TEXTS[key].index(fragment)
    return {"start": start, "end": start + len(fragment)}


def _gold(sha1: dict[str, str] | None = None) -> dict[str, Any]:
    articles = {
        k: {"outlet": k, "sha1": (sha1 or {}).get(k, hashlib.sha1(t.encode()).hexdigest())} for k, t in TEXTS.items()
    }
    return {
        "format": "counterpoint-gold/1",
        "articles": articles,
        "shared_facts": [
            {
                "id": "died",
                "gist": "five dead",
                "support": {"a": [_span("a", "Five people died")], "b": [_span("b", "Five people were killed")]},
            },
        ],
        "unique": {"c": [_span("c", "Rescue teams arrived")]},
        "conflicts": [
            {
                "id": "bearing",
                "kind": "place",
                "severity": "hard",
                "claims": {
                    k: [_span(k, f"40 km {d} of Orno")] for k, d in (("a", "west"), ("b", "south"), ("c", "west"))
                },
                "values": {"a": "west", "b": "south", "c": "west"},
            }
        ],
    }


def test_offsets_are_resolved_against_the_reports_texts() -> None:
    report = _report([{"id": "c1", "status": "shared", "sentences": ["a-65", "b-61"]}])
    scores = evaluate(report, _gold())
    assert scores["alignment.facts_found"].found == 1 and scores["alignment.link_precision"].score == 1.0
    assert scores["alignment.unique_apart"].score == 1.0


def test_offsets_into_another_text_are_refused() -> None:
    with pytest.raises(GoldFormatError, match="sha1"):
        evaluate(_report([]), _gold(sha1={"a": "0" * 40}))


def test_a_conflict_is_found_only_with_two_sides_and_not_in_a_grab_bag() -> None:
    west_a, south_b, west_c = "a-18", "b-13", "c-23"
    two_sides = evaluate(_report([{"id": "k", "status": "conflicting", "sentences": [west_a, south_b]}]), _gold())
    assert two_sides["conflicts.hard_found"].score == 1.0 and two_sides["conflicts.precision"].score == 1.0
    one_side = evaluate(_report([{"id": "k", "status": "conflicting", "sentences": [west_a, west_c]}]), _gold())
    assert one_side["conflicts.hard_found"].found == 0 and one_side["conflicts.precision"].found == 0
    grab_bag = [west_a, south_b, "a-65", "b-61", "c-70"]
    mixed = evaluate(_report([{"id": "k", "status": "conflicting", "sentences": grab_bag}]), _gold())
    assert mixed["conflicts.hard_found"].found == 0


def test_digest_citations_count_when_they_state_what_the_told_sentence_states() -> None:
    def sid(key: str, text: str) -> str:
        return f"{key}-{TEXTS[key].index(text)}"

    died, killed, rescue = sid("a", "Five people died"), sid("b", "Five people were killed"), sid("c", "Rescue teams")
    report = _report([])
    report["digest"] = [
        # tells a's sentence: b's states the same fact, c's (a unique fact) does not
        {"text": "Five people died.", "sources": [died, killed, rescue], "status": "shared"},
        {"text": "Five people died.", "sources": [died], "status": "single-source"},  # one article: not scored
    ]
    score = evaluate(report, _gold())["digest.citations_state_all"]
    assert (score.found, score.total) == (1, 2)
