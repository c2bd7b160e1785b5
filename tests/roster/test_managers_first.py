"""New people are written managers before reports (competence/roster/apply.py): every new manager
comes before the people they lead, people in a loop of managers or below one come apart (linked
once all are written), and however long a chain a file gives, each is walked once."""

from __future__ import annotations

from competence.roster.apply import _managers_first
from competence.roster.parse import PersonRecord
from competence.roster.plan import Plan


def _plan(managers: dict[str, str | None], order: list[str] | None = None) -> Plan:
    numbers = order or list(managers)
    return Plan(
        new_persons=[PersonRecord(number, "Fornavn", f"Etternavn {number}", rows=[]) for number in numbers],
        new_person_managers={number: manager for number, manager in managers.items() if manager is not None},
    )


def _numbers(people: list[PersonRecord]) -> list[str]:
    return [p.employee_no for p in people]


def _assert_managers_first(placed: list[PersonRecord], managers: dict[str, str | None]) -> None:
    position = {number: i for i, number in enumerate(_numbers(placed))}
    for number, manager in managers.items():
        if number in position and manager in position:
            assert position[manager] < position[number], (number, manager)


def test_reports_listed_before_their_managers_come_after_them() -> None:
    managers: dict[str, str | None] = {"4": "3", "3": "2", "2": "1", "1": None, "5": "1", "6": "999"}
    placed, apart = _managers_first(_plan(managers))
    assert sorted(_numbers(placed)) == ["1", "2", "3", "4", "5", "6"] and apart == []
    _assert_managers_first(placed, managers)


def test_a_loop_and_everyone_below_it_come_apart() -> None:
    managers: dict[str, str | None] = {
        "1": "2",
        "2": "3",
        "3": "1",  # a loop of three
        "4": "3",  # below the loop
        "5": "4",  # below the one below it
        "6": None,
        "7": "6",
    }
    placed, apart = _managers_first(_plan(managers))
    assert sorted(_numbers(apart)) == ["1", "2", "3", "4", "5"]
    assert _numbers(placed) == ["6", "7"]


def test_a_person_who_is_their_own_manager_comes_apart() -> None:
    placed, apart = _managers_first(_plan({"1": "1", "2": None}))
    assert _numbers(placed) == ["2"] and _numbers(apart) == ["1"]


def test_a_chain_as_long_as_the_roster_is_placed_in_order() -> None:
    """50,000 people, each the manager of the one before, listed from the bottom of the chain up."""
    count = 50_000
    managers: dict[str, str | None] = {str(i): str(i + 1) if i + 1 < count else None for i in range(count)}
    placed, apart = _managers_first(_plan(managers))
    assert apart == []
    assert _numbers(placed) == [str(i) for i in reversed(range(count))]


def test_the_order_of_the_file_is_kept_among_equals() -> None:
    managers: dict[str, str | None] = {"b": None, "a": None, "d": "b", "c": "a"}
    placed, _ = _managers_first(_plan(managers))
    assert _numbers(placed) == ["b", "a", "d", "c"]


def test_a_report_listed_before_a_manager_found_through_an_earlier_chain() -> None:
    """The first person's chain reaches their manager; a second report of that manager, listed before
    the manager, still comes after them."""
    managers: dict[str, str | None] = {"x": "m", "r": "m", "m": "t", "t": None}
    placed, apart = _managers_first(_plan(managers))
    assert apart == []
    _assert_managers_first(placed, managers)
