"""The metric catalogue: support metrics with their definitions, shipped as data.

A document refers to these by id (`values[].metrics`); a custom metric is
allowed when the document defines it under `metrics:` with at least a name
and what it measures.
"""

from __future__ import annotations

from typing import NamedTuple

from cxphilo.locale import N_

ASPECTS = {
    "quality": N_("quality of service"),
    "value": N_("value to the organisation"),
    "efficiency": N_("operational efficiency"),
}


class Metric(NamedTuple):  # cheaper to make at start-up than a dataclass
    """One metric: what it measures, how it is computed, and which way is better."""

    id: str
    name: str
    measures: str
    formula: str
    unit: str  # a key, not words: the charter says it in its own words (render/labels.py)
    better: str  # "higher", "lower" or "see scale"
    aspect: str  # a key of ASPECTS


CATALOGUE: tuple[Metric, ...] = (
    Metric(
        "NPS",
        N_("Net Promoter Score"),
        N_("How willing customers are to recommend the company to a friend."),
        N_(
            "% of promoters (answers 9-10) minus % of detractors (answers 0-6) to "
            '"How likely are you to recommend us?" on a 0-10 scale'
        ),
        "-100 to +100",
        "higher",
        "quality",
    ),
    Metric(
        "CSAT",
        N_("Customer Satisfaction"),
        N_("How satisfied customers are with a contact or with the service."),
        N_("answers of 4 or 5 / all answers x 100, on a 1-5 satisfaction scale"),
        "%",
        "higher",
        "quality",
    ),
    Metric(
        "CES",
        N_("Customer Effort Score"),
        N_("How easy it was for the customer to get their request handled."),
        N_(
            'mean agreement with "The company made it easy to handle my request" on a '
            "7-point scale (the original 1-5 effort scale counts the other way: lower is better)"
        ),
        "mean score",
        "see scale",
        "quality",
    ),
    Metric(
        "FCR",
        N_("First Contact Resolution"),
        N_("How often a customer's problem is solved in the first contact."),
        N_(
            "contacts resolved at first contact / all contacts x 100, with a stated "
            "re-contact window (often 7-14 days)"
        ),
        "%",
        "higher",
        "efficiency",
    ),
    Metric(
        "FRT",
        N_("First Response Time"),
        N_("How long a customer waits for the first reply from a person."),
        N_(
            "total time to the first human reply / tickets; automatic replies do not "
            "count; state whether business hours only"
        ),
        "minutes or hours",
        "lower",
        "efficiency",
    ),
    Metric(
        "AHT",
        N_("Average Handle Time"),
        N_("How long handling one interaction takes, including follow-up work."),
        N_("(talk time + hold time + after-contact work) / interactions handled"),
        "seconds",
        "lower",
        "efficiency",
    ),
    Metric(
        "ASA",
        N_("Average Speed of Answer"),
        N_("How long customers wait in the queue before someone answers."),
        N_("total queue wait / contacts answered"),
        "seconds",
        "lower",
        "efficiency",
    ),
    Metric(
        "ART",
        N_("Average Resolution Time"),
        N_("How long it takes from a request being opened to being solved."),
        N_(
            "total time from creation to solved / tickets solved (say whether reopened "
            "tickets count from the first or the final resolution)"
        ),
        "hours",
        "lower",
        "efficiency",
    ),
    Metric(
        "ABANDON",
        N_("Abandonment rate"),
        N_("How many customers give up before anyone answers."),
        N_(
            "(contacts offered - contacts handled) / contacts offered x 100 (very short "
            "abandons are often left out)"
        ),
        "%",
        "lower",
        "efficiency",
    ),
    Metric(
        "ESC",
        N_("Escalation rate"),
        N_("How often a case has to be passed on to someone else."),
        N_("escalated cases / all cases x 100"),
        "%",
        "lower",
        "efficiency",
    ),
    Metric(
        "SOLVED24",
        N_("Solved within 24 hours"),
        N_("How many requests are solved within a day."),
        N_("tickets solved within 24 h / tickets solved x 100"),
        "%",
        "higher",
        "efficiency",
    ),
    Metric(
        "CPT",
        N_("Cost per ticket"),
        N_("What solving one request (incident) costs the company."),
        N_("operating cost of support in a period / tickets solved in that period"),
        "currency",
        "lower",
        "value",
    ),
    Metric(
        "CRR",
        N_("Customer Retention Rate"),
        N_("How many customers stay with the company over a period."),
        N_("((customers at end - new customers in the period) / customers at start) x 100"),
        "%",
        "higher",
        "value",
    ),
    Metric(
        "CHURN",
        N_("Churn rate"),
        N_("How many customers leave over a period."),
        N_("customers lost / customers at start x 100"),
        "%",
        "lower",
        "value",
    ),
    Metric(
        "CLV",
        N_("Customer Lifetime Value"),
        N_("What a customer is worth to the company over the whole relationship."),
        N_("average purchase value x purchase frequency x customer lifespan"),
        "currency",
        "higher",
        "value",
    ),
    Metric(
        "AOV",
        N_("Average Order Value"),
        N_("How much a customer spends per order."),
        N_("revenue / orders"),
        "currency",
        "higher",
        "value",
    ),
    Metric(
        "QA",
        N_("Quality assurance score"),
        N_("How well conversations meet the team's own quality rubric."),
        N_(
            "weighted mean of rubric category scores per reviewed conversation, scaled "
            "0-100, averaged over reviews"
        ),
        "0-100",
        "higher",
        "quality",
    ),
    Metric(
        "ATTRITION",
        N_("Employee attrition rate"),
        N_("How many employees leave over a period."),
        N_("separations / average headcount x 100"),
        "%",
        "lower",
        "value",
    ),
    Metric(
        "ESAT",
        N_("Employee satisfaction"),
        N_("How satisfied employees are with their work."),
        N_("mean score of an employee survey"),
        "survey scale",
        "higher",
        "value",
    ),
    Metric(
        "TRAINING",
        N_("Training days"),
        N_("How much the team invests in learning."),
        N_("training days per team member per period"),
        "days",
        "higher",
        "value",
    ),
    Metric(
        "SQL",
        N_("Sales-qualified leads"),
        N_("How many leads meet the sales team's qualification rule."),
        N_("count of leads meeting the sales qualification rule in a period"),
        "count",
        "higher",
        "value",
    ),
    Metric(
        "MQL",
        N_("Marketing-qualified leads"),
        N_("How many leads meet the marketing team's qualification rule."),
        N_("count of leads meeting the marketing qualification rule in a period"),
        "count",
        "higher",
        "value",
    ),
    Metric(
        "USAGE",
        N_("Product and feature usage"),
        N_("How many active users use a product or feature."),
        N_("active users of the feature / active users x 100"),
        "%",
        "higher",
        "value",
    ),
    Metric(
        "WOM",
        N_("Word of mouth"),
        N_("How many new customers came because someone recommended the company."),
        N_("new customers who came by referral / new customers x 100"),
        "%",
        "higher",
        "value",
    ),
)

BY_ID: dict[str, Metric] = {metric.id: metric for metric in CATALOGUE}


def definition_gaps(name: str | None, measures: str | None) -> list[str]:
    """What a custom metric's definition lacks so that everyone measures it the same way.

    Empty when it has both a name and what it measures. The check reports the
    gaps (`metric-undefined`); the charter shows such a metric as undefined.
    """
    return [
        label
        for label, text in ((N_("a name"), name), (N_("what it measures"), measures))
        if not (text or "").strip()
    ]


def find(metric_id: str) -> Metric | None:
    """A catalogue metric by id, ignoring case (`nps` finds NPS)."""
    return BY_ID.get(metric_id.upper())
