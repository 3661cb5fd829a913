"""Notes whose characters were lost before recordcheck saw them.

A system that exports in a code page without 'ë' or 'ł' writes '?' in their
place ("Zoë" -> "Zo?", "Wojciech Kołodziej" -> "Wojciech Ko?odziej", "didn’t"
-> "didn?t", "£20" -> "?20"); one that could not decode its own bytes writes
U+FFFD ('\ufffd'). Either way the note no longer says what was written, so
the note carries a data problem. The problem gives how many places and where
the first is (a character offset), never the words themselves.

A question mark counts as a lost character only where ordinary writing never
puts one:

- between two letters ("Wojci?ch", "Mum?s"), unless the word is a web
  address or a query ("case.aspx?id=12", "/search?q=x");
- after a letter and before ',', ';' or ':' ("Zo?, her sister");
- before a digit, after a space ("paid ?20");
- at the end of a capitalised word that is followed by a lowercase word going
  on with the sentence ("Visited Zo? at home"), when nothing before it in
  the sentence asks a question ("Is it Zoe? she didn't say" is a question)
  and the next word does not start an answer ("she", "no", "yes"...).

So "is he ok?", "Did Zoe attend? no", "?query" and "Dad? Mum?" are left alone.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_LETTER = r"[^\W\d_]"
_BETWEEN_LETTERS = re.compile(rf"(?<={_LETTER})\?+(?='?{_LETTER})")
_BEFORE_PUNCTUATION = re.compile(rf"(?<={_LETTER})\?+(?=[,;:])")
_BEFORE_DIGIT = re.compile(r"(?:(?<=\s)|^)\?(?=\d)")
_NAME_THEN_MORE = re.compile(rf"\b[A-Z]{_LETTER}*\?+ (?P<next>[a-z]+)")
_WEB_WORD = re.compile(r"[/=&]|www\.|\.(?:aspx?|php|html?|jsp)\?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]\s")
# Words that make what follows them a question, or after which a lowercase
# answer may come ("Is he ok? he said yes").
_ASKING = frozenset((
    "who", "what", "when", "where", "why", "how", "which", "whose", "whom", "is", "are", "was",
    "were", "am", "do", "does", "did", "can", "could", "will", "would", "shall", "should",
    "may", "might", "must", "has", "have", "had", "isn't", "aren't", "wasn't", "weren't",
    "don't", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't",
    "hasn't", "haven't", "ok", "okay", "right", "really", "if", "whether", "or", "asked", "ask",
    "asking", "wondered", "query", "queried", "unsure", "unclear",
))
_ANSWER_STARTS = frozenset((
    "she", "he", "they", "i", "we", "you", "it", "no", "yes", "not", "unclear", "unknown",
    "none", "nothing", "maybe", "possibly", "probably", "unsure", "n/a",
))


def lost_character_problems(text: str, reported: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The data problems to add for characters lost from ``text``; a U+FFFD is
    not reported again when a problem already in ``reported`` names it."""
    problems = []
    replaced = text.count(REPLACEMENT)
    if replaced and not any(REPLACEMENT in problem for problem in reported):
        problems.append(
            f"{_count(replaced, 'character')} could not be read and "
            f"{'shows' if replaced == 1 else 'show'} as '{REPLACEMENT}' (first at character "
            f"{text.index(REPLACEMENT)}); check the export's encoding"
        )
    question_marks = lost_question_marks(text)
    if question_marks:
        problems.append(
            f"'?' stands for a lost character in {_count(len(question_marks), 'place')} "
            f"(first at character {question_marks[0]}), as when 'Zoë' is exported as 'Zo?'; "
            "export the notes as UTF-8 and read them again"
        )
    return tuple(problems)


def lost_question_marks(text: str) -> list[int]:
    """Offsets of the question marks that stand for lost characters, in order."""
    if "?" not in text:
        return []
    found = {
        match.start()
        for pattern in (_BETWEEN_LETTERS, _BEFORE_PUNCTUATION, _BEFORE_DIGIT)
        for match in pattern.finditer(text)
        if not _in_web_word(text, match.start())
    }
    for match in _NAME_THEN_MORE.finditer(text):
        mark = text.index("?", match.start())
        if match["next"] not in _ANSWER_STARTS and not _asks(text, mark):
            found.add(mark)
    return sorted(found)


def _in_web_word(text: str, at: int) -> bool:
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    end = len(text) if (space := re.search(r"\s", text[at:])) is None else at + space.start()
    return bool(_WEB_WORD.search(text[start:end]))


def _asks(text: str, mark: int) -> bool:
    """True when the sentence ending at this question mark reads as a question."""
    before = text[max(0, mark - 300) : mark]
    starts = [found.end() for found in _SENTENCE_END.finditer(before)]
    sentence = before[starts[-1] :] if starts else before
    return any(word in _ASKING for word in re.findall(r"[a-z']+", sentence.lower()))


def _count(count: int, noun: str) -> str:
    return f"1 {noun}" if count == 1 else f"{count} {noun}s"
