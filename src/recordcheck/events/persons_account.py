"""The person's account: a statement opening on a saying verb in the third person with no
subject written ("Says he's been to Housing Options") reports what the person said, so a
partner named in it is no contact of the writer's service, until the writer's own clause
begins ("Says she's ok, rang CAMHS duty to update")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.dialled import CALLING_FORMS
from recordcheck.language.clauses import is_break, opening_word, statement_of

WORDS = package_toml(__package__, "contact_limits.toml")
ACCOUNT_OPENINGS = frozenset(WORDS["account_openings"])
ACCOUNT_SUBJECTS = frozenset(WORDS["account_subjects"])
WRITERS_ACTS = frozenset(WORDS["writers_acts"]) | CALLING_FORMS


def in_the_persons_account(mention: Span) -> bool:
    """ "Says he's been to Housing Options", "Maisie checked in. Says she's ok, CAMHS sent a
    letter": the mention's statement opens on a saying verb in the third person with no
    subject written, so what follows is the person's account, not the writer's dealings.
    The account ends where the writer's own clause begins ("Says she's ok, rang CAMHS")."""
    statement = statement_of(mention[0])
    opening = opening_word(statement)
    if (
        opening is None
        or opening.i >= mention.start
        or opening.lower_ not in ACCOUNT_OPENINGS
        or opening.tag_ != "VBZ"  # "Reports sent to CAMHS": a plural noun, not a saying
        or opening.nbor(1).is_punct  # "Reports: GP letter 12/03", a heading
    ):
        return False
    return not any(
        writers_clause_begins(statement, token)
        for token in mention.doc[opening.i + 1 : mention.start]
    )


def writers_clause_begins(statement: Span, token: Token) -> bool:
    """A dash or semicolon ends the person's account ("Feels unsafe at home - referral to
    MARAC made"); a comma or "and" does when the writer's own act follows, with no one else
    written as doing it ("Says she's ok, rang CAMHS duty", "..., MARAC referral done 16:00";
    not "Says she's ok, CAMHS sent a letter", "..., has told SW")."""
    if is_break(token):
        return True
    if token.text != "," and token.lower_ != "and":
        return False
    for following in statement.doc[token.i + 1 : statement.end]:
        if following.text == "," or following.lower_ == "and":
            return False
        if following.lower_ in ACCOUNT_SUBJECTS:
            return False  # "..., she rang CAMHS": still what she says
        if following.lower_ in WRITERS_ACTS:
            return True
    return False
