"""Which sections are scored together: a formula on 40 words is noise.

A section with fewer words than the audience's `min_words` is pooled with its neighbours
under the same parent heading (a short section that has subsections counts as the first of
them, since its text introduces them):

1. consecutive short siblings are pooled in order until each pool reaches `min_words`;
2. a run of short siblings that stays under `min_words` joins the last pool of its run, or
   else borrows the sibling next to it (the one before, else the one after), which keeps
   its own score;
3. a short section with no sibling to borrow stays unscored; the page grade still counts it.

Sections with no scorable words are left out altogether.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pool:
    members: tuple[int, ...]  # short sections that get this pool's score, in order
    borrowed: int | None = None  # a long neighbour scored with them (keeps its own score)

    @property
    def scored(self) -> tuple[int, ...]:
        """Every section whose sentences the pool's score is computed on, in page order."""
        if self.borrowed is None:
            return self.members
        return tuple(sorted(self.members + (self.borrowed,)))


def parents_of(levels: list[int]) -> list[int | None]:
    """Index of the enclosing section of each section (None at the top)."""
    out: list[int | None] = []
    for i, level in enumerate(levels):
        parent = None
        if level > 0:
            for j in range(i - 1, -1, -1):
                if 0 < levels[j] < level:
                    parent = j
                    break
        out.append(parent)
    return out


def pool_sections(words: list[int], levels: list[int], min_words: int) -> dict[int, Pool]:
    """The pool of every short section that can be scored, keyed by section index."""
    parents = parents_of(levels)
    with_children = {p for p in parents if p is not None}
    groups: dict[int | None, list[int]] = {}
    for i, w in enumerate(words):
        if w == 0:
            continue
        key = i if (i in with_children and w < min_words) else parents[i]
        groups.setdefault(key, []).append(i)
    out: dict[int, Pool] = {}
    for members in groups.values():
        members.sort()
        for pool in _pool_group(members, words, min_words):
            for m in pool.members:
                out[m] = pool
    return out


def _pool_group(group: list[int], words: list[int], min_words: int) -> list[Pool]:
    pools: list[Pool] = []
    pos = 0
    while pos < len(group):
        if words[group[pos]] >= min_words:
            pos += 1
            continue
        end = pos
        while end < len(group) and words[group[end]] < min_words:
            end += 1
        run = group[pos:end]
        run_pools: list[list[int]] = []
        current: list[int] = []
        for s in run:
            current.append(s)
            if sum(words[x] for x in current) >= min_words:
                run_pools.append(current)
                current = []
        if current:
            if run_pools:
                run_pools[-1].extend(current)
            else:
                neighbour = group[pos - 1] if pos > 0 else (group[end] if end < len(group) else None)
                if neighbour is not None:
                    pools.append(Pool(tuple(current), neighbour))
        pools.extend(Pool(tuple(p)) for p in run_pools)
        pos = end
    return pools
