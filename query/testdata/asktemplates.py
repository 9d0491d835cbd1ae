#!/usr/bin/env python3
"""Ask questions made from gold relations, one template per predicate and end, of kg graphs.

Usage (from the repository root): python3 query/testdata/asktemplates.py KG_BIN DIR...
where each DIR holds NAME.txt with NAME.gold.json (../shared/corpus/seed, extract/testdata/heldout).
For every gold relation it asks "who PHRASE <object>" and "WH did <subject> PHRASE", wants every
gold entity in that role, and scores answers the way ../shared/eval/score.py scores questions.
A miss is marked PARSER when the exported graph holds the answer (found by the gold entity's
surfaces) but the question did not find it, BAD when the graph itself lacks it.
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/eval"))
import score  # noqa: E402

SYM = {"accompanied", "family-of", "met"}
# (question about the object: answer subjects), (question about the subject: answer objects)
T = {
 "advised": ("who advised {o}", "who did {s} advise"),
 "accompanied": ("who travelled with {o}", "who accompanied {s}"),
 "accused-of": ("who is accused of the {o}", "what is {s} accused of"),
 "accused": ("who accused {o}", "who did {s} accuse"),
 "convicted-of": ("who was convicted of the {o}", "what was {s} convicted of"),
 "victim-of": ("who was a victim of the {o}", "what was {s} a victim of"),
 "defected-from": ("who defected from the {o}", "what did {s} defect from"),
 "member-of": ("who is a member of the {o}", "what is {s} a member of"),
 "family-of": ("who is related to {o}", "who are {s}'s relatives"),
 "located-in": ("what is located in {o}", "where is {s} located"),
 "travelled-to": ("who travelled to {o}", "where did {s} travel to"),
 "held-at": ("who was held at {o}", "where was {s} held"),
 "ordered": ("who ordered {o}", "who did {s} order"),
 "negotiated": ("who negotiated the {o}", "what did {s} negotiate"),
 "met": ("who met {o}", "who did {s} meet"),
 "occurred-in": ("what happened in {o}", "where did the {s} take place"),
 "killed": ("who killed {o}", "who did {s} kill"),
 "lives-in": ("who lives in {o}", "where does {s} live"),
}

# T2 asks the same things other ways (ASK_TEMPLATES=2); with ASK_SURNAMES=1 a person is named
# by the last word of the name only.
T2 = {
 "advised": ("who was an adviser to {o}", "who was {s} an adviser to"),
 "accompanied": ("who accompanied {o}", "who did {s} travel with"),
 "accused-of": ("who was charged over the {o}", "what was {s} charged with"),
 "accused": ("who has accused {o}", "whom did {s} accuse"),
 "convicted-of": ("who was found guilty of the {o}", "what was {s} found guilty of"),
 "victim-of": ("who were the victims of the {o}", "what was {s} a victim of"),
 "defected-from": ("who quit the {o}", "which organisation did {s} defect from"),
 "member-of": ("which people belong to the {o}", "which organisation does {s} belong to"),
 "family-of": ("who are {o}'s relatives", "who is {s} related to"),
 "located-in": ("what is in {o}", "where is {s}"),
 "travelled-to": ("who went to {o}", "where did {s} go"),
 "held-at": ("who is being held at {o}", "where is {s} being held"),
 "ordered": ("who gave orders to {o}", "whom did {s} order"),
 "negotiated": ("who brokered the {o}", "what did {s} broker"),
 "met": ("who met with {o}", "who did {s} meet with"),
 "occurred-in": ("what took place in {o}", "where did the {s} happen"),
 "killed": ("who murdered {o}", "whom did {s} kill"),
 "lives-in": ("who lives in {o}", "where is {s} from"),
}
if os.environ.get("ASK_TEMPLATES") == "2":
    T = T2


def name_of(e):
    if os.environ.get("ASK_SURNAMES") == "1" and e["type"] == "person" and len(e["name"].split()) > 1:
        return e["name"].split()[-1]
    return e["name"]


def gen(gold):
    ents = {e["id"]: e for e in gold["entities"]}
    qs = {}
    for r in gold["relations"]:
        p = r["predicate"]
        if p not in T: continue
        for end in ("o", "s"):
            x = r["object"] if end == "o" else r["subject"]
            tmpl = T[p][0] if end == "o" else T[p][1]
            q = tmpl.format(o=name_of(ents[x]), s=name_of(ents[x]))
            want = set()
            for r2 in gold["relations"]:
                if r2["predicate"] != p: continue
                pairs = [(r2["subject"], r2["object"])]
                if p in SYM: pairs.append((r2["object"], r2["subject"]))
                for a, b in pairs:
                    if end == "o" and b == x: want.add(a)
                    if end == "s" and a == x: want.add(b)
            want.discard(x)
            qs[q] = (sorted(want), p, end, x)
    return qs

def oracle(gold, export, p, end, x):
    """What a perfect parser would answer from the export: names of entities related to x's match by p."""
    gsurf = score.surfaces(next(e for e in gold["entities"] if e["id"] == x))
    xs = {e["id"] for e in export["entities"] if score.norm(e["name"]) in gsurf}
    names = {e["id"]: e["name"] for e in export["entities"]}
    out = set()
    for r in export["relations"]:
        if r["predicate"] != p or score.unasserted(r): continue
        pairs = [(r["subject"], r["object"])]
        if p in SYM: pairs.append((r["object"], r["subject"]))
        for a, b in pairs:
            if end == "o" and b in xs: out.add(names.get(a, a))
            if end == "s" and a in xs: out.add(names.get(b, b))
    return sorted(out)

def main(kgbin, dirs):
    tot = [0, 0, 0]; exact = n = 0
    out = []
    for d in dirs:
        for gf in sorted(glob.glob(os.path.join(d, "*.gold.json"))):
            gold = json.load(open(gf))
            doc = gold.get("doc") or os.path.basename(gf).replace(".gold.json", ".txt")
            qs = gen(gold)
            export, answers = score.run_kg(kgbin, os.path.join(d, doc), list(qs))
            for q, (want, p, end, x) in qs.items():
                orc = oracle(gold, export, p, end, x)
                tp, fp, fn = score.score_answers(gold, {"answers": want}, answers[q])
                tot = [tot[0]+tp, tot[1]+fp, tot[2]+fn]; n += 1
                ok = fp == 0 and fn == 0; exact += ok
                mark = 'ok ' if ok else ('PARSER' if sorted(answers[q]) != orc else 'BAD')
                out.append(f"{mark} {doc[:14]} {q!r} -> {answers[q]} (want {want}; export has {orc})")
    p, r, f = score.prf(*tot)
    print("\n".join(out))
    print(f"TEMPLATE {exact}/{n} exact, answers P={p:.3f} R={r:.3f} F1={f:.3f}")

main(sys.argv[1], sys.argv[2:])
