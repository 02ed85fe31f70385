"""The population registry (人口库) adapter: does this name belong to this ID number?

Production plugs in the real registry (a government data-sharing interface) by naming a
class in TONGBAN_POPULATION_REGISTRY_ADAPTER; it implements `PopulationRegistry`:

    class MyRegistry:
        async def check(self, name: str, id_number: IdNumber) -> RegistryResult: ...
        async def household_centre(self, id_number: IdNumber) -> str | None: ...

It receives normalised values, must not log them, returns MATCH / MISMATCH / NOT_FOUND,
and raises RegistryUnavailable when it cannot answer (timeouts, outages); the resident then
sees REGISTRY_UNAVAILABLE and may retry. The embedded default below reads a table seeded
from seed/population_registry.json, which holds keyed hashes only.
"""

from __future__ import annotations

import hmac
from enum import Enum
from typing import Protocol

from backend.identity.adapters import load_adapter
from backend.identity.idnumber import IdNumber
from backend.identity.models import PopulationRecord
from backend.platform import infra
from backend.platform.crypto import PiiCipher


class RegistryResult(str, Enum):
    MATCH = "MATCH"
    MISMATCH = "MISMATCH"  # the number exists under another name
    NOT_FOUND = "NOT_FOUND"


class RegistryUnavailable(Exception):
    """The registry could not answer. Carries no personal data."""


class PopulationRegistry(Protocol):
    async def check(self, name: str, id_number: IdNumber) -> RegistryResult: ...

    async def household_centre(self, id_number: IdNumber) -> str | None:
        """The code of the acceptance centre of the household registration's street or town
        (户籍地), or None when it is not in Shanghai or unknown."""
        ...


def id_number_index(cipher: PiiCipher, id_number: IdNumber) -> str:
    return cipher.blind_index("id_number", id_number.value)


def registry_name_index(cipher: PiiCipher, name: str, id_number: IdNumber) -> str:
    # Bound to the number, so two records with the same name do not share a hash.
    return cipher.blind_index("registry_name", f"{id_number.value}\x00{name}")


class SeededPopulationRegistry:
    async def check(self, name: str, id_number: IdNumber) -> RegistryResult:
        cipher = infra.current().cipher
        record = await PopulationRecord.get_or_none(
            id_number_hash=id_number_index(cipher, id_number)
        )
        if record is None:
            return RegistryResult.NOT_FOUND
        expected = registry_name_index(cipher, name, id_number)
        if hmac.compare_digest(record.name_hash, expected):
            return RegistryResult.MATCH
        return RegistryResult.MISMATCH

    async def household_centre(self, id_number: IdNumber) -> str | None:
        cipher = infra.current().cipher
        record = await PopulationRecord.get_or_none(
            id_number_hash=id_number_index(cipher, id_number)
        )
        return record.household_centre_code if record else None


def population_registry() -> PopulationRegistry:
    """The adapter TONGBAN_POPULATION_REGISTRY_ADAPTER names, kept by the app's container."""
    registry: PopulationRegistry = infra.current().adapter(
        "identity.population_registry", lambda s: load_adapter(s.population_registry_adapter)
    )
    return registry
