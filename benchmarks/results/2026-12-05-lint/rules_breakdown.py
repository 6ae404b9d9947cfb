import json,collections,sys
ev=json.load(open(sys.argv[1]))['recording']['events']
tot=0;c=collections.Counter()
for e in ev:
    fr=[f["method"]["type"]["name"].replace("/",".")+"."+f["method"]["name"] for f in (e["values"].get("stackTrace") or {}).get("frames",[])][::-1]
    if not any(f.endswith('RuleCatalog.run') for f in fr): continue
    tot+=1
    if any(f.endswith('EstateAnalysis.of') for f in fr): continue
    rule=[f for f in fr if '.rules.internal.' in f and f.endswith('.check')]
    fp=[f for f in fr if 'fingerprint' in f]
    c[rule[0].split('.')[-2] if rule else ('Finding.fingerprint' if fp else 'other')]+=1
print(tot,'samples under RuleCatalog.run; outside EstateAnalysis.of, by rule:')
for k,v in c.most_common(14): print(f"  {100*v/tot:5.1f}% {k}")
