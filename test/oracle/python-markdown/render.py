"""Renders TWiR issues as the site does (Python-Markdown with extra, meta, toc, codehilite, as
pelicanconf.py configures it) and prints, per file, what a reader would see wrong: literal `**`,
headings, list lines swallowed into a paragraph and tags outside the set TWiR's CI allows, and every
list item with its nesting depth. Each is located by the links of its block and its text.

    python3 render.py FILE...   ->   {"version": "...", "files": {FILE: [anomaly, ...]}}
"""
import json
import re
import sys
from html.parser import HTMLParser

import markdown

ALLOWED = {'p', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'hr', 'li', 'ul', 'ol', 'em', 'code',
           'blockquote', 'small', 'br', 'pre', 'div', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
           'img', 'sup', 'dl', 'dt', 'dd', 'abbr', 'del', 'details', 'summary', 'i', 'b'}
BLOCKS = {'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'dd', 'dt'}


class Block:
    def __init__(self, tag, parent_list_depth):
        self.tag = tag
        self.text = ''
        self.hrefs = []
        self.depth = parent_list_depth
        self.first_child = None
        self.code = 0


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anomalies = []
        self.blocks = []
        self.lists = 0
        self.code = 0

    def block(self):
        return self.blocks[-1] if self.blocks else None

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.anomalies.append({'kind': 'tag', 'name': tag, 'text': self.get_starttag_text(), 'hrefs': self.block().hrefs if self.block() else []})
        if tag in ('code', 'pre'):
            self.code += 1
        if tag in ('ul', 'ol'):
            self.lists += 1
        block = self.block()
        if block and block.first_child is None:
            block.first_child = tag
        if tag == 'a':
            href = dict(attrs).get('href')
            for open_block in self.blocks:
                if href:
                    open_block.hrefs.append(href)
        if tag in BLOCKS:
            self.blocks.append(Block(tag, self.lists))

    def handle_endtag(self, tag):
        if tag in ('code', 'pre'):
            self.code -= 1
        if tag in ('ul', 'ol'):
            self.lists -= 1
        if tag in BLOCKS and self.blocks and self.blocks[-1].tag == tag:
            self.close(self.blocks.pop())

    def handle_data(self, data):
        for block in self.blocks:
            block.text += data
        # Exactly two asterisks left in the text: bold that did not happen (`f***` is no bold).
        if not self.code and re.search(r'(?<!\*)\*\*(?!\*)', data):
            block = self.block()
            self.anomalies.append({'kind': 'asterisks', 'text': data.strip(), 'hrefs': list(block.hrefs) if block else []})

    def close(self, block):
        text = block.text.strip()
        if block.tag[0] == 'h' and block.tag[1:].isdigit():
            self.anomalies.append({'kind': 'heading', 'level': int(block.tag[1:]), 'text': text, 'hrefs': block.hrefs})
        elif block.tag == 'p':
            for line in block.text.split('\n'):
                if re.match(r'\s*[*+-] \S', line):
                    self.anomalies.append({'kind': 'swallowed', 'text': line.strip(), 'hrefs': block.hrefs})
        elif block.tag == 'li':
            # Every item with its nesting depth: the test tells a flattened nested item from its source.
            self.anomalies.append({'kind': 'item', 'depth': block.depth, 'text': text.split('\n')[0], 'hrefs': block.hrefs[:1]})


def render(text):
    return markdown.Markdown(extensions=['extra', 'meta', 'toc', 'codehilite'], extension_configs={'codehilite': {'guess_lang': False}}).convert(text)


files = {}
for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as handle:
        reader = Reader()
        reader.feed(render(handle.read()))
        files[path] = reader.anomalies
print(json.dumps({'version': markdown.__version__, 'files': files}))
