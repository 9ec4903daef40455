"""The questionnaire script's words, which the page gives it in the page's language.

The script holds no text of its own. Placeholders reach it as ``{name}``, which it fills in:
translators see the usual ``%(name)s``.
"""

from flask_babel import gettext as _


def _placeholders(*names: str) -> dict[str, str]:
    return {name: "{" + name + "}" for name in names}


def questionnaire_script_texts(messages: dict[str, str]) -> dict:
    """Every text the questionnaire script shows, and ``messages`` for the API's messages."""
    return {
        "saving": _("Saving…"),
        "saved": _("Saved %(time)s", **_placeholders("time")),
        "saved_not_ready": _(
            "Saved %(time)s, but it cannot be submitted yet: %(reason)s.",
            **_placeholders("time", "reason"),
        ),
        "scheme_added": _("https:// was added in front of the address."),
        "restored": _("Restored what you typed in this browser; saving…"),
        "restored_choose_first": _(
            "Restored what you typed in this browser. Not saved yet: choose a level, "
            "not applicable or insufficient information."
        ),
        "draft_outdated": _(
            "This browser kept what you typed here earlier, but the answer has been saved "
            "since (perhaps elsewhere). Restore what you typed, replacing the saved answer?"
        ),
        "restore": _("Restore what I typed"),
        "discard": _("Discard it"),
        "retry": _("Retry"),
        "choose_first": _(
            "Not saved: choose a level, not applicable or insufficient information first."
        ),
        "unreachable": _("Not saved: the server could not be reached."),
        "changed_meanwhile": _("Not saved: someone else changed this answer."),
        "session_ended": _("Not saved: your session has ended. Sign in again in another tab, then"),
        "refused": _("Not saved: %(reason)s.", **_placeholders("reason")),
        "no_reason": _("the server refused it"),
        "conflict": _(
            "Someone saved this answer meanwhile. Theirs: %(theirs)s. Yours: %(yours)s.",
            **_placeholders("theirs", "yours"),
        ),
        "with_rationale": _("%(answer)s, “%(rationale)s”", **_placeholders("answer", "rationale")),
        "no_answer": _("no answer"),
        "level": _("level %(level)s", **_placeholders("level")),
        "not_applicable": _("not applicable"),
        "insufficient_information": _("insufficient information"),
        "keep_mine": _("Keep mine"),
        "take_theirs": _("Take theirs"),
        "answered": _("%(percent)s answered", **_placeholders("percent")),
        "fields": {
            "rationale": _("Rationale"),
            "change_reason": _("Reason of change"),
            "evidence": _("Evidence"),
            "evidence_item": _(
                "Evidence item %(number)s, %(field)s", **_placeholders("number", "field")
            ),
            "url": _("address"),
            "title": _("title"),
            "accessed_on": _("accessed on"),
            "note": _("note"),
        },
        "messages": messages,
    }
