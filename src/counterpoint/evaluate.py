"""Score a JSON report against a gold file in the ``counterpoint-gold/1`` format.

Gold fragments are exact substrings of the articles, written either as text or as ``{"start", "end"}``
offsets into the article text (gold for third-party texts that must not be copied; each such article
records the ``sha1`` of its text, checked against the report's copy). A fragment *matches* an output
sentence when the normalised fragment is contained in the sentence, or the sentence is contained in the
fragment and covers at least :data:`COVER_FRACTION` of it. Every score is ``found / total``; the
evaluation gate in the tests keeps floors on them that only rise.

>>> scores = evaluate_files("report.json", "../shared/gold/seeds.gold.json")  # doctest: +SKIP
>>> scores["cleaning.noise_removed"].score  # doctest: +SKIP
1.0
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path, PurePath
from typing import Any

from .errors import GoldFormatError

GOLD_FORMAT = "counterpoint-gold/1"
# "covers most of it" in the gold format: a sentence inside a fragment must cover this share of it.
COVER_FRACTION = 0.6
# A speaker matches the gold speaker when this share of the shorter name's content words is shared.
SPEAKER_OVERLAP = 0.5
# A reported conflict shows a gold one only if this share of its sentences state it (not a grab-bag).
CONFLICT_PURITY = 0.5

_STOPWORDS = frozenset("the a an of in on at to for and us u.s. its his her their".split())


@dataclass(frozen=True, slots=True)
class Score:
    found: int
    total: int

    @property
    def score(self) -> float:
        return self.found / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.found}/{self.total} ({self.score:.3f})"


def normalise(text: str) -> str:
    """Whitespace-, case- and quote-normalised text for matching."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u201c\u201d\u00ab\u00bb\u201e]", '"', text)
    text = re.sub("[\u2018\u2019\u201a`]", "'", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def matches(fragment: str, sentence: str) -> bool:
    fragment, sentence = normalise(fragment), normalise(sentence)
    if not fragment or not sentence:
        return False
    if fragment in sentence:
        return True
    return sentence in fragment and len(sentence) >= COVER_FRACTION * len(fragment)


def load_gold(path: str | Path) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read the gold file ({exc})") from None
    if not isinstance(gold, dict) or gold.get("format") != GOLD_FORMAT:
        raise GoldFormatError(f'{path}: not a gold file; expected "format": "{GOLD_FORMAT}"')
    return gold


def evaluate_files(report_path: str | Path, gold_path: str | Path) -> dict[str, Score]:
    report = json.loads(Path(report_path).read_text("utf-8"))
    return evaluate(report, load_gold(gold_path))


def evaluate(report: dict[str, Any], gold: dict[str, Any]) -> dict[str, Score]:
    """Every score of ``report`` against ``gold``, keyed ``section.metric``."""
    articles = _map_articles(report, gold)
    gold = resolve_offsets(gold, articles)
    scores: dict[str, Score] = {}
    scores.update(_score_cleaning(articles, gold))
    scores.update(_score_alignment(report, articles, gold))
    scores.update(_score_conflicts(report, articles, gold))
    scores.update(_score_entities(report, articles, gold))
    scores.update(_score_quantities(report, articles, gold))
    scores.update(_score_attributions(report, articles, gold))
    scores.update(_score_framing(report, articles, gold))
    scores.update(_score_digest(report, articles, gold))
    return scores


def _map_articles(report: dict[str, Any], gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Gold article key -> report article, by file name, else by outlet name."""
    mapped: dict[str, dict[str, Any]] = {}
    for key, meta in gold["articles"].items():
        name = PurePath(meta.get("file", "")).name
        for article in report["articles"]:
            source_name = PurePath(str(article["source"])).name
            outlet = normalise(article["outlet"])
            if (name and source_name == name) or outlet in (normalise(key), normalise(meta.get("outlet", ""))):
                mapped[key] = article
                break
    return mapped


def resolve_offsets(gold: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``gold`` with every ``{"start", "end"}`` fragment replaced by that span of its report article's text.

    Raises :class:`GoldFormatError` when the report's text of an article is not the one the gold was made
    on (its ``sha1`` differs): offsets into another text would score nonsense.
    """
    checked: set[str] = set()

    def text_of(key: str) -> str | None:
        article = articles.get(key)
        if article is None:
            return None
        text = str(article.get("text", ""))
        expected = gold["articles"].get(key, {}).get("sha1")
        if expected and key not in checked:
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != expected:
                raise GoldFormatError(
                    f"article {key}: the report's text is not the text the gold was made on (sha1 differs); "
                    "compare the story's texts as bench/stories.py builds them"
                )
            checked.add(key)
        return text

    def resolve(key: str, value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"start", "end"}:
            text = text_of(key)
            return text[value["start"] : value["end"]] if text is not None else ""
        if isinstance(value, list):
            return [resolve(key, v) for v in value]
        return value

    resolved = dict(gold)
    resolved["articles"] = {
        key: {k: resolve(key, v) for k, v in meta.items() if k not in ("source", "sha1")}
        for key, meta in gold["articles"].items()
    }
    resolved["shared_facts"] = [
        {**fact, "support": {k: resolve(k, v) for k, v in fact["support"].items()}}
        for fact in gold.get("shared_facts", [])
    ]
    resolved["unique"] = {k: resolve(k, v) for k, v in gold.get("unique", {}).items()}
    resolved["conflicts"] = [
        {**c, "claims": {k: resolve(k, v) for k, v in c["claims"].items()}} for c in gold.get("conflicts", [])
    ]
    return resolved


def _sentences(article: dict[str, Any], roles: Iterable[str] | None = None) -> list[dict[str, Any]]:
    wanted = set(roles) if roles else None
    return [s for s in article["sentences"] if wanted is None or s["role"] in wanted]


def _score_cleaning(articles: dict[str, dict[str, Any]], gold: dict[str, Any]) -> dict[str, Score]:
    counts = {k: [0, 0] for k in ("noise_removed", "duplicates_removed", "roles", "body_lines_kept")}
    for key, meta in gold["articles"].items():
        article = articles.get(key)
        noise = list(meta.get("noise", []))
        duplicates = list(meta.get("duplicates", []))
        expected_roles = [("title", meta.get("title")), ("dek", meta.get("dek")), ("dateline", meta.get("dateline"))]
        expected_roles += [("subhead", s) for s in meta.get("subheads", [])]
        expected_roles = [(role, text) for role, text in expected_roles if text]
        counts["noise_removed"][1] += len(noise)
        counts["duplicates_removed"][1] += len(duplicates)
        counts["roles"][1] += len(expected_roles)
        if article is None:
            continue
        removed = article["removed"]
        counts["noise_removed"][0] += sum(
            any(r["reason"] == "teaser" and matches(fragment, r["text"]) for r in removed) for fragment in noise
        )
        for duplicate in duplicates:
            dropped = [r for r in removed if r["reason"] == "duplicate" and matches(duplicate["text"], r["text"])]
            kept = [s for s in _sentences(article, ["body"]) if s.get("line") == duplicate["keeps_line"] - 1]
            right_line = any(r.get("line", duplicate["drop_line"] - 1) == duplicate["drop_line"] - 1 for r in dropped)
            counts["duplicates_removed"][0] += bool(dropped and right_line and kept)
        counts["roles"][0] += sum(
            any(matches(text, s["text"]) for s in _sentences(article, [role])) for role, text in expected_roles
        )
        lines_kept, lines_total = _body_lines_kept(article, noise, duplicates, expected_roles)
        counts["body_lines_kept"][0] += lines_kept
        counts["body_lines_kept"][1] += lines_total
    return {f"cleaning.{k}": Score(found, total) for k, (found, total) in counts.items()}


def _body_lines_kept(
    article: dict[str, Any], noise: list[str], duplicates: list[dict[str, Any]], roles: list[tuple[str, str]]
) -> tuple[int, int]:
    """Lines that are neither noise, dropped copies, nor title/dek/subhead must be kept whole as body."""
    text = article.get("text")
    if text is None:
        return 0, 0
    drop_lines = {d["drop_line"] - 1 for d in duplicates}
    heading_texts = [t for role, t in roles if role in ("title", "dek", "subhead")]
    dateline = next((t for role, t in roles if role == "dateline"), None)
    kept = total = 0
    for index, line in enumerate(text.split("\n")):
        if not line.strip() or index in drop_lines:
            continue
        if any(matches(f, line) for f in noise) or any(normalise(h) == normalise(line) for h in heading_texts):
            continue
        total += 1
        covered = "".join(s["text"] for s in article["sentences"] if s.get("line") == index and s["role"] == "body")
        expected = line
        if dateline and normalise(line).startswith(normalise(dateline)):
            expected = line[len(dateline) :].lstrip(" -\u2013\u2014:")
        kept += re.sub(r"\s+", "", covered) == re.sub(r"\s+", "", expected)
    return kept, total


def _sentence_index(report: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    return {s["id"]: (a["id"], s) for a in report["articles"] for s in a["sentences"]}


def _score_alignment(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    article_key = {a["id"]: key for key, a in articles.items()}
    index = _sentence_index(report)
    facts = gold.get("shared_facts", [])
    linked = [c for c in report.get("claims", []) if c.get("status") in ("shared", "conflicting")]

    @cache
    def fact_of(sentence_id: str) -> frozenset[str]:
        article_id, sentence = index[sentence_id]
        key = article_key.get(article_id)
        return frozenset(
            fact["id"]
            for fact in facts
            if key in fact["support"] and any(matches(f, sentence["text"]) for f in fact["support"][key])
        )

    @cache
    def unique_of(sentence_id: str) -> bool:
        article_id, sentence = index[sentence_id]
        key = article_key.get(article_id)
        return any(matches(f, sentence["text"]) for f in gold.get("unique", {}).get(key, []))

    found = outlets_found = outlets_total = 0
    for fact in facts:
        best = 0
        for claim in linked:
            keys = {
                article_key.get(index[sid][0])
                for sid in claim["sentences"]
                if sid in index and fact["id"] in fact_of(sid)
            }
            best = max(best, len(keys & set(fact["support"])) if len(keys) >= 2 else 0)
        found += best == len(fact["support"])
        outlets_found += best
        outlets_total += len(fact["support"])
    correct = judged = 0
    for claim in linked:
        members = [sid for sid in claim["sentences"] if sid in index and index[sid][0] in article_key]
        for a, b in combinations(members, 2):
            if index[a][0] == index[b][0]:
                continue
            facts_a, facts_b = fact_of(a), fact_of(b)
            if facts_a or facts_b or unique_of(a) or unique_of(b):
                judged += 1
                correct += bool(facts_a & facts_b)
    unique_total = unique_apart = 0
    for key, fragments in gold.get("unique", {}).items():
        article = articles.get(key)
        for fragment in fragments:
            unique_total += 1
            if article is None:
                continue
            ids = {s["id"] for s in article["sentences"] if matches(fragment, s["text"])}
            crossing = any(
                ids & set(c["sentences"]) and any(index[s][0] != article["id"] for s in c["sentences"] if s in index)
                for c in linked
            )
            unique_apart += bool(ids) and not crossing
    return {
        "alignment.facts_found": Score(found, len(facts)),
        "alignment.fact_outlets": Score(outlets_found, outlets_total),
        "alignment.link_precision": Score(correct, judged),
        "alignment.unique_apart": Score(unique_apart, unique_total),
    }


def _score_conflicts(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    """Hard disagreements found, how many reported conflicts are real, and soft differences not called conflicts.

    A reported conflict (a claim of status ``conflicting``) *shows* a gold conflict when it holds sentences
    of two of its articles on different sides (``values``; without them, any two of its articles) and at
    least :data:`CONFLICT_PURITY` of its sentences state that conflict: a grab-bag that happens to contain
    two sides shows nothing. A hard gold conflict is *found* when some reported conflict shows it; a
    reported conflict is *right* when it shows some gold conflict, hard or soft; a soft one (a revision,
    another authority, a rounding) is *told apart* when no reported conflict shows it.
    """
    gold_conflicts = gold.get("conflicts", [])
    if not gold_conflicts:
        return {}
    article_key = {a["id"]: key for key, a in articles.items()}
    index = _sentence_index(report)
    conflicting = [
        c
        for c in report.get("claims", [])
        if c.get("status") == "conflicting" and any(index.get(s, ("",))[0] in article_key for s in c["sentences"])
    ]

    def shows(claim: dict[str, Any], conflict: dict[str, Any]) -> bool:
        values = conflict.get("values", {})
        sides: set[str] = set()
        members = [index[s] for s in claim["sentences"] if s in index and index[s][0] in article_key]
        stating = 0
        for article_id, sentence in members:
            key = article_key[article_id]
            if any(matches(f, sentence["text"]) for f in conflict["claims"].get(key, [])):
                stating += 1
                sides.add(normalise(values[key]) if key in values else key)
        return len(sides) >= 2 and stating >= CONFLICT_PURITY * len(members)

    def caught(conflict: dict[str, Any]) -> bool:
        return any(shows(claim, conflict) for claim in conflicting)

    hard = [c for c in gold_conflicts if c.get("severity") == "hard"]
    soft = [c for c in gold_conflicts if c.get("severity") != "hard"]
    right = sum(any(shows(claim, g) for g in gold_conflicts) for claim in conflicting)
    return {
        "conflicts.hard_found": Score(sum(map(caught, hard)), len(hard)),
        "conflicts.precision": Score(right, len(conflicting)),
        "conflicts.soft_told_apart": Score(sum(not caught(c) for c in soft), len(soft)),
    }


def _score_digest(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    """Whether a digest sentence's citations say what it says. The sentence it tells is the cited sentence
    sharing most of its content words; when that sentence states gold facts, every cited sentence of another
    article that the gold knows (it states a fact or a unique fact) is scored: it *states all* when it states
    every fact the told sentence states. A disputed line, which cites both sides, is not scored."""
    article_key = {a["id"]: key for key, a in articles.items()}
    index = _sentence_index(report)
    facts = gold.get("shared_facts", [])
    unique = gold.get("unique", {})

    def located(sentence_id: str) -> tuple[str | None, str]:
        article_id, sentence = index[sentence_id]
        return article_key.get(article_id), sentence["text"]

    def facts_of(sentence_id: str) -> set[str]:
        key, text = located(sentence_id)
        return {f["id"] for f in facts if key in f["support"] and any(matches(x, text) for x in f["support"][key])}

    def known(sentence_id: str) -> bool:
        key, text = located(sentence_id)
        return bool(facts_of(sentence_id)) or any(matches(x, text) for x in unique.get(key, []))

    stated = judged = 0
    for sentence in report.get("digest", []):
        if sentence.get("status") == "disputed":
            continue  # a disputed line cites both sides of the dispute on purpose
        cited = [s for s in sentence.get("sources", []) if s in index]
        if len({index[s][0] for s in cited}) < 2:
            continue
        words = _content_words(sentence["text"])
        told = max(cited, key=lambda s: len(_content_words(index[s][1]["text"]) & words))
        told_facts = facts_of(told)
        if not told_facts:
            continue
        for other in cited:
            if index[other][0] != index[told][0] and known(other):
                judged += 1
                stated += told_facts <= facts_of(other)
    return {"digest.citations_state_all": Score(stated, judged)}


def _score_entities(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    index = _sentence_index(report)
    entities = report.get("entities", [])

    def resolves(alias: str, entity: dict[str, Any]) -> bool:
        alias_norm = normalise(alias)
        for mention in entity["mentions"]:
            mention_norm = normalise(mention["text"])
            sentence = index.get(mention["sentence"])
            if mention_norm == alias_norm or (
                mention_norm in alias_norm and sentence and alias_norm in normalise(sentence[1]["text"])
            ):
                return True
        return False

    gold_entities = gold.get("entities", [])
    found = 0
    for position, gold_entity in enumerate(gold_entities):
        others = [alias for j, g in enumerate(gold_entities) if j != position for alias in g["aliases"]]
        for entity in entities:
            if all(resolves(alias, entity) for alias in gold_entity["aliases"]) and not any(
                normalise(m["text"]) == normalise(o) for m in entity["mentions"] for o in others
            ):
                found += 1
                break
    return {"entities.resolved": Score(found, len(gold_entities))}


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9']+", normalise(text))
    return {w[:5] for w in words if w not in _STOPWORDS}


def _score_quantities(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    index = _sentence_index(report)
    found = 0
    gold_quantities = gold.get("quantities", [])
    for item in gold_quantities:
        article = articles.get(item["article"])
        if article is None:
            continue
        for quantity in report.get("quantities", []):
            entry = index.get(quantity["sentence"])
            if entry is None or entry[0] != article["id"] or float(quantity["value"]) != float(item["value"]):
                continue
            quote_words = _content_words(item["quote"]) | _content_words(item["what"])
            if matches(item["quote"], entry[1]["text"]) and _content_words(quantity["counts"]) & quote_words:
                found += 1
                break
    return {"quantities.found": Score(found, len(gold_quantities))}


def _speaker_names(quote: dict[str, Any], entities: dict[str, dict[str, Any]]) -> list[str]:
    names = [quote["speaker"]]
    entity = entities.get(quote.get("speaker_entity") or "")
    if entity:
        names.append(entity["name"])
        names.extend(m["text"] for m in entity["mentions"])
    return names


def _same_speaker(name: str, gold_names: list[str]) -> bool:
    words = _content_words(name)
    for gold_name in gold_names:
        gold_words = _content_words(gold_name)
        if not words or not gold_words:
            continue
        if len(words & gold_words) >= SPEAKER_OVERLAP * min(len(words), len(gold_words)):
            return True
    return False


def _score_attributions(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    index = _sentence_index(report)
    entities = {e["id"]: e for e in report.get("entities", [])}
    aliases = {normalise(g["canonical"]): g["aliases"] for g in gold.get("entities", [])}
    found = 0
    items = gold.get("attributions", [])
    for item in items:
        article = articles.get(item["article"])
        if article is None:
            continue
        gold_names = [item["speaker"], *aliases.get(normalise(item["speaker"]), [])]
        for quote in report.get("quotes", []):
            entry = index.get(quote["sentence"])
            if entry is None or entry[0] != article["id"] or not matches(item["quote"], entry[1]["text"]):
                continue
            if any(_same_speaker(name, gold_names) for name in _speaker_names(quote, entities)):
                found += 1
                break
    return {"attributions.found": Score(found, len(items))}


def _kind(kind: str) -> str:
    return normalise(kind).replace("-", " ").replace("_", " ")


def _score_framing(
    report: dict[str, Any], articles: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> dict[str, Score]:
    index = _sentence_index(report)
    found = total = 0
    for key, items in gold.get("framing", {}).items():
        article = articles.get(key)
        for item in items:
            total += 1
            if article is None:
                continue
            found += any(
                index.get(note["sentence"], ("",))[0] == article["id"]
                and matches(item["term"], note["text"])
                and _kind(note["kind"]) == _kind(item["kind"])
                for note in report.get("framing", [])
            )
    return {"framing.recall": Score(found, total)}
