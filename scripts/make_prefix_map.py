"""Regenerate src/vaultkg/data/prefixes.json from the Bioregistry.

vaultkg normalises identifiers with ``curies`` at run time; this script exports the few
Bioregistry records it needs (URI prefix, synonyms, local-id pattern) so that the package does
not load the whole registry on every run. Run it after upgrading bioregistry:

    pip install bioregistry && python scripts/make_prefix_map.py
"""

from __future__ import annotations

import json
from pathlib import Path

import bioregistry

PREFIXES = [
    "chebi",
    "pubchem.compound",
    "chembl.compound",
    "chembl.target",
    "drugbank",
    "uniprot",
    "hgnc",
    "hgnc.symbol",
    "iuphar.ligand",
    "iuphar.receptor",
    "mesh",
    "wikidata",
    "doi",
    "pubmed",
    "isbn",
]

# Where the Bioregistry's default URI prefix is its own resolver, use the provider's own
# (it must be one of the URI prefixes the Bioregistry lists for the resource).
PREFERRED_URI_PREFIX = {"pubmed": "https://pubmed.ncbi.nlm.nih.gov/"}


def main() -> None:
    records = []
    for prefix in PREFIXES:
        resource = bioregistry.get_resource(prefix)
        assert resource is not None, prefix
        uri_prefix = resource.get_uri_prefix()
        if prefix in PREFERRED_URI_PREFIX:
            assert PREFERRED_URI_PREFIX[prefix] in resource.get_uri_prefixes(), prefix
            uri_prefix = PREFERRED_URI_PREFIX[prefix]
        records.append(
            {
                "prefix": prefix,
                "uri_prefix": uri_prefix,
                "prefix_synonyms": sorted(set(resource.get_synonyms()) - {prefix}),
                "pattern": resource.get_pattern(),
                "name": resource.get_name(),
            }
        )
    out = Path(__file__).resolve().parent.parent / "src" / "vaultkg" / "data" / "prefixes.json"
    out.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
