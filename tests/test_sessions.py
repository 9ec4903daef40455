"""Sessions are kept on the server: in the database by default, in Redis with REDIS_URL.

The browser's cookie holds only a random id; what the session holds, and whether it is still
signed in, is the server's to say. Expired sessions and sign-ins are refused, and
``flask sessions prune`` deletes them.
"""

from datetime import timedelta

import redis
from sqlalchemy import func, select, update

from assessor.db import db, utcnow
from assessor.sessions import StoredSession
from assessor.users.models import SignIn
from tests.databases import REDIS_URL
from tests.users.helpers import add_user, sign_in

EMAIL = "ana@example.org"


def stored_sessions(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(StoredSession))


def signed_in(app, **fields):
    browser = app.test_client()
    add_user(app, EMAIL, ["assessor"])
    assert sign_in(browser, EMAIL, **fields).status_code == 302
    return browser


def expire(app, model) -> None:
    with app.app_context():
        db.session.execute(update(model).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()


def test_a_session_is_kept_in_the_database_and_the_cookie_holds_only_its_id(app):
    browser = signed_in(app)
    cookie = browser.get_cookie("session").value
    assert stored_sessions(app) == 1
    with app.app_context():
        stored = db.session.scalar(select(StoredSession))
    assert cookie not in stored.id, "the table keeps a digest of the id, not the id"
    assert b"_user_id" in stored.data and "." not in cookie


def test_a_session_is_kept_in_redis_when_redis_url_is_set(app, redis_app):
    browser = signed_in(redis_app)
    cookie = browser.get_cookie("session").value
    prefix = redis_app.config["SESSION_KEY_PREFIX"]
    client = redis.Redis.from_url(REDIS_URL)
    assert client.exists(f"{prefix}{cookie}") == 1
    client.close()
    assert stored_sessions(app) == 0


def test_a_session_past_its_lifetime_is_signed_out(app):
    browser = signed_in(app)
    expire(app, StoredSession)
    assert browser.get("/profile").status_code == 302


def test_a_sign_in_past_its_lifetime_is_signed_out_even_when_remembered(app):
    browser = signed_in(app, remember="yes")
    expire(app, SignIn)
    assert browser.get("/profile").status_code == 302
    browser.delete_cookie("session")
    assert browser.get("/profile").status_code == 302


def test_a_remembered_sign_in_lasts_as_long_as_its_cookie(app):
    signed_in(app, remember="yes")
    with app.app_context():
        sign_in_record = db.session.scalar(select(SignIn))
        lasts = sign_in_record.expires_at - sign_in_record.created_at
    assert lasts == app.config["REMEMBER_COOKIE_DURATION"]


def test_prune_deletes_expired_sessions_and_sign_ins_and_keeps_the_others(app, runner):
    signed_in(app)
    expire(app, StoredSession)
    expire(app, SignIn)
    other = app.test_client()
    add_user(app, "rui@example.org", ["reviewer"])
    sign_in(other, "rui@example.org")
    result = runner.invoke(args=["sessions", "prune"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "removed 1 expired sessions",
        "removed 1 expired sign-ins",
    ]
    assert stored_sessions(app) == 1
    assert other.get("/profile").status_code == 200


def test_prune_on_redis_leaves_the_sessions_to_expire_there(redis_app):
    result = redis_app.test_cli_runner().invoke(args=["sessions", "prune"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "sessions in Redis expire by themselves",
        "removed 0 expired sign-ins",
    ]
