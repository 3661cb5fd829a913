"""The house: checks come from their folders alone, and the main process stays spaCy-free."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from recordcheck.catalogue import FOLDERS_VARIABLE, all_checks, spec_for
from recordcheck.cli import main
from recordcheck.evaluate import evaluate, format_evaluation
from recordcheck.report.guide import guide_for, ordered_checks

BUNDLED = ["opinion", "who-present", "sharing-rationale"]


def test_checks_command_lists_every_declared_check():
    result = CliRunner().invoke(main, ["checks"])
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert listed == BUNDLED
    for spec in all_checks():
        assert f"{spec.id}  {spec.title}" in result.output
        assert str(spec.folder) in result.output
    assert "scored per span" in result.output and "scored per note" in result.output


def test_declarations_and_components_agree_on_span_groups(real_nlp):
    for spec in all_checks():
        component = real_nlp.get_pipe(spec.factory)
        assert getattr(component, "span_group", spec.span_group) == spec.span_group
        assert spec.cues, spec.id


def _run_probe(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    """Run ``body`` as a script of its own (worker processes must be able to import it)."""
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent(body), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=600, cwd=tmp_path
    )


def _run_in_two_processes(tmp_path: Path, args: list[str]) -> None:
    """Run the command line with ``args`` and --jobs 2; assert the parent never imported
    spaCy. LibreOffice is left out: the contents' page numbers are not what is tested."""
    probe = _run_probe(
        tmp_path,
        f"""
        import os, sys
        os.environ["RECORDCHECK_SOFFICE"] = ""
        from recordcheck.cli import main

        if __name__ == "__main__":
            try:
                main({[*args, "--jobs", "2", "-q"]!r}, standalone_mode=False)
            finally:
                print("SPACY" if "spacy" in sys.modules else "NO-SPACY")
        """,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip().endswith("NO-SPACY")


@pytest.mark.slow
def test_parent_of_a_multi_process_run_never_imports_spacy(tmp_path, write_csv):
    notes = write_csv(
        "notes.csv",
        [(str(n), "C1", "Visit. Mum seemed drunk. Sent a referral to MASH.") for n in range(8)],
    )
    out = tmp_path / "out.jsonl"
    _run_in_two_processes(
        tmp_path, ["check", str(notes), "--redact", "--format", "jsonl", "-o", str(out)]
    )
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8 and all(line["findings"] for line in lines)


@pytest.mark.slow
def test_parent_of_a_multi_process_audit_never_imports_spacy(tmp_path, write_csv):
    # the case-wide pass and the writers run there: spaCy cost half a second before any
    # worker could start
    notes = write_csv(
        "notes.csv",
        [(str(n), "C1", "Phoned PC Patel at Thames Valley Police about Mum.") for n in range(8)],
    )
    out = tmp_path / "pack"
    _run_in_two_processes(tmp_path, ["audit", str(notes), "--out", str(out)])
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    agencies = {c["agency"] for r in saved["results"] for c in r["contacts"]}
    assert agencies == {"Thames Valley Police"}, agencies


def test_render_rebuilds_the_pack_with_spacy_unimportable(tmp_path):
    from report_sample import sample_report

    saved = tmp_path / "report.json"
    saved.write_text(json.dumps(sample_report().to_dict()), encoding="utf-8")
    out = tmp_path / "rebuilt"
    probe = _run_probe(
        tmp_path,
        f"""
        import sys
        sys.modules["spacy"] = None  # any import of spaCy now raises ImportError
        from recordcheck.cli import main

        main(["render", {str(saved)!r}, "--out", {str(out)!r}], standalone_mode=False)
        """,
    )
    assert probe.returncode == 0, probe.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "audit-report.docx", "chronology.xlsx", "findings.xlsx", "partner-register.xlsx",
        "report.json",
    ]
    rebuilt = json.loads((out / "report.json").read_text())
    assert rebuilt | json.loads(saved.read_text()) == rebuilt  # the report, plus its figures


def test_render_refuses_a_file_that_is_not_a_report(tmp_path):
    bad = tmp_path / "report.json"
    bad.write_text('{"results": [{"no": "note"}]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "not a recordcheck report.json" in result.output


JARGON_DECLARATION = """
[check]
id = "jargon"
order = 4
title = "Jargon a family would not understand"
short = "Jargon"
standard = "Local recording policy: plain English"
unit = "span"
applies_to = "every note"
kind = "terms"

[guide]
requires = "Write so the person could read their own record."
why = "People have a right to read their records."
strength = "writes in plain English"

[cues.jargon]
severity = "low"
message = "Professional shorthand a family may not understand."
suggestion = "Write '{text}' out in plain words."
"""
JARGON_TERMS = '[terms]\njargon = ["service user", "DNA\'d", "presenting issues"]\n'
JARGON_EXAMPLES = """
must_flag = ["The service user was not at home."]
must_pass = [
  "Mum said \\"the service user thing makes me feel like a number\\".",
  "Ben was not at home.",
]
"""


@pytest.fixture
def jargon_check(tmp_path, monkeypatch) -> Path:
    """A throwaway fourth check: a folder with a declaration, one word list and examples."""
    folder = tmp_path / "org-checks" / "jargon"
    folder.mkdir(parents=True)
    (folder / "check.toml").write_text(JARGON_DECLARATION, encoding="utf-8")
    (folder / "terms.toml").write_text(JARGON_TERMS, encoding="utf-8")
    (folder / "examples.toml").write_text(JARGON_EXAMPLES, encoding="utf-8")
    monkeypatch.setenv(FOLDERS_VARIABLE, str(folder.parent))
    return folder


def test_a_fourth_check_appears_in_checks_and_the_report_guide(jargon_check):
    result = CliRunner().invoke(main, ["checks"])
    assert "jargon  Jargon a family would not understand" in result.output
    assert ordered_checks(set()) == [*BUNDLED, "jargon"]
    guide = guide_for("jargon")
    assert guide.title == "Jargon a family would not understand"
    assert guide.requires == "Write so the person could read their own record."


@pytest.mark.slow
def test_a_fourth_check_flags_its_examples_and_is_scored_by_evaluate(jargon_check, write_csv,
                                                                      tmp_path):
    examples = spec_for("jargon").examples()
    texts = [example.text for example in examples["must_flag"] + examples["must_pass"]]
    notes_path = write_csv("notes.csv", [(f"J{n}", "C1", text) for n, text in enumerate(texts)])
    start = texts[0].index("service user")
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(
        "\n".join(
            json.dumps({"note_id": f"J{n}", "jargon": [[start, start + 12]] if n == 0 else []})
            for n in range(len(texts))
        ),
        encoding="utf-8",
    )
    result = evaluate(notes_path, gold_path)
    scores = result.system["jargon"]
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 0, 0)
    table = format_evaluation(result)
    assert any(line.startswith("jargon") and "1.00" in line for line in table.splitlines())
    # the gold file labels only the new check, so the others are shown as unlabelled
    assert any(line.startswith("opinion") and "not labelled" in line for line in table.splitlines())


def test_an_organisation_check_may_not_bring_python(tmp_path, monkeypatch):
    folder = tmp_path / "sneaky"
    folder.mkdir()
    (folder / "check.toml").write_text(
        JARGON_DECLARATION.replace('kind = "terms"', 'kind = "component"'), encoding="utf-8"
    )
    monkeypatch.setenv(FOLDERS_VARIABLE, str(folder))
    from recordcheck.catalogue import CatalogueError

    with pytest.raises(CatalogueError, match="must be of kind 'terms'"):
        all_checks()


def test_an_organisation_check_sets_severity_by_its_own_rules(jargon_check, monkeypatch):
    from recordcheck.catalogue import CatalogueError
    from recordcheck.severity import severity_rules

    (jargon_check / "check.toml").write_text(
        JARGON_DECLARATION + '\n[[severity]]\nlevel = "medium"\nflagged_words = "clinical"\n',
        encoding="utf-8",
    )
    (jargon_check / "terms.toml").write_text(
        JARGON_TERMS + '[severity_words]\nclinical = ["presenting issues"]\n', encoding="utf-8"
    )
    [rule] = severity_rules(spec_for("jargon"))
    assert rule.level == "medium" and rule.flagged_words.search("The Presenting Issues were")

    broken = jargon_check.parent.parent / "broken" / "jargon"
    broken.mkdir(parents=True)
    (broken / "check.toml").write_text(
        JARGON_DECLARATION + '\n[[severity]]\nlevel = "urgent"\n', encoding="utf-8"
    )
    monkeypatch.setenv(FOLDERS_VARIABLE, str(broken))
    with pytest.raises(CatalogueError, match=r"check\.toml: \[\[severity\]\] rule 1: level"):
        severity_rules(spec_for("jargon"))
