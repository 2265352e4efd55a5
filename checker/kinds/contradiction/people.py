"""Words that stand next to people's names without being names."""

from __future__ import annotations

from checker.text.dates import MONTHS, WEEKDAYS, full_names

#: Capitalised words before a surname that are titles or words of office, not first names.
TITLES = frozenset(
    [
        "President", "Senator", "Governor", "Mayor", "Judge", "Justice", "Secretary", "Minister", "Prime",
        "Chancellor", "General", "Representative", "Congressman", "Congresswoman", "Speaker", "Leader", "Chief",
        "Director", "Officer", "Sheriff", "Detective", "Sergeant", "Captain", "Colonel", "Major", "Lieutenant",
        "Admiral", "Coach", "Pope", "King", "Queen", "Prince", "Princess", "Lord", "Sir", "Lady", "Dame",
        "Professor", "Doctor", "Father", "Sister", "Brother", "Saint", "Former", "Candidate", "Nominee", "Vice",
        "Deputy", "Ambassador", "Commissioner", "Agent", "Attorney", "Chairman", "Chairwoman", "Rabbi", "Imam",
        "Reverend", "Bishop", "Cardinal", "Premier", "Emperor", "Sultan", "Sheikh", "Crown",
    ]
)

#: Capitalised words that open a name-like run without being a name: months, weekdays,
#: function words at the start of a sentence, honorifics.
NOT_PEOPLE = frozenset(
    [*full_names(MONTHS), *full_names(WEEKDAYS), "The", "A", "An", "In", "On", "At", "By", "For", "From", "Of",
     "And", "But", "He", "She", "They", "It", "This", "That", "Mr", "Mrs", "Ms", "Dr"]
)
