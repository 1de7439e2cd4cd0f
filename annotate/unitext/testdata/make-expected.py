#!/usr/bin/env python3
"""Writes edge-cases.txt and edge-cases.expected.json.

Offsets are computed here, in Python, independently of Gloss's Go code:
a Python str is indexed by code point, so a span's code point offsets are
str.find results; its UTF-8 offsets are the byte lengths of the prefixes
(len(s[:i].encode("utf-8"))) and its UTF-16 offsets the number of UTF-16
code units of the prefixes (len(s[:i].encode("utf-16-le")) // 2).
Run it from this folder: python3 make-expected.py
"""
import hashlib, json

lines = [
    "Geneva — Officials said “the partnership is stable” 🤝 after the vote.\r\n",
    "北京 and Москва issued a note; the caf\u00e9 (one code point) and the cafe\u0301 (e + U+0301) differ.\n",
    "Observers 👨\u200d👩\u200d👧 expect “slow convergence” by 2027.\n",
    "Flags 🇫🇷 and 🇯🇵, a 👍🏽 thumb, a ❤\ufe0f heart, x² and ½.\r\n",
    "Hebrew שלום and Arabic السلام عليكم, then\ttab.\n",
    "Hindi नमस्ते and Thai สวัสดี; a non\u00a0breaking and a narrow\u202fno-break space.\n",
    "Math letters 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 take two UTF-16 units each.\n",
]
text = "".join(lines)

# (label, text, occurrence): the n-th occurrence (from 0) of text.
spans = [
    ("actor", "Officials", 0),
    ("claim", "“the partnership is stable” 🤝", 0),
    ("actor", "北京", 0),
    ("actor", "Москва", 0),
    ("actor", "caf\u00e9", 0),
    ("actor", "cafe\u0301", 0),
    ("actor", "Observers 👨\u200d👩\u200d👧", 0),
    ("actor", "🇫🇷", 0),
    ("claim", "expect “slow convergence”", 0),
    ("prediction", "“slow convergence” by 2027", 0),
    ("actor", "שלום", 0),
    ("actor", "السلام عليكم", 0),
    ("actor", "नमस्ते", 0),
    ("actor", "สวัสดี", 0),
    ("claim", "non\u00a0breaking", 0),
    ("actor", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", 0),
]

def u8(i): return len(text[:i].encode("utf-8"))
def u16(i): return len(text[:i].encode("utf-16-le")) // 2

out = []
for label, sub, n in spans:
    start = -1
    for _ in range(n + 1):
        start = text.find(sub, start + 1)
    assert start >= 0, sub
    end = start + len(sub)
    out.append({"start": start, "end": end, "label": label, "text": sub,
                "utf8_start": u8(start), "utf8_end": u8(end),
                "utf16_start": u16(start), "utf16_end": u16(end)})

with open("edge-cases.txt", "w", encoding="utf-8", newline="") as f:
    f.write(text)
doc = {
    "document": "edge-cases.txt",
    "offset_unit": "Unicode code points, half-open [start, end)",
    "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    "code_points": len(text),
    "utf8_bytes": len(text.encode("utf-8")),
    "utf16_units": len(text.encode("utf-16-le")) // 2,
    "spans": out,
}
with open("edge-cases.expected.json", "w", encoding="utf-8", newline="\n") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
