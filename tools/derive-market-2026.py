#!/usr/bin/env python3
"""Writes rates/market-2026.ron from the dated public figures in
shared/data/rate-sources.md, by the derivation written at the top of the
output file and beside each location's terms.

    python3 tools/derive-market-2026.py          # write rates/market-2026.ron
    python3 tools/derive-market-2026.py --check  # exit 1 if the file differs

Exact decimal arithmetic throughout (no binary floats)."""
import difflib
import os
import re
import sys
from decimal import Decimal as D, ROUND_HALF_UP

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

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

# ---------------------------------------------------------------------------
# Terms of plans over time (MODEL.md section 8): availability, attrition and
# annual_raise of in-house seats, annual_increase of agency rates, and the
# productivity of each level. Each term is (low, typical, high), each corner a
# (value, why); the comment written beside the term in the table names the
# sources (with their dates, read from the `sources` map of the head) and the
# section of rate-sources.md.

WEEKDAYS = 261  # weekdays in 2026 (rate-sources.md section 7)


def days(leave, holidays, why):
    """Availability = (weekdays - leave - public holidays) / weekdays."""
    v = (D(WEEKDAYS - leave - holidays) / D(WEEKDAYS)).quantize(D("0.001"), rounding=ROUND_HALF_UP)
    return (v, f"({WEEKDAYS} - {leave} - {holidays}) / {WEEKDAYS}: {why}")


def share(v, why):
    return (D(v), why)


AVAILABILITY = {  # section 7; sick days are not subtracted (no source)
    "us": (["bls-ncs-2024"], None, (
        days(19, 11, "19 days' leave, the top of the 15-19 day band (21% of workers after 1 year, 31% after 5), + 11 federal holidays"),
        days(15, 10, "15 days' leave + 10 holidays, the US default of section 7"),
        days(7, 10, "7 days' leave, the middle of the 5-9 day band (the largest group after 1 year, 33%), + 10 holidays"),
    )),
    "uk": (["gov-uk-holiday", "teamcost-assumption"], "no typical figure for tech employees was found (section 13), so typical and high are the statutory minimum", (
        days(25, 8, "25 days' leave + 8 bank holidays, a common tech package (teamcost-assumption)"),
        days(20, 8, "the statutory 28 days, 8 bank holidays included"),
        days(20, 8, "the statutory minimum"),
    )),
    "germany": (["gehalt-de-leave", "de-leave-2026"], None, (
        days(29, 13, "29 days' leave (gehalt-de-leave) + 13 holidays (Bavaria)"),
        days(29, 9, "29 days' leave, the average of 28.9-29 (gehalt-de-leave), + 9 national holidays"),
        days(20, 9, "the statutory 20 days + 9 national holidays"),
    )),
    "poland": (["pl-kodeks-pracy"], "a degree counts as 8 years of service, so a graduate has 26 days after 2 years of work; a holiday on a Saturday earns a day off, so all 14 count", (
        days(26, 14, "26 days' leave + 14 holidays"),
        days(26, 14, "26 days' leave + 14 holidays"),
        days(20, 14, "20 days' leave (under 10 years of service) + 14 holidays"),
    )),
    "india": (["in-leave-policy"], None, (
        days(33, 10, "a common IT policy taken in full, 21 earned + 6 casual + 6 sick days, + 10 holidays"),
        days(27, 10, "21 earned + 6 casual days + 10 holidays"),
        days(18, 10, "the Karnataka statutory 18 days + 10 holidays"),
    )),
    "brazil": (["br-clt-leave-2026"], None, (
        days(22, 12, "30 calendar days = 22 working days' leave + 10 national holidays + the 2 optional Carnival days"),
        days(22, 10, "22 working days' leave + 10 national holidays"),
        days(22, 10, "22 working days' leave + 10 national holidays"),
    )),
}

ATTRITION = {  # section 5: voluntary leavers a year, except Brazil (all separations)
    "us": (["aon-us-turnover-2021", "linkedin-turnover-2018"],
           "no US figure for tech after 2018; the JOLTS quits rate (about 24-25% a year) is left out: retail and hospitality dominate it", (
        share("0.119", "Aon, US voluntary departures 2020"),
        share("0.132", "LinkedIn, technology sector, the only tech-specific figure"),
        share("0.172", "Aon, 2021, the Great Resignation peak"),
    )),
    "uk": (["wtw-uk-2026"], "all industries; no UK tech figure was found", (
        share("0.086", "WTW, voluntary turnover, late 2025"),
        share("0.086", "WTW, voluntary turnover, late 2025"),
        share("0.101", "WTW, the year before"),
    )),
    "germany": (["linkedin-turnover-2018", "isg-de-2021"], "no German figure after 2021 (section 13)", (
        share("0.132", "LinkedIn, technology sector (global); no lower German figure"),
        share("0.132", "LinkedIn, technology sector (global)"),
        share("0.212", "ISG, German IT service providers 2021"),
    )),
    "poland": (["mercer-pl-2026"], "all industries, more than 900 firms", (
        share("0.065", "Mercer, voluntary turnover 2025"),
        share("0.065", "Mercer, voluntary turnover 2025"),
        share("0.13", "2024, twice 2025 (\"about half\" of 2024) (derived)"),
    )),
    "india": (["in-it-attrition-q3fy26", "aon-in-2025"], None, (
        share("0.123", "the lowest of the five IT majors (Infosys), voluntary, Dec 2025"),
        share("0.135", "the median of the five IT majors (TCS), voluntary, Dec 2025"),
        share("0.171", "Aon, all industries, 2025"),
    )),
    "brazil": (["assespro-br-2019", "4intelligence-br-2025"],
               "no voluntary or tech figure after 2019 (section 13): these count every separation, dismissals too; each is replaced like a leaver", (
        share("0.34", "no lower figure than typical"),
        share("0.34", "36% economy-wide in 2025 x (39 / 41), IT's ratio to the economy in 2019 (derived)"),
        share("0.39", "IT sector, 2019"),
    )),
}

RAISE = {  # section 6: increase budgets for 2026
    "us": (["mercer-us-2026", "worldatwork-2026"], None, (
        share("0.032", "Mercer, merit budget"),
        share("0.035", "Mercer, total budget, the middle of WTW 3.4% / Mercer 3.5% / WorldatWork 3.6%"),
        share("0.036", "WorldatWork, mean"),
    )),
    "uk": (["wtw-uk-2026"], "the one UK budget found", (
        share("0.036", "WTW"),
        share("0.036", "WTW"),
        share("0.036", "WTW"),
    )),
    "germany": (["wtw-de-2026", "wtw-de-2025"], None, (
        share("0.034", "WTW, freezes included"),
        share("0.035", "WTW, freezes excluded"),
        share("0.04", "WTW, software companies (the 2025 projection)"),
    )),
    "poland": (["wtw-pl-2026", "mercer-pl-2026"], None, (
        share("0.05", "WTW, median"),
        share("0.055", "Mercer, base pay (the larger survey)"),
        share("0.055", "Mercer, base pay (the larger survey)"),
    )),
    "india": (["aon-in-2026", "aon-in-2025"], "the table's Indian salaries are AI roles at product firms and GCCs (quess-2025), so typical is that segment", (
        share("0.066", "Aon phase II, Tech Consulting and Services"),
        share("0.094", "Aon, Tech Platform and Products (both phases)"),
        share("0.095", "Aon phase I, GCCs"),
    )),
    "brazil": (["wtw-br-2026"], "the one Brazilian budget found", (
        share("0.058", "WTW, average"),
        share("0.058", "WTW, average"),
        share("0.058", "WTW, average"),
    )),
}

# Agency rate increases: only the DACH freelancer series of section 3.1 gives
# a rate over several years; elsewhere the place's raise budget stands in.
_f22, _f23, _f26 = D("96"), D("100.26"), D("103")


def cagr(a, b, years):
    return ((b / a) ** (D(1) / D(years)) - 1).quantize(D("0.001"), rounding=ROUND_HALF_UP)


NO_AGENCY_SERIES = "no series of agency rates over time was found for this place (section 3.1), so this is annual_raise: an agency's pay bill rises with local pay"
INCREASE = {
    "germany": (["freelancermap-2023", "freelancermap-2026"],
                "freelancer average hourly rate EUR 96 (2022), 100.26 (2023), 103 (2026)", (
        (cagr(_f23, _f26, 3), "2023 to 2026 a year: (103 / 100.26)^(1/3) - 1"),
        (cagr(_f22, _f26, 4), "2022 to 2026 a year: (103 / 96)^(1/4) - 1"),
        (cagr(_f22, _f23, 1), "2022 to 2023: 100.26 / 96 - 1"),
    )),
}
for _loc in ("us", "uk", "poland", "india", "brazil"):
    _srcs, _, _corners = RAISE[_loc]
    _why = NO_AGENCY_SERIES
    if _loc == "uk":
        _why += "; ITJobsWatch's ML contract median moved 550 -> 570 GBP a day between windows ending 2025-11 and 2026-01, too short to read as a year"
    elif _loc in ("poland", "india"):
        _why += "; the rates are quoted in USD, so this assumes vendors pass local raises on"
    elif _loc == "brazil":
        _why += "; the rates are quoted in USD, so this assumes vendors pass local raises on"
    INCREASE[_loc] = (_srcs, _why, tuple((v, "the same figures as annual_raise") for v, _ in _corners))

# Productivity by level (section 8): COCOMO II.2000 effort multipliers, lower
# = less effort. Levels are read on COCOMO's experience scale (teamcost's
# reading, not COCOMO's): Junior about 1 year (N), Mid about 3 years (H),
# Senior and Lead 6 years or more (VH, the top of the scale).
COCOMO = {
    "ACAP": {"N": D("1.00"), "H": D("0.85"), "VH": D("0.71")},
    "PCAP": {"N": D("1.00"), "H": D("0.88"), "VH": D("0.76")},
    "APEX": {"N": D("1.00"), "H": D("0.88"), "VH": D("0.81")},
    "PLEX": {"N": D("1.00"), "H": D("0.91"), "VH": D("0.85")},
    "LTEX": {"N": D("1.00"), "H": D("0.91"), "VH": D("0.84")},
}
EXPERIENCE, CAPABILITY = ("APEX", "PLEX", "LTEX"), ("ACAP", "PCAP")
RATING = {"Junior": "N", "Mid": "H", "Senior": "VH", "Lead": "VH"}


def effort(drivers, rating):
    out = D(1)
    for d in drivers:
        out *= COCOMO[d][rating]
    return out


def relative(drivers, lvl):  # output of a person-month at lvl, Mid = 1
    return effort(drivers, RATING["Mid"]) / effort(drivers, RATING[lvl])


def r2(x):
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def productivity():
    lines = [
        "    // Productivity by level (cocomo-ii-2000, 2000; rate-sources.md section 8): the",
        "    // output of a person-month, Mid = 1, from the COCOMO II effort multipliers.",
        "    // Levels read on COCOMO's experience scale (teamcost-assumption): Junior",
        "    // about 1 year (N), Mid about 3 years (H), Senior and Lead 6 years or more",
        "    // (VH, the top of the scale, so COCOMO cannot tell a Lead from a Senior).",
        "    //   experience = APEX x PLEX x LTEX at Mid / at the level,",
        "    //   capability = ACAP x PCAP at Mid / at the level (percentiles 55 / 75 / 90);",
        "    //   typical = the mean of the two, low and high = the lowest and highest of",
        "    //   experience, capability and both together (experience x capability);",
        "    //   rounded to 0.01. COCOMO describes teams, not individuals.",
    ]
    block = []
    for lvl in ("Junior", "Mid", "Senior", "Lead"):
        if lvl == "Mid":
            block.append("Mid: 1")
            continue
        e, c = relative(EXPERIENCE, lvl), relative(CAPABILITY, lvl)
        b = e * c
        lo, t, hi = r2(min(e, c, b)), r2((e + c) / 2), r2(max(e, c, b))
        lines.append(f"    //   {lvl:6} experience {e:.3f}, capability {c:.3f}, both {b:.3f} -> {lo} / {t} / {hi}")
        block.append(f"{lvl}: {rng_text((lo, t, hi))}")
    lines.append("    productivity: {")
    lines.append("        " + ", ".join(block[:2]) + ",")
    lines.append("        " + ", ".join(block[2:]) + ",")
    lines.append("    },")
    return "\n".join(lines) + "\n"


def fmt(v):
    return f"{v.normalize():f}"


def rng_text(corners):
    lo, t, hi = corners
    if lo == t == hi:
        return fmt(lo)
    return f"(low: {fmt(lo)}, typical: {fmt(t)}, high: {fmt(hi)})"


def source_dates(head):
    dates = dict(re.findall(r'^\s*"([\w.-]+)": \(title: .*?published: "([^"]+)"', head, re.M))
    return dates


def term(field, rule, entry, section, dates, indent):
    srcs, note, corners = entry
    for s in srcs:
        if s not in dates:
            sys.exit(f"derive-market-2026: source `{s}` of {field} is not in the sources of the head")
    out = [f"{indent}// {field}{': ' + rule if rule else ''}"]
    done = []
    if len({why for _, why in corners}) == 1:  # one reason for all three: say it once
        out.append(f"{indent}//   {corners[0][1]}")
        corners_listed = ()
    else:
        corners_listed = corners
    for name, (v, why) in zip(("low", "typical", "high"), corners_listed):
        if done and done[-1][1:] == (v, why):
            done[-1] = (done[-1][0] + ", " + name, v, why)
        else:
            done.append((name, v, why))
    for names, v, why in done:
        out.append(f"{indent}//   {names} {fmt(v)}: {why}")
    if note:
        out.append(f"{indent}//   ({note})")
    cited = "; ".join(f"{s}, {dates[s]}" for s in srcs)
    out.append(f"{indent}//   [{cited}; rate-sources.md section {section}]")
    out.append(f"{indent}{field}: {rng_text(tuple(v for v, _ in corners))},")
    return out


def plan_terms(head):
    dates = source_dates(head)
    ind = " " * 16
    for loc in SALARY:
        lines = term("availability", "(weekdays - leave - holidays) / weekdays; sick days not subtracted (no source)", AVAILABILITY[loc], 7, dates, ind)
        lines += term("attrition", "leavers a year, each replaced", ATTRITION[loc], 5, dates, ind)
        lines += term("annual_raise", "2026 increase budgets", RAISE[loc], 6, dates, ind)
        head = replace_once(head, f"@IN_HOUSE:{loc}@", "\n".join(lines))
        lines = term("annual_increase", "yearly rise of the agency rates", INCREASE[loc], "3.1", dates, ind)
        head = replace_once(head, f"@AGENCY:{loc}@", "\n".join(lines))
    return head


def replace_once(text, marker, by):
    if text.count(marker) != 1:
        sys.exit(f"derive-market-2026: marker {marker} must appear once in the head or tail")
    return text.replace(marker, by)


head = plan_terms(open("tools/market-2026.head.ron").read())
tail = replace_once(open("tools/market-2026.tail.ron").read(), "@PRODUCTIVITY@\n", productivity())
out = [head, "    salaries: [\n" + "\n".join(salaries) + "\n    ],\n",
       "    // Agency rates: Mid typical per place (below) x role factor x level\n",
       "    // factor, rounded to whole units; entries name their currency where\n",
       "    // vendors quote in USD.\n"]
for loc, (cur, mid, src, why) in AGENCY.items():
    out.append(f"    //   {loc:8} {cur} {mid}/h  ({src}: {why})\n")
out += ["    agency_rates: [\n" + "\n".join(agency) + "\n    ],\n", tail]
text = "".join(out)

# ---------------------------------------------------------------------------
# Skill premiums (teamcost's model, section 3): shares of salary and of the
# hourly rate a seat with the skill is paid on top, from rate-sources.md
# section 2 (and 1.4, 1.5 where they give a skill's pay beside the
# baseline). Kept apart from the salary, agency and location parts above:
# this block adds its sources to the head's `sources` map and writes
# `premiums` after `agency_rates`. Ratios are exact decimals, rounded to
# whole percent.

PREMIUM_SOURCES = {  # id: (title, url, published, grade, note)
    "quess-genai-2025": (
        "Quess Corp via newsbytes: GenAI roles pay 15-20% more than traditional AI/ML roles at the same experience, India",
        "https://www.newsbytesapp.com/news/science/india-faces-acute-shortage-of-ai-engineers/story",
        "2025", "C", "India only, press report of a report"),
    "teamlease-gcc-2026": (
        "TeamLease Digital Skills and Salary Primer FY2025-26: senior GenAI engineering and MLOps in global capability centres INR 58-60 lakh a year; FY2025 primer: AI/ML engineers with 8+ years up to 43 lakh",
        "https://www.storyboard18.com/how-it-works/indias-ai-talent-gap-to-widen-53-by-2026-cloud-computing-faces-up-to-60-demand-supply-mismatch-79776.htm",
        "2025", "C", "graded B/C in rate-sources.md; tops of ranges, two editions"),
    "soda-2024": (
        "SoDA Raport placowy 2024 via rp.pl: senior medians per month, DevOps / cloud engineer PLN 21,500 employment (UoP) gross, 25,200 B2B net; developer 17,500 and 24,400",
        "https://cyfrowa.rp.pl/it/art40187031-nowi-krolowie-it-juz-nie-programisci-czy-developerzy-zarabiaja-najwiecej",
        "2024-04", "B", None),
}


def pct(a, b):  # a / b - 1, to whole percent
    return r(D(a) / D(b) - 1, "0.01")


# id: (title, source, salary corners, agency corners); each corner (value, why)
PASS_THROUGH = "as salary: a cost-plus agency rate (loaded pay x markup, as this table's us rate) passes a pay premium through in proportion"
NO_SURCHARGE = "no source quotes an agency surcharge for the skill (section 3), so it may be none"
PREMIUMS = {
    "genai": ("GenAI and LLM experience (on top of the role's pay)", "quess-genai-2025", (
        (D("0.05"), "the floor of the 5-20% base-pay AI premium (section 2 reading); Levels.fyi entry-level AI premium +6%"),
        (D("0.10"), "Dice ML roles vs tech average +9.8% (B), Compa 10-15% (B/C); below Quess' 15-20%, which is India only (C)"),
        (D("0.20"), "Quess GenAI vs traditional AI/ML, top of 15-20%; Levels.fyi staff-level AI premium +19%"),
    ), (
        (D("0"), NO_SURCHARGE),
        (D("0.10"), PASS_THROUGH),
        (D("0.20"), PASS_THROUGH),
    )),
    "mlops": ("MLOps: deploying, monitoring and retraining models in production", "teamlease-gcc-2026", (
        (D("0.05"), "the floor of the 5-20% base-pay AI premium (section 2 reading)"),
        (D("0.15"), "the upper part of that band, as the one MLOps figure lies far above it"),
        (pct(58, 43), "TeamLease senior GenAI/MLOps 58 lakh / AI/ML 8+ years 43 lakh - 1 = 0.349 (tops of ranges at GCCs, so a ceiling)"),
    ), (
        (D("0"), NO_SURCHARGE),
        (D("0.15"), PASS_THROUGH),
        (pct(58, 43), PASS_THROUGH),
    )),
    "cloud": ("Cloud infrastructure and DevOps", "soda-2024", (
        (pct(25200, 24400), "SoDA senior DevOps/cloud vs developer, B2B: 25,200 / 24,400 - 1 = 0.033 (where contract pay has converged)"),
        (D("0.13"), "midway between the B2B and the employment gap"),
        (pct(21500, 17500), "SoDA senior DevOps/cloud vs developer, employment: 21,500 / 17,500 - 1 = 0.229"),
    ), (
        (pct(25200, 24400), "SoDA B2B gap 25,200 / 24,400 - 1 = 0.033: a contractor's rate"),
        (pct(25200, 24400), "SoDA B2B gap 25,200 / 24,400 - 1 = 0.033: a contractor's rate"),
        (pct(25200, 24400), "SoDA B2B gap 25,200 / 24,400 - 1 = 0.033: a contractor's rate"),
    )),
}


def premium_lines():
    ind = " " * 12
    lines = [
        "    // Skill premiums (rate-sources.md section 2): a seat listing the skill is",
        "    // paid salary x (1 + share) in-house, hourly rate x (1 + share) through an",
        "    // agency. Base-pay premiums of ML/AI work are about 5-20% (section 2);",
        "    // the 50%+ figures of total pay at top firms are not used.",
        "    premiums: {",
    ]
    for pid, (title, src, salary, agency) in PREMIUMS.items():
        if src not in PREMIUM_SOURCES:
            sys.exit(f"derive-market-2026: source `{src}` of premium {pid} is not in PREMIUM_SOURCES")
        lines.append(f'        "{pid}": (')
        lines.append(f'{ind}title: "{title}",')
        for field, corners in (("salary", salary), ("agency", agency)):
            whys = [why for _, why in corners]
            if len(set(whys)) == 1:
                lines.append(f"{ind}// {field}: {whys[0]}")
            else:
                done = []  # neighbouring corners with one reason share a line
                for name, (v, why) in zip(("low", "typical", "high"), corners):
                    if done and done[-1][2] == why:
                        done[-1] = (done[-1][0] + ", " + name, done[-1][1] + " / " + fmt(v), why)
                    else:
                        done.append((name, fmt(v), why))
                for names, vs, why in done:
                    lines.append(f"{ind}// {field} {names} {vs}: {why}")
            lines.append(f"{ind}{field}: {rng_text(tuple(v for v, _ in corners))},")
        lines.append(f'{ind}source: "{src}",')
        lines.append("        ),")
    lines.append("    },")
    return "\n".join(lines) + "\n"


def premium_sources():
    lines = []
    for sid, (title, url, published, grade, note) in PREMIUM_SOURCES.items():
        fields = [f'title: "{title}"', f'url: "{url}"', f'published: "{published}"', f'grade: "{grade}"']
        if note:
            fields.append(f'note: "{note}"')
        lines.append(f'        "{sid}": ({", ".join(fields)}),')
    return "\n".join(lines) + "\n"


def with_premiums(text, tail):
    start = text.index("    sources: {\n")
    end = text.index("\n    },\n", start) + 1  # the line that closes the sources map
    text = text[:end] + premium_sources() + text[end:]
    return text[: len(text) - len(tail)] + premium_lines() + tail


text = with_premiums(text, tail)

TARGET = "rates/market-2026.ron"
if sys.argv[1:] == ["--check"]:
    shipped = open(TARGET).read()
    if shipped != text:
        diff = difflib.unified_diff(shipped.splitlines(), text.splitlines(), TARGET, "derived", lineterm="")
        sys.stderr.write("\n".join(list(diff)[:60]) + "\n")
        sys.exit(f"{TARGET} differs from what tools/derive-market-2026.py writes: run it and commit the result")
    print(f"{TARGET} is what tools/derive-market-2026.py writes")
elif sys.argv[1:]:
    sys.exit("usage: python3 tools/derive-market-2026.py [--check]")
else:
    with open(TARGET, "w") as f:
        f.write(text)
