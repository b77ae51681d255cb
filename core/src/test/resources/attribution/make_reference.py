#!/usr/bin/python3
"""Reference values for io.showmetrics.core.attribution, computed independently with numpy.

Run with Debian's Python (package python3-numpy):

    /usr/bin/python3 core/src/test/resources/attribution/make_reference.py

It rewrites reference.json next to this file (deterministically: fixed seeds). AttributionReferenceTest
loads that file and requires every number to match to 1e-9 (absolute; all values are probabilities or
credits in [0, 1]) and every fallback flag and path list to match exactly.

How the expected values are produced (a different method from the Java code):
- Markov chain: transient states are 'start' plus the shows in order of first appearance (Java sorts
  them); transition probabilities = counts / row totals; absorption probabilities from the fundamental
  matrix N = inv(I - Q) of the absorbing chain, B = N @ R, P(visit) = B[start, visit].
- Removal effect of show s: the chain is literally rebuilt with every transition into s moved to 'null'
  and solved again with its own fundamental matrix; RE = 1 - P'(visit) / P(visit) (0 when P(visit) = 0).
  (Java instead uses one LU factorisation and the first-passage identity.)
- Credits: a journey's touches restricted to the window (visit - 7 d, visit], one per show (latest end),
  ordered by (end, show_id); markov = RE / sum(RE), linear with fallback = true when sum(RE) == 0;
  last_touch = max by (end, show_id), first_touch = min by (end, show_id), linear = 1/k,
  time_decay = 2 ** (-(visit - end) / 2 d) normalised.
- Customer cases: paths and journeys are built here from raw (watched shows, visit times) histories by
  the SPEC rule, so Java's Attribution.paths is checked too.
"""

import json
import os

import numpy as np

DAY = 24 * 60 * 60 * 1000
WINDOW = 7 * DAY
HALF_LIFE = 2 * DAY
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z


# ---------------------------------------------------------------- Markov chain via fundamental matrix

def chain(paths):
    """States and transition probability matrix; transient states first-appearance order."""
    order = ['start']
    for p in paths:
        for s in p['shows']:
            if s not in order:
                order.append(s)
    states = order + ['<visit>', '<null>']
    pos = {s: i for i, s in enumerate(states)}
    k = len(states)
    counts = np.zeros((k, k))
    for p in paths:
        seq = ['start'] + list(p['shows']) + ['<visit>' if p['converted'] else '<null>']
        for a, b in zip(seq, seq[1:]):
            counts[pos[a], pos[b]] += 1
    P = np.zeros((k, k))
    for i in range(k):
        tot = counts[i].sum()
        if tot > 0:
            P[i] = counts[i] / tot
    P[pos['<visit>'], pos['<visit>']] = 1.0
    P[pos['<null>'], pos['<null>']] = 1.0
    if counts[0].sum() == 0:
        P[0, pos['<null>']] = 1.0
    return order, states, pos, P


def p_visit(P, n_transient, visit_col):
    Q = P[:n_transient, :n_transient]
    R = P[:n_transient, n_transient:]
    N = np.linalg.inv(np.eye(n_transient) - Q)
    B = N @ R
    return float(B[0, visit_col - n_transient])


def markov(paths):
    order, states, pos, P = chain(paths)
    t = len(order)
    base = p_visit(P, t, pos['<visit>'])
    effects, without = {}, {}
    for s in order[1:]:
        Pm = P.copy()
        j = pos[s]
        Pm[:, pos['<null>']] += Pm[:, j]
        Pm[:, j] = 0.0
        pw = p_visit(Pm, t, pos['<visit>'])
        without[s] = pw
        re = 1.0 - pw / base if base > 0 else 0.0
        # clean floating-point residue of an exactly-zero effect (a show that cannot reach 'visit')
        effects[s] = 0.0 if abs(re) < 1e-12 else re
    return base, effects, without


# ---------------------------------------------------------------- credits

def window(journey):
    v = journey['visit_millis']
    best = {}
    for t in journey['touches']:
        if v - WINDOW < t['end_millis'] <= v:
            if t['show_id'] not in best or t['end_millis'] > best[t['show_id']]:
                best[t['show_id']] = t['end_millis']
    return sorted(((e, s) for s, e in best.items()))


def credits(journey, effects):
    touches = window(journey)
    out = {'visit_id': journey['visit_id']}
    if not touches:
        for m in ('last_touch', 'first_touch', 'linear', 'time_decay', 'markov'):
            out[m] = {}
        out['markov_fallback'] = False
        return out
    ids = [s for _, s in touches]
    out['last_touch'] = {max(touches)[1]: 1.0}
    out['first_touch'] = {min(touches)[1]: 1.0}
    out['linear'] = {s: 1.0 / len(ids) for s in ids}
    w = np.array([2.0 ** (-(journey['visit_millis'] - e) / HALF_LIFE) for e, _ in touches])
    out['time_decay'] = {s: float(x) for s, x in zip(ids, w / w.sum())}
    re = np.array([effects.get(s, 0.0) for s in ids])
    if re.sum() > 0:
        out['markov'] = {s: float(x) for s, x in zip(ids, re / re.sum())}
        out['markov_fallback'] = False
    else:
        out['markov'] = {s: 1.0 / len(ids) for s in ids}
        out['markov_fallback'] = True
    return out


# ---------------------------------------------------------------- building paths from histories

def customer_paths(watched, visits):
    best = {}
    for s, e in watched:
        if s not in best or e > best[s]:
            best[s] = e
    shows = sorted(((e, s) for s, e in best.items()))
    out = []
    for v in sorted(visits):
        ids = [s for e, s in shows if v - WINDOW < e <= v]
        if ids:
            out.append({'shows': ids, 'converted': True})
    for e0, s0 in shows:
        if not any(e0 <= v < e0 + WINDOW for v in visits):
            out.append({'shows': [s for e, s in shows if e0 - WINDOW < e <= e0], 'converted': False})
    return out


def customer_case(name, rng, n_customers, n_shows, note):
    ends = {f's{i:02d}': T0 + int(rng.integers(0, 40 * DAY // 3_600_000)) * 3_600_000 for i in range(n_shows)}
    # a few deliberate end-time ties
    names = sorted(ends)
    for a, b in zip(names[::5], names[1::5]):
        ends[b] = ends[a]
    customers, paths, journeys = [], [], []
    for c in range(n_customers):
        k = int(rng.integers(1, 6))
        watched = [(s, ends[s]) for s in rng.choice(names, size=k, replace=False)]
        visits = [T0 + int(rng.integers(0, 48 * 24)) * 3_600_000 for _ in range(int(rng.integers(0, 4)))]
        # some visits exactly at a show end and exactly 7 days after (boundaries)
        if c % 7 == 0:
            visits.append(watched[0][1])
        if c % 11 == 0:
            visits.append(watched[0][1] + WINDOW)
        cp = customer_paths(watched, visits)
        customers.append({'watched': [{'show_id': s, 'end_millis': e} for s, e in watched],
                          'visits': visits, 'paths': cp})
        paths.extend(cp)
        for i, v in enumerate(sorted(visits)):
            j = {'visit_id': f'c{c}v{i}', 'visit_millis': v,
                 'touches': [{'show_id': s, 'end_millis': e} for s, e in watched]}
            if window(j):
                journeys.append(j)
    return {'name': name, 'note': note, 'customers': customers, 'paths': paths, 'journeys': journeys}


def journey(vid, visit_day, *touches):
    return {'visit_id': vid, 'visit_millis': T0 + int(visit_day * DAY),
            'touches': [{'show_id': s, 'end_millis': T0 + int(d * DAY)} for s, d in touches]}


def path(converted, *shows):
    return {'shows': list(shows), 'converted': converted}


def cases():
    rng = np.random.default_rng(20261122)
    out = []
    out.append({'name': 'two_shows_hand_example', 'note': 'A,B->visit; A->null; B->visit (P=2/3, RE A=1/2, B=1)',
                'paths': [path(True, 'A', 'B'), path(False, 'A'), path(True, 'B')],
                'journeys': [journey('v1', 10, ('A', 8), ('B', 9)), journey('v2', 10, ('B', 9.5))]})
    out.append({'name': 'loops_ab_and_ba', 'note': 'A->B->visit and B->A->null: a loop between A and B',
                'paths': [path(True, 'A', 'B'), path(False, 'B', 'A'), path(True, 'B'), path(False, 'A')],
                'journeys': [journey('v1', 10, ('A', 8), ('B', 9)), journey('v2', 10, ('B', 8), ('A', 9)),
                             journey('v3', 20, ('A', 19))]})
    out.append({'name': 'three_show_cycle', 'note': 'A->B, B->C, C->A across journeys, plus a self-loop C,C',
                'paths': [path(True, 'A', 'B', 'C'), path(False, 'B', 'C', 'A'), path(True, 'C', 'A', 'B'),
                          path(False, 'C', 'C'), path(True, 'A'), path(False, 'B')],
                'journeys': [journey('v1', 10, ('A', 4), ('B', 6), ('C', 9)), journey('v2', 10, ('C', 9.9)),
                             journey('v3', 10, ('A', 4), ('C', 9))]})
    out.append({'name': 'single_touch_paths', 'note': 'every path has one show',
                'paths': [path(True, 'A'), path(True, 'A'), path(False, 'A'), path(True, 'B'),
                          path(False, 'B'), path(False, 'B'), path(False, 'C')],
                'journeys': [journey('v1', 5, ('A', 4)), journey('v2', 5, ('B', 1)),
                             journey('v3', 5, ('A', 4), ('B', 1))]})
    out.append({'name': 'show_never_leads_to_visit',
                'note': 'E sits inside journeys but every transition out of E goes to null: RE(E) = 0',
                'paths': [path(True, 'A', 'B'), path(False, 'A', 'E'), path(False, 'E'), path(True, 'B'),
                          path(False, 'A'), path(True, 'C', 'A', 'B'), path(False, 'C', 'E')],
                'journeys': [journey('v1', 10, ('A', 7), ('E', 9)), journey('v2', 10, ('E', 5), ('B', 9)),
                             journey('v3', 10, ('E', 9)), journey('v4', 10, ('C', 4), ('E', 6), ('A', 8))]})
    out.append({'name': 'only_null_paths_for_a_show',
                'note': 'D appears only in null paths: RE(D) = 0, a journey with only D falls back to linear',
                'paths': [path(True, 'A'), path(False, 'D'), path(False, 'D'), path(True, 'A', 'B'),
                          path(False, 'B')],
                'journeys': [journey('v1', 10, ('D', 9)), journey('v2', 10, ('A', 8), ('D', 9)),
                             journey('v3', 10, ('D', 8), ('X', 9))]})
    out.append({'name': 'ties_in_end_time',
                'note': 'shows ending at the same instant are ordered by show_id',
                'paths': [path(True, 'A', 'B'), path(True, 'A', 'B', 'C'), path(False, 'B'), path(False, 'A', 'B')],
                'journeys': [journey('v1', 10, ('B', 9), ('A', 9)), journey('v2', 10, ('C', 9), ('A', 9), ('B', 9)),
                             journey('v3', 10, ('A', 5), ('C', 5), ('B', 3))]})
    out.append({'name': 'no_converted_path', 'note': 'P(visit) = 0: all removal effects 0, credits linear',
                'paths': [path(False, 'A', 'B'), path(False, 'B')],
                'journeys': [journey('v1', 10, ('A', 8), ('B', 9))]})
    out.append({'name': 'no_paths', 'note': 'empty chain: P(visit) = 0, unknown shows fall back to linear',
                'paths': [],
                'journeys': [journey('v1', 10, ('A', 8), ('B', 9))]})
    out.append({'name': 'window_boundaries',
                'note': 'touches at exactly visit - 7 d (out), at the visit (in), after the visit (out), '
                        'and a show listed twice',
                'paths': [path(True, 'A', 'B'), path(True, 'B', 'C'), path(False, 'C')],
                'journeys': [journey('v1', 10, ('A', 3), ('B', 3.5), ('C', 10), ('A', 11)),
                             journey('v2', 10, ('B', 4), ('B', 9), ('C', 9)),
                             journey('v3', 10, ('A', 10.5))]})
    # random chain with many loops: 12 shows, paths in random (not end-time) order
    shows = [f'r{i:02d}' for i in range(12)]
    paths = []
    for _ in range(400):
        k = int(rng.integers(1, 6))
        seq = [str(s) for s in rng.choice(shows, size=k, replace=True)]
        paths.append(path(bool(rng.random() < 0.3 + 0.05 * shows.index(seq[-1]) / 2), *seq))
    js = []
    for i in range(60):
        k = int(rng.integers(1, 5))
        picked = rng.choice(shows, size=k, replace=False)
        js.append(journey(f'v{i}', 20, *[(str(s), 20 - float(rng.integers(0, 7 * 24)) / 24) for s in picked]))
    out.append({'name': 'random_chain_with_loops_and_repeats',
                'note': '400 random paths over 12 shows, repeats allowed (self-loops, revisits)',
                'paths': paths, 'journeys': js})
    out.append(customer_case('customers_small', rng, 40, 10, 'paths and journeys built from 40 customer histories'))
    out.append(customer_case('customers_large', rng, 300, 30, 'paths and journeys built from 300 customer histories'))
    return out


def main():
    result = []
    for c in cases():
        base, effects, without = markov(c['paths'])
        c['expected'] = {
            'p_visit': base,
            'removal_effects': effects,
            'p_visit_without': without,
            'credits': [credits(j, effects) for j in c['journeys']],
        }
        result.append(c)
    doc = {'generator': 'make_reference.py', 'numpy': np.__version__, 'tolerance': 1e-9, 'cases': result}
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'reference.json'), 'w') as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write('\n')
    print(f'{len(result)} cases written')


if __name__ == '__main__':
    main()
