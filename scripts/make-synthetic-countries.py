#!/usr/bin/env python3
"""Write N synthetic countries for timing `palermo compare`, as bench/bench_compare.cpp makes them in memory.

Usage: scripts/make-synthetic-countries.py N OUT_DIR [--corpus DIR] [--seed S]

Country i (q0000, q0001, ...) is a copy of corpus country i mod k (the corpus folders in name order, bills left
out, as compare leaves them out) with FRBRcountry and the country in its FRBR URIs set to its code and a seeded ~10% of its provisions deleted with
everything inside them, so that neighbouring countries' findings differ the way real laws do. Each country is a
folder OUT_DIR/qNNNN/ holding its documents. Python standard library only; the same N and seed give the same files.
"""

import argparse
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
PROVISIONS = {
    "part", "chapter", "section", "subsection", "paragraph", "subparagraph", "article", "title", "book",
    "division", "subdivision", "clause", "subclause", "rule", "subrule", "level", "point", "item", "list",
    "subchapter", "subpart", "subtitle", "alinea", "indent"
}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def is_bill(root):
    return any(local(child.tag) == "bill" for child in root)


def thin(root, rng):
    """Deletes each provision of the body with probability 0.1, pre-order, with its subtree."""
    body = next((e for e in root.iter() if local(e.tag) == "body"), None)
    if body is None:
        return

    def walk(parent):
        for child in list(parent):
            if local(child.tag) in PROVISIONS and child.get("eId") and rng.random() < 0.10:
                tail = child.tail
                parent.remove(child)
                if tail and tail.strip():  # keep text that followed the deleted element
                    parent.text = (parent.text or "") + tail
            else:
                walk(child)

    walk(body)


def load_bases(corpus):
    bases = []
    for folder in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, folder)
        if not os.path.isdir(path):
            continue
        docs = []
        for dirpath, _, files in sorted(os.walk(path)):
            for name in sorted(files):
                if not name.endswith(".xml"):
                    continue
                with open(os.path.join(dirpath, name), "rb") as f:
                    data = f.read()
                root = ET.fromstring(data)
                if not is_bill(root):
                    docs.append((name, data))
        if docs:
            bases.append(docs)
    return bases


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir")
    parser.add_argument("--corpus", default=os.path.join(HERE, "..", "corpus"))
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    bases = load_bases(args.corpus)
    if not bases:
        sys.exit("make-synthetic-countries: no corpus documents under %s" % args.corpus)
    rng = random.Random(args.seed)
    for i in range(args.count):
        code = "q%04d" % i
        folder = os.path.join(args.out_dir, code)
        os.makedirs(folder, exist_ok=True)
        for name, data in bases[i % len(bases)]:
            namespace = re.match(rb"\s*(?:<\?[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<[^>]*\bxmlns=\"([^\"]*)\"", data, re.S)
            if namespace:
                ET.register_namespace("", namespace.group(1).decode())
            root = ET.fromstring(data)
            # The country in FRBRcountry and in every FRBR URI ("/akn/na/act/..."): each copy is then a
            # document of its own in an index, which keys documents by their expression URI.
            source = next((e.get("value") for e in root.iter() if local(e.tag) == "FRBRcountry"), None)
            for e in root.iter():
                if local(e.tag) == "FRBRcountry":
                    e.set("value", code)
                elif source and local(e.tag) in ("FRBRthis", "FRBRuri") and e.get("value"):
                    e.set("value", e.get("value").replace("/akn/%s/" % source, "/akn/%s/" % code))
            thin(root, rng)
            ET.ElementTree(root).write(os.path.join(folder, name), encoding="UTF-8", xml_declaration=True)
    print("%s: %d countries from %d corpus countries" % (args.out_dir, args.count, len(bases)))


if __name__ == "__main__":
    main()
