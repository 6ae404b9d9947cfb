import json,collections,sys
ev=json.load(open(sys.argv[1]))['recording']['events']
tot=0;c=collections.Counter()
for e in ev:
    fr=[f["method"]["type"]["name"].replace("/",".")+"."+f["method"]["name"] for f in (e["values"].get("stackTrace") or {}).get("frames",[])]
    fr=fr[::-1]  # outermost first
    if not any(f.endswith('RuleCatalog.run') for f in fr): continue
    tot+=1
    i=[k for k,f in enumerate(fr) if f.endswith('RuleCatalog.run')][0]
    rest=[f for f in fr[i+1:] if f.startswith('io.easnet') and '$$Lambda' not in f and 'lambda$' not in f]
    key=rest[0] if rest else '(RuleCatalog.run self/JDK)'
    if key.endswith('EstateAnalysis.of') and len(rest)>1:
        key='EstateAnalysis.of > '+rest[1].split('.')[-2]+'.'+rest[1].split('.')[-1]
        if 'PathAnalyzer.analyse' in key and len(rest)>2: key='EstateAnalysis.of > '+rest[2].split('.')[-2]+'.'+rest[2].split('.')[-1]
    c[key]+=1
print(tot,'samples under RuleCatalog.run')
for k,v in c.most_common(25): print(f"{100*v/tot:5.1f}% {v:4d} {k}")
