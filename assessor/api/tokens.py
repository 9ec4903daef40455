"""POST /api/v1/tokens and DELETE /api/v1/tokens/<id>."""

from flask import Blueprint, current_app

from assessor.api.auth import signed_in_caller
from assessor.api.openapi import Operation
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
@Operation(
    tag="tokens",
    returns="The new token.",
    response=TokenCreatedSchema,
    status=201,
    body=TokenRequestSchema,
    auth="none",
    refusals=(429,),
)
def create():
    """Create a token.

    Sign in with email and password and name the token (for example after the script that
    uses it). The token is shown only in this response: keep it. Attempts are limited per
    address and per account (10 a minute by default).
    """
    data = json_body()
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
@Operation(tag="tokens", returns="Revoked.", response=None, status=204, auth="required")
def delete(token_id: int):
    """Revoke a token.

    Revoke one of your own tokens; it is refused from then on.
    """
    revoke_token(db.session, signed_in_caller(), token_id)
    db.session.commit()
    return "", 204
