"""Loads the demo catalog: markets, crafts, attributes, artisans with their workshops and members,
products priced in every channel, photos through the photography pipeline, curated collections."""

from __future__ import annotations

import logging
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from demo.photos import PhotoJob, run_jobs
from marketplace.accounts.models import Address, User
from marketplace.artisans.models import Artisan, ArtisanMember, ArtisanTranslation, Label, LabelTranslation
from marketplace.catalog import models as cm
from marketplace.catalog.search import update_search_index
from marketplace.catalog.services import editorjs, refresh_listing_prices, set_variant_prices_from_mad
from marketplace.channels.models import Channel
from marketplace.channels.services import ensure_default_channels
from marketplace.core.views import bump_catalog_version
from marketplace.inventory import services as inventory
from marketplace.inventory.models import Warehouse
from marketplace.media.models import ProductMedia
from marketplace.media.services import save_derivatives, store_original
from marketplace.photography import PIPELINE_VERSION
from marketplace.shipping.services import ensure_default_shipping

logger = logging.getLogger(__name__)
CURATORS_GROUP = "Curateurs (Ministère)"
OTHER_LANGUAGES = ("ar", "en")


def demo_loaded() -> bool:
    return cm.Product.objects.exists()


def load_demo(*, max_products: int | None = None, photo_size: int = 1200, photos: bool = True,
              workers: int | None = None, log: Any = logger.info) -> dict[str, int]:
    """Load the demo catalog (idempotent only in the sense that callers check `demo_loaded` first)."""
    from demo import data

    products = balanced_subset(data.PRODUCTS, data.CATEGORIES, max_products) if max_products else data.PRODUCTS
    with transaction.atomic():
        channels = ensure_default_channels()
        ensure_default_shipping()
        _apply_price_rules(data.PRICE_RULES)
        categories = _load_categories(data.CATEGORIES)
        attributes, values = _load_attributes(data.ATTRIBUTES)
        product_types = _load_product_types(data.PRODUCT_TYPES, attributes)
        labels = _load_labels(data.LABELS)
        _load_users(data.USERS)
        used_artisans = {p["artisan"] for p in products}
        artisans = _load_artisans([a for a in data.ARTISANS if a["slug"] in used_artisans or not max_products],
                                  categories, labels, channels, data.DEMO_ARTISAN_PASSWORD)
        product_map = _load_products(products, artisans, categories, product_types, attributes, values, channels)
        _load_collections(data.COLLECTIONS, product_map, channels)
        from demo.data_pages import PAGES
        from marketplace.pages.services import ensure_pages

        ensure_pages(PAGES)
    log(f"catalog rows written: {len(artisans)} artisans, {len(product_map)} products")
    photo_count = _load_photos(products, product_map, data.ARTISANS, artisans, photo_size, workers, log) if photos else 0
    ids = [p.pk for p in product_map.values()]
    refresh_listing_prices(ids)
    update_search_index(ids)
    bump_catalog_version()
    return {"artisans": len(artisans), "products": len(product_map), "photos": photo_count}


def balanced_subset(products: list[dict], categories: list[dict], count: int) -> list[dict]:
    """The first `count` products taken in turn from each craft, so a small demo still shows every craft."""
    craft_of = {child["slug"]: top["slug"] for top in categories for child in [top, *(top.get("children") or [])]}
    queues: dict[str, list[dict]] = {}
    for product in products:
        queues.setdefault(craft_of.get(product["category"], ""), []).append(product)
    chosen: list[dict] = []
    while len(chosen) < count and any(queues.values()):
        for queue in queues.values():
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


def _t(text: dict[str, str]) -> dict[str, str]:
    return text if isinstance(text, dict) else {"fr": text, "ar": text, "en": text}


def _apply_price_rules(rules: dict[str, dict[str, str]]) -> None:
    for slug, rule in rules.items():
        Channel.objects.filter(slug=slug).update(price_rate=Decimal(rule["rate"]), price_margin=Decimal(rule["margin"]),
                                                 price_rounding=Decimal(rule["rounding"]))


def _load_categories(tree: list[dict]) -> dict[str, cm.Category]:
    categories: dict[str, cm.Category] = {}

    def add(node: dict, parent: cm.Category | None, order: int) -> None:
        name, description = _t(node["name"]), _t(node.get("description") or {"fr": "", "ar": "", "en": ""})
        category = cm.Category.objects.create(
            name=name["fr"], slug=node["slug"], parent=parent, level=0 if parent is None else parent.level + 1,
            description=editorjs(description["fr"]), description_plaintext=description["fr"], sort_order=order,
            seo_title=name["fr"], seo_description=description["fr"][:300])
        cm.CategoryTranslation.objects.bulk_create([
            cm.CategoryTranslation(category=category, language_code=lang, name=name[lang],
                                   description=editorjs(description[lang]), seo_title=name[lang])
            for lang in OTHER_LANGUAGES])
        categories[node["slug"]] = category
        for i, child in enumerate(node.get("children") or []):
            add(child, category, i)

    for i, node in enumerate(tree):
        add(node, None, i)
    return categories


def _load_attributes(specs: list[dict]) -> tuple[dict[str, cm.Attribute], dict[tuple[str, str], cm.AttributeValue]]:
    attributes, values = {}, {}
    for spec in specs:
        name = _t(spec["name"])
        attribute = cm.Attribute.objects.create(slug=spec["slug"], name=name["fr"], input_type=spec["input_type"],
                                                unit=spec.get("unit") or "")
        attributes[spec["slug"]] = attribute
        cm.AttributeTranslation.objects.bulk_create([
            cm.AttributeTranslation(attribute=attribute, language_code=lang, name=name[lang]) for lang in OTHER_LANGUAGES])
        for i, value_spec in enumerate(spec.get("values") or []):
            value_name = _t(value_spec["name"])
            value = cm.AttributeValue.objects.create(attribute=attribute, slug=value_spec["slug"], name=value_name["fr"],
                                                     sort_order=i, value=value_spec.get("hex", ""))
            values[(spec["slug"], value_spec["slug"])] = value
            cm.AttributeValueTranslation.objects.bulk_create([
                cm.AttributeValueTranslation(attribute_value=value, language_code=lang, name=value_name[lang])
                for lang in OTHER_LANGUAGES])
    return attributes, values


def _load_product_types(specs: list[dict], attributes: dict[str, cm.Attribute]) -> dict[str, cm.ProductType]:
    types = {}
    for spec in specs:
        product_type = cm.ProductType.objects.create(
            slug=spec["slug"], name=_t(spec["name"])["fr"], has_variants=spec.get("has_variants", False),
            name_translations={lang: text for lang, text in _t(spec["name"]).items() if lang != "fr"},
            is_shipping_required=spec.get("is_shipping_required", True),
            weight_kg=Decimal(spec["weight_kg"]) if spec.get("weight_kg") else None, hs_code=spec.get("hs_code", ""))
        for i, slug in enumerate(spec.get("attributes") or []):
            cm.AttributeProduct.objects.create(product_type=product_type, attribute=attributes[slug], sort_order=i)
        for i, slug in enumerate(spec.get("variant_attributes") or []):
            cm.AttributeVariant.objects.create(product_type=product_type, attribute=attributes[slug], sort_order=i)
        types[spec["slug"]] = product_type
    return types


def _load_labels(specs: list[dict]) -> dict[str, Label]:
    labels = {}
    for spec in specs:
        name, description = _t(spec["name"]), _t(spec.get("description") or {"fr": "", "ar": "", "en": ""})
        label = Label.objects.create(slug=spec["slug"], name=name["fr"], description=description["fr"])
        LabelTranslation.objects.bulk_create([
            LabelTranslation(label=label, language_code=lang, name=name[lang], description=description[lang])
            for lang in OTHER_LANGUAGES])
        labels[spec["slug"]] = label
    return labels


def _load_users(specs: list[dict]) -> None:
    curators, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    curators.permissions.set(Permission.objects.filter(codename__in=["manage_curation", "view_programme_results"]))
    for spec in specs:
        role = spec["role"].upper()
        user = User.objects.create_user(
            spec["email"], spec["password"], first_name=spec.get("first_name", ""), last_name=spec.get("last_name", ""),
            is_staff=role in ("ADMIN", "CURATOR"), is_superuser=role == "ADMIN")
        if role == "CURATOR":
            user.groups.add(curators)


def _load_artisans(specs: list[dict], categories: dict, labels: dict, channels: list[Channel],
                   password: str) -> dict[str, Artisan]:
    artisans = {}
    password_hash = make_password(password)  # one hash for every demo member: loading stays fast
    for spec in specs:
        story = _t(spec["story"])
        artisan = Artisan.objects.create(
            slug=spec["slug"], name=spec["name"], kind=spec["kind"], region=spec["region"], city=spec["city"],
            story=story["fr"], phone=spec.get("phone", ""), languages=spec.get("languages", ["ar", "fr"]),
            verification_status=spec.get("verification", "VERIFIED"),
            commission_rate=Decimal(spec.get("commission_rate", "0.12")))
        artisan.crafts.set([categories[slug] for slug in spec.get("crafts", [])])
        artisan.labels.set([labels[slug] for slug in spec.get("labels", [])])
        ArtisanTranslation.objects.bulk_create([
            ArtisanTranslation(artisan=artisan, language_code=lang, story=story[lang]) for lang in OTHER_LANGUAGES])
        member = spec["member"]
        user = User.objects.create(email=member["email"], first_name=member.get("first_name", ""),
                                   last_name=member.get("last_name", ""), password=password_hash)
        ArtisanMember.objects.create(artisan=artisan, user=user, is_owner=True)
        address = Address.objects.create(company_name=spec["name"], city=spec["city"], country="MA",
                                         street_address_1=f"Atelier {spec['name']}", phone=spec.get("phone", ""))
        warehouse = Warehouse.objects.create(artisan=artisan, name=f"Atelier {spec['name']}", slug=f"atelier-{spec['slug']}",
                                             email=member["email"], address=address,
                                             metadata={"openingHours": spec.get("opening_hours", "Mo-Sa 09:00-18:00")})
        warehouse.channels.set(channels)
        artisans[spec["slug"]] = artisan
    return artisans


def _load_products(specs: list[dict], artisans: dict, categories: dict, product_types: dict, attributes: dict,
                   values: dict, channels: list[Channel]) -> dict[str, cm.Product]:
    now = timezone.now()
    products = {}
    mad_prices: dict[int, Decimal] = {}
    for spec in specs:
        name, description = _t(spec["name"]), _t(spec["description"])
        product_type = product_types[spec["product_type"]]
        product = cm.Product.objects.create(
            product_type=product_type, category=categories[spec["category"]], artisan=artisans[spec["artisan"]],
            name=name["fr"], slug=spec["slug"], description=editorjs(description["fr"]),
            description_plaintext=description["fr"], seo_title=name["fr"], seo_description=description["fr"][:300],
            weight_kg=Decimal(spec["variants"][0]["weight_kg"]) if spec["variants"][0].get("weight_kg") else None,
            metadata={"render": spec.get("render", {}).get("kind", "")})
        cm.ProductTranslation.objects.bulk_create([
            cm.ProductTranslation(product=product, language_code=lang, name=name[lang], description=editorjs(description[lang]),
                                  seo_title=name[lang]) for lang in OTHER_LANGUAGES])
        _assign_attributes(product, spec.get("attributes") or {}, attributes, values)
        warehouse = product.artisan.warehouse
        for i, variant_spec in enumerate(spec["variants"]):
            dims = variant_spec.get("dimensions_cm") or [None, None, None]
            variant = cm.ProductVariant.objects.create(
                product=product, sku=variant_spec["sku"], name=variant_spec.get("name", ""), sort_order=i,
                is_one_of_a_kind=bool(spec.get("unique")), quantity_limit_per_customer=1 if spec.get("unique") else None,
                weight_kg=Decimal(variant_spec["weight_kg"]) if variant_spec.get("weight_kg") else None,
                length_cm=dims[0], width_cm=dims[1], height_cm=dims[2] if len(dims) > 2 else None,
                hs_code=product_type.hs_code)
            for slug, value_slug in (variant_spec.get("attributes") or {}).items():
                cm.AssignedVariantAttributeValue.objects.create(variant=variant, value=values[(slug, value_slug)])
            inventory.create_stocks([(warehouse.pk, variant.pk, variant_spec.get("stock", 0))])
            mad_prices[variant.pk] = Decimal(variant_spec["price_mad"])
            if i == 0:
                product.default_variant = variant
                product.save(update_fields=["default_variant"])
        cm.ProductChannelListing.objects.bulk_create([
            cm.ProductChannelListing(product=product, channel=channel, is_published=True, published_at=now,
                                     visible_in_listings=True, available_for_purchase_at=now,
                                     currency=channel.currency_code) for channel in channels])
        products[spec["slug"]] = product
    set_variant_prices_from_mad(mad_prices.keys(), mad_prices, channels)
    return products


def _assign_attributes(product: cm.Product, assigned: dict[str, Any], attributes: dict, values: dict) -> None:
    rows = []
    for slug, raw in assigned.items():
        attribute = attributes[slug]
        if attribute.input_type == cm.Attribute.InputType.NUMERIC:
            number = str(raw[0] if isinstance(raw, list) else raw)
            value, _ = cm.AttributeValue.objects.get_or_create(attribute=attribute, slug=f"{slug}-{number}".replace(".", "-"),
                                                               defaults={"name": number})
            rows.append(value)
        else:
            rows += [values[(slug, value_slug)] for value_slug in (raw if isinstance(raw, list) else [raw])]
    cm.AssignedProductAttributeValue.objects.bulk_create([
        cm.AssignedProductAttributeValue(product=product, value=value, sort_order=i) for i, value in enumerate(rows)])


def _load_collections(specs: list[dict], products: dict[str, cm.Product], channels: list[Channel]) -> None:
    now = timezone.now()
    by_slug = {c.slug: c for c in channels}
    for spec in specs:
        name, description = _t(spec["name"]), _t(spec.get("description") or {"fr": "", "ar": "", "en": ""})
        collection = cm.Collection.objects.create(
            slug=spec["slug"], name=name["fr"], description=editorjs(description["fr"]),
            description_plaintext=description["fr"], featured_rank=spec.get("featured_rank"), seo_title=name["fr"])
        cm.CollectionTranslation.objects.bulk_create([
            cm.CollectionTranslation(collection=collection, language_code=lang, name=name[lang],
                                     description=editorjs(description[lang])) for lang in OTHER_LANGUAGES])
        members = [products[slug] for slug in spec["products"] if slug in products]
        cm.CollectionProduct.objects.bulk_create([
            cm.CollectionProduct(collection=collection, product=product, sort_order=i) for i, product in enumerate(members)])
        for channel_slug, listing in (spec.get("channels") or {}).items():
            if channel_slug in by_slug:
                cm.CollectionChannelListing.objects.create(
                    collection=collection, channel=by_slug[channel_slug], is_published=listing.get("published", True),
                    published_at=now + timedelta(days=listing.get("starts_in_days", 0)))


def _load_photos(products: list[dict], product_map: dict, artisan_specs: list[dict], artisans: dict,
                 size: int, workers: int | None, log: Any) -> int:
    jobs = []
    for spec in products:
        render = spec.get("render") or {}
        for view in range(spec.get("photos", 1)):
            jobs.append(PhotoJob(key=("product", spec["slug"], view), kind=render.get("kind", "pottery"),
                                 seed=spec["seed"], view=view, palette=tuple(render.get("palette") or ()) or None,
                                 phone_shot=bool(spec.get("phone_shot")) and view == 0, size=size))
    for spec in artisan_specs:
        if spec["slug"] in artisans:
            jobs.append(PhotoJob(key=("portrait", spec["slug"], 0), kind="portrait", seed=spec["seed"], size=min(size, 800)))
            jobs.append(PhotoJob(key=("workshop", spec["slug"], 0), kind="workshop", seed=spec["seed"], size=size))
    done = 0
    for output in run_jobs(jobs, workers):
        kind, slug, view = output.key
        if output.result is None:
            log(f"photo refused for {slug}: {output.error}")
            continue
        if kind == "product":
            _save_product_photo(product_map[slug], view, output)
        else:
            files = save_derivatives(output.result, f"artisans/{slug}/{kind}")
            artisan = artisans[slug]
            if kind == "portrait":
                artisan.portrait = files
            else:
                artisan.workshop_photos = [*artisan.workshop_photos, files]
            artisan.save(update_fields=["portrait", "workshop_photos"])
        done += 1
        if done % 50 == 0:
            log(f"photos: {done}/{len(jobs)}")
    return done


def _save_product_photo(product: cm.Product, view: int, output: Any) -> None:
    original, digest = store_original(output.original, f"products/{product.pk}")
    media = ProductMedia.objects.create(product=product, alt=product.name, original=original, content_hash=digest,
                                        sort_order=view)
    media.files = save_derivatives(output.result, f"products/{product.pk}/{media.pk}-{digest[:10]}-v{PIPELINE_VERSION}",
                                   original=output.original)
    media.width, media.height = output.result.master_size
    media.quality_report = output.result.report.to_dict()
    media.pipeline_version = PIPELINE_VERSION
    media.status = ProductMedia.Status.READY
    media.processed_at = timezone.now()
    media.save()
