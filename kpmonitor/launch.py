"""The ``kpmonitor`` program's entry point.

With no arguments (or just ``gui``), kpmonitor is the desktop application:
start it straight away, without loading the command line's machinery, so the
window paints as soon as Qt can draw it. Anything else is the command line.
"""

from __future__ import annotations

import sys
from typing import NoReturn


def main() -> NoReturn:
    args = sys.argv[1:]
    if not args or args == ["gui"]:
        try:
            from kpmonitor.gui.app import run
        except ImportError:
            pass  # no Qt in this build: the command line says so in a sentence
        else:
            from kpmonitor.paths import Paths

            sys.exit(run(Paths.for_home(None)))
    from kpmonitor.cli.main import main as cli_main

    cli_main()
