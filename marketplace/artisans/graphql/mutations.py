"""Marketplace extensions: artisanUpdate / artisanPhotoAdd (members, own artisan), artisanVerificationUpdate /
artisanLabelsUpdate (curators); also `Artisan.warehouse` for the artisan's managers."""

from __future__ import annotations

import graphene

from marketplace.artisans import services
from marketplace.artisans.graphql.types import Artisan, ArtisanVerificationStatusEnum
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.types import LanguageCodeEnum
from marketplace.media.graphql.mutations import Upload

ArtisanError = error_type("Artisan", ["FILE_SIZE_LIMIT_EXCEEDED", "GRAPHQL_ERROR", "INVALID", "INVALID_FILE_TYPE",
                                      "NOT_FOUND", "REQUIRED", "TOO_MANY_PHOTOS", "UNIQUE"])
ARTISAN_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(ArtisanError)))


class ArtisanPhotoKindEnum(graphene.Enum):
    PORTRAIT = "PORTRAIT"
    WORKSHOP = "WORKSHOP"


class ArtisanStoryTranslationInput(graphene.InputObjectType):
    language_code = graphene.Argument(LanguageCodeEnum, required=True)
    story = graphene.String(required=True)


class ArtisanUpdateInput(graphene.InputObjectType):
    story = graphene.String()
    story_translations = graphene.List(graphene.NonNull(ArtisanStoryTranslationInput))
    languages = graphene.List(graphene.NonNull(graphene.String))
    phone = graphene.String()
    city = graphene.String()


class ArtisanUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = ArtisanUpdateInput(required=True)

    artisan = graphene.Field(Artisan)
    errors = ARTISAN_ERRORS

    @classmethod
    def perform(cls, root, info, id, input):
        return {"artisan": services.update_profile(user_of(info), pk_from_global_id(id, "Artisan"), dict(input))}


class ArtisanPhotoAdd(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        kind = ArtisanPhotoKindEnum(required=True)
        image = Upload(required=True)

    artisan = graphene.Field(Artisan)
    errors = ARTISAN_ERRORS

    @classmethod
    def perform(cls, root, info, id, kind, image):
        return {"artisan": services.add_photo(user_of(info), pk_from_global_id(id, "Artisan"),
                                              getattr(kind, "value", kind), image.read())}


class ArtisanVerificationUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        status = ArtisanVerificationStatusEnum(required=True)

    artisan = graphene.Field(Artisan)
    errors = ARTISAN_ERRORS

    @classmethod
    def perform(cls, root, info, id, status):
        return {"artisan": services.set_verification(user_of(info), pk_from_global_id(id, "Artisan"),
                                                     getattr(status, "value", status))}


class ArtisanLabelsUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        add_labels = graphene.List(graphene.NonNull(graphene.String), description="Label slugs.")
        remove_labels = graphene.List(graphene.NonNull(graphene.String), description="Label slugs.")

    artisan = graphene.Field(Artisan)
    errors = ARTISAN_ERRORS

    @classmethod
    def perform(cls, root, info, id, add_labels=None, remove_labels=None):
        return {"artisan": services.set_labels(user_of(info), pk_from_global_id(id, "Artisan"),
                                               add_labels or [], remove_labels or [])}


class ArtisanMutations(graphene.ObjectType):
    artisan_update = ArtisanUpdate.Field()
    artisan_photo_add = ArtisanPhotoAdd.Field()
    artisan_verification_update = ArtisanVerificationUpdate.Field()
    artisan_labels_update = ArtisanLabelsUpdate.Field()
