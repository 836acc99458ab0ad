"""Step 6, share and hire: where the philosophy lives in daily work, and the hiring rubric."""

from __future__ import annotations

from cxphilo.model import Hiring, RubricItem, Sharing

from .asker import Choice
from .lexicon import hiring_for
from .session import Session

SCALES = ("1-5", "1-10", "1-3")


def run(session: Session) -> None:
    """Run step 6, saving after each answer."""
    _sharing(session)
    _hiring(session)


def _sharing(session: Session) -> None:
    doc = session.doc
    session.note("Share it through daily work, not a poster.", "question")
    s = doc.sharing = doc.sharing or Sharing()
    s.onboarding = session.optional(
        "Onboarding: how does a new hire meet the philosophy?",
        s.onboarding,
        instruction="(Zappos: two weeks answering customers, whatever the job; Enter to skip)",
    )
    session.save()
    s.promotions = session.optional(
        "Promotions: how does living the values count for a career?",
        s.promotions,
        instruction="(e.g. the career ladder names the values; Enter to skip)",
    )
    session.save()
    s.incentives = session.optional(
        "Incentives: which rewards follow the philosophy?",
        s.incentives,
        instruction="(careful: a bonus on one number invites gaming it; Enter to skip)",
    )
    session.save()
    s.social_media = session.optional(
        "Social media: how do public replies show the values?",
        s.social_media,
        instruction="(Enter to skip)",
    )
    session.save()
    s.other = session.items("Anywhere else?", s.other)
    session.save()


def _hiring(session: Session) -> None:
    doc = session.doc
    session.note(
        "The hiring rubric: a few profile questions per value. Ask them first of the people "
        "who live the values best; their answers become the benchmark for candidates.",
        "question",
    )
    h = doc.hiring = doc.hiring or Hiring()
    scales = [Choice(s, s) for s in SCALES]
    if h.scale and h.scale not in SCALES:
        scales.insert(0, Choice(h.scale, h.scale))
    h.scale = session.select("Score answers on which scale?", scales, default=h.scale or "1-5")
    session.save()
    if not doc.values:
        session.note("No values yet (step 3): the rubric follows them.", "warning")
    for value in doc.values:
        item = next((i for i in h.rubric if i.value == value.name), None)
        suggested, strong = hiring_for(value.name)
        questions = session.items(
            f"Profile questions for {value.name}",
            item.questions if item and item.questions else list(suggested),
            instruction="(suggestions filled in: edit freely; separate with ;)",
        )
        if item is None:
            h.rubric = [*h.rubric, RubricItem(value=value.name)]
            item = h.rubric[-1]
        item.questions = questions
        session.save()
        item.strong_answer = session.optional(
            "What does a strong answer look like?",
            item.strong_answer or strong,
        )
        session.save()
