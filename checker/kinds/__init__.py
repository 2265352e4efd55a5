"""Rule kinds: one module each. A kind turns a validated YAML mapping into a rule."""
