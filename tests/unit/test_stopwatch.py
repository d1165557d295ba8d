"""The build's stopwatch: seconds per stage, in the order the stages first ran, a failed stage counted."""

import time

import pytest

from generator.stopwatch import Stopwatch


def test_stages_add_up_in_their_first_order_and_a_failure_is_counted():
    watch = Stopwatch()
    with watch.stage("b"):
        time.sleep(0.01)
    with watch.stage("a"):
        pass
    with pytest.raises(RuntimeError), watch.stage("b"):
        time.sleep(0.01)
        raise RuntimeError
    assert list(watch.seconds) == ["b", "a"]
    assert watch.seconds["b"] >= 0.02 > watch.seconds["a"] >= 0
