from __future__ import annotations

import gc
import os
import socket
import ssl
import subprocess
import sys
import threading
import uuid

import httpx
import pytest

from nosto_gql import TokenFamily, Tokens
from nosto_gql.sandbox import Sandbox, _server
from nosto_gql.sandbox._server import THREAD_NAME_PREFIX
from nosto_gql.sandbox._tls import SandboxTLS


def _server_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith(THREAD_NAME_PREFIX)}


def test_port_zero_gets_a_real_port_and_stop_leaves_no_thread_behind() -> None:
    # Only the sandbox's own, distinctively named thread is watched: other threads of the test
    # process (other sandboxes, pytest plugins, pools) come and go on their own schedule.
    before = _server_threads()
    sandbox = Sandbox().start()
    (server_thread,) = _server_threads() - before
    assert str(sandbox.port) in server_thread.name
    try:
        assert sandbox.port > 0
        assert sandbox.base_url == f"https://127.0.0.1:{sandbox.port}"
        assert os.path.isfile(sandbox.ca_file)
        context = ssl.create_default_context(cafile=sandbox.ca_file)
        response = httpx.post(
            f"{sandbox.base_url}/v1/graphql",
            json={"query": "{ segments { segments { id } } }"},
            auth=("", sandbox.tokens.apps or ""),
            verify=context,
        )
        assert response.status_code == 200
        ca_file = sandbox.ca_file
    finally:
        sandbox.stop()
    assert not sandbox.running
    assert not server_thread.is_alive()
    assert server_thread not in threading.enumerate()
    assert not os.path.exists(ca_file), "the CA and server key must not outlive the sandbox"
    with pytest.raises(RuntimeError, match="not running"):
        _ = sandbox.base_url
    sandbox.stop()  # a second stop is harmless


def test_the_certificate_is_trusted_for_localhost_and_only_with_the_sandbox_ca() -> None:
    with Sandbox() as sandbox:
        context = ssl.create_default_context(cafile=sandbox.ca_file)
        by_name = httpx.post(
            f"https://localhost:{sandbox.port}/v1/graphql",
            json={"query": "mutation { newSession }"},
            auth=("", sandbox.tokens.apps or ""),
            verify=context,
        )
        assert by_name.status_code == 200
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{sandbox.base_url}/v1/graphql")  # the system trust store does not know it


def test_tokens_cover_every_family_and_differ(running_sandbox: Sandbox) -> None:
    tokens = [running_sandbox.tokens.get(family) for family in TokenFamily]
    assert all(tokens)
    assert len(set(tokens)) == len(tokens)
    assert "apps" in repr(running_sandbox) and str(tokens[0]) not in repr(running_sandbox)


def test_given_tokens_are_used_and_families_without_one_are_locked() -> None:
    with Sandbox(tokens=Tokens(apps="my-apps-token")) as sandbox:
        context = ssl.create_default_context(cafile=sandbox.ca_file)
        with httpx.Client(base_url=sandbox.base_url, verify=context) as http:
            graphql = http.post(
                "/v1/graphql",
                json={"query": "mutation { newSession }"},
                auth=("", "my-apps-token"),
            )
            upsert = http.post("/v1/products/upsert", json=[], auth=("", "my-apps-token"))
    assert graphql.status_code == 200
    assert upsert.status_code == 401


def test_every_response_carries_a_request_id_that_the_log_records(sandbox, api) -> None:
    ok = api.http.post(
        "/v1/graphql",
        json={"query": "mutation { newSession }"},
        auth=("", sandbox.tokens.apps),
        headers={"User-Agent": "shop-app/1.0"},
    )
    missing = api.http.get("/nowhere")
    for response in (ok, missing):
        uuid.UUID(response.headers["X-Request-ID"])
    logged = {record.request_id: record for record in sandbox.state.requests}
    record = logged[ok.headers["X-Request-ID"]]
    assert (record.method, record.path, record.status) == ("POST", "/v1/graphql", 200)
    assert record.token_family == "apps" and record.user_agent == "shop-app/1.0"
    assert logged[missing.headers["X-Request-ID"]].status == 404
    assert sandbox.tokens.apps not in repr(sandbox.state.requests)


def test_importing_nosto_gql_does_not_load_the_sandbox_dependencies() -> None:
    code = (
        "import sys, nosto_gql; "
        "loaded = [m for m in ('starlette', 'uvicorn', 'trustme', 'nosto_gql.sandbox') "
        "if m in sys.modules]; print(loaded)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Bind a wildcard host on its loopback equivalent: tests never listen beyond loopback."""
    bound: list[str] = []
    real_bind = _server.bind_socket

    def bind_loopback(host: str, port: int) -> socket.socket:
        loopback = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
        sock = real_bind(loopback, port)
        bound.append(sock.getsockname()[0])
        return sock

    monkeypatch.setattr(_server, "bind_socket", bind_loopback)
    return bound


def _ipv6_loopback_available() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("0.0.0.0", "127.0.0.1"),
        pytest.param(
            "::",
            "::1",
            marks=pytest.mark.skipif(not _ipv6_loopback_available(), reason="no IPv6 loopback"),
        ),
    ],
)
def test_a_wildcard_host_still_gives_a_loopback_url_the_certificate_covers(
    loopback_only: list[str], host: str, loopback: str
) -> None:
    with Sandbox(host=host) as sandbox:
        assert loopback_only == [loopback], "the test itself must listen on loopback only"
        shown = f"[{loopback}]" if ":" in loopback else loopback
        assert sandbox.base_url == f"https://{shown}:{sandbox.port}"
        response = httpx.post(
            f"{sandbox.base_url}/v1/graphql",
            json={"query": "mutation { newSession }"},
            auth=("", sandbox.tokens.apps or ""),
            verify=ssl.create_default_context(cafile=sandbox.ca_file),
        )
        assert response.status_code == 200


def test_stop_closes_clients_it_handed_out_and_deletes_its_files() -> None:
    sandbox = Sandbox().start()
    client = sandbox.client()
    client.apps.new_session()
    ca_file = sandbox.ca_file
    sandbox.stop()
    assert not os.path.exists(ca_file)
    assert client.transport._client.is_closed  # type: ignore[attr-defined]


def test_files_are_deleted_even_without_stop() -> None:
    tls = SandboxTLS()
    ca_file = tls.ca_file
    del tls
    gc.collect()
    assert not os.path.exists(ca_file)


def test_a_client_may_bring_its_own_http_client_and_override_tokens(sandbox: Sandbox) -> None:
    import ssl

    import httpx

    from nosto_gql import AuthenticationError, Tokens

    http = httpx.Client(verify=ssl.create_default_context(cafile=sandbox.ca_file))
    with sandbox.client(http_client=http) as client:
        assert client.apps.new_session().new_session
    with sandbox.client(tokens=Tokens(apps="nope")) as client, pytest.raises(AuthenticationError):
        client.apps.new_session()
    http.close()
