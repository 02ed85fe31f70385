"""The e-licence library (电子证照库) adapter: the certificates a person holds or is linked to.

Production plugs in the city's e-licence library by naming a class in
TONGBAN_E_LICENCE_LIBRARY_ADAPTER; it implements `ELicenceLibrary`:

    class MyLibrary:
        async def certificates_for(self, id_number: str) -> list[LicenceRecord]: ...

It receives a verified resident's ID number (normalised, never to be logged) and returns
every certificate where that person is the holder or a linked party (a parent on a
child's birth certificate, a spouse on the marriage certificate, a member of the hukou
booklet), each with all its parties, its fields, issuer, validity and status. It raises
ELicenceUnavailable when it cannot answer; the resident then sees E_LICENCE_UNAVAILABLE
and the certificates copied before stay usable.

The embedded default reads synthetic certificates for the demo residents from
seed/e_licences.json (settings.e_licence_seed_file to use another file): every name,
number and address there is made up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from backend.certificates.models import CertificateStatus, Relation
from backend.identity.adapters import load_adapter
from backend.matters.models import ECertificateKind
from backend.platform import infra
from backend.settings import Settings


class ELicenceUnavailable(Exception):
    """The library could not answer. Carries no personal data."""


@dataclass(frozen=True)
class LicenceParty:
    id_number: str
    name: str
    relation: Relation

    def __repr__(self) -> str:  # never print personal data, even by accident
        return f"LicenceParty({self.relation.value})"


@dataclass(frozen=True)
class LicenceRecord:
    serial: str  # the library's own number of the certificate
    kind: ECertificateKind
    issuer: str
    valid_from: date
    valid_until: date | None
    status: CertificateStatus
    fields: dict[str, str]
    parties: tuple[LicenceParty, ...]  # the holder first

    @property
    def holder(self) -> LicenceParty:
        return next(p for p in self.parties if p.relation is Relation.HOLDER)

    def __repr__(self) -> str:
        return f"LicenceRecord({self.kind.value}, {self.status.value})"


class ELicenceLibrary(Protocol):
    async def certificates_for(self, id_number: str) -> list[LicenceRecord]: ...


def parse_record(raw: dict[str, Any]) -> LicenceRecord:
    return LicenceRecord(
        serial=str(raw["serial"]),
        kind=ECertificateKind(raw["kind"]),
        issuer=str(raw["issuer"]),
        valid_from=date.fromisoformat(raw["valid_from"]),
        valid_until=date.fromisoformat(raw["valid_until"]) if raw.get("valid_until") else None,
        status=CertificateStatus(raw.get("status", "VALID")),
        fields={str(k): str(v) for k, v in raw["fields"].items()},
        parties=tuple(
            LicenceParty(str(p["id_number"]), str(p["name"]), Relation(p["relation"]))
            for p in raw["parties"]
        ),
    )


class SeededELicenceLibrary:
    """Synthetic certificates from a JSON file, kept in memory. `put` and `remove` let the
    demo and the tests play the library changing (a revocation, a family link removed)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._records: dict[str, LicenceRecord] | None = None

    def _load(self) -> dict[str, LicenceRecord]:
        if self._records is None:
            settings = infra.current().settings
            path = self._path or settings.e_licence_seed_file or seed_path(settings)
            document = json.loads(path.read_text()) if path.exists() else {}
            records = [parse_record(r) for r in document.get("certificates", [])]
            self._records = {r.serial: r for r in records}
        return self._records

    async def certificates_for(self, id_number: str) -> list[LicenceRecord]:
        return [
            r for r in self._load().values() if any(p.id_number == id_number for p in r.parties)
        ]

    def put(self, record: LicenceRecord) -> None:
        self._load()[record.serial] = record

    def get(self, serial: str) -> LicenceRecord | None:
        return self._load().get(serial)

    def set_status(self, serial: str, status: CertificateStatus) -> None:
        self.put(replace(self._load()[serial], status=status))

    def remove_party(self, serial: str, id_number: str) -> None:
        record = self._load()[serial]
        parties = tuple(p for p in record.parties if p.id_number != id_number)
        self.put(replace(record, parties=parties))


def seed_path(settings: Settings) -> Path:
    return settings.seed_dir / "e_licences.json"


LIBRARY_KEY = "certificates.e_licence_library"


def e_licence_library() -> ELicenceLibrary:
    """The adapter TONGBAN_E_LICENCE_LIBRARY_ADAPTER names, kept by the app's container."""
    library: ELicenceLibrary = infra.current().adapter(
        LIBRARY_KEY, lambda s: load_adapter(s.e_licence_library_adapter)
    )
    return library
