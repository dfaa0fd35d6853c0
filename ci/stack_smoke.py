"""The smoke test inside the compose stack (ci/compose-proof.sh runs it in the stack's network namespace,
after every health check is green and ci/stack_seed.py made the admin's rows).

Through the API, as a client would: the admin creates a unique rug for the seeded cooperative, lists it in
the Moroccan market and uploads its photo (GraphQL multipart). The Celery worker must process the photo
to READY, with its derivatives in the S3 stand-in's public bucket (fetched back from there). A guest then
buys the rug, paying cash on delivery. Exits non-zero with the reason on the first failure.

usage: stack_smoke.py API_URL SEED_JSON   (SMOKE_EMAIL, SMOKE_PASSWORD: the seeded admin)
"""

from __future__ import annotations

import base64
import io
import json
import os
import sys
import time
import uuid

import numpy as np
import requests
from PIL import Image, ImageDraw, ImageFilter

TIMEOUT = 30
MA_ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Moulay Youssef",
              "city": "Casablanca", "postalCode": "20000", "country": "MA", "phone": "+212612345678"}


class SmokeFailure(Exception):
    pass


def gid(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


class Api:
    def __init__(self, url: str):
        self.url, self.token = url, None
        self.session = requests.Session()
        self.session.headers["Host"] = "localhost"  # ALLOWED_HOSTS of the README's one-machine settings

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def run(self, query: str, variables: dict | None = None, *, files: dict | None = None) -> dict:
        body = {"query": query, "variables": variables or {}}
        if files:  # the GraphQL multipart request spec
            file_map = {str(i): [f"variables.{name}"] for i, name in enumerate(files)}
            parts = {str(i): (f"{name}.jpg", data, "image/jpeg") for i, (name, data) in enumerate(files.items())}
            response = self.session.post(self.url, headers=self._headers(), timeout=TIMEOUT, files=parts,
                                         data={"operations": json.dumps(body), "map": json.dumps(file_map)})
        else:
            response = self.session.post(self.url, json=body, headers=self._headers(), timeout=TIMEOUT)
        if response.status_code != 200:
            raise SmokeFailure(f"HTTP {response.status_code} from the API: {response.text[:500]}")
        result = response.json()
        if result.get("errors"):
            raise SmokeFailure(f"GraphQL errors: {result['errors']}")
        return result["data"]

    def mutate(self, query: str, variables: dict, field: str, **kwargs) -> dict:
        payload = self.run(query, variables, **kwargs)[field]
        if payload.get("errors"):
            raise SmokeFailure(f"{field}: {payload['errors']}")
        return payload


def rug_photo(size: int = 1000) -> bytes:
    """A phone-like photo of a knotted rug on a floor: texture, a subject, noise (the pipeline refuses
    flat or blank images)."""
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    floor = np.stack([170 + 40 * x, 150 + 30 * y, 120 + 20 * x * y], axis=-1)
    image = Image.fromarray(np.clip(floor + rng.normal(0, 6, floor.shape), 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    box = (int(size * 0.18), int(size * 0.22), int(size * 0.82), int(size * 0.8))
    draw.rectangle(box, fill=(150, 30, 35))
    for i in range(12):
        inset = i * size // 60
        draw.rectangle((box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset),
                       outline=[(230, 200, 140), (40, 50, 90), (250, 245, 230)][i % 3], width=size // 160 + 1)
    for i in range(40):
        cx, cy = box[0] + (i % 8 + 1) * (box[2] - box[0]) // 9, box[1] + (i // 8 + 1) * (box[3] - box[1]) // 6
        draw.regular_polygon((cx, cy, size // 50), 4, rotation=45, fill=(235, 190, 80))
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def create_listed_rug(api: Api, seed: dict, channel: dict) -> tuple[str, str]:
    product = api.mutate("""mutation($input: ProductCreateInput!) { productCreate(input: $input) {
        product { id } errors { field message code } } }""", {"input": {
        "productType": gid("ProductType", seed["product_type"]), "category": gid("Category", seed["category"]),
        "artisan": gid("Artisan", seed["artisan"]), "name": "Tapis Beni Ouarain (smoke)",
        "slug": f"smoke-{uuid.uuid4().hex[:10]}"}}, "productCreate")["product"]
    variant = api.mutate("""mutation($input: ProductVariantCreateInput!) { productVariantCreate(input: $input) {
        productVariant { id } errors { field message code } } }""", {"input": {
        "product": product["id"], "sku": f"SMOKE-{uuid.uuid4().hex[:8]}", "attributes": [], "isOneOfAKind": True,
        "weight": 3.5, "stocks": [{"warehouse": gid("Warehouse", seed["warehouse"]), "quantity": 1}]}},
        "productVariantCreate")["productVariant"]
    api.mutate("""mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
        productChannelListingUpdate(id: $id, input: $input) { errors { field message code } } }""",
               {"id": product["id"], "input": {"updateChannels": [{
                   "channelId": channel["id"], "isPublished": True, "visibleInListings": True,
                   "isAvailableForPurchase": True, "addVariants": [variant["id"]]}]}}, "productChannelListingUpdate")
    api.mutate("""mutation($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
        productVariantChannelListingUpdate(id: $id, input: $input) { errors { field message code } } }""",
               {"id": variant["id"], "input": [{"channelId": channel["id"], "price": "2400"}]},
               "productVariantChannelListingUpdate")
    return product["id"], variant["id"]


def upload_photo_until_ready(api: Api, product_id: str, deadline_s: float = 240) -> dict:
    api.mutate("""mutation($input: ProductMediaCreateInput!) { productMediaCreate(input: $input) {
        media { id } errors { field message code } } }""",
               {"input": {"product": product_id, "alt": "Tapis", "image": None}}, "productMediaCreate",
               files={"input.image": rug_photo()})
    started = time.monotonic()
    while True:
        media = api.run("""query($id: ID!) { product(id: $id, channel: "maroc") { media { id status processingError
            url(size: 512, format: WEBP) } } }""", {"id": product_id})["product"]["media"]
        if media and media[0]["status"] == "READY":
            return media[0]
        if media and media[0]["status"] not in ("PENDING", "PROCESSING"):
            raise SmokeFailure(f"the photo was not processed: {media[0]}")
        if time.monotonic() - started > deadline_s:
            raise SmokeFailure(f"the worker did not process the photo within {deadline_s:.0f} s: {media}")
        time.sleep(2)


def check_served_from_bucket(media: dict) -> None:
    url = media["url"]
    if "/maalem-media/" not in url:
        raise SmokeFailure(f"the photo's URL is not in the media bucket: {url}")
    response = requests.get(url.replace("//localhost:", "//127.0.0.1:"), timeout=TIMEOUT)
    if response.status_code != 200:
        raise SmokeFailure(f"the S3 stand-in answered HTTP {response.status_code} for {url}")
    image = Image.open(io.BytesIO(response.content))
    image.load()
    print(f"photo READY, {image.format} {image.size[0]}x{image.size[1]} from the bucket: {url}")


def buy_cash_on_delivery(api: Api, variant_id: str) -> dict:
    api.token = None  # a guest
    checkout = api.mutate("""mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
        checkout { id } errors { field message code } } }""", {"input": {
        "channel": "maroc", "email": "salma@example.ma", "lines": [{"variantId": variant_id, "quantity": 1}]}},
        "checkoutCreate")["checkout"]
    api.mutate("""mutation($id: ID!, $a: AddressInput!) { checkoutShippingAddressUpdate(id: $id, shippingAddress: $a) {
        errors { field message code } } }""", {"id": checkout["id"], "a": MA_ADDRESS}, "checkoutShippingAddressUpdate")
    methods = api.mutate("""mutation($id: ID!, $a: AddressInput!) {
        checkoutBillingAddressUpdate(id: $id, billingAddress: $a) {
        checkout { shippingMethods { id name } } errors { field message code } } }""",
                         {"id": checkout["id"], "a": MA_ADDRESS}, "checkoutBillingAddressUpdate")
    methods = methods["checkout"]["shippingMethods"]
    if not methods:
        raise SmokeFailure("no shipping method for a Moroccan address")
    api.mutate("""mutation($id: ID!, $m: ID!) { checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $m) {
        errors { field message code } } }""", {"id": checkout["id"], "m": methods[0]["id"]},
               "checkoutDeliveryMethodUpdate")
    api.mutate("""mutation($id: ID!) { transactionInitialize(id: $id,
        paymentGateway: {id: "maalem.payments.cash-on-delivery"}) { errors { field message code } } }""",
               {"id": checkout["id"]}, "transactionInitialize")
    order = api.mutate("""mutation($id: ID!) { checkoutComplete(id: $id) {
        order { number status isPaid total { gross { amount currency } } } errors { field message code } } }""",
                       {"id": checkout["id"]}, "checkoutComplete")["order"]
    if order["status"] != "UNFULFILLED" or order["isPaid"] is not False:
        raise SmokeFailure(f"unexpected cash-on-delivery order: {order}")
    print(f"order {order['number']}: {order['status']}, {order['total']['gross']}, cash on delivery")
    return order


def main(argv: list[str]) -> int:
    api_url, seed = argv[1], json.loads(argv[2])
    api = Api(api_url)
    try:
        api.token = api.mutate("""mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) {
            token errors { field message code } } }""", {"e": os.environ["SMOKE_EMAIL"],
                                                         "p": os.environ["SMOKE_PASSWORD"]}, "tokenCreate")["token"]
        channels = api.run("{ channels { id slug } }")["channels"]
        channel = next(c for c in channels if c["slug"] == "maroc")
        product_id, variant_id = create_listed_rug(api, seed, channel)
        print(f"product {product_id} listed in maroc")
        check_served_from_bucket(upload_photo_until_ready(api, product_id))
        buy_cash_on_delivery(api, variant_id)
    except SmokeFailure as failure:
        print(f"SMOKE FAILED: {failure}", file=sys.stderr)
        return 1
    print("smoke: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
