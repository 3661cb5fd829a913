"""Drawing a random sample of case files to audit (`audit --sample N --seed S`).

The draw depends only on the case files and their teams, and the seed: case ids
are sorted before drawing, so the same seed picks the same files whatever the
order of the input and however many processes check them. Where the export
says which team wrote the notes, the sample is stratified by team: each team
gets its proportional share of N (largest remainders, ties to the team first
in alphabetical order), drawn at random from its case files. A case file
belongs to the team that wrote most of its notes (ties to the first in
alphabetical order). Notes with no case id belong to no case file and are
never drawn.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from recordcheck.model import Note, Sample, Stratum

STRATIFIED_BY = "team"
NO_TEAM = "team not recorded"


class SampleTooLarge(ValueError):
    """More case files were asked for than the input holds; the message says how many."""


@dataclass
class CaseFiles:
    """The case files an input holds, counted as its notes are read."""

    teams: dict[str, Counter] = field(default_factory=dict)  # case id -> notes per team
    notes_without_case: int = 0

    def add(self, note: Note) -> None:
        if note.case_id:
            self.teams.setdefault(note.case_id, Counter())[note.team.strip()] += 1
        else:
            self.notes_without_case += 1

    def notes_in(self, case_ids) -> int:
        return sum(sum(self.teams[case].values()) for case in case_ids)

    def sizes(self) -> dict[str, int]:
        """Notes per case file."""
        return {case: sum(counts.values()) for case, counts in self.teams.items()}

    def team_of(self) -> dict[str, str]:
        """Each case file's team: the one that wrote most of its notes."""
        return {
            case: min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
            for case, counts in self.teams.items()
        }


def draw_sample(cases: CaseFiles, size: int, seed: int) -> Sample:
    """``size`` case files drawn at random with ``seed``, stratified by team where known.

    Raises SampleTooLarge when the input holds fewer case files than ``size``.
    """
    team_of = cases.team_of()
    if not team_of:
        raise SampleTooLarge(
            f"--sample {size}: no note in the input has a case id, so there are no case "
            "files to draw from"
        )
    if size > len(team_of):
        raise SampleTooLarge(
            f"--sample {size}: the input holds only {len(team_of)} case files; "
            f"give a number from 1 to {len(team_of)}"
        )
    by_team: dict[str, list[str]] = {}
    for case in sorted(team_of):
        by_team.setdefault(team_of[case] or NO_TEAM, []).append(case)
    stratified = set(by_team) != {NO_TEAM}
    shares = _shares(size, {team: len(files) for team, files in by_team.items()})
    drawn: list[str] = []
    strata = []
    for team in sorted(by_team):
        # one generator per team, seeded by the seed and the team's name, so a team's
        # draw does not depend on the other teams
        chosen = random.Random(f"{seed}:{team}").sample(by_team[team], shares[team])
        drawn += chosen
        strata.append(Stratum(team, len(chosen), len(by_team[team])))
    return Sample(
        seed=seed,
        of=len(team_of),
        case_ids=tuple(sorted(drawn)),
        stratified_by=STRATIFIED_BY if stratified else "",
        strata=tuple(strata) if stratified else (),
        notes_left_out=cases.notes_in(set(team_of) - set(drawn)) + cases.notes_without_case,
    )


def _shares(size: int, counts: Mapping[str, int]) -> dict[str, int]:
    """``size`` split in proportion to ``counts`` (largest remainder method)."""
    total = sum(counts.values())
    exact = {team: size * count / total for team, count in counts.items()}
    shares = {team: int(share) for team, share in exact.items()}
    by_remainder = sorted(counts, key=lambda team: (-(exact[team] - shares[team]), team))
    for team in by_remainder[: size - sum(shares.values())]:
        shares[team] += 1
    return shares
