"""The catalog, shaped as Saleor's: categories, product types, attributes, products, variants,
per-channel listings, collections and their translations."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from marketplace.core.models import ModelWithMetadata, SortableModel, Translation


class SeoFields(models.Model):
    seo_title = models.CharField(max_length=300, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


class Category(ModelWithMetadata, SeoFields):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(null=True, blank=True)  # EditorJS blocks, as Saleor
    description_plaintext = models.TextField(blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    level = models.PositiveSmallIntegerField(default=0)
    background_image = models.CharField(max_length=500, blank=True)
    sort_order = models.IntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class CategoryTranslation(Translation, SeoFields):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, blank=True)
    description = models.JSONField(null=True, blank=True)

    class Meta:
        unique_together = [("category", "language_code")]


class Attribute(ModelWithMetadata):
    class InputType(models.TextChoices):
        DROPDOWN = "DROPDOWN"
        MULTISELECT = "MULTISELECT"
        NUMERIC = "NUMERIC"
        PLAIN_TEXT = "PLAIN_TEXT"
        SWATCH = "SWATCH"

    slug = models.SlugField(max_length=250, unique=True)
    name = models.CharField(max_length=255)
    input_type = models.CharField(max_length=20, choices=InputType.choices, default=InputType.DROPDOWN)
    unit = models.CharField(max_length=20, blank=True)  # Saleor's MeasurementUnitsEnum name (CM, KG)
    value_required = models.BooleanField(default=False)
    visible_in_storefront = models.BooleanField(default=True)
    external_reference = models.CharField(max_length=250, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class AttributeTranslation(Translation):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=255)

    class Meta:
        unique_together = [("attribute", "language_code")]


class AttributeValue(SortableModel):
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="values")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255)
    value = models.CharField(max_length=100, blank=True)  # e.g. a swatch's hex colour
    plain_text = models.TextField(blank=True)
    external_reference = models.CharField(max_length=250, unique=True, null=True, blank=True)

    class Meta(SortableModel.Meta):
        unique_together = [("attribute", "slug")]

    def __str__(self) -> str:
        return self.name


class AttributeValueTranslation(Translation):
    attribute_value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=250)

    class Meta:
        unique_together = [("attribute_value", "language_code")]


class ProductType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    has_variants = models.BooleanField(default=False)
    is_shipping_required = models.BooleanField(default=True)
    weight_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    hs_code = models.CharField(max_length=12, blank=True)  # default customs code for its products
    # {"ar": "...", "en": "..."}: artisans pick a kind of piece in their language (Saleor has no translation here).
    name_translations = models.JSONField(default=dict, blank=True)
    product_attributes = models.ManyToManyField(Attribute, through="AttributeProduct", related_name="product_types")
    variant_attributes = models.ManyToManyField(
        Attribute, through="AttributeVariant", related_name="product_variant_types"
    )
    # What the atelier asks by picture rather than by reading: the craft a piece of this kind is listed in
    # (so the artisan is not asked it again) and the attribute values usual for the kind (clay and glaze for
    # a tagine; not wool or silk), offered first.
    default_category = models.ForeignKey("Category", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    usual_values = models.ManyToManyField(AttributeValue, blank=True, related_name="+")

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class AttributeProduct(SortableModel):
    product_type = models.ForeignKey(ProductType, on_delete=models.CASCADE, related_name="attribute_products")
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="attribute_products")

    class Meta(SortableModel.Meta):
        unique_together = [("product_type", "attribute")]


class AttributeVariant(SortableModel):
    product_type = models.ForeignKey(ProductType, on_delete=models.CASCADE, related_name="attribute_variants")
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="attribute_variants")
    variant_selection = models.BooleanField(default=True)

    class Meta(SortableModel.Meta):
        unique_together = [("product_type", "attribute")]


class ReviewStatus(models.TextChoices):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class Product(ModelWithMetadata, SeoFields):
    product_type = models.ForeignKey(ProductType, on_delete=models.PROTECT, related_name="products")
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="products")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="products")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(null=True, blank=True)
    description_plaintext = models.TextField(blank=True)
    weight_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    rating = models.FloatField(null=True, blank=True)
    default_variant = models.ForeignKey(
        "ProductVariant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_reference = models.CharField(max_length=250, unique=True, null=True, blank=True)
    # Normalised text of every language, the artisan, craft, region and attributes (see catalog.search).
    search_document = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Listing review: a new listing or a large change waits for a curator before it shows in channels.
    review_status = models.CharField(max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.APPROVED,
                                     db_index=True)
    review_reason = models.TextField(blank=True)  # why it waits (changes) or why it was rejected
    review_requested_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["slug"]
        indexes = [
            GinIndex(fields=["search_vector"], name="product_search_vector_idx"),
            GinIndex(fields=["search_document"], name="product_search_trgm_idx", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(Translation, SeoFields):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, blank=True)
    description = models.JSONField(null=True, blank=True)

    class Meta:
        unique_together = [("product", "language_code")]


class AssignedProductAttributeValue(SortableModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="attribute_values")
    value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE, related_name="product_assignments")

    class Meta(SortableModel.Meta):
        unique_together = [("product", "value")]


class ProductVariant(ModelWithMetadata, SortableModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(max_length=255, unique=True, null=True, blank=True)
    name = models.CharField(max_length=255, blank=True)
    track_inventory = models.BooleanField(default=True)
    quantity_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    # One-of-a-kind pieces (a hand-knotted rug) are never restocked: the storefront says so.
    is_one_of_a_kind = models.BooleanField(default=False)
    weight_kg = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    length_cm = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    width_cm = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    height_cm = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    hs_code = models.CharField(max_length=12, blank=True)
    country_of_origin = models.CharField(max_length=2, default="MA")
    external_reference = models.CharField(max_length=250, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(SortableModel.Meta):
        pass

    def __str__(self) -> str:
        return self.sku or self.name


class ProductVariantTranslation(Translation):
    product_variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        unique_together = [("product_variant", "language_code")]


class AssignedVariantAttributeValue(SortableModel):
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="attribute_values")
    value = models.ForeignKey(AttributeValue, on_delete=models.CASCADE, related_name="variant_assignments")

    class Meta(SortableModel.Meta):
        unique_together = [("variant", "value")]


class ProductChannelListing(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="channel_listings")
    channel = models.ForeignKey("channels.Channel", on_delete=models.CASCADE, related_name="product_listings")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=True)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    # Lowest variant price in the channel, kept by services for sorting and price filters.
    discounted_price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3)

    class Meta:
        unique_together = [("product", "channel")]
        indexes = [models.Index(fields=["channel", "is_published", "visible_in_listings"])]


class ProductVariantChannelListing(models.Model):
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, related_name="channel_listings")
    channel = models.ForeignKey("channels.Channel", on_delete=models.CASCADE, related_name="variant_listings")
    currency = models.CharField(max_length=3)
    price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    cost_price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # False: the price follows the channel's rule from the MAD price; True: set by hand (artisan override).
    price_overridden = models.BooleanField(default=True)
    # The price a curator last approved (or set) in this channel: what a member's change is measured against
    # (catalog/review_rules.py), so that small steps cannot add up to a large change without review.
    approved_price_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        unique_together = [("variant", "channel")]


class Collection(ModelWithMetadata, SeoFields):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.JSONField(null=True, blank=True)
    description_plaintext = models.TextField(blank=True)
    background_image = models.CharField(max_length=500, blank=True)
    background_image_alt = models.CharField(max_length=250, blank=True)
    # The ministry's home-page order for featured collections; null = not featured.
    featured_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    products = models.ManyToManyField(Product, through="CollectionProduct", related_name="collections")

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class CollectionProduct(SortableModel):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="collection_products")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="collection_products")

    class Meta(SortableModel.Meta):
        unique_together = [("collection", "product")]


class CollectionChannelListing(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="channel_listings")
    channel = models.ForeignKey("channels.Channel", on_delete=models.CASCADE, related_name="collection_listings")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = [("collection", "channel")]


class CollectionTranslation(Translation, SeoFields):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, blank=True)
    description = models.JSONField(null=True, blank=True)

    class Meta:
        unique_together = [("collection", "language_code")]


class SearchLexeme(models.Model):
    """Every distinct word of the catalog's search documents: typo-tolerant search expands a query's
    words into the catalog's own words by trigram similarity and sound (double metaphone)."""

    word = models.CharField(max_length=100, unique=True)
    sound = models.CharField(max_length=20, blank=True, db_index=True)

    class Meta:
        indexes = [GinIndex(fields=["word"], name="lexeme_word_trgm_idx", opclasses=["gin_trgm_ops"])]


class ProductRevision(models.Model):
    """A member's changes to the texts of an approved product (names, descriptions, SEO, in any language),
    waiting for a curator while the approved texts stay public (catalog/revisions.py). At most one per
    product; a rejected one keeps the curator's reason for the artisan until the next proposal."""

    product = models.OneToOneField(Product, on_delete=models.CASCADE, related_name="revision")
    # {"name": …, "description": {…EditorJS…}, "seo_title": …, "seo_description": …}, only what changed
    base = models.JSONField(default=dict, blank=True)
    # {"en": {"name": …, "description": …}, "ar": {…}}
    translations = models.JSONField(default=dict, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)  # set while the proposal waits
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    rejected_reason = models.TextField(blank=True)
    rejected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["requested_at"])]
