"""The ``contradiction`` rule kind: two statements in one article that cannot both be true."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import regex

from checker.finding import Finding
from checker.kinds.base import Option, Rule
from checker.kinds.contradiction import (
    Conflict,
    ages,
    counts,
    declined,
    drawn,
    durations,
    event_dates,
    event_places,
    event_times,
    event_verbs,
    headline,
    lexicon,
    numbers,
    polarity,
    posts,
    recounts,
    restated,
    roles,
    states,
    weekdays,
    word_hints,
)
from checker.kinds.contradiction.figures import sentence_figures
from checker.patterns.compiled import compiled
from checker.patterns.limits import TimedPattern
from checker.patterns.precheck import Declared, any_of, folded_source, literals_of, spans_holding
from checker.text.article import Article
from checker.text.dates import DateProblem, parse_date


def _patterns(meaning: str) -> Option:
    return Option(list, default=[], help=f"patterns: {meaning}")


def _words(meaning: str) -> Option:
    return Option(list, default=[], help=f"plain words: {meaning}")


#: The fields of each check: a rule gives only those of its own ``check``.
CHECK_OPTIONS: dict[str, dict[str, Option]] = {
    "counts": {
        "events": Option(dict, required=True, help="a mapping of an event's name to the words or patterns that "
                         "name it (\"killed\": [killed, dead, died])"),
        "updates": _patterns("words that mark a later figure as an update (\"rose\", \"so far\", \"revised\")"),
        "distinct": _patterns("words that mark another event, time or part (\"another\", \"in total\", "
                              "\"last year\")"),
        "people": _words("nouns that count people, besides people and person"),
        "ignored_units": _words("nouns too vague to compare (\"times\", \"points\")"),
        "number_words": Option(dict, default={}, help="the team's own number words or phrases, each to a value "
                               "or a [low, high] range (`{a score: 20}`); digits, \"twenty-one\", \"a dozen\", "
                               "\"dozens\" and \"more than\" or \"about\" are built in"),
    },
    "ages": {
        "time_shift": _patterns("words that put an age at another time (\"at the time\", \"years ago\")"),
    },
    "weekday": {},
    "polarity": {
        "verbs": _words("verbs whose negation is checked (\"arrest\": \"was arrested\" against \"was not "
                        "arrested\"); give `verbs`, `adjectives` or `antonyms`"),
        "adjectives": _words("adjectives after \"is\", \"was\" ... (\"the building was (not) empty\")"),
        "antonyms": Option(list, default=[], help="pairs of plain verbs or adjectives that contradict each other "
                           "(`[approve, reject]`)"),
        "hedges": _patterns("words that make a clause uncertain, so that it contradicts nothing (\"may\", "
                            "\"reportedly\")"),
        "states": Option(bool, default=False, help="also read the states things are given (\"the bridge remains "
                         "shut\", \"his conviction\", \"an unarmed man\") against WordNet's antonyms"),
    },
    # A claim and a state that cannot both hold, read by the states reader alone (no negated verb
    # forms): polarity's fields, with ``states`` implied.
    "states": {},
    "titles": {
        "titles": Option(dict, required=True, help="a mapping of a kind of title (office, rank) to lists of groups, "
                         "each the spellings of one title (`[Senator, Sen.]`); a person may hold one title of "
                         "each kind, so only two titles of one kind conflict"),
        "modifiers": _patterns("words that put a title at another time (\"former\", \"acting\")"),
    },
    "roles": {
        "posts": Option(dict, required=True, help="a mapping of a family of posts (police, courts, companies) to "
                        "lists of groups, each the spellings of one post (`[chief executive, CEO]`); two groups "
                        "of one family cannot be held by one person in one organisation"),
        "team_families": _words("families whose posts tie a person to one team or employer (a player), so that "
                                "two different teams named for one person conflict"),
        "team_words": _words("nouns for a place in a team after \"in the TEAM\" (\"back four\", \"squad\")"),
        "qualifiers": _words("words before a post that leave it the same post (\"senior\", \"principal\")"),
        "org_nouns": Option(list, default=[], help="lists of common nouns that name one kind of organisation "
                            "(`[company, group, firm]`): \"the group's\" and \"the company's\" are one"),
        "shifts": _patterns("words that put a post at another time or mark a change (\"former\", \"was\", "
                            "\"promoted\", \"in 2018\")"),
    },
    "quotes": {},
    "restated": {},
    "event-dates": {
        "nouns": Option(list, required=True, help="plain event nouns (\"attack\", \"crash\") whose dates are "
                        "compared"),
        "distinct": _patterns("words before the noun that mark another event (\"another\", \"first\")"),
        "max_days": Option(int, default=3, help="how far apart two dates may be and still be taken for one event"),
        "same": Option(list, default=[], help="lists of nouns that name one event (`[fire, blaze]`, `[marathon, "
                       "race]`): a later noun of a list takes up an earlier one; the words join `nouns`"),
        "lasting": _words("nouns of events that last days (\"strike\", \"trial\"), dated only by a start "
                          "(\"the strike began on May 3\"); they join `nouns`"),
        "verbs": Option(dict, default={}, help="a mapping of an event (a noun of `nouns`, `same` or `lasting`) "
                        "to verb phrases that date it with \"on\" or \"since\" (\"birth\": [born])"),
        "once": _words("events that happen once to their subject (\"birth\"): two dates are compared "
                       "however far apart"),
    },
    "event-places": {
        "events": Option(dict, required=True, help="a mapping of an event's name to the plain nouns that name it "
                         "(\"blast\": [blast, explosion]); places of one event are compared"),
        "distinct": _patterns("words just before a noun that mark another event (\"another\", \"second\")"),
        "moves": _patterns("words that move an event or make a sentence uncertain (\"moved to\", \"may\")"),
    },
    "event-times": {
        "events": Option(dict, required=True, help="a mapping of an event's name to the plain nouns that name it "
                         "(\"polls\": [polls, voting]); clock times of one event and phase are compared"),
        "phases": Option(dict, required=True, help="a mapping of a phase's name to the verbs that put a time on "
                         "it (\"ended\": [closed, ended]); a time right next to the noun is the phase "
                         "`began`"),
        "distinct": _patterns("words just before a noun that mark another event (\"another\", \"second\")"),
        "plans": _patterns("words that make a sentence's time a plan, a change or a hedge (\"due to\", "
                           "\"postponed\", \"may\")"),
    },
    "headline": {
        "antonyms": Option(list, required=True, help="pairs of plain verbs (or phrasal verbs) a body may take a "
                           "headline back with (`[accept, reject]`, `[cancel, go ahead]`)"),
        "hedges": _patterns("words just before a body verb that make it uncertain (\"may\", \"would\")"),
        "distinct": _patterns("words that put a body sentence at another time or occasion (\"last year\")"),
    },
    "declined": {},
    "durations": {
        "events": Option(dict, required=True, help="a mapping of an event's name to the plain nouns that name it "
                         "(\"strike\": [strike, stoppage, walkout]); lengths of one event are compared"),
        "distinct": _patterns("words near a length that mark another occasion (\"another\", \"last year's\")"),
        "plans": _patterns("words that make a sentence's length a plan or a change (\"scheduled\", \"extended\")"),
    },
    "recounts": {
        "classes": Option(list, default=[], help="lists of nouns that name one thing (`[jobs, redundancies, posts]`): "
                          "a later \"the 450 redundancies\" takes up \"300 jobs\""),
        "people": _words("nouns (or the first noun of a class) that count people: \"the pair\" takes them up"),
        "events": Option(dict, default={}, help="a mapping of an event's name to the words or patterns that name it; "
                         "only mentions with the same event (or none) are compared"),
        "updates": _patterns("words that mark a later figure as an update (\"rose\", \"revised\")"),
        "distinct": _patterns("words that mark another occasion or a part (\"another\", \"of whom\")"),
        "hedges": _patterns("words that make a sentence uncertain (\"if\", \"could\")"),
        "ignored_units": _words("nouns too vague to compare (\"times\", \"points\")"),
        "anchors": _words("events that say which group is counted (\"killed\"), so that a later count of them "
                          "in another noun of the class is compared without \"the\""),
    },
}
CHECK_OPTIONS["states"] = {name: option for name, option in CHECK_OPTIONS["polarity"].items() if name != "states"}
CHECKS = tuple(CHECK_OPTIONS)
#: Words that make a post another one below it ("deputy mayor").
_DEPUTIES = ("deputy", "assistant")
#: A word in small letters, for the states' pre-check (read in the case-folded source).
_LOWER_WORD = compiled(r"(?<![\p{L}-])[a-z]+(?![\p{L}-])")


class ContradictionRule(Rule):
    """Flags two statements in one article that cannot both be true.

    Each ``check`` reads one kind of statement out of the article's sentences and flags the
    later of two that disagree, naming the earlier one (in ``related``):

    - ``counts``: two figures for the same event ("12 killed" ... "14 people were killed"),
      unless the later is marked as an update or as another event, time or part;
    - ``ages``: one person given two ages;
    - ``weekday``: a weekday that does not match its date (dates without a year are read in
      the year of the published date);
    - ``polarity``: a claim and its negation, or its antonym ("approved" ... "rejected");
    - ``titles``: one person (full name) with two titles of one kind;
    - ``roles``: one person (resolved by surname) given two posts that cannot both hold, read
      from titles, appositions and relative clauses;
    - ``quotes``: the same quotation attributed to two people;
    - ``restated``: a sentence restated with another figure, date or clock time (relative
      dates are read against the published date);
    - ``event-dates``: one event (by its noun, a noun of its group, or a verb phrase) given two
      dates that no day fits, at most ``max_days`` apart;
    - ``event-places``: one event (by its noun's class) placed in two places of one level,
      neither put inside the other;
    - ``event-times``: one event given two clock times for one phase (began or happened, ended);
    - ``states``: the state a sentence gives a named thing against a later one WordNet's antonyms
      rule out ("the bridge reopened" ... "the bridge remains shut"); takes polarity's fields;
    - ``headline``: a headline claim the body takes back (its verb's antonym, or the verb
      negated, with the headline's object);
    - ``declined``: a person quoted after the article says they declined to comment;
    - ``durations``: one event (by its noun's class) given two lengths that do not meet (a length
      also read off its start and end times);
    - ``recounts``: a later mention that takes up an earlier quantified thing in other words
      ("the 450 redundancies" after "cut 300 jobs") and gives it another figure.

    Each check prefers missing a contradiction to raising a false alarm. Vocabularies are
    matched whatever their case. With ``quotes: false``, sentences inside a direct quotation
    are not read (the ``quotes`` check reads nothing else, so it refuses that)."""

    name = "contradiction"
    PLACEHOLDERS = frozenset({"match", "earlier", "line", "detail"})
    #: Sentences are its only scope; the vocabularies always ignore case; no suggestion.
    HONOURED = frozenset({"scope", "quotes"})
    default_scope = "sentence"
    SCOPES = ("sentence",)
    OPTIONS = {
        "check": Option(str, required=True, help="which check runs: " + ", ".join(CHECKS)),
    }
    SELECTOR = "check"
    SELECTED_OPTIONS = CHECK_OPTIONS

    def setup(self) -> None:
        check = self.check_name = self.options["check"]
        if check == "quotes" and not self.quotes:
            raise self.error("the quotes check reads quotations and nothing else", "quotes")
        o = self.options
        if check == "counts":
            if not o["events"]:
                raise self.error("the counts check needs 'events'", "events")
            events = {}
            for name, words in o["events"].items():
                if not isinstance(words, list) or not words:
                    raise self.error(f"event {name!r}: expected a list of words or patterns", "events")
                events[str(name)] = self._any(words, "events")
            number_words = self._number_words(o["number_words"])
            any_event = self._any([w for words in o["events"].values() for w in words], "events")
            self.vocabulary = counts.Vocabulary(
                events=events,
                any_event=any_event,
                event_hints=word_hints(any_event),
                updates=self._any(o["updates"], "updates"),
                distinct=self._any(o["distinct"], "distinct"),
                people=frozenset(counts.lemma(str(w)) for w in o["people"]) | {"people", "person"},
                ignored_units=frozenset(counts.lemma(str(w)) for w in o["ignored_units"]),
                number_words=number_words,
                number_pattern=numbers.extra_quantity_pattern(list(number_words)),
                number_hints=tuple(max(word.casefold().split(), key=len) for word in number_words if word.split()),
            )
        elif check == "ages":
            self.time_shift = self._any(o["time_shift"], "time_shift")
        elif check == "weekday":
            self.require_literals(weekdays.WEEKDAY_STARTS)
        elif check in ("polarity", "states"):
            if not o["verbs"] and not o["antonyms"] and not o["adjectives"]:
                raise self.error("the polarity check needs 'verbs', 'adjectives' or 'antonyms'", "verbs")
            self.forms: dict[str, tuple[str, bool]] = {}
            pairs = self._antonym_pairs()
            for verb in [str(v) for v in o["verbs"]] + [w for pair in pairs for w in pair]:
                for form, known in polarity.verb_forms(verb).items():
                    self.forms.setdefault(form, known)
            # An adjective is no verb form on its own: it makes a clause only after "is", "was" ...
            self.adjectives = frozenset(str(a).lower() for a in o["adjectives"])
            for adjective in sorted(self.adjectives):
                self.forms.setdefault(adjective, (adjective, False))
            self.antonyms: dict[str, frozenset[str]] = _symmetric(pairs)
            self.hedges = self._any(o["hedges"], "hedges")
            self.clause = polarity.clause_pattern(self.forms)
            #: Every clause holds one of the verb forms as written, after white space (the
            #: subject's, the negation's or the auxiliary's; ``re``'s white space includes
            #: ``regex``'s).
            self.form_texts = tuple(self.forms)
            clause_words = literals_of(self.form_texts, False, r"\s")
            # The states' lexicon is read the first time an article is checked, not here.
            self.reads_states = check == "states" or o["states"]
            if check == "states":
                self.require(Declared(self._holds_state_words))
            else:
                self.require(any_of([clause_words, Declared(self._holds_state_words)]) if self.reads_states
                             else clause_words)
        elif check == "titles":
            spellings: list[str] = []
            self.group_of: dict[str, tuple[str, int]] = {}
            for kind_of_title, groups in o["titles"].items():
                if not isinstance(groups, list):
                    raise self.error(f"{kind_of_title!r}: expected a list of title groups", "titles")
                for index, group in enumerate(groups):
                    if not (isinstance(group, list) and group and all(isinstance(t, str) and t for t in group)):
                        raise self.error(f"each entry must be a list of spellings of one title, got {group!r}",
                                         "titles")
                    for title in group:
                        spellings.append(title)
                        self.group_of[regex.sub(r"\s+", " ", title).lower().rstrip(".")] = (str(kind_of_title), index)
            if not spellings:
                raise self.error("the titles check needs 'titles'", "titles")
            self.title_pattern = roles.title_pattern(spellings)
            self.require_literals(spellings)  # a title as written is part of every match
            self.modifiers = self._any(o["modifiers"], "modifiers")
        elif check == "roles":
            self._setup_roles()
        elif check == "recounts":
            self.recount_vocabulary = self._recount_vocabulary()
        elif check == "event-dates":
            nouns = o["nouns"]
            if not nouns or not all(isinstance(n, str) and n.strip() for n in nouns):
                raise self.error("the event-dates check needs 'nouns', a list of plain words", "nouns")
            if o["max_days"] < 0:
                raise self.error("must be 0 or more", "max_days")
            self.event_class: dict[str, str] = {}
            for group in o["same"]:
                if not (isinstance(group, list) and group and all(isinstance(n, str) and n.strip() for n in group)):
                    raise self.error(f"each entry must be a list of nouns, got {group!r}", "same")
                for noun in group:
                    self.event_class[noun.strip().lower()] = group[0].strip().lower()
            lasting = [str(n).strip() for n in o["lasting"]]
            self.lasting = frozenset(self.event_class.get(n.lower(), n.lower()) for n in lasting)
            self.nouns = tuple(dict.fromkeys([n.strip() for n in nouns] + [n.strip() for g in o["same"] for n in g]
                                             + lasting))
            verbs: list[str] = []
            for event, phrases in o["verbs"].items():
                if not (isinstance(phrases, list) and phrases and all(isinstance(v, str) and v.strip()
                                                                      for v in phrases)):
                    raise self.error(f"event {event!r}: expected a list of verb phrases", "verbs")
                for phrase in phrases:
                    key = " ".join(phrase.lower().split())
                    self.event_class[key] = self.event_class.get(str(event).lower(), str(event).lower())
                    verbs.append(key)
            self.once = frozenset(self.event_class.get(str(n).lower(), str(n).lower()) for n in o["once"])
            self.event_pattern = event_dates.event_pattern(list(self.nouns), verbs)
            self.event_nouns = event_dates.noun_pattern(list(self.nouns) + verbs)
            # Most articles name none of the events: one look at the whole article says so.
            self.event_words = self.nouns + tuple(verbs)
            # "ed " for the past verbs of any event ("derailed on May 14"), read by their stems.
            self.require_literals((*self.event_words, "ed "), ignorecase=True)
            self.other_event = self._any(o["distinct"], "distinct")
        elif check == "event-places":
            self.event_of = self._event_classes()
            self.place_nouns = event_places.noun_pattern(self.event_of)
            self.place_verbs = event_places.verb_classes(self.event_of)
            # A sentence telling an event holds its noun or the stem of its past verb ("derail").
            self.place_words = tuple(self.event_of) + tuple(self.place_verbs)
            self.require_literals(self.place_words, ignorecase=True)
            self.distinct = self._any(o["distinct"], "distinct")
            self.moves = self._any(o["moves"], "moves")
        elif check == "event-times":
            self.event_of = self._event_classes()
            self.time_nouns = event_times.noun_pattern(self.event_of)
            self.phase_of: dict[str, str] = {}
            for phase, verbs in o["phases"].items():
                if not (isinstance(verbs, list) and verbs and all(isinstance(v, str) and v.strip() for v in verbs)):
                    raise self.error(f"phase {phase!r}: expected a list of verbs", "phases")
                for verb in verbs:
                    self.phase_of[" ".join(verb.lower().split())] = str(phase)
            self.phase_verbs = event_times.verb_pattern(self.phase_of)
            self.require_literals(tuple(self.event_of), ignorecase=True)
            self.distinct = self._any(o["distinct"], "distinct")
            self.plans = self._any(o["plans"], "plans")
        elif check == "headline":
            pairs = self._antonym_pairs()
            self.headline_antonyms = _symmetric(pairs)
            self.headline_forms: dict[str, str] = {}
            for verb in self.headline_antonyms:
                self.headline_forms.update(headline.forms_of(verb))
            if not self.headline_forms:
                raise self.error("the headline check needs 'antonyms'", "antonyms")
            self.headline_verbs = headline.verb_pattern(self.headline_forms)
            self.hedges = self._any(o["hedges"], "hedges")
            self.distinct = self._any(o["distinct"], "distinct")
        elif check == "durations":
            self.event_of = self._event_classes()
            self.event_nouns = durations.event_noun_pattern(self.event_of)
            self.distinct = self._any(o["distinct"], "distinct")
            self.plans = self._any(o["plans"], "plans")

    def _verb_events(self, article: Article, sentences: list[tuple[int, int]],
                     found: list[event_dates.EventDate]) -> list[event_dates.EventDate]:
        """``found`` with the article's dated past verbs and the nouns of their stems ("a train
        derailed on May 14" ... "the derailment on May 16"), in order; a verb whose stem is a
        rule noun's takes that noun's class."""
        source = article.source
        read_dates = {event.statement.start for event in found}  # a rule verb's date is read once
        verbs = [verb for verb in event_verbs.dated_verbs(source, sentences, _published(article), self.other_event)
                 if verb.statement.start not in read_dates]
        if not verbs:
            return found
        classes = {event_verbs.stem(noun): self.event_class.get(noun.lower(), noun.lower()) for noun in self.nouns}
        verbs = [replace(v, noun=classes.get(v.noun[1:], v.noun)) for v in verbs]
        own = {word: key for word, key in event_verbs.nouns_of(source, frozenset(v.noun[1:] for v in verbs
                                                                                if v.noun.startswith("~"))).items()
               if word not in self.event_class and word not in self.nouns}
        nouns = []
        if own:
            # Compiled only where one of the nouns has a date near it (see ``events_in``).
            pattern = functools.partial(event_verbs.noun_event_pattern, tuple(sorted(own)))
            nouns = event_dates.events_in(source, sentences, pattern, self.other_event, _published(article),
                                          event_dates.noun_pattern(list(own)), own)
        return sorted(found + verbs + nouns, key=lambda e: e.statement.start)

    def _event_classes(self) -> dict[str, str]:
        """The rule's ``events``: each noun (lower case, white space single) to its event's name."""
        event_of: dict[str, str] = {}
        for name, nouns in self.options["events"].items():
            if not (isinstance(nouns, list) and nouns and all(isinstance(n, str) and n.strip() for n in nouns)):
                raise self.error(f"event {name!r}: expected a list of plain nouns", "events")
            for noun in nouns:
                event_of[" ".join(noun.lower().split())] = str(name)
        if not event_of:
            raise self.error(f"the {self.check_name} check needs 'events'", "events")
        return event_of

    def _setup_roles(self) -> None:
        """Compile the roles check's vocabulary: the posts' groups, the sentence forms, the shifts."""
        o = self.options
        groups: dict[str, set[tuple[str, int]]] = {}
        names: dict[str, str] = {}
        for family, family_groups in o["posts"].items():
            if not isinstance(family_groups, list):
                raise self.error(f"{family!r}: expected a list of groups of spellings", "posts")
            for index, group in enumerate(family_groups):
                if not (isinstance(group, list) and group and all(isinstance(t, str) and t.strip() for t in group)):
                    raise self.error(f"each entry must be a list of spellings of one post, got {group!r}", "posts")
                for spelling in group:
                    key = " ".join(spelling.lower().split())
                    groups.setdefault(key, set()).add((str(family), index))
                    names.setdefault(key, " ".join(group[0].split()))
        if not groups:
            raise self.error("the roles check needs 'posts'", "posts")
        # A deputy is not the post's holder: "deputy mayor", "assistant coach" is another post of
        # the family, unless the rule names it itself ("assistant chief constable").
        for family, family_groups in o["posts"].items():
            for index, group in enumerate(family_groups):
                for prefix in _DEPUTIES:
                    derived = {f"{prefix} {' '.join(s.lower().split())}" for s in group
                               if not s.lower().startswith(_DEPUTIES) and not s.endswith(".")}
                    if derived and not derived & groups.keys():
                        for key in sorted(derived):
                            groups[key] = {(str(family), -1 - index)}
                            names[key] = f"{prefix} {' '.join(group[0].split())}"
        org_nouns: dict[str, str] = {}
        for nouns in o["org_nouns"]:
            if not (isinstance(nouns, list) and nouns and all(isinstance(n, str) and n.strip() for n in nouns)):
                raise self.error(f"each entry must be a list of nouns, got {nouns!r}", "org_nouns")
            for noun in nouns:
                org_nouns[noun.lower()] = nouns[0].lower()
        team_words = [" ".join(str(w).split()) for w in o["team_words"]]
        spellings = sorted(groups)
        forms = posts.compile_forms(spellings, [str(q) for q in o["qualifiers"]], team_words)
        self.roles_vocabulary = posts.Vocabulary(
            groups={k: frozenset(v) for k, v in groups.items()}, names=names,
            team_families=frozenset(str(f) for f in o["team_families"]), org_nouns=org_nouns,
            forms=forms, simple_forms=posts.simple_case_forms(forms),
            anchor=posts.anchor_pattern(spellings), anchor_starts=posts.anchor_starts_pattern(spellings),
            joined=posts.joined_pattern(spellings),
            shifts=self._any(o["shifts"], "shifts"), post_word=posts.post_word_pattern(spellings + team_words))
        self.post_words = tuple(spellings + team_words + ["plays for", *posts.COUNSEL_SIDES])
        self.require_literals(self.post_words, ignorecase=True)  # every post is read from its word

    def _recount_vocabulary(self) -> recounts.Vocabulary:
        """The recounts check's vocabulary: each noun (by lemma) to its class's first noun."""
        o = self.options
        classes: dict[str, str] = {}
        for nouns in o["classes"]:
            if not (isinstance(nouns, list) and nouns and all(isinstance(n, str) and n.strip() for n in nouns)):
                raise self.error(f"each entry must be a list of nouns, got {nouns!r}", "classes")
            for noun in nouns:
                classes[recounts.lemma(noun.strip())] = recounts.lemma(nouns[0].strip())
        events = {}
        for name, words in o["events"].items():
            if not isinstance(words, list) or not words:
                raise self.error(f"event {name!r}: expected a list of words or patterns", "events")
            events[str(name)] = self._any(words, "events")
        people = frozenset(classes.get(recounts.lemma(str(w)), recounts.lemma(str(w))) for w in o["people"])
        any_event = self._any([w for words in o["events"].values() for w in words], "events")
        return recounts.Vocabulary(
            classes=classes, people=people, events=events, updates=self._any(o["updates"], "updates"),
            distinct=self._any(o["distinct"], "distinct"), hedges=self._any(o["hedges"], "hedges"),
            ignored=frozenset(recounts.lemma(str(w)) for w in o["ignored_units"]),
            anchors=frozenset(str(w) for w in o["anchors"]),
            any_event=any_event, event_hints=word_hints(any_event))

    def _lexicon(self) -> lexicon.Lexicon:
        """WordNet's states with the rule's own antonyms, built the first time an article is read."""
        if getattr(self, "_states_lexicon", None) is None:
            verbs = frozenset(str(verb).lower() for verb in self.options["verbs"])
            self._states_lexicon = lexicon.lexicon().with_pairs(self.antonyms, self.adjectives, verbs)
        return self._states_lexicon

    def _holds_state_words(self, article: Article) -> bool:
        """Whether the article holds a word of the states' lexicon (any case): the states'
        pre-check."""
        if getattr(self, "_state_words", None) is None:
            words = self._lexicon()
            # A phrasal verb's forms by their first word ("ruled" of "ruled out").
            self._state_words = frozenset(form.split()[0] for form in words.forms) | words.words
        text = folded_source(article) or article.source.lower()
        return not self._state_words.isdisjoint(_LOWER_WORD.findall(text))

    def _antonym_pairs(self) -> list[tuple[str, str]]:
        """The rule's ``antonyms``: pairs of verbs (or phrases), lower case, white space single."""
        pairs = []
        for pair in self.options["antonyms"]:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w.strip() for w in pair)):
                raise self.error(f"each antonym pair must be a list of two verbs, got {pair!r}", "antonyms")
            a, b = (" ".join(w.lower().split()) for w in pair)
            pairs.append((a, b))
        return pairs

    def _number_words(self, table: dict[Any, Any]) -> dict[str, numbers.Interval]:
        """``{"a score": 20, "a few dozen": [36, 60]}``: words (plain, not patterns) with a
        value or a [low, high] range."""
        result = {}
        for word, value in table.items():
            if not isinstance(word, str) or not word.strip():
                raise self.error(f"{word!r}: expected a word or phrase", "number_words")
            if _is_number(value):
                low = high = float(value)
            elif isinstance(value, list) and len(value) == 2 and all(map(_is_number, value)) and value[0] <= value[1]:
                low, high = float(value[0]), float(value[1])
            else:
                raise self.error(f"{word!r}: expected a number or [low, high], got {value!r}", "number_words")
            result[" ".join(word.lower().split())] = numbers.Interval(low, high)
        return result

    def _any(self, patterns: list[Any], field: str) -> TimedPattern:
        """One case-insensitive whole-word pattern for a list (never matching when empty),
        searched under the rule's time limit."""
        for pattern in patterns:
            if not isinstance(pattern, str) or not pattern:
                raise self.error("must be a list of non-empty strings", field)
        body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
        return self.compile_combined(body, patterns, field=field, ignorecase=True)

    def check(self, article: Article) -> Iterator[Finding]:
        sentences = article.sentences if self.quotes else article.unquoted_sentences
        for conflict in self._conflicts(article, sentences):
            later, earlier = conflict.later, conflict.earlier
            line = article.line_of(earlier.start)
            yield self.finding(article, later.start, later.end, earlier=earlier.text, line=line,
                               detail=conflict.detail, related=[(earlier.start, earlier.end)])

    def _conflicts(self, article: Article, sentences: list[tuple[int, int]]) -> Iterator[Conflict]:
        source = article.source
        if self.check_name == "counts":
            title = next(((b.start, b.end) for b in article.blocks if b.kind == "headline"), None)
            found = counts.counts_in(source, sentences, self.vocabulary, title, sentence_figures(article),
                                     folded_source(article))
            yield from counts.conflicts(found, self.vocabulary)
        elif self.check_name == "ages":
            body = [b for b in article.blocks if b.kind == "paragraph"][:2]
            span = (body[0].start, body[-1].end) if body else None
            found = ages.ages_in(source, sentences, self.time_shift, _published(article), span)
            yield from ages.conflicts(found, source)
        elif self.check_name == "weekday":
            sentences = spans_holding(article, sentences, weekdays.WEEKDAY_STARTS)  # those naming a weekday
            yield from weekdays.conflicts(source, sentences, _published(article))
        elif self.check_name in ("polarity", "states"):
            flagged = set()  # the lines already given a finding: a state read there again adds nothing
            if self.check_name == "polarity":
                with_verbs = spans_holding(article, sentences, self.form_texts, before=r"\s")  # with a verb form
                clauses = polarity.clauses_in(source, with_verbs, self.clause, self.forms, self.hedges,
                                              self.adjectives)
                for conflict in polarity.conflicts(clauses, self.antonyms):
                    flagged.add(article.line_of(conflict.later.start))
                    yield conflict
            if self.reads_states:
                words = self._lexicon()
                title = next(((b.start, b.end) for b in article.blocks if b.kind == "headline"), None)
                found = states.states_in(source, sentences, words, self.hedges, article.in_quote, title)
                yield from (c for c in states.conflicts(found, words) if article.line_of(c.later.start) not in flagged)
        elif self.check_name == "titles":
            found = roles.titled_names(source, sentences, self.title_pattern, self.group_of, self.modifiers)
            yield from roles.title_conflicts(found)
        elif self.check_name == "roles":
            # Only sentences naming a post give one; names are read in all of them.
            with_posts = spans_holding(article, sentences, self.post_words, ignorecase=True)
            found, people = posts.posts_in(source, sentences, with_posts, article.quotes, self.roles_vocabulary)
            yield from posts.conflicts(found, people, self.roles_vocabulary)
        elif self.check_name == "event-dates":
            held = spans_holding(article, sentences, self.event_words, ignorecase=True)  # naming an event
            found = event_dates.events_in(source, held, self.event_pattern, self.other_event,
                                          _published(article), self.event_nouns, self.event_class, self.lasting)
            found = self._verb_events(article, sentences, found)
            yield from event_dates.conflicts(found, self.options["max_days"], self.once)
        elif self.check_name == "headline":
            block = next((b for b in article.blocks if b.kind == "headline"), None)
            if block is None:
                return
            claims = headline.claims_in(source[block.start:block.end], block.start, self.headline_verbs,
                                        self.headline_forms)
            body = [(s, e) for s, e in sentences if s >= block.end]
            taken_back = False
            for conflict in headline.conflicts(claims, source, body, self.headline_forms, self.headline_antonyms,
                                               self.hedges, self.distinct):
                taken_back = True
                yield conflict
            if not taken_back:  # "Rovers beat Athletic" ... "the match ended 0-0"
                yield from drawn.conflicts(source[block.start:block.end], block.start, source, body, self.hedges,
                                           self.distinct)
        elif self.check_name == "declined":
            if article.quotes:
                refusing = spans_holding(article, sentences, declined.REFUSAL_TEXTS, ignorecase=True)
                yield from declined.conflicts(source, refusing, article.quotes)
        elif self.check_name == "durations":
            found_lengths = durations.lengths_in(source, sentences, self.event_of, self.event_nouns, self.distinct,
                                                 self.plans)
            yield from durations.conflicts(found_lengths)
        elif self.check_name == "event-places":
            sentences = spans_holding(article, sentences, self.place_words, ignorecase=True)
            mentions, several = event_places.mentions_in(source, sentences, self.place_nouns, self.event_of,
                                                          self.distinct, self.moves, self.place_verbs)
            if len(mentions) > 1:
                yield from event_places.conflicts(mentions, several, source, event_places.people_in(source))
        elif self.check_name == "event-times":
            sentences = spans_holding(article, sentences, tuple(self.event_of), ignorecase=True)
            timed, several = event_times.timed_in(source, sentences, self.time_nouns, self.event_of,
                                                  self.phase_verbs, self.phase_of, self.distinct, self.plans)
            if len(timed) > 1:
                yield from event_times.conflicts(timed, several)
        elif self.check_name == "recounts":
            found_mentions = recounts.mentions_in(source, sentences, self.recount_vocabulary, sentence_figures(article),
                                                  folded_source(article))
            yield from recounts.conflicts(found_mentions, self.recount_vocabulary)
        elif self.check_name == "restated":
            yield from restated.conflicts(restated.shaped(source, sentences, _published(article)))
        else:
            yield from roles.quote_conflicts(source, article.quotes)


def _symmetric(pairs: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each word of the pairs to the words it is paired with, both ways."""
    table: dict[str, frozenset[str]] = {}
    for a, b in pairs:
        table[a] = table.get(a, frozenset()) | {b}
        table[b] = table.get(b, frozenset()) | {a}
    return table


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _published(article: Article) -> dt.date | None:
    field = article.metadata.get("published")
    if field is None or not field.value.strip():
        return None
    try:
        return parse_date(field.value)
    except DateProblem:
        return None
