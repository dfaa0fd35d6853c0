"""requestPasswordReset, setPassword and passwordChange (Saleor's names and payloads)."""

from __future__ import annotations

import graphene

from marketplace.accounts import password_reset, tokens
from marketplace.accounts.graphql.schema import ACCOUNT_ERRORS, User
from marketplace.core.errors import PermissionDenied
from marketplace.core.graphql.mutations import MaalemMutation


class RequestPasswordReset(MaalemMutation):
    class Arguments:
        email = graphene.String(required=True, description="Email of the user that will be used for password recovery.")
        redirect_url = graphene.String(required=True, description="URL of a view where users should be redirected to "
                                       "reset the password (a storefront origin).")
        channel = graphene.String()

    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, email, redirect_url, channel=None):
        password_reset.request_password_reset(email, redirect_url, request=info.context)
        return {}


class SetPassword(MaalemMutation):
    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)
        token = graphene.String(required=True, description="A one-time token required to set the password.")

    token = graphene.String()
    refresh_token = graphene.String()
    csrf_token = graphene.String()
    user = graphene.Field(User)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, email, password, token):
        user = password_reset.set_password(email, token, password)
        return tokens.signed_in(user)


class PasswordChange(MaalemMutation):
    class Arguments:
        new_password = graphene.String(required=True)
        old_password = graphene.String()

    user = graphene.Field(User)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, new_password, old_password=None):
        user = info.context.user
        if not user.is_authenticated:
            raise PermissionDenied("To access this path, you need to be signed in.")
        return {"user": password_reset.change_password(user, old_password, new_password)}


class PasswordMutations(graphene.ObjectType):
    request_password_reset = RequestPasswordReset.Field()
    set_password = SetPassword.Field()
    password_change = PasswordChange.Field()
