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
}
PAYMENT_LABELS = {
    "fr": {"COD": "à la livraison", "BANK_TRANSFER": "par virement (facture proforma jointe au lien)",
           "STRIPE": "par carte, reçu", "DEV": "passerelle de développement",
           "STAND_CASH": "en espèces sur le stand", "STAND_CARD": "par carte sur le stand"},
    "en": {"COD": "cash on delivery", "BANK_TRANSFER": "by bank transfer (proforma invoice at the link)",
           "STRIPE": "by card, received", "DEV": "development gateway",
           "STAND_CASH": "in cash on the stand", "STAND_CARD": "by card on the stand"},
    "ar": {"COD": "عند التسليم", "BANK_TRANSFER": "بتحويل بنكي (الفاتورة الأولية في الرابط)",
           "STRIPE": "بالبطاقة، تم الاستلام", "DEV": "بوابة التطوير",
           "STAND_CASH": "نقدا في الرواق", "STAND_CARD": "بالبطاقة في الرواق"},
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
    send_mail(subject.format(**values), body.format(**values), settings.DEFAULT_FROM_EMAIL, [order.user_email])


def send_shipped(order: Order, artisan_name: str, tracking: str) -> None:
    subject, body = _texts("shipped", order.language_code)
    values = {"number": order.number, "artisan": artisan_name, "tracking": tracking or "—"}
    send_mail(subject.format(**values), body.format(**values), settings.DEFAULT_FROM_EMAIL, [order.user_email])
