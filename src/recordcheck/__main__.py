"""`python -m recordcheck` runs the command line."""

from recordcheck.cli import main

# The guard matters: worker processes re-import this module and must not re-run the CLI.
if __name__ == "__main__":
    main(prog_name="recordcheck")
