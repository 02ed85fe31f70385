"""Personal data at rest: AES-GCM with key ids, HMAC blind index, dev keys on first run."""

from __future__ import annotations

import base64
import json
import os
import threading
from pathlib import Path

import pytest

from backend.platform.crypto import CryptoError, PiiCipher, load_cipher
from backend.platform.keyfiles import KeyConfigurationError
from backend.settings import Settings

ID_NUMBER = "11010519491231002X"


def _cipher(active: str = "k1", **keys: bytes) -> PiiCipher:
    keys = keys or {"k1": os.urandom(32)}
    return PiiCipher(keys=keys, active_kid=active, index_key=b"i" * 32)


def test_round_trip_without_the_clear_text_in_the_sealed_value() -> None:
    cipher = _cipher()
    sealed = cipher.encrypt("id_number", ID_NUMBER)
    assert sealed.startswith("v1.k1.") and ID_NUMBER not in sealed
    assert cipher.decrypt("id_number", sealed) == ID_NUMBER
    assert cipher.encrypt("id_number", ID_NUMBER) != sealed  # fresh nonce each time


def test_a_value_opens_only_for_its_purpose_and_untampered() -> None:
    cipher = _cipher()
    sealed = cipher.encrypt("id_number", ID_NUMBER)
    with pytest.raises(CryptoError):
        cipher.decrypt("phone", sealed)
    version, kid, body = sealed.split(".")
    flipped = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    for bad in (f"{version}.{kid}.{flipped}", f"v9.{kid}.{body}", "nonsense", f"v1.k1.{'!' * 10}"):
        with pytest.raises(CryptoError) as caught:
            cipher.decrypt("id_number", bad)
        assert ID_NUMBER not in str(caught.value)


def test_rotation_old_values_open_new_values_use_the_active_key() -> None:
    k1, k2 = os.urandom(32), os.urandom(32)
    before = _cipher("k1", k1=k1)
    old = before.encrypt("phone", "13800000001")
    after = _cipher("k2", k1=k1, k2=k2)
    assert after.decrypt("phone", old) == "13800000001"
    assert after.needs_reencryption(old)
    new = after.encrypt("phone", "13800000001")
    assert new.startswith("v1.k2.") and not after.needs_reencryption(new)
    retired = _cipher("k2", k2=k2)
    with pytest.raises(CryptoError):
        retired.decrypt("phone", old)


def test_blind_index_is_keyed_deterministic_and_per_purpose() -> None:
    cipher = _cipher()
    assert cipher.blind_index("id_number", ID_NUMBER) == cipher.blind_index("id_number", ID_NUMBER)
    assert cipher.blind_index("id_number", ID_NUMBER) != cipher.blind_index("phone", ID_NUMBER)
    other = PiiCipher(keys={"k1": os.urandom(32)}, active_kid="k1", index_key=b"j" * 32)
    assert other.blind_index("id_number", ID_NUMBER) != cipher.blind_index("id_number", ID_NUMBER)


def test_bad_key_configuration_is_refused() -> None:
    with pytest.raises(KeyConfigurationError):
        _cipher("missing")
    with pytest.raises(KeyConfigurationError):
        PiiCipher(keys={"k1": b"short"}, active_kid="k1", index_key=b"i" * 32)
    with pytest.raises(KeyConfigurationError):
        PiiCipher(keys={"bad kid!": os.urandom(32)}, active_kid="bad kid!", index_key=b"i" * 32)


def test_keys_from_settings(tmp_path: Path) -> None:
    key = base64.b64encode(os.urandom(32)).decode()
    index = base64.b64encode(os.urandom(32)).decode()
    settings = Settings(
        pii_encryption_keys={"2026-11": key},
        pii_active_key_id="2026-11",
        pii_index_key=index,
        var_dir=tmp_path,
    )
    cipher = load_cipher(settings)
    assert cipher.active_kid == "2026-11"
    assert not (tmp_path / "keys").exists()  # no dev key made when keys are configured
    with pytest.raises(KeyConfigurationError):
        load_cipher(Settings(pii_encryption_keys={"k": key}, var_dir=tmp_path))
    document = {"active": "f1", "keys": {"f1": key}, "index_key": index}
    (tmp_path / "pii.json").write_text(json.dumps(document))
    assert load_cipher(Settings(pii_keys_file=tmp_path / "pii.json")).active_kid == "f1"


def test_dev_keys_are_generated_once_even_by_racing_processes(tmp_path: Path) -> None:
    settings = Settings(var_dir=tmp_path)
    ciphers: list[PiiCipher] = []
    threads = [
        threading.Thread(target=lambda: ciphers.append(load_cipher(settings))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({c.index_key for c in ciphers}) == 1
    path = tmp_path / "keys" / "pii-keys.json"
    assert path.stat().st_mode & 0o077 == 0
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    sealed = ciphers[0].encrypt("phone", "13800000001")
    assert load_cipher(settings).decrypt("phone", sealed) == "13800000001"


def test_production_refuses_to_invent_keys(tmp_path: Path) -> None:
    with pytest.raises(KeyConfigurationError):
        load_cipher(Settings(var_dir=tmp_path, allow_dev_keys=False))


def test_dev_keys_are_not_committed() -> None:
    from backend.settings import PROJECT_ROOT

    ignored = (PROJECT_ROOT / ".gitignore").read_text().split()
    assert "var/" in ignored
