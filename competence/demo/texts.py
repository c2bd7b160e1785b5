"""The words of the demo register: goal activities, appraisal notes, courses and their providers."""

from __future__ import annotations

from dataclasses import dataclass

from db.codes import ActivityType

#: Per activity type: description templates ({name} = the competence), hours range, cost range in NOK.
ACTIVITIES: dict[str, tuple[tuple[str, ...], tuple[int, int], tuple[int, int]]] = {
    ActivityType.COURSE: (
        ("Kurs: {name}", "Dagskurs i {name}", "Kurs hos KS Læring: {name}"),
        (6, 30),
        (1500, 12000),
    ),
    ActivityType.E_LEARNING: (("E-læring: {name}", "E-læringsmodul om {name}"), (1, 6), (0, 1500)),
    ActivityType.JOB_SHADOWING: (
        ("Hospitering for å styrke {name}", "Hospitering i nabokommunen: {name}"),
        (15, 75),
        (0, 6000),
    ),
    ActivityType.MENTORING: (
        ("Veiledning fra erfaren kollega: {name}", "Veiledningsgruppe: {name}"),
        (5, 20),
        (0, 0),
    ),
    ActivityType.FURTHER_EDUCATION: (
        ("Videreutdanning (30 studiepoeng): {name}", "Deltidsstudium: {name}"),
        (200, 400),
        (15000, 60000),
    ),
    ActivityType.ON_THE_JOB: (("Læring i arbeid: {name}", "Prøve ut nye oppgaver: {name}"), (10, 40), (0, 0)),
}
#: How often each activity is chosen for a goal.
ACTIVITY_WEIGHTS: dict[str, float] = {
    ActivityType.COURSE: 32,
    ActivityType.E_LEARNING: 28,
    ActivityType.JOB_SHADOWING: 8,
    ActivityType.MENTORING: 12,
    ActivityType.FURTHER_EDUCATION: 6,
    ActivityType.ON_THE_JOB: 14,
}
AREA_GOALS = (
    "Delta i utviklingsarbeid: {name}",
    "Lederutviklingsprogram: {name}",
    "Nettverkssamling: {name}",
)
COMPLETED_RESULTS = (
    "Gjennomført. Bruker det i det daglige arbeidet.",
    "Fullført med godt resultat.",
    "Gjennomført; deler erfaringene på personalmøte.",
    "Fullført. Nytt nivå bekreftet av leder.",
)
CANCELLED_RESULTS = (
    "Avbrutt: kurset ble avlyst.",
    "Avbrutt: omprioritert etter endrede oppgaver.",
    "Avbrutt etter avtale med leder.",
    "Avbrutt: ikke vikar tilgjengelig.",
)
APPRAISAL_SUMMARIES = (
    "Samtale om trivsel, arbeidsoppgaver og kompetanse. Trives godt i jobben.",
    "Gjennomgang av kompetanseprofilen; ønsker mer ansvar på fagfeltet.",
    "God samtale om arbeidsmiljø og samarbeid i avdelingen.",
    "Snakket om arbeidsbelastning, turnus og ønsket stillingsstørrelse.",
    "Ønsker faglig fordypning og å bidra i opplæring av nyansatte.",
    "Samtale om digitale verktøy og behov for opplæring.",
)
NO_GOALS_AGREED = "Ingen nye utviklingsmål denne gangen."

ASSESSMENT_NOTES = (
    "Bekreftet i medarbeidersamtalen.",
    "Observert i praksis.",
    "Trenger mer trening i nye rutiner.",
    "Har opplæringsansvar for nyansatte.",
)
COURSE_PROVIDERS = (
    "KS Læring",
    "Kompetansebroen",
    "Helsedirektoratet",
    "Høgskolen i Innlandet",
    "Fjordvik kompetansesenter",
)

#: Who runs the statutory trainings, by competence key; the rest are run by these.
STATUTORY_ISSUERS: dict[str, tuple[str, ...]] = {
    "hms-leder": ("Bedriftshelsetjenesten", "Arbeidsmiljøsenteret"),
    "verneombud": ("Bedriftshelsetjenesten", "Arbeidsmiljøsenteret"),
    "amu-medlem": ("Arbeidsmiljøsenteret",),
}
OTHER_ISSUERS = ("KS Læring", "Fjordvik kompetansesenter")


@dataclass(frozen=True)
class CourseCertificate:
    """A course proven by a certificate that people take beyond what their roles require.

    ``key`` names the competence of the statutory-training framework it proves, when that
    framework has it: the certificate is then linked to it (and takes its validity and name).
    """

    name: str
    issuer: str
    validity_months: int | None
    #: Sectors whose staff take it, and how likely one person holds it.
    sectors: tuple[str, ...]
    share: float
    roles: tuple[str, ...] = ()
    key: str | None = None


COURSE_CERTIFICATES = (
    CourseCertificate(
        "Førstehjelpskurs", "Norsk Folkehjelp", 12, ("Helse og omsorg", "Teknisk"), 0.55, key="forstehjelp"
    ),
    CourseCertificate("Førstehjelp for barn", "Røde Kors", 12, ("Oppvekst",), 0.5, key="forstehjelp"),
    CourseCertificate(
        "Brannvernopplæring",
        "Norsk brannvernforening",
        12,
        ("Helse og omsorg", "Oppvekst"),
        0.35,
        key="brannvern",
    ),
    CourseCertificate("Arbeidsvarsling ved arbeid på vei", "Statens vegvesen", 60, ("Teknisk",), 0.4),
    CourseCertificate("Truckførerbevis", "AKA AS", None, ("Teknisk",), 0.25, ("Driftsoperatør",)),
    CourseCertificate(
        "Personvern og informasjonssikkerhet", "KS Læring", 12, ("Stab og støtte",), 0.7, key="personvern"
    ),
)


#: Where the documents of a formal qualification are filed (a reference, never a copy).
DOCUMENT_REFS = (
    "Personalmappen",
    "Personalmappen, kopi av vitnemål kontrollert",
    "HPR-oppslag kontrollert ved ansettelse",
    "Arkivsak fra {year} i personalmappen",
    "Original vist ved ansettelse, notat i personalmappen",
)
DISPENSATION_GRANTERS = (
    "Kommunedirektøren",
    "Kommunalsjef oppvekst",
    "Barnehagemyndigheten i kommunen",
)
DISPENSATION_REASONS = (
    "Ingen kvalifiserte søkere på utlysningen.",
    "Tar utdanningen på deltid ved siden av jobben.",
    "Midlertidig løsning til stillingen er lyst ut på nytt.",
)
FOLLOW_UP_SUMMARIES = (
    "Oppfølging av avtalene fra medarbeidersamtalen.",
    "Gikk gjennom hvordan det går med kurset.",
    "Oppfølging etter omorganiseringen.",
)
LIFE_PHASE_SUMMARIES = (
    "Snakket om arbeidstid og ønsker de neste årene.",
    "Seniorsamtale: ønsker å dele erfaring med nyansatte.",
    "Livsfasesamtale om tilrettelegging i en travel periode hjemme.",
)
