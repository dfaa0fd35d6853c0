"""Accounts: tokenCreate / tokenRefresh / tokenVerify (JWT), accountRegister, me."""

from __future__ import annotations

import graphene
from graphene.types.generic import GenericScalar

from marketplace.accounts import services, tokens
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.types import LanguageCodeEnum, Node, ObjectWithMetadata

AccountError = error_type("Account", [
    "GRAPHQL_ERROR", "INACTIVE", "INVALID", "INVALID_PASSWORD", "INVALID_CREDENTIALS", "NOT_FOUND",
    "PASSWORD_ENTIRELY_NUMERIC", "PASSWORD_TOO_COMMON", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_SIMILAR", "REQUIRED",
    "UNIQUE", "JWT_SIGNATURE_EXPIRED", "JWT_INVALID_TOKEN", "JWT_DECODE_ERROR", "JWT_MISSING_TOKEN",
    "LOGIN_ATTEMPT_DELAYED", "PASSWORD_RESET_ALREADY_REQUESTED",
    "TOO_MANY_REQUESTS",  # marketplace extension: a rate limit without a Saleor code (accountRegister)
])
ACCOUNT_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(AccountError)))


class UserRoleEnum(graphene.Enum):
    """Marketplace extension: what the signed-in person may do."""

    BUYER = "BUYER"
    ARTISAN_MEMBER = "ARTISAN_MEMBER"
    CURATOR = "CURATOR"
    ADMIN = "ADMIN"


class User(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True)
    is_active = graphene.Boolean(required=True)
    is_confirmed = graphene.Boolean(required=True)
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    date_joined = graphene.DateTime(required=True)
    roles = graphene.NonNull(graphene.List(graphene.NonNull(UserRoleEnum)))
    artisan_ids = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)),
                                   description="The artisans this user is a member of (marketplace extension).")
    addresses = graphene.NonNull(graphene.List(graphene.NonNull(lambda: _address_type())))
    default_shipping_address = graphene.Field(lambda: _address_type())
    default_billing_address = graphene.Field(lambda: _address_type())
    orders = graphene.Field(lambda: _orders_connection(), before=graphene.String(), after=graphene.String(),
                            first=graphene.Int(), last=graphene.Int())

    @staticmethod
    def resolve_addresses(root, info):
        return list(root.addresses.all())

    @staticmethod
    def resolve_orders(root, info, **page):
        from marketplace.orders.graphql.schema import resolve_user_orders

        return resolve_user_orders(root, info, **page)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("User", root.pk)

    @staticmethod
    def resolve_is_confirmed(root, info):
        return True

    @staticmethod
    def resolve_roles(root, info):
        return services.roles_of(root)

    @staticmethod
    def resolve_artisan_ids(root, info):
        from marketplace.core.permissions import member_artisan_ids

        return [to_global_id("Artisan", pk) for pk in sorted(member_artisan_ids(root))]


def _address_type():
    from marketplace.accounts.graphql.address_types import Address

    return Address


def _orders_connection():
    from marketplace.orders.graphql.schema import OrderCountableConnection

    return OrderCountableConnection


class CreateToken(MaalemMutation):
    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)
        audience = graphene.String()

    token = graphene.String()
    refresh_token = graphene.String()
    csrf_token = graphene.String()
    user = graphene.Field(User)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, email, password, audience=None):
        user = services.authenticate(email, password, request=info.context)
        return tokens.signed_in(user)


class RefreshToken(MaalemMutation):
    class Arguments:
        refresh_token = graphene.String()
        csrf_token = graphene.String()

    token = graphene.String()
    user = graphene.Field(User)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, refresh_token=None, csrf_token=None):
        if not refresh_token:
            raise MutationError([FieldError("refresh_token", "Missing refreshToken", "JWT_MISSING_TOKEN")])
        try:
            user = tokens.user_from_token(refresh_token, tokens.REFRESH)
        except tokens.InvalidToken as error:
            raise MutationError([FieldError("refresh_token", error.message, error.code)]) from None
        return {"token": tokens.create_access_token(user), "user": user}


class VerifyToken(MaalemMutation):
    class Arguments:
        token = graphene.String(required=True)

    user = graphene.Field(User)
    is_valid = graphene.Boolean(required=True)
    payload = GenericScalar()
    errors = ACCOUNT_ERRORS

    @classmethod
    def mutate(cls, root, info, token):
        try:
            user = tokens.user_from_token(token)
        except tokens.InvalidToken as error:
            return cls(is_valid=False, errors=[{"field": "token", "message": error.message, "code": error.code}])
        return cls(is_valid=True, user=user, payload=tokens.decode(token), errors=[])


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = LanguageCodeEnum()
    email = graphene.String(required=True)
    password = graphene.String(required=True)
    redirect_url = graphene.String()
    channel = graphene.String()


class AccountRegister(MaalemMutation):
    class Arguments:
        input = AccountRegisterInput(required=True)

    user = graphene.Field(User)
    requires_confirmation = graphene.Boolean()
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        language = getattr(input.get("language_code"), "value", input.get("language_code")) or "fr"
        user = services.register(email=input["email"], password=input["password"],
                                 first_name=input.get("first_name") or "", last_name=input.get("last_name") or "",
                                 language_code=language, request=info.context)
        return {"user": user, "requires_confirmation": False}


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(User)

    @staticmethod
    def resolve_me(root, info):
        user = info.context.user
        return user if user.is_authenticated else None


class AccountMutations(graphene.ObjectType):
    token_create = CreateToken.Field()
    token_refresh = RefreshToken.Field()
    token_verify = VerifyToken.Field()
    account_register = AccountRegister.Field()
