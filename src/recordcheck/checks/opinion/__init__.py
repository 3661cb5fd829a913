"""The `opinion` check: its declaration, words and examples are the data files beside this."""
