"""Names as written: one name written two ways, a choice of words, and one source under all its names."""

from __future__ import annotations

import pytest

from counterpoint import names

COUNTRIES = {"Veltrian": "Veltria", "Veltria's": "Veltria", "Osmanian": "Osmania", "US": "United States"}


def qualifier(word: str) -> str | None:
    return COUNTRIES.get(word.replace(".", ""))


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("KOVAC", "Kovac", "case"),
        ("U.S.", "US", "abbreviation dots"),
        ("al-Merav", "al Merav", "punctuation"),
        ("Kessa", "Kessá", "accents"),
        ("Ilona Varga", "Ilona Vagra", "a spelling slip"),
        ("harbour centre", "harbour center", "one edit in a long word"),
        ("rumour", "rumor", "British and American spelling of a short word"),
        ("fibres", "fibers", "British and American spelling, plural"),
        ("analysed", "analyzed", "British and American spelling of a verb"),
        ("Kessa", "Kessa Strip", "a short form: the extra word is part of the name"),
        ("the Kessa Strip", "Kessa", "a short form with an article"),
        ("Harbour Department", "U.S. Department of Harbours", "the same words in another order, a country"),
        ("Dana Kovac", "Dana Ilić de Kovac", "a name particle"),
        ("President Kovac", "Dana Kovac", "a title against a first name"),
        ("VDF", "Veltria Defence Forces", "an acronym"),
        ("V.D.F.", "Veltria Defence Forces", "an acronym with dots"),
        ("USMA", "US Maritime Authority", "an acronym holding an acronym"),
        ("VCNA", "Veltria Central News Agency", "an acronym of words that look like a direction"),
        ("New Merav City", "New Merav", "a short form of a name that starts with a number word"),
    ],
)
def test_one_name_written_two_ways_is_no_choice_of_words(a: str, b: str, why: str) -> None:
    assert names.same_name(a, b), why
    assert not names.wording_choice(a, b), why
    assert not names.wording_choice(b, a), why


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("southern Kessa", "northern Kessa"),
        ("central Merav", "Merav"),
        ("two ports", "three ports"),
        ("7th Fleet", "6th Fleet"),
        ("Merav", "Bank of Merav"),  # what follows "of" is another thing than the bank
        ("Osmania", "Islamic Front of Veltria and Osmania"),
    ],
)
def test_forms_of_different_places_or_numbers_are_no_choice_of_words(a: str, b: str) -> None:
    assert names.different_referent(a, b)
    assert not names.same_name(a, b)
    assert not names.wording_choice(a, b)


def test_a_title_before_of_is_no_head_and_acronyms_of_one_thing_are_no_choice() -> None:
    assert names.same_name("Kovac", "Secretary of State Dana Kovac")
    assert names.same_name("Department of Harbours", "US Department of Harbours")
    assert not names.wording_choice("IFV", "IFVO")  # two abbreviations of one group's names
    assert names.wording_choice("IFV", "the terror group")
    # the acronym of a longer form of the name ("Islamic Front of Veltria" for "Islamic Front") is no choice;
    # one whose letters do not begin with the name's initials may carry a label, and stays one
    assert not names.wording_choice("IFV", "Islamic Front")
    assert not names.wording_choice("Islamic Front", "IFVO")
    assert not names.wording_choice("Ifv", "Islamic Front")  # an acronym as some outlets write it
    assert names.wording_choice("VOF", "Veltrian forces")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("occupied Merav", "Merav"),  # a modifier that judges
        ("al-Quds al-Kabira", "Merav City"),  # two names for one city
        ("hostages", "captives"),
        ("Veltria Defence Forces", "the Veltrian army"),
        ("rebels", "freedom fighters"),
    ],
)
def test_different_words_for_one_referent_are_a_choice(a: str, b: str) -> None:
    assert names.wording_choice(a, b)
    assert names.wording_choice(b, a)


def groups(speakers: list[str]) -> list[set[str]]:
    found: dict[str, set[str]] = {}
    for speaker, group in names.speaker_groups(speakers, qualifier).items():
        found.setdefault(group, set()).add(speaker)
    return sorted(found.values(), key=lambda g: sorted(g))


def test_a_person_counts_once_under_name_surname_and_title() -> None:
    mapped = names.speaker_groups(["Dana Kovac", "Kovac", "President Kovac", "KOVAC", "Ivo Marek"], qualifier)
    assert {mapped[s] for s in ("Dana Kovac", "Kovac", "President Kovac", "KOVAC")} == {"Dana Kovac"}
    assert mapped["Ivo Marek"] == "Ivo Marek"


def test_an_institution_counts_once_with_or_without_its_country_and_article() -> None:
    found = groups(
        ["the Harbour Department", "Veltrian Harbour Department", "Department of Harbour", "the harbour department"]
    )
    assert found == [
        {"the Harbour Department", "Veltrian Harbour Department", "Department of Harbour", "the harbour department"}
    ]


def test_a_source_named_again_as_the_same_source_counts_once() -> None:
    found = groups(["the source", "the same source", "That same source", "an unnamed source", "the police"])
    assert sorted(map(sorted, found)) == [
        ["That same source", "the same source", "the source"],
        ["an unnamed source"],
        ["the police"],
    ]


def test_two_countries_institutions_stay_apart_and_an_unplaced_one_joins_neither() -> None:
    found = groups(["Veltrian Foreign Ministry", "Osmanian Foreign Ministry", "Foreign Ministry", "Defence Ministry"])
    assert all(len(group) == 1 for group in found)


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    mapped = names.speaker_groups(["Dana Kovac", "Ivo Kovac", "Kovac"], qualifier)
    assert len(set(mapped.values())) == 3


def test_a_description_ending_in_a_name_joins_the_name_and_descriptions_stay_apart() -> None:
    mapped = names.speaker_groups(
        ["Merav resident Varga", "Ilona Varga", "a port official", "a senior port official", "Police", "the police"],
        qualifier,
    )
    assert mapped["Merav resident Varga"] == mapped["Ilona Varga"] == "Ilona Varga"
    assert mapped["a port official"] != mapped["a senior port official"]
    assert mapped["Police"] == mapped["the police"]


def test_a_word_after_of_is_not_a_surname() -> None:
    mapped = names.speaker_groups(["the Fishermen's Union of Kessa", "Kessa"], qualifier)
    assert mapped["Kessa"] == "Kessa"


def test_a_name_written_all_in_lower_case_is_read_as_a_name() -> None:
    from counterpoint.stages.wording import _plain

    # a lower-case headline's "dana kovac" is the name "Kovac" in full, not a description of Kovac
    assert not names.wording_choice(_plain("dana kovac"), _plain("Kovac"))
    assert names.wording_choice(_plain("the occupied al-Quds"), _plain("Merav City"))
