"""Start the Kompetanseregister desktop application: ``python main.py [--db URL] [--demo]``."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--roster-reader"]:  # the reader's child process of a frozen build
        from competence.roster.isolation import child_main

        child_main()
    from ui.preload import preload

    preload()  # before PySide6 (see ui/preload.py): a faster start
    from ui.app import main

    sys.exit(main(sys.argv))
