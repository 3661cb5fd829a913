"""The `sharing-rationale` check: its declaration, words and examples are data files here."""
