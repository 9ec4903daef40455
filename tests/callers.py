"""A test client speaking JSON to the API as one kind of user."""

from dataclasses import dataclass

ROLES = ("anonymous", "owner", "other_assessor", "reviewer", "admin")


@dataclass
class Caller:
    """A test client speaking JSON as one user (or anonymously)."""

    client: object
    token: str | None
    user_id: int | None = None

    def headers(self, extra: dict | None = None) -> dict:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**headers, **(extra or {})}

    def get(self, path, **kwargs):
        return self.client.get(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def delete(self, path, **kwargs):
        return self.client.delete(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def post(self, path, json=None, **kwargs):
        return self.client.post(
            path, json=json, headers=self.headers(kwargs.pop("headers", None)), **kwargs
        )

    def put(self, path, json=None, **kwargs):
        return self.client.put(
            path, json=json, headers=self.headers(kwargs.pop("headers", None)), **kwargs
        )

    def patch(self, path, json=None, **kwargs):
        return self.client.patch(
            path, json=json, headers=self.headers(kwargs.pop("headers", None)), **kwargs
        )
