#!/usr/bin/python3
"""Validate optout receipts (JSON) against docs/receipt-schema.json.

Usage: receipt_schema.py SCHEMA FILE...   (FILE "-" reads standard input)

Uses Debian's python3-jsonschema (build-aux/install-deps installs it); it
works offline. Prints one line per problem and exits 1 if there is any,
2 if the checker itself cannot run.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("receipt_schema: python3-jsonschema is missing: "
          "apt-get install python3-jsonschema (build-aux/install-deps)")
    sys.exit(2)


def load(path):
    if path == "-":
        return json.load(sys.stdin)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2])
        return 2
    schema = load(argv[1])
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    bad = 0
    for path in argv[2:]:
        try:
            doc = load(path)
        except (OSError, ValueError) as e:
            print("%s: not JSON: %s" % (path, e))
            bad += 1
            continue
        for err in sorted(validator.iter_errors(doc), key=str):
            where = "/".join(str(p) for p in err.absolute_path) or "(top)"
            print("%s: %s: %s" % (path, where, err.message))
            bad += 1
        # the lists of ids name platforms the receipt has
        ids = {p["id"] for p in doc.get("platforms", [])
               if isinstance(p, dict) and "id" in p}
        for key in ("waiting_for_confirmation", "check_again", "for_adviser"):
            for i in doc.get(key, []):
                if i not in ids:
                    print("%s: %s: %r is not among the platforms"
                          % (path, key, i))
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
