"""Built-in input formats. Each module turns source text into an ``Article``."""
