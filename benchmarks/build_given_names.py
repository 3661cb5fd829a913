"""Rebuild src/recordcheck/language/given_names.toml from Faker's name lists.

Run by hand when the list should change; nothing reads Faker at run time.

    pip download --no-deps faker==40.40.0 && unzip faker-*.whl -d faker-src
    apt-get install wbritish   # the British English word list, to flag ordinary words
    python benchmarks/build_given_names.py faker-src /usr/share/dict/british-english

Faker (MIT licence) carries first-name lists per locale: en_GB from the ONS
baby-name tables, en_US and en from the US census and social-security
tables (public domain), and lists for the European, South Asian and African
locales whose names are common in England. Only Latin-script names are kept.
A name that is also an ordinary lower-case English word ("grace", "will",
"precious") is listed again under ordinary_words: the name finder then wants
more than capitalisation before it calls it a name.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

LOCALES = [
    "en_GB",
    "en_US",
    "en",
    "en_IE",
    "en_NZ",
    "en_IN",
    "en_PK",
    "en_NG",
    "pl_PL",
    "ro_RO",
    "lt_LT",
    "lv_LV",
    "pt_PT",
    "it_IT",
    "es_ES",
    "fr_FR",
    "nl_NL",
    "de_DE",
    "cs_CZ",
    "sk_SK",
    "hu_HU",
    "tr_TR",
    "yo_NG",
    "ig_NG",
    "tw_GH",
    "sw",
]
_NAME = re.compile(r"[A-ZÀ-Ž][a-zà-ž'’-]+")
OUT = Path(__file__).resolve().parents[1] / "src/recordcheck/language/given_names.toml"


def faker_names(faker_src: Path) -> set[str]:
    sys.path.insert(0, str(faker_src))
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names |= {n for n in getattr(provider, attr, ()) if _NAME.fullmatch(n)}
    return names


def _toml_list(words: list[str]) -> str:
    lines, line = [], ""
    for word in words:
        item = f'"{word}", '
        if len(line) + len(item) > 96:
            lines.append(line.rstrip())
            line = ""
        line += item
    lines.append(line.rstrip())
    return "[\n" + "\n".join("  " + entry for entry in lines) + "\n]\n"


def main(faker_src: str, word_list: str) -> None:
    names = sorted(faker_names(Path(faker_src)))
    lower_words = {
        w.strip()
        for w in Path(word_list).read_text(encoding="utf-8").splitlines()
        if w.strip().islower()
    }
    ordinary = [name for name in names if name.lower() in lower_words]
    OUT.write_text(
        "# Given names, built by benchmarks/build_given_names.py from Faker's first-name lists\n"
        "# (MIT licence; ONS, US census and social-security tables and other locales).\n"
        "# ordinary_words: given names that are also ordinary English words\n"
        "# (British English word list, Debian's wbritish).\n\n"
        f"names = {_toml_list(names)}\nordinary_words = {_toml_list(ordinary)}",
        encoding="utf-8",
    )
    print(f"{len(names)} names, {len(ordinary)} also ordinary words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
