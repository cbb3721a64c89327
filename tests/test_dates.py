import pytest

from graph.extract.dates import resolve


@pytest.mark.parametrize("expression,expected", [
    ("Thursday", "2023-03-02"),          # the publication day itself is a Thursday
    ("on Monday", "2023-02-27"),
    ("Thursday’s", "2023-03-02"),
    ("last week", "2023-02"),
    ("Last month", "2023-02"),
    ("last year", "2022"),
    ("earlier this year", "2023"),
    ("since late 2018", "2018"),
    ("February 2022", "2022-02"),
    ("March 5, 2021", "2021-03-05"),
    ("January", "2023-01"),
    ("Feb 13", "2023-02-13"),
    ("Sept. 5, 2019", "2019-09-05"),
    ("in December", "2022-12"),
    ("yesterday", "2023-03-01"),
    ("recent months", None),
])
def test_dates_resolve_against_publication_date(expression, expected):
    assert resolve(expression, "2023-03-02") == expected


def test_dates_relative_without_anchor_is_unknown():
    assert resolve("last week", None) is None
    assert resolve("in 2020", None) == "2020"
