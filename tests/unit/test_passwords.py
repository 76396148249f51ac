"""The password policy (issue 12): zxcvbn's estimate, not a hand-made list; 10–1,024 characters."""
import pytest

from huisvanhetkind.auth.passwords import (MAX_LENGTE, hash_password, password_problem,
                                           verify_password)


@pytest.mark.parametrize("zwak", ["aaaaaaaaaa", "1234567890", "wachtwoord123", "qwertyuiop",
                                  "azertyuiop", "password1234", "0000000000", "abcabcabcabc"])
def test_common_and_trivial_passwords_are_refused_in_dutch(zwak):
    probleem = password_problem(zwak)
    assert probleem and probleem.startswith("Dit wachtwoord is te makkelijk te raden.")


def test_the_users_own_name_and_address_do_not_make_a_password():
    assert password_problem("jan.peeters@stad.be", ["jan.peeters@stad.be", "Jan Peeters"])
    assert password_problem("Kruimel-Fiets-Avond") is None


@pytest.mark.parametrize("goed", ["een-sterk-wachtwoord", "demo-coordinator", "Kruimel-Fiets-Avond",
                                  "correct horse battery staple"])
def test_passphrases_are_accepted(goed):
    assert password_problem(goed) is None


def test_length_bounds():
    assert "minstens 10" in password_problem("Kort-1!")
    lang = "Kruimel-Fiets-Avond-" * 60
    assert len(lang) > MAX_LENGTE and "hoogstens 1024" in password_problem(lang)
    assert password_problem(lang[:MAX_LENGTE]) is None


def test_hash_and_verify_round_trip_and_unknown_user():
    h = hash_password("Kruimel-Fiets-Avond")
    assert verify_password(h, "Kruimel-Fiets-Avond") and not verify_password(h, "anders")
    assert not verify_password(None, "Kruimel-Fiets-Avond")


def test_importing_the_module_hashes_nothing():
    """App start and every CLI call import this module: no argon2 work at import (issue 16)."""
    import subprocess
    import sys
    code = ("import time, argon2; calls = []\n"
            "orig = argon2.PasswordHasher.hash\n"
            "argon2.PasswordHasher.hash = lambda self, p: calls.append(p) or orig(self, p)\n"
            "import huisvanhetkind.auth.passwords\n"
            "print(len(calls))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
