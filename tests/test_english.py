from find_lab.english import count, plural


def test_one_is_singular_and_every_other_number_plural():
    assert count(1, "kink") == "1 kink"
    assert count(0, "kink") == "0 kinks"
    assert count(2, "call") == "2 calls"
    assert count(1200, "session") == "1,200 sessions"


def test_plurals_of_the_lab_nouns():
    assert [plural(n) for n in ("match", "batch", "query", "key", "box", "probe")] == \
        ["matches", "batches", "queries", "keys", "boxes", "probes"]
    assert count(3, "person", "people") == "3 people"
