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
    ("March 9", "2023-03-09"),           # within two weeks of publication: this year's
    ("April 20", "2022-04-20"),          # later: the last one past
    ("the 5th of June 2021", "2021-06-05"),
])
def test_dates_resolve_against_publication_date(expression, expected):
    assert resolve(expression, "2023-03-02") == expected


def test_dates_relative_without_anchor_is_unknown():
    assert resolve("last week", None) is None
    assert resolve("in 2020", None) == "2020"


@pytest.mark.parametrize("expression,expected", [
    ("on July 8", "2023-07-08"),      # later this year
    ("January 20", "2024-01-20"),     # already past this year: next year's
    ("Monday", "2023-03-06"),         # the coming Monday
    ("last Monday", "2023-02-27"),
])
def test_dates_of_things_to_come_lie_ahead(expression, expected):
    assert resolve(expression, "2023-03-02", ahead=True) == expected


def test_dates_ahead_follow_the_verb_the_date_hangs_on(extract):
    f = extract("Summit\n\nThe Chilean and Peruvian presidents are due to meet in Lima on August 4.", date="2023-03-02")
    assert [m.date for m in f.meetings] == ["2023-08-04"]
    f = extract("Summit\n\nThe Chilean and Peruvian presidents met in Lima on August 4.", date="2023-03-02")
    assert [m.date for m in f.meetings] == ["2022-08-04"]
