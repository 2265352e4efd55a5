"""Whether a lower-case word after a name can be the noun (or a modifier of the noun) that the
name describes, or is a verb, an adverb or a small word of a sentence going on.

Small words and common verbs are listed, other words are told by their ending ("-ly", "-ed",
"-ing", "-s"). A word in "-s" is a plural noun when no verb of English has it for a form
(WordNet's verbs, shipped in ``checker/data/wordclass.json`` by ``scripts/build_wordclass.py``:
"experts", "biscuits", "patriots"), and otherwise when its stem ends like a noun's
("officials"). Precision first: a word that may be a verb is taken for one.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

WORDCLASS = Path(__file__).resolve().parent.parent / "data" / "wordclass.json"


@functools.cache
def _wordclass() -> tuple[frozenset[str], frozenset[str]]:
    """WordNet's verbs and its adverbs in "-s" (read once, when a word in "-s" is first asked about)."""
    data = json.loads(WORDCLASS.read_text(encoding="utf-8"))
    return frozenset(data["verbs"]), frozenset(data["adverbs_in_s"])


def is_adverb_in_s(word: str) -> bool:
    """Whether a lower-case word in "-s" is an adverb ("nowadays", "indoors")."""
    return word in _wordclass()[1]


def may_be_verb_in_s(word: str) -> bool:
    """Whether a lower-case word in "-s" may be the third-person form of a verb: some verb of
    WordNet is its stem ("objects", "applies", "uses"). A word no verb has for a form
    ("experts") is a plural noun."""
    verbs = _wordclass()[0]
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(stem in verbs for stem in stems)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL = _words("""
a an the some any no every each all both either neither several few many much more most less least other another
such same own only just even still also already always never ever often soon later early well back away off out up
down over under in on at to for of from by with about against into onto through during as than and or but nor yet
so if then else not is are was were be been being am has have had having do does did done will would shall should
can could may might must ought need dare it its they their them he she his her we our us you your i me my this
that these those which who whom whose what where when why how while whilst because although though unless whereas
whether since until till after before upon within without across along among amid around behind beyond between
inside outside toward towards via per plus minus versus vs except including like unlike despite near itself
themselves alone proper today tonight tomorrow yesterday now here there first last again too instead abroad
overseas ago twice once anyway together indeed perhaps rather quite very almost nearly
sometime sometimes somewhere anywhere everywhere elsewhere nowhere meanwhile otherwise however therefore thus
hence ahead afterwards afterward beforehand next whenever wherever enough further furthermore moreover
nonetheless nevertheless earlier sooner longer right altogether anymore apart aside overnight forever worldwide
nationwide online offline home via et etc
isn wasn hasn haven hadn doesn didn wouldn couldn shouldn aren weren mustn needn ain don
""")

#: Irregular past forms and common base forms of verbs (after "let", "help", "make": "let the
#: USA decide").
_VERBS = _words("""
said made took gave sent won lost paid led left met held kept sold bought brought built fought found got went came
became began broke chose drew fell felt flew forgot grew heard hid hit hurt knew laid lay let meant put ran rose
saw set shot shut sought spent split spoke spread stood stole struck swore taught told thought threw understood
upheld withdrew wore wrote overtook overthrew undertook forbade forgave bore bound bent bet bid bled bred cast
caught clung cost crept cut dealt dug drove fed fled froze hung lent misled quit read rode rang sang sank shook
shone slid slept spun stuck strove swept swam swung tore thrust wept arose awoke beat foresaw oversaw overcame
rebuilt retook withheld withstood
say see know get give go come keep take make win lose pay build decide become fight join leave stay act respond
retaliate agree accept reject sign meet buy sell send use help lead play move start stop remain rejoin withdraw
enter seek want try ask tell think believe claim deny insist plan intend hope expect continue refuse fail
""")

#: Words ending like verbs or adverbs that are nouns.
_NOUNS = _words("""
ally family assembly supply rally monopoly anomaly
seed speed creed greed breed hundred shed
king ring wing thing spring string swing sibling ceiling building meeting funding spending bombing shooting
hearing briefing training ruling housing landing morning evening offering uprising
""")

#: Verbs in "-s" whose stems end like nouns' ("wants" like "servants").
_VERBS_IN_S = _words("""
wants grants plants presents represents prevents invents consents resents offers orders considers delivers enters
suffers gathers answers covers discovers recovers registers remembers renders counters alters lingers triggers
hinders shelters hovers matters wonders tenders empowers lowers monitors sponsors honors honours favors favours
mirrors mentors anchors tailors censors insists persists assists exists resists consists enlists twists lists
implements comments documents supplements complements augments cements laments defeats repeats treats retreats
combats beats cheats eats agrees guarantees sees frees decrees oversees foresees disagrees questions mentions
positions functions pioneers engineers partners
""")

#: Endings of the stem of a plural noun ("officials", "soldiers", "diplomats").
_NOUN_STEMS = ("er", "or", "ist", "ian", "ial", "ant", "ent", "at", "ship", "ion", "man", "ment", "ism", "ure",
               "age", "ee", "eer", "ard", "ite", "ic", "al", "ar", "oop", "ap", "et")

#: Words never the noun (or its modifier) after a name: small words and common verbs.
NOT_MODIFIED = _SMALL | _VERBS


def is_verb_or_adverb(word: str) -> bool:
    """True when a lower-case word may well be a verb or an adverb; plural nouns with a
    noun's ending and the few nouns ending in "-ly", "-ed" or "-ing" are not."""
    if word in _NOUNS:
        return False
    if word in NOT_MODIFIED or word in _VERBS_IN_S:
        return True
    if word.endswith(("ly", "ed", "ing")):
        return True
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "ous", "as")):
        if is_adverb_in_s(word):
            return True
        if not may_be_verb_in_s(word):
            return False
        if word.endswith("ies"):
            return not word.endswith(("ities", "aries", "ories", "cies", "anies", "omies", "ssies"))
        return not word[:-1].endswith(_NOUN_STEMS)
    return False
