"""Start the Kompetanseregister desktop application: ``python main.py [--db URL] [--demo]``."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    import multiprocessing

    from competence.roster.isolation import serve_if_child

    serve_if_child(sys.argv)  # the roster reader's child process of the frozen app reads and exits

    # a worker process of the frozen app (PDF plans in batch) runs its job here and exits
    multiprocessing.freeze_support()
    from ui.preload import preload

    preload()  # before PySide6 (see ui/preload.py): a faster start
    from ui.app import main

    sys.exit(main(sys.argv))
