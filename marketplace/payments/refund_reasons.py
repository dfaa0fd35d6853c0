"""Refund reasons, by Saleor 3.23's rule (`validate_and_resolve_refund_reason_context`): once the shop names a
page type whose pages are its refund reasons (`REFUND_REASON_PAGE_TYPE`, Saleor's
`refundSettings.reasonReferenceType`), a staff user's refund must reference one of those pages
(`refundReasonReference`, code REQUIRED); a reference to anything else is INVALID; and while none is named, a
reference is refused (INVALID, "Reason reference type is not configured."), as on Saleor."""

from __future__ import annotations

from django.conf import settings
from graphql import GraphQLError

from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.pages.models import Page, PageType

FIELD = "refund_reason_reference"


def reason_page_type() -> PageType | None:
    slug = settings.REFUND_REASON_PAGE_TYPE
    return PageType.objects.filter(slug=slug).first() if slug else None


def refund_reason_page(reference: str | None) -> Page | None:
    """The page a refund gives as its reason, checked against the configured type (None when none is asked)."""
    page_type = reason_page_type()
    if page_type is None:
        if reference:
            raise MutationError([FieldError(FIELD, "Reason reference type is not configured.", "INVALID")])
        return None
    if reference is None:
        raise MutationError([FieldError(
            FIELD, "Reason reference is required when refund reason reference type is configured.", "REQUIRED")])
    try:
        pk = pk_from_global_id(reference, "Page")
    except (GraphQLError, ValueError):  # not a Page ID: the same answer as an unknown page
        pk = None
    page = Page.objects.filter(pk=pk, page_type=page_type).first() if pk is not None else None
    if page is None:
        raise MutationError([FieldError(FIELD, "Invalid reason reference.", "INVALID")])
    return page
