"""Write the two patterns of ``boilerplate-widget`` that read a line made only of the words of a
web page's controls, from the word lists below (a closed vocabulary of web interfaces, written
from general knowledge of players, share bars, galleries, consent and account prompts; not lines
taken from any article or labelled set).

    python scripts/build_control_lines.py           # rewrites the two patterns in the rule file
    python scripts/build_control_lines.py --check   # exit 1 when the rule file is out of date

A line is furniture when it holds two to eight of these words (with light punctuation between)
and at least one of them is a control, or when it is one control or medium alone. Sharing (its
verbs and the names of social networks) is left to ``boilerplate-share``, so that a team's
setting for share prompts holds for all of them. Nouns that
name a technology or a product ("Javascript", "App", "Newsletter") are not enough alone: an
article about them may use one as a heading.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

RULE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate" / "boilerplate-widget.yaml"
BEGIN = "  # -- control lines: written by scripts/build_control_lines.py, do not edit by hand --\n"
END = "  # -- end of control lines --\n"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: What a page's controls do or say: verbs of working a page, and states a control shows.
CONTROLS = _words("""
play plays playing pause paused mute muted unmute watch listen load loading loaded show hide open
close closed expand collapse enlarge zoom print save saved
bookmark bookmarked follow following subscribe subscribed sign log create register download install
allow accept reject manage copy copied embed skip replay autoplay next previous prev reply
send search sort refresh reload retry cancel dismiss enable disable toggle unavailable settings
preferences notifications alerts captions subtitles cc hd fullscreen volume view read get support
required enabled resize
""")
#: What controls work on: media, parts of a page, accounts.
OBJECTS = _words("""
video videos audio clip clips podcast episode image images photo photos picture pictures gallery
slideshow slide caption subtitle account profile subscriber subscription newsletter app apps browser
javascript iframes iframe tag player screen mode text size font topic topics author link links url
code comments comment replies thread discussion page article story later more less all menu cookie
cookies alert notification email e-mail mail sms website content version dialog window button icon
arrow
""")
#: Words that only join them.
JOINERS = _words("""
the a an this that these to for of in on it its our your my is are was not does do be been please
with by via powered now here again up off into from you we us already or and new
""")
#: Words that may not stand alone: common words, and names of technologies or products an
#: article may use as a heading.
NOT_ALONE = _words("""
all more less now up text mode size page story article content version later code tag screen window
button icon arrow topic topics author thread discussion slide clip clips episode url link links mail
website email e-mail sms account profile comments comment replies javascript iframes iframe browser
app apps player dialog caption subtitle newsletter podcast subscriber subscription cookie cookies
alert notification slideshow
""")


def _alternation(words: frozenset[str]) -> str:
    ordered = sorted(words, key=lambda word: (-len(word), word))  # longest first: "photos" before "photo"
    return "(?:" + "|".join(word.replace("-", "\\-") for word in ordered) + ")"


def patterns() -> list[str]:
    words = _alternation(CONTROLS | OBJECTS | JOINERS)
    controls = _alternation(CONTROLS)
    separator = r"(?:\s*[:|/•·,?!-]\s*|\s+)"
    several = rf"(?=.*\b{controls}\b){words}(?:{separator}{words}){{1,7}}\s*(?:\.\.\.|…|[.!?:])?"
    alone = _alternation((CONTROLS | OBJECTS) - NOT_ALONE) + r"\s*(?:\.\.\.|…)?"
    return [several, alone]


def block() -> str:
    quoted = ["  - '" + pattern.replace("'", "''") + "'\n" for pattern in patterns()]
    return BEGIN + "".join(quoted) + END


def rewritten(text: str) -> str:
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + block() + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the rule file is out of date")
    options = parser.parse_args(argv)
    text = RULE.read_text(encoding="utf-8")
    new = rewritten(text)
    if options.check:
        if new != text:
            print(f"{RULE} is out of date: run python scripts/build_control_lines.py", file=sys.stderr)
            return 1
        return 0
    RULE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
