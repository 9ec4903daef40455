"""Signing out, a new password and a deactivated account end sessions on the server: a copy
of a session or remember-me cookie taken before is refused after, whichever store keeps them.
"""

from flask.testing import FlaskClient

from assessor.db import db
from assessor.users.models import User
from assessor.users.tokens import create_token
from tests.factories import TEST_PASSWORD
from tests.users.helpers import add_user, csrf_token, post_form, sign_in

EMAIL = "ana@example.org"
NEW_PASSWORD = "a brand new passphrase"
SESSION = "session"
REMEMBER = "remember_token"


def signed_in_browser(site, email: str = EMAIL, *, remember: bool = False) -> FlaskClient:
    """A browser signed in through the form, with "keep me signed in" ticked or not."""
    browser = site.test_client()
    response = sign_in(browser, email, **({"remember": "yes"} if remember else {}))
    assert response.status_code == 302
    assert browser.get("/profile").status_code == 200
    return browser


def copy_of(browser: FlaskClient, name: str) -> dict[str, str]:
    cookie = browser.get_cookie(name)
    assert cookie is not None, f"no {name} cookie to copy"
    return {name: cookie.value}


def replayed(site, cookies: dict[str, str]) -> FlaskClient:
    """Another browser holding copies of these cookies and nothing else."""
    browser = site.test_client()
    for name, value in cookies.items():
        browser.set_cookie(name, value)
    return browser


def is_signed_out(browser: FlaskClient) -> bool:
    response = browser.get("/profile")
    return response.status_code == 302 and response.headers["Location"].startswith("/sign-in")


def change_password(browser: FlaskClient):
    fields = {
        "current_password": TEST_PASSWORD,
        "new_password": NEW_PASSWORD,
        "new_password_again": NEW_PASSWORD,
    }
    return post_form(browser, "/profile/password", fields)


def admin_sets_active(site, user_id: int, *, active: bool) -> None:
    admin = signed_in_browser(site, "admin@example.org")
    action = "reactivate" if active else "deactivate"
    assert post_form(admin, f"/admin/users/{user_id}/{action}").status_code == 302


def test_a_session_cookie_copied_before_sign_out_is_refused_after_it(site):
    add_user(site, EMAIL, ["assessor"])
    browser = signed_in_browser(site)
    copied = copy_of(browser, SESSION)
    post_form(browser, "/sign-out")
    assert is_signed_out(replayed(site, copied))


def test_an_api_call_with_a_session_copied_before_sign_out_gets_401(site):
    add_user(site, EMAIL, ["assessor"])
    browser = signed_in_browser(site)
    copied, token = copy_of(browser, SESSION), csrf_token(browser, "/profile")
    post_form(browser, "/sign-out")
    response = replayed(site, copied).post(
        "/api/v1/assessments", json={}, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 401


def test_a_remember_me_cookie_copied_before_sign_out_is_refused_after_it(site):
    add_user(site, EMAIL, ["assessor"])
    browser = signed_in_browser(site, remember=True)
    copied = copy_of(browser, REMEMBER)
    post_form(browser, "/sign-out")
    assert is_signed_out(replayed(site, copied))


def test_signing_out_one_browser_keeps_the_others_signed_in(site):
    add_user(site, EMAIL, ["assessor"])
    laptop, phone = signed_in_browser(site, remember=True), signed_in_browser(site, remember=True)
    phone_remembered = copy_of(phone, REMEMBER)
    post_form(laptop, "/sign-out")
    assert phone.get("/profile").status_code == 200
    assert replayed(site, phone_remembered).get("/profile").status_code == 200


def test_a_new_password_refuses_the_copied_cookies_of_another_browser(site):
    add_user(site, EMAIL, ["assessor"])
    browser, other = signed_in_browser(site), signed_in_browser(site, remember=True)
    session_copy, remember_copy = copy_of(other, SESSION), copy_of(other, REMEMBER)
    assert change_password(browser).status_code == 302
    assert is_signed_out(replayed(site, session_copy))
    assert is_signed_out(replayed(site, remember_copy))
    assert is_signed_out(other)


def test_a_new_password_refuses_the_cookies_its_own_browser_had_before(site):
    add_user(site, EMAIL, ["assessor"])
    browser = signed_in_browser(site, remember=True)
    copied = {**copy_of(browser, SESSION), **copy_of(browser, REMEMBER)}
    assert change_password(browser).status_code == 302
    assert browser.get("/profile").status_code == 200
    assert is_signed_out(replayed(site, {SESSION: copied[SESSION]}))
    assert is_signed_out(replayed(site, {REMEMBER: copied[REMEMBER]}))


def test_a_deactivated_account_stays_signed_out_once_reactivated(site):
    member = add_user(site, EMAIL, ["assessor"])
    add_user(site, "admin@example.org", ["admin"], None)
    browser = signed_in_browser(site, remember=True)
    session_copy, remember_copy = copy_of(browser, SESSION), copy_of(browser, REMEMBER)
    admin_sets_active(site, member, active=False)
    assert is_signed_out(replayed(site, session_copy))
    admin_sets_active(site, member, active=True)
    assert is_signed_out(replayed(site, session_copy))
    assert is_signed_out(replayed(site, remember_copy))
    assert is_signed_out(browser)


def test_remember_me_keeps_its_browser_signed_in_once_the_session_cookie_is_gone(site):
    """A browser closed and opened again has only its remember-me cookie left."""
    add_user(site, EMAIL, ["assessor"])
    browser = signed_in_browser(site, remember=True)
    browser.delete_cookie(SESSION)
    assert browser.get("/profile").status_code == 200
    assert browser.get("/profile").status_code == 200
    assert browser.get_cookie(REMEMBER) is not None


def test_signing_in_gives_the_browser_a_new_session_id(site):
    """A session id planted before sign-in (session fixation) never becomes signed in."""
    add_user(site, EMAIL, ["assessor"])
    browser = site.test_client()
    browser.get("/profile")  # sent to sign in, with a message kept in a new session
    planted = copy_of(browser, SESSION)
    sign_in(browser, EMAIL)
    assert copy_of(browser, SESSION) != planted
    assert browser.get("/profile").status_code == 200
    assert is_signed_out(replayed(site, planted))


def test_api_tokens_outlive_sign_out_and_a_new_password(site):
    member = add_user(site, EMAIL, ["assessor"])
    with site.app_context():
        token = create_token(db.session, db.session.get(User, member), "nightly")[1]
        db.session.commit()
    browser = signed_in_browser(site)
    change_password(browser)
    post_form(browser, "/sign-out")
    response = site.test_client().post(
        "/api/v1/assessments", json={}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 422
