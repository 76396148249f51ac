from huisvanhetkind.domein import kbo


def test_valid_numbers_in_any_notation():
    assert kbo.problem("0123.456.749") is None
    assert kbo.problem("BE 0123 456 749") is None
    assert kbo.normalise("123456749") == "0123456749"
    assert kbo.formatted("0123456749") == "0123.456.749"


def test_invalid_numbers_get_a_dutch_reason():
    assert "controlecijfers" in kbo.problem("0123.456.748")
    assert "10 cijfers" in kbo.problem("12345")
    assert "begint met 0 of 1" in kbo.problem("2123456749")
