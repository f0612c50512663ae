"""Which answers of a request are facts the insurer's records need, and which are a person's
own words (kept only while the request is live, and not at all after an erase)."""

from __future__ import annotations

from typing import Any

# chosen from fixed lists or typed as a date/amount: no free text, no contact data
KEPT_DETAILS = frozenset(
    {
        "specialty",
        "preferred_date",
        "time_window",
        "time_zone",
        "visit_date",  # the visit staff booked (`/visit`)
        "visit_time",
        "delivery_date",  # a medicines delivery staff booked (`/visit`)
        "delivery_time",
        "service_date",
        "amount",
        "currency",
    }
)


def anonymous_details(details: dict[str, Any]) -> dict[str, Any]:
    """The answers without free text, addresses, phones, IBANs or anything typed freely."""
    return {key: value for key, value in details.items() if key in KEPT_DETAILS}
