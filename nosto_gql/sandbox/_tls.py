"""A per-run test certificate authority and the server certificate it signs.

The CA lives only as long as the sandbox: its PEM file (what clients trust) and the server's
key sit in a private temporary directory that `close()` removes. Nothing is added to any
system trust store.
"""

from __future__ import annotations

import ipaddress
import shutil
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path

import trustme

# Names a client may use to reach a loopback server; the certificate covers them all.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


class SandboxTLS:
    """Owns the CA PEM and the server certificate files of one sandbox run."""

    def __init__(self, hosts: Iterable[str] = ()) -> None:
        names = list(dict.fromkeys([*LOOPBACK_NAMES, *(h for h in hosts if not is_wildcard(h))]))
        # mkdtemp makes the directory readable by its owner only, which protects the key.
        self._directory = Path(tempfile.mkdtemp(prefix="nosto-sandbox-"))
        # A sandbox started without stop() must not leave its key behind when the process ends.
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._directory, ignore_errors=True)
        authority = trustme.CA(organization_name="nosto-gql sandbox")
        server_cert = authority.issue_cert(*names)
        self.ca_file = str(self._directory / "sandbox-ca.pem")
        self.cert_and_key_file = str(self._directory / "sandbox-server.pem")
        authority.cert_pem.write_to_path(self.ca_file)
        server_cert.private_key_and_cert_chain_pem.write_to_path(self.cert_and_key_file)
        self.names = tuple(names)

    def close(self) -> None:
        """Delete the CA and key files."""
        self._cleanup()
