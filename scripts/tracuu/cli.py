"""``tracuu`` command line: parse, build, check.

    tracuu parse --json FILE [FILE ...]   one JSON object, CONTRACT.md §1
    tracuu build                          regenerate docs/<generated>/ from sources/ and data/
    tracuu check                          list every problem as path:line: message
    tracuu bundle                         zip the site for offline reading (file://)
    tracuu add FILE                       bring a .docx/.txt/.md into sources/ (named from its header)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def cmd_parse(args: argparse.Namespace) -> int:
    from tracuu.pipeline import parse_file

    docs = [parse_file(f, source_name=f).contract() for f in args.files]
    if args.json:
        json.dump({"documents": docs}, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
        sys.stdout.write("\n")
    else:
        for d in docs:
            print(f"{d['source']}: {d['doc_type']} {d['number'] or '(số trống)'} {d['date']} — {d['subject']}")
            for w in d["warnings"]:
                print(f"  {d['source']}:{w.removeprefix('line ')}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from tracuu.build import build

    report = build(quiet=args.quiet)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if not args.quiet:
        print(
            f"tracuu build: {report.documents} văn bản, {report.pages} trang; "
            f"{report.written} tệp được ghi, {report.unchanged} không đổi, {report.deleted} xóa",
            file=sys.stderr,
        )
    return 1 if any(p.severity == "error" for p in report.problems) and args.strict else 0


def cmd_check(args: argparse.Namespace) -> int:
    from tracuu.check import check

    problems = check()
    for problem in problems:
        print(problem)
        if problem.hint:
            print(f"  → {problem.hint}")
    errors = [p for p in problems if p.severity == "error"]
    print(f"tracuu check: {len(errors)} lỗi, {len(problems) - len(errors)} cảnh báo", file=sys.stderr)
    return 1 if errors else 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from tracuu.bundle import main as bundle_main

    argv = [
        *(["-o", str(args.output)] if args.output else []),
        *(["--site-dir", str(args.site_dir)] if args.site_dir else []),
        *(["--strict"] if args.strict else []),
    ]
    result: int = bundle_main(argv)
    return result


def cmd_add(args: argparse.Namespace) -> int:
    from tracuu import paths
    from tracuu.add import main as add_main

    return add_main(args.file, paths.sources_dir(), args.dry_run, args.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tracuu", description="Tra cứu công tác trẻ em")
    ap.add_argument("--root", type=Path, help="project root (default: this checkout)")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse source files, print records")
    p.add_argument("--json", action="store_true", help="print JSON (CONTRACT.md §1)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_parse)
    b = sub.add_parser("build", help="write generated Markdown pages under docs/")
    b.add_argument("--quiet", action="store_true")
    b.add_argument("--strict", action="store_true", help="exit 1 when any source has an error")
    b.set_defaults(func=cmd_build)
    c = sub.add_parser("check", help="list problems in sources/ and data/ as path:line: message")
    c.set_defaults(func=cmd_check)
    bu = sub.add_parser("bundle", help="zip the site for reading offline from file:// (dist/tracuu-offline.zip)")
    bu.add_argument("-o", "--output", type=Path, help="zip to write (default: dist/tracuu-offline.zip)")
    bu.add_argument("--site-dir", type=Path, help="keep the offline build here (default: a temporary folder)")
    bu.add_argument("--strict", action="store_true", help="fail on MkDocs warnings")
    bu.set_defaults(func=cmd_bundle)
    a = sub.add_parser("add", help="convert a .docx/.txt/.md into sources/ and show what was recognised")
    a.add_argument("file", type=Path)
    a.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    a.add_argument("--name", help="file name in sources/ (default: from the header: date, type, number)")
    a.set_defaults(func=cmd_add)
    args = ap.parse_args(argv)
    if args.root:
        import os

        os.environ["TRACUU_ROOT"] = str(args.root.resolve())
    from tracuu.model.problems import SourceError

    try:
        result: int = args.func(args)
    except SourceError as err:  # a registry that cannot be read stops the command: name its file and line
        print(err.problem, file=sys.stderr)
        if err.problem.hint:
            print(f"  → {err.problem.hint}", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
