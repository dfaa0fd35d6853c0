"""Object-level access to the catalog for management: members act on their own artisan's objects only;
curators and admins on every artisan's. Every management service goes through these helpers."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from marketplace.catalog.models import Product, ProductVariant
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.permissions import (
    is_admin,
    is_curator,
    member_artisan_ids,
    require_artisan_access,
    require_authenticated,
)


def is_manager(user: Any) -> bool:
    """Curators and admins manage every artisan's listings."""
    return is_curator(user) or is_admin(user)


def can_manage_artisan(user: Any, artisan_id: int) -> bool:
    return is_manager(user) or artisan_id in member_artisan_ids(user)


def manageable_products(user: Any) -> QuerySet:
    """Products the user may read and change in management (none for anonymous users and buyers)."""
    if is_manager(user):
        return Product.objects.all()
    ids = member_artisan_ids(user)
    return Product.objects.filter(artisan_id__in=ids) if ids else Product.objects.none()


def product_for_write(user: Any, pk: int, field: str = "id") -> Product:
    """The product to change: NOT_FOUND when it does not exist, PermissionDenied when it is another's."""
    require_authenticated(user)
    product = Product.objects.filter(pk=pk).first()
    if product is None:
        raise MutationError([FieldError(field, f"Couldn't resolve to a product: {pk}", "NOT_FOUND")])
    require_artisan_access(user, product.artisan_id)
    return product


def variant_for_write(user: Any, pk: int, field: str = "id") -> ProductVariant:
    require_authenticated(user)
    variant = ProductVariant.objects.select_related("product").filter(pk=pk).first()
    if variant is None:
        raise MutationError([FieldError(field, f"Couldn't resolve to a product variant: {pk}", "NOT_FOUND")])
    require_artisan_access(user, variant.product.artisan_id)
    return variant


def artisan_for_create(user: Any, artisan_id: int | None, metadata_slug: str | None = None) -> int:
    """Which artisan a new product belongs to. Members: their own (the only one, or the one they name);
    curators and admins must name one (the `artisan` input, or an `artisan` metadata key holding a slug,
    which is how Saleor-shaped documents carry it)."""
    from marketplace.artisans.models import Artisan

    require_authenticated(user)
    if artisan_id is None and metadata_slug:
        found = Artisan.objects.filter(slug=metadata_slug).values_list("pk", flat=True).first()
        if found is None:
            raise MutationError([FieldError("metadata", f"Unknown artisan slug: {metadata_slug}", "NOT_FOUND")])
        artisan_id = found
    if artisan_id is None:
        own = sorted(member_artisan_ids(user))
        if len(own) == 1 and not is_manager(user):
            return own[0]
        if not own and not is_manager(user):
            require_artisan_access(user, -1)  # raises: a buyer cannot list products
        raise MutationError([FieldError("artisan", "Name the artisan this product belongs to.", "REQUIRED")])
    if not Artisan.objects.filter(pk=artisan_id).exists():
        raise MutationError([FieldError("artisan", f"Couldn't resolve to an artisan: {artisan_id}", "NOT_FOUND")])
    require_artisan_access(user, artisan_id)
    return artisan_id
