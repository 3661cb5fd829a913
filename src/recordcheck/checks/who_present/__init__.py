"""The `who-present` check: its declaration and examples are the data files beside this;
the encounters it judges, and their words, are in `recordcheck.events.encounters`."""
