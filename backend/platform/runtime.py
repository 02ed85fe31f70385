"""The Python runtime, tuned once start-up is over.

CPython's cyclic garbage collector walks every tracked object of a generation when it
collects it. After start-up the process holds a large heap that lives as long as it does
(modules, the GraphQL schema, the ORM's metadata, the parsed-document caches), and a
GraphQL answer allocates many short-lived objects (a 50 x 100 page: hundreds of thousands),
so the collector kept walking the long-lived heap: a third of the CPU time of that page.

`settle_heap()` (the app's lifespan calls it once start-up is done, in every worker)
collects once and freezes what is alive (gc.freeze: moved to a permanent generation the
collector never walks), and makes young collections rarer. Reference counting still frees
almost everything at once; the collector still finds cycles created later.
"""

from __future__ import annotations

import gc
import sys

# Allocations (minus deallocations) between young collections: CPython's default is 700,
# i.e. about every 700 objects an answer keeps alive for a moment.
YOUNG_THRESHOLD = 10_000


def settle_heap() -> None:
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def live_heap() -> dict[str, int]:
    """What the interpreter holds after a full collection: its memory blocks (RSS cannot
    tell freed memory from used, since the allocator keeps freed pages for reuse) and the
    objects the collector tracks."""
    gc.collect()
    return {"allocatedBlocks": sys.getallocatedblocks(), "trackedObjects": len(gc.get_objects())}
