"""Command line: ``python -m impactdash {init,add-user,status,backup,restore,report}``.

DuckDB lets one program at a time open a database file, even to read: while the dashboard
runs, every command but ``init`` is refused with a message that says so and what to do
(exit code 3); ``status`` still shows the current publication, which lives beside the
database, not in it. Back up and restore through the dashboard's Backup page meanwhile.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from impactdash import config, startup
from impactdash.errors import StorageError
from impactdash.publish import pointer
from impactdash.store import db
from impactdash.write import auth, backup
from impactdash.write.validation import EditError


def _cmd_init(args: argparse.Namespace) -> int:
    source = "empty" if args.empty else (args.from_folder or "demo")
    loaded = startup.build_database(args.db, source, force=args.force)
    print(f"Built {args.db} at schema version {db.latest_version()} from {source}.")
    for table, count in loaded.items():
        print(f"  {table:<20} {count:>8,} rows")
    return 0


def _read_password() -> str:
    if not sys.stdin.isatty():
        # Piped input (scripts, tests): one line, never an argument on the command line.
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise auth.UserError("The two passwords differ")
    return first


def _cmd_add_user(args: argparse.Namespace) -> int:
    con = _open_existing(args.db)
    try:
        db.migrate(con)
        roles = [r.strip() for r in args.roles.split(",") if r.strip()]
        auth.create_user(con, args.username, _read_password(), roles, args.name, args.email)
    finally:
        con.close()
    print(f"User {args.username} created with roles {', '.join(roles)}.")
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    try:
        con = _open_existing(args.db, read_only=True)
    except StorageError as exc:
        # The dashboard holds the file; the publication the public sees is readable beside it.
        if exc.kind == "locked":
            _print_current(args.db)
        raise
    try:
        version = db.schema_version(con)
        print(f"Database:       {args.db}")
        print(f"Schema version: {version} (code expects {db.latest_version()})")
        if version == 0:
            print("No impact pillar schema in this file.")
            return 1
        print(f"Data version:   {db.data_version(con)}")
        print(f"Data set:       {db.setting(con, 'dataset', 'own data')}")
        print(f"Reporting date: {db.setting(con, 'reporting_date', 'today')}")
        for table, count in db.table_counts(con).items():
            print(f"  {table:<20} {count:>10,}")
    finally:
        con.close()
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    con = _open_existing(args.db)
    try:
        path = backup.make_backup(con, backup.CLI, args.to)
    finally:
        con.close()
    print(f"Backed up {args.db} to {path}.")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    source = args.file.resolve()
    if not source.is_file():
        raise db.DatabaseError(f"No backup file at {source}")
    con = _open_existing(args.db)
    try:
        db.migrate(con)
        before = backup.restore(con, backup.CLI, source)
    finally:
        con.close()
    print(f"Restored {source} into {args.db}; the state before is in {before}.")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    # Reads only the publications beside the database (never the database itself), so it runs
    # while the dashboard holds the file: fit for a scheduled job that mails the report.
    from impactdash.report import build as report

    folder = config.publications_dir(args.db)
    towns = tuple(args.municipality) if args.municipality else None
    try:
        data = report.publication_report(folder, args.publication, args.format, args.lang, towns)
    except (LookupError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.write_bytes(data)
    print(f"Wrote the {args.format.upper()} report ({args.lang}) to {args.out} ({len(data):,} bytes).")
    return 0


def _print_current(path: Path) -> None:
    current = pointer.current(config.publications_dir(path))
    if current is None:
        print("Published:      nothing yet")
    else:
        approved = f"{current.approved_at:%Y-%m-%d %H:%M}"
        print(f"Published:      {current.label} (publication {current.id}, approved {approved})")


def _open_existing(path: Path, read_only: bool = False):
    if not path.exists():
        raise db.DatabaseError(f"No database at {path}; create one with: python -m impactdash init")
    return db.open_existing(path, read_only=read_only)


def _holder(pid: int | None) -> str:
    """Name the program that holds the database: the dashboard if its command line says so."""
    if pid is None:
        return "another program"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        command = ""
    if "streamlit" in command:
        return f"the dashboard (process {pid})"
    return f"another program (process {pid})"


def _locked_message(exc: StorageError) -> str:
    """Say plainly that the database is in use, by whom, and what to do instead."""
    return (
        f"{_holder(exc.params.get('pid'))} has the database {exc.params['where']} open, and DuckDB lets"
        " only one program use a database file at a time, even to read it.\n"
        "  To back up or restore now, sign in to the dashboard as an administrator and use its"
        " Backup page (Back-up in Dutch).\n"
        "  To use the command line, stop the dashboard first, run the command, then start the dashboard"
        " again (see the README, 'The command line beside the dashboard')."
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the command line."""
    parser = argparse.ArgumentParser(prog="python -m impactdash", description=__doc__)
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"database file (default: ${config.DB_ENV} or data/impact.duckdb)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="build a new database from the demo data, a folder of CSVs, or empty")
    group = init.add_mutually_exclusive_group()
    group.add_argument("--empty", action="store_true", help="schema only, no data")
    group.add_argument(
        "--from",
        dest="from_folder",
        type=Path,
        help="folder of CSV files laid out like data/demo, read as the Import page reads files"
        " (Dutch or English Excel; a number like 1.250 the file does not settle is refused)",
    )
    init.add_argument("--force", action="store_true", help="replace an existing database file")
    init.set_defaults(func=_cmd_init)

    add = sub.add_parser("add-user", help="add a user; the password is asked, never taken as an argument")
    add.add_argument("username")
    add.add_argument("--roles", required=True, help="comma-separated: editor,reviewer,admin")
    add.add_argument("--name", help="display name")
    add.add_argument("--email")
    add.set_defaults(func=_cmd_add_user)

    status = sub.add_parser("status", help="show the schema version and row counts")
    status.set_defaults(func=_cmd_status)

    save = sub.add_parser("backup", help="write a consistent copy of the database (default: data/backups/)")
    save.add_argument("--to", type=Path, help="file to write (must not exist)")
    save.set_defaults(func=_cmd_backup)

    restore = sub.add_parser(
        "restore", help="back up the current state, then restore the figures from a backup"
    )
    restore.add_argument("file", type=Path, help="a backup file; an older schema version is migrated first")
    restore.set_defaults(func=_cmd_restore)

    make = sub.add_parser("report", help="write the council report of a publication as PDF or HTML")
    make.add_argument("--lang", choices=("nl", "en"), default="nl", help="report language (default nl)")
    make.add_argument("--format", choices=("pdf", "html"), default="pdf", help="pdf or html (offline)")
    make.add_argument("--out", type=Path, required=True, help="file to write")
    make.add_argument(
        "--publication", type=int, help="number of an approved publication (default: the current one)"
    )
    make.add_argument("--municipality", nargs="*", help="CBS codes to cover (default: all)")
    make.set_defaults(func=_cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    args.db = (args.db or config.default_db_path()).resolve()
    try:
        return args.func(args)
    except StorageError as exc:
        text = _locked_message(exc) if exc.kind == "locked" else exc.message("en")
        print(f"error: {text}", file=sys.stderr)
        return 3 if exc.kind == "locked" else 2
    except (db.DatabaseError, auth.UserError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except EditError as exc:
        print(f"error: {exc.message('en')}", file=sys.stderr)
        return 2
