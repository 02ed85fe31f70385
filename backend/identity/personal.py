"""Phone numbers and names: normalising what people type, and masking what others see.

Nothing here logs, and no error message repeats the value it refuses.
"""

from __future__ import annotations

import re
import unicodedata

from backend.platform.errors import DomainError, ErrorCode

# Mainland mobile numbers: 11 digits, 1 then 3-9.
_PHONE = re.compile(r"^1[3-9]\d{9}$")
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")
# Han characters (with extensions), Latin letters for transliterated names, the middle dot
# that joins the parts of many minority names (阿依古丽·买买提), and single spaces.
_NAME = re.compile(
    r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134fA-Za-z·]"
    r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134fA-Za-z· ]*"
    r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134fA-Za-z]$"
)
_DOTS = str.maketrans({"•": "·", "・": "·", "．": "·", "‧": "·", "∙": "·"})
NAME_MAX = 30


def normalize_phone(raw: str, field: str = "phone") -> str:
    text = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", raw))
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if not _PHONE.match(text):
        raise DomainError(ErrorCode.INVALID_PHONE, "请输入 11 位中国大陆手机号码。", field)
    return text


def mask_phone(phone: str) -> str:
    """138****1234."""
    if len(phone) != 11:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[7:]}"


def normalize_name(raw: str, field: str = "name") -> str:
    text = unicodedata.normalize("NFKC", raw).translate(_DOTS)
    text = re.sub(r"\s+", " ", text).strip()
    if not (2 <= len(text) <= NAME_MAX) or not _NAME.match(text):
        raise DomainError(
            ErrorCode.INVALID_NAME,
            f"请填写身份证上的姓名（2–{NAME_MAX} 个字，只能包含汉字、字母和间隔号·）。",
            field,
        )
    return text


def mask_name(name: str) -> str:
    """张*, 欧阳**: the first character, the rest hidden."""
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1)
