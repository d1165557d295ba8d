"""Digital signatures: intact, trusted against content/trust roots, changed after signing (offline)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from generator.checks.pdfgate import inspect_pdfs, judge
from generator.content.model import Policy
from tests.pdfs import hostile as H


def _certificate(tmp_path):
    """A self-made root certificate and key (PEM files), made in code."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nguyen Van Binh"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "So TNMT")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, True, True, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    cert_pem = tmp_path / "root.pem"
    key_pem = tmp_path / "key.pem"
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return cert_pem, key_pem


def _sign(data: bytes, cert_pem, key_pem) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load(str(key_pem), str(cert_pem))
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Signature1"), signer=signer)
    return out.getvalue()


def _change_page(signed: bytes) -> bytes:
    """An incremental update that adds content to page 1 (more than form filling)."""
    from pyhanko.pdf_utils.generic import StreamObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    ref = writer.add_object(StreamObject(stream_data=b"BT /F1 30 Tf 72 400 Td (DA SUA) Tj ET"))
    writer.add_stream_to_page(0, ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def signed_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signed")
    cert_pem, key_pem = _certificate(folder)
    signed = _sign(H.letter_pdf(), cert_pem, key_pem)
    at = signed.index(b"Van ban xin loi")  # inside the signed byte range
    files = {
        "signed": signed,
        "changed-after-signing": _change_page(signed),
        "bytes-altered": signed[:at] + b"X" + signed[at + 1:],
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(data)
    return paths, cert_pem.read_bytes()


def _codes(facts):
    return [(p.code, p.severity) for p in judge(facts, "x.pdf", Policy(), privacy_reviewed=True)]


def test_signed_without_trust_roots_is_intact_but_unverified(signed_files):
    paths, _ = signed_files
    facts = inspect_pdfs([paths["signed"]], Policy(), None)[paths["signed"]]
    (sig,) = facts.signatures
    assert (sig.signer, sig.intact, sig.trusted, sig.coverage) == ("Nguyen Van Binh", True, False, "entire-file")
    assert _codes(facts) == [("signature-unverified", "warning")]


def test_signed_with_its_root_committed_is_valid(signed_files):
    paths, root = signed_files
    facts = inspect_pdfs([paths["signed"]], Policy(), None, trust_roots=(root,))[paths["signed"]]
    assert facts.signature_status == "valid" and _codes(facts) == []


def test_changed_after_signing_is_an_error(signed_files):
    paths, root = signed_files
    facts = inspect_pdfs([paths["changed-after-signing"]], Policy(), None,
                         trust_roots=(root,))[paths["changed-after-signing"]]
    assert facts.signature_status == "modified"
    assert _codes(facts) == [("signature-modified", "error")]


def test_signed_bytes_altered_is_broken(signed_files):
    paths, root = signed_files
    facts = inspect_pdfs([paths["bytes-altered"]], Policy(), None, trust_roots=(root,))[paths["bytes-altered"]]
    assert facts.signature_status == "broken"
    assert ("signature-broken", "error") in _codes(facts)


def test_cached_signature_facts_are_redone_when_trust_roots_change(signed_files, tmp_path):
    paths, root = signed_files
    cache = tmp_path / "cache"
    first = inspect_pdfs([paths["signed"]], Policy(), cache)[paths["signed"]]
    second = inspect_pdfs([paths["signed"]], Policy(), cache, trust_roots=(root,))[paths["signed"]]
    assert (first.signature_status, second.signature_status) == ("untrusted", "valid")
