import sys

from inspector.launcher import main

sys.exit(main())
