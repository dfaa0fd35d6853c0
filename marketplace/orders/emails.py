"""Order e-mails in the buyer's language (fr, ar, en), sent with Django's e-mail framework.

Everything the buyer needs is in the text: the pieces named in their language with the size chosen, the
delivery method, address and window (or the pickup point), and for a bank transfer the bank details, the
reference and the deadline. In Arabic, each embedded value (a name, an e-mail address, a number, an IBAN) is
wrapped in Unicode isolates (FSI … PDI), so right-to-left text never scrambles it."""

from __future__ import annotations

from babel.dates import format_date
from django.conf import settings
from django.core.mail import send_mail

from marketplace.orders import selectors
from marketplace.orders.models import Order

FSI, PDI = "\u2068", "\u2069"
TEXTS = {
    "confirmation": {
        "fr": ("Maalem : commande n° {number} confirmée",
               "Merci pour votre commande n° {number}.\n\n{lines}\nLivraison : {delivery}\nTotal : {total}\n"
               "Paiement : {payment}.\n{where}{bank}\nSuivez-la avec ce lien : {url}"),
        "en": ("Maalem: order #{number} confirmed",
               "Thank you for your order #{number}.\n\n{lines}\nDelivery: {delivery}\nTotal: {total}\n"
               "Payment: {payment}.\n{where}{bank}\nFollow it here: {url}"),
        "ar": ("معلم: تم تأكيد الطلب رقم {number}",
               "شكرا على طلبكم رقم {number}.\n\n{lines}\nالتوصيل: {delivery}\nالمجموع: {total}\n"
               "الدفع: {payment}.\n{where}{bank}\nتتبعوا طلبكم: {url}"),
    },
    "shipped": {
        "fr": ("Maalem : votre commande n° {number} est en route",
               "{artisan} a expédié votre commande n° {number}.\nNuméro de suivi : {tracking}.{link}"),
        "en": ("Maalem: your order #{number} is on its way",
               "{artisan} has shipped your order #{number}.\nTracking number: {tracking}.{link}"),
        "ar": ("معلم: طلبكم رقم {number} في الطريق",
               "قام {artisan} بشحن طلبكم رقم {number}.\nرقم التتبع: {tracking}.{link}"),
    },
}
PARTS = {
    "fr": {"address": "Adresse de livraison :\n{address}\nLivraison prévue entre le {earliest} et le {latest}.\n",
           "address_only": "Adresse de livraison :\n{address}\n",
           "pickup": "Retrait à {name} :\n{address}\nHoraires : {hours}\n",
           "bank": "\nVirement à faire avant le {due} : {amount}\nTitulaire : {holder}\nBanque : {bank}\n"
                   "IBAN : {iban}\nBIC : {bic}\nRéférence à indiquer : {reference}\n",
           "link": "\nSuivre le colis : {url}"},
    "en": {"address": "Delivery address:\n{address}\nExpected between {earliest} and {latest}.\n",
           "address_only": "Delivery address:\n{address}\n",
           "pickup": "Collect at {name}:\n{address}\nOpening hours: {hours}\n",
           "bank": "\nTransfer before {due}: {amount}\nAccount holder: {holder}\nBank: {bank}\n"
                   "IBAN: {iban}\nBIC: {bic}\nReference to give: {reference}\n",
           "link": "\nFollow the parcel: {url}"},
    "ar": {"address": "عنوان التوصيل:\n{address}\nالتسليم المتوقع بين {earliest} و{latest}.\n",
           "address_only": "عنوان التوصيل:\n{address}\n",
           "pickup": "الاستلام من {name}:\n{address}\nأوقات العمل: {hours}\n",
           "bank": "\nالتحويل قبل {due}: {amount}\nصاحب الحساب: {holder}\nالبنك: {bank}\n"
                   "IBAN: {iban}\nBIC: {bic}\nالمرجع الواجب ذكره: {reference}\n",
           "link": "\nتتبع الطرد: {url}"},
}
PAYMENT_LABELS = {
    "fr": {"COD": "à la livraison", "BANK_TRANSFER": "par virement (facture proforma au lien ci-dessous)",
           "STRIPE": "par carte, reçu", "DEV": "carte de la passerelle de développement (aucun paiement réel)"},
    "en": {"COD": "cash on delivery", "BANK_TRANSFER": "by bank transfer (proforma invoice at the link below)",
           "STRIPE": "by card, received", "DEV": "development gateway card (no real payment)"},
    "ar": {"COD": "عند التسليم", "BANK_TRANSFER": "بتحويل بنكي (الفاتورة الأولية في الرابط أدناه)",
           "STRIPE": "بالبطاقة، تم الاستلام", "DEV": "بطاقة بوابة التطوير (دون دفع حقيقي)"},
}
DATE_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}


def _language(order: Order) -> str:
    return order.language_code if order.language_code in TEXTS["confirmation"] else "fr"


def isolate(value: object, language: str) -> str:
    """An embedded value, isolated from the Arabic text around it (Unicode FSI … PDI)."""
    text = str(value)
    return f"{FSI}{text}{PDI}" if language == "ar" and text else text


def _date(day: object, language: str) -> str:
    return isolate(format_date(day, format="long", locale=DATE_LOCALES[language]), language)


def _money(amount: object, currency: str, language: str) -> str:
    return isolate(f"{amount} {currency}", language)


def _address(address: object, language: str) -> str:
    from babel import Locale

    country = Locale.parse(language).territories.get(address.country, address.country)
    parts = [f"{address.first_name} {address.last_name}".strip(), address.company_name, address.street_address_1,
             address.street_address_2, f"{address.postal_code} {address.city}".strip(), address.country_area]
    lines = [isolate(part, language) for part in parts if part and part.strip()]
    if address.phone:
        lines.append(isolate(address.phone, language))
    return "\n".join([*lines, country])


def _line(line: object, language: str) -> str:
    name = isolate(selectors.translated_product_name(line, language), language)
    choice = selectors.variant_choice(line, language)
    return f"{line.quantity} × {name}" + (f" ({isolate(choice, language)})" if choice else "") + \
        f" — {_money(line.total_price_gross, line.currency, language)}"


def confirmation_text(order: Order) -> tuple[str, str]:
    """The confirmation's subject and body in the buyer's language."""
    language = _language(order)
    subject, body = TEXTS["confirmation"][language]
    parts = PARTS[language]
    where = ""
    if order.collection_point is not None:
        point = order.collection_point
        where = parts["pickup"].format(name=isolate(point.name, language), address=_address(point.address, language),
                                       hours=isolate((point.metadata or {}).get("openingHours", "—"), language))
    elif order.shipping_address is not None:
        window = selectors.expected_delivery(order)
        address = _address(order.shipping_address, language)
        where = parts["address"].format(address=address, earliest=_date(window.earliest, language),
                                        latest=_date(window.latest, language)) if window else \
            parts["address_only"].format(address=address)
    bank = ""
    transfer = selectors.bank_transfer(order)
    if transfer is not None:
        bank = parts["bank"].format(due=_date(transfer.due_date, language),
                                    amount=_money(transfer.amount, transfer.currency, language),
                                    holder=isolate(transfer.account_holder, language),
                                    bank=isolate(transfer.bank_name, language), iban=isolate(transfer.iban, language),
                                    bic=isolate(transfer.bic, language), reference=isolate(transfer.reference, language))
    values = {"number": isolate(order.number, language),
              "lines": "\n".join(_line(line, language) for line in order.lines.all()),
              "delivery": isolate(selectors.shipping_method_name(order, language), language),
              "total": _money(order.total_gross, order.currency, language),
              "payment": PAYMENT_LABELS[language][order.payment_method], "where": where, "bank": bank,
              "url": isolate(f"{settings.PUBLIC_API_URL}/orders/{order.token}/", language)}
    return subject.format(number=order.number), body.format(**values)


def send_confirmation(order: Order) -> None:
    subject, body = confirmation_text(order)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [order.user_email])


def send_shipped(order: Order, artisan_name: str, tracking: str) -> None:
    language = _language(order)
    subject, body = TEXTS["shipped"][language]
    url = selectors.tracking_url(tracking)
    values = {"number": isolate(order.number, language), "artisan": isolate(artisan_name, language),
              "tracking": isolate(tracking or "—", language),
              "link": PARTS[language]["link"].format(url=isolate(url, language)) if url else ""}
    send_mail(subject.format(number=order.number), body.format(**values), settings.DEFAULT_FROM_EMAIL,
              [order.user_email])
