"""Relay global IDs, as Saleor: base64("Product:42")."""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache

from graphql import GraphQLError


@lru_cache(maxsize=65536)  # every card of a listing carries three of them
def to_global_id(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def from_global_id(global_id: str) -> tuple[str, str]:
    try:
        decoded = base64.b64decode(global_id, validate=True).decode()
        type_name, _, pk = decoded.partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise GraphQLError(f"Invalid ID: {global_id}. Expected a base64-encoded global ID.") from None
    if not type_name or not pk:
        raise GraphQLError(f"Invalid ID: {global_id}. Expected a base64-encoded global ID.")
    return type_name, pk


def pk_from_global_id(global_id: str, expected_type: str) -> int:
    """The database id behind `global_id`, which must name `expected_type`; a clear error otherwise."""
    type_name, pk = from_global_id(global_id)
    if type_name != expected_type:
        raise GraphQLError(f"Invalid ID: {global_id}. Expected: {expected_type}, received: {type_name}.")
    try:
        return int(pk)
    except ValueError:
        raise GraphQLError(f"Invalid ID: {global_id}. Expected: {expected_type}.") from None


def pks_from_global_ids(global_ids: list[str] | None, expected_type: str) -> list[int]:
    return [pk_from_global_id(gid, expected_type) for gid in global_ids or []]
