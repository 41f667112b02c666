"""schema_check.py SCHEMA FILE...: each data file is valid against the JSON
Schema that `evalreport schema` writes — what an editor's completion and
validation see — and a file with a mistyped outline key is not."""
import json
import sys

import jsonschema
import yaml


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    schema.pop("$id", None)  # a relative id: resolve the $defs within the file
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        data = yaml.safe_load(open(path, encoding="utf-8"))
        errors = list(validator.iter_errors(json.loads(json.dumps(data, default=str))))
        for e in errors[:5]:
            print(f"FAIL {path}: {'/'.join(map(str, e.path))}: {e.message}")
        bad += bool(errors)
        if not errors:
            print(f"ok {path}")
    # the schema knows the outline: a typo in a section is refused
    typo = {"evalreport": 1, "project": {"name": "x"}, "indicators": [],
            "outline": [{"title": "结论", "bodi": ["x"]}]}
    if validator.is_valid(typo):
        print("FAIL: the schema accepts an outline section with `bodi`")
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
