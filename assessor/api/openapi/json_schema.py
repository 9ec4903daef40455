"""Marshmallow schemas as JSON Schema: apispec's conversion, plus the rules it leaves unsaid.

Those are the characters no text may hold (refused in every request, see validation.py), the
schemes a URL field allows, the schemas an ``AnyOf`` field may hold, and what a schema states
across its fields in ``Meta.json_schema`` (such as "exactly one of these"), which its
``validates_schema`` method enforces.
"""

from typing import Any

from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter
from marshmallow import fields, validate

from assessor.api.schemas import AnyOf

# Text holding NUL; typed, so that under ``not`` it leaves null alone. (A lone surrogate,
# refused too, is no Unicode character: JSON Schema has no pattern for it.)
FORBIDDEN_CHARACTERS = {"type": "string", "pattern": "\\u0000"}


def _types(property_: dict[str, Any]) -> list[str]:
    kinds = property_.get("type", [])
    return [kinds] if isinstance(kinds, str) else kinds


def _any_case(word: str) -> str:
    """A pattern matching ``word`` in any letter case, as JSON Schema has no flags."""
    return "".join(f"[{letter.upper()}{letter.lower()}]" for letter in word)


class Converter(OpenAPIConverter):
    """apispec's converter, saying the rules above."""

    def init_attribute_functions(self) -> None:
        super().init_attribute_functions()
        self.attribute_functions += [
            self.allowed_schemes,
            self.allowed_characters,
            self.any_of,
        ]

    def schema2jsonschema(self, schema: Any) -> dict[str, Any]:
        stated = getattr(getattr(schema, "Meta", None), "json_schema", {})
        return {**super().schema2jsonschema(schema), **stated}

    def allowed_schemes(self, field: fields.Field, **kwargs: Any) -> dict[str, Any]:
        """A URL field is a ``uri`` starting with one of its validator's schemes."""
        checks = [check for check in field.validators if isinstance(check, validate.URL)]
        if not checks:
            return {}
        schemes = "|".join(_any_case(scheme) for scheme in sorted(checks[0].schemes))
        return {"format": "uri", "pattern": f"^(?:{schemes})://"}

    def allowed_characters(self, field: fields.Field, ret: dict[str, Any], **kwargs) -> dict:
        """Text holds no forbidden character, nor do the names in a mapping."""
        if isinstance(field, fields.Dict):
            return {"propertyNames": {"not": FORBIDDEN_CHARACTERS}}
        if "string" in _types(ret) and "enum" not in ret:
            return {"not": FORBIDDEN_CHARACTERS}
        return {}

    def any_of(self, field: fields.Field, **kwargs: Any) -> dict[str, Any]:
        """Each schema an ``AnyOf`` field may hold, and null where it may be null."""
        if not isinstance(field, AnyOf):
            return {}
        choices = [self.resolve_nested_schema(schema) for schema in field.schemas]
        return {"anyOf": choices + ([{"type": "null"}] if field.allow_none else [])}


class Plugin(MarshmallowPlugin):
    """apispec's marshmallow plugin, with the converter above."""

    Converter = Converter
