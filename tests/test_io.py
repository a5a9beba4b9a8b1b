"""Tests of zhipu_ipo.io: encoding detection, refusal of non-text files, path expansion."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhipu_ipo.io as zio
from zhipu_ipo.errors import InputError
from zhipu_ipo.io import decode_bytes, iter_article_paths, read_text

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("*.txt"))
SEED_TEXTS = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS}

# A traditional-script paragraph written for these tests (Hong Kong / Taiwan usage).
TRADITIONAL = (
    "據招股章程披露，該公司擬於香港聯交所主板掛牌，發行價釐定為每股116.20港元，"
    "集資淨額約為42.9億港元。公司表示，所得款項將主要用於研發及擴充算力，"
    "並會繼續投資於開放平臺與企業服務。截至2025年6月30日，研發人員佔員工總數逾七成。\r\n"
    "市場人士認為，這次上市對整個行業而言是重要的里程碑。"
)


def _write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _encodable_lines(text: str, encoding: str) -> str:
    """The lines of ``text`` that ``encoding`` can represent."""
    keep = []
    for line in text.split("\n"):
        try:
            line.encode(encoding)
        except UnicodeEncodeError:
            continue
        keep.append(line)
    return "\n".join(keep)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be+bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    if encoding == "utf-16-le+bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(encoding)


SEED_ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le+bom",
    "utf-16-be+bom",
    "utf-32",
    "gbk",
    "gb18030",
]


@pytest.mark.parametrize("encoding", SEED_ENCODINGS)
@pytest.mark.parametrize("seed", sorted(SEED_TEXTS))
def test_seeds_round_trip(tmp_path: Path, seed: str, encoding: str) -> None:
    text = SEED_TEXTS[seed]
    assert read_text(_write(tmp_path, _encode(text, encoding))) == text


@pytest.mark.parametrize("encoding", ["big5hkscs", "big5", "cp950"])
def test_seed_001_lines_in_big5(tmp_path: Path, encoding: str) -> None:
    text = _encodable_lines(SEED_TEXTS["001"], encoding)
    assert len(text) > 200
    assert read_text(_write(tmp_path, text.encode(encoding))) == text


@pytest.mark.parametrize(
    "encoding", ["big5", "cp950", "big5hkscs", "gb18030", "gbk", "utf-8", "utf-16", "utf-8-sig"]
)
def test_traditional_paragraph(tmp_path: Path, encoding: str) -> None:
    assert read_text(_write(tmp_path, TRADITIONAL.encode(encoding))) == TRADITIONAL


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("智谱上市", "gbk"),
        ("募资43亿港元", "gbk"),
        ("智譜上市", "big5"),
        ("發行價", "big5"),
        ("净亏损", "gb18030"),
        ("港元", "utf-8"),
        ("plain ASCII text\n", "ascii"),
        ("a\r\nb\r\n", "ascii"),
        ("第一行\r\n第二行\r\n", "gbk"),
    ],
)
def test_short_texts(tmp_path: Path, text: str, encoding: str) -> None:
    assert read_text(_write(tmp_path, text.encode(encoding))) == text


def test_empty_file(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, b"")) == ""


def test_bom_only(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, codecs.BOM_UTF8)) == ""


def test_utf8_with_a_few_broken_bytes(tmp_path: Path) -> None:
    good = SEED_TEXTS["002"].encode("utf-8")
    cut = good.index(b"\n", 100)  # a character boundary
    data = good[:cut] + b"\xff" + good[cut:]
    text = read_text(_write(tmp_path, data))
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == SEED_TEXTS["002"]


def test_gbk_with_a_broken_byte(tmp_path: Path) -> None:
    good = SEED_TEXTS["003"].encode("gbk")
    data = good + b"\xff"
    text = read_text(_write(tmp_path, data))
    assert text == SEED_TEXTS["003"] + "\ufffd"


def test_path_as_str(tmp_path: Path) -> None:
    path = _write(tmp_path, "智谱".encode("utf-8"))
    assert read_text(str(path)) == "智谱"


# ---------------------------------------------------------------------------------------------
# Refusals


def _random_bytes(n: int, seed: int, high: bool = False) -> bytes:
    rnd = random.Random(seed)
    data = bytes(rnd.getrandbits(8) for _ in range(n))
    return bytes(b | 0x80 for b in data) if high else data


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        ("智谱".encode("utf-8") + b"\x00" + "上市".encode("utf-8"), "binary file"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "binary file"),
        (_random_bytes(4096, 1), "binary file"),
        (_random_bytes(4096, 2, high=True), "not a text file"),
        (_random_bytes(300, 3, high=True), "not a text file"),
        (codecs.BOM_UTF16_LE + _random_bytes(4096, 4), "cannot decode as utf-16-le"),
        (codecs.BOM_UTF16_LE + bytes(range(0xE0, 0xF8)) * 100, "binary file"),
        (codecs.BOM_UTF8 + _random_bytes(4096, 5, high=True), "cannot decode as utf-8"),
        (b"text\x01\x02\x03\x04\x05 with controls", "binary file"),
    ],
    ids=["png", "nul", "zip", "random", "random-high", "random-short", "utf16-random",
         "utf16-private-use", "utf8-bom-random", "controls"],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path, data, "blob.txt")
    with pytest.raises(InputError) as info:
        read_text(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {reason}")
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="no such file") as info:
        read_text(path)
    assert str(info.value) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_text(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"abc")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(zio, "open", refuse, raising=False)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: permission denied"


def test_other_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"abc")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(zio, "open", broken, raising=False)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert str(info.value) == f"{path}: cannot read (Input/output error)"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_only_raise_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ")
    else:
        assert isinstance(text, str)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(
        [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
    ),
    st.binary(max_size=500),
)
def test_random_bytes_after_a_bom(bom: bytes, data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(bom + data, "y.txt"), str)
    except InputError as exc:
        assert str(exc).startswith("y.txt: ")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(TRADITIONAL + SEED_TEXTS["003"][:400])), min_size=12))
def test_chinese_text_round_trips_in_gb18030(text: str) -> None:
    assert decode_bytes(text.encode("gb18030")) == text


# ---------------------------------------------------------------------------------------------
# Paths


def _tree(root: Path) -> None:
    files = [
        "b.txt", "a.md", "c.html", "d.HTM", "notes.json", "sub/z.txt", "sub/a.txt",
        "sub/deeper/x.htm", ".hidden.txt", ".git/ignored.txt", "a2.TXT",
    ]
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_iter_article_paths_directory(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_paths([tmp_path])]
    assert found == [
        "a.md", "a2.TXT", "b.txt", "c.html", "d.HTM",
        "sub/a.txt", "sub/deeper/x.htm", "sub/z.txt",
    ]


def test_iter_article_paths_mixed_and_deduplicated(tmp_path: Path) -> None:
    _tree(tmp_path)
    explicit = tmp_path / "notes.json"
    found = iter_article_paths([explicit, str(tmp_path / "sub"), tmp_path / "sub" / "a.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "notes.json", "sub/a.txt", "sub/deeper/x.htm", "sub/z.txt",
    ]


def test_iter_article_paths_single_path(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert iter_article_paths(tmp_path / "b.txt") == [tmp_path / "b.txt"]
    assert len(iter_article_paths(str(tmp_path))) == 8


def test_iter_article_paths_is_deterministic(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert iter_article_paths([tmp_path]) == iter_article_paths([tmp_path])


def test_iter_article_paths_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        iter_article_paths([tmp_path, tmp_path / "missing"])
    assert str(info.value) == f"{tmp_path / 'missing'}: no such file or directory"


def test_iter_article_paths_seeds() -> None:
    assert iter_article_paths([SEEDS[0].parent]) == SEEDS
