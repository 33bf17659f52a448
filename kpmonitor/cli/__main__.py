"""``python -m kpmonitor.cli``: the command line without the desktop launcher."""

from kpmonitor.cli.main import main

main()
