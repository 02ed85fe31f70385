"""The 办事指南 of a matter as GraphQL types, read from the matter's stored guide
(seed/matter_guides.json). A fact is either known, with the sources it rests on, or
explicitly not known: the app then says 以窗口告知为准 and invents nothing."""

from __future__ import annotations

from typing import Any

import strawberry

from backend.graphql.caching import PUBLIC
from backend.matters.models import ECertificateKind

UNKNOWN_NOTICE = "以窗口告知为准"


@strawberry.type(description="A public article a guide's fact rests on.", directives=[PUBLIC])
class GuideSource:
    id: str
    title: str
    date: str
    quote: str = strawberry.field(description="The sentence the fact rests on.")


@strawberry.type(
    description="One fact of a guide. `known` false: no source gives it (show 以窗口告知为准).",
    directives=[PUBLIC],
)
class GuideFact:
    known: bool
    items: list[str] = strawberry.field(description="The fact, one line each; empty if unknown.")
    sources: list[GuideSource]
    source_ids: list[str] = strawberry.field(
        description="The ids of `sources` (MatterGuide.sources has them all): cheap to ask."
    )


@strawberry.type(
    description="A question residents ask, answered from a source.", directives=[PUBLIC]
)
class GuideQuestion:
    question: str
    answer: str
    sources: list[GuideSource]
    source_ids: list[str]


@strawberry.type(directives=[PUBLIC])
class GuideFaq:
    known: bool
    items: list[GuideQuestion]


@strawberry.type(
    description="A material, with what is known about how to bring it.", directives=[PUBLIC]
)
class GuideMaterial:
    name: str
    original_or_copy: GuideFact = strawberry.field(description="原件 or 复印件.")
    count: GuideFact = strawberry.field(description="How many (份).")
    e_certificate_known: bool = strawberry.field(
        description="Whether a source says if an e-certificate replaces it."
    )
    e_certificate: ECertificateKind | None = strawberry.field(
        description="The e-certificate that replaces the paper (电子亮证), when known."
    )
    e_certificate_candidate: ECertificateKind | None = strawberry.field(
        description="Announced for 电子亮证 but not known to work: ask at the window."
    )
    e_certificate_sources: list[GuideSource]
    e_certificate_source_ids: list[str]


@strawberry.type(
    description="办事指南: conditions, steps, fees, legal basis, hours, materials, "
    "sample forms and FAQ. Where a centre offers it: centresOffering(matterCode).",
    directives=[PUBLIC],
)
class MatterGuide:
    conditions: GuideFact
    steps: GuideFact
    fees: GuideFact
    legal_basis: GuideFact
    hours: GuideFact
    sample_forms: GuideFact
    materials: list[GuideMaterial]
    faq: GuideFaq
    sources: list[GuideSource] = strawberry.field(description="Every source the guide cites.")
    unknown_notice: str = strawberry.field(description="What to show for an unknown fact.")


def _sources(raw: dict[str, Any], ids: list[str]) -> list[GuideSource]:
    table = raw.get("sources") or {}
    return [
        GuideSource(
            id=i,
            title=str(table[i]["title"]),
            date=str(table[i]["date"]),
            quote=str(table[i]["quote"]),
        )
        for i in ids
        if i in table
    ]


def _fact(raw: dict[str, Any], fact: dict[str, Any] | None) -> GuideFact:
    if not fact or not fact.get("known"):
        return GuideFact(known=False, items=[], sources=[], source_ids=[])
    value = fact["value"]
    items = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    ids = [str(i) for i in fact["sources"]]
    return GuideFact(known=True, items=items, sources=_sources(raw, ids), source_ids=ids)


def _material(raw: dict[str, Any], row: dict[str, Any]) -> GuideMaterial:
    e_cert = row.get("e_certificate") or {}
    known = bool(e_cert.get("known"))
    value, candidate = e_cert.get("value"), e_cert.get("candidate")
    return GuideMaterial(
        name=str(row["name"]),
        original_or_copy=_fact(raw, row.get("original_or_copy")),
        count=_fact(raw, row.get("count")),
        e_certificate_known=known,
        e_certificate=ECertificateKind(value) if known and value else None,
        e_certificate_candidate=ECertificateKind(candidate) if candidate else None,
        e_certificate_sources=_sources(raw, list(e_cert.get("sources") or [])),
        e_certificate_source_ids=[str(i) for i in e_cert.get("sources") or []],
    )


def guide_from(raw: dict[str, Any]) -> MatterGuide:
    faq = raw.get("faq") or {}
    return MatterGuide(
        conditions=_fact(raw, raw.get("conditions")),
        steps=_fact(raw, raw.get("steps")),
        fees=_fact(raw, raw.get("fees")),
        legal_basis=_fact(raw, raw.get("legal_basis")),
        hours=_fact(raw, raw.get("hours")),
        sample_forms=_fact(raw, raw.get("sample_forms")),
        materials=[_material(raw, m) for m in raw.get("materials") or []],
        faq=GuideFaq(
            known=bool(faq.get("known")),
            items=[
                GuideQuestion(
                    question=str(q["question"]),
                    answer=str(q["answer"]),
                    sources=_sources(raw, list(q["sources"])),
                    source_ids=[str(i) for i in q["sources"]],
                )
                for q in (faq.get("value") or [])
            ]
            if faq.get("known")
            else [],
        ),
        sources=_sources(raw, sorted(raw.get("sources") or {})),
        unknown_notice=UNKNOWN_NOTICE,
    )
