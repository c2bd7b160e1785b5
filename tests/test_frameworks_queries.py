"""Read services: the list, one framework's tree, and competence search (both backends)."""

from __future__ import annotations

import pytest

from competence.errors import NotFoundError
from competence.frameworks import ensure_builtin_frameworks
from competence.frameworks.queries import find_competence, framework_tree, list_frameworks, search_competences
from competence.uow import UnitOfWork


@pytest.fixture
def loaded(uow: UnitOfWork) -> UnitOfWork:
    ensure_builtin_frameworks(uow)
    return uow


def test_list_frameworks(loaded: UnitOfWork) -> None:
    frameworks = {f.key: f for f in list_frameworks(loaded)}
    assert set(frameworks) == {"ostre-toten-agp", "loten-ags-2019", "digcomp-2.2", "lovpalagt-opplaering"}
    ot = frameworks["ostre-toten-agp"]
    assert (ot.area_count, ot.competence_count, ot.builtin, ot.editable) == (10, 36, True, False)
    assert ot.owner == "Østre Toten kommune"
    digcomp = frameworks["digcomp-2.2"]
    assert digcomp.source is not None and digcomp.source.licence == "CC BY 4.0"
    assert digcomp.display_name("en").startswith("DigComp 2.2")


def test_framework_tree(loaded: UnitOfWork) -> None:
    tree = framework_tree(loaded, "lovpalagt-opplaering")
    assert tree == framework_tree(loaded, tree.framework.id) == framework_tree(loaded, str(tree.framework.id))
    assert [a.key for a in tree.areas] == ["hms", "helse", "forvaltning"]
    hms = tree.areas[0].competences
    assert [c.key for c in hms[:2]] == ["hms-leder", "verneombud"]
    assert hms[0].display_name() == "AML § 3-5 HMS-opplæring for ledere"
    assert hms[0].display_name("en") == "AML § 3-5 Health and safety training for managers"
    scale = tree.scale(hms[0].scale_id)
    assert [(lv.label(), lv.percent) for lv in scale.levels] == [("0 Mangler", 0.0), ("1 Gjennomført", 100.0)]
    with pytest.raises(NotFoundError):
        framework_tree(loaded, "finnes-ikke")


def test_search_by_code_name_area_and_framework(loaded: UnitOfWork) -> None:
    uow = loaded
    hits = search_competences(uow, "DigComp 4.2")
    assert hits[0].key == "digcomp-4.2" and hits[0].framework_key == "digcomp-2.2"
    assert search_competences(uow, "4.2")[0].key == "digcomp-4.2"
    section = search_competences(uow, "§15")
    assert {h.key for h in section} >= {f"ot-15-{n}" for n in range(1, 6)}
    assert all(h.framework_key == "ostre-toten-agp" for h in section)
    privacy = {h.key for h in search_competences(uow, "personvern")}
    assert {"digcomp-4.2", "personvern"} <= privacy
    assert [h.key for h in search_competences(uow, "LÆRING", framework="ostre-toten-agp")][:1] == ["ot-6-1"]
    assert {h.key for h in search_competences(uow, "opplæring", kind="certificate")} >= {
        "hms-leder",
        "verneombud",
    }
    assert search_competences(uow, "privacy")[0].key == "digcomp-4.2"  # English names are searched too
    assert search_competences(uow, "finnes ikke noe sted") == []
    assert len(search_competences(uow, "", limit=5)) == 5


def test_find_competence_by_stable_keys(loaded: UnitOfWork) -> None:
    hit = find_competence(loaded, "lovpalagt-opplaering", "verneombud")
    assert (hit.code, hit.area_key, hit.kind, hit.critical) == ("AML § 6-5", "hms", "certificate", True)
    assert find_competence(loaded, "ostre-toten-agp", "ot-13-1").area_code == "§13"
    with pytest.raises(NotFoundError):
        find_competence(loaded, "digcomp-2.2", "digcomp-9.9")
