"""The frozen program's entry: the same ``kpmonitor`` command as the installed package."""

from kpmonitor.launch import main

if __name__ == "__main__":
    main()
