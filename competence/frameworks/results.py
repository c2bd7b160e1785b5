"""What loading or importing a framework did, for the UI, the CLI and the log."""

from __future__ import annotations

from dataclasses import dataclass

#: Values of :attr:`LoadResult.action`.
INSERTED = "inserted"
UPDATED = "updated"
UNCHANGED = "unchanged"
NEWER_KEPT = "newer-kept"
SKIPPED = "skipped"


@dataclass(frozen=True)
class LoadResult:
    key: str
    name: str
    action: str
    framework_id: int | None
    version: int
    version_before: int | None = None
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    kept_levels: tuple[str, ...] = ()

    def message(self, lang: str = "nb") -> str:
        en = lang.startswith("en")
        if self.action == INSERTED:
            return (
                f"{self.name}: added (version {self.version}, {len(self.added)} competences)."
                if en
                else f"{self.name}: lagt inn (versjon {self.version}, {len(self.added)} kompetanser)."
            )
        if self.action == UPDATED:
            counts = (
                f"{len(self.added)} new, {len(self.changed)} changed, {len(self.removed)} removed"
                if en
                else f"{len(self.added)} nye, {len(self.changed)} endret, {len(self.removed)} fjernet"
            )
            text = (
                f"{self.name}: updated from version {self.version_before} to {self.version} ({counts})."
                if en
                else f"{self.name}: oppdatert fra versjon {self.version_before} til {self.version} "
                f"({counts})."
            )
            if self.kept:
                keys = ", ".join(self.kept)
                text += (
                    f" Kept because they are in use: {keys}."
                    if en
                    else f" Beholdt fordi de er i bruk: {keys}."
                )
            if self.kept_levels:
                levels = ", ".join(self.kept_levels)
                text += f" Kept levels in use: {levels}." if en else f" Beholdt nivåer i bruk: {levels}."
            return text
        if self.action == NEWER_KEPT:
            return (
                f"{self.name}: the register has a newer version ({self.version_before}) than this program "
                f"({self.version}); left as it is."
                if en
                else f"{self.name}: registeret har en nyere versjon ({self.version_before}) enn programmet "
                f"({self.version}); latt være som den er."
            )
        if self.action == SKIPPED:
            return (
                f"{self.name}: the key '{self.key}' is used by a framework that is not built in; left alone."
                if en
                else f"{self.name}: nøkkelen «{self.key}» brukes av et rammeverk som ikke er innebygd; "
                "latt være."
            )
        return (
            f"{self.name}: up to date (version {self.version})."
            if en
            else f"{self.name}: er oppdatert (versjon {self.version})."
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "action": self.action,
            "framework_id": self.framework_id,
            "version": self.version,
            "version_before": self.version_before,
            "added": list(self.added),
            "changed": list(self.changed),
            "removed": list(self.removed),
            "kept": list(self.kept),
            "kept_levels": list(self.kept_levels),
        }
