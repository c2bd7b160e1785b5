"""Small hand-made registers for tests, built through the ORM (not the framework loader)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from competence.scales import default_percent
from competence.uow import UnitOfWork
from db.models import Area, Competence, Framework, Scale, ScaleLevel


@dataclass
class MiniFramework:
    framework_id: int
    scale4_id: int
    scale8_id: int
    area_ids: dict[str, int]
    competence_ids: dict[str, int]


def make_scale(session: Session, key: str, top: int, *, zero_level: bool = False) -> Scale:
    scale = Scale(key=key, name=f"Skala 1-{top}", name_en=f"Scale 1-{top}")
    start = 0 if zero_level else 1
    scale.levels = [
        ScaleLevel(ordinal=i, name=f"Nivå {i}", name_en=f"Level {i}", percent=default_percent(i, top))
        for i in range(start, top + 1)
    ]
    session.add(scale)
    session.flush()
    return scale


def make_mini_framework(uow: UnitOfWork) -> MiniFramework:
    """Two areas; competences on a 4-level and an 8-level scale; one critical; one certificate."""
    with uow:
        s = uow.session
        s4 = make_scale(s, "test-4", 4)
        s8 = make_scale(s, "test-8", 8)
        cert_scale = make_scale(s, "test-cert", 1, zero_level=True)
        fw = Framework(key="test-fw", name="Testrammeverk", default_scale_id=s4.id, builtin=False)
        s.add(fw)
        s.flush()
        digital = Area(
            framework_id=fw.id,
            key="digital",
            code="§15",
            name="Digital transformasjon",
            name_en="Digital transformation",
            sort_order=1,
        )
        hms = Area(framework_id=fw.id, key="hms", code="§13", name="HMS", name_en="HSE", sort_order=2)
        s.add_all([digital, hms])
        s.flush()
        specs = [
            ("dig-1", digital, s4, "Digitale verktøy", "Digital tools", False, "skill", None),
            ("dig-2", digital, s8, "Informasjonssikkerhet", "Information security", True, "skill", None),
            ("hms-1", hms, s4, "Risikovurdering", "Risk assessment", True, "skill", None),
            (
                "hms-cert",
                hms,
                cert_scale,
                "HMS-opplæring for ledere",
                "HSE training for managers",
                True,
                "certificate",
                36,
            ),
        ]
        comps: dict[str, int] = {}
        for i, (key, area, scale, name, name_en, critical, kind, months) in enumerate(specs):
            c = Competence(
                framework_id=fw.id,
                area_id=area.id,
                scale_id=scale.id,
                key=key,
                code=key,
                name=name,
                name_en=name_en,
                critical=critical,
                kind=kind,
                validity_months=months,
                sort_order=i,
            )
            s.add(c)
            s.flush()
            comps[key] = c.id
        uow.commit()
        return MiniFramework(fw.id, s4.id, s8.id, {"digital": digital.id, "hms": hms.id}, comps)
