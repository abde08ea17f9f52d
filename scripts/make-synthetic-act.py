#!/usr/bin/env python3
"""Build a synthetic Akoma Ntoso act of about SIZE_MB megabytes from a real act, for scaling measurements.

Usage: scripts/make-synthetic-act.py SIZE_MB OUT.xml [--source ACT.akn.xml]

The source (by default the 4 MB UK Financial Services and Markets Act 2023 in ../shared/akn/samples/uk/) keeps its
metadata; its body is written again and again ("cycles") until the file reaches SIZE_MB. Cycle 0 is the body as
published; in cycle c every eId is new and unique: eIds that start with section-N, part-N or schedule-N get the
number N + c * (largest N in the act), so section 5 of cycle 1 of an 87-section act is section 92 with eId
section-92 and <num>92</num>, and other eIds get the suffix "-cC". Internal references (href="#...",
refersTo="#...") are rewritten the same way, so each cycle refers to its own provisions. The last cycle stops
when the size is reached, at the end of a provision of at most 64 kB (sections, schedule paragraphs): its
containers (parts, chapters, schedules) close, and references to provisions that were not written point at the
published act instead (an external URI). Below the source's size, only the notes and temporal restrictions of
the metadata that the written provisions use are kept. Python standard library only; deterministic.
"""

import argparse
import os
import re
import sys
import xml.parsers.expat

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.normpath(
    os.path.join(HERE, "..", "..", "shared", "akn", "samples", "uk", "ukpga-2023-29-2024-11-01.akn.xml"))

# Elements that hold provisions: below a container larger than UNIT_BYTES, these are written or left out whole.
HIERARCHY = {
    "part", "chapter", "section", "subsection", "paragraph", "subparagraph", "article", "title", "book",
    "division", "subdivision", "clause", "subclause", "rule", "subrule", "level", "hcontainer", "crossHeading",
    "tblock", "point", "list", "item", "subchapter", "subpart", "subtitle", "sublist", "alinea", "indent"
}
UNIT_BYTES = 64 * 1024
NUMBERED = re.compile(r"^(section|part|schedule)-(\d+)(.*)$", re.S)


class Node:
    __slots__ = ("tag", "start", "end", "children", "in_quote", "attrs")

    def __init__(self, tag, start, attrs, in_quote):
        self.tag = tag
        self.start = start
        self.end = None
        self.children = []
        self.in_quote = in_quote
        self.attrs = attrs


def parse_tree(data):
    """Element tree with byte ranges [start, end) into `data` (bytes)."""
    parser = xml.parsers.expat.ParserCreate()  # no namespace processing: tags keep their prefixes
    root = Node("#doc", 0, {}, False)
    stack = [root]

    def start(tag, attrs):
        parent = stack[-1]
        node = Node(tag, parser.CurrentByteIndex, attrs,
                    parent.in_quote or parent.tag in ("quotedStructure", "embeddedStructure"))
        parent.children.append(node)
        stack.append(node)

    def end(tag):
        node = stack.pop()
        index = parser.CurrentByteIndex
        # An empty-element tag (<a/>) reports its end at its own start; otherwise skip past "</tag>".
        if data[index:index + 2] == b"</":
            node.end = data.index(b">", index) + 1
        else:
            node.end = data.index(b">", node.start) + 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(data, True)
    return root


def find(node, tag):
    if node.tag == tag:
        return node
    for child in node.children:
        hit = find(child, tag)
        if hit is not None:
            return hit
    return None


def local(tag):
    return tag.split(":")[-1]


class Synthesizer:

    def __init__(self, data):
        self.data = data
        self.tree = parse_tree(data)
        self.meta = find(self.tree, "meta")
        self.body = find(self.tree, "body")
        if self.meta is None or self.body is None:
            sys.exit("make-synthetic-act: the source has no <meta> or no <body>")
        body_text = data[self.body.start:self.body.end].decode("utf-8")
        self.body_ids = set(re.findall(r'\beId="([^"]*)"', body_text))
        self.body_ids.discard(self.body.attrs.get("eId", ""))
        self.offset = {"section": 0, "part": 0, "schedule": 0}
        for eid in self.body_ids:
            m = NUMBERED.match(eid)
            if m:
                self.offset[m.group(1)] = max(self.offset[m.group(1)], int(m.group(2)))
        expression = re.search(rb'<FRBRExpression>.*?<FRBRthis value="([^"]*)"', data, re.S)
        self.published = expression.group(1).decode() if expression else "urn:unknown"

    # ---- one cycle of the body ----------------------------------------------------------------------------

    def new_id(self, eid, cycle):
        if cycle == 0 or eid not in self.body_ids:
            return eid
        m = NUMBERED.match(eid)
        if m:
            return "%s-%d%s" % (m.group(1), int(m.group(2)) + cycle * self.offset[m.group(1)], m.group(3))
        return "%s-c%d" % (eid, cycle)

    def delta(self, node, cycle):
        """How much the number of a section, part or schedule grows in `cycle` (0 for other elements)."""
        if cycle == 0 or node.in_quote:
            return 0
        m = NUMBERED.match(node.attrs.get("eId", ""))
        return cycle * self.offset[m.group(1)] if m and m.group(3) == "" else 0

    @staticmethod
    def new_num(num_text, delta):
        digits = re.search(r">([^<\d]*)(\d+)", num_text)
        if not digits:
            return num_text
        return num_text[:digits.start(2)] + str(int(digits.group(2)) + delta) + num_text[digits.end(2):]

    def text(self, begin, end):
        return self.data[begin:end].decode("utf-8")

    def subtree(self, node, cycle):
        """The text of `node`, the <num> of every section, part and schedule in it showing its new number."""
        if cycle == 0:
            return self.text(node.start, node.end)
        pieces = []
        cursor = node.start

        def walk(n):
            nonlocal cursor
            delta = self.delta(n, cycle)
            if delta:
                num = next((c for c in n.children if local(c.tag) == "num"), None)
                if num is not None:
                    pieces.append(self.text(cursor, num.start))
                    pieces.append(self.new_num(self.text(num.start, num.end), delta))
                    cursor = num.end
            for child in n.children:
                if not child.in_quote:
                    walk(child)

        walk(node)
        pieces.append(self.text(cursor, node.end))
        return "".join(pieces)

    def emit(self, node, cycle, budget, out):
        """Appends the text of `node` for `cycle` to `out` while `budget` lasts; False when nothing was written."""
        size = node.end - node.start
        if size <= UNIT_BYTES or not any(local(c.tag) in HIERARCHY for c in node.children):
            if budget[0] <= 0:
                return False
            out.append(self.subtree(node, cycle))
            budget[0] -= size
            return True
        # A large container: its start tag, the text between children and the children that are not provisions
        # (num, heading, intro) are written when at least one of its provisions is.
        pieces = []
        written = False
        cursor = node.start
        delta = self.delta(node, cycle)
        for child in node.children:
            pieces.append(self.text(cursor, child.start))
            if local(child.tag) in HIERARCHY:
                written = self.emit(child, cycle, budget, pieces) or written
            elif delta and local(child.tag) == "num":
                pieces.append(self.new_num(self.text(child.start, child.end), delta))
            else:
                pieces.append(self.subtree(child, cycle))
            cursor = child.end
        pieces.append(self.text(cursor, node.end))
        if written:
            out.append("".join(pieces))
        return written

    def cycle_text(self, cycle, budget):
        pieces = []
        cursor = self.body.start
        body_children = self.body.children
        start_tag_end = self.data.index(b">", self.body.start) + 1
        cursor = start_tag_end
        for child in body_children:
            pieces.append(self.text(cursor, child.start))
            self.emit(child, cycle, budget, pieces)
            cursor = child.end
        closing = self.data.rindex(b"</", self.body.start, self.body.end)
        pieces.append(self.text(cursor, closing))
        text = "".join(pieces)
        return self.rewrite_refs(text, cycle)

    def rewrite_refs(self, text, cycle):
        text = re.sub(r'\beId="([^"]*)"', lambda m: 'eId="%s"' % self.new_id(m.group(1), cycle), text)
        present = set(re.findall(r'\beId="([^"]*)"', text))

        def ref(m):
            target = m.group(2)
            if target not in self.body_ids:
                return m.group(0)
            new = self.new_id(target, cycle)
            if new in present:
                return '%s="#%s"' % (m.group(1), new)
            if m.group(1) == "href":  # not written: the published act's provision
                return 'href="%s#%s"' % (self.published, target)
            return m.group(0)

        return re.sub(r'\b(href|refersTo)="#([^"]*)"', ref, text)

    # ---- the whole act ------------------------------------------------------------------------------------

    def write(self, size_bytes, out_path):
        source_size = len(self.data)
        head = self.text(0, self.meta.start)
        body_open = self.text(self.meta.end, self.data.index(b">", self.body.start) + 1)
        tail = self.text(self.data.rindex(b"</", self.body.start, self.body.end), len(self.data))
        meta = self.text(self.meta.start, self.meta.end)
        fixed = len(head) + len(body_open) + len(tail)
        body_size = self.body.end - self.body.start
        cycle0 = None
        if size_bytes < source_size:
            # Keep the metadata in proportion: the body gets what remains after the metadata it uses.
            budget = [max(size_bytes - fixed - len(meta) * size_bytes // source_size, 1)]
            cycle0 = self.cycle_text(0, budget)
            meta = self.trim_meta(meta, cycle0)
        written = 0
        with open(out_path, "w", encoding="utf-8") as out:
            out.write(head)
            out.write(meta)
            out.write(body_open)
            written += len(head) + len(meta) + len(body_open)
            cycle = 0
            while True:
                remaining = size_bytes - written - len(tail)
                if remaining <= 0:
                    break
                if cycle == 0 and cycle0 is not None:
                    text = cycle0
                elif remaining >= body_size:
                    text = self.rewrite_refs(self.full_cycle(cycle), cycle)
                else:
                    text = self.cycle_text(cycle, [remaining])
                out.write(text)
                written += len(text.encode("utf-8"))
                cycle += 1
            out.write(tail)
        return cycle

    def full_cycle(self, cycle):
        text = self.subtree(self.body, cycle)
        start_tag = self.data.index(b">", self.body.start) + 1 - self.body.start
        closing = self.body.end - self.data.rindex(b"</", self.body.start, self.body.end)
        return text[start_tag:len(text) - closing]

    def trim_meta(self, meta, body_text):
        """Only the notes and temporal restrictions the written body uses."""
        present = set(re.findall(r'\beId="([^"]*)"', body_text))
        used = set(re.findall(r'\bhref="#([^"]*)"', body_text))
        meta = re.sub(r'\s*<restriction\b[^>]*\bhref="#([^"]*)"[^>]*/>',
                      lambda m: m.group(0) if m.group(1) in present or m.group(1) not in self.body_ids else "", meta)

        def note(m):
            eid = re.search(r'\beId="([^"]*)"', m.group(0))
            return m.group(0) if eid is None or eid.group(1) in used else ""

        meta = re.sub(r'\s*<note\b[^>]*>.*?</note>', note, meta, flags=re.S)

        def ref(m):
            target = m.group(1)
            if target in self.body_ids and target not in present:
                return 'href="%s#%s"' % (self.published, target)
            return m.group(0)

        return re.sub(r'\bhref="#([^"]*)"', ref, meta)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size_mb", type=float, help="size of the act to write, in MB (10^6 bytes)")
    parser.add_argument("out", help="the Akoma Ntoso file to write")
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="the real act to repeat (default: %(default)s)")
    args = parser.parse_args()
    if not os.path.exists(args.source):
        sys.exit("make-synthetic-act: %s is absent (give another act with --source)" % args.source)
    with open(args.source, "rb") as f:
        data = f.read()
    synth = Synthesizer(data)
    cycles = synth.write(int(args.size_mb * 1e6), args.out)
    print("%s: %.1f MB, %d cycle(s) of %s" % (args.out, os.path.getsize(args.out) / 1e6, cycles,
                                              os.path.basename(args.source)))


if __name__ == "__main__":
    main()
