"""The seeds re-encoded (GBK, GB18030, Big5 where representable, UTF-16, UTF-32, UTF-8 with BOM)
give exactly the facts of the UTF-8 originals: same values, same offsets, same quotes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from zhipu_ipo.corpus import extract_file
from zhipu_ipo.engines import extract_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))

ENCODINGS = ["gbk", "gb18030", "utf-16", "utf-16-le+bom", "utf-16-be+bom", "utf-32", "utf-8-sig"]


def _encode(text: str, encoding: str) -> bytes:
    if encoding.endswith("+bom"):
        plain = encoding[: -len("+bom")]
        bom = codecs.BOM_UTF16_LE if plain.endswith("le") else codecs.BOM_UTF16_BE
        return bom + text.encode(plain)
    return text.encode(encoding)


def _records(path: Path) -> list[dict]:
    return [f.model_dump(mode="json") for f in extract_file(path).facts]


def _representable(text: str, encoding: str) -> str:
    """``text`` with every character ``encoding`` cannot write replaced by a space."""
    out = []
    for c in text:
        try:
            c.encode(encoding)
        except UnicodeEncodeError:
            c = " "
        out.append(c)
    return "".join(out)


@pytest.fixture(scope="module")
def originals() -> dict[str, list[dict]]:
    return {p.stem: _records(p) for p in SEEDS}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_reencoded_seed_gives_the_same_facts(tmp_path: Path, originals: dict, seed: Path,
                                             encoding: str) -> None:
    path = tmp_path / seed.name
    path.write_bytes(_encode(seed.read_text(encoding="utf-8"), encoding))
    assert _records(path) == originals[seed.stem]
    assert originals[seed.stem]  # something to compare


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


@pytest.mark.parametrize("encoding", ["big5", "cp950", "big5hkscs"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_big5_gives_the_facts_of_the_same_text_in_utf8(tmp_path: Path, seed: Path, encoding: str) -> None:
    text = _representable(_traditional(seed.read_text(encoding="utf-8")), encoding)
    (tmp_path / "utf8").mkdir()
    (tmp_path / "big5").mkdir()
    utf8 = tmp_path / "utf8" / seed.name
    big5 = tmp_path / "big5" / seed.name
    utf8.write_bytes(text.encode("utf-8"))
    big5.write_bytes(text.encode(encoding))
    expected = _records(utf8)
    assert _records(big5) == expected
    assert expected  # something to compare


def test_a_mixed_directory_gives_the_same_facts_per_document(tmp_path: Path, originals: dict) -> None:
    for i, encoding in enumerate(ENCODINGS):
        seed = SEEDS[i % len(SEEDS)]
        (tmp_path / f"{encoding}").mkdir()
        (tmp_path / encoding / seed.name).write_bytes(_encode(seed.read_text(encoding="utf-8"), encoding))
    corpus = extract_corpus(tmp_path, jobs=2)
    assert corpus.failures == []
    assert len(corpus) == len(ENCODINGS)
    for ex in corpus:
        assert [f.model_dump(mode="json") for f in ex.facts] == originals[ex.doc]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_crlf_keeps_values_and_offsets_point_into_the_file_text(tmp_path: Path, originals: dict,
                                                                seed: Path) -> None:
    text = seed.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / seed.name
    path.write_bytes(text.encode("gbk"))
    got = extract_file(path).facts
    strip = ("start", "end", "quote")
    assert ([{k: v for k, v in f.model_dump(mode="json").items() if k not in strip} for f in got]
            == [{k: v for k, v in r.items() if k not in strip} for r in originals[seed.stem]])
    for f in got:
        assert text[f.start:f.end] in f.quote and f.quote in text
