#!/usr/bin/python3
"""Validates every JSON line a claimgraph command prints against a JSON Schema.

Usage: validate_schema.py SCHEMA MIN_LINES -- COMMAND [ARGS...]
Runs COMMAND, parses each stdout line as JSON, validates it with the
jsonschema package (Debian: python3-jsonschema), and fails on the first
invalid line, on a non-zero exit, or when fewer than MIN_LINES were printed.
"""
import json
import subprocess
import sys

import jsonschema


def main() -> int:
    sep = sys.argv.index("--")
    schema_path, min_lines = sys.argv[1], int(sys.argv[2])
    command = sys.argv[sep + 1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema)
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"command failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
        return 1
    lines = [l for l in run.stdout.splitlines() if l.strip()]
    for n, line in enumerate(lines, 1):
        errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: e.path)
        if errors:
            print(f"line {n} does not match {schema_path}:\n{line}")
            for e in errors[:5]:
                print(f"  {'/'.join(map(str, e.path))}: {e.message}")
            return 1
    if len(lines) < min_lines:
        print(f"only {len(lines)} lines, expected at least {min_lines}")
        return 1
    print(f"{len(lines)} lines valid against {schema_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
