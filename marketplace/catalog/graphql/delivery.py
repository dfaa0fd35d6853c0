"""ProductVariant.shippingMethods: the product page's delivery estimate, from the shipping app's services
(the ShippingMethod type is shipping's, named on the field by its dotted path)."""

from __future__ import annotations

from types import SimpleNamespace

from marketplace.catalog.graphql import dataloaders as dl
from marketplace.shipping.services import channel_rates, chargeable_weight, methods_for


def resolve_variant_shipping_methods(root, info, country_code, city=""):
    """What delivering one unit of this variant to `country_code` costs in the variant's channel, cheapest
    first: the product page's shipping estimate, before any checkout exists."""
    channel = getattr(root, "_channel", None)
    if channel is None:
        return None
    # The rates of the channel once per request, the product and its type from the page's loaders.
    rates = info.context.__dict__.setdefault("_maalem_shipping_rates", {})
    if channel.pk not in rates:
        rates[channel.pk] = channel_rates(channel)
    product = dl.product_by_id(info).load(root.product_id)
    weighed = SimpleNamespace(
        weight_kg=root.weight_kg, length_cm=root.length_cm, width_cm=root.width_cm, height_cm=root.height_cm,
        product=SimpleNamespace(weight_kg=product.weight_kg,
                                product_type=dl.product_type_by_id(info).load(product.product_type_id)))
    # Without a city, every zone of the country counts: the page shows the range of what delivery costs.
    destination = SimpleNamespace(country=getattr(country_code, "value", country_code),
                                  city=(city or "").strip() or None)
    return [method for method, _price in methods_for(channel, destination, chargeable_weight(weighed, 1),
                                                      rates[channel.pk])]
