"""A language is one folder: a toy French folder gives triples without a line of code.

The predicate vocabulary, the cues and the relation passes read a language only from its folder
(``kg/lang/<xx>/`` or a directory of ``KG_LANG_DIRS``). This test writes a small French folder in a
temporary directory and, in a fresh interpreter (the vocabulary is read once per process), reads a
hand-built French parse: "Moscou a démenti les informations, et la Russie a sanctionné l'Ukraine."
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FOLDER = {
    "language.toml": 'name = "French"\n',
    "lexicon.toml": (
        '[STATES]\nverbs = ["dire", "déclarer"]\n\n'
        '[DENIES]\nverbs = ["démentir", "nier"]\n\n'
        '[SANCTIONS]\nverbs = ["sanctionner"]\nprep = ["contre"]\n'
    ),
    "verbs.toml": 'particle_join = "suffix"\npassive_auxiliaries = ["être"]\nagent_prepositions = ["par"]\n',
    "negations.txt": "ne\npas\njamais\n",
    "complementizers.txt": "que\nqu'\n",
}

SCRIPT = r"""
import json, sys
from spacy.tokens import Doc
from spacy.vocab import Vocab
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.relations import extract_relations
from kg.lang import available_languages
from kg.model import Entity
from kg.predicates import languages

rows = [
    ("Moscou", "Moscou", 2, "nsubj", "PROPN"), ("a", "avoir", 2, "aux", "AUX"),
    ("démenti", "démentir", 2, "ROOT", "VERB"), ("les", "le", 4, "det", "DET"),
    ("informations", "information", 2, "obj", "NOUN"), (".", ".", 2, "punct", "PUNCT"),
    ("La", "le", 7, "det", "DET"), ("Russie", "Russie", 9, "nsubj", "PROPN"), ("a", "avoir", 9, "aux", "AUX"),
    ("sanctionné", "sanctionner", 9, "ROOT", "VERB"), ("l'Ukraine", "Ukraine", 9, "obj", "PROPN"),
    (".", ".", 9, "punct", "PUNCT"),
]
doc = Doc(Vocab(), words=[r[0] for r in rows], lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
          deps=[r[3] for r in rows], pos=[r[4] for r in rows],
          sent_starts=[True, False, False, False, False, False, True, False, False, False, False, False])
RUS = Entity("country:RUS", "Russia", "Country", country="RUS")
UKR = Entity("country:UKR", "Ukraine", "Country", country="UKR")
index = MentionIndex([Mention(0, 1, RUS, "Moscou"), Mention(7, 8, RUS, "Russie"), Mention(10, 11, UKR, "l'Ukraine")])
triples = extract_relations(doc, index, "fr", "a1")
print(json.dumps({
    "available": available_languages(), "vocabulary": languages(),
    "triples": sorted([t.subject.key, t.predicate, getattr(t.object, "key", None), t.plover] for t in triples),
}))
"""


def test_a_toy_language_needs_only_a_folder(tmp_path):
    folder = tmp_path / "fr"
    folder.mkdir()
    for name, text in FOLDER.items():
        (folder / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "KG_LANG_DIRS": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert "fr" in got["available"] and "fr" in got["vocabulary"]
    assert ["country:RUS", "SANCTIONS", "country:UKR", "SANCTION"] in got["triples"]
    assert any(t[:2] == ["country:RUS", "DENIES"] and t[3] == "REJECT" for t in got["triples"])
