#!/usr/bin/env python3
"""Opens and verifies a Taawun exchange envelope as a third party would, following
docs/exchange.md with implementations that are not Taawun's: pyhpke (RFC 9180) and jwcrypto
(RFC 7515/8037). Also checks the sender's card: its self-signature and its fingerprint.

    exchange_open.py ENVELOPE RECEIVER_IDENTITY SENDER_CARD

RECEIVER_IDENTITY is the receiver's instance.json (its X25519 secret); SENDER_CARD the
sender's card. Prints one JSON object: the card's fingerprint as recomputed here, the JWS
header and the payload. Exits 1, with the reason on stderr, when anything does not verify.
"""
import base64
import hashlib
import json
import sys

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from jwcrypto import jwk, jws
from pyhpke import AEADId, CipherSuite, KDFId, KEMId, KEMKey


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jcs(value):
    # RFC 8785 for what these objects hold: ASCII keys, strings, integers, null.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fail(why):
    print(why, file=sys.stderr)
    sys.exit(1)


def main(envelope_path, identity_path, card_path):
    envelope = json.load(open(envelope_path, encoding="utf-8"))
    identity = json.load(open(identity_path, encoding="utf-8"))
    card = json.load(open(card_path, encoding="utf-8"))

    # The card: Ed25519 signature over its RFC 8785 form without `signature`.
    sender_key = jwk.JWK(kty="OKP", crv="Ed25519", x=card["sign_key"])
    unsigned = {k: v for k, v in card.items() if k != "signature"}
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    try:
        Ed25519PublicKey.from_public_bytes(unb64(card["sign_key"])).verify(
            unb64(card["signature"]), jcs(unsigned))
    except Exception:
        fail("the card's self-signature does not verify")
    digest = hashlib.sha256(
        f"taawun-card:1:{card['instance']}:{card['sign_key']}:{card['receive_key']}".encode()
    ).hexdigest().upper()[:40]
    fingerprint = " ".join(digest[i:i + 4] for i in range(0, 40, 4))

    # The envelope: HPKE base mode, header in RFC 8785 form as aad.
    header = {k: envelope[k] for k in ("format", "suite", "sender", "receiver")}
    if header["format"] != "taawun-exchange/1":
        fail("unknown envelope format")
    if header["receiver"] != identity["instance"]:
        fail("addressed to another instance")
    suite = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256,
                            AEADId.CHACHA20_POLY1305)
    secret = KEMKey.from_pyca_cryptography_key(
        X25519PrivateKey.from_private_bytes(unb64(identity["receive_secret"])))
    try:
        recipient = suite.create_recipient_context(
            unb64(envelope["enc"]), secret, info=b"taawun exchange 1")
        compact = recipient.open(unb64(envelope["ciphertext"]), aad=jcs(header)).decode()
    except Exception as e:
        fail(f"HPKE open failed: {e!r}")

    # The JWS: EdDSA (Ed25519) by the card's key.
    token = jws.JWS()
    try:
        token.deserialize(compact)
        token.verify(sender_key, alg="EdDSA")
    except Exception as e:
        fail(f"JWS signature does not verify: {e!r}")
    protected = json.loads(unb64(compact.split(".")[0]))
    payload = json.loads(token.payload)
    print(json.dumps({
        "fingerprint": fingerprint,
        "jws_header": protected,
        "payload_sha256": hashlib.sha256(token.payload).hexdigest(),
        "payload": payload,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:4])
