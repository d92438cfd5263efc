"""Entities, quotes and quantities on short invented articles (runs the bundled spaCy model)."""

from __future__ import annotations

import pytest

from counterpoint.model import Comparison
from counterpoint.pipeline import compare_articles
from counterpoint.stages.entities import _tokens
from counterpoint.stages.quantities import parse_value
from counterpoint.stages.reading import article_from_text

from .conftest import compare_texts


def entity_groups(comparison: Comparison) -> dict[str, set[str]]:
    return {e.name: {m.text for m in e.mentions} for e in comparison.entities}


def entity_of(comparison: Comparison, surface: str) -> str:
    [name] = [e.name for e in comparison.entities if any(m.text == surface for m in e.mentions)]
    return name


def counts_of(*texts: str) -> dict[float, str]:
    """What each figure of the invented articles counts, by its value."""
    return {q.value: q.counts for q in compare_texts(*texts).quantities}


def quotes_by_speaker(comparison: Comparison) -> dict[str, list[tuple[str, list[str], bool]]]:
    result: dict[str, list[tuple[str, list[str], bool]]] = {}
    for quote in comparison.quotes:
        result.setdefault(quote.speaker, []).append((quote.text, quote.via, quote.direct))
    return result


def test_aliases_short_forms_and_misspellings_resolve_across_articles() -> None:
    comparison = compare_texts(
        "Foreign Minister Kalina Petrova met Mayor Anton Reyes in Jerusalem on Monday. Petrova praised the city.",
        "Kalina Petrowa met the mayor in al-Quds. The State Department welcomed the visit.",
        "The US State Department and the Department of State's envoys said Petrova would return.",
    )
    assert entity_of(comparison, "Petrova") == entity_of(comparison, "Kalina Petrowa")
    assert entity_of(comparison, "al-Quds") == entity_of(comparison, "Jerusalem") == "Jerusalem"
    assert entity_of(comparison, "State Department") == entity_of(comparison, "US State Department")
    assert entity_of(comparison, "Department of State") == entity_of(comparison, "State Department")
    assert entity_of(comparison, "Petrova") != entity_of(comparison, "Anton Reyes")


def test_a_hyphen_in_a_name_is_a_space() -> None:
    comparison = compare_texts(
        "Airline manager Abdul Karim Al-Sayegh said new rules would come soon.",
        "Abdul Karim Al Sayegh, a manager at the airline, said the rules were ready.",
    )
    assert entity_of(comparison, "Abdul Karim Al-Sayegh") == entity_of(comparison, "Abdul Karim Al Sayegh")


def test_a_hyphenated_name_stays_one_name() -> None:
    comparison = compare_texts(
        "Mayor Hans-Peter Weber met the farmer Hans Weber on Monday. Weber-Lang, a lawyer, joined them.",
        "Hans-Peter Weber said the farm would stay open.",
    )
    [mayor] = [e for e in comparison.entities if e.name == "Hans-Peter Weber"]
    assert len({m.article_id for m in mayor.mentions}) == 2  # one person in both articles
    assert entity_of(comparison, "Hans-Peter Weber") != entity_of(comparison, "Hans Weber")


def test_people_sharing_a_surname_stay_apart() -> None:
    comparison = compare_texts(
        "Senator Maria Okafor met her brother Daniel Okafor, the central bank governor, on Friday. "
        "Okafor later said rates would stay high.",
        "Daniel Okafor declined to comment.",
    )
    assert entity_of(comparison, "Maria Okafor") != entity_of(comparison, "Daniel Okafor")


def test_a_title_a_degree_and_an_initial_are_read_around_a_name() -> None:
    comparison = compare_texts(
        "The clinic named its doctor as Gwen S. Korovin. Dr Korovin declined to comment.",
        "The letter was signed by S. Korovin M.D. on Monday. Korovin did not reply.",
        "Gwen Korovin said she had done nothing wrong.",
    )
    assert [sorted({m.article_id for m in e.mentions}) for e in comparison.entities if "Korovin" in e.name] == [
        sorted(a.article_id for a in comparison.articles)
    ]
    assert _tokens("Dr Korovin") == ["korovin"] and _tokens("S. Korovin M.D.") == ["s.", "korovin"]
    # an initial two full names could hold joins neither
    comparison = compare_texts(
        "John Okafor and Jane Okafor spoke on Monday.", "J. Okafor later said the vote would be close."
    )
    assert len({entity_of(comparison, s) for s in ("John Okafor", "Jane Okafor", "J. Okafor")}) == 3


def test_known_places_and_outlets_get_the_right_type() -> None:
    comparison = compare_texts(
        "Troops massed outside Rafah on Monday, a source told Al Mayadeen. Xinhua reported heavy shelling.",
    )
    types = {e.name: e.type for e in comparison.entities}
    assert types["Rafah"] == "GPE"
    assert types["Al Mayadeen"] == "ORG"
    assert types["Xinhua"] == "ORG"


def test_a_bare_surname_is_a_person_whatever_the_tagger_said() -> None:
    comparison = compare_texts(
        "Finance Minister Teodor Vasquez presented the budget. Vasquez said the deficit would shrink.",
    )
    assert {e.type for e in comparison.entities if "Vasquez" in e.name} == {"PERSON"}
    assert entity_of(comparison, "Vasquez") == "Teodor Vasquez"


def test_parenthetical_alias() -> None:
    comparison = compare_texts(
        "The National Liberation Front (NLF) rejected the offer. The NLF said talks were over.",
    )
    assert entity_of(comparison, "NLF") == entity_of(comparison, "National Liberation Front")


def test_a_known_name_in_brackets_after_another_known_name_is_no_alias() -> None:
    # the parser may cut "the Islamic State of Iraq and Syria (ISIS)" before "Syria": the country is not the group
    comparison = compare_texts(
        "Fighters loyal to Syria (ISIS) seized the town. ISIS said it held the town.",
        "The Islamic State said it seized the town in Syria.",
    )
    assert entity_of(comparison, "Syria") != entity_of(comparison, "ISIS")
    assert entity_of(comparison, "ISIS") == entity_of(comparison, "Islamic State")


def test_direct_quotes_with_attribution_after_and_before() -> None:
    comparison = compare_texts(
        '"We will rebuild every house that was lost," Mayor Anton Reyes said on Monday.\n'
        'Reyes added: "The city has never been stronger than it is today."\n'
        '"Help is coming. It will be here within days," said Governor Lena Marsh.'
    )
    quotes = quotes_by_speaker(comparison)
    assert ("We will rebuild every house that was lost,", [], True) in quotes["Anton Reyes"]
    assert any(text.startswith("The city has never been stronger") for text, _, _ in quotes["Anton Reyes"])
    marsh = [text for text, _, direct in quotes["Lena Marsh"] if direct]
    assert marsh == ["Help is coming. It will be here within days,"]  # a quote of two sentences stays whole


def test_a_title_or_an_initial_does_not_end_the_speakers_name() -> None:
    comparison = compare_texts(
        '"Every clinic should have checks on who may operate there," said Dr. Arthur Caplan, an ethicist.\n'
        '"The harbour will reopen within the week," Dr. Lena Marsh told reporters.\n'
        '"We expect the first ships on Monday," said John F. Keller of the port authority.'
    )
    quotes = quotes_by_speaker(comparison)
    assert "Dr" not in quotes and "F" not in quotes
    assert any(text.startswith("Every clinic") for text, _, _ in quotes["Arthur Caplan"])
    assert any(text.startswith("The harbour will reopen") for text, _, _ in quotes["Lena Marsh"])
    assert any(
        text.startswith("We expect the first ships")
        for speaker in quotes
        for text, _, _ in quotes[speaker]
        if "Keller" in speaker
    )


def test_a_speakers_phrase_is_a_name_or_a_role_not_a_clause() -> None:
    comparison = compare_texts(
        "The harbour master took the ferry out of service during the storm, according to a Nordic Radio report on "
        "Tuesday.\n"
        "The pilot, who according to the union's source is not licensed for night crossings, steered the ferry.\n"
        "However sources close to the harbour master have accused the union of spreading lies.\n"
        "A statement by the ferry company said the crossing would resume on Friday."
    )
    speakers = set(quotes_by_speaker(comparison))
    assert "Nordic Radio" in speakers
    assert not [s for s in speakers if " is " in s or s.startswith(("However", '"'))]
    assert "sources close to the harbour master" in speakers
    assert "the ferry company" in speakers or "ferry company" in speakers  # the issuer of the statement


def test_a_speakers_phrase_ends_before_its_relative_clause_and_its_day() -> None:
    comparison = compare_texts(
        "The port authority on Monday strongly condemned the closure of a fishing harbour in Orno sheltering more "
        "than 200 boats fleeing from storms in neighbouring Kessa's bays.\n"
        "A harbour official initially reported deaths, but a Danish activist who spoke to nurses at the clinic later "
        "said there were no casualties."
    )
    assert {"The port authority", "a Danish activist"} <= set(quotes_by_speaker(comparison))


def test_the_speaker_is_the_name_before_a_role_that_names_an_organisation() -> None:
    comparison = compare_texts(
        'Marta Olsen, deputy director at Nordic Rail, commented: "The new timetable starts in May."\n'
        '"Fares will not rise," said Marta Olsen, deputy director at Nordic Rail.'
    )
    quotes = quotes_by_speaker(comparison)
    assert "Nordic Rail" not in quotes
    assert len(quotes["Marta Olsen"]) == 2


def test_whose_relative_speaks_and_where_the_speaker_is_from_are_not_the_speaker() -> None:
    comparison = compare_texts(
        'Dana Flynn, 20, was killed in April. "We got the verdict we wanted," said Flynn\'s father, Herbert Flynn.',
        'Dana Flynn was killed in April. Her father Herbert Flynn of Fort Varna said, "It is over, we can rest now."',
        'The police inquiry is closed. "We will appeal," said Flynn\'s lawyer.',
        'According to the NYPD\'s statement, the officers "acted within the guidelines."',
    )
    quotes = quotes_by_speaker(comparison)
    assert {"Herbert Flynn", "Flynn's lawyer", "NYPD"} <= set(quotes) and len(quotes["Herbert Flynn"]) == 2
    assert "Dana Flynn" not in quotes and "Fort Varna" not in quotes


@pytest.mark.parametrize(
    ("paragraph", "words", "speaker", "not_speaker"),
    [
        # the speaker quoted in an earlier sentence of the paragraph, not the last person of the one before
        (
            '"The storm is the worst in decades," said Ivo Dorn, the mayor. "We will rebuild," he added.',
            "We will rebuild",
            "Ivo Dorn",
            "Lena Marsh",
        ),
        # a person who opens a sentence after that speaker's, with a verb that is no speech verb
        (
            '"The storm is the worst in decades," said Ivo Dorn, the mayor. Marko Lind, the harbour master, '
            'disagreed. "We have seen worse storms than this one," he said.',
            "We have seen worse",
            "Marko Lind",
            "Ivo Dorn",
        ),
        # after only a possessor, "he" is nobody known: not Marsh
        (
            "Marsh\u2019s father spoke to reporters. He said the police had no reason to fire.",
            "no reason to fire",
            None,
            "Lena Marsh",
        ),
    ],
)
def test_he_or_she_is_read_from_the_sentences_before_it_in_its_paragraph(
    paragraph: str, words: str, speaker: str | None, not_speaker: str
) -> None:
    quotes = quotes_by_speaker(
        compare_texts(f"Lena Marsh, the harbour master, closed the port on Monday.\n{paragraph}")
    )
    if speaker:
        assert any(words in text for text, _, _ in quotes[speaker]), quotes
    assert not any(words in text for text, _, _ in quotes.get(not_speaker, [])), quotes


def test_a_name_after_a_courtesy_title_is_a_person_the_tagger_may_miss() -> None:
    # "Earnest" is also a word: without "Mr" read as a title, "he" would be the mayor quoted before
    quotes = quotes_by_speaker(
        compare_texts(
            "Tom Earnest, the port chief of Orno, closed the harbour on Monday.\n"
            '"The storm is the worst in decades," said Ivo Dorn, the mayor. Mr Earnest urged caution. '
            '"We have seen worse storms than this one," he said.'
        )
    )
    assert any("We have seen worse" in text for text, _, _ in quotes["Tom Earnest"]), quotes
    assert not any("We have seen worse" in text for text, _, _ in quotes.get("Ivo Dorn", [])), quotes


def test_curly_single_quotation_marks_are_quotations_and_an_apostrophe_is_not_their_close() -> None:
    comparison = compare_texts(
        "Ivo Dorn, the mayor of Orno, visited the harbour on Monday.\n"
        "\u2018We don\u2019t know yet when the ferries will sail again,\u2019 Ivo Dorn said.\n"
        "The mayor\u2019s office said the \u2018temporary\u2019 closure would last a week."
    )
    quotes = quotes_by_speaker(comparison)
    assert ("We don\u2019t know yet when the ferries will sail again,", [], True) in quotes["Ivo Dorn"], quotes


def test_a_phrase_of_place_or_time_before_the_speaker_is_not_the_speaker() -> None:
    from counterpoint.stages.quotes import _clean_np

    assert _clean_np("In Washington, the State Department") == "the State Department"
    assert _clean_np("Last Tuesday, the ministry") == "the ministry"
    assert _clean_np("Abdul Rahman al-Fahd, assistant manager at Saudia Airlines") == "Abdul Rahman al-Fahd"
    assert _clean_np("\u00c9mile Durand, a spokesman for the ministry") == "\u00c9mile Durand"


def test_reported_speech_and_according_to() -> None:
    comparison = compare_texts(
        "Interior Minister Dario Kessel said that the border would reopen on Friday.\n"
        "According to the Health Ministry, 40 people were injured.\n"
        "He told reporters that more troops would be sent."
    )
    quotes = quotes_by_speaker(comparison)
    assert any("border would reopen" in text for text, _, _ in quotes["Dario Kessel"])
    assert "Health Ministry" in quotes
    assert any("more troops" in text for text, _, _ in quotes["Dario Kessel"])  # "He" is Kessel


def test_relay_chain_and_outlet_listener() -> None:
    comparison = compare_texts(
        "Axios reporter Jane Holt said on X, citing a senior official, that the deal was close.\n"
        "A government source told Al Mayadeen that the talks would resume."
    )
    quotes = quotes_by_speaker(comparison)
    [(text, via, _)] = quotes["a senior official"]
    assert "deal was close" in text
    assert via == ["Jane Holt", "Axios"]
    assert quotes["A government source"][0][1] == ["Al Mayadeen"]


def test_the_same_statement_in_two_outlets_is_linked() -> None:
    comparison = compare_texts(
        '"We will not accept any deal that leaves the hostages behind," the minister said.',
        'The minister said: "We will not accept any deal that leaves the hostages behind."',
    )
    statements = {q.statement_id for q in comparison.quotes if q.direct}
    assert len(statements) == 1 and None not in statements


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("34,568", 34568),
        ("more than 1.2 million", 1_200_000),
        ("seventh", 7),
        ("two", 2),
        ("at least 14", 14),
        ("twenty-five", 25),
        ("5 million", 5_000_000),
        ("3rd", 3),
        ("60 percent", 60),
        ("about 200", 200),
    ],
)
def test_parse_value(text: str, value: float) -> None:
    assert parse_value(text) == value


def test_parse_value_rejects_vague_amounts() -> None:
    assert parse_value("dozens") is None and parse_value("several") is None


def test_quantities_with_what_they_count_authority_and_period() -> None:
    comparison = compare_texts(
        "According to the Health Ministry, the death toll has risen to 1,250.\n"
        "The ministry said on Wednesday that during the past 24 hours, troops killed 18 civilians and wounded "
        "40 others.\n"
        "The minister was on his third visit to the region since the war began."
    )
    found = {q.value: (q.counts, q.authority, q.as_of) for q in comparison.quantities}
    assert found[1250][0] == "death toll" and found[1250][1] == "Health Ministry"
    assert found[18][0] == "civilians killed"
    assert found[40][0] == "civilians wounded"
    assert found[18][2] == "during the past 24 hours; as of 2025-03-12"
    assert found[3][0] == "visit"


def test_what_a_sum_is_of_is_the_noun_after_it() -> None:
    found = counts_of(
        "The fire caused $1 million in damage to the church in Orno.\n"
        "The blaze did an estimated $2 million damage, officials said.\n"
        "Sales reached $5 million in the first quarter."
    )
    assert found[1e6] == "damage" and found[2e6] == "damage"  # not "caused", not "did"
    assert "quarter" not in found[5e6]  # a time after "in the": not what the sum is of


def test_a_scale_written_onto_a_figure_is_read_with_it() -> None:
    comparison = compare_texts("The shipyard in Orno raised $35m in two rounds and got $9.3m from the city council.")
    found = {q.value: (q.text, q.counts) for q in comparison.quantities}
    assert found[35e6] == ("35m", "raised") and found[9.3e6] == ("9.3m", "got")  # not 35 "m raised", "rounds got"
    [sum_35] = [q for q in comparison.quantities if q.value == 35e6]
    assert comparison.articles[0].text[sum_35.start : sum_35.end] == "35m"


def test_coordinated_groups_of_people_are_one_count() -> None:
    comparison = compare_texts(
        "A petrol bomb thrown at the depot killed two women and a man on Friday.\n"
        "Later, three children and two adults were treated for smoke.\n"
        "Two houses and a school were damaged, and two women and children fled."
    )
    found = sorted(q.value for q in comparison.quantities)
    assert 3 in found and 5 in found  # 2 + 1 killed; 3 + 2 treated
    assert 1 not in found  # "a man" is counted in the group's total, not as a figure of its own
    assert found.count(2) == 2  # houses alone, women alone: no total across things or with an uncounted group


def test_party_tags_do_not_merge_people() -> None:
    comparison = compare_texts(
        "Sen. Ana Whitfield (D-N.Y.) and Rep. Carl Osei (D-N.Y.) both opposed the bill on Tuesday.",
        "Whitfield said the bill was rushed, and Osei agreed.",
    )
    assert entity_of(comparison, "Ana Whitfield") != entity_of(comparison, "Carl Osei")
    assert not any(m.text == "D-N.Y." for e in comparison.entities for m in e.mentions)


def test_phrases_that_cannot_speak_are_not_speakers() -> None:
    comparison = compare_texts(
        '"The talks are over," said campaigning in the capital.\n'
        "Concerns over Judge Ida Marr's record were voiced by two senators."
    )
    assert all(q.speaker[:1].isupper() for q in comparison.quotes)
    assert "campaigning in the capital" not in quotes_by_speaker(comparison)


def test_numbers_without_a_noun_count_their_verb() -> None:
    found = counts_of("The strike killed at least 20 on Monday. Another 35 were wounded, medics said.")
    assert found[20] == "killed"
    assert found[35] == "wounded"


def test_a_figure_put_at_counts_the_measure_it_is_put_on() -> None:
    found = counts_of(
        "The health ministry in Kessa put the death toll at 34,535 on Monday.\n"
        "Officials estimated the crowd at 5,000. The mayor put his boat in the harbour at 9."
    )
    assert found.get(34535) == "death toll" and found.get(5000) == "crowd"
    assert found.get(9, "") != "boat"  # "at 9" is a time, and a boat is no measure


def test_a_toll_told_with_of_counts_what_it_measures() -> None:
    found = counts_of(
        "Veltria rejected the ministry's figure of 4,535 dead.\n"
        "Nobody disputed the toll of 311 in Merav.\n"
        "Officials said the number of dead had reached 96 by Monday, and 200 others were injured.\n"
        "A team of 3 international and 4 local observers arrived on Tuesday."
    )
    assert found.get(4535) == "dead" and found.get(311) == "toll" and found.get(96) == "dead"
    assert "injured" in found.get(200, "") and "dead" not in found.get(200, "")  # the others are not the dead
    assert found.get(3, "") != "international"  # an adjective of a noun further on is no state counted


def test_what_happened_to_the_people_counted_is_what_they_count() -> None:
    found = counts_of(
        "Three people died in the blaze at the depot on Friday.\n"
        "The fire left at least four workers dead, and the 2 depot employees on duty were burnt to death.\n"
        "Five doctors treated the injured, and a 6.1 magnitude quake struck the coast.\n"
        "There are around 30 people seriously injured, medics said.\n"
        '"We have recorded 24 people dead and 70 people injured," the agency spokesman said.'
    )
    assert found.get(3) == "people died" and found.get(4) == "workers dead"
    assert found.get(2) == "depot employees burnt to death"
    assert found.get(6.1) == "magnitude quake"  # a thing counted is not what it does
    assert found.get(5) == "doctors"  # doctors who treat are not the treated
    assert found.get(30) == "people seriously injured"  # a grade of the state: a part of the injured
    assert found.get(24) == "people dead"  # the state as the verb's object predicate, not "people recorded"
    # a count of some of a group counts the group's noun, not a noun the sentence named before
    assert counts_of("Pirates attacked a tanker on Sunday. At least 17 of the hijacked ships are still held.")[17] == (
        "hijacked ships held"
    )


def test_a_description_resolves_to_the_titled_person() -> None:
    comparison = compare_texts(
        "Foreign Minister Dana Kovac arrived in the capital on Monday.\n"
        "The top Veltrian diplomat said the talks would resume within a week."
    )
    assert any(q.speaker == "Dana Kovac" and "talks would resume" in q.text for q in comparison.quotes)


def test_outlet_names_are_found_as_capitalised_whole_words() -> None:
    articles = [
        article_from_text("Prices rose three times this year, the Times reported.", source="a.txt", outlet="Times"),
        article_from_text("Officials called the plan a bold move, as the Times noted.", source="b.txt", outlet="L"),
    ]
    mentions = [m.text for e in compare_articles(articles).entities for m in e.mentions]
    assert mentions.count("Times") == 2
    assert "times" not in mentions and not [m for m in mentions if m.lower() == "l"]


def test_an_entity_is_named_by_a_full_form_only_when_more_than_one_mention_gives_it() -> None:
    from counterpoint.stages.entities import RawMention, _entity_name

    def mention(text: str, article: str) -> RawMention:
        return RawMention(article, f"{article}-s0", 0, len(text), text, "ORG")

    # a title-case headline's mis-cut span, seen once, against the name the body gives four times
    headline = [mention("Buys SeaMicro", "a1")] + [mention("SeaMicro", f"a{i}") for i in range(2, 6)]
    assert _entity_name(headline) == "SeaMicro"
    person = [mention("Lena Dorn", "a1"), mention("Lena Dorn", "a2")] + [mention("Dorn", "a3") for _ in range(4)]
    assert _entity_name(person) == "Lena Dorn"


def test_a_sentence_gets_exactly_the_tokens_that_begin_inside_it() -> None:
    from counterpoint.nlp import parse_articles
    from counterpoint.pipeline import prepare_article

    article = prepare_article(
        article_from_text(
            "Rescue teams reached the valley at dawn. Two bridges had collapsed overnight. "
            "The mayor asked for patience.",
            source="line.txt",
            outlet="Test",
        )
    )
    (line,) = parse_articles([article])[article.article_id]
    for sentence in article.sentences:
        tokens = [t.text for t in line.tokens_between(sentence.start, sentence.end)]
        expected = [t.text for t in line.doc if sentence.start <= line.start + t.idx < sentence.end]
        assert tokens == expected and " ".join(tokens).startswith(article.sentence_text(sentence).split()[0])
    assert len({sentence.line for sentence in article.sentences}) == 1 and len(article.sentences) == 3


def test_ids_of_entities_and_claims_are_scoped_by_the_articles_compared() -> None:
    cost = "The bridge took three years to build and cost 12 million euros."
    lead = f"Mayor Jonas Vell opened the new bridge over the Kessa river on Monday. {cost}"
    other = "Jonas Vell, the mayor, opened the new Kessa bridge on Monday morning."
    third = "Jonas Vell said the harbour of Kessa would close for repairs in May."
    first, again, elsewhere = compare_texts(lead, other), compare_texts(lead, other), compare_texts(lead, third)

    def ids(comparison: Comparison) -> dict[str, str]:
        return {e.name: e.entity_id for e in comparison.entities}

    def claim_of(comparison: Comparison, text: str) -> str:
        index = comparison.sentence_index()
        return next(
            c.claim_id
            for c in comparison.claims
            if any(comparison.sentence_text(s) == text for s in c.sentence_ids if s in index)
        )

    assert ids(first) == ids(again) and "Jonas Vell" in ids(first)
    assert ids(first)["Jonas Vell"] != ids(elsewhere)["Jonas Vell"]  # two stories of one store never collide
    assert claim_of(first, cost) == claim_of(again, cost)
    assert claim_of(first, cost) != claim_of(elsewhere, cost)  # the same sentence's claim in two stories


def test_a_name_that_stands_for_a_thing_of_theirs_is_not_who_he_is() -> None:
    # "the hit Tom Bell track" names a song, not the man who speaks later
    comparison = compare_texts(
        "Fisherman Dario Kessel was walking to his boat when a storm hit the harbour.\n\n"
        "As the waves rose, his radio began playing a song about the sea, the Orno Times reports.\n\n"
        "At the sound of the hit Tom Bell track, the gulls flew off.\n\n"
        "\u201cI couldn\u2019t believe my luck when the song came on and the storm passed,\u201d he said."
    )
    assert [q.speaker for q in comparison.quotes if "believe my luck" in q.text] == ["Dario Kessel"]


def test_a_name_found_once_is_found_where_the_tagger_missed_it() -> None:
    comparison = compare_texts(
        "Memorial for Darnell 'Dee' Okafor, who was shot by police on Saturday, turned violent.\n"
        "Friends said Okafor had no gun.",
        "Darnell Okafor was shot dead by two officers over the weekend, police said.",
    )
    people = [e for e in comparison.entities if e.name == "Darnell Okafor"]
    assert len(people) == 1
    assert "Darnell 'Dee' Okafor" in {m.text for m in people[0].mentions}  # a quoted nickname is no other name
    assert _tokens("Darnell 'Dee' Okafor") == ["darnell", "okafor"]


def test_a_clock_time_counts_nothing() -> None:
    found = counts_of(
        "Witnesses said there were three further explosions at 3 p. m. (1200 GMT). "
        "The camp holds about 20,000 refugees."
    )
    assert found == {3: "further explosions", 20000: "refugees holds"}


def test_a_count_of_times_says_of_what() -> None:
    found = counts_of("Gray was shot seven times by police. She has visited the city three times since October.")
    assert found[7] == "times shot"
    assert found[3] == "times visited"
