"""/favicon.ico, which browsers ask for at the site's root whatever the pages link to."""

from flask import Blueprint, current_app, send_from_directory

blueprint = Blueprint("icons", __name__)


@blueprint.get("/favicon.ico")
def favicon():
    return send_from_directory(
        current_app.static_folder, "icons/favicon.ico", mimetype="image/vnd.microsoft.icon"
    )
