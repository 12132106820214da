"""Build a scaled copy of the demo database for benchmarks.

    python bench/make_scaled.py --scale 100 --out bench/out/scale100.duckdb

First the demo database is built at ``--out`` (``startup.build_database``); then, in SQL
inside DuckDB, ``scale - 1`` clones of every demo municipality are added with everything
it owns (population, programmes, budgets, co-funding, properties, occupancy,
observations, organisations, connections, ambitions, milestones, programme links,
notes). A clone gets a code ``GM9xxx`` and a name "Demostad N"; the codes of what it owns
get the suffix ``-s<clone>``, so keys stay unique and every reference resolves. The
cloned spend ledger is split (each line becomes ``split`` lines in the same month) so the
ledger holds about ``100,000 x scale`` lines, appended year by year in date order as a
real ledger grows. ``--scale 1`` is the demo itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from impactdash import config, startup
from impactdash.store import (
    db,
    spend_month,  # noqa: E402
)

SPEND_PER_SCALE = 100_000

#: One statement per table, in reference order. ``mm`` maps (demo municipality, clone
#: number ``c``) to the clone's code and name; ``sfx(code, c)`` suffixes a code.
CLONES = {
    "municipality": """
        insert into municipality (code, name, province, pillar_start, is_demo)
        select mm.new_code, mm.new_name, m.province, m.pillar_start, m.is_demo
        from municipality m join mm on mm.old_code = m.code""",
    "population": """
        insert into population (municipality_code, year, inhabitants)
        select mm.new_code, p.year, p.inhabitants
        from population p join mm on mm.old_code = p.municipality_code""",
    "programme": """
        insert into programme (code, municipality_code, instrument_code, name, lead, partner_name,
                               start_date, end_date, sdgs, description)
        select sfx(p.code, mm.c), mm.new_code, p.instrument_code, p.name || ' (' || mm.new_name || ')',
               p.lead, p.partner_name, p.start_date, p.end_date, p.sdgs, p.description
        from programme p join mm on mm.old_code = p.municipality_code""",
    "ambition": """
        insert into ambition (code, metric_code, municipality_code, baseline_date, baseline_value,
                              target_date, target_value, cumulative, document, document_url)
        select sfx(a.code, mm.c), a.metric_code, mm.new_code, a.baseline_date, a.baseline_value,
               a.target_date, a.target_value, a.cumulative, a.document, a.document_url
        from ambition a join mm on mm.old_code = a.municipality_code""",
    "milestone": """
        insert into milestone (ambition_code, due_date, value)
        select sfx(ms.ambition_code, mm.c), ms.due_date, ms.value
        from milestone ms join ambition a on a.code = ms.ambition_code
        join mm on mm.old_code = a.municipality_code""",
    "programme_ambition": """
        insert into programme_ambition (programme_code, ambition_code)
        select sfx(pa.programme_code, mm.c), sfx(pa.ambition_code, mm.c)
        from programme_ambition pa join programme p on p.code = pa.programme_code
        join mm on mm.old_code = p.municipality_code""",
    "budget": """
        insert into budget (programme_code, year, moment, amount, iv3_task_field)
        select sfx(b.programme_code, mm.c), b.year, b.moment, b.amount, b.iv3_task_field
        from budget b join programme p on p.code = b.programme_code
        join mm on mm.old_code = p.municipality_code""",
    # Run once per booking year, so the ledger grows in date order like a real one. Each
    # demo line becomes n = min($split, cents) lines in the same month, dated no later than
    # the original; the last part takes the remainder, so the sum is kept and none is zero.
    "spend": """
        insert into spend (entry_ref, programme_code, booking_date, amount, description, counterparty_kind)
        with src as (
            select s.*, mm.c, (s.amount * 100)::bigint as cents,
                   least($split, abs((s.amount * 100)::bigint)) as n
            from spend s join programme p on p.code = s.programme_code
            join mm on mm.old_code = p.municipality_code
            where year(s.booking_date) = $year
        )
        select sfx(src.entry_ref, src.c) || '-' || r.i, sfx(src.programme_code, src.c),
               date_trunc('month', src.booking_date)::date + (r.i % day(src.booking_date))::integer,
               (case when r.i < src.n - 1 then sign(src.cents) * (abs(src.cents) // src.n)
                     else src.cents - (src.n - 1) * sign(src.cents) * (abs(src.cents) // src.n)
                end)::decimal(18, 0) * 0.01,
               src.description, src.counterparty_kind
        from src join range($split) as r(i) on r.i < src.n
        order by 3, 1""",
    "cofunding": """
        insert into cofunding (programme_code, year, funder, funder_kind, amount)
        select sfx(cf.programme_code, mm.c), cf.year, cf.funder, cf.funder_kind, cf.amount
        from cofunding cf join programme p on p.code = cf.programme_code
        join mm on mm.old_code = p.municipality_code""",
    "property": """
        insert into property (code, municipality_code, programme_code, name, address, district, latitude,
                              longitude, gross_floor_m2, impact_floor_m2, rent_regime, rent_discount_eur_year,
                              available_from, available_until)
        select sfx(pr.code, mm.c), mm.new_code, sfx(pr.programme_code, mm.c), pr.name, pr.address,
               pr.district, pr.latitude, pr.longitude, pr.gross_floor_m2, pr.impact_floor_m2, pr.rent_regime,
               pr.rent_discount_eur_year, pr.available_from, pr.available_until
        from property pr join mm on mm.old_code = pr.municipality_code""",
    "occupancy": """
        insert into occupancy (property_code, year, quarter, occupied_m2, tenants, impact_tenants)
        select sfx(o.property_code, mm.c), o.year, o.quarter, o.occupied_m2, o.tenants, o.impact_tenants
        from occupancy o join property pr on pr.code = o.property_code
        join mm on mm.old_code = pr.municipality_code""",
    "observation": """
        insert into observation (metric_code, municipality_code, observed_on, value, source)
        select ob.metric_code, mm.new_code, ob.observed_on, ob.value, ob.source
        from observation ob join mm on mm.old_code = ob.municipality_code""",
    "organisation": """
        insert into organisation (code, municipality_code, name, kind, joined_date, left_date)
        select sfx(o.code, mm.c), mm.new_code, o.name, o.kind, o.joined_date, o.left_date
        from organisation o join mm on mm.old_code = o.municipality_code""",
    "connection": """
        insert into connection (from_org, to_org, kind, connected_on, programme_code)
        select sfx(cn.from_org, mm.c), sfx(cn.to_org, mm.c), cn.kind, cn.connected_on,
               sfx(cn.programme_code, mm.c)
        from connection cn join organisation o on o.code = cn.from_org
        join mm on mm.old_code = o.municipality_code""",
    "note": """
        insert into note (subject_kind, subject_code, municipality_code, period_start, period_end, body,
                          visibility, author, created_at)
        select n.subject_kind,
               case when n.subject_kind = 'metric' then n.subject_code else sfx(n.subject_code, mm.c) end,
               mm.new_code, n.period_start, n.period_end, n.body, n.visibility, n.author, n.created_at
        from note n join mm on mm.old_code = n.municipality_code""",
}


def scale_up(con, scale: int) -> int:
    """Add ``scale - 1`` clones of every demo municipality; return the spend split factor.

    Everything but the spend ledger is cloned in one transaction; the ledger then in one
    transaction per booking year (about a million lines each at scale 100), with that
    year's months of ``spend_month``.
    """
    cur = con.cursor()
    demo = [r[0] for r in cur.execute("select code from municipality order by code").fetchall()]
    if (scale - 1) * len(demo) > 1000:
        raise SystemExit(f"Scale at most {1000 // len(demo) + 1}: GM9000-GM9999 holds 1000 codes")
    n_spend = cur.execute("select count(*) from spend").fetchone()[0]
    split = max(1, round((SPEND_PER_SCALE * scale - n_spend) / max(1, (scale - 1) * n_spend)))
    cur.execute("create temp macro sfx(code, c) as code || '-s' || c")
    cur.execute(
        "create temp table mm as select m.code as old_code, c.c,"
        " 'GM' || (8999 + row_number() over (order by c.c, m.code)) as new_code,"
        " 'Demostad ' || row_number() over (order by c.c, m.code) as new_name"
        " from municipality m, range(1, $scale) as c(c)",
        {"scale": scale},
    )
    years = [r[0] for r in cur.execute("select distinct year(booking_date) from spend order by 1").fetchall()]
    cur.execute("begin transaction")
    for table, sql in CLONES.items():
        if table != "spend":
            cur.execute(sql)
    cur.execute("commit")
    for year in years:
        cur.execute("begin transaction")
        cur.execute(CLONES["spend"], {"year": year, "split": split})
        spend_month.refresh_period(cur, dt.date(year, 1, 1), dt.date(year, 12, 31))
        cur.execute("commit")
    db.bump_data_version(cur)
    return split


def main() -> None:
    """Parse the arguments, build the demo database and scale it up."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=100, help="times the demo data set (default 100)")
    parser.add_argument("--out", type=Path, required=True, help="database file to write (replaced)")
    parser.add_argument("--source", default="demo", help="CSV folder to start from (default: the demo)")
    args = parser.parse_args()
    os.environ.setdefault(config.MEMORY_ENV, "8GB")
    start, start_cpu = time.perf_counter(), time.process_time()
    startup.build_database(args.out, args.source, force=True)
    built = time.perf_counter()
    split = 1
    con = db.connect(args.out)
    try:
        if args.scale > 1:
            split = scale_up(con, args.scale)
        con.execute("checkpoint")
        counts = db.table_counts(con)
    finally:
        con.close()
    done = time.perf_counter()
    for table, n in counts.items():
        print(f"{table:20} {n:>12,}")
    size = args.out.stat().st_size / 2**20
    print(
        f"scale {args.scale}: spend split {split}, file {size:,.0f} MiB;"
        f" demo built in {built - start:.1f} s, scaled in {done - built:.1f} s, total {done - start:.1f} s"
        f" (CPU {time.process_time() - start_cpu:.1f} s)"
    )


if __name__ == "__main__":
    main()
