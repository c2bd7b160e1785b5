import sys

from competence.cli import main

sys.exit(main())
