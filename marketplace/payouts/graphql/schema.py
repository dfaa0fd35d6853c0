"""Payouts (marketplace extension): an artisan's balance and statements; staff batches."""

from __future__ import annotations

import graphene
from django.conf import settings
from django.db.models import Sum

from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import pk_from_global_id, to_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.types import Money
from marketplace.core.permissions import require_staff_permission
from marketplace.payouts import services
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.models import PayoutBatch as PayoutBatchModel

PayoutError = error_type("Payout", ["GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "REQUIRED"])
PAYOUT_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(PayoutError)))


class PayoutBatchStatusEnum(graphene.Enum):
    OPEN = "OPEN"
    PAID = "PAID"


class ArtisanBalance(graphene.ObjectType):
    currency = graphene.String(required=True)
    owed = graphene.Field(Money, required=True, description="Net not yet paid (including open batches).")
    in_batch = graphene.Field(Money, required=True)
    paid = graphene.Field(Money, required=True)
    gross = graphene.Field(Money, required=True)
    commission = graphene.Field(Money, required=True)

    @staticmethod
    def _m(name):
        return lambda root, info: Money.of(root[name], root["currency"])


for _name in ("owed", "in_batch", "paid", "gross", "commission"):
    setattr(ArtisanBalance, f"resolve_{_name}", staticmethod(ArtisanBalance._m(_name)))


class PayoutStatement(graphene.ObjectType):
    batch_id = graphene.ID(required=True)
    currency = graphene.String(required=True)
    net = graphene.Field(Money, required=True)
    status = graphene.Field(PayoutBatchStatusEnum, required=True)
    created = graphene.DateTime(required=True)
    paid_at = graphene.DateTime()
    pdf_url = graphene.String(required=True)


class PayoutBatchLine(graphene.ObjectType):
    artisan_id = graphene.ID(required=True)
    artisan_name = graphene.String(required=True)
    net = graphene.Field(Money, required=True)


class PayoutBatch(graphene.ObjectType):
    id = graphene.ID(required=True)
    currency = graphene.String(required=True)
    status = graphene.Field(PayoutBatchStatusEnum, required=True)
    created = graphene.DateTime(required=True)
    paid_at = graphene.DateTime()
    reference = graphene.String(required=True)
    lines = graphene.NonNull(graphene.List(graphene.NonNull(PayoutBatchLine)))
    transfers_csv_url = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("PayoutBatch", root.pk)

    @staticmethod
    def resolve_status(root, info):
        return str(root.status)

    @staticmethod
    def resolve_lines(root, info):
        return [{"artisan_id": to_global_id("Artisan", r["artisan_id"]), "artisan_name": r["artisan__name"],
                 "net": Money.of(r["net"], root.currency)} for r in services.batch_totals(root)]

    @staticmethod
    def resolve_transfers_csv_url(root, info):
        return f"{settings.PUBLIC_API_URL}/payouts/batches/{root.pk}/transfers.csv"


def _batch(global_id: str) -> PayoutBatchModel:
    batch = PayoutBatchModel.objects.filter(pk=pk_from_global_id(global_id, "PayoutBatch")).first()
    if batch is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a node: payoutBatch.", "NOT_FOUND")])
    return batch


class PayoutBatchCreate(MaalemMutation):
    class Arguments:
        currency = graphene.String(required=True)

    batch = graphene.Field(PayoutBatch)
    errors = PAYOUT_ERRORS

    @classmethod
    def perform(cls, root, info, currency):
        return {"batch": services.create_batch(currency.upper(), info.context.user)}


class PayoutBatchMarkPaid(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        reference = graphene.String()

    batch = graphene.Field(PayoutBatch)
    errors = PAYOUT_ERRORS

    @classmethod
    def perform(cls, root, info, id, reference=None):
        return {"batch": services.mark_batch_paid(_batch(id), info.context.user, reference or "")}


class PayoutQueries(graphene.ObjectType):
    artisan_balance = graphene.NonNull(graphene.List(graphene.NonNull(ArtisanBalance)),
                                       artisan_id=graphene.ID(required=True),
                                       description="The artisan's members and MANAGE_PAYOUTS only.")
    payout_statements = graphene.NonNull(graphene.List(graphene.NonNull(PayoutStatement)),
                                         artisan_id=graphene.ID(required=True),
                                         description="The artisan's members and MANAGE_PAYOUTS only.")
    payout_batches = graphene.NonNull(graphene.List(graphene.NonNull(PayoutBatch)), status=PayoutBatchStatusEnum())

    @staticmethod
    def resolve_artisan_balance(root, info, artisan_id):
        pk = pk_from_global_id(artisan_id, "Artisan")
        services.require_money_access(info.context.user, pk)
        return services.balances(pk)

    @staticmethod
    def resolve_payout_statements(root, info, artisan_id):
        pk = pk_from_global_id(artisan_id, "Artisan")
        services.require_money_access(info.context.user, pk)
        rows = (LedgerEntry.objects.filter(artisan_id=pk, batch__isnull=False)
                .values("batch_id", "batch__currency", "batch__status", "batch__created", "batch__paid_at")
                .annotate(net=Sum("net")).order_by("-batch__created"))
        return [{"batch_id": to_global_id("PayoutBatch", r["batch_id"]), "currency": r["batch__currency"],
                 "net": Money.of(r["net"], r["batch__currency"]), "status": r["batch__status"],
                 "created": r["batch__created"], "paid_at": r["batch__paid_at"],
                 "pdf_url": f"{settings.PUBLIC_API_URL}/payouts/batches/{r['batch_id']}/statements/{pk}.pdf"}
                for r in rows]

    @staticmethod
    def resolve_payout_batches(root, info, status=None):
        user = info.context.user
        require_staff_permission(user, "manage_payouts")
        batches = PayoutBatchModel.objects.all()
        if status:
            batches = batches.filter(status=getattr(status, "value", status))
        return list(batches[:100])


class PayoutMutations(graphene.ObjectType):
    payout_batch_create = PayoutBatchCreate.Field()
    payout_batch_mark_paid = PayoutBatchMarkPaid.Field()
