"""Register-wide settings, stored in the database so every user of a shared register sees them.

Per-user preferences (language, window layout, which database) belong to the desktop app
(QSettings), not here.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from sqlalchemy.orm import Session

from competence import audit
from competence.errors import ValidationError
from competence.uow import UnitOfWork
from db.codes import LevelSource
from db.models import Setting

_KEY = "register"
MAX_LOGO_BYTES = 512 * 1024
RETENTION_ACTIONS = ("anonymise", "erase")


@dataclass(frozen=True)
class RegisterSettings:
    municipality: str = "Kommune"
    #: PNG or JPEG bytes of the municipality's logo for reports, base64 in storage.
    logo_png_b64: str | None = None
    #: Months after leaving before a person is anonymised or erased.
    retention_months: int = 12
    retention_action: str = "anonymise"
    #: Certificates expiring within this many days are flagged.
    expiry_window_days: int = 90
    #: Keep this many automatic backups.
    backups_to_keep: int = 10
    #: Take an automatic backup when the app starts if the newest is older than this many hours.
    backup_interval_hours: int = 24
    #: Months from one medarbeidersamtale to the next (docs/compliance.md).
    appraisal_interval_months: int = 12
    #: A talk due within this many days is flagged as due soon.
    appraisal_warning_days: int = 30
    #: Whose assessment is the level that counts (:class:`db.codes.LevelSource`).
    level_source: str = LevelSource.LEADER.value

    @property
    def logo_bytes(self) -> bytes | None:
        return base64.b64decode(self.logo_png_b64) if self.logo_png_b64 else None


def _validate(s: RegisterSettings) -> None:
    if not s.municipality.strip():
        raise ValidationError(
            "Kommunenavn må fylles ut.", "Municipality name is required.", field="municipality"
        )
    if not 1 <= s.retention_months <= 120:
        raise ValidationError(
            "Oppbevaringstiden må være mellom 1 og 120 måneder.",
            "The retention period must be 1 to 120 months.",
            field="retention_months",
        )
    if s.retention_action not in RETENTION_ACTIONS:
        raise ValidationError(
            "Ukjent valg for sletting.", "Unknown retention action.", field="retention_action"
        )
    if not 1 <= s.expiry_window_days <= 730:
        raise ValidationError(
            "Varsel om utløp må være mellom 1 og 730 dager.",
            "The expiry warning must be 1 to 730 days.",
            field="expiry_window_days",
        )
    if not 1 <= s.backups_to_keep <= 1000:
        raise ValidationError(
            "Antall sikkerhetskopier må være mellom 1 og 1000.",
            "Backups to keep must be 1 to 1000.",
            field="backups_to_keep",
        )
    if not 1 <= s.appraisal_interval_months <= 36:
        raise ValidationError(
            "Tiden mellom medarbeidersamtalene må være mellom 1 og 36 måneder.",
            "The time between appraisal talks must be 1 to 36 months.",
            field="appraisal_interval_months",
        )
    if not 0 <= s.appraisal_warning_days <= 365:
        raise ValidationError(
            "Varsel før en samtale forfaller må være mellom 0 og 365 dager.",
            "The warning before a talk falls due must be 0 to 365 days.",
            field="appraisal_warning_days",
        )
    if LevelSource.known(s.level_source) is None:
        raise ValidationError(
            "Ukjent valg for hvilken vurdering som gjelder.",
            "Unknown choice of which assessment counts.",
            field="level_source",
        )
    if s.logo_png_b64 and len(s.logo_png_b64) * 3 // 4 > MAX_LOGO_BYTES:
        raise ValidationError(
            "Logoen er for stor (høyst 512 kB).", "The logo is too large (at most 512 kB).", field="logo"
        )


def get_settings(uow: UnitOfWork) -> RegisterSettings:
    with uow:
        return register_settings(uow.session)


def register_settings(session: Session) -> RegisterSettings:
    """The settings, read in the caller's unit of work."""
    row = session.get(Setting, _KEY)
    return _from_stored(row.value if row else {})


def _from_stored(value: dict[str, Any]) -> RegisterSettings:
    known = {f.name for f in fields(RegisterSettings)}
    return RegisterSettings(**{k: v for k, v in value.items() if k in known})


def save_settings(uow: UnitOfWork, settings: RegisterSettings) -> RegisterSettings:
    _validate(settings)
    settings = replace(settings, municipality=settings.municipality.strip())
    with uow:
        s = uow.session
        row = s.get(Setting, _KEY)
        before = _from_stored(row.value if row else {})
        if row is None:
            s.add(Setting(key=_KEY, value=asdict(settings)))
        else:
            row.value = asdict(settings)
        if before.level_source != settings.level_source:
            # the level that counts changes for every pair with both kinds of assessment: the
            # read model follows in the same transaction (imported here: assessments read settings)
            from competence.assessments import refresh_current_flags

            s.flush()
            refresh_current_flags(s)
        audit.record(s, uow.actor, "settings", entity="setting")
        uow.commit()
        return settings


# ------------------------------------------------------------------------------------------------
# The register's identity: which register a file it handed out (an assessment template) came from
# ------------------------------------------------------------------------------------------------

_IDENTITY_KEY = "register_identity"


@dataclass(frozen=True)
class RegisterIdentity:
    """A random id and a secret, made once per register and kept with its data (a restored backup
    is the same register). The secret signs the hidden layout of files the register hands out, so
    a workbook from another register, or one whose hidden identifiers were edited, is refused."""

    register_id: str
    secret: bytes = field(repr=False)


def register_identity(session: Session) -> RegisterIdentity:
    """This register's identity, created in the caller's transaction on first use."""
    row = session.get(Setting, _IDENTITY_KEY)
    if row is None:
        row = Setting(key=_IDENTITY_KEY, value={"id": str(uuid.uuid4()), "secret": secrets.token_hex(32)})
        session.add(row)
        session.flush()
    return RegisterIdentity(str(row.value["id"]), bytes.fromhex(str(row.value["secret"])))
