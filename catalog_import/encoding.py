"""The text of a CSV file, decoded with confidence or not at all (never mojibake).

UTF-8 (with or without BOM) and UTF-16 with a BOM (Excel's "Unicode text") are unambiguous. Otherwise the
file is what Excel writes on Windows: Windows-1252 (French) or Windows-1256 (Arabic, which also holds the
French accented letters). Both decode almost any bytes, so each decoding is judged by how messy it reads
(charset-normalizer's mess detector, plus words that mix Latin and Arabic letters, the mark of a wrong code
page: "ÒÑÈíÉ" or "ةcole"). The cleaner one wins only by a clear margin; otherwise the file is refused with
a message that asks for UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer.md import mess_ratio

from catalog_import.text import ARABIC_LETTER, LATIN_LETTER

CODE_PAGES = ("cp1252", "cp1256")
NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252",
         "cp1256": "Windows-1256"}
MAX_MESS = 0.2  # above this, a decoding reads as garbage
MARGIN = 0.1  # the better decoding must be this much cleaner than the other
SAMPLE = 200_000  # characters judged (the mess detector is linear but not free)
_WORD = re.compile(r"\w+", re.UNICODE)
ODD = "[ˆ˜‰ŽžŠšƒ†‡‹›Ÿ¤¦¨¯´¸¬]"


@dataclass
class Decoded:
    text: str | None
    encoding: str | None  # the codec used, None when refused
    problem: str | None = None  # ENCODING (not text) or ENCODING_UNSURE (two readings, no clear winner)
    candidates: tuple[str, ...] = ()


def _binary(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\t\r\n\f" for c in text[:SAMPLE])


def mixed_scripts(text: str) -> float:
    """Share of words that hold both Latin and Arabic letters (a wrong code page makes them)."""
    words = [w for w in _WORD.findall(text[:SAMPLE]) if not w.isdigit()]
    if not words:
        return 0.0
    mixed = sum(1 for w in words if ARABIC_LETTER.search(w) and LATIN_LETTER.search(w))
    return mixed / len(words)


def odd_characters(text: str) -> float:
    """Share of words holding a character no catalogue is written with, but that a wrong code page gives
    (a Mac Roman "é" read as Windows-1252 is "Ž", its "à" is "ˆ")."""
    words = _WORD.findall(text[:SAMPLE]) + re.findall(ODD, text[:SAMPLE])
    return sum(1 for w in words if re.search(ODD, w)) / len(words) if words else 0.0


def messiness(text: str) -> float:
    return mess_ratio(text[:SAMPLE], 1.0) + 5 * mixed_scripts(text) + 5 * odd_characters(text)


def decode(data: bytes) -> Decoded:
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    if not bom and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return Decoded(None, None, "ENCODING")
        return Decoded(text, "utf-16") if not _binary(text) else Decoded(None, None, "ENCODING")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if bom:  # a BOM promises UTF-8: bytes that break it are a damaged file, not another code page
            return Decoded(None, None, "ENCODING")
    else:
        return Decoded(text, "utf-8") if not _binary(text) else Decoded(None, None, "ENCODING")
    readings: dict[str, str] = {}
    for codec in CODE_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _binary(text):
            readings[codec] = text
    if not readings:
        return Decoded(None, None, "ENCODING")
    if len(set(readings.values())) == 1:  # the bytes mean the same in both code pages
        codec, text = next(iter(readings.items()))
        return Decoded(text, codec) if messiness(text) <= MAX_MESS else Decoded(None, None, "ENCODING")
    # Both code pages map one byte to one character: judge only the words where the readings differ, so
    # that one "É" among ten thousand plain words still decides.
    first, second = readings["cp1252"], readings["cp1256"]
    spans = [m.span() for m in re.finditer(r"\S+", first)]
    differing = [(a, b) for a, b in spans if first[a:b] != second[a:b]][:5000]
    scores = sorted((messiness(" ".join(text[a:b] for a, b in differing)), codec) for codec, text in readings.items())
    (best, codec), (runner_up, _other) = scores[0], scores[1]
    if best <= MAX_MESS and runner_up - best >= MARGIN:
        return Decoded(readings[codec], codec)
    return Decoded(None, None, "ENCODING_UNSURE", tuple(NAMES[c] for _, c in scores))
