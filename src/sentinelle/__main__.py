"""Allow `python -m sentinelle`."""

from sentinelle.cli import main

main()
