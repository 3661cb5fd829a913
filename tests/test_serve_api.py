"""`recordcheck serve`: the page's files and its JSON API, in process (no browser)."""

from __future__ import annotations

import json
import logging
import re
import socket
import warnings
from importlib.resources import files

import pytest
from click.testing import CliRunner

from recordcheck.cli import main
from recordcheck.engine import NoteChecker, PipelineOptions
from recordcheck.serve.app import MAX_BODY_BYTES, make_app

pytest.importorskip("httpx")  # Starlette's TestClient
with warnings.catch_warnings():
    # newer Starlette suggests httpx's successor; httpx is what PyPI's recordcheck[dev] brings
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

NOTE = "Dad seemed drunk when I arrived. Concerns passed to police."
STATIC = files("recordcheck.serve") / "static"


@pytest.fixture(scope="module")
def client(real_nlp):
    checker = NoteChecker.for_pipeline(real_nlp, PipelineOptions())
    with TestClient(make_app(checker), base_url="http://127.0.0.1:8765") as test_client:
        yield test_client


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post("/api/check", content=data, headers={"Content-Type": content_type})


@pytest.mark.slow
def test_check_answers_findings_in_the_jsonl_contracts_shape(client):
    response = post(client, {"text": NOTE})

    assert response.status_code == 200
    findings = response.json()["findings"]
    assert [(f["check"], f["cue"], f["text"]) for f in findings] == [
        ("opinion", "hedge", "Dad seemed drunk when I arrived"),
        ("sharing-rationale", "sharing-without-reason", "Concerns passed to police"),
    ]
    for finding in findings:
        assert set(finding) == {
            "check", "cue", "end", "message", "severity", "start", "suggestion", "text"
        }
        assert NOTE[finding["start"] : finding["end"]] == finding["text"]
    assert findings[0]["suggestion"] == (
        "Dad [what you saw or heard: e.g. slurred speech, smelled of alcohol] when I arrived."
    )
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.slow
@pytest.mark.usefixtures("real_pipeline")
def test_the_api_gives_what_check_text_gives(client):
    result = CliRunner().invoke(main, ["check", "--text", NOTE, "--format", "jsonl", "-q"])
    [line] = result.stdout.splitlines()
    assert post(client, {"text": NOTE}).json()["findings"] == json.loads(line)["findings"]


@pytest.mark.slow
def test_offsets_count_characters_not_bytes(client):
    text = "Visit 👍 done. Mum seemed drunk."
    [finding] = [f for f in post(client, {"text": text}).json()["findings"]
                 if f["check"] == "opinion"]
    assert text[finding["start"] : finding["end"]] == "Mum seemed drunk"


@pytest.mark.slow
def test_note_type_is_read_when_given(client):
    text = "Went through the care plan and the medication chart."
    untyped = post(client, {"text": text}).json()["findings"]
    typed = post(client, {"text": text, "note_type": "Home Visit"}).json()["findings"]
    assert "who-present" in {f["check"] for f in typed}
    assert "who-present" not in {f["check"] for f in untyped}


@pytest.mark.slow
def test_a_blank_note_has_no_findings(client):
    assert post(client, {"text": "  \n "}).json() == {"findings": []}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content_type", "status", "says"),
    [
        ('{"text": ', "application/json", 400, "not valid JSON"),
        (b"\xff\xfe", "application/json", 400, "not valid JSON"),
        ('["a list"]', "application/json", 400, 'no "text" string'),
        ('{"text": 42}', "application/json", 400, 'no "text" string'),
        ('{"text": "ok", "note_type": 3}', "application/json", 400, "note_type"),
        ('{"text": "Mum seemed drunk."}', "text/plain", 415, "must be JSON"),
    ],
)
def test_a_bad_request_gets_a_4xx_with_a_clear_message(client, body, content_type, status, says):
    response = post(client, body, content_type)
    assert response.status_code == status
    assert says in response.json()["error"]
    assert 'send JSON like {"text": "the note"}' in response.json()["error"] or status == 400


@pytest.mark.slow
def test_an_over_long_body_is_refused(client):
    text = "Mum seemed drunk. " * (MAX_BODY_BYTES // 18 + 1)
    response = post(client, {"text": text})
    assert response.status_code == 413
    assert "too long" in response.json()["error"] and "200 kB" in response.json()["error"]


@pytest.mark.slow
def test_only_requests_addressed_to_this_computer_are_answered(client):
    response = client.get("/", headers={"Host": "recordcheck.example.com"})
    assert response.status_code == 400


@pytest.mark.slow
def test_the_page_and_its_files_come_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<label for="note">' in page.text and '<html lang="en">' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("coach.js", "coach.css"):
        served = client.get(f"/static/{name}")
        assert served.status_code == 200
        assert served.text == (STATIC / name).read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_the_network():
    for name in ("index.html", "coach.js", "coach.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.IGNORECASE), name
        assert "<script>" not in text  # no inline script: the page's policy forbids it


@pytest.mark.slow
def test_the_standards_examples_are_served(client):
    checks = {check["id"]: check for check in client.get("/api/checks").json()["checks"]}
    assert list(checks) == ["opinion", "who-present", "sharing-rationale"]
    flagged = checks["opinion"]["examples"]["must_flag"]
    assert {"text": "Mum seemed drunk.", "note_type": ""} in flagged
    assert checks["who-present"]["examples"]["must_pass"]
    assert checks["opinion"]["cues"]["hedge"].startswith("A guess")


@pytest.mark.slow
def test_no_note_text_reaches_any_log(client, caplog, capsys):
    secret = "Zebedee Quartermaine seemed drunk at the visit."
    with caplog.at_level(logging.DEBUG):
        assert post(client, {"text": secret}).status_code == 200
        assert post(client, '{"text": "Zebedee').status_code == 400
    captured = capsys.readouterr()
    assert "Zebedee" not in caplog.text + captured.out + captured.err


def test_serve_help_says_local_only_and_shows_the_api():
    result = CliRunner().invoke(main, ["serve", "--help"])
    text = " ".join(result.output.split())
    assert "127.0.0.1" in text and "Nothing is stored or logged" in text
    assert "--port INTEGER RANGE" in text and "--open" in text
    assert 'POST /api/check {"text": "..."} -> {"findings": [...]}' in text


def test_a_port_in_use_is_a_usage_error_before_anything_loads():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"port {port} on 127.0.0.1 is already in use" in result.output
    assert "Loading" not in result.output
