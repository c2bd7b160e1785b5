"""Start the Kompetanseregister desktop application: ``python main.py [--db URL] [--demo]``."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    import multiprocessing

    # a worker process of the frozen app (PDF plans in batch) runs its job here and exits
    multiprocessing.freeze_support()
    from ui.preload import preload

    preload()  # before PySide6 (see ui/preload.py): a faster start
    from ui.app import main

    sys.exit(main(sys.argv))
