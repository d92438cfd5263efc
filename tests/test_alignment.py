"""Claim alignment and conflicts on short invented stories (runs spaCy and MiniLM)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from counterpoint import pipeline
from counterpoint.embed import hashed_word_tokens
from counterpoint.linking import FEATURES, candidate_pairs, idf_of, token_match
from counterpoint.model import Claim, Comparison
from counterpoint.nlp import load_nlp, parse_articles
from counterpoint.stages import units as claim_units
from counterpoint.stages.ingest import article_from_text
from counterpoint.stages.units import VERB_MARK, Unit, UnitContext

from .conftest import compare_texts


def conflicting(*texts: str) -> list[Claim]:
    """The conflicting claims of a comparison of invented articles, one outlet each."""
    return [c for c in compare_texts(*texts).claims if c.status == "conflicting"]


def difference(a: str, b: str) -> tuple[str, str, str] | None:
    """What two whole sentences of two outlets disagree on, as the conflicts stage compares two units: (kind,
    value of a, value of b), or None."""
    from counterpoint.stages.conflicts.differences import _difference
    from counterpoint.stages.conflicts.slots import _slots

    units = [Unit("a", "a-s0", 0, len(a), a, frozenset(), True), Unit("b", "b-s0", 0, len(b), b, frozenset(), True)]
    return _difference(*units, _slots(units[0], {}), _slots(units[1], {}), ({}, {}), set(), set())


def claims_with(comparison: Comparison, *needles: str) -> list[Claim]:
    text = {s.sentence_id: a.sentence_text(s) for a in comparison.articles for s in a.sentences}
    return [c for c in comparison.claims if all(any(n in text[sid] for sid in c.sentence_ids) for n in needles)]


def test_paraphrases_align_and_topic_neighbours_do_not() -> None:
    comparison = compare_texts(
        "The foreign minister met the president of Veltria in the capital on Monday.\n"
        "The minister later visited a refugee camp near the northern border.",
        "Veltria's president held talks with the visiting foreign minister on Monday.\n"
        "The minister was booed by protesters outside the parliament building.",
    )
    [met] = claims_with(comparison, "met the president", "held talks")
    assert met.status == "shared" and len(met.outlets) == 2
    [link] = met.links
    assert link.cosine > 0.5 and {link.sentence_a, link.sentence_b} == set(met.sentence_ids)
    assert "Veltria" in " ".join(link.entities)
    assert not claims_with(comparison, "refugee camp", "booed by protesters")


def test_every_body_sentence_is_in_a_claim() -> None:
    comparison = compare_texts(
        "Floods closed the coastal road on Sunday. Schools stayed shut.",
        "Heavy rain flooded the coastal road on Sunday. A bridge collapsed in the north.",
    )
    covered = {sid for c in comparison.claims for sid in c.sentence_ids}
    body = {s.sentence_id for a in comparison.articles for s in a.body()}
    assert body <= covered
    for claim in comparison.claims:
        if claim.status == "unique":
            assert len(claim.sentence_ids) == 1 and len(claim.outlets) == 1


def test_revised_toll_is_a_revision_not_a_conflict() -> None:
    comparison = compare_texts(
        "A landslide in the village of Orsk killed 9 people on Tuesday, officials said.",
        "The landslide in Orsk killed 11 people, officials said on Wednesday, raising an earlier toll of 9.",
    )
    [claim] = [c for c in comparison.claims if c.kind in ("revision", "number")]
    assert claim.status == "shared" and claim.kind == "revision"
    assert "9" in claim.note and "11" in claim.note
    assert set(claim.values) == {"Outlet 0", "Outlet 1"}


def test_a_revised_figure_in_the_digest_cites_the_outlets_that_give_it() -> None:
    comparison = compare_texts(
        "A landslide in the village of Orsk killed 9 people on Tuesday, officials said.",
        "A landslide in the village of Orsk killed 9 people on Tuesday, the regional governor said.",
        "The landslide in Orsk killed 11 people, officials said on Wednesday, raising an earlier toll of 9.",
    )
    [claim] = [c for c in comparison.claims if c.kind == "revision"]
    [line] = [d for d in comparison.digest if d.status == "revised"]
    assert len({claim.values[outlet].split(";")[0] for outlet in line.outlets}) == 1  # one figure, its givers
    assert len(line.outlets) < len(claim.values)  # not the outlet that gave the other figure


def test_ships_held_by_pirates_are_no_arrests() -> None:
    comparison = compare_texts(
        "The navy arrested 23 pirates off the coast of Orsk on Saturday.",
        "The navy arrested pirates off the coast of Orsk on Saturday. At least 17 of the hijacked ships are still "
        "being held by the pirates off the coast of Orsk.",
    )
    assert not [c for c in comparison.claims if c.kind in ("revision", "number")]


def test_different_figures_without_explanation_conflict() -> None:
    comparison = compare_texts(
        "The earthquake killed 40 people in the valley.",
        "The earthquake killed 25 people in the valley.",
    )
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]
    assert claim.kind == "number"
    assert claim.values["Outlet 0"].startswith("40") and claim.values["Outlet 1"].startswith("25")


def test_conflicting_values_read_as_the_outlets_write_them() -> None:
    day = compare_texts(
        "The ferry to Orno capsized near the harbour on Wednesday evening, the coast guard said.",
        "The ferry to Orno capsized near the harbour on Tuesday evening, the coast guard said.",
    )
    [claim] = [c for c in day.claims if c.status == "conflicting"]
    assert claim.kind == "date" and set(claim.values.values()) == {"Wednesday", "Tuesday"}
    houses = compare_texts(
        "The flood near Orno damaged 120 houses along the river on Monday, officials said.",
        "The flood near Orno damaged 80 houses along the river on Monday, officials said.",
    )
    [claim] = [c for c in houses.claims if c.status == "conflicting"]
    assert set(claim.values.values()) == {"120 houses", "80 houses"}


def test_one_disagreement_is_told_once() -> None:
    comparison = compare_texts(
        "The ferry to Orno capsized near the harbour on Wednesday evening, and the coast guard rescued 40 "
        "passengers from the water before midnight.",
        "The ferry to Orno capsized near the harbour on Tuesday evening, and the coast guard rescued 40 "
        "passengers from the water before midnight.",
    )
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]  # not once more for its clause
    assert claim.kind == "date" and set(claim.values.values()) == {"Wednesday", "Tuesday"}
    years = compare_texts(
        "The ferry to Orno capsized near the harbour on Wednesday evening, and the coast guard rescued 40 "
        "passengers from the water in 2019.",
        "The ferry to Orno capsized near the harbour on Tuesday evening, and the coast guard rescued 40 "
        "passengers from the water in 2018.",
    )
    told = {frozenset(c.values.values()) for c in years.claims if c.status == "conflicting"}
    assert {frozenset({"Wednesday", "Tuesday"}), frozenset({"2019", "2018"})} <= told  # two disagreements


def test_undated_tolls_that_differ_may_be_revisions() -> None:
    comparison = compare_texts(
        "The earthquake killed 40 people in the valley.",
        "The earthquake killed 25 people in the valley.",
        published=None,
    )
    [claim] = [c for c in comparison.claims if c.kind]
    assert claim.kind == "revision" and claim.status == "shared"
    assert "day is unknown" in (claim.note or "")


def test_an_earlier_events_toll_is_background_not_a_figure_to_compare() -> None:
    comparison = compare_texts(
        "The earthquake killed 40 people in the valley. In 2004 a tsunami killed 230,000 people.",
        "The earthquake killed 40 people in the valley, officials said.",
        "The earthquake killed 40 people. In 2009 an earthquake near the coast killed more than 1,000 people.",
    )
    [claim] = [c for c in comparison.claims if c.kind]
    assert claim.kind == "number" and claim.status == "shared" and ": 40, the same in all " in (claim.note or "")


def test_without_dates_the_latest_year_named_is_background_too() -> None:
    # the articles carry no date: the story happens after every year they name, whose figures are background
    comparison = compare_texts(
        "The earthquake killed 40 people in the valley on Monday. Some 2,000 people died in the civil war of "
        "1983-2005.",
        "The earthquake killed 40 people in the valley on Monday, officials said.",
        "The earthquake killed 40 people on Monday. The war from 1983 to 2005 killed 2,000 people in the valley.",
        published=None,
    )
    [claim] = [c for c in comparison.claims if c.kind]
    assert claim.kind == "number" and ": 40, the same in all " in (claim.note or "")


def test_a_figure_told_right_after_an_earlier_event_is_that_events() -> None:
    comparison = compare_texts(
        "The earthquake killed 40 people in the valley on Monday. In April last year a quake struck off the "
        "coast. Fifty people were killed in the quake and its aftershocks.",
        "The earthquake killed 40 people in the valley on Monday, officials said.",
        "Monday's earthquake killed 40 people in the valley. A quake two years ago killed 12 people.",
    )
    [claim] = [c for c in comparison.claims if c.kind]
    assert claim.kind == "number" and ": 40, the same in all " in (claim.note or "")


def test_outlets_giving_one_figure_of_any_measure_share_a_claim() -> None:
    comparison = compare_texts(
        # a clock time as tokenised sources write it
        "A 6.1-magnitude earthquake struck the Orno valley at 8 : 45 p. m. on Monday. Three villages lost power.",
        "The quake, of magnitude 6.1, hit the Orno valley at 8 : 45 p. m. on Monday. Three villages were left dark.",
        "A strong earthquake measuring 6.1 shook the Orno valley on Monday, seismologists said.",
    )
    [claim] = [c for c in comparison.claims if c.kind == "number"]
    assert claim.status == "shared" and ": 6.1, the same in all " in (claim.note or "")
    assert len({unit.article_id for unit in claim.units}) == 3
    # "three" villages is no figure to bind outlets by: a story's small counts come up in many statements
    assert not [c for c in comparison.claims if c.kind == "number" and ": 3, the same in all " in (c.note or "")]
    # nor are the minutes of a clock time a figure
    assert not [c for c in comparison.claims if ": 45, the same in all " in (c.note or "")]


def test_a_sum_all_outlets_give_is_told_with_its_currency() -> None:
    comparison = compare_texts(
        "The fire at the Orno church on Friday caused $1 million in damage, the fire chief said.",
        "Friday's fire caused an estimated $1 million in damage to the Orno church, the chief said.",
        "The fire chief said the blaze at the Orno church on Friday did $1 million in damage.",
    )
    [claim] = [c for c in comparison.claims if c.kind == "number"]
    assert (claim.note or "").startswith("damage: $1,000,000, the same in all ")


def test_a_figure_all_outlets_give_is_told_with_the_unit_they_all_write() -> None:
    def storm(unit: str) -> tuple[str, str]:
        said = f"The storm dumped 30 {unit} of snow on Varn, the weather service said."
        return f"Storm hits Varn\n\nA storm hit Varn on Monday. {said}", f"Varn snow\n\nSnow fell on Varn. {said}"

    [claim] = [c for c in compare_texts(*storm("centimeters")).claims if c.kind == "number"]
    assert (claim.note or "").startswith("snow dumped: 30 centimeters, the same in all 2 outlets")
    [claim] = [c for c in compare_texts(storm("centimeters")[0], storm("cm")[1]).claims if c.kind == "number"]
    assert (claim.note or "").startswith("snow dumped: 30, the same in all 2 outlets")  # written two ways: no unit


def test_a_figure_claim_cites_each_outlets_sentence_closest_to_the_others() -> None:
    import numpy as np

    from counterpoint.model import Quantity
    from counterpoint.stages.conflicts.figures import _Figure, _per_outlet

    def figure(outlet: str, sentence: str, value: float = 14) -> _Figure:
        return _Figure(Quantity(outlet, sentence, 0, 2, "14", value, "workers killed"), outlet, "killed", "cumulative")

    lead, aside = np.array([1.0, 0.0]), np.array([0.6, 0.8])
    vectors = {"a-aside": aside, "a-lead": lead, "b-lead": lead, "c-lead": np.array([0.9, 0.436])}
    group = [figure("a", "a-aside"), figure("a", "a-lead"), figure("b", "b-lead"), figure("c", "c-lead")]
    chosen = {f.outlet: f.quantity.sentence_id for f in _per_outlet(group, vectors)}
    assert chosen == {"a": "a-lead", "b": "b-lead", "c": "c-lead"}  # not the first line that gives the figure
    assert _per_outlet([*group, figure("a", "a-aside", 15)], vectors)[0].quantity.value == 15  # the latest toll


def test_a_part_of_a_toll_is_not_a_toll() -> None:
    comparison = compare_texts(
        "The earthquake killed 40 people in the valley on Monday. Two other people died in hospital later.",
        "The earthquake killed 40 people in the valley on Monday, officials said.",
        "Monday's earthquake killed 40 people in the valley. Some 50 people were seriously injured.",
        "Monday's earthquake in the valley killed 40 people and injured 200, officials said.",
    )
    claims = [c for c in comparison.claims if c.kind]
    killed = [c.note for c in claims if "killed" in (c.note or "")]
    assert killed == ["killed (cumulative): 40, the same in all 4 outlets that give it"]
    assert not any("injured" in (c.note or "") for c in claims)  # 50 seriously injured is a part of the 200


def test_figures_from_different_authorities_are_other_source() -> None:
    comparison = compare_texts(
        "According to the Health Ministry, the clashes killed 30 people.",
        "According to the Red Crescent, the clashes killed 45 people.",
    )
    [claim] = [c for c in comparison.claims if c.kind]
    assert claim.kind == "other-source" and claim.status == "shared"


def test_a_daily_count_is_not_compared_with_a_total() -> None:
    comparison = compare_texts(
        "During the past 24 hours, strikes killed 12 people, the ministry said.",
        "Strikes have killed 3,400 people since the war began, the ministry said.",
    )
    assert not [c for c in comparison.claims if c.status == "conflicting"]


def test_omissions_list_shared_claims_an_outlet_leaves_out() -> None:
    comparison = compare_texts(
        "The dam burst at dawn on Friday. Rescue teams reached the town by noon.",
        "The dam burst early on Friday morning. Rescue teams arrived in the town at midday.",
        "The dam burst at dawn on Friday.",
    )
    [rescue] = claims_with(comparison, "Rescue teams")
    assert rescue.status == "shared"
    assert rescue.claim_id in comparison.omissions["Outlet 2"]
    assert rescue.claim_id not in comparison.omissions["Outlet 0"]


def test_token_matching_finds_paraphrases_that_share_no_word() -> None:
    from counterpoint.embed import CachingEmbedder, load_embedder, vectors_and_tokens

    texts = [
        "Residents ran out of their houses in panic.",  # article a
        "Firefighters closed the coastal road.",  # article a
        "People rushed from their homes, terrified.",  # article b
        "The mayor will visit the harbour next week.",  # article b
    ]
    units = [
        Unit(article, f"s{i}", 0, len(t), t, frozenset(), True)
        for i, (article, t) in enumerate(zip("aabb", texts, strict=True))
    ]
    # wrapped twice (as a caller's caching embedder inside the pipeline's): still the model's tokens
    embedder = CachingEmbedder(CachingEmbedder(load_embedder()))
    matched = token_match(units, vectors_and_tokens(embedder, texts)[1])
    assert matched[0, 2] > matched[0, 3] + 0.1 and matched[0, 2] > matched[1, 2] + 0.1
    assert abs(matched[0, 2] - matched[2, 0]) < 1e-6  # an F1: symmetric


def test_pair_features_follow_their_definitions() -> None:
    units = [
        Unit("a1", "s1", 0, 10, "x", frozenset({"W:deal", "E:e1", "N:14"}), True),
        Unit("a1", "s2", 0, 10, "x", frozenset({"W:tuesda", "E:e2"}), True),
        Unit("a2", "s3", 0, 10, "x", frozenset({"W:deal", "E:e1", "N:12"}), True),
        Unit("a2", "s4", 0, 10, "x", frozenset({"W:tuesda", "E:e2", "W:storm"}), True),
    ]
    vectors = np.eye(4, dtype=np.float32)[[0, 1, 0, 1]]  # s1 = s3, s2 = s4
    idf = idf_of(units)
    tokens = [hashed_word_tokens(t) for t in ("deal signed", "storm", "deal signed", "storm hit")]
    found = candidate_pairs(units, vectors, idf, {"s1": {"st1"}, "s3": {"st1"}}, tokens)
    pairs = {(int(a), int(b)): row for a, b, row in zip(found.a, found.b, found.features, strict=True)}
    assert set(pairs) == {(0, 2), (1, 3)}  # different articles, close or sharing a content word
    row = dict(zip(FEATURES, pairs[(0, 2)], strict=True))
    shared = idf["W:deal"] + idf["E:e1"]
    total = sum(idf[t] for t in units[0].tokens) + sum(idf[t] for t in units[2].tokens)
    assert abs(row["overlap"] - 2 * shared / total) < 1e-6
    assert row["cosine"] == 1.0 and row["same_quote"] == 1.0 and row["best_both"] == 1.0
    assert row["number_differs"] == 1.0 and row["number_shared"] == 0.0  # 14 against 12
    assert dict(zip(FEATURES, pairs[(1, 3)], strict=True))["number_differs"] == 0.0
    assert abs(row["token_match"] - 1.0) < 1e-5  # the same words
    assert 0.0 < dict(zip(FEATURES, pairs[(1, 3)], strict=True))["token_match"] < 1.0  # one word of two


def test_claims_are_cohesive_units_with_evidence_spans() -> None:
    comparison = compare_texts(
        "A ferry sank off Varna on Monday. All 40 passengers were rescued by fishing boats.",
        "The ferry went down near Varna on Monday. Fishing boats rescued all 40 passengers.",
        "A ferry sank off the coast of Varna on Monday.",
    )
    [sank] = claims_with(comparison, "ferry sank off Varna", "went down near Varna")
    assert len(sank.outlets) == 3 and sank.cohesion is not None and sank.cohesion >= 0.5
    text = {a.article_id: a.text for a in comparison.articles}
    for unit in sank.units:  # each outlet once, its evidence a span of the sentence the claim lists
        assert unit.sentence_id in sank.sentence_ids and text[unit.article_id][unit.start : unit.end].strip()
    assert len({u.article_id for u in sank.units}) == len(sank.units)
    assert len(sank.links) <= len(sank.units)  # the links that explain each member, not every pair


def test_a_sentence_carried_word_for_word_is_judged_once_and_shared() -> None:
    copy = "The port will stay closed until the storm passes, the harbour master said."
    comparison = compare_texts(
        f"Storm hits Varna.\n{copy}", f"Storm closes Varna.\n{copy}", f"Varna braces for storm.\n{copy}"
    )
    [claim] = claims_with(comparison, "stay closed until the storm passes")
    assert len(claim.outlets) == 3 and len(claim.copies) == 2
    assert claim.independent_outlets() == 1


def test_the_same_quote_given_to_different_speakers_is_an_attribution_conflict() -> None:
    comparison = compare_texts(
        '"We will not accept a ceasefire that leaves our towns undefended," Defence Minister Avi Lerner said.',
        '"We will not accept a ceasefire that leaves our towns undefended," army chief Dov Ashkenazi said.',
    )
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]
    assert claim.kind == "attribution"
    assert set(claim.values.values()) == {"Avi Lerner", "Dov Ashkenazi"}


def test_short_quoted_words_of_one_claim_given_to_two_people_are_an_attribution_conflict() -> None:
    # six quoted words: too few to be a statement on their own, but both sentences state one thing
    said = 'Rail services in Orvia will stay suspended "until the end of the month," {} said on Monday.'
    comparison = compare_texts(said.format("transport minister Ana Velez"), said.format("union leader Piet Maron"))
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]
    assert claim.kind == "attribution"
    assert set(claim.values.values()) == {"Ana Velez", "Piet Maron"}
    # a ministry and its minister speak with one voice
    comparison = compare_texts(said.format("transport minister Ana Velez"), said.format("the Transport Ministry"))
    assert not [c for c in comparison.claims if c.status == "conflicting"]


def test_different_places_for_the_same_event_conflict() -> None:
    comparison = compare_texts(
        "The two leaders signed the water-sharing agreement in Geneva on Thursday after months of talks.",
        "The two leaders signed the water-sharing agreement in Vienna on Thursday after months of talks.",
    )
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]
    assert claim.kind == "place" and set(claim.values.values()) == {"Geneva", "Vienna"}


def test_claim_ids_are_unique() -> None:
    comparison = compare_texts(
        "The envoy discussed the need to avoid a wider war and updated the king on efforts to secure a lasting peace.",
        "He discussed with the king the need to avoid a wider war and updated him on efforts to secure lasting peace.",
    )
    ids = [c.claim_id for c in comparison.claims]
    assert len(ids) == len(set(ids))


def units_of(comparison: Comparison) -> list[list[Unit]]:
    """Each article's claim units."""
    parsed = parse_articles(comparison.articles)
    context = UnitContext.of(comparison)
    return [claim_units.claim_units(a, parsed[a.article_id], context) for a in comparison.articles]


def _core(sentence: str) -> str:
    return " ".join(t.text for t in claim_units.content_core(list(load_nlp()(sentence))))


def test_the_content_core_drops_who_reports_it() -> None:
    assert (
        _core("The mayor also stressed the urgent need to repair the flood barriers, according to a statement.")
        == "the urgent need to repair the flood barriers"
    )
    assert _core('"Repairs will start next week," the council said.') == "Repairs will start next week"
    assert _core("The opposition claimed that the repairs had been delayed.") == "the repairs had been delayed"
    assert (
        _core("The union called for an independent inquiry into the blast.") == "an independent inquiry into the blast"
    )
    # judging verbs are claims themselves, and a sentence of several clauses keeps them all
    assert _core("The minister accused the union of sabotage.").startswith("The minister accused")
    assert _core("The mayor said repairs would start, but residents remain angry.").startswith("The mayor said")


def test_verbs_and_nouns_are_different_concept_tokens() -> None:
    comparison = compare_texts("The unions will deal with the port authority directly.", "The unions signed a deal.")
    tokens = [{t for u in units for t in u.tokens} for units in units_of(comparison)]
    assert f"W:deal{VERB_MARK}" in tokens[0] and "W:deal" in tokens[1]
    assert not claims_with(comparison, "deal with", "signed a deal")


def test_no_claim_units_inside_an_embedded_question() -> None:
    comparison = compare_texts(
        "Engineers disagree on whether the old dam would hold or collapse under the weight of the flood water."
    )
    [units] = units_of(comparison)
    # "collapse" only ever in a unit that keeps the whole question
    assert all("whether the old dam would hold or collapse" in u.text for u in units if "collapse" in u.text)


def test_a_unit_keeps_the_closing_bracket_it_opens() -> None:
    comparison = compare_texts(
        "The tremor struck at a depth of 10 kilometres (6 miles) and its centre lay 40 kilometres (25 miles) "
        "south of the port, the survey said."
    )
    [units] = units_of(comparison)
    clauses = [u.text for u in units if not u.whole]
    assert any(t.endswith("(6 miles)") for t in clauses)
    assert all(t.count("(") == t.count(")") for t in clauses)


def test_the_same_fact_attributed_differently_aligns() -> None:
    comparison = compare_texts(
        "Agriculture Minister Lena Dorn met farmers' union leaders in Kessa on Tuesday.\n"
        "Speaking to reporters after a cabinet meeting in the capital, Dorn also stressed the urgent need to "
        "increase water rations for the villages.\n"
        "The drought has lasted for eleven months.",
        "Dorn's visit to Kessa was her third this year, her spokesman said.\n"
        '"The minister discussed the improvement in the delivery of water to the villages since her visit in '
        'March," her spokesman Piet Varga told the Kessa Courier.\n'
        "Farmers in the region have lost most of their wheat.",
    )
    [water] = claims_with(comparison, "stressed the urgent need", "discussed the improvement")
    assert water.status == "shared" and len(water.outlets) == 2
    assert not claims_with(comparison, "eleven months", "lost most of their wheat")


def test_relative_clauses_that_assert_are_claim_units() -> None:
    comparison = compare_texts(
        "Hundreds of striking nurses who marched to the health ministry on Friday were met with water cannon.\n"
        "The inquiry into the fire that destroyed the old market in March has been delayed."
    )
    [units] = units_of(comparison)
    texts = {u.text for u in units}
    assert "Hundreds of striking nurses marched to the health ministry on Friday" in texts
    assert "Hundreds of striking nurses were met with water cannon" in texts
    assert not any(t.startswith("the fire destroyed") for t in texts)  # background inside a phrase


def test_a_truncated_article_still_aligns_what_it_has() -> None:
    comparison = compare_texts(
        "A storm closed the port of Varna on Monday, the harbour master said.\n"
        "Three ships were stranded outside the breakwater.\n"
        "Officials said the port would reopen on Wednesday if the",
        "The harbour master closed Varna's port on Monday as a storm hit the coast.\n"
        "Officials expect the port to reopen on Wednesday.\n"
        "Fishermen said they had lost a week of",
    )
    [reopen] = claims_with(comparison, "would reopen on Wednesday if the", "expect the port to reopen")
    assert reopen.status == "shared"
    assert claims_with(comparison, "closed the port of Varna", "closed Varna's port")
    assert not claims_with(comparison, "stranded", "lost a week")


def test_a_denial_conflicts_only_with_a_statement_of_the_same_thing() -> None:
    denied = compare_texts(
        "The ferry did not capsize near the harbour of Palo on Monday evening, the coast guard said.",
        "The ferry capsized near the harbour of Palo on Monday evening, the coast guard said.",
    )
    [claim] = [c for c in denied.claims if c.status == "conflicting"]
    assert claim.kind == "negation"
    unrelated = compare_texts(
        "No one was hurt in the fire, which started on Friday night while a group of pupils and two teachers "
        "were inside the Palo school.",
        "The fire started on Friday night while a group of pupils and two teachers were inside the Palo school.",
    )
    assert [c for c in unrelated.claims if c.status == "shared"]
    assert not [c for c in unrelated.claims if c.status == "conflicting"]


def test_places_named_together_elsewhere_are_not_a_conflict() -> None:
    first = "Flooding closed the coastal highway and two bridges in Tampa after a night of heavy rain, police said."
    second = "Flooding closed the coastal highway and two bridges in Orlando after a night of heavy rain, police said."
    [claim] = conflicting(first, second)
    assert claim.kind == "place"
    near = compare_texts(first, second + "\nTampa and Orlando had more rain overnight than in any week this year.")
    assert not [c for c in near.claims if c.status == "conflicting"]


def test_a_place_inside_another_is_no_conflict() -> None:
    from counterpoint.places import nested

    assert nested("Manhattan", "New York") and nested("Manhattan", "New York City")  # a borough, one spot
    assert nested("Tampa", "Florida") and nested("Athens", "Greece") and nested("Banda Aceh", "Indonesia")
    assert not nested("Tampa", "Orlando") and not nested("Brooklyn", "Manhattan") and not nested("Greece", "Italy")
    assert not nested("Kelmor", "Florida")  # unknown to GeoNames: the callers' own evidence decides
    # a US state as news style abbreviates it after a city is that state ("Springfield, Mo.", "Santa Rosa, Calif.")
    assert nested("Missouri", "Mo.") and nested("Santa Rosa", "Calif.") and not nested("Kansas", "Mo.")
    first = "Flooding closed the coastal highway and two bridges in Tampa after a night of heavy rain, police said."
    second = "Flooding closed the coastal highway and two bridges in Florida after a night of heavy rain, police said."
    assert not conflicting(first, second)


def test_what_a_question_asks_a_decade_and_a_delay_state_no_rival_value() -> None:
    offer = "The Orno Pikes offered the striker an eight-year deal worth $23 million a season."
    assert conflicting(offer, "The Orno Pikes offered the striker an eight-year deal worth $25 million a season.")
    assert not conflicting(offer, "Should the Orno Pikes go higher than $25 million a season for the striker?")
    # a decade holds the year
    founded = "The Varna gang was founded in {} by Lucky Orno, a dock worker from the harbour district."
    assert conflicting(founded.format("1931"), founded.format("1934"))
    assert not conflicting(founded.format("the 1930's"), founded.format("1931"))
    # "not ... until" tells when it happened, not that it did not
    rescue = "Three climbers stranded with Rob Dane on Mount Orno {} after a night on the mountain."
    assert not conflicting(rescue.format("could not be rescued until the morning"), rescue.format("were rescued"))
    # a unit that holds both of two opposite verbs tells both ("fell ... while climbing"), and denies nothing
    climb = "Rob Dane was climbing to a small hut on Mount Orno on Saturday, police said."
    fell = "Rob Dane fell about 600 metres while climbing to a small hut on Mount Orno on Saturday, police said."
    assert not conflicting(climb, fell)


def test_a_plea_and_a_refusal_told_in_another_clause_deny_nothing() -> None:
    # the accused's answer to a charge leaves the charge, the trial and the verdict standing
    guilty = "An Orno man was found {} on Thursday of two murder charges over the deaths of a Varna woman and her son."
    pleaded = "An Orno man has pleaded not guilty to two murder charges over the deaths of a Varna woman and her son."
    assert not conflicting(pleaded, guilty.format("guilty"))
    assert conflicting(guilty.format("not guilty"), guilty.format("guilty"))  # a verdict against a verdict
    # "denied the offer" agrees with an account whose sentence says, after the offer, that it was refused
    offered = "Tom Varn had offered to plead guilty in return for life in prison, but prosecutors had refused."
    denied = "The prosecutor denied a Tom Varn offer a year ago to plead guilty in exchange for life in prison."
    assert not conflicting(offered, denied)


def test_counts_over_different_stated_periods_are_two_counts() -> None:
    yards = "Ray Dunn has {} rushing yards and two touchdowns for the Orno Pikes{}."
    assert conflicting(yards.format(189, " in his last two games"), yards.format(210, " in his last two games"))
    # the period may open the sentence, outside the clause that gives the count
    since = "Since Week 11, " + yards.format(498, "")
    assert not conflicting(since, yards.format(189, " in his last two games"))
    assert not conflicting(yards.format(258, " this season"), yards.format(189, " in his last two games"))


def test_dates_one_outlet_tells_apart_are_two_events_not_a_conflict() -> None:
    first = "A ferry from Orno to Varna was delayed for two hours in September after its engine failed."
    second = "A ferry from Orno to Varna was delayed for two hours in December after its engine failed."
    [claim] = conflicting(first, second)
    assert claim.kind == "date"
    both = (
        "A ferry from Orno to Varna was delayed for three hours in September after its engine failed, officials said."
    )
    told_apart = compare_texts(first, second, "The harbour reopened on Monday.\n" + both + "\n" + second)
    assert not [c for c in told_apart.claims if c.status == "conflicting" and c.kind == "date"]


def test_a_text_longer_than_any_article_is_compared_in_part_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_COMPARED_CHARS", 120)
    long_text = "A storm closed the port of Varna on Monday.\n" + "\n".join(
        f"Paragraph {n} of a very long page about the harbour and the storm." for n in range(40)
    )
    comparison = compare_texts(long_text, "The harbour master closed Varna's port on Monday as a storm hit.")
    [notice] = comparison.rejected
    assert "compared the first" in notice.reason and "not compared" in notice.reason
    long_article = comparison.articles[0]
    assert long_article.compared_end is not None
    assert all(s.end <= 120 for s in long_article.sentences if long_article.compared(s))  # whole sentences only
    late = [s.sentence_id for s in long_article.body() if s.start >= long_article.compared_end]
    assert late and not {sid for c in comparison.claims for sid in c.sentence_ids} & set(late)
    assert len(long_article.sentences) > 40  # cleaned and segmented all the same: nothing lost


def test_different_durations_and_years_of_one_frame_conflict() -> None:
    truce = compare_texts(
        "The two sides agreed to a six-week truce in the northern valley after talks in Orno.",
        "The two sides agreed to a month-long truce in the northern valley after talks in Orno.",
    )
    [claim] = [c for c in truce.claims if c.status == "conflicting"]
    assert claim.kind == "duration" and set(claim.values.values()) == {"6 weeks", "1 month"}
    same = compare_texts(
        "The two sides agreed to a four-week truce in the northern valley after talks in Orno.",
        "The two sides agreed to a month-long truce in the northern valley after talks in Orno.",
    )
    assert not [c for c in same.claims if c.status == "conflicting"]  # a month is about four weeks
    law = compare_texts(
        "The custom became law in 1973, when the government extended it to daughters.",
        "The custom became law in 1974, when the government extended it to daughters.",
    )
    [claim] = [c for c in law.claims if c.status == "conflicting"]
    assert claim.kind == "date" and set(claim.values.values()) == {"1973", "1974"}


def test_an_age_is_not_a_span_of_time() -> None:
    saving = compare_texts(
        "The 21-year-old hired a camera crew in Orno to film her new life as a singer.",
        "She hired a camera crew in Orno to film her new life after two years of saving.",
    )
    assert not [c for c in saving.claims if c.status == "conflicting"]
    ages = compare_texts(
        "The 21-year-old singer hired a camera crew in Orno to film her new life.",
        "The 19 - year - old singer hired a camera crew in Orno to film her new life.",
    )
    [claim] = [c for c in ages.claims if c.status == "conflicting"]
    assert claim.kind == "number" and set(claim.values.values()) == {"21 years old", "19 years old"}


def test_a_word_after_without_or_an_effort_is_not_stated() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    denial = "The singer did not consent to the biopsy."
    assert not _denies_what_the_other_states(denial, "A doctor performed a biopsy without her prior consent.")
    assert _denies_what_the_other_states(denial, "The singer gave her consent to the biopsy.")
    unconfirmed = "The ministry could not confirm the video's authenticity."
    assert not _denies_what_the_other_states(unconfirmed, "Officials were working to confirm the video's authenticity.")
    assert _denies_what_the_other_states(unconfirmed, "Officials confirmed the video's authenticity.")
    missing = "Three soldiers did not return to the base in Orno."
    assert not _denies_what_the_other_states(missing, "Three soldiers who failed to return to the base in Orno.")
    refusal = "Doctors were executed for refusing to take part in harvesting organs."
    assert not _denies_what_the_other_states("Doctors were executed for not harvesting organs.", refusal)
    bound = "The crab normally grows to no more than 10 inches."
    assert not _denies_what_the_other_states(bound, "The crab normally grows to 10 inches.")


def test_not_only_declining_to_say_and_a_moment_deny_nothing() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states
    from counterpoint.text import NEGATION

    assert not NEGATION.search("The warship not only repulsed the attack but seized the boat.")
    assert NEGATION.search("The warship did not repel the attack.")
    treated = "The spokesman said the singer was treated for exhaustion at the clinic."
    assert not _denies_what_the_other_states("The spokesman would not say what the singer was treated for.", treated)
    assert _denies_what_the_other_states("The singer was not treated for exhaustion at the clinic.", treated)
    visit = "That morning the governor stopped by the church."
    assert not _denies_what_the_other_states("The governor was not at the church at the time of the fire.", visit)
    assert _denies_what_the_other_states("The governor was not at the church.", visit)


def test_a_text_denies_nothing_it_says_itself() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    quote = "\u201c By joining the group, we will get the ships we need to change the ferry market. \u201d"
    # a quotation run together with the sentence after it: the denial there is of another thing
    assert not _denies_what_the_other_states(quote + " The deal does not change the group\u2019s budget.", quote)
    assert _denies_what_the_other_states("The deal does not change the ferry market.", quote)


def test_a_state_that_held_for_a_while_is_no_denial_of_what_came_after() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "The pier had a lamp put up last month."
    assert not _denies_what_the_other_states("For a while the pier didn't have a lamp, but the town got one.", stated)
    assert _denies_what_the_other_states("The pier didn't have a lamp.", stated)


def test_denials_that_agree_with_the_other_account() -> None:
    from counterpoint.stages.conflicts.differences import _overnight
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states
    from counterpoint.stages.conflicts.slots import _slots
    from counterpoint.stages.units import Unit
    from counterpoint.text import stem

    def agree(negated: str, plain: str) -> bool:
        return not _denies_what_the_other_states(negated, plain)

    assert agree("The college rejected the request.", "The request was politely declined by the college.")
    assert not agree("The college rejected the request.", "The college granted the request.")
    assert agree(
        "The league hasn't expanded since the Orno Pikes joined in 2000.",
        "The league last expanded in 2000 with the Orno Pikes.",
    )
    assert agree("We cannot confirm these reports.", "It is difficult to confirm these reports.")
    assert agree("The cat was not dead.", "Thinking the cat was dead, its owner buried it.")
    assert agree("The cat was not dead.", "The cat was hit by a car and left for dead.")
    assert not agree("The cat was not dead.", "The cat was dead when its owner found it.")
    # a rumour is not the outlet's statement: the man denying it agrees with the outlet that reports it
    denial = "Ivo Marek was not Blue Heron, he said."
    assert agree(denial, "Ivo Marek, long rumored to be Blue Heron, has died.")
    assert agree(denial, "Marek discounted rumors that he was Blue Heron.")
    assert not agree(denial, "Ivo Marek was Blue Heron, the paper said.")
    source = "The rumour came not from Orno scholars but from a Kurdish fighter."
    assert agree(source, "A Kurdish fighter was reported killed in Orno.")
    assert not agree(source, "The rumour came from Orno scholars.")
    shut = "Orno Radio shut down its music service."
    assert agree("If the rumors are true, Orno Radio won't shut down its music service.", shut)
    assert not agree("Orno Radio won't shut down its music service.", shut)
    text = "The league will take in $1.4b in fees."
    assert _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {}).numbers == {("$", 1.4e9)}
    monday, tuesday, friday = stem("monday"), stem("tuesday"), stem("friday")
    assert _overnight(("She was hurt on Monday night.", monday), ("She was hurt early Tuesday.", tuesday))
    assert not _overnight(("She was hurt on Monday.", monday), ("She was hurt on Tuesday.", tuesday))
    assert not _overnight(("She was hurt on Monday evening.", monday), ("She was hurt on Tuesday evening.", tuesday))
    assert not _overnight(("She was hurt on Friday night.", friday), ("She was hurt early Tuesday.", tuesday))


def test_a_figure_written_as_a_word_is_no_word_of_the_frame() -> None:
    from counterpoint.stages.conflicts.slots import _slots
    from counterpoint.stages.units import Unit
    from counterpoint.text import stem

    # the value of the slot the two units disagree on, not a word of the frame they share
    shot = [f"The teenager was shot {n} times by the officers." for n in ("seven", "eleven")]
    frames = [_slots(Unit("a", "a-s0", 0, len(t), t, frozenset(), True), {}).frame for t in shot]
    assert frames[0] == frames[1] and stem("seven") not in frames[0]


def test_the_day_of_a_statement_follows_a_verb_of_saying_not_a_noun_spelled_like_one() -> None:
    from counterpoint.stages.conflicts.slots import _named_days

    assert _named_days("Officials said Wednesday that the bridge was closed.") == [("Wednesday", True)]
    assert _named_days("The ministry announced on Monday a new toll.") == [("Monday", True)]
    # "state" and "reports" are nouns here: the day is the bombing's
    assert _named_days("He condemned the bombing of Orno in Upper Lake state on Tuesday.") == [("Tuesday", False)]
    assert _named_days("There were reports on Sunday of shelling near Orno.") == [("Sunday", False)]


def test_figures_of_two_named_subjects_are_two_figures() -> None:
    game = "{} scored {} points for the Orno Pikes in the win over the Harbour Gulls on Sunday night."
    assert not conflicting(game.format("Ty Lawson", 16), game.format("Danny Green", 14))
    [claim] = conflicting(game.format("Ty Lawson", 16), game.format("Lawson", 15))
    assert set(claim.values.values()) == {"16 points", "15 points"}
    # the subject is who reports the figure ("police said"); the people the two sentences name are two
    shot = "{}, a {}, was shot {} times near the depot in Orno on Tuesday night, police said."
    assert not conflicting(shot.format("Mark Ellis", "courier", "three"), shot.format("Tom Brandt", "guard", "five"))
    [claim] = conflicting(shot.format("Mark Ellis", "courier", "three"), shot.format("Ellis", "courier", "five"))
    assert set(claim.values.values()) == {"3 times", "5 times"}
    # two countries' navies: two captures, neither a figure nor a doer in dispute; one country's, one capture
    raid = "The {} navy captured {} pirates who tried to board a merchant ship in the Gulf of Aden on Saturday."
    assert not conflicting(raid.format("Indian", 23), raid.format("British", 8))
    [claim] = conflicting(raid.format("Indian", 23), raid.format("Indian", 20))
    assert set(claim.values.values()) == {"23 pirates", "20 pirates"}


def test_a_round_figure_is_the_other_rounded() -> None:
    watch = "The new Orno smartwatch will go on sale in April, starting at {}."
    assert not conflicting(watch.format("$349"), watch.format("$350"))
    assert conflicting(watch.format("$349"), watch.format("$399"))


def test_one_speaker_named_two_ways_is_no_attribution_conflict() -> None:
    quote = '"We will rebuild every school in the valley before the winter," {} said on Tuesday.'
    visit = "{} visited the flooded town of Kessa on Tuesday.\n"

    def attributions(first: str, second: str) -> list[Claim]:
        texts = (visit.format("Lena Dorn") + quote.format(first), visit.format("The minister") + quote.format(second))
        return [c for c in compare_texts(*texts).claims if c.kind == "attribution"]

    assert not attributions("Lena Dorn", "Lena")
    [claim] = attributions("Lena Dorn", "Tom Bell")
    assert set(claim.values.values()) == {"Lena Dorn", "Tom Bell"}


def test_the_day_something_was_said_is_not_the_day_of_the_event() -> None:
    from counterpoint.stages.conflicts.slots import _named_day_words

    assert _named_day_words("U.S. officials said Wednesday the video was authentic.") == []
    assert _named_day_words("An official told The Associated Press on Sunday that the strike killed two.") == []
    assert _named_day_words("The army said the bombing was on Tuesday.") == ["Tuesday"]
    assert _named_day_words("Officials said that on Tuesday the camp was bombed.") == ["Tuesday"]
    assert not conflicting(
        "The rebels in Orno released a video of the hostage on Tuesday.",
        "The rebels in Orno released a video of the hostage, officials told reporters on Wednesday.",
    )


def test_a_statement_made_somewhere_or_a_disclosure_dates_the_statement() -> None:
    from counterpoint.stages.conflicts.slots import _named_day_words

    assert _named_day_words("Coach Ivo Marek said at practice on Wednesday that the team would rest him.") == []
    assert _named_day_words("The ministry said in a statement on Monday that two died.") == []
    assert _named_day_words("A woman lost her eye in the protest, it was revealed on Friday.") == []
    assert _named_day_words("The ministry said the market was shelled on Monday.") == ["Monday"]


def test_a_possibility_or_a_counterfactual_is_no_denial_and_no_statement() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    placed = "The Orno Pikes placed their striker on the injured list."
    assert not _denies_what_the_other_states(
        "The coach said the club would not have placed the striker on the injured list.", placed
    )
    assert _denies_what_the_other_states("The Orno Pikes have not placed their striker on the injured list.", placed)
    killed = "The two reporters were killed in the same manner by the rebels."
    assert not _denies_what_the_other_states("The two reporters may not have been killed at the same time.", killed)
    process = "There is no formal expansion process under way."
    assert not _denies_what_the_other_states(process, "The board may well invoke a formal expansion process.")
    assert _denies_what_the_other_states(process, "The board has opened a formal expansion process.")


def test_a_denial_over_a_span_up_to_now_is_about_the_time_before() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    used = "Police used tear gas against the crowd in Orno."
    assert not _denies_what_the_other_states("Police have not used tear gas in Orno in nearly a decade.", used)
    assert _denies_what_the_other_states("Police have not used tear gas in Orno.", used)


def test_dates_of_what_will_be_and_of_what_was_are_two_events() -> None:
    assert not conflicting(
        "Orno Radio confirmed that its first smartwatch will go on sale in April 2015.",
        "Orno Radio revealed its first smartwatch in October 2014, ahead of the launch.",
    )
    assert conflicting(
        "Orno Radio released its first smartwatch in April 2015, ahead of the holidays.",
        "Orno Radio released its first smartwatch in October 2014, ahead of the holidays.",
    )
    assert not conflicting(
        "The murder trial of the worker who shot two colleagues at the Orno plant starts Monday.",
        "The worker shot two colleagues at the Orno plant on Thursday night, police said.",
    )


def test_sums_converted_paid_per_season_or_owned_by_two_names() -> None:
    from counterpoint.stages.conflicts.slots import _slots
    from counterpoint.stages.units import Unit

    def numbers(text: str) -> set[tuple[str, float]]:
        return set(_slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {}).numbers)

    assert numbers("Damage was estimated at $ US1 million ($ 1.52 million), police said.") == {("US$", 1e6)}
    assert numbers("The club offered an eight-year deal worth $184 million, or $23 million per season.") == {
        ("year-", 8.0),  # a description of the deal, not a count of years
        ("$", 184e6),
        ("$ per season", 23e6),
    }
    assert numbers("The club made a $200MM offer.") == {("$", 200e6)}
    deal = "The Orno Pikes offered the striker an eight-year deal worth {}."
    assert not conflicting(deal.format("$184 million"), deal.format("$23 million per season"))
    [claim] = conflicting(deal.format("$23 million per season"), deal.format("$20 million per season"))
    assert set(claim.values.values()) == {"$23,000,000 per season", "$20,000,000 per season"}
    game = "After the game against the Harbour Gulls the coach said that {} {} points for the Pikes."
    assert not conflicting(game.format("Shy Ely scored", 23), game.format("Ty Lawson added", 16))
    assert conflicting(game.format("Shy Ely scored", 23), game.format("Shy Ely scored", 16))


def test_a_figure_describing_one_thing_is_no_count_of_its_unit() -> None:
    game = "Ivo Marek threw {} in the win over the Harbour Gulls on Sunday night, the Pikes said."
    # a 41-yard pass is one pass; 364 yards are the game's
    assert not conflicting(game.format("a 41-yard touchdown pass"), game.format("for 364 yards"))
    [claim] = conflicting(game.format("a 41-yard touchdown pass"), game.format("a 44-yard touchdown pass"))
    assert set(claim.values.values()) == {"41 yard", "44 yard"}


def test_a_day_something_is_set_for_dates_what_will_be() -> None:
    shooting = "Ivo Marek was charged over the shooting of a courier in Orno in April, prosecutors said."
    trial = "The trial of Ivo Marek over the shooting of a courier in Orno is set for June 17."
    assert not conflicting(trial, shooting)


def test_a_fraction_is_read_whole() -> None:
    witness = "The only witness for the defence spoke for ten minutes in Orno on Thursday after {} hours of testimony."
    assert not conflicting(witness.format("4 1 / 2"), witness.format("4.5"))  # tokenised text spaces the slash
    [claim] = conflicting(witness.format("4 1/2"), witness.format("three"))
    assert set(claim.values.values()) == {"4.5 hours", "3 hours"}


def test_spans_of_time_are_compared_as_durations_not_as_figures() -> None:
    # a time since an event and a time in power are two spans, never one figure told two ways
    vote = "The vote in Orno comes {}after the death of its leader Ivo Marek, who held power in the country{}."
    assert not conflicting(vote.format("two years ", ""), vote.format("", " for 21 years"))
    sentence = "Ivo Marek was sentenced to {} years in prison for fraud in Orno on Monday."
    [claim] = conflicting(sentence.format("seven"), sentence.format(12))
    assert claim.kind == "duration" and set(claim.values.values()) == {"7 years", "12 years"}


def test_a_span_given_as_a_bound_or_a_range_is_no_length_to_compare() -> None:
    sentence = "Ivo Marek was sentenced to {} in prison for fraud in Orno on Monday."
    for bounded in ("one to three years", "between five and ten years", "at least 35 years", "five-years-to-life"):
        assert not conflicting(sentence.format("seven years"), sentence.format(bounded)), bounded
    [claim] = conflicting(sentence.format("seven years"), sentence.format("three years"))
    assert set(claim.values.values()) == {"7 years", "3 years"}
    attack = "Ivo Marek suffered a heart attack {} ago and never regained consciousness, his agent said."
    assert not conflicting(attack.format("more than a week"), attack.format("nine days"))  # nine days is more
    assert conflicting(attack.format("a week"), attack.format("nine days"))


def test_a_place_where_something_was_said_and_a_fragment_are_no_conflict() -> None:
    assert not conflicting(
        "In Washington, the White House said it could not confirm the video of the hostage.",
        "The White House said it could not confirm the video of the hostage, filmed in Syria.",
    )
    assert not conflicting("Reporters waited at the gate of the palace.\nBut no Bieber.", "Justin Bieber, apparently.")


def test_dollars_of_a_named_country_and_years_something_began() -> None:
    offer = "Washington offered a {} reward for the capture of the rebel leader in Orno."
    reward = offer.format("$US10 million ($10.82 million)")
    assert not conflicting(reward, offer.format("$10 million"))
    [claim] = conflicting(reward, offer.format("US$12 million"))
    assert set(claim.values.values()) == {"US$10,000,000", "US$12,000,000"}
    assert not conflicting(
        "The joint exercise in Orno, known as Harbour Shield 2014, drew 200 soldiers.",
        "The joint exercise in Orno, known as Harbour Shield, has been held since 2004 and drew 200 soldiers.",
    )


def test_an_age_beside_a_name_is_an_age() -> None:
    first = "Fisherman Ivo Marek, 41, was walking to his favourite spot on the lake when a bear attacked him."
    [claim] = conflicting(first, "Ivo, 42, was walking to his favourite spot on the lake when a bear attacked him.")
    assert claim.kind == "number" and set(claim.values.values()) == {"41 years old", "42 years old"}
    # two people's ages, or an age of nobody named, are not one person's age told two ways
    for other in (
        "Lena Dorn, 42, was walking to her favourite spot on the lake when a bear attacked Marek.",
        "The 42-year-old was walking to his favourite spot on the lake when a bear attacked him.",
    ):
        assert not conflicting(first, other)
    # a day and a figure between commas are no age
    from counterpoint.stages.conflicts.slots import _slots
    from counterpoint.stages.units import Unit

    text = "On Monday, 12, the council of Orno met."
    assert not _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {}).numbers


def test_a_compound_age_is_never_read_as_its_last_word() -> None:
    from counterpoint.stages.conflicts.slots import _slots
    from counterpoint.stages.units import Unit

    text = "The thirty-one-year-old singer hired a camera crew."
    slots = _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {})
    assert not slots.numbers and not slots.durations  # not an age of one, not a year's span


def test_a_state_that_has_changed_is_not_denied() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    earlier = "The singer works as a massage therapist in Orno."
    assert not _denies_what_the_other_states("Massage therapy isn't the singer's work anymore.", earlier)
    assert not _denies_what_the_other_states("The singer no longer works as a massage therapist.", earlier)
    assert _denies_what_the_other_states("The singer never worked as a massage therapist.", earlier)


def test_denials_listed_one_after_another_are_one_denial_about_the_first() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "Tonight we saw an explosion of anger from the youth in the harbour district."
    assert not _denies_what_the_other_states("The youth have no jobs for the summer, no district.", stated)
    assert _denies_what_the_other_states("The youth have no anger, no district.", stated)


def test_a_purpose_denied_denies_no_act() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "The shipyard will sell ferries built in Orno."
    assert not _denies_what_the_other_states("The main aim of the purchase was not to sell ferries.", stated)
    assert _denies_what_the_other_states("The shipyard will not sell ferries.", stated)


def test_a_denial_ends_with_its_clause() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "They got their wish this year, when the president agreed."
    assert not _denies_what_the_other_states("They asked in 1993 and were denied, but this year they won.", stated)
    assert _denies_what_the_other_states("The president never agreed to the request.", stated)


def test_the_minutes_of_a_clock_time_are_no_figure() -> None:
    from counterpoint.stages.conflicts.slots import _slots
    from counterpoint.stages.units import Unit

    def slots(text: str) -> Any:
        return _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {})

    for text in ("around 8:30 p.m.", "around 8 : 30 p.m.", "at about 8 p.m.", "at 0800 GMT"):
        told = slots(f"They set off from the vigil {text}.")
        assert told.numbers == set() and told.clock is not None, text
    assert slots("They set off at about 8 p.m.").clock.minutes == {20 * 60}


def test_a_denial_is_about_the_word_it_governs() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    denial = "The airline does not employ local women as cabin crew."
    assert _denies_what_the_other_states(denial, "The airline employs local women.")
    assert not _denies_what_the_other_states(denial, "The airline employs women from other countries.")
    assert _denies_what_the_other_states(denial, "The airline employs local women on its long flights.")
    assert _denies_what_the_other_states("The president never signed the bill.", "The president signed it on Monday.")


def test_a_denial_of_degree_is_about_the_degree() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "The merger puts the harbour board on the defensive."
    assert not _denies_what_the_other_states("There isn't much the harbour board can do about the merger.", stated)
    assert _denies_what_the_other_states("Not all crew members were rescued.", "All crew members were rescued.")
    assert not _denies_what_the_other_states("Not all crew members were rescued.", "Crew members were rescued at dawn.")


def test_refusing_to_act_denies_nothing() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "Passengers complained about strangers seated next to their wives."
    refusal = "Passengers who refused to have strangers seated next to their wives complained."
    assert not _denies_what_the_other_states(refusal, stated)
    assert _denies_what_the_other_states("The airline denied strangers were seated next to wives.", stated)


def test_a_denial_ends_at_a_subordinate_clause() -> None:
    from counterpoint.stages.conflicts.negation import denial_scopes

    text = "Witnesses said no ambulance arrived before the driver left the scene."
    [(start, _, end)] = denial_scopes(text)
    assert text[start:end] == "no ambulance arrived"


def test_the_frame_probability_ignores_the_differing_value() -> None:
    import numpy as np

    from counterpoint.linking import FEATURES, Candidates, load_link_model

    row = np.zeros((1, len(FEATURES)), dtype=np.float32)
    row[0, FEATURES.index("cosine")] = 0.8
    row[0, FEATURES.index("overlap")] = 0.6
    differing = row.copy()
    differing[0, FEATURES.index("number_differs")] = 1.0
    differing[0, FEATURES.index("day_differs")] = 1.0
    differing[0, FEATURES.index("negation_differs")] = 1.0
    model = load_link_model()
    pair = Candidates(np.zeros(1, np.int64), np.ones(1, np.int64), differing)
    agreeing = row.copy()
    agreeing[0, FEATURES.index("number_shared")] = 1.0
    same = model.probability(Candidates(pair.a, pair.b, agreeing))
    assert model.frame_probability(pair) == pytest.approx(same)
    assert model.frame_probability(pair) > model.probability(pair)


def test_a_relayed_quote_is_not_an_attribution_conflict() -> None:
    words = '"The custom has nothing to do with wolves and everything to do with charity"'
    comparison = compare_texts(
        f"The Daily Courier reported that the Argentine historian Daniel Alvarez said, {words}.",
        f"{words}, Daniel Alvarez told reporters on Monday.",
        f"{words}, the Daily Courier wrote on Monday.",
    )
    assert not [c for c in comparison.claims if c.kind == "attribution"]


def test_a_partys_denial_against_anothers_accusation_is_their_dispute_not_the_outlets() -> None:
    from counterpoint.stages.conflicts.negation import _parties_dispute

    accusation = "The governor accused the army of carrying out the attack on the camp."
    assert _parties_dispute("The army denied carrying out the attack on the camp.", accusation)
    assert not _parties_dispute("The army did not carry out the attack on the camp.", accusation)
    assert not _parties_dispute("The army denied carrying out the attack.", "The army carried out the attack.")
    # a charge is an accusation too: the accused denies it
    assert _parties_dispute(
        "A man has denied arson at the Orno store.", "A man has been charged with arson at the Orno store."
    )
    assert _parties_dispute("Marek denied that he was the informant.", "Marek was identified as the informant.")
    # a party's own quoted words deny for that party
    reported = "Police say that the shootings happened minutes apart."
    assert _parties_dispute("the shootings \"didn't happen", reported, lead="She claimed ")
    assert not _parties_dispute("the shootings didn't happen", reported, lead="She claimed ")


def test_the_other_half_of_a_question_denies_nothing() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "Thomas will get most of the carries this week."
    assert not _denies_what_the_other_states("whether or not Thomas would get more carries", stated)
    clause = "not Thomas would get more carries"
    assert not _denies_what_the_other_states(clause, stated, lead="You doubted whether or ")
    assert _denies_what_the_other_states("Thomas will not get most of the carries.", stated)
    # a condition or a question in the sentence before a clause: the clause states nothing
    denial, clause = "The city hasn't had a hockey team", "the city secures a hockey team first"
    assert _denies_what_the_other_states(denial, clause)
    assert not _denies_what_the_other_states(denial, clause, plain_lead="Talks on an arena would start if ")


def test_a_count_of_someones_record_is_no_figure_of_the_event() -> None:
    [claim] = conflicting(
        "Police said 12 people were arrested in Orno after the riot at the vigil.",
        "Police said 30 people were arrested in Orno after the riot at the vigil.",
        "Police said the teen had four prior arrests in Orno, one for the riot at the vigil.",
    )
    assert claim.outlets == ["Outlet 0", "Outlet 1"]


def test_figures_written_as_words_and_sums_of_money_conflict() -> None:
    shots = compare_texts(
        "The autopsy showed the courier had been shot seven times near the depot in Orno.",
        "The autopsy showed the courier had been shot eleven times near the depot in Orno.",
    )
    [claim] = [c for c in shots.claims if c.status == "conflicting"]
    assert claim.kind == "number" and set(claim.values.values()) == {"7 times", "11 times"}
    money = compare_texts(
        "The shipyard in Orno raised $60 million in funding from three banks.",
        "The shipyard in Orno raised $35m in funding from three banks.",
    )
    [claim] = [c for c in money.claims if c.status == "conflicting"]
    assert claim.kind == "number" and set(claim.values.values()) == {"$60,000,000", "$35,000,000"}


def test_figures_one_outlet_tells_apart_or_counts_over_a_period_do_not_conflict() -> None:
    first = "The shipyard in Orno was sold for $334 million to a rival."
    second = "The shipyard in Orno was sold for $281 million in cash to a rival."
    assert conflicting(first, second)
    assert not conflicting(first, second, "The shipyard in Orno was sold for $334 million, $281 million in cash.")
    racks = (
        "The first server rack of the Orno plant housed 384 chips in a single cabinet.",
        "The first server rack of the Orno plant housed 768 chips in a single cabinet.",
    )
    assert conflicting(*racks)
    both = "The first server rack of the Orno plant housed 384 chips with two cores each, 768 chips counted as cores."
    assert not conflicting(*racks, both)
    arrests = (
        "The courier from Orno had been arrested 4 times on charges of theft, police said.",
        "The courier from Orno had been arrested 3 times since October on charges of theft, police said.",
    )
    assert not conflicting(*arrests)
    assert conflicting(arrests[0], arrests[1].replace(" since October", ""))


def test_what_ought_not_to_be_an_aside_and_a_negative_prefix_deny_nothing() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states

    stated = "The surgeon in Orno performed the operation last week."
    assert not _denies_what_the_other_states("A patient like her should not have had the operation performed.", stated)
    assert _denies_what_the_other_states("The surgeon in Orno never performed the operation.", stated)
    signed = "She signed a non-disclosure agreement with the clinic in Orno."
    named = "The singer, who goes by the real name Ilona Varga, lives in Orno."
    assert not _denies_what_the_other_states("Lady Orno (not her real name) lives in Orno.", named)
    withheld = "The clinic in Orno couldn't disclose who operated."
    assert not _denies_what_the_other_states(withheld, signed)
    assert _denies_what_the_other_states(withheld, "The clinic disclosed it.")


def test_a_figure_inside_another_outlets_range_agrees_with_it() -> None:
    from counterpoint.stages.conflicts.differences import _number_difference
    from counterpoint.stages.conflicts.slots import _slots

    def slots(text: str) -> Any:
        return _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {})

    ranged = slots("She said she had called 50 or 60 doctors before one agreed.")
    assert _number_difference(ranged, slots("She said she had called 50 doctors before one agreed.")) is None
    between = slots("A crowd of between 60 and 100 people marched.")
    assert _number_difference(between, slots("70 people marched.")) is None
    assert _number_difference(ranged, slots("She said she had called 80 doctors before one agreed.")) is not None


def test_cannot_is_a_negation_and_a_question_or_a_changed_state_is_not_denied() -> None:
    from counterpoint.stages.conflicts.negation import _denies_what_the_other_states
    from counterpoint.stages.conflicts.slots import _slots

    text = "The ministry cannot confirm the video."
    assert _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {}).negated  # as "couldn't" is
    asked = "Sources were unable to say if the surgeon performed any other procedure in Orno."
    assert not _denies_what_the_other_states("The surgeon did not perform the procedure.", asked)
    stated = "The surgeon performed the procedure in Orno."
    assert _denies_what_the_other_states("The surgeon did not perform the procedure.", stated)
    changed = "The surgeon was no longer the clinic's director and was not performing procedures there."
    assert not _denies_what_the_other_states(changed, stated)


def test_a_sum_with_a_hyphenated_scale_and_places_spelled_two_ways() -> None:
    from counterpoint.stages.conflicts.slots import _slots

    text = "The group paid a $132-million ransom for the reporter."
    assert ("$", 132e6) in _slots(Unit("a", "a-s0", 0, len(text), text, frozenset(), True), {}).numbers
    asked = "The group demanded a $132-million ransom for the reporter."  # a sum asked for is its own measure
    assert ("$ asked", 132e6) in _slots(Unit("a", "a-s0", 0, len(asked), asked, frozenset(), True), {}).numbers
    first = "The patient was put under anaesthesia in Orno before the surgeon arrived, the clinic said."
    second = "The patient was put under anesthesia in Orno before the surgeon arrived, the clinic said."
    assert not conflicting(first, second)


def test_a_figure_counts_the_first_measure_its_phrase_names() -> None:
    from counterpoint.stages.conflicts.figures import measure_of

    assert measure_of("deaths held") == "killed"  # "the deaths held the city in shock" counts no arrests
    assert measure_of("people arrested") == "arrested" and measure_of("demonstrators detained") == "arrested"
    assert measure_of("wounded people treated") == "injured"


def test_a_time_since_something_is_not_compared_with_a_span() -> None:
    arrived = "The soldiers arrived at the Orno base 11 days ago for the exercise."
    assert difference(arrived, "The soldiers arrived at the Orno base for the seven-day exercise.") is None
    assert difference(arrived, "The soldiers arrived at the Orno base a week ago for the exercise.") == (
        "duration",
        "11 days",
        "1 week",
    )
    # a time since now and a time between two events measure two spans
    beheaded = "The video came two weeks after the journalist Tom Reyes was beheaded by the militants."
    missing = "The militants beheaded the journalist Tom Reyes, who went missing two years ago."
    assert difference(beheaded, missing) is None
    assert difference(beheaded, beheaded.replace("two weeks", "three weeks")) == ("duration", "2 weeks", "3 weeks")
    # two times since now count from two events unless they name the same one
    video = "The militants released a video showing the beheading of the journalist Tom Reyes two weeks ago."
    assert difference(video, missing) is None
    assert difference(video, video.replace("two weeks", "three weeks")) == ("duration", "2 weeks", "3 weeks")
    # how long something has lasted grows from one day's report to the next
    riots = "Youths smashed the windows of banks in Orno after four days of the worst riots in decades."
    assert difference(riots, riots.replace("four days", "eight days")) is None
    # ... but a length told as a span is compared: "six weeks of calm" / "a month-long calm" is not one length
    calm = "The mediators proposed {} between the army of Veltria and the armed group in Orno."
    assert difference(calm.format("six weeks of calm"), calm.format("two weeks of calm")) == (
        "duration",
        "6 weeks",
        "2 weeks",
    )


def test_a_figure_and_a_length_that_both_differ_tell_of_two_things() -> None:
    offer = "The club offered the striker a {}-year contract worth ${} million, his agent said."
    # two offers: another length and another sum
    assert difference(offer.format("seven", "140"), offer.format("eight", "184")) is None
    # one offer, told with two sums
    found = difference(offer.format("eight", "160"), offer.format("eight", "184"))
    assert found is not None and found[0] == "number"
    # a month and four weeks are one length: the sums are in dispute
    deal = "The ministry signed a {} deal worth ${} million with the port operator."
    found = difference(deal.format("month-long", "12"), deal.format("four-week", "15"))
    assert found is not None and found[0] == "number"


def test_one_disagreement_found_in_two_groups_is_told_once_with_every_side() -> None:
    texts = [
        "Pinup queen Vera Lind died of pneumonia at the age of 85 in an Orno hospital Thursday, a week after "
        "suffering a heart attack, according to her agent.",
        "Vera Lind, whose raven hair made her a cult favorite, died Thursday night at an Orno hospital - nine days "
        "after suffering a heart attack.",
        "Lind died late yesterday in an Orno hospital after suffering a heart attack a week ago.",
        "Lind suffered a heart attack nine days earlier and never regained consciousness.",
    ]
    [claim] = [c for c in conflicting(*texts) if c.kind == "duration"]
    assert sorted(claim.values.values()) == ["1 week", "1 week", "9 days", "9 days"]


def test_figures_of_every_measure_two_units_share_that_all_differ_are_two_records() -> None:
    line = "Ivo Marek of the Orno Pikes finished the game with {} points and {} rebounds, the club said."
    assert not conflicting(line.format(25, 16), line.format(22, "nine"))  # two games' lines, not one in dispute
    [claim] = conflicting(line.format(25, 16), line.format(22, 16))
    assert set(claim.values.values()) == {"25 points", "22 points"}


def test_two_kinds_of_one_count_and_a_compass_point_are_no_conflict() -> None:
    season = "The Orno Pikes running back scored {} touchdowns {} this season, the club said."
    assert not conflicting(season.format("three", "on punt returns"), season.format("six", "on offense"))
    assert conflicting(season.format("three", "on punt returns"), season.format("five", "on punt returns"))
    assert not conflicting(
        "Orno Foods said the Northeast plant is closed until further notice after the shooting.",
        "Orno Foods said the Philadelphia plant is closed until further notice after the shooting.",
    )


def test_a_running_total_is_another_span_than_one_game() -> None:
    game = "Ivo Marek of the Orno Pikes {} points in the win over the Harbour Gulls on Sunday night."
    assert not conflicting(game.format("finished with 20"), game.format("now has 2,302"))
    assert conflicting(game.format("finished with 20"), game.format("finished with 24"))


def test_a_year_in_a_clause_of_what_came_before_dates_that_event_not_the_one_told() -> None:
    main = "The ferry company began service to Varna in 1950 when it bought a second steamer from Orno."
    other = "The ferry company began service to Varna in 1947 when it bought a second steamer from Orno."
    [claim] = conflicting(main, other)
    assert claim.kind == "date"
    earlier = "The ferry company began service to Varna after its owner left Orno in 1947, when it bought a steamer."
    assert not conflicting(main, earlier)


def test_a_disagreement_never_joins_figures_of_two_named_owners() -> None:
    from counterpoint.stages.conflicts import _components

    # 0 "the Red Sox offered $200 million", 1 "an offer of $184 million" (no owner named), 2 "the Orioles
    # offered $140 million": 1 disagrees with both, but the Orioles' offer is no value of the Red Sox's
    pairs = [(0, 1, "$200", "$184"), (1, 2, "$184", "$140")]
    assert len(_components(pairs)) == 1
    apart = _components(pairs, lambda x, y: {x, y} == {0, 2})
    assert sorted(len(c) for c in apart) == [1] and apart[0][0] == (0, 1, "$200", "$184")


def test_an_act_credited_to_two_countries_is_an_agent_conflict() -> None:
    said = "Hamas is studying {} proposal for a six-week truce and the release of hostages, mediators said."
    comparison = compare_texts(said.format("an Egyptian"), said.format("an Israeli"))
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]
    assert claim.kind == "agent" and set(claim.values.values()) == {"Egypt", "Israel"}
    # a country's people are a source, and a list of countries is one side
    sources = "{} officials said Hamas is studying a proposal for a six-week truce and the release of hostages."
    assert not [c for c in compare_texts(sources.format("Egyptian"), sources.format("Israeli")).claims if c.kind]
    both = said.format("an Egyptian and Israeli")
    assert not conflicting(both, said.format("an Israeli"))
    # the doer as the subject, or after "by" in the passive
    [claim] = conflicting(
        "Egypt drafted the ceasefire proposal for a six-week truce in Gaza, two diplomats familiar with it said.",
        "The ceasefire proposal for a six-week truce in Gaza was put forward by Israel, two diplomats said.",
    )
    assert claim.kind == "agent" and set(claim.values.values()) == {"Egypt", "Israel"}
    # who says it is the source, not the doer of what is said
    said_by = conflicting(
        "Egypt said the ceasefire proposal for a six-week truce in Gaza was ready, two diplomats said.",
        "Israel said the ceasefire proposal for a six-week truce in Gaza was ready, two diplomats said.",
    )
    assert [(c.kind, set(c.values.values())) for c in said_by] == [("attribution", {"Egypt", "Israel"})]


def test_the_length_of_a_thing_is_compared_with_lengths_of_that_thing() -> None:
    truce = "Hamas agreed to a {} truce in Gaza and the release of hostages, mediators in Cairo said on Tuesday."
    [claim] = [c for c in compare_texts(truce.format("six-week"), truce.format("month-long")).claims if c.kind]
    assert claim.kind == "duration" and set(claim.values.values()) == {"6 weeks", "1 month"}
    stay = "The three cadets from Orno had been at Camp Varde for 11 days of training on the coast, officers said."
    event = "The three cadets from Orno were at Camp Varde for the seven-day event of training on the coast."
    assert not conflicting(stay, event)


def test_he_is_the_person_named_last_before_it_when_figures_are_owned() -> None:
    first = (
        "It has been a hard season for the Saints' running back Reggie Bush.\n"
        "Pierre Thomas took most of the carries in the last three games.\n"
        "He has also caught eight passes for 66 yards and two touchdowns this season."
    )
    second = "Bush rushed for 404 yards and two touchdowns, caught 52 passes for 440 yards this season."
    assert not conflicting(first, second)
    same = first.replace("Pierre Thomas took", "Bush took")
    [claim] = conflicting(same, second)
    assert claim.kind == "number"


def test_a_users_gazetteer_names_the_countries_of_agent_conflicts(tmp_path: Path) -> None:
    extra = tmp_path / "gazetteer.json"
    extra.write_text(json.dumps({"entities": [], "demonyms": {"Veltrian": "Veltria", "Norvan": "Norva"}}))
    said = "Rebels are studying {} proposal for a six-week truce and the release of hostages, mediators said."
    articles = [
        article_from_text(said.format(form), source=f"o{i}.txt", outlet=f"Outlet {i}", published=None)
        for i, form in enumerate(("a Veltrian", "a Norvan"))
    ]
    bundled = pipeline.compare_articles(articles)
    assert not [c for c in bundled.claims if c.status == "conflicting"]  # no country the bundled one knows
    articles = [article_from_text(a.text, source=a.source, outlet=a.outlet) for a in articles]
    told = pipeline.compare_articles(articles, pipeline.CompareOptions(gazetteers=[extra]))
    [claim] = [c for c in told.claims if c.status == "conflicting"]
    assert claim.kind == "agent" and set(claim.values.values()) == {"Veltria", "Norva"}


def test_two_people_named_to_one_office_is_a_person_conflict() -> None:
    said = "The president named special envoy {} to lead the harbour talks with Orno on Monday, officials said."
    comparison = compare_texts(said.format("Brett Halvorsen"), said.format("Amos Lindqvist"))
    [claim] = [c for c in comparison.claims if c.status == "conflicting"]
    assert claim.kind == "person" and set(claim.values.values()) == {"Brett Halvorsen", "Amos Lindqvist"}
    # another office, or one person under two ranks, is no disagreement
    other = said.format("Amos Lindqvist").replace("special envoy", "former envoy")
    assert not conflicting(said.format("Brett Halvorsen"), other)
    ranks = compare_texts(said.format("Commander Nirad Sinha"), said.format("Commodore Nirad Sinha"))
    assert not [c for c in ranks.claims if c.status == "conflicting"]
    # the role after the name: "named X as its special envoy"
    named = "The president named {} as its special envoy to the harbour talks with Orno on Monday, officials said."
    [claim] = conflicting(named.format("Brett Halvorsen"), named.format("Amos Lindqvist"))
    assert claim.kind == "person" and set(claim.values.values()) == {"Brett Halvorsen", "Amos Lindqvist"}
    [claim] = conflicting(  # other words that put a name in a role
        "Brett Halvorsen was named as the president's special envoy to the harbour talks with Orno on Monday.",
        "Amos Lindqvist is the president's new special envoy to the harbour talks with Orno, officials said Monday.",
    )
    assert claim.kind == "person" and set(claim.values.values()) == {"Brett Halvorsen", "Amos Lindqvist"}


def test_opposite_verbs_of_one_subject_and_object_are_a_negation_conflict() -> None:
    halted = "The armed group halted the negotiations with Orno after the strike on the border town, a spokesman said."
    [claim] = conflicting(halted, halted.replace("halted", "continued"))
    assert claim.kind == "negation" and set(claim.values.values()) == {"halt", "continue"}
    # two steps told with opposite verbs about different things are no disagreement
    ended = "The singer Ada Varde ended her modelling career in 1957 after turning to the church in Orno."
    assert not conflicting(ended, "The singer Ada Varde continued her modelling work in Kessa with a new agency.")
    # what may or will be is no outcome: "can resume" does not say the negotiations resumed
    assert not conflicting(halted, halted.replace("halted", "can resume"))
    assert not conflicting(halted, halted.replace("halted", "might soon continue"))
    # what someone says they will do is a disagreement with what another says was done
    assert conflicting(halted, halted.replace("halted", "would continue"))
    # a denial of more tells a stop, as a verb of stopping does
    stopped = "The armed group said it needed no further talks with Orno after the strike on the border town."
    assert not conflicting(stopped, "The armed group was halting talks with Orno after the strike on the border town.")
    assert conflicting(stopped, "The armed group said it needed talks with Orno after the strike on the border town.")


def test_six_outlets_with_five_kinds_of_disagreement_each_get_a_conflict_and_a_digest_side() -> None:
    lines = (
        "Thousands of protesters gathered outside the parliament in Orno on {day} to demand the captives' release.",
        "The mediators proposed a {length} truce between the army of Veltria and the armed group, officials said.",
        "The government named {envoy} as its special envoy to the talks in Merav.",
        "The ceasefire proposal was put forward by {author}, according to two diplomats familiar with the talks.",
        "The armed group {verb} the negotiations after the strike on the border town, a spokesman said.",
    )
    sides = [  # (day, length, envoy, author, verb) of each outlet; four take the first value of each
        ("Tuesday", "six-week", "Ivo Marek", "Egypt", "halted"),
        ("Wednesday", "six-week", "Ivo Marek", "Egypt", "halted"),
        ("Wednesday", "month-long", "Tomas Hale", "Israel", "halted"),
        ("Wednesday", "six-week", "Ivo Marek", "Egypt", "continued"),
        ("Wednesday", "six-week", "Ivo Marek", "Egypt", "halted"),
        ("Tuesday", "month-long", "Tomas Hale", "Israel", "continued"),
    ]
    texts = []
    for day, length, envoy, author, verb in sides:
        values = {"day": day, "length": length, "envoy": envoy, "author": author, "verb": verb}
        texts.append("\n".join(line.format(**values) for line in lines))
    comparison = compare_texts(*texts)
    found = {c.kind: set(c.values.values()) for c in comparison.claims if c.status == "conflicting"}
    assert found.get("date") == {"Tuesday", "Wednesday"}, found
    assert found.get("duration") == {"6 weeks", "1 month"}, found
    assert found.get("person") == {"Ivo Marek", "Tomas Hale"}, found
    assert found.get("negation") == {"halt", "continue"}, found
    assert found.get("agent") == {"Egypt", "Israel"}, found  # "put forward by": who, not where
    # the digest tells each claim by the side most outlets take and cites only them
    outlet_of = {i: f"Outlet {i}" for i in range(len(sides))}
    for told in (d for d in comparison.digest if d.status == "shared"):
        for position, values in enumerate(zip(*sides, strict=True)):
            majority = max(set(values), key=values.count)
            if majority in told.text:
                assert all(sides[i][position] == majority for i, o in outlet_of.items() if o in told.outlets), told


def test_a_later_step_of_a_sequence_is_no_rival_place() -> None:
    first = "After the divorce the singer Ada Varde moved to Tampa with her two daughters and her mother."
    later = "After the divorce the singer Ada Varde moved to Orlando with her two daughters and her mother."
    [claim] = conflicting(first, later)
    assert claim.kind == "place"
    step = later.replace("moved to Orlando", "later moved to Orlando")
    assert not conflicting(first, step)


def test_a_sum_asked_for_is_compared_only_with_sums_asked_for() -> None:
    asked = "The striker Ivo Marek is seeking a five-year contract with the club worth $20 million per season."
    offered = "The club offered the striker Ivo Marek a five-year contract worth $23 million per season."
    assert not conflicting(asked, offered)
    other = asked.replace("$20 million", "$25 million")
    [claim] = conflicting(asked, other)
    assert set(claim.values.values()) == {"$20,000,000 per season asked", "$25,000,000 per season asked"}


def test_a_toll_some_outlets_report_as_denied_is_a_negation_and_the_digest_tells_both_sides() -> None:
    comparison = compare_texts(
        "The Kessa health ministry said 4,535 people had been killed in the fighting since October.\n"
        "Aid convoys reached the north on Monday.",
        "At least 4,535 people have been killed since October, according to the Kessa health ministry.\n"
        "The convoys reached the north on Monday.",
        "The health ministry in Kessa put the death toll at 4,535.\nAid trucks reached the northern towns on Monday.",
        "Veltria denied the death toll given by the Kessa health ministry, saying it was inflated.\n"
        "Aid convoys reached the north on Monday.",
        "Veltria rejected the Kessa health ministry's figure of 4,535 dead as propaganda.\n"
        "Aid trucks entered the north on Monday.",
        "Veltria did not dispute the toll of 4,535 given by the Kessa health ministry.\n"
        "Aid convoys reached the north on Monday.",
        "Veltria has disputed the figures of the Kessa health ministry.\nAid trucks reached the north on Monday.",
    )
    [denied] = [c for c in comparison.claims if c.status == "conflicting"]
    assert denied.kind == "negation"
    assert {o: v for o, v in denied.values.items() if o != "Outlet 5"} == {
        "Outlet 0": "4,535",
        "Outlet 1": "4,535",
        "Outlet 2": "4,535",
        "Outlet 3": "denied the figure",
        "Outlet 4": "rejected the figure",
        "Outlet 6": "disputed the figure",  # whose figures: those the ministry gives, the toll
    }
    assert denied.values.get("Outlet 5", "4,535") == "4,535"  # "did not dispute" denies nothing
    # the figure a denial names is denied, not given: the toll's figure claim is the others'
    [toll_figure] = [c for c in comparison.claims if c.kind == "number" and c.status == "shared"]
    assert "Outlet 4" not in toll_figure.outlets, toll_figure.values
    # the toll is told for the outlets that give it, not for those that report it denied; the denial is told too
    toll = [d for d in comparison.digest if d.status == "shared" and "4,535" in d.text]
    assert toll and not {"Outlet 3", "Outlet 4", "Outlet 6"} & set(toll[0].outlets), toll
    assert any(d.status == "disputed" and "Veltria" in d.text for d in comparison.digest), comparison.digest


def test_a_figure_without_its_measure_word_is_told_apart_in_its_sentence() -> None:
    # "the first 11" counts seasons as "15 seasons" does: the outlet tells 15 and 11 apart
    whole = "The coach Ivo Marek played 15 seasons in the league, the first 11 with the Orno Rangers, before retiring."
    part = "The coach Ivo Marek spent his first 11 seasons as a player with the Orno Rangers, before retiring."
    assert not conflicting(whole, part)
    assert conflicting(whole.replace(", the first 11 with", " with"), part)


def test_not_the_only_one_and_not_the_first_time_deny_nothing_and_two_sources_estimates_differ() -> None:
    # two sources' estimates are two figures, not one in dispute
    estimate = "Analysts polled by {} were expecting earnings of ${} a share for the Orno Steel company."
    assert difference(estimate.format("Kessa Data", "3.95"), estimate.format("Merav Research", "3.73")) is None
    assert difference(estimate.format("Kessa Data", "3.95"), estimate.format("Kessa Data", "3.73"))
    split = "The auction site Veltra is splitting off its payments unit Paymo into a separate company."
    assert (
        difference(split, "Veltra isn't the only company splitting off its payments unit into a separate company.")
        is None
    )
    assert (
        difference(split, "It is not the first time Veltra is splitting off its payments unit into a separate company.")
        is None
    )
    assert difference(
        split, "The auction site Veltra isn't splitting off its payments unit Paymo into a separate company."
    )


def _shot(first: str, second: str, count: str = "seven", other: str = "eleven") -> Comparison:
    """Two undated outlets on a courier shot near a depot, saying different things around the count."""
    return compare_texts(
        f"Crowds gathered outside the depot in Orno on Wednesday, the day the autopsy showed {first} had been "
        f"shot {count} times.",
        f"{second}, 16, was shot {other} times after police said he drew a revolver near the depot in Orno.",
        published=None,
    )


def test_counts_of_an_act_differ_whatever_the_day() -> None:
    # a toll grows as an event unfolds, so undated tolls that differ may be revisions; the times one act was done
    # ("shot seven times") are fixed by the event, told in sentences that say different things around them
    [claim] = [c for c in _shot("the courier", "The courier").claims if c.status == "conflicting"]
    assert claim.kind == "number" and {v.split(";")[0] for v in claim.values.values()} == {"7", "11"}
    # a count of acts over a stated span counts another span than one told without it
    spans = compare_texts(
        "Crowds gathered outside the depot in Orno, where the courier had been arrested four times before.",
        "The courier, 16, had been arrested three times since October by police near the depot in Orno.",
        published=None,
    )
    assert not [c for c in spans.claims if c.status == "conflicting"]
    # two people's counts are two counts, whatever the frame ("Marek was shot seven times" / "Brandt ... eleven")
    assert not [c for c in _shot("Ivo Marek", "Tom Brandt").claims if c.status == "conflicting"]
    # counts that agree bind the outlets that give them when they are large enough to mean something
    agreeing = _shot("the courier", "The courier", "11", "11")
    assert any(c.kind == "number" and ": 11, the same in all " in (c.note or "") for c in agreeing.claims)


def test_times_of_day_are_read_on_one_clock() -> None:
    from counterpoint.places import utc_offsets

    assert utc_offsets("Banda Aceh") == {420} and utc_offsets("Orno") == frozenset()
    quake = "The earthquake struck near Banda Aceh at {} on Tuesday, the geological survey said."
    [claim] = conflicting(quake.format("0737 GMT"), quake.format("7:37 a.m. local time"))
    assert claim.kind == "time" and set(claim.values.values()) == {"0737 GMT", "7:37 a.m. local time"}
    # one time on two clocks, rounded, or told "about", is one time
    for other in ("2:37 p.m. local time", "14:37", "about 2:30 p.m.", "2:35 p.m."):
        assert not conflicting(quake.format("0737 GMT"), quake.format(other)), other
    # on one clock, 9:30 p.m. and 11 p.m. cannot both be right; a clock time is no figure of "pm"
    shooting = "The gunman opened fire outside the bakery in Orno at {} on Friday, police said."
    [claim] = conflicting(shooting.format("9:30 p.m."), shooting.format("11 pm"))
    assert claim.kind == "time" and set(claim.values.values()) == {"9:30 p.m.", "11 pm"}
    # a bound ("before 8 a.m."), and a time in a zone whose place is not known, are not compared
    assert not conflicting(shooting.format("before 11 p.m."), shooting.format("9:30 p.m."))
    assert not conflicting(shooting.format("0730 GMT"), shooting.format("7:30 a.m. local time"))
    from counterpoint.stages.conflicts.slots import _clocks

    told = {
        text: [clock is not None for _, clock in _clocks(text)] for text in ("between 9 and 10 a.m.", "as of 11 p.m.")
    }
    assert told == {"between 9 and 10 a.m.": [False], "as of 11 p.m.": [False]}
    assert [clock is not None for _, clock in _clocks("Police came and at 3 am found him.")] == [True]


def test_a_spaced_a_m_ends_no_sentence_before_its_zone() -> None:
    comparison = compare_texts("The quake struck at 07 : 37 a. m. UTC (3 : 37 a. m. ET) on Tuesday. Two people died.")
    texts = [a.sentence_text(s) for a in comparison.articles for s in a.sentences]
    assert "The quake struck at 07 : 37 a. m. UTC (3 : 37 a. m. ET) on Tuesday." in texts


def test_a_total_and_a_part_of_one_measure_are_two_scopes() -> None:
    # a career's points beside a game's: the sentences may read alike, the scopes differ
    game = "Ivo Marek {} the final in Orno with {} points, the most of any player in the league."
    assert not conflicting(game.format("went into", "2,450"), game.format("went through", "21"))
    [claim] = conflicting(game.format("finished", "25"), game.format("finished", "21"))
    assert claim.kind == "number" and set(claim.values.values()) == {"25 points", "21 points"}


def test_people_named_by_their_country_are_counted_by_what_happened_to_them() -> None:
    # "350 Palestinians were inside" and "killed 40 Palestinians" count people of two fates, as "people" would:
    # one measure only where the two units' main verbs are one
    inside = "When the shell hit the UN school in Orno on Tuesday, about 350 Palestinians were inside it."
    killed = "The shell that hit the UN school in Orno on Tuesday killed about 40 Palestinians."
    assert difference(inside, killed) is None
    assert difference(inside.replace("Palestinians", "cars"), killed.replace("Palestinians", "cars")) is not None
    # "..., the UN said" on both sides makes "said" the main verb of both: no act of the people counted
    from counterpoint.stages.conflicts.differences import _difference
    from counterpoint.stages.conflicts.slots import _slots

    said = [f"{inside[:-1]}, the UN said.", f"{killed[:-1]}, the UN said."]
    units = [Unit(x, f"{x}-s0", 0, len(t), t, frozenset(), True, head="said") for x, t in zip("ab", said, strict=True)]
    assert _difference(*units, *(_slots(u, {}) for u in units), ({}, {}), set(), set()) is None
