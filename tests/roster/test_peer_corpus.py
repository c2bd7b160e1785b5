"""Every file of the shared peer corpus (the test spreadsheets of nine other projects, 384 files in
../shared/peer-spreadsheets/files) gets a right answer from ``import-roster``: exit 0 or 1, with the
true reason for a refusal, in under 10 seconds and 300 MB, and no process dies.

The expected reason is written per class of file below. The files are answered by three worker
processes (tests/roster/corpus_worker.py) side by side, each reading every file in the reader's
child process as the program does; the whole takes about half a minute.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.session import open_database

REPO = Path(__file__).resolve().parents[2]


def _corpus() -> Path:
    """KOMPETANSE_PEER_CORPUS, else ../shared/peer-spreadsheets beside the clone (or beside the
    folder of worktrees the clone is in)."""
    if os.environ.get("KOMPETANSE_PEER_CORPUS"):
        return Path(os.environ["KOMPETANSE_PEER_CORPUS"])
    beside = [folder / "shared" / "peer-spreadsheets" for folder in (REPO.parent, REPO.parent.parent)]
    return next((p for p in beside if p.is_dir()), beside[0])


FILES = _corpus() / "files"
WORKERS = 3
MAX_SECONDS = 10.0
MAX_MB = 300.0

#: (pattern on the file name, the refusal expected), the first that matches decides.
CLASSES: list[tuple[str, set[str]]] = [
    # nothing in it
    (r"empty_file|CSV__empty\.csv$", {"empty"}),
    # encrypted: .xls with a FILEPASS record, .xlsx/.xlsb/.ods in an encrypted container (a sheet or
    # workbook merely *protected* against editing, "...Protection...", reads as any other)
    (
        r"^(?!.*Protection)(?!.*protect01).*(password|pwtest|xor-encryption|issue_385|crash-9bf3cd4bd6"
        r"|encrypt(AES|SHA)|pass_protected|poifs__.*protect|protected_passtika)",
        {"password_protected"},
    ),
    (r"\.xlsb$", {"unsupported_format"}),
    # XML entity attacks, in UTF-8, UTF-16, UTF-32, UTF-7 and EBCDIC
    (r"utf8and16\.dontuse", {"unusual_encoding"}),
    (r"utf(7|8|16)[\w.]*\.dontuse|ebcdic\.dontuse|xmlbomb|XEETest", {"xml_attack"}),
    # Excel 2, 3 and 4
    (r"testEXCEL_[34]|CRLFR9_4|CRLFX5_|biff4_no_format", {"old_excel"}),
    (r"maccentraleurope|quattro__write_57", {"unknown_codepage"}),
    (r"OOM_alloc2", {"crafted"}),  # a DIMENSIONS record whose first column is after its last
    (r"issue_594_dos", {"too_many_rows"}),  # an .ods repeating a row a billion times
    # fuzzed files: damaged, or (where the damage is in parts a roster does not use) read as a sheet
    # without a roster
    (r"clusterfuzz", {"damaged", "no_roster", "mapping_incomplete"}),
    # damaged containers, a corrupt XML, an .ods without its mimetype
    (
        r"OOM_alloc3|oleloop|crash-274d|xlsx-corrupted|poc-shared-strings|CorruptedXmlFile|nomimetype",
        {"damaged"},
    ),
    (r"openxml4j__invalid", {"not_a_spreadsheet"}),  # an empty zip
    (r"HTML__badhtml", {"no_table"}),
    # other formats (SYLK, DIF, dBase, Lotus, Quattro, Numbers, Gnumeric, WPS, RTF, Word, images...)
    (
        r"\.(png|gnumeric|doc|slk|dif|prn|fods|numbers|key|wks|WK1|qpw|et|rtf|dbf|zip|xls5|biff5|xltx)$"
        r"|csv_without_extension$|BigSSTRecord$|test_properties1$",
        {"unsupported_extension"},
    ),
]
#: Every other file is a spreadsheet (or a text export) without a roster in it.
NO_ROSTER = {"no_roster", "mapping_incomplete"}


def expected(name: str) -> set[str]:
    for pattern, codes in CLASSES:
        if re.search(pattern, name):
            return codes
    return NO_ROSTER


def _answers(tmp_path: Path) -> tuple[dict[str, dict[str, object]], list[float]]:
    template = tmp_path / "register.db"
    open_database(f"sqlite:///{template}").dispose()
    files = sorted(str(p) for p in FILES.iterdir() if p.is_file())
    workers = []
    for index in range(WORKERS):
        register = tmp_path / f"register-{index}.db"
        shutil.copyfile(template, register)
        chunk = files[index::WORKERS]
        workers.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.roster.corpus_worker", f"sqlite:///{register}", *chunk],
                cwd=REPO,
                env={**os.environ, "PYTHONPATH": str(REPO)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    answers: dict[str, dict[str, object]] = {}
    peaks: list[float] = []
    for worker in workers:
        out, err = worker.communicate(timeout=900)
        assert worker.returncode == 0, f"a worker process died (exit {worker.returncode}): {err[-2000:]}"
        for line in out.splitlines():
            answer = json.loads(line)
            if "process_peak_mb" in answer:
                if answer["process_peak_mb"] is not None:
                    peaks.append(float(answer["process_peak_mb"]))
            else:
                answers[str(answer["file"])] = answer
    assert len(answers) == len(files), "some files got no answer"
    return answers, peaks


@pytest.mark.slow
def test_every_peer_corpus_file_gets_a_right_answer(tmp_path: Path) -> None:
    if not FILES.is_dir():
        pytest.skip(f"the peer spreadsheet corpus is not here ({FILES}): set KOMPETANSE_PEER_CORPUS")
    answers, peaks = _answers(tmp_path)
    wrong = []
    for name, answer in sorted(answers.items()):
        assert "crash" not in answer, f"{name}: {answer['crash']}"
        assert answer["exit"] in (0, 1), f"{name}: exit {answer['exit']}"
        if answer["exit"] == 1:
            message = str(answer["message"])
            assert message.startswith("Feil: ") and "Traceback" not in message, f"{name}: {message}"
        code = answer["error"] if answer["exit"] == 1 else "imported"
        if code not in expected(name):
            wrong.append(f"{name}: {code} (expected {' or '.join(sorted(expected(name)))})")
        seconds, reader_mb = float(str(answer["seconds"])), answer["reader_peak_mb"]
        assert seconds < MAX_SECONDS, f"{name}: {seconds:.1f} s"
        assert reader_mb is None or float(str(reader_mb)) < MAX_MB, f"{name}: the reader took {reader_mb} MB"
    assert not wrong, "\n".join(wrong)
    assert all(peak < MAX_MB for peak in peaks), f"a worker process reached {max(peaks):.0f} MB"
