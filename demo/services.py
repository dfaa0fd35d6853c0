"""Loads the demo catalog the way a real catalogue arrives.

Reference rows that an operator creates in the Django admin (crafts, attributes, kinds of piece, labels,
accounts, artisans with their workshops and members) are written as the admin writes them. Everything
else goes through the services the API's mutations call, as the admin user: the markets' price rules,
products with their variants, stock, market listings, prices and translations (productCreate,
productVariantCreate, productChannelListingUpdate, productVariantChannelListingUpdate, productTranslate),
photos (the upload path, then the pipeline the worker runs), artisans' portraits (artisanPhotoAdd) and
curated collections. So `make run` exercises the real write path.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.utils import timezone

from demo.photos import PhotoJob, run_jobs
from marketplace.accounts.models import Address, User
from marketplace.artisans.models import Artisan, ArtisanMember, ArtisanTranslation, Label, LabelTranslation
from marketplace.artisans.services import add_photo
from marketplace.catalog import collection_services as collections
from marketplace.catalog import listing_services, product_services
from marketplace.catalog import models as cm
from marketplace.catalog.services import editorjs
from marketplace.channels.models import Channel
from marketplace.channels.services import ensure_default_channels
from marketplace.curation import services as curation
from marketplace.inventory.models import Warehouse
from marketplace.media.services import add_product_media, process_media
from marketplace.shipping.services import ensure_default_shipping

logger = logging.getLogger(__name__)
CURATORS_GROUP = "Curateurs (Ministère)"
OTHER_LANGUAGES = ("ar", "en")


def demo_loaded() -> bool:
    return cm.Product.objects.exists()


def load_demo(*, max_products: int | None = None, photo_size: int = 1200, photos: bool = True,
              workers: int | None = None, log: Any = logger.info, fairs: bool | None = None) -> dict[str, int]:
    """Load the demo catalog (idempotent only in the sense that callers check `demo_loaded` first).

    The demo fairs (with past stand sales, which are orders) come with the whole catalogue, not with a
    subset (`max_products`, the tests' and benchmarks' small catalogue), unless `fairs` says otherwise."""
    from demo import data

    products = balanced_subset(data.PRODUCTS, data.CATEGORIES, max_products) if max_products else data.PRODUCTS
    with transaction.atomic():
        channels = ensure_default_channels()
        ensure_default_shipping()
        categories = _load_categories(data.CATEGORIES)
        attributes, values = _load_attributes(data.ATTRIBUTES)
        product_types = _load_product_types(data.PRODUCT_TYPES, attributes)
        _load_kind_hints(data.PRODUCTS, product_types, categories, values)
        labels = _load_labels(data.LABELS)
        admin = _load_users(data.USERS)
        used_artisans = {p["artisan"] for p in products}
        artisans = _load_artisans([a for a in data.ARTISANS if a["slug"] in used_artisans or not max_products],
                                  categories, labels, channels, data.DEMO_ARTISAN_PASSWORD)
        _apply_price_rules(admin, data.PRICE_RULES)
    product_map = {spec["slug"]: _load_product(admin, spec, artisans, categories, product_types, attributes, values,
                                               channels) for spec in products}
    with transaction.atomic():
        _load_collections(admin, data.COLLECTIONS, product_map, channels)
        from demo.data_pages import PAGES
        from marketplace.pages.services import ensure_pages

        ensure_pages(PAGES)
    log(f"catalog written through the services: {len(artisans)} artisans, {len(product_map)} products")
    from demo.trade import load_trade_demo

    load_trade_demo(log)
    photo_count = _load_photos(admin, products, product_map, data.ARTISANS, artisans, photo_size, workers,
                               log) if photos else 0
    if fairs if fairs is not None else max_products is None:
        from demo.fairs import load_demo_fairs

        load_demo_fairs(log)
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


def _apply_price_rules(admin: User, rules: dict[str, dict[str, str]]) -> None:
    for slug, rule in rules.items():
        channel = Channel.objects.get(slug=slug)
        curation.update_price_rule(admin, channel.pk, Decimal(rule["rate"]), Decimal(rule["margin"]),
                                   Decimal(rule["rounding"]))


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
            cm.AttributeTranslation(attribute=attribute, language_code=lang, name=name[lang])
            for lang in OTHER_LANGUAGES])
        for i, value_spec in enumerate(spec.get("values") or []):
            value_name = _t(value_spec["name"])
            value = cm.AttributeValue.objects.create(attribute=attribute, slug=value_spec["slug"],
                                                     name=value_name["fr"],
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


def _load_kind_hints(products: list[dict], product_types: dict, categories: dict, values: dict) -> None:
    """Each kind's craft (where most demo pieces of the kind are listed) and usual materials (those its demo
    pieces are made of), from the whole demo catalogue, so that a small demo gets the same hints."""
    crafts: dict[str, Counter] = defaultdict(Counter)
    materials: dict[str, set[str]] = defaultdict(set)
    for product in products:
        crafts[product["product_type"]][product["category"]] += 1
        materials[product["product_type"]].update(product["attributes"].get("materiau") or [])
    for slug, product_type in product_types.items():
        if crafts[slug]:
            product_type.default_category = categories[crafts[slug].most_common(1)[0][0]]
            product_type.save(update_fields=["default_category"])
        product_type.usual_values.set([values[("materiau", m)] for m in sorted(materials[slug])
                                       if ("materiau", m) in values])


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


def _load_users(specs: list[dict]) -> User:
    """The demo's accounts (as `createsuperuser` and the admin make them); returns the admin."""
    curators, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    curators.permissions.set(Permission.objects.filter(codename__in=["manage_curation", "view_programme_results"]))
    for spec in specs:
        role = spec["role"].upper()
        user = User.objects.create_user(
            spec["email"], spec["password"], first_name=spec.get("first_name", ""), last_name=spec.get("last_name", ""),
            is_staff=role in ("ADMIN", "CURATOR"), is_superuser=role == "ADMIN")
        if role == "CURATOR":
            user.groups.add(curators)
    return User.objects.filter(is_superuser=True).order_by("pk").first()


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
        warehouse = Warehouse.objects.create(artisan=artisan, name=f"Atelier {spec['name']}",
                                             slug=f"atelier-{spec['slug']}", email=member["email"], address=address,
                                             metadata={"openingHours": spec.get("opening_hours", "Mo-Sa 09:00-18:00")})
        warehouse.channels.set(channels)
        artisans[spec["slug"]] = artisan
    return artisans


def _attribute_inputs(assigned: dict[str, Any], attributes: dict, values: dict) -> list[dict]:
    """The demo's attribute choices as Saleor's AttributeValueInput (values by their global id)."""
    from marketplace.core.graphql.ids import to_global_id

    items = []
    for slug, raw in assigned.items():
        attribute = attributes[slug]
        item: dict[str, Any] = {"id": to_global_id("Attribute", attribute.pk)}
        chosen = raw if isinstance(raw, list) else [raw]
        if attribute.input_type == cm.Attribute.InputType.NUMERIC:
            item["numeric"] = str(chosen[0])
        elif attribute.input_type == cm.Attribute.InputType.MULTISELECT:
            item["multiselect"] = [{"id": to_global_id("AttributeValue", values[(slug, v)].pk)} for v in chosen]
        else:
            item["dropdown"] = {"id": to_global_id("AttributeValue", values[(slug, chosen[0])].pk)}
        items.append(item)
    return items


def _load_product(admin: User, spec: dict, artisans: dict, categories: dict, product_types: dict,
                  attributes: dict, values: dict, channels: list[Channel]) -> cm.Product:
    """One product as the management API creates it: one transaction per product, as one request would."""
    name, description = _t(spec["name"]), _t(spec["description"])
    product_type = product_types[spec["product_type"]]
    unique, now = bool(spec.get("unique")), timezone.now()
    with transaction.atomic():
        product = product_services.create_product(admin, {
            "product_type": product_type.pk, "category": categories[spec["category"]].pk, "name": name["fr"],
            "slug": spec["slug"], "description": editorjs(description["fr"]),
            "seo": {"title": name["fr"], "description": description["fr"][:300]},
            "weight": spec["variants"][0].get("weight_kg"),
            "metadata": [{"key": "render", "value": spec.get("render", {}).get("kind", "")}],
            "attributes": _attribute_inputs(spec.get("attributes") or {}, attributes, values),
        }, artisan_id=artisans[spec["artisan"]].pk)
        variants = []
        for variant_spec in spec["variants"]:
            length, width, height = [*(variant_spec.get("dimensions_cm") or []), None, None, None][:3]
            variants.append((product_services.create_variant(admin, product.pk, {
                "sku": variant_spec["sku"], "name": variant_spec.get("name", ""),
                "weight": variant_spec.get("weight_kg"), "quantity_limit_per_customer": 1 if unique else None,
                "hs_code": product_type.hs_code, "dimensions": {"length": length, "width": width, "height": height},
                "attributes": _attribute_inputs(variant_spec.get("attributes") or {}, attributes, values),
                "is_one_of_a_kind": unique,
                "stocks": [{"warehouse": product.artisan.warehouse.pk, "quantity": variant_spec.get("stock", 0)}],
            }), Decimal(variant_spec["price_mad"])))
        listing_services.update_product_channel_listings(admin, product.pk, [
            {"channel_id": channel.pk, "is_published": True, "published_at": now, "visible_in_listings": True,
             "available_for_purchase_at": now, "add_variants": [variant.pk for variant, _ in variants]}
            for channel in channels], [])
        for variant, price_mad in variants:  # the MAD markets; the export markets follow their price rule
            listing_services.update_variant_channel_listings(admin, variant.pk, [
                {"channel_id": channel.pk, "price": price_mad}
                for channel in channels if channel.currency_code == "MAD"])
        for lang in OTHER_LANGUAGES:
            listing_services.translate_product(admin, product.pk, lang, {
                "name": name[lang], "description": editorjs(description[lang]), "seo_title": name[lang]})
    return product


def _load_collections(admin: User, specs: list[dict], products: dict[str, cm.Product], channels: list[Channel]
                      ) -> None:
    now = timezone.now()
    by_slug = {c.slug: c for c in channels}
    featured: list[tuple[int, int]] = []
    for spec in specs:
        name, description = _t(spec["name"]), _t(spec.get("description") or {"fr": "", "ar": "", "en": ""})
        collection = collections.create_collection(admin, {
            "name": name["fr"], "slug": spec["slug"], "description": editorjs(description["fr"]),
            "seo": {"title": name["fr"]}}, [products[slug].pk for slug in spec["products"] if slug in products])
        for lang in OTHER_LANGUAGES:
            collections.translate_collection(admin, collection.pk, lang, {
                "name": name[lang], "description": editorjs(description[lang])})
        listings = [{"channel_id": by_slug[slug].pk, "is_published": listing.get("published", True),
                     "published_at": now + timedelta(days=listing.get("starts_in_days", 0))}
                    for slug, listing in (spec.get("channels") or {}).items() if slug in by_slug]
        if listings:
            collections.update_collection_listings(admin, collection.pk, listings, [])
        if spec.get("featured_rank") is not None:
            featured.append((spec["featured_rank"], collection.pk))
    if featured:
        collections.set_featured_collections(admin, [pk for _, pk in sorted(featured)])


def _load_photos(admin: User, products: list[dict], product_map: dict, artisan_specs: list[dict], artisans: dict,
                 size: int, workers: int | None, log: Any) -> int:
    """Rendered originals are uploaded as an artisan's phone would send them (the media service keeps the
    original private, the product's photo is PENDING); then the pipeline runs as the worker runs it
    (`process_media`), on a few threads. Portraits and workshop photos go through artisanPhotoAdd's service."""
    from marketplace.core.errors import MutationError
    from marketplace.media.models import ProductMedia

    jobs = []
    for spec in products:
        render = spec.get("render") or {}
        for view in range(spec.get("photos", 1)):
            jobs.append(PhotoJob(key=("product", spec["slug"], view), kind=render.get("kind", "pottery"),
                                 seed=spec["seed"], view=view, palette=tuple(render.get("palette") or ()) or None,
                                 motif=render.get("motif", ""),
                                 # The raw phone shot shows the pipeline at work among the piece's photos;
                                 # the lead photo, the one the shop shows first, is a studio shot.
                                 phone_shot=bool(spec.get("phone_shot")) and view == spec.get("photos", 1) - 1,
                                 size=size))
    for spec in artisan_specs:
        if spec["slug"] in artisans:
            jobs.append(PhotoJob(key=("portrait", spec["slug"], 0), kind="portrait", seed=spec["seed"],
                                 size=min(size, 800)))
            jobs.append(PhotoJob(key=("workshop", spec["slug"], 0), kind="workshop", seed=spec["seed"], size=size))
    uploaded: list[int] = []
    done = 0
    for output in run_jobs(jobs, workers):
        kind, slug, _view = output.key
        if kind == "product":
            product = product_map[slug]
            uploaded.append(add_product_media(product, output.original, alt=product.name, process=False).pk)
            continue
        try:
            add_photo(admin, artisans[slug].pk, kind.upper(), output.original)
            done += 1
        except MutationError as error:
            log(f"photo refused for {slug}: {error.errors[0].message}")

    def process(media_id: int) -> ProductMedia | None:
        try:
            return process_media(media_id)
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=max(1, workers or 2), thread_name_prefix="demo-photos") as pool:
        for media in pool.map(process, uploaded):
            if media is None or media.status != ProductMedia.Status.READY:
                log(f"photo refused for {media.product_id if media else '?'}: {media.error if media else 'gone'}")
                continue
            done += 1
            if done % 50 == 0:
                log(f"photos: {done}/{len(jobs)}")
    return done
