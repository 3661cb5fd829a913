"""The words of encounters and attendees: encounters.toml, read once, and its word classes."""

from __future__ import annotations

from recordcheck.datafiles import package_toml, word_classes

DATA = package_toml(__package__, "encounters.toml")
WORD_CLASSES = word_classes(DATA)
SELF = WORD_CLASSES["self"]
THIRD_PERSON = WORD_CLASSES["third_person"]
PLANNING_AUX = WORD_CLASSES["planning_aux"]
CALL_PREPOSITIONS = WORD_CLASSES["call_prepositions"]  # "spoke to X", never "call re X"
TIME_PREPOSITIONS = WORD_CLASSES["time_prepositions"]  # "rebooked for after TAF"
HANDSET_NOUNS = WORD_CLASSES["handset_nouns"]  # "his phone" is a handset, "by phone" a call
CHANNEL_PREPOSITIONS = WORD_CLASSES["channel_prepositions"]
NEWS_WORDS = WORD_CLASSES["news_words"]  # "Confirmation from SW - ...": their news
MEETING_CHANNELS = WORD_CLASSES["meeting_channels"]  # "held by Teams": no one's doing
STATE_PREPOSITIONS = WORD_CLASSES["state_prepositions"]  # "mum on the phone": her call
CALL_NOUNS = WORD_CLASSES["call_nouns"]  # "call bell": a call word naming a thing
CALL_HEADS = WORD_CLASSES["call_heads"]  # "phone contact" is a call, "call bell" a thing
LIST_JOINERS = WORD_CLASSES["list_joiners"]  # "Reece + mum", "E and aunt"
CONDITIONS = WORD_CLASSES["conditions"]  # "MARAC if escalates": may be held
BARE_CALL_VERBS = WORD_CLASSES["bare_call_verbs"]  # "Ring me": a call asked for
LATER_DAYS = WORD_CLASSES["later_days"]  # "BI meeting re d/c tomorrow" is yet to come
