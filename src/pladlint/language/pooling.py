"""Which sections are scored together: a formula on 40 words is noise.

A section with fewer words than the audience's `min_words` is pooled with its neighbours
under the same parent heading (a short section that has subsections counts as the first of
them, since its text introduces them):

1. consecutive short siblings are pooled in order until each pool reaches `min_words`;
2. a run of short siblings that stays under `min_words` joins the last pool of its run, or
   else borrows the sibling next to it (the one before, else the one after), which keeps
   its own score;
3. what a group of subsections cannot pool moves up, as one block, to the group of the
   section that heads them;
4. a short section with nothing left to pool with stays unscored; the page grade counts it.

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
    # The nearest earlier section with a lower level (> 0). A stack of the sections still
    # visible from here (levels strictly rising) finds it in linear time; looking back over
    # every earlier heading was quadratic when all headings share one level.
    out: list[int | None] = []
    stack: list[int] = []
    for i, level in enumerate(levels):
        if level <= 0:
            out.append(None)
            continue
        while stack and levels[stack[-1]] >= level:
            stack.pop()
        out.append(stack[-1] if stack else None)
        stack.append(i)
    return out


def pool_sections(words: list[int], levels: list[int], min_words: int) -> dict[int, Pool]:
    """The pool of every short section that can be scored, keyed by section index."""
    parents = parents_of(levels)
    with_children = {p for p in parents if p is not None}
    groups: dict[int | None, list[tuple[int, ...]]] = {}
    for i, w in enumerate(words):
        if w == 0:
            continue
        key = i if (i in with_children and w < min_words) else parents[i]
        groups.setdefault(key, []).append((i,))
    out: dict[int, Pool] = {}
    # Deepest groups first: what a subsection group cannot pool moves up, as one block, to
    # the group of its head section's parent.
    for key in sorted(groups, key=lambda k: -levels[k] if k is not None else 1):
        blocks = sorted(groups[key])
        pools, leftover = _pool_group(blocks, words, min_words)
        for pool in pools:
            for m in pool.members:
                out[m] = pool
        if leftover and key is not None:
            merged = tuple(sorted(i for block in leftover for i in block))
            groups.setdefault(parents[key], []).append(merged)
    return out


def _pool_group(group: list[tuple[int, ...]], words: list[int],
                min_words: int) -> tuple[list[Pool], list[tuple[int, ...]]]:
    """Pools of a group of blocks (runs of sections), and the blocks left unpooled."""
    size = [sum(words[i] for i in block) for block in group]
    pools: list[Pool] = []
    leftover: list[tuple[int, ...]] = []
    pos = 0
    while pos < len(group):
        if size[pos] >= min_words:
            pos += 1
            continue
        end = pos
        while end < len(group) and size[end] < min_words:
            end += 1
        run_pools: list[list[int]] = []
        current: list[int] = []
        total = 0
        for b in range(pos, end):
            current.extend(group[b])
            total += size[b]
            if total >= min_words:
                run_pools.append(current)
                current, total = [], 0
        if current:
            if run_pools:
                run_pools[-1].extend(current)
            else:
                neighbour = pos - 1 if pos > 0 else (end if end < len(group) else None)
                if neighbour is not None:
                    pools.append(Pool(tuple(current), group[neighbour][0]))
                else:
                    leftover.append(tuple(current))
        pools.extend(Pool(tuple(p)) for p in run_pools)
        pos = end
    return pools, leftover
