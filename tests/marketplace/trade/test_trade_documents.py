"""Line sheets and order forms (issue 21): the line sheet PDF of a collection renders with its photos,
wholesale and retail prices, packs, minimums and lead times; the XLSX order form round-trips into a trade
cart, also after another tool (LibreOffice) saved it, and a buyer's own messy spreadsheet is read by the
importer's rules, every bad row reported with its number and nothing added."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from urllib.parse import urlparse

import pytest
from messy_spreadsheets import Sheet, write_csv, write_xlsx
from trade_helpers import make_buyer, make_piece, set_minimums, trade_artisans

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
M = "storefront/graphql/marketplace/"


@pytest.fixture
def collection():
    """A collection of three pieces offered wholesale (two artisans), photos included, and one retail-only."""
    from trade_helpers import admin

    from marketplace.catalog.models import Collection, CollectionProduct
    from marketplace.trade import offer_services

    a, b = trade_artisans(2)
    set_minimums(a, "150", "100")
    set_minimums(b, "250", "120")
    pieces = [make_piece(a, mad="400", stock=5, capacity=10, weeks=6, name="Bol Majorelle"),
              make_piece(a, mad="300", stock=24, pack=6, capacity=24, weeks=6, name="Tasse à thé"),
              make_piece(b, mad="1000", stock=3, capacity=0, name="Plateau en cuivre")]
    retail_only = make_piece(b, name="Pièce unique")
    offer_services.set_product_offer(admin(), retail_only.product_id, False)
    found = Collection.objects.create(name="Printemps des potiers", slug="printemps-des-potiers")
    found.translations.create(language_code="en", name="Potters' spring")
    for index, piece in enumerate([*pieces, retail_only]):
        CollectionProduct.objects.create(collection=found, product_id=piece.product_id, sort_order=index)
    return {"collection": found, "pieces": pieces, "retail_only": retail_only}


def run(command: list[str], data: bytes, suffix: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        return subprocess.run([*command, handle.name, *(["-"] if command[0] == "pdftotext" else [])],
                              capture_output=True, text=True, check=True).stdout


def sheet_links(gql, doc, slug, language):
    return gql.data(doc(M + "TradeLineSheet.graphql"), {"collection": slug, "languageCode": language})["tradeLineSheet"]


def test_the_line_sheet_pdf_renders_with_photos(gql, doc, login, client, collection):
    login(make_buyer()[0])
    links = sheet_links(gql, doc, "printemps-des-potiers", "EN")
    assert (links["title"], links["productCount"], links["variantCount"]) == ("Potters' spring — line sheet", 3, 3)
    response = client.get(urlparse(links["pdfUrl"]).path)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    images = [line.split() for line in run(["pdfimages", "-list"], response.content, ".pdf").splitlines()[2:]]
    assert len([i for i in images if i[2] == "image" and int(i[3]) >= 100]) == 3  # one photo per piece
    text = run(["pdftotext", "-layout"], response.content, ".pdf")
    for expected in ("Potters' spring — line sheet", "Trade (EUR)", *[p.sku for p in collection["pieces"]],
                     "Wholesale", "Retail guide", "23.00 EUR", "46.00 EUR", "5 in stock", "10 more in 6 weeks",
                     "Minimum 150.00 EUR for a first order, 100.00 EUR for a reorder", "250.00 EUR", "Bol Majorelle"):
        assert expected in text, (expected, text)
    assert collection["retail_only"].sku not in text
    french = client.get(urlparse(sheet_links(gql, doc, "printemps-des-potiers", "FR")["pdfUrl"]).path)
    text = run(["pdftotext", "-layout"], french.content, ".pdf")
    assert "Printemps des potiers — catalogue professionnel" in text and "Prix de gros" in text
    assert "10 de plus en 6 semaines" in text


def test_line_sheet_links_are_for_verified_accounts_and_expire_with_them(gql, doc, login, client, collection):
    from trade_helpers import admin

    from marketplace.trade import account_services

    user, account = make_buyer()
    login(user)
    links = sheet_links(gql, doc, "printemps-des-potiers", "FR")
    path = urlparse(links["pdfUrl"]).path
    assert client.get(path).status_code == 200
    assert client.get(path.replace(".pdf", "x.pdf")).status_code == 404  # a forged signature
    account_services.reject(admin(), account.pk, reason="OTHER", note="Boutique fermée")
    assert client.get(path).status_code == 404  # no longer verified: the link stops working
    login("buyer")
    refused = gql(doc(M + "TradeLineSheet.graphql"), {"collection": "printemps-des-potiers"})
    assert refused["errors"] and refused["data"]["tradeLineSheet"] is None


def order_form(gql, doc, client, language="EN") -> bytes:
    links = sheet_links(gql, doc, "printemps-des-potiers", language)
    response = client.get(urlparse(links["orderFormUrl"]).path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return response.content


def fill(content: bytes, quantities: dict[str, object]) -> bytes:
    """Type quantities in the Quantity column of the rows of these SKUs, as a buyer does in Excel."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 15) if sheet.cell(r, 1).value in ("SKU", "Réf."))
    quantity_column = next(c for c in range(1, 20) if sheet.cell(header, c).value in ("Quantity", "Quantité"))
    for row in range(header + 1, sheet.max_row + 1):
        sku = sheet.cell(row, 1).value
        if sku in quantities:
            sheet.cell(row, quantity_column).value = quantities[sku]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def cart_lines(gql, doc) -> dict[str, int]:
    cart = gql.data(doc(M + "TradeCart.graphql"), {"languageCode": "EN"})["tradeCart"]
    return {line["variant"]["sku"]: line["quantity"] for g in cart["artisans"] for line in g["lines"]}


def test_the_xlsx_order_form_round_trips_into_a_trade_cart(gql, doc, login, client, collection, upload_form):
    bowl, cups, tray = collection["pieces"]
    login(make_buyer()[0])
    content = order_form(gql, doc, client)
    result = upload_form(gql, fill(content, {bowl.sku: 8, cups.sku: 12, tray.sku: None}))
    assert result["errors"] == [] and result["tradeCart"]["quantity"] == 20
    assert cart_lines(gql, doc) == {bowl.sku: 8, cups.sku: 12}
    # Uploading again replaces the cart with the file's rows.
    assert upload_form(gql, fill(content, {tray.sku: 2}))["errors"] == []
    assert cart_lines(gql, doc) == {tray.sku: 2}


@pytest.mark.slow
def test_an_order_form_saved_again_by_libreoffice_round_trips(gql, doc, login, client, collection, upload_form,
                                                             tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui"
    bowl, cups, _tray = collection["pieces"]
    login(make_buyer(language="fr")[0])
    filled = tmp_path / "in" / "bon-de-commande.xlsx"
    filled.parent.mkdir()
    filled.write_bytes(fill(order_form(gql, doc, client, "FR"), {bowl.sku: 5, cups.sku: 18}))
    out = tmp_path / "out"
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(filled)],
                   check=True, capture_output=True, timeout=180)
    saved = (out / "bon-de-commande.xlsx").read_bytes()
    assert saved != filled.read_bytes()
    result = upload_form(gql, saved, "bon-de-commande.xlsx", "fr")
    assert result["errors"] == [], result
    assert cart_lines(gql, doc) == {bowl.sku: 5, cups.sku: 18}


def test_a_buyers_own_messy_spreadsheet_is_read_by_the_importers_rules(gql, doc, login, collection, upload_form,
                                                                       tmp_path):
    bowl, cups, tray = collection["pieces"]
    login(make_buyer()[0])
    rows = [["Commande printemps — Comptoir des Canuts", None, None], [None, None, None],
            ["Réf. / الرمز", "Désignation", "Qté"],
            [bowl.sku, "Bol", "6"], [cups.sku.lower(), "Tasses", "12,0"], [tray.sku, "Plateau", ""]]
    path = write_xlsx(tmp_path / "commande.xlsx", [Sheet("Notes", [["Livrer avant avril"]]),
                                                   Sheet("Commande", rows, merged=["A1:C1"])])
    result = upload_form(gql, path.read_bytes(), "commande.xlsx", "fr")
    assert result["errors"] == [], result
    assert cart_lines(gql, doc) == {bowl.sku: 6, cups.sku: 12}
    notes = {r["code"] for r in result["rows"]}
    assert {"HEADER_ROW", "SHEET_USED"} <= notes  # what the reader did, said
    # The same saved as CSV on an Arabic Windows (semicolons, decimal commas, Windows-1256).
    csv = write_csv(tmp_path / "commande.csv", Sheet("Commande", rows), encoding="cp1256")
    assert upload_form(gql, csv.read_bytes(), "commande.csv", "fr")["errors"] == []
    # On a French Windows (Windows-1252) the Arabic header's letters became "?": refused, never guessed.
    lost = write_csv(tmp_path / "perdu.csv", Sheet("Commande", rows), encoding="cp1252")
    result = upload_form(gql, lost.read_bytes(), "perdu.csv", "fr")
    assert [r["code"] for r in result["rows"]] == ["LOST_CHARACTERS"] and "CSV UTF-8" in result["rows"][0]["message"]


def test_every_bad_row_is_reported_with_its_number_and_nothing_is_added(gql, doc, login, collection, upload_form,
                                                                       tmp_path):
    bowl, cups, tray = collection["pieces"]
    login(make_buyer()[0])
    gql.data(doc(M + "TradeCartLinesAdd.graphql"), {"lines": [{"variantId": to_global_id("ProductVariant", bowl.pk),
                                                                "quantity": 2}]})
    rows = [["SKU", "Quantity"], [bowl.sku, "1,200"], [cups.sku, "2.5"], ["NO-SUCH-SKU", "3"], [tray.sku, "-1"],
            [cups.sku, "4"]]
    path = write_xlsx(tmp_path / "bad.xlsx", [Sheet("Order", rows)])
    result = upload_form(gql, path.read_bytes(), "bad.xlsx", "ar")
    assert result["tradeCart"] is None and [e["code"] for e in result["errors"]] == ["INVALID"]
    found = {(r["row"], r["code"]) for r in result["rows"] if r["severity"] == "error"}
    assert found == {(2, "AMBIGUOUS_NUMBER"), (3, "NOT_AN_INTEGER"), (5, "NEGATIVE")}
    assert cart_lines(gql, doc) == {bowl.sku: 2}  # untouched
    # Row by row: the SKU that does not exist and the pack size come once the numbers are right.
    rows = [["SKU", "Quantity"], [bowl.sku, "2"], ["NO-SUCH-SKU", "3"], [cups.sku, "4"]]
    path = write_xlsx(tmp_path / "bad2.xlsx", [Sheet("Order", rows)])
    result = upload_form(gql, path.read_bytes(), "bad2.xlsx", "ar")
    assert {(r["row"], r["code"]) for r in result["rows"] if r["severity"] == "error"} == {(3, "UNKNOWN_SKU")}
    assert "NO-SUCH-SKU" in result["rows"][0]["message"] and "مرجع غير معروف" in result["rows"][0]["message"]
    rows = [["SKU", "Quantity"], [bowl.sku, "2"], [cups.sku, "4"]]
    path = write_xlsx(tmp_path / "bad3.xlsx", [Sheet("Order", rows)])
    result = upload_form(gql, path.read_bytes(), "bad3.xlsx", "en")
    assert [(r["row"], r["code"]) for r in result["rows"]] == [(3, "PACK_SIZE")]
    assert "packs of 6" in result["rows"][0]["message"]
    for name, content in (("order.pdf", b"%PDF-1.4"), ("order.xlsx", b"not a zip"), ("empty.csv", b"")):
        result = upload_form(gql, content, name)
        assert result["tradeCart"] is None and result["rows"], name
    assert cart_lines(gql, doc) == {bowl.sku: 2}
