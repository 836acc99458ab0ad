"""Step 6, share and hire: where the philosophy lives in daily work, how people are
empowered to live it, and the hiring rubric with the benchmark answers of the best."""

from __future__ import annotations

from typing import Any

from cxphilo.document.model import Benchmark, Hiring, Philosophy, RubricItem
from cxphilo.locale import Text, Words

from . import form
from .actions import core
from .answers import Refused, clean, split_list
from .asker import Choice
from .form import Field
from .session import Session
from .suggestions import hiring_for

SCALES = ("1-5", "1-10", "1-3")


def run(session: Session) -> None:
    """Run step 6, saving after each answer."""
    if not session.doc.values:
        session.note(session.t("No values yet (step 3): the rubric follows them."), "warning")
    form.run(session, fields)


def fields(session: Session) -> list[Field]:
    """Step 6's questions: sharing and empowerment, the scale, then per value the rubric."""
    doc = session.doc
    t = session.t
    sharing = ("sharing",)
    scale = doc.hiring.scale if doc.hiring else None
    scales = [Choice(s, s) for s in SCALES]
    if scale and scale not in SCALES:
        scales.insert(0, Choice(scale, scale))
    out = [
        form.text_field(
            "onboarding",
            t("Onboarding"),
            t("Onboarding: how does a new hire meet the philosophy?"),
            (*sharing, "onboarding"),
            hint=t("(Zappos: two weeks answering customers, whatever the job; Enter to skip)"),
            heading=t("Share it through daily work, not a poster."),
        ),
        form.text_field(
            "training",
            t("Training"),
            t("Training: how do people learn to live it?"),
            (*sharing, "training"),
            hint=t("(workshops, shadowing, reviews of real conversations; Enter to skip)"),
            heading=t("Empower people to live it: training, and room to decide."),
        ),
        form.text_field(
            "autonomy",
            t("Autonomy"),
            t("What may people decide for themselves, instead of following a script?"),
            (*sharing, "autonomy"),
            hint=t("(for example: a refund up to a set amount, without asking; Enter to skip)"),
        ),
        form.text_field(
            "promotions",
            t("Promotions"),
            t("Promotions: how does living the values count for a career?"),
            (*sharing, "promotions"),
            hint=t("(e.g. the career ladder names the values; Enter to skip)"),
        ),
        form.text_field(
            "incentives",
            t("Incentives"),
            t("Incentives: which rewards follow the philosophy?"),
            (*sharing, "incentives"),
            hint=t("(careful: a bonus on one number invites gaming it; Enter to skip)"),
        ),
        form.text_field(
            "social",
            t("Social media"),
            t("Social media: how do public replies show the values?"),
            (*sharing, "social_media"),
        ),
        form.list_field("other", t("Elsewhere"), t("Anywhere else?"), (*sharing, "other")),
        form.choice_field(
            "scale",
            t("Scoring scale"),
            t("Score answers on which scale?"),
            ("hiring", "scale"),
            scales,
            suggest="1-5",
            heading=t(
                "The hiring rubric: a few profile questions per value. Ask them first of "
                "the people who live the values best; their answers become the benchmark."
            ),
        ),
    ]
    for value in doc.values:
        out += _rubric_fields(t, value.name, core(value), session.content)
    return out


def _item(doc: Philosophy, value_name: str) -> RubricItem | None:
    hiring = doc.hiring
    return next((i for i in hiring.rubric if i.value == value_name), None) if hiring else None


def _rubric_part(value_name: str, attribute: str) -> tuple[Any, Any]:
    """get and put for one part of a value's rubric item; put creates the item."""

    def get(doc: Philosophy) -> Any:
        item = _item(doc, value_name)
        return getattr(item, attribute) if item else None

    def put(doc: Philosophy, new: Any) -> None:
        if doc.hiring is None:
            doc.hiring = Hiring()
        assert doc.hiring is not None
        item = _item(doc, value_name)
        if item is None:
            doc.hiring.rubric = [*doc.hiring.rubric, RubricItem(value=value_name)]
            item = doc.hiring.rubric[-1]
        setattr(item, attribute, new)

    return get, put


def _rubric_fields(t: Words, name: str, common: str, content: Words) -> list[Field]:
    """A value's rubric: asked in the room's words `t`, suggested in the document's `content`."""
    suggested, strong = hiring_for(common, content)
    return [
        form.Field(
            f"rubric.{name}.questions",
            t("{value}: profile questions", value=name),
            t("Profile questions for {value}", value=name),
            *_rubric_part(name, "questions"),
            parse=split_list,
            suggest=list(suggested) or None,
            hint=t("(suggestions filled in: type to replace, → to edit; separate with ;)"),
        ),
        form.Field(
            f"rubric.{name}.strong",
            t("{value}: a strong answer", value=name),
            t("What does a strong answer look like?"),
            *_rubric_part(name, "strong_answer"),
            suggest=strong,
            hint=t("(Enter keeps the suggestion; Enter on empty to skip)"),
        ),
        form.Field(
            f"rubric.{name}.benchmark",
            t("{value}: benchmark answer", value=name),
            t("How did someone who lives {value} best answer?", value=name),
            *_benchmark(name),
            parse=_parse_benchmark,
            show=_show_benchmark,
            hint=t(
                "(who: their answer, e.g. Sam, support: I stayed until it worked; Enter to skip)"
            ),
        ),
    ]


def _benchmark(name: str) -> tuple[Any, Any]:
    get_all, put_all = _rubric_part(name, "benchmarks")

    def get(doc: Philosophy) -> Benchmark | None:
        found = get_all(doc) or []
        return found[0] if found else None

    def put(doc: Philosophy, new: Benchmark | None) -> None:
        rest = (get_all(doc) or [])[1:]
        put_all(doc, ([new] if new is not None else []) + list(rest))

    return get, put


def _parse_benchmark(answer: str) -> Benchmark | None:
    """ "Sam (support): I stayed until it worked" -> by Sam (support), the answer after."""
    text = clean(answer)
    if not text:
        return None
    who, colon, said = text.partition(":")
    if colon and who.strip() and said.strip() and len(who) <= 60:
        return Benchmark(by=who.strip(), answer=said.strip())
    if colon and not said.strip():
        raise Refused(Text("Say the answer after the colon, or leave out who gave it."))
    return Benchmark(answer=text)


def _show_benchmark(benchmark: Benchmark | None) -> str:
    if benchmark is None:
        return ""
    return f"{benchmark.by}: {benchmark.answer}" if benchmark.by else benchmark.answer
