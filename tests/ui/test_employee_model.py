"""The employee list's model and proxy: Qt's model contract, filtering and sorting."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from competence.employees import EmployeeRow, name_key
from competence.identifiers import collation_key
from ui.employees.model import EmployeeFilter, EmployeeFilterProxy, EmployeeTableModel, prepare


def row(
    ident: int,
    first: str,
    last: str,
    *,
    units: tuple[int, ...] = (1,),
    roles: tuple[int, ...] = (),
    left: dt.date | None = None,
    no: str | None = None,
    unit_name: str = "Hjemmetjenesten",
) -> EmployeeRow:
    return EmployeeRow(
        id=ident,
        employee_no=no or str(ident),
        first_name=first,
        last_name=last,
        email=f"{first.lower()}@kommune.no",
        units=unit_name,
        roles="Sykepleier" if roles else "",
        titles="Sykepleier" if roles else "Assistent",
        fte_total=80.0,
        left_on=left,
        version=1,
        unit_ids=units,
        role_ids=roles,
    )


ROWS = [
    row(1, "Åse", "Ødegård", units=(10,), roles=(1,)),
    row(2, "Bjørn", "Aas", units=(11,), roles=(1,)),
    row(3, "Kari", "Zahl", units=(20,), unit_name="Fjordvik skole"),
    row(4, "Æsa", "Ærø", units=(20,), unit_name="Fjordvik skole"),
    row(5, "Lise", "Berg", units=(10,), roles=(1,), left=dt.date(2024, 1, 31)),
    row(6, "Per", "Åsheim", units=(10, 20), roles=(2,), no="10"),
]


def make() -> tuple[EmployeeTableModel, EmployeeFilterProxy]:
    model = EmployeeTableModel()
    proxy = EmployeeFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    return model, proxy


def shown(proxy: EmployeeFilterProxy) -> list[int]:
    ids = []
    for r in range(proxy.rowCount()):
        emp = proxy.employee_at(r)
        assert emp is not None
        ids.append(emp.id)
    return ids


def test_models_follow_the_qt_model_contract(qtmodeltester: ModelTester) -> None:
    model, proxy = make()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(EmployeeFilter(text="fjordvik"))
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_rows(ROWS[:3])
    qtmodeltester.check(proxy)


def test_left_employees_are_hidden_unless_asked_for() -> None:
    _, proxy = make()
    assert 5 not in shown(proxy)
    assert proxy.total == 6
    proxy.set_filter(EmployeeFilter(include_left=True))
    assert 5 in shown(proxy)
    left_index = proxy.index(shown(proxy).index(5), 0)
    assert proxy.data(left_index, Qt.ItemDataRole.ForegroundRole) is not None


def test_default_order_is_norwegian_alphabetical_by_last_name() -> None:
    _, proxy = make()
    proxy.set_filter(EmployeeFilter(include_left=True))
    # Aas, Berg, Zahl, Ærø, Ødegård, Åsheim: æ, ø, å come after z, in that order
    assert shown(proxy) == [2, 5, 3, 4, 1, 6]


def test_search_matches_every_word_anywhere_in_the_row() -> None:
    _, proxy = make()
    proxy.set_filter(EmployeeFilter(text="ødegård"))
    assert shown(proxy) == [1]
    proxy.set_filter(EmployeeFilter(text="FJORDVIK kari"))
    assert shown(proxy) == [3]
    proxy.set_filter(EmployeeFilter(text="sykepleier"))
    assert shown(proxy) == [2, 1, 6]
    proxy.set_filter(EmployeeFilter(text="10"))  # an employee number
    assert shown(proxy) == [6]


def test_unit_role_and_id_filters_combine() -> None:
    _, proxy = make()
    proxy.set_filter(EmployeeFilter(unit_ids=frozenset({10, 11})))
    assert sorted(shown(proxy)) == [1, 2, 6]
    proxy.set_filter(EmployeeFilter(unit_ids=frozenset({10, 11}), role_id=1))
    assert sorted(shown(proxy)) == [1, 2]
    proxy.set_filter(EmployeeFilter(unit_ids=frozenset({10, 11}), role_id=1, employee_ids=frozenset({2, 3})))
    assert shown(proxy) == [2]
    proxy.set_filter(EmployeeFilter(employee_ids=frozenset()))
    assert shown(proxy) == []


def test_sorting_by_number_is_numeric_and_can_be_reversed() -> None:
    _, proxy = make()
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == [1, 2, 3, 4, 6]  # "10" after "4"
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == [6, 4, 3, 2, 1]


def test_narrowing_search_gives_the_same_result_as_a_fresh_one() -> None:
    """Typing on filters the visible rows only; it must never differ from filtering everything."""
    rng = random.Random(7)
    names = ["Ødegård", "Aas", "Sæther", "Berg", "Holm", "Åsheim", "Dahl", "Nilsen"]
    rows = [
        row(i, rng.choice(["Åse", "Bjørn", "Kari", "Ola"]), rng.choice(names), units=(rng.randint(1, 4),))
        for i in range(1, 400)
    ]
    model = EmployeeTableModel()
    typed = EmployeeFilterProxy()
    typed.setSourceModel(model)
    fresh = EmployeeFilterProxy()
    fresh.setSourceModel(model)
    model.set_rows(rows)
    query = ""
    for char in "ka sæt":
        query += char
        typed.set_filter(EmployeeFilter(text=query))
        fresh.set_filter(EmployeeFilter())
        fresh.set_filter(EmployeeFilter(text=query))
        assert shown(typed) == shown(fresh), query
    for _ in range(3):  # deleting characters widens the search again
        query = query[:-1]
        typed.set_filter(EmployeeFilter(text=query))
        fresh.set_filter(EmployeeFilter())
        fresh.set_filter(EmployeeFilter(text=query))
        assert shown(typed) == shown(fresh), query


def test_headers_and_display_texts() -> None:
    _, proxy = make()
    titles = [proxy.headerData(i, Qt.Orientation.Horizontal) for i in range(proxy.columnCount())]
    assert titles == [c.title for c in proxy.sourceModel().columns]
    assert "Navn" in titles
    first = proxy.index(0, 1)
    assert proxy.data(first) == "Aas, Bjørn"
    assert proxy.data(proxy.index(0, 5)) == "80"
    assert proxy.row_of_employee(3) is not None
    assert proxy.row_of_employee(5) is None  # left, hidden


def test_a_list_prepared_on_a_worker_filters_and_sorts_the_same() -> None:
    _, plain = make()
    model = EmployeeTableModel()
    prepared = EmployeeFilterProxy()
    prepared.setSourceModel(model)
    model.set_prepared(prepare(ROWS))
    for flt in (EmployeeFilter(), EmployeeFilter(text="fjordvik"), EmployeeFilter(include_left=True)):
        plain.set_filter(flt)
        prepared.set_filter(flt)
        assert shown(prepared) == shown(plain)
    model.set_rows(ROWS[:2])  # plain rows again: the prepared keys no longer apply
    assert model.prepared is None
    assert sorted(shown(prepared)) == [1, 2]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="aAåÅæÆøØzZ -'é", max_size=6),
            st.text(alphabet="aAåÅæÆøØzZ -'é", max_size=6),
        ),
        min_size=2,
        max_size=8,
    )
)
def test_one_name_key_sorts_as_last_name_then_first_name(names: list[tuple[str, str]]) -> None:
    """The list sorts on one string (last name, NUL, first name): the same order as comparing the
    last names first and the first names after, with Norwegian letters."""
    rows = [row(i, first, last) for i, (last, first) in enumerate(names)]
    pairwise = sorted(rows, key=lambda r: (collation_key(r.last_name), collation_key(r.first_name), r.id))
    assert sorted(rows, key=name_key) == pairwise


def test_a_list_already_in_name_order_is_not_sorted_again_but_shows_the_same() -> None:
    shuffled = list(ROWS)
    random.Random(7).shuffle(shuffled)
    in_order = sorted(shuffled, key=name_key)
    assert [in_order[i].id for i in prepare(in_order, in_name_order=True).name_order] == [
        shuffled[i].id for i in prepare(shuffled).name_order
    ]
