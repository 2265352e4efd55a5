"""The speed seam: everything the checker does to search faster, in one place.

Rule kinds ask; they do not carry gates, flags or memo keys of their own.

- ``compiled``: the checker's own module-level patterns, kept compiled between runs (never a
  rule's patterns: those are in the rule snapshot).
- ``snapshot``: loaded rules, with their compiled patterns, kept between runs.
- ``limits``: a rule's patterns under its time limit (``TimedPattern``, ``RuleTimeout``), and the
  fastest way to ask each whether it matches (at the start only, backwards from the end).
- ``precheck``: whether a rule can match an article at all (``Rule.might_match``), derived from
  the patterns a rule compiles or declared by its kind, and ``spans_holding`` for the sentences
  or lines worth reading.
- ``syntax``: what a pattern's text says without running it (the text every match holds, its
  anchors), on which ``limits`` and ``precheck`` build.
- ``trie`` and ``reverse``: many literals as one prefix trie; a pattern searched backwards.

Per-article data that several rules share is kept on the article (``Article.derived``).
"""
