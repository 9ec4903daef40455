"""The public documents the demo answers cite, and the shape of a demo answer.

Every demo answer rests on what these documents say about the process it assesses; where they
say nothing, the answer is "insufficient information", never a guess.
"""

from dataclasses import dataclass
from datetime import date

NOT_KNOWN = "insufficient_information"
NOT_APPLICABLE = "not_applicable"
ACCESSED_ON = date(2026, 11, 1)


@dataclass(frozen=True)
class Source:
    url: str
    title: str

    def at(self, where: str) -> "Citation":
        """This document, read at ``where`` (a section or a part of it)."""
        return Citation(self, where)


@dataclass(frozen=True)
class Citation:
    source: Source
    where: str

    def row(self) -> dict[str, str]:
        """The evidence row as an assessor types it in the questionnaire."""
        return {
            "url": self.source.url,
            "title": self.source.title,
            "accessed_on": ACCESSED_ON.isoformat(),
            "note": f"Demo evidence. See {self.where}.",
        }

    def untitled(self) -> "UntitledCitation":
        """This citation as typed by someone who has not yet given its title."""
        return UntitledCitation(self.source, self.where)


@dataclass(frozen=True)
class UntitledCitation(Citation):
    """An address typed without its title: the questionnaire keeps it as an unfinished row."""

    def row(self) -> dict[str, str]:
        return {**super().row(), "title": ""}


@dataclass(frozen=True)
class DemoAnswer:
    """A level (0-4), NOT_KNOWN or NOT_APPLICABLE, why, and the evidence for it."""

    choice: int | str
    rationale: str
    evidence: tuple[Citation, ...] = ()


def answer(choice: int | str, rationale: str, *evidence: Citation) -> DemoAnswer:
    return DemoAnswer(choice, rationale, evidence)


WTPF_BACKGROUNDER = Source(
    "https://www.itu.int/",
    "ITU, WTPF Backgrounder Series: Supporting Multi-stakeholderism in Internet Governance "
    "(WTPF-13, Geneva, May 2013)",
)
ENHANCED_COOPERATION = Source(
    "https://www.itu.int/",
    "ITU, WTPF Backgrounder Series: The Enhanced Cooperation Process (WTPF-13, Geneva, May 2013)",
)
OPEN_TALKS = Source(
    "https://www.itu.int/",
    "ITU, Information document of the Secretary-General on the outcome of the informal "
    "consultations on international Internet-related public policy issues (2013)",
)
PLATFORM = Source("http://ideas.itu.int/", "ITU online crowdsourcing platform: contributions")
WORKSHOP_REPORT = Source(
    "https://www.intgovforum.org/",
    "IGF 2013 Workshop #41 report: Developing and effectively using Multistakeholder Principles",
)
# The record of the illustrative process: invented, so that the demo shows a process open at
# agenda-setting and closed at decision-making, which none of the sources describes.
ILLUSTRATIVE_RECORD = Source(
    "https://consultation.example.org/",
    "Illustrative consultation record (an invented example, not a real document)",
)
