"""What the fictional kommune looks like: sectors, unit templates, roles and what each role requires.

Everything here is data. Requirements name frameworks and areas by their stable keys
(``ostre-toten-agp`` / ``s13``, ``digcomp-2.2`` / ``digcomp-4.2``, ``lovpalagt-opplaering`` /
``hms-leder``); :mod:`competence.demo.catalogue` resolves them against whatever competences the
loaded frameworks hold, so a framework that gains or loses a competence never breaks the demo.
"""

from __future__ import annotations

from dataclasses import dataclass

MUNICIPALITY = "Fjordvik kommune"
EMAIL_DOMAIN = "fjordvik.kommune.no"

OSTRE_TOTEN = "ostre-toten-agp"
LOTEN = "loten-ags-2019"
DIGCOMP = "digcomp-2.2"
LEGAL = "lovpalagt-opplaering"

#: Frameworks a role's requirements are filled up from (``required_per_role``), in this order.
FILL_PREFERENCE = (OSTRE_TOTEN, DIGCOMP, LOTEN)

#: Required level per demand, as a share of the scale (0-100 %); the nearest level is used.
DEMAND_PERCENT = {"basic": 30.0, "medium": 50.0, "high": 70.0, "expert": 90.0}


@dataclass(frozen=True)
class Pick:
    """Competences a role requires: named ones (``keys``) or ``count`` drawn from an area."""

    framework: str
    area: str | None = None
    keys: tuple[str, ...] = ()
    count: int = 1
    demand: str = "medium"
    mandatory: bool = True
    #: months after taking up a post before a lacking mandatory course is overdue
    deadline_months: int | None = None


@dataclass(frozen=True)
class QualificationPick:
    """A formal qualification a role requires (``key`` in ``resources/qualifications/``); the share
    of the people in the role who hold it, and of the others who have a dispensation."""

    key: str
    mandatory: bool = True
    deadline_months: int | None = None
    held: float = 0.95
    dispensation: float = 0.0


@dataclass(frozen=True)
class RoleSpec:
    name: str
    description: str
    picks: tuple[Pick, ...]


def _dig(demand: str, *numbers: str, mandatory: bool = True) -> Pick:
    return Pick(DIGCOMP, keys=tuple(f"digcomp-{n}" for n in numbers), demand=demand, mandatory=mandatory)


def _ot(area: str, count: int = 1, demand: str = "medium", *, mandatory: bool = True) -> Pick:
    return Pick(OSTRE_TOTEN, area=area, count=count, demand=demand, mandatory=mandatory)


def _legal(*keys: str, deadline: int | None = None) -> Pick:
    return Pick(LEGAL, keys=keys, demand="expert", mandatory=True, deadline_months=deadline)


_LEADER_CORE = (
    _legal("hms-leder", deadline=6),  # arbeidsmiljøloven § 3-5: within half a year of becoming a leader
    _ot("s7", 3, "high"),
    _ot("s8", 1, "medium"),
    _ot("s10", 1, "high"),
    _ot("s11", 1, "high"),
    _ot("s13", 1, "high"),
    _ot("s15", 1, "medium"),
    _dig("medium", "5.2", "5.4"),
)

ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        "Toppleder",
        "Kommunedirektør og kommunalsjefer: strategisk ledelse, partssamarbeid og omstilling.",
        (
            *_LEADER_CORE,
            _ot("s9", 1, "high"),
            _ot("s14", 1, "medium", mandatory=False),
            Pick(LOTEN, area="lo-1", demand="high", mandatory=False),
            _dig("high", "1.3"),
        ),
    ),
    RoleSpec(
        "Enhetsleder",
        "Leder av en enhet med personal-, fag- og budsjettansvar.",
        (
            *_LEADER_CORE,
            _ot("s12", 1, "medium"),
            _ot("s14", 1, "medium", mandatory=False),
            _dig("medium", "1.3"),
        ),
    ),
    RoleSpec(
        "Avdelingsleder",
        "Leder av en avdeling, sone eller et team, med personalansvar.",
        (*_LEADER_CORE, _ot("s12", 1, "medium", mandatory=False)),
    ),
    RoleSpec(
        "Sykepleier",
        "Offentlig godkjent sykepleier i hjemmetjeneste, sykehjem eller helsestasjon.",
        (
            _legal("legemiddelhandtering", deadline=3),
            _dig("medium", "1.1", "1.2", "2.1"),
            _dig("high", "4.2"),
            _dig("basic", "5.1", mandatory=False),
            _ot("s6"),
            _ot("s10", demand="high", mandatory=False),
            _ot("s13"),
            _ot("s15", demand="basic"),
        ),
    ),
    RoleSpec(
        "Helsefagarbeider",
        "Helsefagarbeider med fagbrev i helse- og omsorgstjenestene.",
        (
            _legal("legemiddelhandtering"),
            _dig("basic", "1.1", "2.1", "4.3"),
            _dig("medium", "4.2"),
            _ot("s6"),
            _ot("s13"),
            _ot("s12", demand="basic", mandatory=False),
        ),
    ),
    RoleSpec(
        "Vernepleier",
        "Vernepleier i bo- og aktivitetstilbud og psykisk helse.",
        (
            _legal("legemiddelhandtering", "tvang-og-makt"),
            _dig("medium", "1.1", "2.1", "3.1"),
            _dig("high", "4.2"),
            _ot("s6"),
            _ot("s10", mandatory=False),
            _ot("s13"),
        ),
    ),
    RoleSpec(
        "Assistent",
        "Assistent uten formell fagutdanning i helse eller oppvekst.",
        (_dig("basic", "1.1", "4.2"), _ot("s6", demand="basic"), _ot("s13", demand="basic")),
    ),
    RoleSpec(
        "Lærer",
        "Lærer i grunnskolen.",
        (
            _dig("high", "1.1", "1.2", "3.1"),
            _dig("medium", "2.2", "2.4", "3.3", "4.2"),
            _ot("s6"),
            _ot("s10", demand="high"),
            _ot("s15", mandatory=False),
        ),
    ),
    RoleSpec(
        "Barnehagelærer",
        "Pedagogisk leder eller barnehagelærer.",
        (
            _legal("forstehjelp"),
            _dig("medium", "1.1", "2.1", "3.1", "4.2", "4.3"),
            _ot("s6"),
            _ot("s10"),
            _ot("s13", mandatory=False),
        ),
    ),
    RoleSpec(
        "Barne- og ungdomsarbeider",
        "Fagarbeider i barnehage og SFO.",
        (_legal("forstehjelp"), _dig("basic", "1.1", "2.1", "4.2"), _ot("s6"), _ot("s13", demand="basic")),
    ),
    RoleSpec(
        "Renholder",
        "Renholdsoperatør i kommunale bygg.",
        (
            _dig("basic", "1.1", "2.1"),
            _ot("s13", 2, "high"),
            _ot("s6", demand="basic"),
            _ot("s14", demand="basic", mandatory=False),
        ),
    ),
    RoleSpec(
        "Driftsoperatør",
        "Vaktmester, driftsoperatør vann og avløp, vei og park.",
        (_dig("basic", "1.1"), _dig("medium", "5.1"), _ot("s13", 2, "high"), _ot("s6")),
    ),
    RoleSpec(
        "Ingeniør",
        "Ingeniør innen plan, byggesak, vann og avløp og eiendom.",
        (
            _dig("high", "1.1", "1.3"),
            _dig("medium", "3.2", "5.1", "5.3"),
            _ot("s15"),
            _ot("s11", mandatory=False),
            _ot("s13"),
        ),
    ),
    RoleSpec(
        "Saksbehandler",
        "Saksbehandler og konsulent i tildeling, byggesak, servicetorg og arkiv.",
        (
            _legal("taushetsplikt"),
            _dig("high", "1.1", "1.2", "2.3", "4.2"),
            _dig("medium", "1.3", "2.1", "2.2"),
            _ot("s6"),
            _ot("s15"),
            Pick(LOTEN, area="lo-5", demand="medium", mandatory=False),
        ),
    ),
    RoleSpec(
        "Rådgiver",
        "Rådgiver i personal, økonomi og utvikling.",
        (
            _dig("high", "1.2", "1.3", "2.4"),
            _dig("medium", "3.1", "5.2"),
            _ot("s9"),
            _ot("s10"),
            _ot("s11", demand="high"),
            Pick(LOTEN, area="lo-1", demand="medium", mandatory=False),
        ),
    ),
    RoleSpec(
        "IKT-konsulent",
        "Drift, brukerstøtte og fagsystemer.",
        (
            _dig("expert", "4.1", "4.2", "5.1"),
            _dig("high", "1.3", "3.4", "5.2"),
            _dig("medium", "2.6"),
            _ot("s15", 2, "high"),
        ),
    ),
    RoleSpec(
        "Verneombud",
        "Verv: verneombud for en enhet (arbeidsmiljøloven § 6-5).",
        (
            _legal("verneombud", deadline=6),
            _ot("s13", 3, "high"),
            _ot("s8"),
            Pick(LOTEN, area="lo-4", demand="medium"),
        ),
    ),
)

#: The formal qualifications roles require, by role name (docs/compliance.md): mostly held; some
#: barnehagelærer and lærer posts rest on a dispensation, as in many municipalities.
QUALIFICATIONS: dict[str, tuple[QualificationPick, ...]] = {
    "Sykepleier": (QualificationPick("autorisasjon-sykepleier", held=0.97),),
    "Helsefagarbeider": (
        QualificationPick("autorisasjon-helsefagarbeider", held=0.93),
        QualificationPick("fagbrev-helsearbeider", mandatory=False, held=0.9),
    ),
    "Vernepleier": (QualificationPick("autorisasjon-vernepleier", held=0.95),),
    "Barnehagelærer": (
        QualificationPick("barnehagelaererutdanning", deadline_months=12, held=0.78, dispensation=0.7),
    ),
    "Lærer": (QualificationPick("grunnskolelaererutdanning", held=0.9, dispensation=0.5),),
    "Barne- og ungdomsarbeider": (
        QualificationPick("fagbrev-barne-ungdomsarbeider", mandatory=False, held=0.7),
    ),
    "Driftsoperatør": (
        QualificationPick("forerkort-b", held=0.96),
        QualificationPick("forerkort-be", mandatory=False, held=0.5),
    ),
}

LEADER_ROLE = "Enhetsleder"
DEPARTMENT_LEADER_ROLE = "Avdelingsleder"
TOP_ROLE = "Toppleder"
SAFETY_ROLE = "Verneombud"


@dataclass(frozen=True)
class Staff:
    """One kind of post in a unit: the role (competence profile), the job title and its share."""

    role: str
    title: str
    weight: float


@dataclass(frozen=True)
class Department:
    name: str
    #: Staff of this department when it differs from the unit's (a school's SFO).
    staff: tuple[Staff, ...] = ()


@dataclass(frozen=True)
class UnitTemplate:
    #: ``{place}`` is replaced by a place name for templates that repeat.
    name: str
    #: Share of the sector's staff that works in units of this kind.
    weight: float
    #: Typical head count of one unit; repeating templates make as many units as the share needs.
    typical: int
    leader_title: str
    staff: tuple[Staff, ...]
    departments: tuple[Department, ...] = ()
    department_title: str = "Avdelingsleder"
    #: Typical head count of one department (avdeling, sone, team).
    department_size: int = 18
    repeats: bool = True


@dataclass(frozen=True)
class Sector:
    """A kommunalområde."""

    name: str
    share: float
    leader_title: str
    units: tuple[UnitTemplate, ...]


_NURSING = (
    Staff("Sykepleier", "Sykepleier", 35),
    Staff("Helsefagarbeider", "Helsefagarbeider", 45),
    Staff("Assistent", "Assistent", 14),
    Staff("Vernepleier", "Vernepleier", 6),
)
_SFO = (
    Staff("Barne- og ungdomsarbeider", "Barne- og ungdomsarbeider", 45),
    Staff("Assistent", "Assistent", 55),
)

SECTORS: tuple[Sector, ...] = (
    Sector(
        "Helse og omsorg",
        0.42,
        "Kommunalsjef helse og omsorg",
        (
            UnitTemplate(
                "Hjemmetjenesten {place}",
                0.36,
                70,
                "Enhetsleder",
                _NURSING,
                tuple(Department(f"Sone {z}") for z in ("nord", "sør", "øst", "vest", "sentrum")),
                department_title="Soneleder",
                department_size=20,
            ),
            UnitTemplate(
                "{place} sykehjem",
                0.34,
                80,
                "Enhetsleder",
                _NURSING,
                tuple(
                    Department(n)
                    for n in ("Langtidsavdelingen", "Skjermet enhet", "Korttidsavdelingen", "Rehabilitering")
                ),
                department_size=22,
            ),
            UnitTemplate(
                "Bo- og aktivitetstilbud {place}",
                0.16,
                35,
                "Enhetsleder",
                (
                    Staff("Vernepleier", "Vernepleier", 35),
                    Staff("Helsefagarbeider", "Miljøarbeider", 35),
                    Staff("Assistent", "Miljøassistent", 30),
                ),
                (Department("Bofellesskap A"), Department("Bofellesskap B"), Department("Dagsenter")),
                department_size=14,
            ),
            UnitTemplate(
                "Helsestasjon og skolehelsetjeneste",
                0.07,
                14,
                "Ledende helsesykepleier",
                (Staff("Sykepleier", "Helsesykepleier", 85), Staff("Saksbehandler", "Konsulent", 15)),
                repeats=False,
            ),
            UnitTemplate(
                "Tildelingskontoret",
                0.07,
                10,
                "Enhetsleder",
                (Staff("Saksbehandler", "Saksbehandler", 70), Staff("Sykepleier", "Sykepleier", 30)),
                repeats=False,
            ),
        ),
    ),
    Sector(
        "Oppvekst",
        0.38,
        "Kommunalsjef oppvekst",
        (
            UnitTemplate(
                "{place} skole",
                0.58,
                45,
                "Rektor",
                (Staff("Lærer", "Lærer", 80), Staff("Assistent", "Assistent", 20)),
                (
                    Department("Småtrinnet"),
                    Department("Mellomtrinnet"),
                    Department("SFO", _SFO),
                    Department("Ungdomstrinnet"),
                ),
                department_title="Inspektør",
                department_size=16,
            ),
            UnitTemplate(
                "{place} barnehage",
                0.37,
                18,
                "Styrer",
                (
                    Staff("Barnehagelærer", "Pedagogisk leder", 40),
                    Staff("Barne- og ungdomsarbeider", "Barne- og ungdomsarbeider", 35),
                    Staff("Assistent", "Assistent", 25),
                ),
                tuple(
                    Department(f"Avdeling {n}")
                    for n in ("Blåbær", "Tyttebær", "Multe", "Krekling", "Bringebær", "Rognebær")
                ),
                department_title="Pedagogisk leder",
                department_size=9,
            ),
            UnitTemplate(
                "Pedagogisk-psykologisk tjeneste",
                0.05,
                10,
                "Leder PPT",
                (Staff("Rådgiver", "PP-rådgiver", 80), Staff("Saksbehandler", "Konsulent", 20)),
                repeats=False,
            ),
        ),
    ),
    Sector(
        "Teknisk",
        0.12,
        "Kommunalsjef teknisk",
        (
            UnitTemplate(
                "Eiendom og renhold",
                0.5,
                40,
                "Eiendomssjef",
                (Staff("Renholder", "Renholder", 75), Staff("Driftsoperatør", "Vaktmester", 25)),
                (
                    Department("Renhold nord", (Staff("Renholder", "Renholder", 1),)),
                    Department("Renhold sør", (Staff("Renholder", "Renholder", 1),)),
                    Department("Vaktmestertjenesten", (Staff("Driftsoperatør", "Vaktmester", 1),)),
                ),
                department_title="Renholdsleder",
                department_size=16,
                repeats=False,
            ),
            UnitTemplate(
                "Vann og avløp",
                0.2,
                18,
                "Enhetsleder",
                (Staff("Driftsoperatør", "Driftsoperatør", 70), Staff("Ingeniør", "Ingeniør", 30)),
                (Department("Vannverk"), Department("Avløp og renseanlegg"), Department("Ledningsnett")),
                repeats=False,
            ),
            UnitTemplate(
                "Plan, byggesak og geodata",
                0.15,
                14,
                "Enhetsleder",
                (
                    Staff("Ingeniør", "Arealplanlegger", 40),
                    Staff("Saksbehandler", "Byggesaksbehandler", 45),
                    Staff("Ingeniør", "Geodataingeniør", 15),
                ),
                repeats=False,
            ),
            UnitTemplate(
                "Vei og park",
                0.15,
                14,
                "Enhetsleder",
                (Staff("Driftsoperatør", "Driftsoperatør", 80), Staff("Ingeniør", "Ingeniør", 20)),
                repeats=False,
            ),
        ),
    ),
    Sector(
        "Stab og støtte",
        0.08,
        "Kommunalsjef stab og støtte",
        (
            UnitTemplate(
                "Personal og organisasjon",
                0.28,
                12,
                "Personalsjef",
                (Staff("Rådgiver", "HR-rådgiver", 60), Staff("Saksbehandler", "Lønnskonsulent", 40)),
                (Department("Lønn"), Department("HR-rådgivning"), Department("Organisasjonsutvikling")),
                department_size=10,
                repeats=False,
            ),
            UnitTemplate(
                "Økonomi",
                0.24,
                12,
                "Økonomisjef",
                (Staff("Rådgiver", "Controller", 40), Staff("Saksbehandler", "Regnskapskonsulent", 60)),
                (Department("Regnskap"), Department("Budsjett og analyse"), Department("Innfordring")),
                department_size=10,
                repeats=False,
            ),
            UnitTemplate(
                "IKT og digitalisering",
                0.28,
                14,
                "IKT-sjef",
                (
                    Staff("IKT-konsulent", "IKT-konsulent", 85),
                    Staff("Rådgiver", "Digitaliseringsrådgiver", 15),
                ),
                (Department("Brukerstøtte"), Department("Drift og infrastruktur"), Department("Fagsystemer")),
                department_title="Teamleder",
                department_size=10,
                repeats=False,
            ),
            UnitTemplate(
                "Servicetorg og arkiv",
                0.2,
                10,
                "Enhetsleder",
                (Staff("Saksbehandler", "Konsulent", 70), Staff("Saksbehandler", "Arkivar", 30)),
                repeats=False,
            ),
        ),
    ),
)

TOP_TITLE = "Kommunedirektør"

#: Stillingsprosent per sector family: (percent, weight). Health runs on part time, the rest mostly full.
FTE_MIX: dict[str, tuple[tuple[float, float], ...]] = {
    "Helse og omsorg": ((100, 38), (90, 6), (80, 16), (75, 10), (60, 10), (50, 9), (40, 5), (20, 6)),
    "Oppvekst": ((100, 66), (90, 6), (80, 12), (60, 8), (50, 6), (20, 2)),
    "Teknisk": ((100, 72), (80, 10), (60, 10), (50, 8)),
    "Stab og støtte": ((100, 84), (80, 10), (60, 6)),
}
#: Second posts that top a part-time post up toward full time (heltidskultur).
EXTRA_FTE = (20.0, 25.0, 30.0, 40.0, 50.0)
