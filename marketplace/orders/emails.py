"""Order e-mails in the buyer's language (fr, ar, en), sent with Django's e-mail framework."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail

from marketplace.orders.models import Order

TEXTS = {
    "confirmation": {
        "fr": ("Maalem : commande n° {number} confirmée",
               "Merci pour votre commande n° {number} : {lines}.\nTotal : {total} {currency}.\n"
               "Paiement : {payment}.\nSuivez-la avec ce lien : {url}"),
        "en": ("Maalem: order #{number} confirmed",
               "Thank you for your order #{number}: {lines}.\nTotal: {total} {currency}.\n"
               "Payment: {payment}.\nFollow it here: {url}"),
        "ar": ("معلم: تم تأكيد الطلب رقم {number}",
               "شكرا على طلبكم رقم {number}: {lines}.\nالمجموع: {total} {currency}.\nالدفع: {payment}.\n"
               "تتبعوا طلبكم: {url}"),
    },
    "shipped": {
        "fr": ("Maalem : votre commande n° {number} est en route",
               "{artisan} a expédié votre commande n° {number}.\nNuméro de suivi : {tracking}."),
        "en": ("Maalem: your order #{number} is on its way",
               "{artisan} has shipped your order #{number}.\nTracking number: {tracking}."),
        "ar": ("معلم: طلبكم رقم {number} في الطريق",
               "قام {artisan} بشحن طلبكم رقم {number}.\nرقم التتبع: {tracking}."),
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
               "إذا قمتم بالتحويل، ردّوا على هذه الرسالة بمرجعه: سنعيده إليكم أو نعيد الطلب إن كانت القطعة ما تزال متاحة."),
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
}
# Added to the confirmation of an order paid by bank transfer (orders/holds.py).
TRANSFER_DEADLINE = {
    "fr": "\nVos pièces vous sont réservées jusqu'au {deadline} : sans virement reçu à cette date, la commande "
          "sera annulée et les pièces remises en vente.",
    "en": "\nYour pieces are held for you until {deadline}: if no transfer has arrived by then, the order will be "
          "canceled and the pieces put back on sale.",
    "ar": "\nالقطع محجوزة لكم حتى \u2068{deadline}\u2069: إن لم يصل التحويل قبل هذا التاريخ، يُلغى الطلب وتعود القطع إلى البيع.",
}
PAYMENT_LABELS = {
    "fr": {"COD": "à la livraison", "BANK_TRANSFER": "par virement (facture proforma jointe au lien)",
           "STRIPE": "par carte, reçu", "DEV": "passerelle de développement"},
    "en": {"COD": "cash on delivery", "BANK_TRANSFER": "by bank transfer (proforma invoice at the link)",
           "STRIPE": "by card, received", "DEV": "development gateway"},
    "ar": {"COD": "عند التسليم", "BANK_TRANSFER": "بتحويل بنكي (الفاتورة الأولية في الرابط)",
           "STRIPE": "بالبطاقة، تم الاستلام", "DEV": "بوابة التطوير"},
}


def _texts(kind: str, language: str) -> tuple[str, str]:
    return TEXTS[kind].get(language) or TEXTS[kind]["fr"]


def send_confirmation(order: Order) -> None:
    language = order.language_code
    subject, body = _texts("confirmation", language)
    lines = ", ".join(f"{line.quantity} × {line.product_name}" for line in order.lines.all())
    values = {"number": order.number, "lines": lines, "total": order.total_gross, "currency": order.currency,
              "payment": (PAYMENT_LABELS.get(language) or PAYMENT_LABELS["fr"])[order.payment_method],
              "url": f"{settings.PUBLIC_API_URL}/orders/{order.token}/"}
    body = body.format(**values)
    if order.payment_method == Order.Payment.BANK_TRANSFER:
        from marketplace.orders.holds import payment_deadline

        deadline = payment_deadline(order).date().isoformat()
        body += (TRANSFER_DEADLINE.get(language) or TRANSFER_DEADLINE["fr"]).format(deadline=deadline)
    send_mail(subject.format(**values), body, settings.DEFAULT_FROM_EMAIL, [order.user_email])


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


def send_shipped(order: Order, artisan_name: str, tracking: str) -> None:
    subject, body = _texts("shipped", order.language_code)
    values = {"number": order.number, "artisan": artisan_name, "tracking": tracking or "—"}
    send_mail(subject.format(**values), body.format(**values), settings.DEFAULT_FROM_EMAIL, [order.user_email])
