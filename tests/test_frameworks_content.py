"""The built-in framework files: what they must hold, checked against the strategy documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from competence.frameworks import DIGCOMP, LEGAL_TRAININGS, LOTEN, OSTRE_TOTEN, builtin_specs
from competence.frameworks.builtin import BUILTIN_DIR
from competence.frameworks.document import to_json_text
from competence.frameworks.spec import FrameworkSpec
from tests.frameworks.helpers import normalise, seed_text

OT_SECTIONS = {
    6: "Medarbeiderskap",
    7: "Lederskap",
    8: "Partsarbeid",
    9: "Rekruttering",
    10: "Kompetanseutvikling",
    11: "Organisering og omstilling",
    12: "Heltidskultur",
    13: "HMS",
    14: "Livsfasepolitikk",
    15: "Digital transformasjon",
}
LOTEN_AREAS = [
    "Utvikling, nytenking og omstilling",
    "Kompetanse og rekruttering",
    "Arbeidsvilkår",
    "Medvirkning og arbeidsmiljø",
    "Identitet og omdømme",
]
DIGCOMP_COUNTS = {"1": 3, "2": 6, "3": 4, "4": 4, "5": 4}


def _spec(key: str) -> FrameworkSpec:
    return next(spec for spec in builtin_specs() if spec.key == key)


def test_the_four_builtin_frameworks_are_there() -> None:
    assert sorted(spec.key for spec in builtin_specs()) == sorted(
        [OSTRE_TOTEN, LOTEN, DIGCOMP, LEGAL_TRAININGS]
    )


def test_ostre_toten_areas_are_sections_6_to_15() -> None:
    spec = _spec(OSTRE_TOTEN)
    assert [(a.key, a.code, a.name) for a in spec.areas] == [
        (f"s{n}", f"§{n}", name) for n, name in OT_SECTIONS.items()
    ]
    seed = seed_text(OSTRE_TOTEN)
    for number, name in OT_SECTIONS.items():
        assert f"{number}. {name}" in seed  # the section really is in the document
    for area in spec.areas:
        assert 2 <= len(area.competences) <= 5, area.key
        section = area.key.removeprefix("s")
        for index, comp in enumerate(area.competences, start=1):
            assert comp.key == f"ot-{section}-{index}"


def test_ostre_toten_covers_digital_transformation_competence_development_and_hms() -> None:
    spec = _spec(OSTRE_TOTEN)
    by_area = {a.key: a for a in spec.areas}
    assert len(by_area["s15"].competences) >= 3
    assert any("digital" in c.source_quote.lower() for c in by_area["s7"].competences if c.source_quote)
    assert len(by_area["s10"].competences) >= 3
    hms = by_area["s13"].competences
    assert any(c.critical and "risiko" in c.name.lower() for c in hms)


def test_loten_areas_are_the_five_satsingsomrader() -> None:
    spec = _spec(LOTEN)
    assert [(a.key, a.name) for a in spec.areas] == [(f"lo-{i}", n) for i, n in enumerate(LOTEN_AREAS, 1)]
    seed = seed_text(LOTEN)
    for name in LOTEN_AREAS:
        assert f"• {name}" in seed
    assert all(area.competences for area in spec.areas)


#: A competence that rests on a satsingsområde's title, not on a sentence of the strategy, says so in
#: its reference instead of presenting the title as a quote of content.
TITLE_REF = re.compile(r"tittelen på satsingsområde \d, «([^»]+)» \(ikke et sitat av innholdet\)$")


@pytest.mark.parametrize("key", [OSTRE_TOTEN, LOTEN])
def test_every_strategy_competence_quotes_its_seed_or_names_the_title_it_rests_on(key: str) -> None:
    seed = seed_text(key)
    titles = 0
    for area, comp in _spec(key).competences():
        assert comp.source_ref, comp.key
        title = TITLE_REF.search(comp.source_ref)
        if title is not None:
            titles += 1
            assert comp.source_quote is None, f"{comp.key}: a title is not quoted as content"
            assert title.group(1) == area.name and f"• {area.name}" in seed, comp.key
            continue
        assert comp.source_quote, comp.key
        assert normalise(comp.source_quote) in seed, f"{comp.key}: quote not found in the seed"
        assert not any(comp.source_quote == a.name for a in _spec(key).areas), (
            f"{comp.key}: a title as a quote"
        )
        assert comp.name and comp.name_en and comp.description and comp.description_en, comp.key
        assert comp.kind == "skill"
    assert all(area.name_en for area in _spec(key).areas)
    assert titles == (4 if key == LOTEN else 0)


def test_digcomp_has_5_areas_and_all_21_competences_in_two_languages() -> None:
    spec = _spec(DIGCOMP)
    assert [a.key for a in spec.areas] == ["1", "2", "3", "4", "5"]
    keys = [c.key for _, c in spec.competences()]
    expected = [f"digcomp-{area}.{n}" for area, count in DIGCOMP_COUNTS.items() for n in range(1, count + 1)]
    assert keys == expected
    assert len(keys) == 21
    for area, comp in spec.competences():
        assert comp.code == comp.key.removeprefix("digcomp-")
        assert comp.code.startswith(area.key + ".")
        assert comp.name and comp.name_en and comp.name != comp.name_en
        assert comp.description and comp.description_en
    names = {c.code: (c.name, c.name_en) for _, c in spec.competences()}
    assert names["4.2"] == (
        "Beskytte personopplysninger og personvern",
        "Protecting personal data and privacy",
    )
    assert names["3.4"][1] == "Programming"


def test_digcomp_never_says_enheter_for_devices_and_5_4_keeps_helping_others() -> None:
    """In the app an *enhet* is an organisational unit, so DigComp's devices are *digitale
    enheter/utstyr*; 5.4 is about one's own competence and helping others develop theirs."""
    spec = _spec(DIGCOMP)
    comps = {c.code: c for _, c in spec.competences()}
    assert comps["4.1"].name == "Beskytte digitale enheter/utstyr"
    texts = [(a.name, a.description or "") for a in spec.areas]
    texts += [(c.name, c.description or "") for _, c in spec.competences()]
    for name, description in texts:
        for text in (name, description):
            bare = re.sub(r"digitale enheter/utstyr", "", text)
            assert not re.search(r"\benheter\b", bare, re.IGNORECASE), f"{name}: {text}"
    five_four = comps["5.4"]
    assert "hjelpe andre" in (five_four.description or "")
    assert "support others" in (five_four.description_en or "")


def test_digcomp_has_8_levels_in_4_bands() -> None:
    scale = _spec(DIGCOMP).scale(None)
    assert scale.key == "digcomp-8"
    assert [lv.ordinal for lv in scale.levels] == list(range(1, 9))
    bands = [(lv.band, lv.band_en) for lv in scale.levels]
    assert bands == [
        ("Grunnleggende", "Foundation"),
        ("Grunnleggende", "Foundation"),
        ("Middels", "Intermediate"),
        ("Middels", "Intermediate"),
        ("Avansert", "Advanced"),
        ("Avansert", "Advanced"),
        ("Høyt spesialisert", "Highly specialised"),
        ("Høyt spesialisert", "Highly specialised"),
    ]
    assert all(lv.name and lv.name_en and lv.description and lv.description_en for lv in scale.levels)


def test_percentages_run_from_0_to_100_and_increase() -> None:
    for spec in builtin_specs():
        for scale in spec.scales:
            percents = [lv.percent for lv in scale.levels]
            assert all(0 <= p <= 100 for p in percents)
            assert percents == sorted(set(percents)), scale.key
            assert percents[-1] == 100
    assert [lv.percent for lv in _spec(DIGCOMP).scale(None).levels] == [12.5 * n for n in range(1, 9)]


def test_strategies_share_the_municipal_4_level_scale() -> None:
    ot, lo = _spec(OSTRE_TOTEN).scale(None), _spec(LOTEN).scale(None)
    assert ot == lo
    assert ot.key == "kommune-4"
    assert [lv.name for lv in ot.levels] == [
        "Kjenner til",
        "Kan med veiledning",
        "Kan selvstendig",
        "Kan veilede andre",
    ]
    assert [lv.percent for lv in ot.levels] == [25.0, 50.0, 75.0, 100.0]


def test_legal_trainings_are_certificates_with_their_law() -> None:
    spec = _spec(LEGAL_TRAININGS)
    scale = spec.scale(None)
    assert scale.key == "sertifikat"
    assert [(lv.ordinal, lv.name, lv.percent) for lv in scale.levels] == [
        (0, "Mangler", 0.0),
        (1, "Gjennomført", 100.0),
    ]
    comps = {c.key: c for _, c in spec.competences()}
    assert all(c.kind == "certificate" for c in comps.values())
    assert comps["hms-leder"].source_ref == "Arbeidsmiljøloven § 3-5"
    assert comps["verneombud"].source_ref == "Arbeidsmiljøloven § 6-5"
    assert comps["hms-leder"].critical and comps["verneombud"].critical
    for comp in comps.values():
        if comp.validity_months is not None:  # only internal refresh rules, and they say so
            assert "Intern" in (comp.source_ref or "")
            assert "Intern regel" in (comp.description or "")


def test_keys_are_unique_and_well_formed() -> None:
    for spec in builtin_specs():
        keys = [c.key for _, c in spec.competences()]
        assert len(keys) == len(set(keys))
        for key in keys:
            assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*", key), key


@pytest.mark.parametrize("path", sorted(BUILTIN_DIR.glob("*.json")), ids=lambda p: Path(p).name)
def test_builtin_files_are_in_canonical_form(path: Path) -> None:
    """The shipped files read exactly as the exporter writes them, so exports diff cleanly."""
    spec = next(s for s in builtin_specs() if f"{s.key}.json" == path.name)
    assert path.read_text(encoding="utf-8") == to_json_text(spec)


@pytest.mark.parametrize("spec", builtin_specs(), ids=lambda s: s.key)
def test_every_name_a_user_sees_has_an_english_twin(spec: FrameworkSpec) -> None:
    """In English the app shows the English names (radar, heatmap, Oversikt, exports); a built-in
    framework with a name missing would put Norwegian into the English app."""
    missing = [f"framework {spec.key}"] if not spec.name_en else []
    for scale in spec.scales:
        missing += [f"scale {scale.key}"] if not scale.name_en else []
        missing += [f"level {scale.key}/{lv.ordinal}" for lv in scale.levels if not lv.name_en]
    for area in spec.areas:
        missing += [f"area {area.key}"] if not area.name_en else []
        for comp in area.competences:  # sub-competences too: they name their parent
            missing += [f"competence {comp.key}"] if not comp.name_en else []
            missing += [f"description {comp.key}"] if comp.description and not comp.description_en else []
    assert not missing, missing
