"""Reading a file in a child process of its own, so that no file can take the program down with it.

The guards (competence/roster/guard.py) refuse what they can see, but the spreadsheet parser is
native code (python-calamine, in Rust): a file it cannot handle may make it abort the whole process
("memory allocation of 43808666256000 bytes failed") instead of raising. So the file is checked and
read in a child Python process, which hands back plain rows; whatever happens there (a refusal, an
abort, a crash, running out of the memory or time it was given) comes back as a clear refusal, and
the desktop app and the command line carry on.

The child gets a memory ceiling (``Limits.reader_memory_bytes``, as address space) and a CPU-time
ceiling, and never writes a core dump (which would hold the file's personal data). Those are POSIX
resource limits; Windows has no equivalent in the standard library (a job object would need the
Win32 API), so there the parent's wall-clock limit (``Limits.reader_seconds``) and the guards hold,
and an abort of the child still only ends the child. Starting the child costs a few hundredths of a
second (docs/benchmarks.md): it imports only the modules that read files.

The child's answer is unpickled with an allow-list of the types a read hands back (rows of plain
values and dates, and the import's own frozen records), so that even a child subverted by a crafted
file could not make the parent run code.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import io
import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, NoReturn, TypeVar

from competence.roster.errors import MappingUsageError, RosterFileError, RosterMappingError, refused
from competence.roster.limits import Limits
from db.errors import LocalizedError

T = TypeVar("T")
log = logging.getLogger("kompetanseregister.roster")

#: The argument main.py answers by running :func:`child_main` (a frozen app has no ``-c``).
FROZEN_FLAG = "--roster-reader"
_ROOT = Path(__file__).resolve().parents[2]
_BOOT = "import sys; sys.path[:0] = {paths!r}; import competence.roster.isolation as i; i.child_main()"
_ERRORS: dict[str, type[LocalizedError]] = {
    cls.__name__: cls for cls in (RosterFileError, RosterMappingError, MappingUsageError)
}
_ALLOWED = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("pathlib", "Path"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
}


@dataclass(frozen=True)
class ChildRun:
    """How the last read in a child went (for the benchmarks and the corpus test)."""

    seconds: float
    #: The child's own peak resident memory (VmHWM), None where the system does not say.
    peak_mb: float | None


_last = threading.local()


def last_run() -> ChildRun | None:
    """The last child run of this thread."""
    return getattr(_last, "run", None)


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_FLAG]
    return [sys.executable, "-I", "-c", _BOOT.format(paths=[str(_ROOT)])]


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith(("competence.roster.", "tests.")):
            found = super().find_class(module, name)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not expected from the reader")


class Pending(Generic[T]):
    """A call running in a child process: :meth:`result` waits for it, :meth:`close` stops it."""

    def __init__(self, fn: Callable[..., T], args: tuple[Any, ...], limits: Limits, file_name: str) -> None:
        self.limits = limits
        self.file_name = file_name
        request = pickle.dumps(
            (fn.__module__, fn.__qualname__, args, limits), protocol=pickle.HIGHEST_PROTOCOL
        )
        self.started = time.perf_counter()
        self._done = False
        #: The child ended without answering (killed by the file, a limit or the system).
        self.died = False
        ready = _ready_child()
        if ready is not None and _send(ready, request):
            self.child = ready
        else:  # none waiting, or it went away unseen: one of its own
            if ready is not None:
                _stop(ready)
            self.child = _start_child()
            _send(self.child, request)  # a child dead at start: result() says so

    def close(self) -> None:
        """Stop the child if it still runs (the caller gave up waiting)."""
        if not self._done:
            self._done = True
            _stop(self.child)

    def result(self) -> T:
        """The call's result, its refusal re-raised, or a refusal saying why the child did not answer."""
        child, limits = self.child, self.limits
        remaining = max(limits.reader_seconds - (time.perf_counter() - self.started), 0.01)
        try:
            out, err = child.communicate(timeout=remaining)
        except subprocess.TimeoutExpired:
            self.close()
            raise _too_slow(self.file_name, limits) from None
        except BaseException:
            self.close()
            raise
        self._done = True
        seconds = time.perf_counter() - self.started
        _get_one_ready()
        if child.returncode != 0 or not out:
            _last.run = ChildRun(seconds, None)
            self.died = True
            _dead_child(self.file_name, child.returncode, err, limits)
        try:
            status, payload, peak_kb = _Unpickler(io.BytesIO(out)).load()
        except Exception:
            _last.run = ChildRun(seconds, None)
            self.died = True
            _dead_child(self.file_name, child.returncode, err, limits)
        _last.run = ChildRun(seconds, peak_kb / 1024 if peak_kb else None)
        log.debug("reader child: %s in %.2f s, peak %s kB", status, seconds, peak_kb)
        if status == "ok":
            return payload  # type: ignore[no-any-return]
        if status == "refused":
            class_name, message_nb, message_en, code = payload
            raise _ERRORS.get(class_name, RosterFileError)(message_nb, message_en, code=code)
        if status == "memory":
            raise _too_much_memory(self.file_name, limits)
        log.warning("the reader failed on a file: %s", payload)
        raise _crashed(self.file_name)


def _start_child() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        child_command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console window from the app
    )


@dataclass
class _Ready:
    """A child started ahead, its modules imported, waiting for a request on its stdin."""

    child: subprocess.Popen[bytes]
    command: list[str]


_ready_lock = threading.Lock()
_ready: _Ready | None = None
_keep_ready = False


def keep_a_reader_ready(keep: bool = True) -> None:
    """Have the next read find its child started: after each read, a child is started for the next
    one, and waits. The desktop app's import wizard asks for this: it reads the file at every step
    (the sheet, the columns, the preview, the import), and a child takes a tenth of a second to start
    and import what reads files (docs/benchmarks.md). A one-off command reads once, and does not.
    ``keep=False`` stops the waiting child."""
    global _keep_ready
    _keep_ready = keep
    if not keep:
        _drop(_take_ready())


def _take_ready() -> _Ready | None:
    global _ready
    with _ready_lock:
        ready, _ready = _ready, None
    return ready


def _ready_child() -> subprocess.Popen[bytes] | None:
    """The waiting child, when there is one, it is alive, and it was started as a child is now."""
    ready = _take_ready()
    if ready is None:
        return None
    if ready.child.poll() is None and ready.command == child_command():
        return ready.child
    _drop(ready)
    return None


def _get_one_ready() -> None:
    """Start a child for the next read when the program keeps one ready and none waits."""
    global _ready
    if not _keep_ready:
        return
    with _ready_lock:
        if _ready is None:
            _ready = _Ready(_start_child(), child_command())


def _send(child: subprocess.Popen[bytes], request: bytes) -> bool:
    """Hand the child its request and close its stdin, so that it works at once; False when the
    child is gone."""
    stdin, child.stdin = child.stdin, None
    assert stdin is not None
    try:
        stdin.write(request)
        stdin.close()
    except OSError:
        with contextlib.suppress(OSError):
            stdin.close()
        return False
    return True


def _stop(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        child.kill()
    child.communicate()


def _drop(ready: _Ready | None) -> None:
    if ready is not None:
        _stop(ready.child)


atexit.register(lambda: _drop(_take_ready()))


def start_in_child(fn: Callable[..., T], *args: Any, limits: Limits, file_name: str) -> Pending[T]:
    """Start ``fn(*args)`` in a child process and return at once; ``fn`` must be a module-level
    function. The caller may do other work meanwhile, then take :meth:`Pending.result`."""
    return Pending(fn, args, limits, file_name)


def call_in_child(fn: Callable[..., T], *args: Any, limits: Limits, file_name: str) -> T:
    """``fn(*args)`` in a child process: its result, its refusal re-raised, or a refusal of
    ``file_name`` saying why the child did not answer."""
    return start_in_child(fn, *args, limits=limits, file_name=file_name).result()


def _dead_child(file_name: str, returncode: int, err: bytes, limits: Limits) -> NoReturn:
    """Why the child ended without an answer: out of memory, out of time, or killed by the file."""
    said = err[-4000:].decode("utf-8", "replace")
    log.warning("the reader child ended without an answer (exit %s)", returncode)
    if "memory allocation of" in said or "MemoryError" in said:
        raise _too_much_memory(file_name, limits)
    if returncode in (-getattr(signal, "SIGXCPU", 24), -getattr(signal, "SIGKILL", 9)):  # POSIX only
        raise _too_slow(file_name, limits)
    raise _crashed(file_name)


def _crashed(file_name: str) -> RosterFileError:
    return refused(
        "reader_crashed",
        f"Regnearkleseren stoppet på filen {file_name} uten å lese den ferdig. Filen er skadet eller laget "
        "for å få programmer til å krasje, og ble ikke lest. Åpne den i Excel eller LibreOffice, lagre på "
        "nytt og prøv igjen.",
        f"The spreadsheet reader stopped on the file {file_name} before it was read. The file is damaged "
        "or made to crash programs, and was not read. Open it in Excel or LibreOffice, save it again and "
        "retry.",
    )


def _too_much_memory(file_name: str, limits: Limits) -> RosterFileError:
    mb = limits.reader_memory_bytes // 2**20
    return refused(
        "too_much_memory",
        f"Filen {file_name} ville trengt mer enn {mb} MB minne for å leses, langt mer enn en ansattliste. "
        "Den er skadet eller laget for å fylle minnet, og ble ikke lest.",
        f"The file {file_name} would need more than {mb} MB of memory to read, far more than a roster. It "
        "is damaged or made to fill the memory, and was not read.",
    )


def _too_slow(file_name: str, limits: Limits) -> RosterFileError:
    seconds = f"{limits.reader_seconds:g}"
    return refused(
        "too_slow",
        f"Lesingen av filen {file_name} tok mer enn {seconds} sekunder og ble stoppet; en ansattliste leses "
        "på et par sekunder. Filen er skadet eller laget for å holde programmet opptatt.",
        f"Reading the file {file_name} took more than {seconds} seconds and was stopped; a roster reads in "
        "a couple of seconds. The file is damaged or made to keep the program busy.",
    )


# --------------------------------------------------------------------------------------------
# In the child
# --------------------------------------------------------------------------------------------


def _limit_resources(limits: Limits) -> None:
    try:
        import resource
    except ImportError:  # Windows: no crash dialog for the child (the parent explains instead)
        if sys.platform == "win32":
            import ctypes

            sem_failcriticalerrors, sem_nogpfaulterrorbox = 0x0001, 0x0002
            ctypes.windll.kernel32.SetErrorMode(sem_failcriticalerrors | sem_nogpfaulterrorbox)
        return

    def lower(kind: int, value: int) -> None:
        _, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        with contextlib.suppress(ValueError, OSError):  # a limit the system refuses: the others hold
            resource.setrlimit(kind, (value, hard))

    lower(resource.RLIMIT_CORE, 0)
    lower(resource.RLIMIT_AS, limits.reader_memory_bytes)
    lower(resource.RLIMIT_CPU, int(limits.reader_seconds) + 1)


def _peak_kb() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def serve_if_child(argv: list[str]) -> None:
    """In a frozen program's entry point (the app and the command line): when started as the
    reader's child (:data:`FROZEN_FLAG`), read and exit; otherwise return at once."""
    if argv[1:2] == [FROZEN_FLAG]:
        child_main()


#: What a read imports, imported by the child before its request comes.
_READING_MODULES = ("competence.roster.loading", "competence.roster.reader")


def child_main() -> None:
    """The child: read the request from stdin, answer on stdout, exit."""
    import gc
    import importlib

    answer_to = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the answer on the answer channel
    gc.disable()  # a read builds many long-lived objects and no cycles (as the import does)
    for name in _READING_MODULES:  # before the request: a child started ahead waits with them loaded
        importlib.import_module(name)
    try:
        module, qualname, args, limits = pickle.load(sys.stdin.buffer)
    except EOFError:  # a child started ahead, and the program ended without asking
        os._exit(0)
    _limit_resources(limits)
    try:
        target: Any = importlib.import_module(module)
        for part in qualname.split("."):
            target = getattr(target, part)
        answer: tuple[str, Any] = ("ok", target(*args))
    except LocalizedError as exc:
        answer = ("refused", (type(exc).__name__, exc.message_nb, exc.message_en, exc.code))
    except MemoryError:
        answer = ("memory", None)
    except Exception as exc:  # a bug, or a parser error nobody foresaw: the parent refuses the file
        answer = ("failed", type(exc).__name__)
    try:
        data = pickle.dumps((*answer, _peak_kb()), protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", None, None))
    answer_to.write(data)
    answer_to.flush()
    os._exit(0)  # the rows are handed over: no need to free them one by one
