"""Framing notes, divergent wording, profiles and the digest on invented stories (runs the models)."""

from __future__ import annotations

import json
import re
from importlib import resources

from counterpoint.model import Comparison

from .conftest import compare_texts

STOP = set(
    "the a an of in on at to for and or but with by from as that this is are was were be been has have had it".split()
)


def notes(comparison: Comparison, outlet: str) -> set[tuple[str, str, str]]:
    article = next(a for a in comparison.articles if a.outlet == outlet)
    return {(n.kind, n.text, n.alternative) for n in comparison.framing if n.article_id == article.article_id}


def test_lexicon_families_are_well_formed() -> None:
    kinds = {"contested label", "contested place name", "qualifying label", "loaded adjective", "editorializing"}
    data = json.loads(resources.files("counterpoint").joinpath("data/framing.json").read_text("utf-8"))
    for family in data["families"]:
        assert family["terms"] and family["kind"] in kinds, family["referent"]
        for term in family["terms"]:
            # the plainer wording a note offers is never itself flagged by the same family
            assert not re.fullmatch(term, family["plain"], re.I), (family["referent"], term)


def test_notes_of_each_kind() -> None:
    comparison = compare_texts(
        'The "government" of Veltria claimed that the rebels had fled. The so-called ceasefire collapsed.\n'
        "Extremist settlers attacked the village, and the regime did not fail, yet again, to blame the rebels.\n"
        "Soldiers of the occupation army were martyred in the clashes, according to the ministry."
    )
    found = notes(comparison, "Outlet 0")
    kinds = {kind for kind, _, _ in found}
    assert kinds >= {
        "scare quotes",
        "doubt-casting attribution",
        "loaded adjective",
        "contested label",
        "editorializing",
    }
    assert ("doubt-casting attribution", "claimed that the rebels", "said that the rebels") in found
    assert ("editorializing", "did not fail, yet again, to blame", "blamed") in found
    assert ("loaded adjective", "Extremist settlers", "settlers") in found
    assert ("contested label", "regime", "government") in found


def test_partial_quotes_and_quoted_speech_are_not_the_outlets_framing() -> None:
    comparison = compare_texts(
        'The minister said the plan was "workable" and would be signed soon.\n'
        '"The regime will fall and the martyrs will be avenged," the rebel commander said.'
    )
    assert notes(comparison, "Outlet 0") == set()


def test_swapping_outlets_texts_swaps_their_notes() -> None:
    first = 'Troops entered "Veltria" on Monday, the so-called army of the regime said.'
    second = "Veltrian forces entered the border town on Monday, the government said."
    a = compare_texts(first, second)
    b = compare_texts(second, first)
    strip = lambda found: {(kind, text) for kind, text, _ in found}  # noqa: E731
    assert strip(notes(a, "Outlet 0")) == strip(notes(b, "Outlet 1")) != set()
    assert strip(notes(a, "Outlet 1")) == strip(notes(b, "Outlet 0"))


def test_divergent_wording_is_discovered_from_aligned_sentences() -> None:
    comparison = compare_texts(
        "Negotiators in Doha discussed a deal for the release of the hostages held in the tunnels on Monday.",
        "Negotiators in Doha discussed a deal for the release of the captives held in the tunnels on Monday.",
    )
    pairs = {frozenset(text.lower() for _, text, _ in w.variants) for w in comparison.wording}
    assert frozenset({"hostages", "captives"}) in pairs


def test_profiles_count_who_is_quoted() -> None:
    comparison = compare_texts(
        "Foreign Minister Dana Kovac said the talks would resume. Kovac added that she was hopeful.",
        "Rebel spokesman Idris Malo said the talks were a trap.",
    )
    profile = {p.outlet: p for p in comparison.profiles}
    assert [(q.speaker, q.count) for q in profile["Outlet 0"].quoted] == [("Dana Kovac", 2)]
    assert [q.speaker for q in profile["Outlet 1"].quoted] == ["Idris Malo"]


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2]


def test_digest_cites_sources_and_says_nothing_they_do_not() -> None:
    comparison = compare_texts(
        "A storm flooded the old town of Merav on Sunday, killing 6 people, officials said.\n"
        "Rescue crews evacuated 300 residents from the riverside districts.\n"
        "The regime rushed to blame the weather service for the late warning.",
        "Floods swept through the old town of Merav on Sunday and killed 6 people, officials said.\n"
        "Crews evacuated some 300 residents from districts along the river.\n"
        "The mayor said the drainage system had not been repaired since 2010.",
        "Six people died when floods hit Merav's old town on Sunday.\n"
        "The national weather service said its warning had been issued on time.",
    )
    text_of = {s.sentence_id: a.sentence_text(s) for a in comparison.articles for s in a.sentences}
    assert comparison.digest
    statuses = [d.status for d in comparison.digest]
    assert statuses[0] in ("shared", "revised")
    order = ("shared", "revised", "other-source", "disputed", "single-source")
    assert statuses == sorted(statuses, key=order.index)
    for sentence in comparison.digest:
        assert sentence.sources and all(s in text_of for s in sentence.sources)
        cited = set(content_words(" ".join(text_of[s] for s in sentence.sources)))
        words = content_words(sentence.text)
        absent = [w for w in words if w not in cited]
        assert len(absent) <= 0.1 * len(words), (sentence.text, absent)
        assert "regime" not in sentence.text


def test_the_digest_keeps_voices_and_never_tells_a_question() -> None:
    comparison = compare_texts(
        "Minister Lena Dorn visited the flooded town of Kessa on Tuesday.\n"
        '"We will rebuild every school in the valley before the winter," she said.\n'
        "Is the government doing enough to protect the valley from the next flood?",
        "Minister Lena Dorn toured Kessa on Tuesday after the floods.\n"
        '"We will rebuild every school in the valley before the winter," she said.\n'
        "Is the government doing enough to protect the valley from the next flood?",
    )
    told = [d.text for d in comparison.digest]
    assert not any(t.rstrip('"\u201d ').endswith("?") for t in told)
    [quoted] = [t for t in told if "rebuild every school" in t]
    assert "Dorn said" in quoted and quoted.count('"') % 2 == 0  # the speaker named, the marks kept
    assert "she said" not in quoted


def test_judging_verbs_are_flagged_only_as_verbs() -> None:
    comparison = compare_texts(
        "The blast destroyed the warehouse. Senator Ruth Amsel slammed the port's safety record."
    )
    assert notes(comparison, "Outlet 0") == {("editorializing", "slammed", "criticized")}


def test_profiles_give_the_affiliation_a_speaker_is_described_with() -> None:
    comparison = compare_texts(
        "Egyptian Foreign Minister Dana Kovac said the talks would resume.\nA French official said the plan was ready."
    )
    [profile] = comparison.profiles
    assert {(q.speaker, q.affiliation) for q in profile.quoted} == {
        ("Dana Kovac", "Egypt"),
        ("A French official", "France"),
    }
