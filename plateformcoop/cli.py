"""Command line: ``plateformcoop check``, ``new``, ``schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import format_github, format_human, format_json, format_notices

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _find_root(start: Path) -> Path:
    for candidate in (start, *start.parents):
        if (candidate / "mkdocs.yml").exists() or (candidate / "practices").is_dir():
            return candidate
    return start


def cmd_check(args: argparse.Namespace) -> int:
    from .content import load_content

    root = Path(args.root).resolve() if args.root else _find_root(Path.cwd())
    content = load_content(root)
    problems = content.problems
    notices = content.notices
    checked = content.checked_files
    if args.files:
        wanted = {content.layout.display(Path(f).resolve()) for f in args.files}
        problems = [p for p in problems if p.path in wanted]
        notices = [n for n in notices if n.path in wanted]
        checked = len(wanted)
    human = "\n\n".join(part for part in (format_human(problems, checked), format_notices(notices)) if part)
    if args.format == "github":
        output = "\n".join(part for part in (format_github(problems), format_github(notices, "notice")) if part)
        if output:
            print(output)
        print(human, file=sys.stderr)
    elif args.format == "json":
        print(format_json(problems, checked, notices))
    else:
        print(human)
    # Notices never fail the check: time alone must not break CI.
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schemas import write_schemas, stale_schemas

    root = Path(args.root).resolve() if args.root else _find_root(Path.cwd())
    if args.check:
        stale = stale_schemas(root)
        for name in stale:
            print(f"{name} : schéma périmé, lancez « make schemas »", file=sys.stderr)
        return EXIT_PROBLEMS if stale else EXIT_OK
    for path in write_schemas(root):
        print(path)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .content import load_vocabularies
    from .i18n import t
    from .layout import Layout
    from .scaffold import ScaffoldError, new_course, new_lesson, new_platform, new_practice

    root = Path(args.root).resolve() if args.root else _find_root(Path.cwd())
    layout = Layout(root)
    vocabularies, _ = load_vocabularies(layout)
    try:
        if args.kind == "practice":
            paths = [new_practice(layout, args.ids[0], vocabularies)]
        elif args.kind == "platform":
            paths = [new_platform(layout, args.ids[0], vocabularies)]
        elif args.kind == "course":
            paths = new_course(layout, args.ids[0], vocabularies)
        else:
            paths = [new_lesson(layout, args.ids[0], args.ids[1], vocabularies)]
    except ScaffoldError as error:
        print(f"plateformcoop new : {error}", file=sys.stderr)
        return EXIT_USAGE
    for path in paths:
        print(t("new.created", path=layout.display(path)))
    print(t("new.next"))
    return EXIT_OK


class _NewIds(argparse.Action):
    """`new practice ID`, `new course ID`, `new lesson COURSE LESSON`."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        expected = 2 if namespace.kind == "lesson" else 1
        if len(values) != expected:
            usage = "new lesson <module> <leçon>" if namespace.kind == "lesson" else f"new {namespace.kind} <identifiant>"
            parser.error(f"usage : plateformcoop {usage}")
        setattr(namespace, self.dest, values)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plateformcoop",
        description="Outils de la base de connaissances Plateformcoop.",
        epilog="Codes de sortie : 0 = aucun problème, 1 = problèmes trouvés, 2 = commande mal formée.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="vérifie les fiches, vocabulaires et modules sans construire le site")
    check.add_argument("files", nargs="*", help="ne signaler que les problèmes de ces fichiers (les références sont résolues sur tout le projet)")
    check.add_argument("--root", help="dossier du projet (par défaut : le dossier courant ou un parent)")
    check.add_argument("--format", choices=("human", "github", "json"), default="human", help="format de sortie")
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new", help="crée un fichier valide à partir d'un modèle commenté")
    new.add_argument(
        "kind", choices=("practice", "platform", "course", "lesson"), help="practice <id>, platform <id>, course <id> ou lesson <module> <leçon>"
    )
    new.add_argument("ids", nargs="+", action=_NewIds, metavar="ID")
    new.add_argument("--root")
    new.set_defaults(func=cmd_new)
    schema = sub.add_parser("schema", help="écrit les schémas JSON des fichiers de contenu dans schemas/")
    schema.add_argument("--root")
    schema.add_argument("--write", action="store_true", help="(défaut) écrit les fichiers")
    schema.add_argument("--check", action="store_true", help="échoue si les schémas committés sont périmés")
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
