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

LEVELS = ("Junior", "Mid", "Senior", "Lead")
ROLES = ("ai-engineer", "mlops-engineer", "data-engineer", "ai-developer", "prompt-engineer")
ENGINEERS = ("ai-engineer", "mlops-engineer")  # the roles the AI/ML figures describe


def g(x):  # 1234567 -> "1,234,567"
    return f"{r(x, 1):,.0f}"


# Engineer premium over developers at the same level (rate-sources.md section
# 2: about 5-20% of base pay, higher at senior levels), source "ai-premium-2026".
PREMIUM = {
    "Junior": (D("1.06"), "Levels.fyi, AI engineer premium at entry level +6%"),
    "Mid": (D("1.10"), "Dice, ML roles against the tech average +9.8%; Compa 10-15% at large firms"),
    "Senior": (D("1.15"), "UK senior AI/ML against senior SWE +15.5%; Germany ML engineer against Software-Entwickler +15%"),
    "Lead": (D("1.19"), "Levels.fyi, AI engineer premium at staff level +19%"),
}
# Data engineers: StepStone, Data Engineer median in AI job ads 60,750 against
# Software-Entwickler 57,750 (stepstone-ai-jobs-2024).
DATA_ENGINEER = D("60750") / D("57750")
# Prompt engineers: Robert Half 2026 P75, Engenheiro de Prompt 26,100 against
# Engenheiro de IA 27,100 (robert-half-br-2026-p75), the one source that
# prices the role next to AI engineers.
PROMPT = D("26100") / D("27100")


def role_factor(role, lvl):
    """Salary of the role at the level x the developer's (ai-developer = 1)."""
    if role in ENGINEERS:
        return PREMIUM[lvl][0]
    if role == "data-engineer":
        return DATA_ENGINEER
    if role == "prompt-engineer":
        return PREMIUM[lvl][0] * PROMPT
    return D(1)


# One basis per place: the per-level typical annual pay of the basis role
# (ai-developer or ai-engineer), each with its derivation; the other roles
# follow by role_factor. (value, why, source) per level.
PLACES = {
    "us": ("USD", "ai-developer", "aijobs-net-2025", {
        "Junior": (D("124000"), "EN median 124,000 (n 311)", None),
        "Mid": (D("160000"), "MI median 160,000 (n 2,081)", None),
        "Senior": (D("192000"), "SE median 192,000 (n 5,106)", None),
        "Lead": (D("209250"), "EX median 209,250 (n 62)", None),
    }),
    "uk": ("GBP", "ai-engineer", "itjobswatch-ml-2025", {
        "Junior": (D("51250") * 80 / 90, "London ML P10 51,250 x 80,000 / 90,000 (England median / London median)", None),
        "Mid": (D("80000"), "England ML median 80,000", None),
        "Senior": (D("120000") * 80 / 90, "London ML P75 120,000 x 80 / 90", None),
        "Lead": (D("150000") * 80 / 90, "London ML P90 150,000 x 80 / 90", None),
    }),
    "germany": ("EUR", "ai-developer", "stepstone-2025", {
        "Junior": (D("45000"), "IT entrants median 45,000", None),
        "Mid": (D("57750"), "Software-Entwickler median 57,750", None),
        "Senior": (D("68250"), "IT, more than 10 years, median 68,250", None),
        "Lead": (D("73500"), "IT, more than 25 years, median 73,500", None),
    }),
    "poland": ("PLN", "ai-developer", "soda-raport-2024", {
        "Junior": (D("11427") * D("1.078") * D("1.06") * 12 * 124 / 160,
                   "no Polish junior figure by contract type (section 13): Mid x 124,000 / 160,000, the US EN / MI ratio", "teamcost-assumption"),
        "Mid": (D("11427") * D("1.078") * D("1.06") * 12,
                "SoDA 2023 regular (2-5 years) UoP mean 11,427/month x 1.078 x 1.06 (Mercer base-pay increases 2024, 2025) x 12", "soda-raport-2023"),
        "Senior": (D("17500") * D("1.06") * 12, "SoDA 2024 senior developer UoP median 17,500/month x 1.06 (Mercer 2025) x 12", None),
        "Lead": (D("17500") * D("1.06") * 12 * D("209250") / D("192000"),
                 "no Polish lead figure: Senior x 209,250 / 192,000, the US EX / SE ratio", "teamcost-assumption"),
    }),
    "india": ("INR", "ai-engineer", "quess-2025", {
        "Junior": (D("1000000"), "entry 8-12 lakh, the midpoint (TeamLease GCC start 8.2 lakh)", None),
        "Mid": (D("3000000000000").sqrt().quantize(D(1)), "2-4 years, between entry 10 and 5-8 years 30 lakh: sqrt(10 x 30) = 17.3 lakh (derived)", None),
        "Senior": (D("3000000"), "GenAI specialists 5-8 years 25-35 lakh, the midpoint", None),
        "Lead": (D("4300000"), "AI/ML engineers in GCCs with 8+ years up to 43 lakh", "teamlease-gcc-2025"),
    }),
    "brazil": ("BRL", "ai-engineer", "robert-half-br-2026", {
        "Junior": (D("19500") * D("6725") / D("10250") * D("13.33"),
                   "Mid x 6,725 / 10,250, the junior / pleno midpoints of Robert Half 2022 (5,500-7,950 / 7,650-12,850), x 13.33", "robert-half-br-2022"),
        "Mid": (D("19500") * D("13.33"), "Engenheiro de IA 19,500/month, the bottom of the 19,500-27,100 range, x 13.33", None),
        "Senior": (D("27100") * D("13.33"), "27,100/month, the top (P75) of the range, x 13.33", None),
        "Lead": (D("37950") * D("13.33"), "Gerente de Dados P75 37,950/month x 13.33, the only lead-level figure (Senior x 27,100 / 19,500 = 37,662)", "robert-half-br-2026-p75"),
    }),
}

BASIS = {  # the location's `note`: its one basis, then its employer terms
    "us": "Basis: aijobs.net 2024 US medians by level (tech-firm job ads and self-reports, grade B), Software Engineer / Developer for ai-developer, engineers x the section 2 premium; agency = loaded in-house month x 1.32, the SIA staffing markup. Burden 1.27 from bls-ecec-2026-03 (72.99 / 57.29); low 1.24 and high 1.32 are teamcost-assumption (lean and generous benefit plans).",
    "uk": "Basis: ITJobsWatch advertised permanent machine-learning salaries, England median with London percentiles for levels (grade B), for ai-engineer; developers = engineers / the section 2 premium (cross-check: Totaljobs AI software developers median GBP 75,000); agency = ITJobsWatch ML contract day rates / 8 h. Burden from statutory-uk-2025: employer NI 15% above GBP 5,000 + 3% pension on qualifying earnings = 15.8% at GBP 72,700; low 1.15, high 1.20 (pension above the minimum) teamcost-assumption.",
    "germany": "Basis: StepStone Gehaltsreport 2025 (self-reported gross incl. bonuses, grade B) for every row: Software-Entwickler median for Mid, IT experience bands for the other levels; engineers x the section 2 premium; agency = freelancermap DACH average EUR 103/h for a Mid AI developer. Burden from statutory-de-2026: 21.15% below the EUR 69,750 health cap (typical, high), about 19% at EUR 87,500 (low).",
    "poland": "Basis: in-house = employment-contract (UoP) gross pay from SoDA (2023 regular, 2024 senior, scaled to 2025 by Mercer's base-pay increases), with employer ZUS; agency = B2B net invoice (SoDA, same scaling) / 168 h x 1.63, the average staffing bill/pay multiplier (Top Echelon, C; a Mid AI developer at USD 48/h, the middle of the USD 35-70 nearshore vendor band), no ZUS on B2B. Burden from statutory-pl-2026: ZUS 20.48% with 1.67% accident (typical), 19.48% (low, 0.67%), 23.64% (high, 3.33% + 1.5% PPK).",
    "india": "Basis: in-house seats priced at the GCC / AI-specialist tier (Quess 2025, TeamLease GCC, grade C) for ai-engineer, developers = engineers / the section 2 premium; agency delivery built on the IT-services tier: specialist-track pay (Infosys 7-21 lakh, midpoint 14) x 3.5, the professional-services billing multiple. Burden 1.00: Indian pay is quoted as CTC, which already holds employer PF and gratuity (statutory-in-2025); high 1.076 where they are paid on top (basic at 45% of pay).",
    "brazil": "Basis: Robert Half Guia Salarial 2026 (firms hiring through recruiters, grade B) for ai-engineer, CLT monthly x 13.33 (13th salary and holiday third), levels from Robert Half's junior / pleno / senior structure; developers = engineers / the section 2 premium (the CAGED all-contracts developer median, BRL 6,379, is another tier). Agency = LatAm vendor band for a senior developer, USD 50-90/h (C). Burden from statutory-br-2025: INSS 20% + RAT 1% / 2% / 3% + 5.8% + FGTS 8% on annual cash.",
}

# Agency rates: how the typical hourly rate of each role and level is built.
LOADED = {"us": (D("1.27"), D("600"), D("0.10"), D("1.32"), D("160"))}  # burden, overhead, mgmt, markup, hours
AGENCY = {  # (currency, source, basis role, {level: (hourly, why)} given; other levels by the in-house ratio)
    "us": ("USD", "sia-2022", None, {}),
    "uk": ("GBP", "itjobswatch-2026", "ai-engineer", {
        "Junior": (D("401") / 8, "ML contracts P10 401/day / 8 h"),
        "Mid": (D("570") / 8, "median 570/day / 8 h"),
        "Senior": (D("700") / 8, "P75 700/day / 8 h"),
        "Lead": (D("788") / 8, "P90 788/day / 8 h"),
    }),
    "germany": ("EUR", "freelancermap-2026", "ai-developer", {
        "Mid": (D("103"), "freelancer average 103/h"),
    }),
    "poland": ("PLN", "topechelon-markup", "ai-developer", {
        "Mid": (D("15743") * D("1.078") * D("1.06") / 168 * D("1.63"),
                "SoDA 2023 regular developer B2B 15,743/month x 1.078 x 1.06 (soda-raport-2023) / 168 h x 1.63 = USD 48/h"),
        "Senior": (D("24400") * D("1.06") / 168 * D("1.63"),
                   "SoDA 2024 senior developer B2B 24,400/month x 1.06 (soda-raport-2024) / 168 h x 1.63"),
    }),
    "india": ("INR", "eaglerock-2026", "ai-engineer", {
        "Mid": (D("1400000") * D("3.5") / (12 * 160),
                "IT-services AI specialist track 14 lakh (Infosys 7-21) x 3.5 billing multiple / 1,920 h"),
    }),
    "brazil": ("USD", "latam-vendor-2026", "ai-developer", {
        "Senior": (D("70"), "LatAm senior developer 50-90/h, the midpoint"),
    }),
}


def ranges(typ):
    """(low, typical, high) per level: low and high halfway to the neighbouring
    levels; Junior's low and Lead's high the same step on, by ratio."""
    out = {}
    for i, lvl in enumerate(LEVELS):
        t = typ[lvl]
        below = typ[LEVELS[i - 1]] if i > 0 else t * t / typ[LEVELS[1]]
        above = typ[LEVELS[i + 1]] if i < 3 else t * t / typ[LEVELS[2]]
        out[lvl] = ((below + t) / 2, t, (t + above) / 2)
    return out


def developer(loc):
    cur, basis, src, given = PLACES[loc]
    return {lvl: v / role_factor(basis, lvl) for lvl, (v, _, _) in given.items()}


def salary_typ(loc, role):
    dev = developer(loc)
    return {lvl: dev[lvl] * role_factor(role, lvl) for lvl in LEVELS}


def salary_source(loc, role, lvl):
    cur, basis, src, given = PLACES[loc]
    if role == "prompt-engineer":
        return "robert-half-br-2026-p75"
    if role == "data-engineer" and basis == "ai-developer":
        return "stepstone-ai-jobs-2024"
    if role == basis or (basis == "ai-engineer" and role in ENGINEERS):
        return given[lvl][2] or src
    return "ai-premium-2026"


def agency_typ(loc, role):
    cur, src, basis, given = AGENCY[loc]
    if loc in LOADED:
        b, o, m, k, h = LOADED[loc]
        return {lvl: (s / 12 * (b + m) + o) * k / h for lvl, s in salary_typ(loc, role).items()}
    pay = salary_typ(loc, basis)
    base = {lvl: v for lvl, (v, _) in given.items()}
    for i, lvl in enumerate(LEVELS):  # fill the levels the source leaves out, by the in-house ratio
        if lvl not in base:
            near = min(base, key=lambda k: abs(LEVELS.index(k) - i))
            base[lvl] = base[near] * pay[lvl] / pay[near]
    return {lvl: base[lvl] * role_factor(role, lvl) / role_factor(basis, lvl) for lvl in LEVELS}


def entries():
    salaries, agency = [], []
    for loc in PLACES:
        cur, basis, src, given = PLACES[loc]
        salaries.append(f"        // {loc} ({cur}): {basis} from {src}:")
        for lvl in LEVELS:
            v, why, s = given[lvl]
            salaries.append(f"        //   {lvl:6} {g(v):>9}  {why}" + (f" ({s})" if s else ""))
        for role in ROLES:
            for lvl, (lo, t, hi) in ranges(salary_typ(loc, role)).items():
                salaries.append(f'        (role: "{role}", level: {lvl}, location: "{loc}", annual: (low: {r(lo, 100)}, typical: {r(t, 100)}, high: {r(hi, 100)}), source: "{salary_source(loc, role, lvl)}"),')
        acur, asrc, abasis, agiven = AGENCY[loc]
        if loc in LOADED:
            b, o, m, k, h = LOADED[loc]
            agency.append(f"        // {loc} ({acur}): (salary / 12 x (burden {b} + management {m}) + overhead {o}) x {k} / {h} h, at typical ({asrc})")
        else:
            agency.append(f"        // {loc} ({acur}): {abasis} from {asrc}; levels it leaves out by the in-house ratio:")
            for lvl, (v, why) in agiven.items():
                agency.append(f"        //   {lvl:6} {v.quantize(D('0.01'), rounding=ROUND_HALF_UP)}/h  {why}")
        c = f', currency: "{acur}"' if acur != cur else ""
        for role in ROLES:
            for lvl, (lo, t, hi) in ranges(agency_typ(loc, role)).items():
                agency.append(f'        (role: "{role}", level: {lvl}, location: "{loc}", hourly: (low: {r(lo, 1)}, typical: {r(t, 1)}, high: {r(hi, 1)}){c}, source: "{asrc}"),')
    return salaries, agency


salaries, agency = entries()

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

# Exit costs (MODEL.md section 10.4): months of salary paid when an employee
# is let go (notice not worked, severance), and months added per year of
# tenure; from rate-sources.md sections 14.3 (notice) and 14.4 (severance).
EXIT = {
    "us": (["notice-us-custom", "teamcost-assumption"], None, (
        share("0", "at-will employment, no notice"),
        share("0.5", "two weeks' notice, the custom"),
        share("1", "a month's pay in lieu (teamcost-assumption: a common policy, no source)"),
    )),
    "uk": (["notice-uk-2026"], None, (
        share("1", "a month's notice (junior; mid at its low end)"),
        share("1", "a month's notice (junior; mid at its low end)"),
        share("3", "three months (senior)"),
    )),
    "germany": (["gehalt-de-notice", "teamcost-assumption"], None, (
        share("1", "four weeks, the shortest notice (teamcost-assumption: BGB section 622, not in rate-sources.md)"),
        share("3", "\"usually three months\""),
        share("6", "\"up to six\""),
    )),
    "poland": (["kodeks-pracy-36"], None, (
        share("0.5", "two weeks (under 6 months' tenure)"),
        share("1", "a month (6 months to 3 years)"),
        share("3", "three months (3 years or more)"),
    )),
    "india": (["notice-in-2025"], None, (
        share("1", "30 days (junior)"),
        share("2", "60 days (mid)"),
        share("3", "90 days (senior; about one IT role in three)"),
    )),
    "brazil": (["clt-dismissal"], None, (
        share("1", "30 days' notice (aviso previo, CLT art. 487 II)"),
        share("1", "30 days' notice (aviso previo, CLT art. 487 II)"),
        share("1", "30 days' notice (aviso previo, CLT art. 487 II)"),
    )),
}

EXIT_PER_YEAR = {
    "us": (["notice-us-custom", "teamcost-assumption"], None, (
        share("0", "no severance is required by law"),
        share("0", "no severance is required by law"),
        share("0.5", "two weeks a year, a severance policy seen in tech layoffs (teamcost-assumption, no source)"),
    )),
    "uk": (["teamcost-assumption"], "statutory redundancy pay is gov.uk's rule, not in rate-sources.md", (
        share("0", "statutory redundancy pay needs two years' service, longer than most plans"),
        share("0", "statutory redundancy pay needs two years' service, longer than most plans"),
        share("0.23", "a week's pay per year of service (12 / 52 months), the statutory rate at ages 22-40"),
    )),
    "germany": (["kschg-1a"], None, (
        share("0.5", "half a monthly salary per year of tenure, the customary severance"),
        share("0.5", "half a monthly salary per year of tenure, the customary severance"),
        share("0.5", "half a monthly salary per year of tenure, the customary severance"),
    )),
    "poland": (["teamcost-assumption"], None, (
        share("0", "no severance per year of tenure is sourced for one dismissal"),
        share("0", "no severance per year of tenure is sourced for one dismissal"),
        share("0", "no severance per year of tenure is sourced for one dismissal"),
    )),
    "india": (["teamcost-assumption"], None, (
        share("0", "gratuity is owed after five years, longer than any plan here"),
        share("0", "gratuity is owed after five years, longer than any plan here"),
        share("0", "gratuity is owed after five years, longer than any plan here"),
    )),
    "brazil": (["clt-dismissal"], None, (
        share("0.43", "the 40% FGTS fine: 0.4 x 8% x 13.33 monthly salaries a year (12 months, the 13th, the vacation third) (derived)"),
        share("0.53", "the fine and 3 more days' notice per year of tenure (the 30 to 90 days): 0.43 + 0.1 (derived)"),
        share("0.53", "the fine and 3 more days' notice per year of tenure (the 30 to 90 days): 0.43 + 0.1 (derived)"),
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
        _why += "; the rates are built on local pay, so this assumes vendors pass local raises on"
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
    for loc in PLACES:
        lines = term("availability", "(weekdays - leave - holidays) / weekdays; sick days not subtracted (no source)", AVAILABILITY[loc], 7, dates, ind)
        lines += term("attrition", "leavers a year, each replaced", ATTRITION[loc], 5, dates, ind)
        lines += term("annual_raise", "2026 increase budgets", RAISE[loc], 6, dates, ind)
        lines += term("exit_months", "salary paid when an employee is let go (notice not worked, severance)", EXIT[loc], "14.3", dates, ind)
        lines += term("exit_months_per_year", "added per year of tenure", EXIT_PER_YEAR[loc], "14.4", dates, ind)
        head = replace_once(head, f"@IN_HOUSE:{loc}@", "\n".join(lines))
        lines = term("annual_increase", "yearly rise of the agency rates", INCREASE[loc], "3.1", dates, ind)
        head = replace_once(head, f"@AGENCY:{loc}@", "\n".join(lines))
    return head


def replace_once(text, marker, by):
    if text.count(marker) != 1:
        sys.exit(f"derive-market-2026: marker {marker} must appear once in the head or tail")
    return text.replace(marker, by)


head = plan_terms(open("tools/market-2026.head.ron").read())
for _loc, _note in BASIS.items():
    head = replace_once(head, f"@NOTE:{_loc}@", _note)
tail = replace_once(open("tools/market-2026.tail.ron").read(), "@PRODUCTIVITY@\n", productivity())
out = [head,
       "    // Salaries: per place, the typical annual pay of its basis role by level\n",
       "    // (derivation above each block); the other roles by the premiums at the\n",
       "    // top of the file; low and high halfway to the neighbouring levels;\n",
       "    // rounded to 100.\n",
       "    salaries: [\n" + "\n".join(salaries) + "\n    ],\n",
       "    // Agency rates: per place, the typical hourly rate of its basis role by\n",
       "    // level (derivation above each block), the other roles by the same\n",
       "    // premiums as salaries; low and high halfway to the neighbouring levels;\n",
       "    // rounded to whole units.\n",
       "    agency_rates: [\n" + "\n".join(agency) + "\n    ],\n", tail]
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
