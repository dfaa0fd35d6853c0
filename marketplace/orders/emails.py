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
    # A bank transfer that did not come in time (orders/holds.py): to the buyer, and to each artisan's members.
    "released": {
        "fr": ("Maalem : commande n° {number} annulée, virement non reçu",
               "Nous n'avons pas reçu votre virement pour la commande n° {number} ({total} {currency}) dans les "
               "{days} jours prévus : la commande est annulée et les pièces sont remises en vente.\n"
               "Si vous avez fait le virement, répondez à ce message avec sa référence : nous vous le rembourserons "
               "ou, si la pièce est encore libre, nous rétablirons la commande."),
        "en": ("Maalem: order #{number} canceled, transfer not received",
               "We did not receive your bank transfer for order #{number} ({total} {currency}) within the {days} "
               "days allowed: the order is canceled and its pieces are back on sale.\n"
               "If you made the transfer, reply with its reference: we will refund it or, if the piece is still "
               "free, restore your order."),
        "ar": ("معلم: إلغاء الطلب رقم {number}، لم يصل التحويل",
               "لم يصلنا تحويلكم البنكي للطلب رقم {number} ({total} {currency}) خلال {days} أيام المحددة: "
               "أُلغي الطلب وأُعيدت القطع إلى البيع.\n"
               "إذا قمتم بالتحويل، ردّوا على هذه الرسالة بمرجعه: "
               "سنعيده إليكم أو نعيد الطلب إن كانت القطعة ما تزال متاحة."),
    },
    "released_artisan": {
        "fr": ("Maalem : commande n° {number} annulée, vos pièces sont de nouveau en vente",
               "Le virement de l'acheteur pour la commande n° {number} n'est pas arrivé en {days} jours : la "
               "commande est annulée. Ne l'expédiez pas. Ces pièces sont de nouveau en vente : {lines}."),
        "en": ("Maalem: order #{number} canceled, your pieces are on sale again",
               "The buyer's transfer for order #{number} did not arrive within {days} days: the order is canceled. "
               "Do not ship it. These pieces are on sale again: {lines}."),
        "ar": ("معلم: إلغاء الطلب رقم {number}، قطعكم معروضة للبيع من جديد",
               "لم يصل تحويل المشتري للطلب رقم {number} خلال {days} أيام: أُلغي الطلب. لا تشحنوه. "
               "هذه القطع معروضة للبيع من جديد: {lines}."),
    },
    "handed_over": {
        "fr": ("Maalem : votre commande n° {number} vous a été remise",
               "{artisan} vous a remis votre commande n° {number}. Merci et à bientôt."),
        "en": ("Maalem: your order #{number} was handed over to you",
               "{artisan} has handed over your order #{number}. Thank you."),
        "ar": ("معلم: تم تسليمكم الطلب رقم {number}",
               "قام {artisan} بتسليمكم طلبكم رقم {number}. شكرا لكم."),
    },
}
# Added to the confirmation of an order paid by bank transfer (orders/holds.py).
TRANSFER_DEADLINE = {
    "fr": "\nVos pièces vous sont réservées jusqu'au {deadline} : sans virement reçu à cette date, la commande "
          "sera annulée et les pièces remises en vente.",
    "en": "\nYour pieces are held for you until {deadline}: if no transfer has arrived by then, the order will be "
          "canceled and the pieces put back on sale.",
    "ar": "\nالقطع محجوزة لكم حتى \u2068{deadline}\u2069: إن لم يصل "
          "التحويل قبل هذا التاريخ، يُلغى الطلب وتعود القطع إلى البيع.",
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
           "STRIPE": "par carte, reçu", "DEV": "carte de la passerelle de développement (aucun paiement réel)",
           "STAND_CASH": "en espèces sur le stand", "STAND_CARD": "par carte sur le stand"},
    "en": {"COD": "cash on delivery", "BANK_TRANSFER": "by bank transfer (proforma invoice at the link below)",
           "STRIPE": "by card, received", "DEV": "development gateway card (no real payment)",
           "STAND_CASH": "in cash on the stand", "STAND_CARD": "by card on the stand"},
    "ar": {"COD": "عند التسليم", "BANK_TRANSFER": "بتحويل بنكي (الفاتورة الأولية في الرابط أدناه)",
           "STRIPE": "بالبطاقة، تم الاستلام", "DEV": "بطاقة بوابة التطوير (دون دفع حقيقي)",
           "STAND_CASH": "نقدا في الرواق", "STAND_CARD": "بالبطاقة في الرواق"},
}
DATE_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}


def _texts(kind: str, language: str) -> tuple[str, str]:
    return TEXTS[kind].get(language) or TEXTS[kind]["fr"]


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


def _line(line: object, language: str, choices: dict[int, str]) -> str:
    name = isolate(selectors.translated_product_name(line, language), language)
    choice = choices.get(line.variant_id, "")
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
    if transfer is not None:  # the pieces are held until the transfer's deadline (orders/holds.py)
        bank = parts["bank"].format(due=_date(transfer.due_date, language),
                                    amount=_money(transfer.amount, transfer.currency, language),
                                    holder=isolate(transfer.account_holder, language),
                                    bank=isolate(transfer.bank_name, language), iban=isolate(transfer.iban, language),
                                    bic=isolate(transfer.bic, language),
                                    reference=isolate(transfer.reference, language))
        bank += TRANSFER_DEADLINE[language].replace("\u2068{deadline}\u2069", "{deadline}").format(
            deadline=_date(transfer.due_date, language)) + "\n"
    lines = list(order.lines.all())
    choices = selectors.variant_choices(lines, language)  # one query for all the lines
    values = {"number": isolate(order.number, language),
              "lines": "\n".join(_line(line, language, choices) for line in lines),
              "delivery": isolate(selectors.shipping_method_name(order, language), language),
              "total": _money(order.total_gross, order.currency, language),
              "payment": PAYMENT_LABELS[language][order.payment_method], "where": where, "bank": bank,
              "url": isolate(f"{settings.PUBLIC_API_URL}/orders/{order.token}/", language)}
    return subject.format(number=order.number), body.format(**values)


def send_confirmation(order: Order) -> None:
    subject, body = confirmation_text(order)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [order.user_email])


def send_released(order: Order) -> None:
    """The order was canceled because its bank transfer did not come (orders/holds.py): the buyer, in the
    order's language, and every member of each artisan concerned, in the member's language."""
    from marketplace.artisans.models import ArtisanMember

    days = settings.BANK_TRANSFER_HOLD_DAYS
    subject, body = _texts("released", order.language_code)
    values = {"number": order.number, "total": order.total_gross, "currency": order.currency, "days": days}
    send_mail(subject.format(**values), body.format(**values), settings.DEFAULT_FROM_EMAIL, [order.user_email])
    lines_by_artisan: dict[int, list[str]] = {}
    for line in order.lines.all():
        lines_by_artisan.setdefault(line.artisan_id, []).append(f"{line.quantity} × {line.product_name}")
    members = ArtisanMember.objects.filter(artisan_id__in=lines_by_artisan).select_related("user")
    for member in members:
        subject, body = _texts("released_artisan", member.user.language_code)
        values = {"number": order.number, "days": days, "lines": ", ".join(lines_by_artisan[member.artisan_id])}
        send_mail(subject.format(**values), body.format(**values), settings.DEFAULT_FROM_EMAIL, [member.user.email])


def send_shipped(order: Order, artisan_name: str, tracking: str, *, in_person: bool = False) -> None:
    """Shipped by a carrier (with its tracking link), or handed over in person (pickup, hotel delivery)."""
    language = _language(order)
    subject, body = TEXTS["handed_over" if in_person else "shipped"][language]
    url = selectors.tracking_url(tracking) if not in_person else None
    values = {"number": isolate(order.number, language), "artisan": isolate(artisan_name, language),
              "tracking": isolate(tracking or "—", language),
              "link": PARTS[language]["link"].format(url=isolate(url, language)) if url else ""}
    send_mail(subject.format(number=order.number), body.format(**values), settings.DEFAULT_FROM_EMAIL,
              [order.user_email])
