from __future__ import annotations

import datetime as dt
import json

import pytest

from summarizer import InputError, load_articles
from summarizer.articles import parse_txt
from tests.conftest import SEEDS, event_articles_dir


def test_seed_header_with_title_and_date(seed_articles) -> None:
    by_id = {a.id: a for a in seed_articles}
    first = by_id["000_2c3ed40d8cad18c7"]
    assert first.published == dt.date(2023, 12, 28)
    assert first.title and first.title.startswith("‘We Have A Very Large Amount")
    assert first.text == (SEEDS / "000_2c3ed40d8cad18c7.txt").read_text(encoding="utf-8")
    assert first.body.startswith("\nPresident Putin asked")


def test_seed_without_header_keeps_everything(seed_articles) -> None:
    article = {a.id: a for a in seed_articles}["001_20da175ad7725155"]
    assert article.published is None and article.body_start == 0


def test_dev_event_header_date_and_source() -> None:
    [article] = load_articles(event_articles_dir("india_russia_22nd_summit_moscow_2024-07") / "02_rt.txt")
    assert article.published == dt.date(2024, 7, 9)
    assert article.url and article.url.startswith("https://rt.com/")
    assert article.source == "rt.com"
    assert article.body.lstrip().startswith("Russia and India have set a goal")


def test_escaped_quotes_are_kept_verbatim(seed_articles) -> None:
    article = {a.id: a for a in seed_articles}["002_15fc7afe774a04a9"]
    assert "Russia\\’s openness" in article.text


def test_json_and_jsonl(tmp_path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "a1", "title": "T", "published": "2024-05-16",
                                                   "text": "Xi met Putin."}))
    (tmp_path / "many.jsonl").write_text(json.dumps({"id": "b1", "text": "One."}) + "\n\n"
                                         + json.dumps({"text": "Two."}) + "\n")
    articles = load_articles(tmp_path)
    assert [a.id for a in articles] == ["b1", "many-3", "a1"]
    assert articles[2].published == dt.date(2024, 5, 16)


def test_glob(tmp_path) -> None:
    (tmp_path / "x.txt").write_text("Some article text here.")
    (tmp_path / "y.md").write_text("ignored")
    assert [a.id for a in load_articles(str(tmp_path / "*"))] == ["x"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    (b"\xff\xfeab\xff", "not UTF-8"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    (b"date 2024-13-45\nbody", "not an ISO date"),
    (b"date 2024-01-01\nsource http://x\n", "no article text"),
])
def test_bad_files_name_the_file(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        load_articles(path)
    assert str(path) in str(info.value)


def test_bad_json_records(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "text": "ok"}\n{"id": "y"}\n')
    with pytest.raises(InputError, match=r"a.jsonl:2: field 'text'"):
        load_articles(path)
    (tmp_path / "b.json").write_text("{not json")
    with pytest.raises(InputError, match="invalid JSON"):
        load_articles(tmp_path / "b.json")


def test_missing_path_and_empty_folder(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_articles(tmp_path / "nope")
    with pytest.raises(InputError, match="no article files"):
        load_articles(tmp_path)


def test_duplicate_ids_are_refused(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One article.")
    (tmp_path / "b" / "x.txt").write_text("Another article.")
    with pytest.raises(InputError, match="duplicate article id 'x'"):
        load_articles(tmp_path)


def test_parse_txt_title_after_date() -> None:
    article = parse_txt("t", " date 2023-12-28 A headline here\n\nBody.")
    assert article.title == "A headline here" and article.body == "\nBody."
