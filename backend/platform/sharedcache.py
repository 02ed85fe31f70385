"""A small cache of bytes shared by the app's instances, with versioned namespaces.

- `MemoryCache` (the embedded default, no Redis): an LRU in this process, bounded in entries,
  each entry with its own expiry. Only right for one process: several workers without Redis
  each keep their own entries and versions.
- `RedisCache` (production, TONGBAN_REDIS_URL): every instance reads and writes the same
  keys, under the deployment's key prefix.

A namespace's version (`bump("catalogue")`) is part of the key of every entry read with
`get_versioned`: bumping it makes every entry written under the old version unreachable at
once, on every instance (they expire on their own). The version and the entry are read in
one round trip (a Lua script) on Redis.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Protocol

from redis import asyncio as redis_asyncio

# The namespace of answers read from the public catalogue (centres, matters, departments):
# bumped when the seed is loaded (backend/seeding.py) and by any edit of the catalogue.
CATALOGUE = "catalogue"


class SharedCache(Protocol):
    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None: ...

    async def version(self, namespace: str) -> str: ...

    async def get_versioned(self, namespace: str, key: str) -> tuple[str, bytes | None]:
        """The namespace's current version, and the entry `key` written under it."""
        ...

    async def set_versioned(
        self, namespace: str, version: str, key: str, value: bytes, ttl_seconds: int
    ) -> None: ...

    async def bump(self, namespace: str) -> str:
        """A new version of the namespace: entries under older versions are gone."""
        ...

    async def close(self) -> None: ...


def _versioned_key(namespace: str, version: str, key: str) -> str:
    return f"{namespace}@{version}:{key}"


class MemoryCache:
    def __init__(self, max_entries: int = 2048) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._versions: dict[str, int] = {}

    async def get(self, key: str) -> bytes | None:
        found = self._entries.get(key)
        if found is None:
            return None
        expires, value = found
        if expires < time.monotonic():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return value

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None:
        self._entries[key] = (time.monotonic() + ttl_seconds, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def version(self, namespace: str) -> str:
        return str(self._versions.get(namespace, 0))

    async def get_versioned(self, namespace: str, key: str) -> tuple[str, bytes | None]:
        version = str(self._versions.get(namespace, 0))
        return version, await self.get(_versioned_key(namespace, version, key))

    async def set_versioned(
        self, namespace: str, version: str, key: str, value: bytes, ttl_seconds: int
    ) -> None:
        await self.set(_versioned_key(namespace, version, key), value, ttl_seconds)

    async def bump(self, namespace: str) -> str:
        self._versions[namespace] = self._versions.get(namespace, 0) + 1
        stale = f"{namespace}@"
        for key in [k for k in self._entries if k.startswith(stale)]:
            del self._entries[key]
        return str(self._versions[namespace])

    async def close(self) -> None:
        self._entries.clear()


# KEYS[1]: the version's key; ARGV[1]: the entries' prefix; ARGV[2]: the entry's key.
_GET_VERSIONED = """
local version = redis.call('GET', KEYS[1]) or '0'
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
"""


class RedisCache:
    def __init__(self, url: str, prefix: str) -> None:
        self._redis = redis_asyncio.Redis.from_url(url)
        self._prefix = f"{prefix}cache:"
        self._get_versioned: Any = self._redis.register_script(_GET_VERSIONED)

    async def get(self, key: str) -> bytes | None:
        found = await self._redis.get(self._prefix + key)
        return found if isinstance(found, bytes) else None

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None:
        await self._redis.set(self._prefix + key, value, ex=ttl_seconds)

    def _version_key(self, namespace: str) -> str:
        return f"{self._prefix}version:{namespace}"

    async def version(self, namespace: str) -> str:
        found = await self._redis.get(self._version_key(namespace))
        if isinstance(found, bytes):
            return found.decode()
        return str(found) if found else "0"

    async def get_versioned(self, namespace: str, key: str) -> tuple[str, bytes | None]:
        version, value = await self._get_versioned(
            keys=[self._version_key(namespace)], args=[f"{self._prefix}{namespace}@", key]
        )
        return (version.decode() if isinstance(version, bytes) else str(version)), value

    async def set_versioned(
        self, namespace: str, version: str, key: str, value: bytes, ttl_seconds: int
    ) -> None:
        await self.set(_versioned_key(namespace, version, key), value, ttl_seconds)

    async def bump(self, namespace: str) -> str:
        return str(await self._redis.incr(self._version_key(namespace)))

    async def close(self) -> None:
        await self._redis.aclose()


def create_cache(redis_url: str | None, prefix: str) -> SharedCache:
    return RedisCache(redis_url, prefix) if redis_url else MemoryCache()
