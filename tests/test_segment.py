from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from counterpoint.stages.clean import Block
from counterpoint.stages.segment import split_sentences

from .conftest import make_article, texts


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, Block(0, len(text), 0, "body"))]


def test_plain_sentences() -> None:
    assert split("One thing happened. Then another! Why? Nobody knows.") == [
        "One thing happened.",
        "Then another!",
        "Why?",
        "Nobody knows.",
    ]


def test_abbreviations_and_dates_do_not_split() -> None:
    assert split("U.S. officials met Mr. Smith on Oct. 7 in Washington. Talks went on.") == [
        "U.S. officials met Mr. Smith on Oct. 7 in Washington.",
        "Talks went on.",
    ]
    assert split("The plan came from the U.S. The allies agreed.") == [
        "The plan came from the U.S.",
        "The allies agreed.",
    ]
    assert split("President John F. Kennedy spoke. Crowds cheered.") == [
        "President John F. Kennedy spoke.",
        "Crowds cheered.",
    ]
    assert split("Flight No. 5 landed. The answer was no. Then it rained.") == [
        "Flight No. 5 landed.",
        "The answer was no.",
        "Then it rained.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert split('He said: "It is over." Then he left.') == ['He said: "It is over."', "Then he left."]
    assert split("\u201cWe will win,\u201d she said. \u201cNo doubt.\u201d") == [
        "\u201cWe will win,\u201d she said.",
        "\u201cNo doubt.\u201d",
    ]
    assert split('"Stop it!" he shouted, and left.') == ['"Stop it!" he shouted, and left.']


def test_decimals_and_numbers() -> None:
    assert split("Prices rose 1.2 percent. In 2024, 34,568 were counted.") == [
        "Prices rose 1.2 percent.",
        "In 2024, 34,568 were counted.",
    ]


def test_no_sentence_ends_with_a_determiner() -> None:
    # tokenised text cuts a decimal point from its figure: "a .357 revolver" becomes "a. 357 revolver"
    assert split("He pointed a. 357 caliber revolver at them. Both officers fired.") == [
        "He pointed a. 357 caliber revolver at them.",
        "Both officers fired.",
    ]
    assert split("The hitter posted a. 919 OPS last season. The team won.") == [
        "The hitter posted a. 919 OPS last season.",
        "The team won.",
    ]


def test_a_list_marker_opens_its_item() -> None:
    assert split("It hinges on two things: 1. How much will it cost? 2. Who will pay? Nobody knows.") == [
        "It hinges on two things: 1. How much will it cost?",
        "2. Who will pay?",
        "Nobody knows.",
    ]
    # a number that ends a sentence is no list marker: a day, a clock time, a number after "No."
    assert split("The trial opens on Aug. 29. Whatever happens, he stays.") == [
        "The trial opens on Aug. 29.",
        "Whatever happens, he stays.",
    ]
    assert split("They waited since 12 : 00. In Parliament nobody came.") == [
        "They waited since 12 : 00.",
        "In Parliament nobody came.",
    ]
    assert split("He was 12. He left.") == ["He was 12.", "He left."]


def test_sentences_never_cross_lines() -> None:
    text = "The first line has no stop\nand the second line goes on. It ends here.\nThird."
    article = make_article(text)
    for sentence in article.sentences:
        assert "\n" not in article.sentence_text(sentence)
    assert texts(article) == [
        "The first line has no stop",
        "and the second line goes on.",
        "It ends here.",
        "Third.",
    ]


words = st.sampled_from(["The", "mayor", "said", "U.S.", "Oct.", "7", "\u201cno.\u201d", "Mr.", "it", "rained", "."])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(words, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_spans_lie_inside_the_text_in_order(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = make_article(text)
    previous_end = 0
    for sentence in article.sentences:
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(text)
        chunk = article.sentence_text(sentence)
        assert chunk == chunk.strip() and "\n" not in chunk
        previous_end = sentence.end
    for removal in article.removed:
        assert article.text[removal.start : removal.end] == removal.text


def test_a_quotation_stays_one_sentence_with_its_attribution() -> None:
    assert split('"We told them in writing. Nobody came," Halm said. The port declined to comment.') == [
        '"We told them in writing. Nobody came," Halm said.',
        "The port declined to comment.",
    ]
    assert split("\u201cIt is over. We lost.\u201d Then he left.") == [
        "\u201cIt is over. We lost.\u201d",
        "Then he left.",
    ]


def test_a_quotation_closed_with_two_apostrophes_ends_where_it_closes() -> None:
    # tokenised text writes a closing quotation mark as two apostrophes
    text = "\"The flaw is getting worse every day, '' he said. Crews found 40 sites. \"It is a hole, '' Halm said."
    assert split(text) == [
        "\"The flaw is getting worse every day, '' he said.",
        "Crews found 40 sites.",
        "\"It is a hole, '' Halm said.",
    ]
    assert split("\"We told them. Nobody came, '' Halm said.") == ["\"We told them. Nobody came, '' Halm said."]
    ticked = "``The flaw is getting worse. It spreads,'' he said. Crews left. ``It is a hole,'' Halm said."
    assert split(ticked) == [
        "``The flaw is getting worse. It spreads,'' he said.",
        "Crews left.",
        "``It is a hole,'' Halm said.",
    ]


def test_a_quotation_left_open_does_not_hold_the_next_sentences() -> None:
    # the first quotation never closes: a new one opens, so its stop ends a sentence
    text = (
        "\u201cThe harbour is a pioneer in clean shipping. \u201cWe are going where the trade goes,\u201d "
        "the mayor added. \u201cThis is a great port.\u201d"
    )
    assert split(text) == [
        "\u201cThe harbour is a pioneer in clean shipping.",
        "\u201cWe are going where the trade goes,\u201d the mayor added.",
        "\u201cThis is a great port.\u201d",
    ]
    # tokenised text sets the opening mark apart from the first word
    assert split("The port grew fast. \u201c We are ready, \u201d she said.") == [
        "The port grew fast.",
        "\u201c We are ready, \u201d she said.",
    ]
