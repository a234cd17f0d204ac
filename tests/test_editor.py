"""Editors: the real YAML language server completes and validates a notice with our schema.

tests/editor/package-lock.json pins yaml-language-server (installed by scripts/test.sh with
`npm ci`); the server runs over stdio as an editor runs it, and reads the schema from the
`# yaml-language-server: $schema=../schemas/notice.schema.json` line of the example.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "tests/editor/node_modules/yaml-language-server/bin/yaml-language-server"
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes] | None) -> None:
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def wait(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=timeout)
            if "method" in message and "id" in message:  # the server asks: settings, etc.
                method = message["method"]
                result: Any = None
                if method == "workspace/configuration":
                    result = [SETTINGS.get(item.get("section", ""))
                              for item in message["params"]["items"]]
                self.send({"id": message["id"], "result": result})
                continue
            if wanted(message):
                return message

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.send({"method": "exit"})
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    stream.close()


SETTINGS: dict[str, Any] = {
    "yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}},
    "[yaml]": {},
    "editor": {"tabSize": 2},
}


@pytest.fixture
def client() -> Any:
    assert SERVER.is_file(), "yaml-language-server is missing: bash scripts/test.sh installs it"
    c = Client()
    c.request("initialize", {"processId": None, "rootUri": ROOT.as_uri(), "capabilities": {
        "textDocument": {"completion": {"completionItem": {"snippetSupport": False}},
                         "publishDiagnostics": {}},
        "workspace": {"configuration": True}}})
    c.send({"method": "initialized", "params": {}})
    c.send({"method": "workspace/didChangeConfiguration", "params": {"settings": SETTINGS}})
    yield c
    c.close()


def open_example(client: Client, text: str) -> str:
    uri = EXAMPLE.as_uri()  # the $schema line is resolved against the document's own place
    client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    return uri


def diagnostics(client: Client, uri: str) -> list[dict[str, Any]]:
    message = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri)
    result: list[dict[str, Any]] = message["params"]["diagnostics"]
    return result


def test_the_example_has_no_schema_problem(client: Client) -> None:
    uri = open_example(client, EXAMPLE.read_text(encoding="utf-8"))
    assert diagnostics(client, uri) == []


def test_a_wrong_legal_basis_is_a_diagnostic_on_its_line(client: Client) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines()) if "legal_basis: [contract]" in t)
    uri = open_example(client, text.replace("legal_basis: [contract]", "legal_basis: [contracts]", 1))
    found = diagnostics(client, uri)
    assert [d["range"]["start"]["line"] for d in found] == [line], found
    assert "contract" in found[0]["message"]  # "Value is not accepted. Valid values: …"


def test_completion_offers_the_legal_bases(client: Client) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines) if "legal_basis: [contract]" in t)
    lines[line] = lines[line].replace("legal_basis: [contract]", "legal_basis: [")
    column = lines[line].index("[") + 1
    # an unclosed flow list: close it so that the rest still parses
    lines[line] += "]"
    uri = open_example(client, "\n".join(lines) + "\n")
    diagnostics(client, uri)  # the document has been read
    result = client.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": column}})
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"consent", "contract", "legal_obligation", "vital_interests", "public_task",
            "legitimate_interests"} <= labels, sorted(labels)
