#!/usr/bin/env python3
"""XML checks for pre-commit: well-formed files, no deprecated view syntax
(t-raw, t-esc, attrs, states, <tree>), and CSV files with a constant number
of columns. Exit 1 with the list of problems."""

import csv
import re
import sys

from lxml import etree

DEPRECATED = {
    "t-raw": re.compile(r"\bt-raw="),
    "t-esc": re.compile(r"\bt-esc="),
    "attrs=": re.compile(r"\battrs="),
    "states=": re.compile(r"<(field|button)[^>]*\bstates="),
    "<tree>": re.compile(r"<tree[\s>]"),
}


def check_xml(path):
    problems = []
    try:
        etree.parse(path)
    except etree.XMLSyntaxError as error:
        return [f"{path}: {error}"]
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            for name, pattern in DEPRECATED.items():
                if pattern.search(line):
                    problems.append(f"{path}:{number}: deprecated {name}")
    return problems


def check_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    width = len(rows[0]) if rows else 0
    return [
        f"{path}:{number}: {len(row)} columns, header has {width}"
        for number, row in enumerate(rows, 1)
        if len(row) != width
    ]


def main(argv):
    csv_mode = "--csv" in argv
    paths = [arg for arg in argv if not arg.startswith("--")]
    problems = []
    for path in paths:
        problems += check_csv(path) if csv_mode else check_xml(path)
    for problem in problems:
        sys.stdout.write(problem + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
