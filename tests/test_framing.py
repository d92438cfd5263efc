"""Framing notes, divergent wording, profiles and the digest on invented stories (runs the models)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from counterpoint.bias import EMBEDDING_DIMENSIONS, LEXICAL_FEATURES, BiasModel, load_bias_model
from counterpoint.embed import load_embedder
from counterpoint.model import Article, Claim, Comparison, Quote
from counterpoint.stages import framing, profiles
from counterpoint.stages.entities import load_gazetteer

from .conftest import compare_texts, make_article

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


def test_the_hedge_owed_an_unproven_charge_is_no_doubt_cast() -> None:
    comparison = compare_texts(
        "The ferry captain allegedly ignored two storm warnings before the crossing, prosecutors said.\n"
        "The company claimed that the warnings never reached the bridge of the ferry."
    )
    found = notes(comparison, "Outlet 0")
    assert not [text for kind, text, _ in found if "alleged" in text.lower()]
    assert [text for kind, text, _ in found if kind == "doubt-casting attribution" and text.startswith("claimed")]


def test_the_claims_of_a_filing_are_no_doubt_cast() -> None:
    comparison = compare_texts(
        "The lawsuit claims that the harbour company hid two storm warnings from the crew.\n"
        "The claims in the lawsuit were first reported by the Orno Times on Monday.\n"
        "The company claims the warnings never reached the bridge of the ferry."
    )
    doubted = [text for kind, text, _ in notes(comparison, "Outlet 0") if kind == "doubt-casting attribution"]
    assert len(doubted) == 1 and doubted[0].startswith("claims the warnings"), doubted


def test_labels_for_armed_groups_and_campaigns_are_noted_on_both_sides() -> None:
    comparison = compare_texts(
        "The terror group fired rockets at Veltria on Monday.\n"
        "The resistance movement said its fighters repelled the Veltrian aggression.\n"
        "Leaders of the Islamic Resistance Movement met mediators in Doha."
    )
    found = notes(comparison, "Outlet 0")
    assert ("contested label", "terror group", "militants") in found
    assert ("contested label", "resistance movement", "militants") in found
    assert ("contested label", "aggression", "military offensive") in found
    # a group's own name is not a label the outlet chose
    assert not any("Islamic Resistance Movement" in text for _, text, _ in found)


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


def test_one_noun_in_two_numbers_is_two_referents_not_two_words() -> None:
    comparison = compare_texts(
        "Rescuers in Merav pulled the woman from the rubble of the flats on Monday, the fire service said.",
        "Rescuers in Merav pulled the women from the rubble of the flats on Monday, the fire service said.",
    )
    pairs = {frozenset(text.lower() for _, text, _ in w.variants) for w in comparison.wording}
    assert frozenset({"woman", "women"}) not in pairs
    assert comparison.claims and any(len(c.outlets) == 2 for c in comparison.claims)  # the two were aligned


def test_profiles_count_who_is_quoted() -> None:
    comparison = compare_texts(
        "Foreign Minister Dana Kovac said the talks would resume. Kovac added that she was hopeful.",
        "Rebel spokesman Idris Malo said the talks were a trap.",
    )
    profile = {p.outlet: p for p in comparison.profiles}
    assert [(q.speaker, q.count) for q in profile["Outlet 0"].quoted] == [("Dana Kovac", 2)]
    assert [q.speaker for q in profile["Outlet 1"].quoted] == ["Idris Malo"]


def test_profiles_count_a_source_once_under_all_its_names() -> None:
    lines = [
        ("Dana Kovac", "Dana Kovac said the port would reopen."),
        ("Kovac", "Kovac said the cranes were safe."),
        ("President Kovac", "President Kovac said the fire was out."),
        ("the State Department", "The State Department said it was watching."),
        ("U.S. State Department", "The U.S. State Department said aid was coming."),
        ("US Department of State", "The US Department of State said aid had left."),
        ("Egyptian Foreign Ministry", "The Egyptian Foreign Ministry said talks would go on."),
        ("Jordanian Foreign Ministry", "The Jordanian Foreign Ministry said talks had stalled."),
        ("a port official", "A port official said the night shift had left."),
        ("he", "He said the cranes had been checked twice."),  # a pronoun the quotes stage could not resolve
    ]
    article = make_article("\n".join(text for _, text in lines))
    comparison = Comparison(articles=[article])
    for (speaker, _), sentence in zip(lines, article.sentences, strict=True):
        comparison.quotes.append(
            Quote(
                f"q{sentence.start}",
                article.article_id,
                sentence.sentence_id,
                sentence.start,
                sentence.end,
                "",
                speaker,
            )
        )
    [profile] = profiles.profiles(comparison, load_gazetteer())
    counted = {(q.speaker, q.affiliation): q.count for q in profile.quoted}
    assert counted[("Dana Kovac", None)] == 3
    [(state, country)] = [key for key, count in counted.items() if "State" in key[0]]
    assert counted[(state, country)] == 3 and country == "United States"
    assert {key for key in counted if "Foreign Ministry" in key[0]} == {
        ("Egyptian Foreign Ministry", "Egypt"),
        ("Jordanian Foreign Ministry", "Jordan"),
    }
    assert counted[("a port official", None)] == 1 and sum(counted.values()) == len(lines) - 1
    assert not [key for key in counted if key[0] == "he"]  # a pronoun names no source


def test_wording_leaves_out_acronyms_spellings_and_names_cut_from_a_phrase() -> None:
    comparison = compare_texts(
        "Rescue crews from the United States Navy reached the Kessa Strip on Monday after the storm.\n"
        "The crews freed the hostages held in the harbour of southern Merav on Tuesday.\n"
        "The council made it clear Veltria would pay for the repairs to the harbour.\n"
        "The VDF said that the harbour was safe again.",
        "Rescue crews from the U.S. Navy reached Kessa on Monday after the storm.\n"
        "The crews freed the captives held in the harbour of northern Merav on Tuesday.\n"
        "The council said Veltria would pay for the repairs to the harbour.\n"
        "The Veltria Defence Forces said that the harbour was safe again.",
    )
    pairs = {frozenset(text for _, text, _ in w.variants) for w in comparison.wording}
    assert pairs == {frozenset({"hostages", "captives"})}  # not "clear Veltria" / "Veltria", nor "VDF"


def descriptions(comparison: Comparison) -> dict[str, set[tuple[str, str]]]:
    """The wording entries of entities' descriptions: referent -> {(outlet, description)}."""
    names = {e.name for e in comparison.entities}
    return {w.referent: {(o, t) for o, t, _ in w.variants} for w in comparison.wording if w.referent in names}


def test_outlets_describing_one_group_in_loaded_words_are_shown_side_by_side() -> None:
    comparison = compare_texts(
        "Hamas, the Palestinian militant group that controls Gaza, sent a delegation to Cairo on Monday for "
        "talks on a truce, officials said.",
        "The Hamas terror group sent a delegation to Cairo on Monday for truce talks, officials said.",
        "Hamas, the Palestinian resistance movement, sent a delegation to Cairo on Monday to discuss a truce, "
        "officials said.",
        "Talks in Cairo\n\nThe delegation of the group, known by the acronym Hamas, reached Cairo on Monday for "
        "truce talks, officials said.",
    )
    # "acronym" names the name, not the group
    assert descriptions(comparison)["Hamas"] == {
        ("Outlet 0", "Palestinian militant group"),
        ("Outlet 1", "terror group"),
        ("Outlet 2", "Palestinian resistance movement"),
    }


def test_labels_the_lexicon_knows_count_as_descriptions_where_a_name_modifies_them() -> None:
    comparison = compare_texts(
        "Israeli troops fought Hamas terrorists in Khan Younis on Monday, the army said. The clashes went on "
        "until dawn, residents said.",
        "Israeli troops battled Hamas militants in the southern city of Khan Younis on Monday. Residents said "
        "the fighting lasted until dawn.",
        "Hamas fighters held off Israeli troops in Khan Younis on Monday, witnesses said. Gunfire was heard "
        "until dawn.",
    )
    # "fighters" is a plain noun no outlet also uses for Hamas in an apposition or title: not read as a label
    assert descriptions(comparison)["Hamas"] == {("Outlet 0", "terrorists"), ("Outlet 1", "militants")}


def test_a_loaded_word_before_a_title_makes_a_description() -> None:
    comparison = compare_texts(
        "Far-right Israeli Security Minister Avi Dorel said on Monday that the truce deal was reckless and "
        "threatened to quit the coalition.",
        "Israeli Security Minister Avi Dorel said on Monday that the truce deal was reckless and threatened "
        "to leave the government.",
    )
    assert descriptions(comparison)["Avi Dorel"] == {
        ("Outlet 0", "Far-right Israeli Security Minister"),
        ("Outlet 1", "Israeli Security Minister"),
    }


def test_a_description_in_a_loaded_word_gets_a_note_with_another_outlets_description() -> None:
    comparison = compare_texts(
        "Talks in Merav\n\nVeltrian dictator Ivo Marek met the envoy in Merav on Monday to discuss the border.",
        "Envoy meets Marek\n\nVeltrian leader Ivo Marek met the envoy in Merav on Monday to discuss the border.",
    )
    assert descriptions(comparison)["Ivo Marek"] == {("Outlet 0", "Veltrian dictator"), ("Outlet 1", "Veltrian leader")}
    assert notes(comparison, "Outlet 0") >= {("loaded description", "Veltrian dictator", "Veltrian leader")}
    assert not {n for n in notes(comparison, "Outlet 1") if n[0] == "loaded description"}


def test_plain_descriptions_quotes_and_things_a_name_modifies_are_no_choice_of_words() -> None:
    comparison = compare_texts(
        "Dana Kovac, a senior port official, said the cranes at Merav were safe. Hamas, the group that "
        "controls Gaza, said the tunnels under Rafah were closed.",
        "Dana Kovac, the harbour manager, said the cranes at Merav were safe. Hamas, the group that runs "
        "Gaza, said the notorious Hamas tunnels under Rafah were closed.",
        '"Hamas, that notorious gang, lies about the tunnels," a shopkeeper in Rafah said of the tunnels.',
    )
    # "official" / "manager" carry no loaded word; the "notorious Hamas tunnels" are tunnels, not Hamas; the
    # shopkeeper's "notorious gang" is his, not the outlet's
    found = descriptions(comparison)
    assert found == {}, found


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


def test_the_digest_tells_a_shared_claim_without_a_figure_only_one_outlet_gives() -> None:
    # the first sentence links to both others and would be told for all three, age and all
    comparison = compare_texts(
        "Fisherman Ivo Marek, 41, was attacked by a brown bear near the lake in Orno on Sunday, police said.",
        "Ivo Marek was attacked by a brown bear in Orno on Sunday.",
        "A fisherman was attacked by a bear near the lake in Orno, police said.",
    )
    [told] = [d for d in comparison.digest if d.status == "shared"]
    assert len(told.sources) >= 2 and "41" not in told.text


def test_the_line_of_a_figure_all_outlets_give_tells_no_figure_one_of_them_adds() -> None:
    # the only sentence long enough to tell the shared "80 employees" also gives a price the others do not
    comparison = compare_texts(
        "Orno Mining will pay $334 million for Kessa Metals, a copper firm of 80 employees, the company said Monday.",
        "Kessa Metals has 80 employees.",
        "Kessa employs 80 people.",
    )
    assert [c for c in comparison.claims if c.kind == "number" and ": 80, the same in all " in (c.note or "")]
    assert not [d for d in comparison.digest if "$334 million" in d.text and len(d.sources) > 1]


def test_the_digest_tells_a_shared_claim_by_the_sentence_that_says_what_the_others_say() -> None:
    # the first sentence, linked to both others, adds who confirmed it: told for all three, that would be its
    # word alone
    comparison = compare_texts(
        "Orvik will close the Talen music service it bought in May, senior engineers at both firms confirmed.",
        "Orvik will close the Talen music service, engineers confirmed.",
        "Orvik will close the Talen music service it bought in May.",
    )
    told = [d for d in comparison.digest if d.status == "shared" and len(d.sources) == 3]
    assert told and "senior" not in told[0].text


def test_the_digest_tells_the_side_most_outlets_take_cites_only_them_and_tells_the_other_as_disputed() -> None:
    days = ["Wednesday", "Wednesday", "Tuesday", "Wednesday", "Tuesday"]
    leads = [
        "Thousands of protesters gathered outside the parliament in Orno on {} to demand the release of the captives.",
        "Thousands of people rallied outside the Orno parliament on {} to demand that the captives be freed.",
        "Protesters gathered in their thousands outside the parliament in Orno on {}, demanding the captives' release.",
        "On {}, thousands of protesters gathered outside Orno's parliament to demand the release of the captives.",
        "Thousands of protesters massed outside the parliament in Orno on {} to demand the captives' release.",
    ]
    aid = "The United Nations said aid deliveries to the north of Kessa had fallen sharply in the past month."
    comparison = compare_texts(*[lead.format(day) + "\n" + aid for lead, day in zip(leads, days, strict=True)])
    protest = [d for d in comparison.digest if "parliament" in d.text]
    shared = [d for d in protest if d.status == "shared"]
    assert shared and "Wednesday" in shared[0].text, protest
    assert shared[0].outlets == ["Outlet 0", "Outlet 1", "Outlet 3"], protest  # not the two that say Tuesday
    assert any(d.status == "disputed" and "Tuesday" in d.text for d in protest), protest


def test_a_digest_full_of_shared_claims_still_tells_the_dispute(monkeypatch: pytest.MonkeyPatch) -> None:
    from counterpoint.stages import digest

    monkeypatch.setattr(digest, "MAX_SENTENCES", 2)  # as twenty shared claims would fill twenty sentences
    days = ["Wednesday", "Wednesday", "Tuesday", "Wednesday", "Tuesday"]
    lead = "Thousands of protesters gathered outside the parliament in Orno on {} to demand the captives' release."
    aid = "The United Nations said aid deliveries to the north of Kessa had fallen sharply in the past month."
    roads = "Police closed the main roads into the capital for the whole of the afternoon, officials said."
    comparison = compare_texts(*[f"{lead.format(day)}\n{aid}\n{roads}" for day in days])
    statuses = [d.status for d in comparison.digest]
    assert statuses == ["shared", "disputed"], comparison.digest


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


def test_reported_speech_told_with_a_pronoun_gets_the_speaker_the_sentence_before_names() -> None:
    comparison = compare_texts(
        "Minister Lena Dorn visited the flooded town of Kessa on Tuesday.\n"
        "She said the bridge over the river would reopen to traffic within a month.",
        "Minister Lena Dorn toured Kessa on Tuesday after the floods.\n"
        "She said the bridge over the river would reopen to traffic within a month.",
    )
    [bridge] = [d.text for d in comparison.digest if "bridge over the river" in d.text]
    assert bridge.startswith("Lena Dorn said the bridge"), bridge
    # named only as someone's ("Dorn's aide"), the person before is not who "she" is: the pronoun stays
    comparison = compare_texts(
        "Minister Lena Dorn\u2019s aide visited the flooded town of Kessa on Tuesday.\n"
        "She said the bridge over the river would reopen to traffic within a month.",
        "Minister Lena Dorn\u2019s aide toured Kessa on Tuesday after the floods.\n"
        "She said the bridge over the river would reopen to traffic within a month.",
    )
    told = [d.text for d in comparison.digest if "bridge over the river" in d.text]
    assert not any("Dorn said" in t for t in told), told


def test_the_digest_tells_no_tail_of_a_quotation_and_names_the_speaker_of_she_noted() -> None:
    text = (
        "Minister Lena Dorn visited the harbour of Orno on Monday after the storm.\n"
        "'The storm took everything we had. It will take a year to rebuild the piers of the harbour.'\n"
        '"We will not leave the fishermen of the harbour alone," she noted, adding that the state would help.'
    )
    told = [d.text for d in compare_texts(text, text.replace("after the storm", "after the gale")).digest]
    assert told and not any(t.rstrip().endswith(".'") for t in told), told  # the end of a quotation, cut off
    # "she" is named where she stands, not with a second attribution before the quotation
    assert '"We will not leave the fishermen of the harbour alone," Lena Dorn noted, adding' in " ".join(told), told


def test_the_digest_tells_no_quotation_without_its_speaker_and_keeps_curly_marks() -> None:
    comparison = compare_texts(
        "Minister Lena Dorn visited the flooded town of Kessa on Tuesday.\n"
        "\u201cWe will rebuild every school in the valley before the winter comes.\u201d\n"
        "Dorn said: \u201cThe bridge over the river will reopen to traffic within a month.\u201d\n"
        "Why did the dam on the river fail in the first week of the storm, the mayor asked.",
        "Minister Lena Dorn toured Kessa on Tuesday after the floods.\n"
        "\u201cWe will rebuild every school in the valley before the winter comes.\u201d\n"
        "Dorn said: \u201cThe bridge over the river will reopen to traffic within a month.\u201d\n"
        "Why did the dam on the river fail in the first week of the storm, the mayor asked.",
    )
    told = [d.text for d in comparison.digest]
    assert not any("rebuild every school" in t and "Dorn" not in t for t in told), told
    assert not any("?" in t or "dam on the river" in t for t in told), told
    [bridge] = [t for t in told if "bridge over the river" in t]
    assert bridge.count("\u201c") == bridge.count("\u201d") == 1 and "Dorn" in bridge


def test_the_digest_never_tells_one_statement_twice() -> None:
    from counterpoint.stages.digest import write_digest

    texts = [
        "Mayor Ana Rell said the bridge over the Kessa river would reopen to traffic within a month.\n"
        "The storm closed four schools in the valley.",
        "The bridge over the Kessa river will reopen to traffic within a month, Mayor Ana Rell said on Monday.\n"
        "Four schools in the valley were closed by the storm.",
        "The bridge over the Kessa river would reopen to traffic within a month, Mayor Ana Rell said.",
        "Mayor Ana Rell said on Monday that the bridge over the Kessa river would reopen within a month.",
    ]
    articles = [make_article(t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]

    def claim(claim_id: str, members: list[tuple[int, int]]) -> Claim:
        return _sentences_claim(claim_id, articles, members)

    # the bridge statement grouped twice (two claims over different outlets' sentences), and the schools once
    claims = [claim("c1", [(0, 0), (1, 0)]), claim("c2", [(2, 0), (3, 0)]), claim("c3", [(0, 1), (1, 1)])]
    told = [d.text for d in write_digest(Comparison(articles=articles, claims=claims))]
    assert sum("bridge over the Kessa river" in t for t in told) == 1, told
    assert any("schools" in t for t in told), told
    from counterpoint.stages.digest import _repeats, _statement

    def close(first: str, second: str) -> bool:
        return _repeats(_statement(first), _statement(second))

    assert close("The storm killed 14 people in Kessa.", "The storm killed 14 people in Kessa, officials said.")
    assert not close("The storm killed 14 people in Kessa.", "The storm injured 140 people in Kessa.")
    assert not close("The army did not strike the hospital.", "The army struck the hospital.")


def test_the_digest_tells_a_statement_grouped_twice_over_the_same_sentences_once() -> None:
    from counterpoint.stages.digest import write_digest

    texts = [
        "Rescue teams with boats and dogs reached the flooded valley of Kessa before dawn on Tuesday, hours after the"
        " river burst its banks and cut the only road.",
        "Teams of rescuers got to the Kessa valley early on Tuesday, before the sun rose.",
        "The first rescuers arrived in Kessa's valley on Tuesday morning.",
        "By Tuesday morning rescue crews had made it into the valley near Kessa.",
        "The storm also closed four schools in the valley, the mayor of Kessa said.",
        "Four schools in the valley were closed by the storm, according to the mayor of Kessa.",
    ]
    articles = [make_article(t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]

    def claim(claim_id: str, members: list[int]) -> Claim:
        return _first_sentences_claim(claim_id, [articles[a] for a in members])

    # one statement grouped twice: two claims over mostly the same sentences, worded too differently for Dice
    claims = [claim("c1", [0, 1, 2, 3]), claim("c2", [1, 2, 3]), claim("c3", [4, 5])]
    told = [d.text for d in write_digest(Comparison(articles=articles, claims=claims))]
    assert sum("Kessa" in t and "Tuesday" in t for t in told) == 1, told
    assert any("schools" in t for t in told), told


def test_the_digest_tells_a_statement_in_other_words_once_when_it_has_the_sentences_vectors() -> None:
    import numpy as np

    from counterpoint.stages.digest import write_digest

    texts = [
        "The surgeon took a photograph of himself in the operating theatre while the singer lay sedated.",
        "A selfie was snapped by the doctor inside the procedure room as the patient was under anaesthesia.",
        "The doctor who operated on the singer took a picture of himself while she lay sedated in the theatre.",
        "A staff member said the physician posed for a selfie in the procedure room during the anaesthesia.",
        "The clinic said 3 nurses were on duty that morning.",
        "Three nurses were on duty at the clinic that morning, it said.",
        "The clinic said 4 nurses were on duty that morning.",
        "Four nurses were on duty at the clinic that morning, it said.",
    ]
    articles = [make_article(t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    # four claims of two outlets each: the selfie twice (in other words), then 3 nurses and 4 nurses
    claims = [_first_sentences_claim(f"c{k}", articles[2 * k : 2 * k + 2]) for k in range(4)]
    # the selfie sentences are close to one another, and so are the nurses' (3 and 4 differ only in the figure)
    axes = np.eye(4, dtype=np.float32)
    vectors = {a.body()[0].sentence_id: axes[0 if i < 4 else 1] for i, a in enumerate(articles)}
    plain = [d.text for d in write_digest(Comparison(articles=articles, claims=claims))]
    assert sum("selfie" in t or "of himself" in t for t in plain) == 2, plain  # too few words in common for Dice
    told = [d.text for d in write_digest(Comparison(articles=articles, claims=claims), vectors)]
    assert sum("selfie" in t or "of himself" in t for t in told) == 1, told
    assert sum("nurses" in t for t in told) == 2, told  # 3 and 4 nurses: another figure is another statement


def _first_sentences_claim(claim_id: str, articles: list[Article]) -> Claim:
    """A shared claim over the first body sentence of each of ``articles``."""
    from counterpoint.model import ClaimUnit

    units = [ClaimUnit(article.article_id, *_whole(article, 0)) for article in articles]
    return Claim(claim_id, "shared", [u.sentence_id for u in units], [a.outlet for a in articles], units=units)


def _sentences_claim(claim_id: str, articles: list[Article], members: list[tuple[int, int]]) -> Claim:
    """A shared claim over body sentences given as (article, sentence) positions."""
    from counterpoint.model import ClaimUnit

    units = [ClaimUnit(articles[a].article_id, *_whole(articles[a], s)) for a, s in members]
    outlets = [articles[a].outlet for a, _ in members]
    return Claim(claim_id, "shared", [u.sentence_id for u in units], outlets, units=units)


def _whole(article: Article, index: int) -> tuple[str, int, int]:
    sentence = article.body()[index]
    return sentence.sentence_id, sentence.start, sentence.end


def test_judging_verbs_are_flagged_only_as_verbs() -> None:
    comparison = compare_texts(
        "The blast destroyed the warehouse. Senator Ruth Amsel slammed the port's safety record."
    )
    assert notes(comparison, "Outlet 0") == {("editorializing", "slammed", "criticized")}


def test_a_conflict_s_vocabulary_labels_only_inside_that_conflict() -> None:
    elsewhere = compare_texts("Livestock seized during the occupation of the northern villages was smuggled to Orno.")
    assert not [n for n in elsewhere.framing if n.kind == "contested label"]
    inside = compare_texts("Livestock seized by the occupation near Gaza was smuggled to Orno, villagers said.")
    assert {(n.text, n.alternative) for n in inside.framing if n.kind == "contested label"} == {
        ("the occupation", "Israeli forces")
    }


def test_page_code_in_quote_marks_is_no_scare_quote() -> None:
    comparison = compare_texts(
        'The "reform" of the port in Orno passed on Monday.\nThe banner "300x250" and "f3a9c1e7" loaded below.'
    )
    assert {text for kind, text, _ in notes(comparison, "Outlet 0") if kind == "scare quotes"} == {'"reform"'}


def test_a_quoted_sentence_is_speech_whatever_the_spacing() -> None:
    comparison = compare_texts('The port of Orno stays shut, the union said. "It is unfair. " The "reform" passed.')
    assert {text for kind, text, _ in notes(comparison, "Outlet 0") if kind == "scare quotes"} == {'"reform"'}


def test_a_quoted_title_is_no_scare_quote() -> None:
    comparison = compare_texts(
        'The town of Orno showed "Harbour of Kessa" on Monday, and the mayor was a "hero" to them.'
    )
    assert {text for kind, text, _ in notes(comparison, "Outlet 0") if kind == "scare quotes"} == {'"hero"'}


def test_words_someone_is_said_to_have_used_are_a_partial_quote() -> None:
    comparison = compare_texts(
        'The president derided the governor as "short and fat" on Monday.\n'
        'He explained that the deal "was tricky" for legal reasons.\n'
        'The "reform" of the port in Orno passed on Monday.'
    )
    assert {text for kind, text, _ in notes(comparison, "Outlet 0") if kind == "scare quotes"} == {'"reform"'}


def test_loaded_adjectives_joined_by_and_go_together_and_a_plain_one_stays() -> None:
    comparison = compare_texts(
        "The militants carried out a disgusting and despicable act in Orno on Monday, police said.\n"
        "It was a brutal and sudden attack on the port of Kessa on Tuesday, police said."
    )
    adjectives = {(text, alt) for kind, text, alt in notes(comparison, "Outlet 0") if kind == "loaded adjective"}
    assert adjectives == {("disgusting and despicable act", "act"), ("brutal and sudden attack", "sudden attack")}


def test_words_that_judge_only_in_one_sense_are_flagged_only_in_it() -> None:
    plain = compare_texts(
        "The singer was rushed to hospital in Orno on Sunday. She was supposed to fly home on Monday.\n"
        "She was admitted to the clinic on Friday."
    )
    assert notes(plain, "Outlet 0") == set()
    judging = compare_texts(
        "The council rushed to blame the rain for the floods in Orno. The supposed cure did not work.\n"
        "The mayor admitted that the dams had failed."
    )
    assert {kind for kind, _, _ in notes(judging, "Outlet 0")} == {"editorializing", "doubt-casting attribution"}
    assert len(notes(judging, "Outlet 0")) == 3


def test_profiles_give_the_affiliation_a_speaker_is_described_with() -> None:
    comparison = compare_texts(
        "Egyptian Foreign Minister Dana Kovac said the talks would resume.\nA French official said the plan was ready."
    )
    [profile] = comparison.profiles
    assert {(q.speaker, q.affiliation) for q in profile.quoted} == {
        ("Dana Kovac", "Egypt"),
        ("A French official", "France"),
    }
    # a country's name is read whole: South Sudanese officials are not Sudan's
    comparison = compare_texts("South Sudanese officials said the camp in Yida was bombed on Thursday.")
    [profile] = comparison.profiles
    assert {(q.speaker, q.affiliation) for q in profile.quoted} == {("South Sudanese officials", "South Sudan")}
    # whom something was told is no affiliation of the person it was told about
    comparison = compare_texts("A nurse told Reuters that Dana Kovac was at the clinic, and Kovac said she was not.")
    [profile] = comparison.profiles
    assert {(q.speaker, q.affiliation) for q in profile.quoted} == {("Dana Kovac", None)}


LOADED = "The radical mob of bigoted thugs spewed hateful lies in a bizarre, shameless rant against the town."
FACTUAL = "The city council approved the new budget on Tuesday by a vote of seven to two."


def test_the_shipped_bias_model_loads_with_its_feature_length() -> None:
    model = load_bias_model()
    assert len(model.features) == len(model.weights) == len(LEXICAL_FEATURES) + EMBEDDING_DIMENSIONS
    assert model.embedder == "all-MiniLM-L6-v2"
    assert 0.0 < model.threshold <= model.note_threshold < 1.0
    assert model.evidence_words and model.evidence_words <= model.lexicon.keys()
    assert "hostag" not in model.evidence_words  # the hand lexicon's plainer term is never loaded
    matrix = model.feature_matrix([FACTUAL], np.zeros((1, EMBEDDING_DIMENSIONS), dtype=np.float32), [0])
    assert matrix.shape == (1, len(model.features))


def test_a_loaded_sentence_scores_above_a_plainly_factual_one() -> None:
    model, lexicon = load_bias_model(), framing.load_lexicon()
    texts = [LOADED, FACTUAL]
    vectors = load_embedder().encode(texts)
    loaded, factual = model.probability(texts, vectors, [framing.lexicon_hits(t, lexicon) for t in texts])
    assert loaded >= model.note_threshold > model.threshold > factual


def test_loaded_sentences_are_noted_on_their_learned_words_in_the_outlets_voice_only() -> None:
    quoted = '"Those radical thugs spewed bizarre lies in a shameless rant about the town," the mayor said.'
    comparison = compare_texts(f"Council news\n{LOADED}\n{quoted}\n{FACTUAL}")
    article = comparison.articles[0]
    loaded = [n for n in comparison.framing if n.kind == framing.LOADED_SENTENCE]
    assert loaded
    for note in loaded:
        assert article.text[note.start : note.end] == note.text == note.alternative
        assert note.end <= article.text.index(LOADED) + len(LOADED)  # the quotation and the factual get none
    spans = sorted((n.start, n.end) for n in comparison.framing if n.article_id == article.article_id)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


class _Zeros:
    def encode(self, texts: list[str]) -> NDArray[np.float32]:
        return np.zeros((len(texts), EMBEDDING_DIMENSIONS), dtype=np.float32)


def _word_counter(threshold: float = 0.5) -> BiasModel:
    """A hand-made model: the probability rises with the number of learned words, nothing else counts."""
    size = len(LEXICAL_FEATURES) + EMBEDDING_DIMENSIONS
    weights = np.zeros(size)
    weights[LEXICAL_FEATURES.index("learned_count")] = 4.0
    return BiasModel(
        "test",
        (*LEXICAL_FEATURES, *(f"embedding_{i}" for i in range(EMBEDDING_DIMENSIONS))),
        np.zeros(size),
        np.ones(size),
        weights,
        -2.0,
        {"bizarr": 0.9, "rant": 0.8},
        0.3,
        frozenset({"bizarr", "rant"}),
        threshold,
        threshold,
    )


def test_loaded_sentence_notes_skip_quotes_short_lines_and_calm_sentences() -> None:
    text = (
        "Assembly news\n"
        "The minister gave a bizarre speech to the assembly on Monday evening.\n"
        '"It was a bizarre speech, a long rant and an insult to every voter in the land," the leader said.\n'
        'The opposition leader called the speech a "rant" in an interview on Monday.\n'
        "A bizarre rant.\n"
        "The minister spoke to the assembly about the budget on Monday evening."
    )
    article = make_article(text)
    notes = framing.find_framing(article, [], framing.load_lexicon(), [], _Zeros(), _word_counter())
    assert [(n.kind, n.text) for n in notes] == [(framing.LOADED_SENTENCE, "bizarre")]
    assert article.text[notes[0].start : notes[0].end] == "bizarre" and notes[0].start < text.index(".")
    assert framing.find_framing(article, [], framing.load_lexicon(), []) == []  # no embedder: no model


def test_a_bias_model_fitted_on_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="biasmodel.py --fit"):
        dataclasses.replace(_word_counter(), features=LEXICAL_FEATURES)


def test_lexicon_hits_count_each_stretch_once() -> None:
    lexicon = framing.load_lexicon()
    assert framing.lexicon_hits(FACTUAL, lexicon) == 0
    assert framing.lexicon_hits("Israeli occupation forces slammed the so-called truce.", lexicon) == 3


def test_the_digest_points_to_no_picture_it_does_not_show() -> None:
    comparison = compare_texts(
        "Minister Lena Dorn (left) visited the flooded town of Kessa on Tuesday with the mayor.",
        "Minister Lena Dorn (pictured with the mayor) visited the flooded town of Kessa on Tuesday.",
    )
    [visit] = [d.text for d in comparison.digest if "visited the flooded town" in d.text]
    assert "Minister Lena Dorn visited" in visit and "(" not in visit


def test_a_label_in_parentheses_is_no_pointer_to_a_picture() -> None:
    from counterpoint.stages.digest import _PICTURE_POINTER

    label = "The Orno Front (far right) won the vote."
    assert _PICTURE_POINTER.sub("", label) == label
    assert _PICTURE_POINTER.sub("", "The Orno Front (right-wing) won.") == "The Orno Front (right-wing) won."
    assert _PICTURE_POINTER.sub("", "The mayor (top left) spoke.") == "The mayor spoke."


def test_the_digest_tells_no_half_statement() -> None:
    # a sentence that leads into a quotation on the next line, or starts inside a cut one, is half a statement
    lead_in = "League deputy Ivo Marek denied the report on Wednesday morning in comments to Orno Radio"
    comparison = compare_texts(
        f'{lead_in}:\n"There is no plan to add four teams to the league."',
        f"\u2026{lead_in}.",
    )
    assert not [d for d in comparison.digest if "denied the report" in d.text]
    comparison = compare_texts(f"{lead_in}:\nThe league said nothing.", f"{lead_in}, the league said.")
    [told] = [d for d in comparison.digest if "denied the report" in d.text]
    assert not told.text.rstrip().endswith(":") and len(told.sources) == 2


def test_the_digest_tells_a_claim_by_a_sentence_that_names_its_subject() -> None:
    comparison = compare_texts(
        "He scored 23 points for the Orno Pikes in the win over the Harbour Gulls on Sunday night.",
        "He scored 23 points in the Pikes' win over the Gulls on Sunday night.",
        "Ivo Marek scored 23 points for the Orno Pikes against the Harbour Gulls.",
    )
    [told] = [d for d in comparison.digest if "23 points" in d.text]
    assert told.text.startswith("Ivo Marek") and len(told.sources) == 3


def test_the_digest_cites_only_the_sentences_that_say_what_it_tells() -> None:
    # the fourth outlet's sentence is in the claim (the dam gave way on Monday) but says nothing of the four
    # villages or of the officials: cited for the told sentence, the digest would put those words in its mouth
    comparison = compare_texts(
        "The Kessa dam burst on Monday, flooding four villages and forcing 2,000 people from their homes, officials"
        " said.\nRescue teams were sent from the capital.",
        "The Kessa dam burst on Monday, flooding four villages, officials said.\nThe army sent boats to the villages.",
        "Officials said the Kessa dam burst on Monday and flooded four villages.\nThe government promised aid.",
        "The dam at Kessa gave way on Monday after days of heavy rain.\nEngineers had warned of cracks last year.",
    )
    dam = [c for c in comparison.claims if c.status == "shared" and "Outlet 3" in c.outlets]
    assert dam, comparison.claims  # the aligner holds the four sentences in one claim
    [told] = [d for d in comparison.digest if d.status == "shared" and "villages" in d.text]
    assert told.outlets == ["Outlet 0", "Outlet 1", "Outlet 2"], told


def test_a_user_lexicon_edited_between_runs_is_read_again(tmp_path: Path) -> None:
    extra = tmp_path / "newsroom.json"
    extra.write_text(json.dumps({"loaded_adjectives": ["gleeful"]}), "utf-8")
    first = framing.load_lexicon([extra])
    assert "gleeful" in first.adjectives and framing.load_lexicon([extra]) is first  # read once while unchanged
    extra.write_text(json.dumps({"loaded_adjectives": ["smug"]}), "utf-8")
    os.utime(extra, ns=(extra.stat().st_atime_ns, extra.stat().st_mtime_ns + 1_000_000))
    second = framing.load_lexicon([extra])
    assert "smug" in second.adjectives and "gleeful" not in second.adjectives


def test_a_users_lexicon_labels_count_in_descriptions(tmp_path: Path) -> None:
    from counterpoint.pipeline import CompareOptions, compare_articles
    from counterpoint.stages.ingest import article_from_text

    extra = tmp_path / "newsroom.json"
    family = {"referent": "union leaders", "plain": "union leader", "kind": "contested label", "terms": ["dock boss"]}
    extra.write_text(json.dumps({"families": [family]}), "utf-8")
    texts = [
        "Strike at Merav port\n\nDana Kovac, the dock boss who runs the port, called a strike on Monday.",
        "Port strike called\n\nDana Kovac, the union leader of the port workers, called a strike on Monday.",
    ]
    articles = [article_from_text(t, source=f"o{i}.txt", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    plain = descriptions(compare_articles(articles))
    assert not plain  # "dock cartel" is no loaded word to the bundled lexicon
    articles = [article_from_text(t, source=f"o{i}.txt", outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    found = descriptions(compare_articles(articles, CompareOptions(framing_lexicons=[extra])))
    assert found == {"Dana Kovac": {("Outlet 0", "dock boss"), ("Outlet 1", "union leader")}}


def test_the_digest_does_not_tell_a_part_of_a_told_sentence_again_but_tells_what_it_denies() -> None:
    from counterpoint.stages.digest import write_digest

    texts = [
        "A nurse told investigators that the surgeon, who has not been named, left the operating room of the Kessa"
        " clinic before the patient woke.\nThe clinic closed its second theatre on Friday.",
        "The surgeon, who has not been named, left the operating room of the Kessa clinic before the patient woke,"
        " investigators were told.\nThe clinic shut its second theatre on Friday.",
        'He "left the operating room of the Kessa clinic before the patient woke," the nurse added.',
        'The nurse said he "left the operating room before the patient woke" at the Kessa clinic.',
        "The surgeon was not named by the Kessa clinic, a nurse said.",
        "The Kessa clinic has not named the surgeon, according to a nurse.",
    ]
    articles = [make_article(t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]

    def claim(claim_id: str, members: list[tuple[int, int]]) -> Claim:
        return _sentences_claim(claim_id, articles, members)

    claims = [
        claim("c1", [(0, 0), (1, 0)]),  # the whole statement, told first
        claim("c2", [(2, 0), (3, 0)]),  # a part of it, in other outlets' words: nothing new
        claim("c3", [(4, 0), (5, 0)]),  # the naming the first sentence denies, told by others: still news
        claim("c4", [(0, 1), (1, 1)]),
    ]
    told = [d.text for d in write_digest(Comparison(articles=articles, claims=claims))]
    assert "who has not been named, left the operating room" in told[0], told
    assert not any(t.startswith(("He ", "The nurse said he")) for t in told), told
    assert any("not named" in t or "has not named" in t for t in told[1:]), told
    assert any("second theatre" in t for t in told), told
