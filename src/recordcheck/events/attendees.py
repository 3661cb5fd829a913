"""Who took part in an encounter: names, roles, attendee lists, callers.

rc_encounters asks these questions once it knows an encounter took place:
does the note say who was there ("Present: ...", "seen alone", "Frank and
Grace", a comma-separated list of people), is a participant named or
identified by role ("Visited Dorothy", "tc w/ mum"), and for a call, is the
other party named ("call from PC Jones")? People named only as the owners of
an action ("GP to review", "nan will supervise", a list of actions) or as the
topic ("call re Harold") did not take part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from recordcheck.events.encounter_time import action_owner
from recordcheck.events.encounter_words import (
    LIST_JOINERS,
    PLANNING_AUX,
    SELF,
    THIRD_PERSON,
)
from recordcheck.events.plans import plan_heading_over
from recordcheck.events.sections import agency_sections
from recordcheck.language.doc_values import text_of
from recordcheck.language.organisations import organisation_heads
from recordcheck.language.people import given_names, people_words
from recordcheck.language.scope import Scope

TENSES = ("VBD", "VBZ", "VBP")  # "she told me", "says"
_DATE_SHAPE = re.compile(r"\d+[/.-]\d+")


class Attendees:
    """Questions about who took part, over parsed sentences, fed by encounters.toml's lists."""

    def __init__(self, lists: Mapping[str, Sequence[str]], scope: Scope):
        # the language layer's relations and roles ("auntie", "midwife") name people too
        shared = people_words()
        self.person_words = frozenset([*lists["person_words"], *shared.relations, *shared.roles])
        self.place_words = frozenset(lists["place_words"])
        self.speech_verbs = frozenset(lists["speech_verbs"])
        self.party_words = frozenset(lists["party_words"])
        self.topic_words = frozenset(lists["topic_words"])
        self.attending_verbs = frozenset(lists["attending_verbs"])
        self.household_verbs = frozenset(lists["household_verbs"])
        self.relationship_verbs = frozenset(lists["relationship_verbs"])
        sections = [*lists["section_agencies"], *lists["party_words"], *lists["person_words"]]
        self.section_agencies = frozenset([*sections, *organisation_heads()])  # "X Homes:"
        self.plan_headings = tuple(lists["plan_headings"])
        self.not_names = frozenset(SELF | set(lists["group_words"]))
        self.meeting_names = frozenset([*lists["meeting_words"], *lists["meeting_heads"]])
        self.scope = scope

    def says_who_was_there(self, cue: Span) -> bool:
        """An attendee cue of the encounter itself, not of a plan ("see Tyler on his own")."""
        if cue.label_ == "whereabouts_cues":
            # "phone downstairs at 10" places a thing; "Dad was downstairs" places a person
            if not any(
                t.dep_ in ("nsubj", "nsubjpass") and (self.is_person(t) or t.lower_ in THIRD_PERSON)
                for t in cue.sent
            ):
                return False
        elif cue.label_ != "attendee_cues":
            return False
        if not self._of_the_encounter(cue):
            return False
        if self._heads_a_list(cue):
            return True  # "Present: ..." lists who was there, whatever the sentence plans
        return not self.planned(cue.sent) and not action_owner(cue.root)

    def _of_the_encounter(self, cue: Span) -> bool:
        """ "present wishes", "lives alone", "happy with him" say nothing of who was there."""
        root = cue.root
        if root.dep_ == "amod" and cue.start < root.head.i:
            return False  # "her present wishes": an adjective before its noun
        if any(
            a.lemma_.lower() in self.household_verbs or a.lower_ in self.household_verbs
            for a in (root, *root.ancestors)
        ):
            return False  # who someone lives with is their household, not the encounter
        # "boss happy with him", not "sat with him"
        return not (cue[0].lower_ in ("with", "w/") and cue[0].head.pos_ not in ("VERB", "AUX"))

    def _heads_a_list(self, cue: Span) -> bool:
        after = cue.doc[cue.end : min(cue.sent.end, cue.end + 4)]
        return len(after) > 1 and after[0].text == ":" and any(map(self.is_person, after[1:]))

    def is_person(self, token: Token) -> bool:
        # the tagger reads a date or a number as a proper noun ("02/10/25"); "PC2417" is one
        proper = token.pos_ == "PROPN" and not (token.like_num or _DATE_SHAPE.search(token.text))
        return proper or token.lower_ in self.person_words

    def is_party(self, token: Token) -> bool:
        """Someone a call can be with: a person or a service ("Rang 101", "call the surgery")."""
        return self.is_person(token) or token.lower_ in self.party_words

    def people_together(self, doc: Doc) -> bool:
        """People named together: "Frank and Grace", "Ravi, Jas, me, Dr Iqbal", "ryan there"."""
        for sent in doc.sents:
            if self.planned(sent) or plan_heading_over(sent):
                continue
            for token in sent:
                pair = (
                    token.dep_ == "conj"
                    and self._one_of_a_pair(token)
                    and self._one_of_a_pair(token.head)
                    and not action_owner(token)
                )
                there = (
                    token.lower_ == "there"
                    and token.i > sent.start
                    and self.is_person(token.nbor(-1))
                )
                if (
                    (pair and token.head.i != token.i)
                    or there
                    or self._joined_by_with(token, sent)
                    or self._attended(token)
                ):
                    return True
            if self._attendance_list(sent) or self._people_line(sent):
                return True
        return False

    def agency_sections(self, doc: Doc) -> bool:
        """ "Police: no previous DA logged. / Health: GP flag in place.": see sections.py."""
        return agency_sections(text_of(doc), self.section_agencies, self.plan_headings)

    def _attended(self, verb: Token) -> bool:
        """ "Mum attended", "her sister joined": someone's attendance, told of them.

        Not attendance at something else ("Mum attended her GP appointment") nor denied, nor
        the meeting or its date taken for the subject ("ICPC 19/05 - attended": the writer's).
        """
        if verb.lemma_.lower() not in self.attending_verbs or verb.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ in ("dobj", "neg") for c in verb.children):
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or action_owner(subject):
            return False
        return subject.lower_ in THIRD_PERSON or (
            self.is_person(subject)
            and subject.lower_ not in SELF | self.meeting_names
            and not any(map(str.isdigit, subject.text))
        )

    def _people_line(self, sent: Span) -> bool:
        """A line of people and nothing else: "Imran Aziz, Bernadette Cole.", "Reece + mum
        (Sharon).", "Panel: Ron Yates, Meena Kapoor." lists who took part without a verb."""
        words = [t for t in sent if not (t.is_punct or t.is_space) or t.text in LIST_JOINERS]
        if not words or any(t.pos_ in ("VERB", "AUX", "NUM") for t in words):
            return False
        colon = next((t.i for t in sent if t.text == ":"), sent.start - 1)
        items, current, depth = [], [], 0
        for token in sent.doc[colon + 1 : sent.end]:
            depth += (token.text == "(") - (token.text == ")")
            if token.lower_ in LIST_JOINERS and depth == 0:
                items.append(current)
                current = []
            elif depth == 0 and not (token.is_punct or token.is_space):
                current.append(token)
        items = [item for item in [*items, current] if item]
        return len(items) >= 2 and all(
            len(item) <= 4 and self._listed_person(item[-1]) for item in items
        )

    def _listed_person(self, token: Token) -> bool:
        """A person ending an item of a list: a name, a role, or one capital ("P + mum").

        Not a group ("Family calm, house tidy" is a verdict) nor a place ("Larch Walk").
        """
        if len(token.text) == 1 and token.is_upper:
            return True
        return (
            self.is_person(token)
            and token.lower_ not in self.not_names | self.meeting_names
            and not self._in_place_name(token)
        )

    def _one_of_a_pair(self, token: Token) -> bool:
        """ "Frank and Grace", not "child and family assessment" nor "Mews and Fenwick St"."""
        return (
            self.is_person(token)
            and token.lower_ not in self.not_names
            and token.dep_ not in ("compound", "amod")
            and not self._in_place_name(token)
        )

    def _joined_by_with(self, token: Token, sent: Span) -> bool:
        """ "Spoke to Harvey with his Head of Year": a person named, then someone else with them.

        The one after "with" is its object ("with Leanne's consent" names a consent), is not
        a place ("engaged with Harwick Recovery Hub"), and the "with" belongs to what was done
        ("Lorraine's work with Tracy" is a topic; "SW to liaise with IDVA" a plan).
        """
        if token.lower_ not in ("with", "w/") or token.i + 1 >= sent.end:
            return False
        joined = [
            c
            for c in token.children
            if c.dep_ == "pobj" and c.lower_ not in SELF and self.is_person(c)
            and not self._in_place_name(c)
        ]
        if not joined or action_owner(token) or sent.doc[token.i + 1].lower_ in SELF:
            return False  # "painted the garage with me": the writer, however it parses
        verb = token.head
        if self._household_or_bond(verb):
            return False
        if verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False  # "share with PC Whitworth" in a list of actions is still to do
        if not (verb.pos_ in ("VERB", "AUX") or self.is_person(verb)):
            return False
        before = sent.doc[sent.start : token.i]
        return any(
            self.is_person(t) and t.lower_ not in SELF and not action_owner(t)
            for t in before
        )

    def _household_or_bond(self, verb: Token) -> bool:
        """ "living with MGM": a household (the tagger may read "Lives" as a noun); "engaging
        better with Lisa": how someone gets on, not who was there ("engaged with SW Amy
        throughout" at the meeting was)."""
        lemma = verb.lemma_.lower()
        if lemma in self.household_verbs or verb.lower_ in self.household_verbs:
            return True
        # "is engaging", "engaging better": how things stand; "was engaging well with the
        # IRO throughout" (the meeting) is taking part
        now = verb.tag_ == "VBG" and not any(
            c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children
        )
        compared = any(c.tag_ in ("JJR", "RBR") for c in verb.children)
        return lemma in self.relationship_verbs and (now or compared)

    def _attendance_list(self, sent: Span) -> bool:
        """A comma-separated list most of whose items start with a person or role and tell
        nothing: "mum says she has blocked him" is a clause about her, not an attendee."""
        items, start = [], sent.start
        for token in sent:
            if token.text in (",", ":", ";") or token.i == sent.end - 1:
                items.append(sent.doc[start : token.i])
                start = token.i + 1
        with_person = [
            item
            for item in items
            if any(self.is_person(t) and not action_owner(t) for t in item[:3])
            and not any(t.tag_ in TENSES and t.pos_ in ("VERB", "AUX") for t in item)
        ]
        return len(with_person) >= 3 and len(with_person) * 5 >= len(items) * 3

    def participant_named(self, sentences: Sequence[Span], covered: set[int]) -> bool:
        """Someone taking part is named or identified by role ("Visited Dorothy", "tc w/ mum").

        Words of the encounter itself ("HV done") are `covered` and never count as names;
        nor do the owners of actions ("GP to review", "nan will supervise").
        """
        for sent in sentences:
            if self.planned(sent):
                continue
            if any(
                (self._names_someone(token) or self._speaker(token))
                and not action_owner(token)
                for token in sent
                if token.i not in covered
            ):
                return True
        return False

    def someone_took_part(self, doc: Doc) -> bool:
        """Someone spoke or dealt with the writer, anywhere in the note: "She said", "Says pain
        is better" (a third person present with no subject is never the writer), "he let me
        in". Not "I explained", a plan, "the report states", "Concerns were reported"."""
        return any(map(self._took_part, doc))

    def _took_part(self, token: Token) -> bool:
        if token.lower_ in ("me", "us") and token.dep_ in ("dobj", "dative", "pobj", "nsubj"):
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)  # "let"
        else:
            verb = token  # a verb of saying
        said = verb.lemma_.lower() in self.speech_verbs
        if verb.pos_ not in ("VERB", "AUX") or not (said or verb is not token):
            return False
        # its own clause in a tense, whatever the sentence plans: "Will review Friday as she
        # says pain is worse"; not "she will tell", "if she says"
        clause = verb.doc[verb.left_edge.i : verb.right_edge.i + 1]
        planned = any(c.dep_ == "aux" and c.lower_ in PLANNING_AUX for c in verb.children)
        perfect = verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children)
        tensed = verb.tag_ in TENSES or perfect  # "has shown me", not "want mum told"
        if planned or not tensed or self.scope.hypothetical(verb, clause):
            return False
        subject = Scope.subject_of(verb)  # "Angela answered and said": the first verb's
        if subject is None:
            opening = next(t for t in verb.sent if t.is_alpha)
            return verb is token and verb.tag_ == "VBZ" and opening == verb
        person = subject.lower_ in THIRD_PERSON or (
            self.is_person(subject) and subject.lower_ not in self.party_words
        )
        there = not (self._in_place_name(subject) or action_owner(subject))
        return subject.dep_ == "nsubj" and person and there

    def _speaker(self, token: Token) -> bool:
        """ "pat says he was on the floor": whoever spoke during the encounter took part."""
        return (
            token.dep_ == "nsubj"
            and token.pos_ in ("NOUN", "PROPN")
            and token.lower_ not in self.party_words | self.place_words  # "the school said"
            and token.head.lemma_.lower() in self.speech_verbs
        )

    def planned(self, sent: Span) -> bool:
        """ "Will need to come back and see Tyler": a plan names people who were not there."""
        root = sent.root
        modal = any(c.dep_ == "aux" and c.lower_ in PLANNING_AUX for c in root.children)
        return (
            modal
            or self.scope.hypothetical(root)
            or root.lemma_.lower() in ("need", "plan", "want")
        )

    def _names_someone(self, token: Token) -> bool:
        if (
            token.lower_ in self.not_names
            or token.pos_ == "PRON"
            or self.topic(token)
            or _heading(token)
        ):
            return False
        if (
            token.lower_ in self.person_words
            or given_names().is_lower_case_name(token.text)
            # "len had sandwich": a short one only as a subject ("3 jan" is a month)
            or (token.dep_ == "nsubj" and given_names().is_lower_case_name(token.text, 3))
        ):
            return True  # "doreen already up": hurried notes write names in lower case
        previous = token.nbor(-1) if token.i > token.sent.start else None
        mid_sentence = previous is not None and previous.is_alpha and previous.is_lower
        # "Ravi paranoid and hostile.": a given name that is no English word, even where the
        # tagger reads a sentence's first word as a noun
        known = given_names().is_given_name(token.text) and not given_names().is_ordinary_word(
            token.text
        )
        name_like = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and (mid_sentence or known))
        return name_like and token.is_title and not self._in_place_name(token)

    def topic(self, token: Token) -> bool:
        """What the encounter was about, not who took part: "call re Harold", "Irene's care".

        A possessor names a participant only through a person ("Mrs A's daughter").
        """
        name = token  # "Mr" in "Mr Khan's": judge the whole name
        while name.dep_ in ("compound", "flat", "appos", "conj") and name.head != name:
            name = name.head
        if name.dep_ == "poss":  # "about Mrs Dale's carers": her carers are the topic too
            return not self.is_person(name.head) or self.topic(name.head)
        return name.dep_ == "pobj" and name.head.lower_ in self.topic_words

    def _in_place_name(self, token: Token) -> bool:
        """ "Larch Walk", "Station Lodge", "Fen Rd": a proper name ending in a place word."""
        doc = token.doc
        end = token.i
        while (
            end + 1 < len(doc) and doc[end + 1].pos_ in ("PROPN", "NUM") and doc[end + 1].is_title
        ):
            end += 1
        name = doc[token.i : end + 1]
        previous = doc[token.i - 1].lower_ if token.i > 0 else ""
        return any(t.lower_ in self.place_words for t in name) or previous in ("at", "in", "from")


def _heading(token: Token) -> bool:
    """ "HV." opening a home-visit note is a heading for the visit, not the health visitor.

    Only the note's first line: one-word lines further down may be a list of attendees.
    """
    sent = token.sent
    if sent.start != 0 or len(sent) > 3:
        return False
    return [t for t in sent if not (t.is_punct or t.is_space)] == [token]
