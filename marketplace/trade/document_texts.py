"""The words of the trade documents (proforma, line sheet, order form) in French and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "proforma_title": {"fr": "Facture proforma — commande professionnelle n° {number}",
                       "en": "Proforma invoice — trade order #{number}"},
    "issued": {"fr": "Émise le {date} par Maalem, place de marché de l'artisanat marocain.",
               "en": "Issued on {date} by Maalem, the Moroccan craft marketplace."},
    "buyer": {"fr": "Acheteur", "en": "Buyer"},
    "deliver_to": {"fr": "Livraison", "en": "Deliver to"},
    "VAT": {"fr": "N° de TVA", "en": "VAT number"},
    "EORI": {"fr": "N° EORI", "en": "EORI number"},
    "BUSINESS_NUMBER": {"fr": "N° d'entreprise", "en": "Business number"},
    "sku": {"fr": "Réf.", "en": "SKU"},
    "product": {"fr": "Article", "en": "Item"},
    "variant": {"fr": "Variante", "en": "Variant"},
    "hs_code": {"fr": "Code SH", "en": "HS code"},
    "origin": {"fr": "Origine", "en": "Origin"},
    "unit_kg": {"fr": "kg/u", "en": "kg/unit"},
    "quantity": {"fr": "Qté", "en": "Qty"},
    "unit_price": {"fr": "Prix unitaire", "en": "Unit price"},
    "total": {"fr": "Total", "en": "Total"},
    "to_make": {"fr": "dont {n} à fabriquer ({weeks} sem.)", "en": "incl. {n} to make ({weeks} wk)"},
    "artisan_part": {"fr": "{name} ({city}) — expédie sa part séparément",
                     "en": "{name} ({city}) — ships its part separately"},
    "subtotal": {"fr": "Marchandises (hors taxes, exportation)", "en": "Goods (tax free, export)"},
    "shipping": {"fr": "Transport : {method}, {cartons} carton(s), {kg} kg taxables",
                 "en": "Shipping: {method}, {cartons} carton(s), {kg} chargeable kg"},
    "total_due": {"fr": "Total", "en": "Total"},
    "weights": {"fr": "Poids net des marchandises : {net} kg ; poids taxable (volumétrique, cartons 60 × 40 × 40 cm) : "
                      "{chargeable} kg.",
                "en": "Net weight of the goods: {net} kg; chargeable weight (volumetric, 60 × 40 × 40 cm cartons): "
                      "{chargeable} kg."},
    "customs_note": {"fr": "Marchandises d'origine marocaine (MA), faites à la main. Exportation exonérée de TVA au "
                           "Maroc ; droits et taxes à l'importation à la charge de l'acheteur.",
                     "en": "Goods of Moroccan origin (MA), handmade. Export exempt from Moroccan VAT; import duties "
                           "and taxes payable by the buyer."},
    "payment": {"fr": "Paiement par virement", "en": "Payment by bank transfer"},
    "deposit_line": {"fr": "Acompte de {share} % avant la fabrication : {amount}",
                     "en": "Deposit of {share}% before production: {amount}"},
    "balance_line": {"fr": "Solde avant l'expédition : {amount}", "en": "Balance before shipping: {amount}"},
    "net30_line": {"fr": "Paiement à 30 jours après l'expédition : {amount}",
                   "en": "Payment 30 days after shipping: {amount}"},
    "received": {"fr": "Déjà reçu : {amount}", "en": "Received so far: {amount}"},
    "bank": {"fr": "Coordonnées bancaires", "en": "Bank details"},
    "reference": {"fr": "Référence à indiquer : {reference}", "en": "Reference to give: {reference}"},
    "sheet_title": {"fr": "{collection} — catalogue professionnel", "en": "{collection} — line sheet"},
    "sheet_all": {"fr": "Toute l'offre professionnelle", "en": "The whole trade offer"},
    "sheet_subtitle": {"fr": "{channel} · prix de gros hors taxes · {date}",
                       "en": "{channel} · wholesale prices, tax free · {date}"},
    "sheet_terms": {"fr": "Acompte de {share} % avant la fabrication, solde avant l'expédition ; paiement à 30 jours "
                          "pour les comptes de confiance. Prix de détail conseillés à titre indicatif.",
                    "en": "{share}% deposit before production, balance before shipping; net 30 for trusted "
                          "accounts. Retail prices are a guide."},
    "sheet_artisan": {"fr": "{name} ({region})", "en": "{name} ({region})"},
    "sheet_minimum": {"fr": "Minimum {first} la première commande, {reorder} ensuite",
                      "en": "Minimum {first} for a first order, {reorder} for a reorder"},
    "wholesale": {"fr": "Prix de gros", "en": "Wholesale"},
    "retail": {"fr": "Prix de détail conseillé", "en": "Retail guide"},
    "pack": {"fr": "Lot", "en": "Pack"},
    "availability": {"fr": "Disponibilité", "en": "Availability"},
    "stock_line": {"fr": "{n} en stock", "en": "{n} in stock"},
    "more_line": {"fr": "{n} de plus en {weeks} semaines", "en": "{n} more in {weeks} weeks"},
    "sheet_empty": {"fr": "Aucune pièce de cette collection n'est proposée aux professionnels.",
                    "en": "No piece of this collection is offered to trade buyers."},
    # The order form (XLSX)
    "form_sheet": {"fr": "Bon de commande", "en": "Order form"},
    "form_notes_sheet": {"fr": "Mode d'emploi", "en": "How to"},
    "form_intro": {"fr": "Indiquez les quantités dans la colonne « Quantité », en multiples du lot, puis déposez ce "
                         "fichier dans votre panier professionnel.",
                   "en": "Fill in the \u201cQuantity\u201d column, in multiples of the pack, then upload this file to "
                         "your trade cart."},
    "form_product": {"fr": "Article", "en": "Item"},
    "form_artisan": {"fr": "Artisan", "en": "Artisan"},
    "form_quantity": {"fr": "Quantité", "en": "Quantity"},
    "form_lead": {"fr": "Délai (semaines)", "en": "Lead time (weeks)"},
    "form_more": {"fr": "Sur commande", "en": "Made to order"},
    "form_stock": {"fr": "En stock", "en": "In stock"},
    "form_notes": {"fr": "Une ligne par variante. Laissez la quantité vide pour ne pas commander. Le dépôt remplace "
                         "le contenu de votre panier par les lignes de ce fichier.",
                   "en": "One row per variant. Leave the quantity empty not to order it. Uploading replaces your "
                         "cart with the rows of this file."},
}


def label(key: str, language: str, **values: object) -> str:
    texts = LABELS[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
