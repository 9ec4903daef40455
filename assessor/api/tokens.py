"""POST /api/v1/tokens and DELETE /api/v1/tokens/<id>."""

from flask import Blueprint, current_app

from assessor.api.auth import signed_in_caller
from assessor.api.requests import json_body
from assessor.db import db
from assessor.exceptions import NotAuthenticated
from assessor.extensions import limiter
from assessor.users.rate_limits import sign_in_account_key
from assessor.users.schemas import TokenCreatedSchema, TokenRequestSchema
from assessor.users.service import authenticate
from assessor.users.tokens import create_token, revoke_token

blueprint = Blueprint("tokens", __name__)


@blueprint.post("/tokens")
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], key_func=sign_in_account_key)
def create():
    data = json_body(TokenRequestSchema())
    user = authenticate(db.session, data["email"], data["password"])
    if user is None:
        raise NotAuthenticated("The email or password is wrong.")
    token, plaintext = create_token(db.session, user, data["name"])
    db.session.commit()
    body = TokenCreatedSchema().dump(
        {"id": token.id, "name": token.name, "token": plaintext, "created_at": token.created_at}
    )
    return body, 201


@blueprint.delete("/tokens/<int:token_id>")
def delete(token_id: int):
    revoke_token(db.session, signed_in_caller(), token_id)
    db.session.commit()
    return "", 204
