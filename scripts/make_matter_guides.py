"""Writes seed/matter_guides.json: the 办事指南 of every matter in seed/matters.json.

Facts come only from the public articles in shared/seeds/ (listed in SOURCES below, with
the sentence each fact rests on). Whatever those articles do not say about a matter is
written as {"known": false}, and the app shows 以窗口告知为准 there. No source gives any
matter's conditions, fees, legal basis, originals or copies, counts or sample forms, so
those are unknown for every matter. Run: python3 scripts/make_matter_guides.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCES = {
    "000": {
        "file": "000_bdf29ac3d033df71.txt",
        "title": "第一财经：全年无休、证件可免交！上海“政务便利店”将服务送到家门口",
        "date": "2019-01-09",
        "quote": "收受分离，即居民将需办理的申请材料上传，该材料经过统一交互平台流转到户籍地的"
        "社区事务受理中心来受理",
    },
    "001": {
        "file": "001_fad0225f252b3322.txt",
        "title": "上海市政府新闻发布会：社区事务受理服务中心全面实施“全市通办”",
        "date": "2018-02-27",
        "quote": "具体服务时间是:周一至周五:上午8:30至下午4:30;双休日和国定节假日:上午8:30至"
        "11:30,下午由各受理中心自行安排。",
    },
    "002": {
        "file": "002_cdbc7adf2c03a22c.txt",
        "title": "澎湃新闻：办事忘带身份证咋办？上海社区事务一网通办还能“电子亮证”",
        "date": "2019-01-08",
        "quote": "“身份证、居住证、出生医学证明”三证率先实现“电子亮证”，证件免交。未来，"
        "“户口本、结婚证”等高频证照，也将陆续纳入“亮证范围”。",
    },
    "003": {
        "file": "003_3c26500359192f65.txt",
        "title": "沪府办发〔2013〕50号 关于进一步加强社区事务受理服务中心标准化建设的意见",
        "date": "2013",
        "quote": "受理中心可组织培训社会工作者、社区志愿者,严格按照相应的规范程序,接受行动不便、"
        "有特殊困难的居(村)民委托,代为办理相关事宜。",
    },
}

UNKNOWN = {"known": False}
HOURS = "周一至周五 8:30–16:30；双休日和国定节假日 8:30–11:30，下午由各受理中心自行安排。"
# What 002 says about e-certificates (电子亮证), by the kinds of seed/matters.json.
SHOWN_ELECTRONICALLY = {"ID_CARD", "RESIDENCE_PERMIT", "BIRTH_CERTIFICATE"}
ANNOUNCED_ONLY = {"HUKOU_BOOKLET", "MARRIAGE_CERTIFICATE"}


def known(value: object, *sources: str) -> dict[str, object]:
    return {"known": True, "value": value, "sources": list(sources)}


def steps(matter: dict[str, object]) -> dict[str, object]:
    if matter["handling_mode"] == "COLLECT_FORWARD":
        where = "在本市任意一家社区事务受理服务中心提交申请材料（收受分离）。"
        then = "材料经统一信息交互平台流转到户籍地的社区事务受理中心，由户籍地中心受理。"
        used = ["000", "002"]
    else:
        where = (
            "在本市任意一家社区事务受理服务中心申请（全市通办）。"
            if matter["city_wide"]
            else "在提供本事项的社区事务受理服务中心申请（本事项不是全市通办，见“在哪里办”）。"
        )
        then = "窗口受理（直接受理）。"
        used = ["001"]
    online = {
        "FULLY_ONLINE": "也可在“一网通办”网上办理（全程网办，一次都不跑）。",
        "PREREVIEW": "也可先在“一网通办”网上预审，最多跑一次。",
        "COUNTER": None,
    }[str(matter["online_level"])]
    items = [where, *([online] if online else []), then, "办理进度可通过网站、短信等方式查询。"]
    return known(items, *sorted({*used, "002"}))


def material(row: dict[str, object]) -> dict[str, object]:
    kind = row.get("e_certificate")
    if kind in SHOWN_ELECTRONICALLY:
        e_certificate = known(kind, "002")
    elif kind in ANNOUNCED_ONLY:
        # 002 (2019) only announces these for the future: whether they work now is unknown.
        e_certificate = {"known": False, "candidate": kind}
    else:
        e_certificate = UNKNOWN
    return {
        "name": row["name"],
        "original_or_copy": UNKNOWN,
        "count": UNKNOWN,
        "e_certificate": e_certificate,
    }


def faq(matter: dict[str, object]) -> dict[str, object]:
    items = [
        {
            "question": "忘带身份证怎么办？",
            "answer": "身份证、居住证、出生医学证明可在受理大厅“电子亮证”，证件免交"
            "（需先在“市民云”App 完成实名认证）。",
            "sources": ["002"],
        },
        {
            "question": "周末和节假日能办吗？",
            "answer": f"能。受理中心全年无休：{HOURS}",
            "sources": ["001"],
        },
        {
            "question": "行动不便、来不了中心怎么办？",
            "answer": "受理中心可组织社会工作者、社区志愿者，接受行动不便、有特殊困难的居民委托"
            "代为办理。本中心是否提供、如何预约，以窗口告知为准。",
            "sources": ["003"],
        },
    ]
    if matter["handling_mode"] == "COLLECT_FORWARD":
        items.insert(
            0,
            {
                "question": "不在户籍地能办吗？",
                "answer": "能。本事项实行收受分离：在任意一家受理中心提交材料，"
                "材料流转到户籍地的受理中心受理。",
                "sources": ["000", "002"],
            },
        )
    elif matter["city_wide"]:
        items.insert(
            0,
            {
                "question": "不在户籍地能办吗？",
                "answer": "能。本事项全市通办，可选择本市任意一家社区事务受理服务中心就近办理。",
                "sources": ["001"],
            },
        )
    return known(items, *sorted({s for item in items for s in item["sources"]}))


def guide(matter: dict[str, object]) -> dict[str, object]:
    materials = matter["materials"]
    assert isinstance(materials, list)
    return {
        "conditions": UNKNOWN,
        "steps": steps(matter),
        "fees": UNKNOWN,
        "legal_basis": UNKNOWN,
        "hours": known(HOURS, "001"),
        "materials": [material(m) for m in materials],
        "sample_forms": UNKNOWN,
        "faq": faq(matter),
    }


def main() -> None:
    matters = json.loads((ROOT / "seed" / "matters.json").read_text(encoding="utf-8"))
    document = {
        "about": "办事指南 from the public articles in shared/seeds/ only. "
        '{"known": false} marks a fact no source gives: the app says 以窗口告知为准. '
        "Written by scripts/make_matter_guides.py.",
        "sources": SOURCES,
        "guides": {m["code"]: guide(m) for m in matters},
    }
    out = ROOT / "seed" / "matter_guides.json"
    out.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(matters)} matters)")


if __name__ == "__main__":
    main()
