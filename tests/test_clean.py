from __future__ import annotations

import time

import pytest

from counterpoint.model import Article
from counterpoint.pipeline import CompareOptions, compare_articles, prepare_article
from counterpoint.stages.clean import match_dateline
from counterpoint.stages.furniture import furniture_reason
from counterpoint.stages.ingest import article_from_text

from .conftest import make_article, texts

BODY = "The council approved the new budget on Monday after a long debate about school funding."
BODY2 = "Opposition members said the plan would cut support for rural clinics by a third next year."
BODY3 = "The finance minister is due to present the details to parliament before the end of the month."


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Storm closes schools across the north",
        "ALSO READ: Ministers meet over fuel prices",
        "Read also: Markets fall on rate fears",
        "Read also Markets fall on rate fears",
        "Related: City council approves harbour plan",
        "RELATED STORIES: Floods in the south",
        "See also: How the vote works",
        "\u25ba Read more: Ten things to know",
        "You may also like: Best beaches of the coast",
        "Don't miss: Our live coverage",
        "WATCH: Drone footage of the flooded valley",
        "READ MORE",
        "Recommended: Why prices keep rising",
    ],
)
def test_teaser_lines_are_recognised(line: str) -> None:
    assert furniture_reason(line) == "teaser"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By Jane Doe", "byline"),
        ("By JANE DOE and Omar Faris, Staff Writers", "byline"),
        ("(Reporting by Ana Ruiz; Editing by Tom Hale)", "byline"),
        ("Additional reporting by Li Wei in Beijing", "byline"),
        ("(AFP)", "byline"),
        ("Photo: Crowds in the main square. Getty Images", "photo-credit"),
        ("File photo: The harbour in 2019", "photo-credit"),
        ("Firefighters at the scene on Tuesday. REUTERS/Ana Ruiz", "photo-credit"),
        ("Dragov/Pool/REUTERS via GETTY IMAGES", "photo-credit"),
        ("AFP/Getty Images", "photo-credit"),
        ("(Source: BTA)", "byline"),
        ("Source: Ministry of Health", "byline"),
        ("Share this article", "share-prompt"),
        ("Share on Facebook", "share-prompt"),
        ("Follow us on Telegram", "share-prompt"),
        ("Copy link", "share-prompt"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Get the best of our journalism delivered to your inbox", "newsletter"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("\u00a9 2025 The Gazette. All rights reserved.", "copyright"),
        ("Updated: 14:05 GMT, 12 March 2025", "timestamp"),
        ("Published on March 12, 2025", "timestamp"),
        ("12 March 2025", "timestamp"),
        ("\u2014 Ana Ruiz (@anaruiz) March 12, 2025", "embedded-post"),
        ("The crowd outside the port pic.twitter.com/Ab12Cd34", "embedded-post"),
        ("#WATCH | Minister arrives at the port", "embedded-post"),
        ("#Orno #Storm #Harbour", "hashtags"),
        ("{{^flag}} {{/flag}}", "template-code"),
        ("Lena Dorn/Pool/ORNO NEWS via PHOTO-AGENCY", "photo-credit"),  # a pool and a distributor, no known agency
        ("var pageData = {};", "template-code"),
        ("Minister rejects the harbour plan 02:10", "video"),
        ("Have a news tip? Email us at tips@example.org", "prompt"),
        ("To catch up on the storm, CLICK HERE", "prompt"),
        ("Watch the video below, via Orno TV:", "prompt"),
        ("Follow Lena Dorn on Twitter @lenadorn", "prompt"),
        ("Read the full report at OrnoDaily.com.", "prompt"),
        ("Click for more from the Orno Times.", "prompt"),
        ("VIEW GALLERY", "prompt"),
        ("READ: Who is Lena Dorn, the new mayor?", "teaser"),
        ("See video: Minister rejects the harbour plan", "teaser"),
        ("*  *  *", "boilerplate"),
        ("\u2022 \u2022 \u2022", "boilerplate"),
        # letters a case-blind match folds but str.lower() keeps (the quick checks before a search must not skip them)
        ("COPYR\u0130GHT 2024", "copyright"),
        ("\u017fUBSCRIBE", "newsletter"),
        # counters, advert markers, menu rows, page labels and notes on where an article first ran
        ("Image 1 of 12", "boilerplate"),
        ("Photo 3/8", "boilerplate"),
        ("Comments (12)", "boilerplate"),
        ("View all 24 comments", "boilerplate"),
        ("Advertisement - story continues below", "advertisement"),
        ("This article was originally published on orno-daily.example", "byline"),
        ("Home > World > Europe", "boilerplate"),
        ("Terms of Use | Privacy Policy", "boilerplate"),
        ("Tags: floods, Orno, weather", "boilerplate"),
        ("5 min read", "boilerplate"),
        ("Skip to main content", "boilerplate"),
        ("A version of this story first appeared in the Kessa Herald.", "byline"),
        # wire and broadcaster furniture: contributors, sign-offs, source lines, picture labels, running labels
        ("Contributing: Lena Dorn", "byline"),
        ("Orno Daily writer Lena Dorn contributed to this report.", "byline"),
        ("Reuters reporting by Lena Dorn; editing by Ivo Marek", "byline"),
        ("-ends-", "byline"),
        ("Source: Xinhua| 2025-03-14 10:42:05|Editor: Liu Ming", "byline"),
        ("Xinhua/Li Ming", "photo-credit"),
        ("File photo", "photo-credit"),
        ("Image source, Getty Images", "photo-credit"),
        ("Media caption, The moment the bridge fell", "photo-credit"),
        ("BREAKING", "boilerplate"),
        ("Live updates", "boilerplate"),
        ("This story has been updated with additional details.", "boilerplate"),
        ("Story continues", "advertisement"),
        ("Continue reading below", "advertisement"),
    ],
)
def test_furniture_lines_get_their_reason(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Residents were asked to sign up for evacuation buses at the town hall.",
        "By nightfall, the fire had spread to two more warehouses.",
        "Related talks in Geneva ended without a deal, officials said.",
        "Watch teams patrolled the river banks through the night.",
        "The photo was taken on Monday, police said.",
        "She said the newsletter sent to party members was a forgery.",
        "Share prices fell 3 percent in early trading.",
        "The ferry leaves Orno at 10:30",
        "Protesters chanted and posted videos under the tag #FreeOrno on Monday.",
        "Officials said the email from the ministry was sent to reporters by mistake.",
        "Source: the ministry said five people died in the blast.",
        "Reuters/Ipsos poll shows support falling",
        "The 24/7 service runs on Monday/Tuesday",
        "AP/NORC poll",
        "CNN/SSRS poll",
        "The pool/spa",
        "Israel/Gaza via Egypt",
        "The 9/11 attacks via AP",
        "Follow-up tests showed the water in the harbour was safe.",
        "Viewers saw the fire spread on live television here in Orno.",
        "See you in court, the mayor told reporters below the town hall steps.",
        "Read more than 200 pages and you find the same number.",
        # lines that only look like counters, menus, page labels or notes
        "In 1 of 12 districts the vote was delayed",  # a count inside a sentence
        "Comments from the minister were not expected until Friday.",
        "This article of the treaty was first published in 1952, the archive shows.",
        "| Men | 33 | 42 | 14 |",  # a table's row
        "Ministers reject harbour plan | Orno Daily",  # a title with the outlet's name
        "Tags are sold at the gate: five dollars each.",
        "The ends justify the means, he said.",
        "Live music returned to the harbour on Friday.",
        "Breaking the deadlock took three weeks of talks.",
        "Contributing factors included the storm.",
        "File photos show the bridge before the collapse.",
    ],
)
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


def test_removals_keep_text_offsets_and_reason() -> None:
    text = f"{BODY}\nREAD MORE: Storm closes schools\n{BODY2}"
    article = make_article(text)
    [removal] = article.removed
    assert removal.reason == "teaser"
    assert article.text[removal.start : removal.end] == removal.text == "READ MORE: Storm closes schools"
    assert removal.line == 1
    assert texts(article, "body") == [BODY, BODY2]


def test_exact_duplicate_paragraph_keeps_the_first() -> None:
    text = f"{BODY}\n{BODY2}\n{BODY}"
    article = make_article(text)
    [removal] = article.removed
    assert (removal.reason, removal.line) == ("duplicate", 2)
    assert "line 1" in removal.detail
    assert texts(article, "body") == [BODY, BODY2]


def test_pull_quote_copy_is_dropped_and_full_paragraph_kept_in_place() -> None:
    pull = "\u201cWe will rebuild every house that the water took,\u201d"
    paragraph = f"{pull} the mayor said on Monday, promising funds within a month."
    text = f"{BODY}\n{pull}\n{BODY2}\n{paragraph}"
    article = make_article(text)
    [removal] = article.removed
    assert removal.reason == "duplicate" and removal.line == 1
    assert any("promising funds" in t for t in texts(article, "body"))


def test_unpunctuated_copy_of_a_later_paragraph_is_the_one_dropped() -> None:
    text = f"{BODY}\n{BODY2[:-1]}\nShort subhead here\n{BODY2}\n{BODY3}"
    article = make_article(text)
    dropped = [r.line for r in article.removed if r.reason == "duplicate"]
    assert dropped == [1]


def test_short_repeats_are_not_duplicates() -> None:
    text = f"{BODY}\nHe said no.\n{BODY2}\nHe said no."
    article = make_article(text)
    assert article.removed == []


def test_title_dek_subhead_and_body_roles() -> None:
    text = (
        "Council passes budget after marathon session\n"
        "Rural clinics lose a third of their funding under the plan.\n"
        f"{BODY} {BODY2}\n"
        "What happens next\n"
        f"{BODY3}"
    )
    article = make_article(text)
    assert texts(article, "title") == ["Council passes budget after marathon session"]
    assert texts(article, "dek") == ["Rural clinics lose a third of their funding under the plan."]
    assert texts(article, "subhead") == ["What happens next"]
    assert article.title == "Council passes budget after marathon session"


def test_lead_with_a_day_is_not_taken_for_a_dek() -> None:
    text = "Council passes budget\nThe council approved the budget on Monday.\n" + BODY2
    article = make_article(text)
    assert texts(article, "dek") == []


def test_masthead_above_title_is_removed() -> None:
    text = "The Valley Times\nCouncil passes budget after marathon session\n" + BODY + "\n" + BODY2
    article = make_article(text)
    assert [(r.reason, r.text) for r in article.removed] == [("masthead", "The Valley Times")]
    assert texts(article, "title") == ["Council passes budget after marathon session"]


def test_a_short_headline_above_an_unpunctuated_dek_is_the_title_not_a_masthead() -> None:
    dek = "The plan would have moved the ferry terminal to the north shore"
    article = make_article(f"Minister rejects harbour plan\n{dek}\n{BODY}\n{BODY2}")
    assert not article.removed
    assert texts(article, "title") == ["Minister rejects harbour plan"] and texts(article, "dek") == [dek]


def test_no_title_when_text_opens_with_a_dateline() -> None:
    article = make_article(f"LAGOS/ABUJA - {BODY}\n{BODY2}")
    assert texts(article, "title") == []
    assert texts(article, "dateline") == ["LAGOS/ABUJA"]
    assert texts(article, "body")[0] == BODY


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("GAZA/JERUSALEM/CAIRO - Talks resumed.", "GAZA/JERUSALEM/CAIRO"),
        ("WASHINGTON (Reuters) - Talks resumed.", "WASHINGTON (Reuters)"),
        ("BEIJING, May 1 (Xinhua) -- Talks resumed.", "BEIJING, May 1 (Xinhua)"),
        ("Kyiv, Ukraine (AP) \u2014 Talks resumed.", "Kyiv, Ukraine (AP)"),
        ("NEW YORK \u2014 Talks resumed.", "NEW YORK"),
        ("Nairobi, March 3 - Talks resumed.", "Nairobi, March 3"),
        ("MOSCOW, March 12. /TASS/. Talks resumed.", "MOSCOW, March 12. /TASS/."),
        ("VARNA, March 12 /BTA/. Talks resumed.", "VARNA, March 12 /BTA/."),
        ("Kyiv /UNN/ - Talks resumed.", "Kyiv /UNN/"),
        ("NEW YORK, March 12, 2025 /PRNewswire/ -- Talks resumed.", "NEW YORK, March 12, 2025 /PRNewswire/"),
        ("(CNN) \u2014Talks resumed.", "(CNN)"),
        ("(Northwire) - Talks resumed.", "(Northwire)"),
    ],
)
def test_dateline_forms(line: str, dateline: str) -> None:
    match = match_dateline(line)
    assert match is not None
    assert line[: match[0]] == dateline
    assert line[match[1] :] == "Talks resumed."


@pytest.mark.parametrize(
    "line",
    [
        "US - China talks resumed.",
        "Talks resumed - for now.",
        "The UN - a body of states.",
        "Israel/Gaza: talks resumed.",
        "Israel/Gaza/Lebanon front is quiet.",
        "Trump/Vance/Musk Rally Draws Thousands In Orno",
        "US/UK/EU sanctions bite",
        "(the minister) - talks resumed.",
        "(1) - Talks resumed.",
    ],
)
def test_not_datelines(line: str) -> None:
    assert match_dateline(line) is None


def test_everything_is_accounted_for() -> None:
    text = (
        "The Valley Times\nCouncil passes budget\nBy Jane Doe\n"
        f"LONDON (Reuters) - {BODY}\nREAD MORE: Other news\n{BODY2}\nShare this article\n{BODY2}"
    )
    article = make_article(text)
    covered = sorted([(s.start, s.end) for s in article.sentences] + [(r.start, r.end) for r in article.removed])
    for (_, end), (start, _) in zip(covered, covered[1:], strict=False):
        assert end <= start
    kept_or_removed = "".join(article.text[s:e] for s, e in covered)
    assert "".join(kept_or_removed.split()).replace("-", "") == "".join(text.split()).replace("-", "")


def test_with_a_title_from_the_page_the_first_line_is_a_dek_or_body() -> None:
    text = "Rural clinics lose a third of their funding under the plan.\n" + BODY + "\n" + BODY2
    article = make_article(text, title="Council passes budget after marathon session")
    assert texts(article, "title") == []
    assert texts(article, "dek") == ["Rural clinics lose a third of their funding under the plan."]
    article = make_article("Budget passes\n" + BODY + "\n" + BODY2, title="Council passes budget")
    assert texts(article, "title") == [] and texts(article, "body")[0] == "Budget passes"


def _page() -> tuple[list[str], str]:
    menu = ["Home", "World", "Politics", "Business | Markets | Tech", "Sign In", "Subscribe"]
    article = [
        f"The harbour of Orno reopened on Monday after the storm, and the first ships of the {n}th convoy "
        "entered the port before noon, the harbour master said."
        for n in range(6)
    ]
    footer = ["About Us", "Contact", "Privacy Policy", "Terms of Use", "Follow us on Facebook and Twitter"]
    teasers = [f"Storm damage in town number {n}" for n in range(15)]
    return article, "\n".join(menu + ["Orno harbour reopens after storm"] + article + teasers + footer)


def test_main_text_extracted_from_html_is_not_thinned() -> None:
    _, text = _page()
    article = article_from_text(text, source="page.html", outlet="Page")
    article.extracted = True
    assert not [r for r in prepare_article(article).removed if "line model" in r.detail]


def test_page_text_around_the_article_is_removed_as_boilerplate() -> None:
    article, text = _page()
    page = make_article(text)
    body = texts(page, "body")
    assert all(line in body for line in article)
    removed = {r.text: r for r in page.removed}
    assert "Privacy Policy" in removed and removed["Privacy Policy"].reason == "boilerplate"
    assert "that it is article body" in removed["Privacy Policy"].detail
    assert sum(r.reason == "boilerplate" for r in page.removed) >= 15


def test_a_short_article_is_never_thinned_by_the_line_model() -> None:
    lines = ["Orno harbour reopens", "The harbour of Orno reopened on Monday.", '"At last," one captain said.']
    page = make_article("\n".join(lines))
    assert not [r for r in page.removed if r.reason == "boilerplate"]


def test_an_extractors_main_text_saved_as_text_is_not_thinned() -> None:
    # 30+ lines, most of them prose: an article's paragraphs (as an extractor gives them), not a whole page
    paragraphs = [
        f"The harbour of Orno reopened on Monday after the storm, and ship number {n} entered the port before noon."
        for n in range(24)
    ]
    lines = paragraphs[:12] + ['"At last," one captain said.', "Repairs"] * 4 + paragraphs[12:]
    page = make_article("\n".join(lines))
    assert not [r for r in page.removed if r.reason == "boilerplate"]


def test_in_a_whole_page_the_articles_copy_of_a_repeated_paragraph_is_kept() -> None:
    article, text = _page()
    page = make_article(article[0] + "\n" + text)  # a teaser at the top of the page repeats the lead
    removed = {r.line: r for r in page.removed}
    assert removed[0].reason == "duplicate" and removed[0].detail == "copy of line 9, which is kept"
    assert article[0] in texts(page, "body")


def test_menu_lines_of_a_whole_page_are_not_taken_for_subheads() -> None:
    _, text = _page()
    page = make_article(text)
    assert not {"World", "Politics", "Sign In"} & set(texts(page, "subhead"))


def test_the_headline_of_a_whole_page_is_its_title() -> None:
    # the line model takes a page's headline for page text (short, unpunctuated, standing apart like a menu)
    article, text = _page()
    lines = text.split("\n")
    at = lines.index(article[0])
    page = make_article("\n".join([*lines[:at], "By Ivo Marek", "Updated: March 3, 2025", *lines[at:]]))
    assert page.title == "Orno harbour reopens after storm"
    assert texts(page, "title") == ["Orno harbour reopens after storm"]
    assert "Orno harbour reopens after storm" not in {r.text for r in page.removed}


def test_a_line_above_a_pages_article_that_shares_nothing_with_its_lead_is_no_title() -> None:
    article, text = _page()
    page = make_article(text.replace("Orno harbour reopens after storm", "Weather forecast for the weekend"))
    assert page.title is None and not texts(page, "title")


def test_a_long_hyphenated_opening_is_read_in_linear_time() -> None:
    started = time.perf_counter()
    assert match_dateline("Aa" + "-Aa" * 20_000 + " x") is None
    assert time.perf_counter() - started < 5  # not a timing test: a backtracking pattern takes hours here


@pytest.mark.parametrize(
    "bio",
    [
        "Ivo Marek is a senior reporter at the Orno Daily covering transport. He has lived in Kessa since 2015.",
        "Jane Roe covers transport and infrastructure for the Orno Daily.",
    ],
)
def test_a_note_on_the_writer_at_the_end_is_removed(bio: str) -> None:
    article = make_article(f"{BODY}\n{BODY2}\n{bio}")
    assert [(r.reason, r.text) for r in article.removed] == [("author-bio", bio)]
    assert texts(article, "body") == [BODY, BODY2]


def test_a_story_about_a_reporter_keeps_its_last_line() -> None:
    last = "Ivo Marek is a reporter for the Orno Daily who has covered the valley since 2015."
    article = make_article(f"Ivo Marek, a reporter, was detained in Kessa on Monday.\n{BODY2}\n{last}")
    assert not article.removed and last in texts(article, "body")


def test_readers_comments_under_the_article_are_removed() -> None:
    comments = [
        "3 Comments",
        "Posted by harbourfan on 03/12/25 at 12:02PM",
        "What a sensible decision, the quay was never needed and the bay would have suffered for it.",
        "Posted by ornoguy on 03/12/25 at 1:54PM",
        "I disagree entirely. The shipping companies bring jobs and the city needs every one of them.",
        "Posted by kessa_local on 03/12/25 at 6:21PM",
        "The board listened to the residents for once, which is more than the council ever does.",
    ]
    article = make_article("\n".join([BODY, BODY2, *comments]))
    assert texts(article, "body") == [BODY, BODY2]
    assert {r.reason for r in article.removed if r.text in comments[2::2]} == {"comments"}
    # a "Posted" and an "Updated" stamp over the article, or a list of other stories with their times, are no
    # comments: the article stays
    stamps = "Posted: March 12, 2025 10:43 AM\nUpdated: March 12, 2025 11:02 AM"
    ticker = "\n".join(f"Other harbour story {n}\nBy Orno Daily Staff\n03/12/2025 0{n}:14 AM" for n in range(1, 6))
    stamped = make_article("\n".join([stamps, BODY, BODY2, ticker]))
    assert BODY in texts(stamped, "body") and BODY2 in texts(stamped, "body")
    assert not [r for r in stamped.removed if r.reason == "comments"]


def test_a_page_that_prints_its_article_again_on_one_line_of_page_data_keeps_the_articles_paragraphs() -> None:
    article, text = _page()
    # the page's data at the foot: an image address, sizes, the site's name and the whole article on one line
    data = ["https://img.example.net/orno/harbour-1200x600.jpg", "1200", "600", "OrnoDailyNet", " ".join(article)]
    page = make_article(text + "\n" + "\n".join(data + ["https://www.example.net/logo.png", "en-GB"]))
    removed = {r.text: r.reason for r in page.removed}
    assert removed.get(" ".join(article)) == "boilerplate", removed  # the model's verdict on the long line
    assert all(line in texts(page, "body") for line in article)  # not dropped as copies of a line removed


def test_headlines_listed_under_a_link_lists_label_are_teasers() -> None:
    numbered = ["1. Storm warning issued for the coast", "2. Rail strike called off"]
    tail = ["Harbour board meets again", "Why the river floods every decade"]
    lines = [BODY, "Most read", *numbered, "Funding gap", BODY2, "Continue reading", "Ferry timetable", BODY3]
    article = make_article("\n".join([*lines, "Related stories", *tail]))
    assert texts(article, "body") == [BODY, BODY2, BODY3]
    assert [(r.text, r.reason) for r in article.removed if r.detail.startswith("listed under")] == [
        (item, "teaser") for item in numbered + tail
    ]
    # before more of the article, only numbered lines are the list's: "Funding gap" may be a subhead (or the
    # next article's headline on a page); and after an order to read on, what follows is the article's own
    assert texts(article, "subhead") == ["Funding gap", "Ferry timetable"]


@pytest.mark.parametrize(
    ("credit", "reason"), [("(Video: Orno Daily)", "photo-credit"), ("(Source: Kessa Radio)", "byline")]
)
def test_a_credit_glued_to_a_paragraphs_end_is_removed_and_the_paragraph_kept(credit: str, reason: str) -> None:
    article = make_article(f"{BODY}\n{BODY2} {credit}\n{BODY3}")
    assert texts(article, "body") == [BODY, BODY2, BODY3]
    assert [(r.text, r.reason) for r in article.removed] == [(credit, reason)]
    removal = article.removed[0]
    assert article.text[removal.start : removal.end] == credit


def _batch(texts: list[str]) -> list[Article]:
    """Articles read together, cleaned and segmented by the per-article phase as one batch."""
    articles = [article_from_text(t, source=f"{n}.txt", outlet=f"Outlet {n}") for n, t in enumerate(texts)]
    return compare_articles(articles, CompareOptions(annotate=False)).articles


def test_a_line_that_independent_texts_read_together_all_print_is_furniture() -> None:
    bodies = [BODY, BODY2, BODY3]
    articles = _batch([f"Harbour story {n}\n{body}\nMost Popular Today\n{BODY}" for n, body in enumerate(bodies)])
    for article in articles:
        [removal] = [r for r in article.removed if r.text == "Most Popular Today"]
        assert removal.reason == "boilerplate" and "3 independent texts" in removal.detail
    # two texts printing it are not enough
    pair = _batch([f"Harbour story {n}\n{body}\nMost Popular Today" for n, body in enumerate(bodies[:2])])
    assert all(not a.removed for a in pair)
    # nor is a headline that outlets rewriting one wire story share
    headline = "Orno council passes budget"
    rewritten = _batch([f"{headline}\n{body}" for body in bodies])
    assert all(a.title == headline and not a.removed for a in rewritten)
    # and a text's first line stays even where the others print it further down
    menus = [f"Harbour story {n}\n{body}\n{headline}" for n, body in enumerate(bodies)]
    *_, led = _batch([*menus, f"{headline}\n{BODY2}\n{BODY3}"])
    assert led.title == headline and not led.removed


def test_copies_of_one_text_and_short_statements_are_not_furniture_by_repetition() -> None:
    # three copies of one wire story share their subhead; three different stories share a one-line quote
    copy = f"{BODY}\n{BODY2}\nFunding gap\n{BODY3}"
    copies = _batch([copy, copy + "\nReporting for the Orno Daily.", copy + "\nUpdated at noon."])
    assert all("Funding gap" in texts(a, "subhead") for a in copies)
    quote = '"We will rebuild."'
    different = _batch([f"{body}\n{quote}" for body in (BODY, BODY2, BODY3)])
    assert all(quote in texts(a, "body") for a in different)


JAPANESE = [
    "市の議会は月曜日に新しい予算を承認し、学校の資金について長い議論が行われました。",
    "野党の議員は、この計画によって地方の診療所への支援が来年三分の一に減ると述べました。",
    "財務大臣は今月末までに詳細を議会に提出する予定です。",
    "予算案には港の改修費用として十二億円が含まれています。",
    "市長は記者会見で、住民の生活を守るための決断だと説明しました。",
    "議会の採決は賛成二十一、反対十四でした。",
]


def test_a_page_in_japanese_keeps_its_article() -> None:
    # Japanese has no spaces between words: its paragraphs must still read as prose, not as one-word menu items
    from counterpoint.stages.lines import is_prose

    assert all(is_prose(line) for line in JAPANESE[:3])
    menu = [f"メニュー{n}" for n in range(20)] + ["ホーム", "ニュース", "スポーツ", "天気", "お問い合わせ"] * 2
    page = make_article("\n".join(menu[:15] + JAPANESE + menu[15:]))
    assert texts(page, "body") == JAPANESE
