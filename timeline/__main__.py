"""`python -m timeline`: the same command line as the `timeline` script, for environments where
only the interpreter is on the PATH (and for benchmarks that must run the interpreter they use)."""

from timeline.cli import main

main()
