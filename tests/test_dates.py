from __future__ import annotations

import datetime as dt

from .conftest import make_article

WEDNESDAY = dt.date(2024, 5, 1)


def resolved(text: str, published: dt.date | None = WEDNESDAY) -> list[tuple[str, dt.date | None, bool]]:
    article = make_article(text, published=published)
    return [(d.text, d.date, d.relative) for s in article.sentences for d in s.dates]


def test_weekdays_resolve_to_the_most_recent_day() -> None:
    assert resolved("The talks ended on Wednesday. They began earlier on Tuesday.") == [
        ("on Wednesday", WEDNESDAY, True),
        ("earlier on Tuesday", dt.date(2024, 4, 30), True),
    ]
    assert resolved("The mayor spoke last Wednesday.") == [("last Wednesday", dt.date(2024, 4, 24), True)]


def test_future_weekdays() -> None:
    assert resolved("Schools will stay closed on Thursday.") == [("on Thursday", dt.date(2024, 5, 2), True)]
    assert resolved("The vote is next Monday.") == [("next Monday", dt.date(2024, 5, 6), True)]


def test_yesterday_and_today() -> None:
    assert resolved("Yesterday the port closed; today it reopened.") == [
        ("Yesterday", dt.date(2024, 4, 30), True),
        ("today", WEDNESDAY, True),
    ]


def test_absolute_dates_are_normalised() -> None:
    assert resolved("The war began on Oct 7, 2023. Aid resumed on April 4. The pact of 12 March 2019 held.") == [
        ("Oct 7, 2023", dt.date(2023, 10, 7), False),
        ("April 4", dt.date(2024, 4, 4), False),
        ("12 March 2019", dt.date(2019, 3, 12), False),
    ]


def test_a_date_without_a_year_is_not_in_the_far_future() -> None:
    assert resolved("Fighting has not stopped since Oct. 7.") == [("Oct. 7", dt.date(2023, 10, 7), False)]


def test_without_a_publication_date_relative_days_stay_unresolved() -> None:
    assert resolved("The talks ended on Wednesday.", published=None) == [("on Wednesday", None, True)]


def test_without_a_publication_date_the_page_gives_its_own() -> None:
    page = (
        "Harbour board rejects expansion plan\n"
        "Updated: March 4, 2025 10:42 AM\n"
        "Published: March 3, 2025 08:10 AM\n"
        "The harbour board rejected the plan on Monday after a vote of seven to two, officials said.\n"
        "Shipping companies said they would ask the city council to review the decision in the spring."
    )
    article = make_article(page, published=None)
    assert article.published == dt.date(2025, 3, 3)  # the first publication, not the update
    assert [(d.text, d.date) for s in article.sentences for d in s.dates] == [("on Monday", dt.date(2025, 3, 3))]
    given = make_article(page, published=dt.date(2025, 3, 5))
    assert given.published == dt.date(2025, 3, 5)  # a date the input gives wins


def test_days_ago_count_back_from_publication() -> None:
    assert resolved("The bridge closed three days ago, two days after a crack was found 5 days ago.") == [
        ("three days ago", dt.date(2024, 4, 28), True),
        ("5 days ago", dt.date(2024, 4, 26), True),
    ]
    assert resolved("A day ago the port reopened; the storm hit the day before yesterday.") == [
        ("A day ago", dt.date(2024, 4, 30), True),
        ("the day before yesterday", dt.date(2024, 4, 29), True),
    ]
    # weeks and months ago are spans, not days
    assert resolved("The mayor resigned two weeks ago.") == []
