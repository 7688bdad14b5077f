#!/usr/bin/env python3
"""Writes rates/market-2026.ron from the dated public figures in
shared/data/rate-sources.md, by the derivation written at the top of the
output file. Run from the repository root: python3 tools/derive-market-2026.py
Exact decimal arithmetic throughout (no binary floats)."""
from decimal import Decimal as D, ROUND_HALF_UP

def r(x, step):
    return (D(x) / D(step)).quantize(D(1), rounding=ROUND_HALF_UP) * D(step)

LEVELS = {  # (low, typical, high) x the Mid typical salary of the place
    "Junior": (D("0.60"), D("0.75"), D("0.90")),
    "Mid": (D("0.85"), D("1.00"), D("1.15")),
    "Senior": (D("1.10"), D("1.30"), D("1.55")),
    "Lead": (D("1.35"), D("1.59"), D("1.85")),
}
ROLES = {  # id: (title, focus, factor on the developer baseline, why)
    "ai-engineer": ("AI engineer", "Engineering", D("1.06"),
                    "CIRS 15-1221 median 140,910 / software developers 133,080 = 1.059"),
    "mlops-engineer": ("MLOps engineer", "Engineering", D("1.06"),
                       "filed with AI engineers (CIRS 15-1221), same factor"),
    "data-engineer": ("Data engineer", "Engineering", D("1.00"),
                      "software developers 15-1252 baseline"),
    "ai-developer": ("AI developer", "Development", D("1.00"),
                     "software developers 15-1252 baseline"),
    "prompt-engineer": ("Prompt engineer", "Development", D("0.85"),
                        "data scientists 15-2051 median 112,590 / 133,080 = 0.846"),
}
# Mid typical salary of the developer baseline, per place; or per-level
# typicals where the source gives levels.
SALARY = {
    "us": ("USD", {"Mid": D("133080")}, "bls-oews-2024", "15-1252 median 133,080"),
    "uk": ("GBP", {"Mid": D("56914")}, "ons-ashe-2025", "ASHE 2025 provisional median 56,914"),
    "germany": ("EUR", {"Mid": D("6097") * 12}, "ba-entgeltatlas-2024", "median 6,097/month x 12 = 73,164"),
    "poland": ("PLN", {"Mid": D("22769") * 12}, "justjoinit-h1-2025", "average in job ads 22,769/month x 12 = 273,228"),
    "india": ("INR", {"Junior": D("1000000"), "Mid": D("3000000"), "Senior": D("5000000")}, "quess-2025",
              "AI roles: entry 8-12 lakh (10), 5-8 yrs 25-35 lakh (30), senior 45+ lakh (50)"),
    "brazil": ("BRL", {"Junior": D("3659") * D("13.33"), "Mid": D("7387") * D("13.33"), "Senior": D("14399") * D("13.33")},
               "codigofonte-2022", "monthly 3,659 / 7,387 / 14,399 x 13.33"),
}
# Mid typical hourly agency rate (developer baseline), its currency, source.
AGENCY = {
    "us": ("USD", D("117"), "bls-oews-2024", "cost-plus: 133,080 x burden 1.274 / (160 h x 12) x 1.32 SIA markup = 116.6"),
    "uk": ("GBP", D("71"), "itjobswatch-2026", "ML contracts median day rate 570 / 8 h = 71.25"),
    "germany": ("EUR", D("103"), "freelancermap-2026", "DACH freelancer average 103/h"),
    "poland": ("USD", D("53"), "vendor-bands-2026", "nearshore band 35-70, midpoint 52.5"),
    "india": ("USD", D("34"), "vendor-bands-2026", "offshore band 18-50, midpoint 34"),
    "brazil": ("USD", D("54"), "latam-vendor-2026", "LatAm senior 50-90, midpoint 70 / Senior factor 1.30 = 53.8"),
}

def level_typicals(given):
    if "Junior" in given:  # levels from the source; Lead by the generic Senior-to-Lead ratio
        out = dict(given)
        out["Lead"] = given["Senior"] * LEVELS["Lead"][1] / LEVELS["Senior"][1]
        return out
    mid = given["Mid"]
    return {lvl: mid * f[1] for lvl, f in LEVELS.items()}

def rng(typ, lvl, step):
    lo, t, hi = LEVELS[lvl]
    return r(typ * lo / t, step), r(typ, step), r(typ * hi / t, step)

salaries, agency = [], []
for loc, (cur, given, src, _) in SALARY.items():
    typs = level_typicals(given)
    for role, (_, _, factor, _) in ROLES.items():
        for lvl in LEVELS:
            lo, t, hi = rng(typs[lvl] * factor, lvl, 100)
            salaries.append(f'        (role: "{role}", level: {lvl}, location: "{loc}", annual: (low: {lo}, typical: {t}, high: {hi}), source: "{src}"),')
for loc, (cur, mid, src, _) in AGENCY.items():
    for role, (_, _, factor, _) in ROLES.items():
        for lvl in LEVELS:
            lo, t, hi = rng(mid * factor * LEVELS[lvl][1], lvl, 1)
            c = f', currency: "{cur}"' if cur != SALARY[loc][0] else ""
            agency.append(f'        (role: "{role}", level: {lvl}, location: "{loc}", hourly: (low: {lo}, typical: {t}, high: {hi}){c}, source: "{src}"),')

header = open("tools/market-2026.head.ron").read()
tail = open("tools/market-2026.tail.ron").read()
with open("rates/market-2026.ron", "w") as f:
    f.write(header)
    f.write("    salaries: [\n" + "\n".join(salaries) + "\n    ],\n")
    f.write("    // Agency rates: Mid typical per place (below) x role factor x level\n")
    f.write("    // factor, rounded to whole units; entries name their currency where\n")
    f.write("    // vendors quote in USD.\n")
    for loc, (cur, mid, src, why) in AGENCY.items():
        f.write(f"    //   {loc:8} {cur} {mid}/h  ({src}: {why})\n")
    f.write("    agency_rates: [\n" + "\n".join(agency) + "\n    ],\n")
    f.write(tail)
