"""PyInstaller's entry script: the same `inspector.launcher:main` as the `inspector` command."""

import sys

from inspector.launcher import main

if __name__ == "__main__":
    sys.exit(main())
