"""``python -m competence`` and the installed ``kompetanse`` (competence.cli.main)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # a worker process of the frozen command line (PDF plans in batch) runs its job here and exits
    multiprocessing.freeze_support()
    from competence.roster.isolation import serve_if_child

    serve_if_child(sys.argv)  # the roster reader's child process of the frozen command line
    from competence.cli import main

    sys.exit(main())
