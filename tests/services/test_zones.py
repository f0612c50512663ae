from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.services.zones import ReadingZone, phone_zone, reading_zone

ALMATY = ZoneInfo("Asia/Almaty")
KYIV = ZoneInfo("Europe/Kyiv")
AT = datetime(2026, 12, 1, 21, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("phone", "insurer", "zone"),
    [
        ("+380501112233", ALMATY, "Europe/Kyiv"),
        ("+77010000101", ALMATY, "Asia/Almaty"),  # a KZ mobile, read in the insurer's zone
        ("+77172000000", KYIV, "Asia/Almaty"),  # an Astana landline names its zone itself
        ("+4915112345605", ALMATY, "Europe/Berlin"),
        ("+998901234567", KYIV, "Asia/Tashkent"),
    ],
)
def test_a_phone_tells_the_members_zone(phone, insurer, zone):
    found = phone_zone(phone, insurer, AT)
    assert found is not None
    assert found.key == zone


@pytest.mark.parametrize("phone", [None, "", "+79161234567", "not a phone"])
def test_no_phone_or_a_country_whose_clocks_disagree_is_unknown(phone):
    # Russia's mobiles span eleven time zones: the number does not say which
    assert phone_zone(phone, ALMATY, AT) is None


def test_an_unknown_zone_falls_back_to_the_insurers_and_says_it_is_not_the_members():
    assert reading_zone(None, ALMATY, AT) == ReadingZone(ALMATY, own=False)
    assert reading_zone("+380501112233", ALMATY, AT) == ReadingZone(KYIV, own=True)
