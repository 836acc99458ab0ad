"""The metric catalogue: support metrics with their definitions, shipped as data.

A document refers to these by id (`values[].metrics`); a custom metric is
allowed when the document defines it under `metrics:` with at least a name
and what it measures.
"""

from __future__ import annotations

from typing import NamedTuple

ASPECTS = {
    "quality": "quality of service",
    "value": "value to the organisation",
    "efficiency": "operational efficiency",
}


class Metric(NamedTuple):  # cheaper to make at start-up than a dataclass
    """One metric: what it measures, how it is computed, and which way is better."""

    id: str
    name: str
    measures: str
    formula: str
    unit: str
    better: str  # "higher", "lower" or "see scale"
    aspect: str  # a key of ASPECTS


CATALOGUE: tuple[Metric, ...] = (
    Metric(
        "NPS",
        "Net Promoter Score",
        "How willing customers are to recommend the company to a friend.",
        "% of promoters (answers 9-10) minus % of detractors (answers 0-6) to "
        '"How likely are you to recommend us?" on a 0-10 scale',
        "-100 to +100",
        "higher",
        "quality",
    ),
    Metric(
        "CSAT",
        "Customer Satisfaction",
        "How satisfied customers are with a contact or with the service.",
        "answers of 4 or 5 / all answers x 100, on a 1-5 satisfaction scale",
        "%",
        "higher",
        "quality",
    ),
    Metric(
        "CES",
        "Customer Effort Score",
        "How easy it was for the customer to get their request handled.",
        'mean agreement with "The company made it easy to handle my request" on a '
        "7-point scale (the original 1-5 effort scale counts the other way: lower is better)",
        "mean score",
        "see scale",
        "quality",
    ),
    Metric(
        "FCR",
        "First Contact Resolution",
        "How often a customer's problem is solved in the first contact.",
        "contacts resolved at first contact / all contacts x 100, with a stated "
        "re-contact window (often 7-14 days)",
        "%",
        "higher",
        "efficiency",
    ),
    Metric(
        "FRT",
        "First Response Time",
        "How long a customer waits for the first reply from a person.",
        "total time to the first human reply / tickets; automatic replies do not "
        "count; state whether business hours only",
        "minutes or hours",
        "lower",
        "efficiency",
    ),
    Metric(
        "AHT",
        "Average Handle Time",
        "How long handling one interaction takes, including follow-up work.",
        "(talk time + hold time + after-contact work) / interactions handled",
        "seconds",
        "lower",
        "efficiency",
    ),
    Metric(
        "ASA",
        "Average Speed of Answer",
        "How long customers wait in the queue before someone answers.",
        "total queue wait / contacts answered",
        "seconds",
        "lower",
        "efficiency",
    ),
    Metric(
        "ART",
        "Average Resolution Time",
        "How long it takes from a request being opened to being solved.",
        "total time from creation to solved / tickets solved (say whether reopened "
        "tickets count from the first or the final resolution)",
        "hours",
        "lower",
        "efficiency",
    ),
    Metric(
        "ABANDON",
        "Abandonment rate",
        "How many customers give up before anyone answers.",
        "(contacts offered - contacts handled) / contacts offered x 100 (very short "
        "abandons are often left out)",
        "%",
        "lower",
        "efficiency",
    ),
    Metric(
        "ESC",
        "Escalation rate",
        "How often a case has to be passed on to someone else.",
        "escalated cases / all cases x 100",
        "%",
        "lower",
        "efficiency",
    ),
    Metric(
        "SOLVED24",
        "Solved within 24 hours",
        "How many requests are solved within a day.",
        "tickets solved within 24 h / tickets solved x 100",
        "%",
        "higher",
        "efficiency",
    ),
    Metric(
        "CPT",
        "Cost per ticket",
        "What solving one request (incident) costs the company.",
        "operating cost of support in a period / tickets solved in that period",
        "currency",
        "lower",
        "value",
    ),
    Metric(
        "CRR",
        "Customer Retention Rate",
        "How many customers stay with the company over a period.",
        "((customers at end - new customers in the period) / customers at start) x 100",
        "%",
        "higher",
        "value",
    ),
    Metric(
        "CHURN",
        "Churn rate",
        "How many customers leave over a period.",
        "customers lost / customers at start x 100",
        "%",
        "lower",
        "value",
    ),
    Metric(
        "CLV",
        "Customer Lifetime Value",
        "What a customer is worth to the company over the whole relationship.",
        "average purchase value x purchase frequency x customer lifespan",
        "currency",
        "higher",
        "value",
    ),
    Metric(
        "AOV",
        "Average Order Value",
        "How much a customer spends per order.",
        "revenue / orders",
        "currency",
        "higher",
        "value",
    ),
    Metric(
        "QA",
        "Quality assurance score",
        "How well conversations meet the team's own quality rubric.",
        "weighted mean of rubric category scores per reviewed conversation, scaled "
        "0-100, averaged over reviews",
        "0-100",
        "higher",
        "quality",
    ),
    Metric(
        "ATTRITION",
        "Employee attrition rate",
        "How many employees leave over a period.",
        "separations / average headcount x 100",
        "%",
        "lower",
        "value",
    ),
    Metric(
        "ESAT",
        "Employee satisfaction",
        "How satisfied employees are with their work.",
        "mean score of an employee survey",
        "survey scale",
        "higher",
        "value",
    ),
    Metric(
        "TRAINING",
        "Training days",
        "How much the team invests in learning.",
        "training days per team member per period",
        "days",
        "higher",
        "value",
    ),
    Metric(
        "SQL",
        "Sales-qualified leads",
        "How many leads meet the sales team's qualification rule.",
        "count of leads meeting the sales qualification rule in a period",
        "count",
        "higher",
        "value",
    ),
    Metric(
        "MQL",
        "Marketing-qualified leads",
        "How many leads meet the marketing team's qualification rule.",
        "count of leads meeting the marketing qualification rule in a period",
        "count",
        "higher",
        "value",
    ),
    Metric(
        "USAGE",
        "Product and feature usage",
        "How many active users use a product or feature.",
        "active users of the feature / active users x 100",
        "%",
        "higher",
        "value",
    ),
    Metric(
        "WOM",
        "Word of mouth",
        "How many new customers came because someone recommended the company.",
        "new customers who came by referral / new customers x 100",
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
        for label, text in (("a name", name), ("what it measures", measures))
        if not (text or "").strip()
    ]


def find(metric_id: str) -> Metric | None:
    """A catalogue metric by id, ignoring case (`nps` finds NPS)."""
    return BY_ID.get(metric_id.upper())
