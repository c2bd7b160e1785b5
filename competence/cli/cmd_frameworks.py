"""``frameworks list|show|export|import|load-builtin``: the competence frameworks of the register.

Every action first brings the built-in frameworks up to date (as the app does at start), so a new
register lists them at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from competence.cli.context import CliContext
from competence.cli.lang import h
from competence.frameworks import ensure_builtin_frameworks
from competence.frameworks.fields import content_of
from competence.frameworks.queries import FrameworkTree, framework_tree, list_frameworks
from competence.frameworks.transfer import export_framework, import_framework_file
from competence.numbers import format_percent
from competence.uow import UnitOfWork

T = TypeVar("T")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "frameworks",
        parents=[common],
        help=h(
            "kompetanserammeverk: vis, eksporter og importer",
            "competence frameworks: show, export and import",
        ),
        description=h(
            "Kompetanserammeverkene i registeret (innebygde og egne).",
            "The competence frameworks in the register (built-in and own).",
        ),
    )
    actions = parser.add_subparsers(dest="frameworks_action", metavar=h("HANDLING", "ACTION"))
    actions.required = True

    p = actions.add_parser("list", parents=[common], help=h("list rammeverkene", "list the frameworks"))
    p.add_argument("--json", action="store_true", help=h("skriv JSON", "write JSON"))
    p.set_defaults(handler=run_list)

    p = actions.add_parser(
        "show",
        parents=[common],
        help=h(
            "vis områder og kompetanser i ett rammeverk", "show the areas and competences of one framework"
        ),
    )
    p.add_argument(
        "key",
        metavar=h("NØKKEL", "KEY"),
        help=h(
            "rammeverkets nøkkel (f.eks. digcomp-2.2) eller id",
            "the framework's key (e.g. digcomp-2.2) or id",
        ),
    )
    p.add_argument("--json", action="store_true", help=h("skriv JSON", "write JSON"))
    p.set_defaults(handler=run_show)

    p = actions.add_parser(
        "export",
        parents=[common],
        help=h("skriv et rammeverk til en JSON-fil", "write a framework to a JSON file"),
    )
    p.add_argument(
        "key", metavar=h("NØKKEL", "KEY"), help=h("rammeverkets nøkkel eller id", "the framework's key or id")
    )
    p.add_argument(
        "out",
        type=Path,
        metavar=h("UTFIL.json", "OUT.json"),
        help=h("filen som skal skrives", "the file to write"),
    )
    p.set_defaults(handler=run_export)

    p = actions.add_parser(
        "import",
        parents=[common],
        help=h("les inn et rammeverk fra en JSON-fil", "read a framework from a JSON file"),
    )
    p.add_argument(
        "file", type=Path, metavar=h("FIL.json", "FILE.json"), help=h("rammeverksfilen", "the framework file")
    )
    p.add_argument(
        "--json", action="store_true", help=h("skriv resultatet som JSON", "write the result as JSON")
    )
    p.set_defaults(handler=run_import)

    p = actions.add_parser(
        "load-builtin",
        parents=[common],
        help=h("legg inn eller oppdater de innebygde", "add or update the built-in ones"),
    )
    p.add_argument(
        "--json", action="store_true", help=h("skriv resultatet som JSON", "write the result as JSON")
    )
    p.set_defaults(handler=run_load_builtin)


def _up_to_date(ctx: CliContext, then: Callable[[UnitOfWork], T]) -> T:
    """The built-in frameworks brought up to date, then the command's own work: one unit of work."""
    uow = ctx.uow()
    with uow:
        ensure_builtin_frameworks(uow)
        result = then(uow)
        uow.commit()
        return result


def run_list(ctx: CliContext) -> int:
    frameworks = _up_to_date(ctx, list_frameworks)
    if ctx.args.json:
        ctx.print_json(
            [
                {
                    "id": f.id,
                    "key": f.key,
                    "name": f.name,
                    "name_en": f.name_en,
                    "owner": f.owner,
                    "version": f.data_version,
                    "builtin": f.builtin,
                    "areas": f.area_count,
                    "competences": f.competence_count,
                }
                for f in frameworks
            ]
        )
        return 0
    for f in frameworks:
        kind = ctx.t("innebygd", "built-in") if f.builtin else ctx.t("eget", "own")
        ctx.print(
            f"{f.key:<24} v{f.data_version:<3} {kind:<9} "
            f"{f.area_count:>3} {ctx.t('omr.', 'areas')} {f.competence_count:>4} "
            f"{ctx.t('komp.', 'comp.')}  {f.display_name(ctx.lang)}"
        )
    return 0


def run_show(ctx: CliContext) -> int:
    tree = _up_to_date(ctx, lambda uow: framework_tree(uow, ctx.args.key))
    if ctx.args.json:
        ctx.print_json(_tree_json(tree))
        return 0
    fw = tree.framework
    kind = ctx.t("innebygd", "built-in") if fw.builtin else ctx.t("eget", "own")
    ctx.print(
        f"{fw.display_name(ctx.lang)} ({fw.key}, {ctx.t('versjon', 'version')} {fw.data_version}, {kind})"
    )
    if fw.source:
        ctx.print(f"{ctx.t('Kilde', 'Source')}: {fw.source.text()}")
    for scale in tree.scales:
        levels = ", ".join(f"{lv.label(ctx.lang)} ({_percent(ctx, lv.percent)})" for lv in scale.levels)
        ctx.print(f"{ctx.t('Skala', 'Scale')} {scale.key}: {levels}")
    for area in tree.areas:
        ctx.print("")
        ctx.print(area.display_name(ctx.lang))
        for comp in area.competences:
            marks = []
            if comp.critical:
                marks.append(ctx.t("kritisk", "critical"))
            if comp.kind == "certificate":
                marks.append(ctx.t("sertifikat", "certificate"))
            if comp.validity_months:
                marks.append(
                    ctx.t(f"gyldig {comp.validity_months} mnd.", f"valid {comp.validity_months} months")
                )
            suffix = f"  [{', '.join(marks)}]" if marks else ""
            ctx.print(f"  {comp.display_name(ctx.lang)}{suffix}")
    return 0


def _percent(ctx: CliContext, value: float) -> str:
    return format_percent(value, 2, ctx.lang)


def _tree_json(tree: FrameworkTree) -> dict[str, Any]:
    fw = tree.framework
    return {
        "id": fw.id,
        "key": fw.key,
        "name": fw.name,
        "name_en": fw.name_en,
        "owner": fw.owner,
        "version": fw.data_version,
        "builtin": fw.builtin,
        "source": fw.source.text() if fw.source else None,
        "scales": [
            {
                "key": scale.key,
                "name": scale.name,
                "levels": [
                    {
                        "ordinal": lv.ordinal,
                        "name": lv.name,
                        "name_en": lv.name_en,
                        "band": lv.band,
                        "percent": lv.percent,
                    }
                    for lv in scale.levels
                ],
            }
            for scale in tree.scales
        ],
        "areas": [
            {
                "id": area.id,
                "key": area.key,
                "code": area.code,
                "name": area.name,
                "name_en": area.name_en,
                "competences": [
                    {"id": c.id, "key": c.key, **content_of(c), "scale": tree.scale(c.scale_id).key}
                    for c in area.competences
                ],
            }
            for area in tree.areas
        ],
    }


def run_export(ctx: CliContext) -> int:
    out = ctx.args.out.expanduser().resolve()
    result = _up_to_date(ctx, lambda uow: export_framework(uow, ctx.args.key, out))
    ctx.print(
        ctx.t(
            f"Skrev «{result.name}» (versjon {result.version}, {result.area_count} områder, "
            f"{result.competence_count} kompetanser) til {result.path}",
            f"Wrote '{result.name}' (version {result.version}, {result.area_count} areas, "
            f"{result.competence_count} competences) to {result.path}",
        )
    )
    return 0


def run_import(ctx: CliContext) -> int:
    result = _up_to_date(ctx, lambda uow: import_framework_file(uow, ctx.args.file.expanduser()))
    if ctx.args.json:
        ctx.print_json(result.to_dict())
    else:
        ctx.print(result.message(ctx.lang))
    return 0


def run_load_builtin(ctx: CliContext) -> int:
    results = ensure_builtin_frameworks(ctx.uow())
    if ctx.args.json:
        ctx.print_json([r.to_dict() for r in results])
    else:
        for result in results:
            ctx.print(result.message(ctx.lang))
    return 0
