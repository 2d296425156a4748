"""The page limit a build takes from its environment (macros.settings): the default, a lower one
for tests that page a small plan, and a clean Vietnamese message for a value that is not one."""
from __future__ import annotations

import pytest

from macros.model.paging import PAGE_LIMIT
from macros.settings import Settings, SettingsError, page_limit


def test_the_page_limit_is_the_default_unless_plan_page_limit_sets_one():
    assert page_limit({}) == page_limit({"PLAN_PAGE_LIMIT": " "}) == PAGE_LIMIT
    assert page_limit({"PLAN_PAGE_LIMIT": "40"}) == 40
    assert Settings.from_env(env={"PLAN_PAGE_LIMIT": "7"}).page_limit == 7


@pytest.mark.parametrize("value", ["0", "-3", "mười", "4.5", "٣"])
def test_a_page_limit_that_is_not_a_positive_whole_number_stops_the_build_cleanly(value):
    with pytest.raises(SettingsError, match=f"PLAN_PAGE_LIMIT=«{value}» không phải một số nguyên "
                                            "dương"):
        page_limit({"PLAN_PAGE_LIMIT": value})
