"""The `who-present` check: its declaration, words and examples are the data files beside this."""
