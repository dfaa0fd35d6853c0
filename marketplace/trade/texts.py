"""Words the trade app sends to people in their language (fr, ar, en): curators' reasons for refusing an
application, and the e-mails of trade accounts, quotes and orders. Values are isolated in Arabic texts
(U+2068 … U+2069) so a Latin name or an amount keeps its direction."""

from __future__ import annotations

LANGUAGES = ("fr", "ar", "en")

REJECTION_REASONS = {
    "TAX_ID_UNVERIFIED": {
        "fr": "Nous n'avons pas pu vérifier votre numéro de TVA ou EORI.",
        "ar": "لم نتمكن من التحقق من رقم الضريبة على القيمة المضافة أو رقم EORI الخاص بكم.",
        "en": "We could not verify your VAT or EORI number.",
    },
    "NO_RETAIL_ACTIVITY": {
        "fr": "Nous n'avons pas trouvé de boutique, de galerie ou d'activité de distribution.",
        "ar": "لم نجد متجرا أو رواقا أو نشاط توزيع.",
        "en": "We could not find a shop, a gallery or a distribution business.",
    },
    "INCOMPLETE": {
        "fr": "Votre demande est incomplète : ajoutez le site ou l'adresse de la boutique.",
        "ar": "طلبكم غير مكتمل: أضيفوا الموقع الإلكتروني أو عنوان المتجر.",
        "en": "Your application is incomplete: add your website or your shop's address.",
    },
    "OUTSIDE_MARKETS": {
        "fr": "Nous ne vendons pas encore en gros dans votre pays.",
        "ar": "لا نبيع بالجملة في بلدكم بعد.",
        "en": "We do not sell wholesale in your country yet.",
    },
    "OTHER": {"fr": "Voir la note du curateur.", "ar": "انظروا ملاحظة المنسق.", "en": "See the curator's note."},
}


def reason_text(code: str, language: str) -> str:
    texts = REJECTION_REASONS.get(code) or {}
    return texts.get(language) or texts.get("en", "")


EMAILS = {
    "verified": {
        "fr": ("Maalem Pro : votre compte professionnel est vérifié",
               "Bonjour,\nLe compte professionnel de {company} est vérifié : vous voyez maintenant les prix de gros, "
               "les minimums, le stock et les délais de fabrication.\n{url}"),
        "en": ("Maalem Trade: your trade account is verified",
               "Hello,\nThe trade account of {company} is verified: you now see wholesale prices, minimums, stock "
               "and lead times.\n{url}"),
        "ar": ("معلم للمهنيين: تم التحقق من حسابكم المهني",
               "مرحبا،\nتم التحقق من الحساب المهني لـ \u2068{company}\u2069: أصبحتم ترون أسعار الجملة والحد الأدنى "
               "للطلب والمخزون وآجال الصنع.\n{url}"),
    },
    "rejected": {
        "fr": ("Maalem Pro : votre demande de compte professionnel",
               "Bonjour,\nNous ne pouvons pas vérifier le compte professionnel de {company} pour le moment.\n"
               "Raison : {reason}\n{note}Vous pouvez corriger votre demande et la renvoyer : {url}"),
        "en": ("Maalem Trade: your trade account application",
               "Hello,\nWe cannot verify the trade account of {company} for now.\nReason: {reason}\n{note}"
               "You can correct your application and send it again: {url}"),
        "ar": ("معلم للمهنيين: طلب حسابكم المهني",
               "مرحبا،\nلا يمكننا التحقق من الحساب المهني لـ \u2068{company}\u2069 حاليا.\nالسبب: {reason}\n{note}"
               "يمكنكم تصحيح طلبكم وإرساله من جديد: {url}"),
    },
    "quote_requested": {
        "fr": ("Maalem Pro : demande de devis de {company}",
               "{company} ({country}) demande un devis pour {quantity} × {product} ({kind}).\n{note}"
               "Répondez dans votre espace artisan : prix, délai, ou non.\n{url}"),
        "en": ("Maalem Trade: quote request from {company}",
               "{company} ({country}) asks for a quote for {quantity} × {product} ({kind}).\n{note}"
               "Answer in your artisan space: price, lead time, or no.\n{url}"),
        "ar": ("معلم للمهنيين: طلب عرض سعر من \u2068{company}\u2069",
               "يطلب \u2068{company}\u2069 (\u2068{country}\u2069) عرض سعر لـ \u2068{quantity} × {product}\u2069 "
               "(\u2068{kind}\u2069).\n{note}أجيبوا في فضاء الحرفي: الثمن والأجل، أو الرفض.\n{url}"),
    },
    "quote_offered": {
        "fr": ("Maalem Pro : {artisan} a répondu à votre demande de devis",
               "{artisan} propose {quantity} × {product} à {price} {currency} pièce, livrable en {weeks} semaines.\n"
               "{note}Acceptez le devis pour passer commande : {url}"),
        "en": ("Maalem Trade: {artisan} answered your quote request",
               "{artisan} offers {quantity} × {product} at {price} {currency} each, ready in {weeks} weeks.\n{note}"
               "Accept the quote to place the order: {url}"),
        "ar": ("معلم للمهنيين: أجاب \u2068{artisan}\u2069 على طلب عرض السعر",
               "يقترح \u2068{artisan}\u2069 \u2068{quantity} × {product}\u2069 بثمن \u2068{price} {currency}\u2069 "
               "للقطعة، جاهزة خلال \u2068{weeks}\u2069 أسابيع.\n{note}اقبلوا العرض لتقديم الطلب: {url}"),
    },
    "quote_declined": {
        "fr": ("Maalem Pro : {artisan} ne peut pas faire ce devis",
               "{artisan} ne peut pas répondre à votre demande pour {quantity} × {product}.\n{note}{url}"),
        "en": ("Maalem Trade: {artisan} cannot make this quote",
               "{artisan} cannot take your request for {quantity} × {product}.\n{note}{url}"),
        "ar": ("معلم للمهنيين: لا يستطيع \u2068{artisan}\u2069 تلبية هذا الطلب",
               "لا يستطيع \u2068{artisan}\u2069 تلبية طلبكم لـ \u2068{quantity} × {product}\u2069.\n{note}{url}"),
    },
    "quote_accepted": {
        "fr": ("Maalem Pro : {company} accepte votre devis, commande n° {number}",
               "{company} a accepté votre devis : {quantity} × {product} à {price} {currency} pièce. "
               "La commande n° {number} est passée ; la fabrication commence à la réception de l'acompte.\n{url}"),
        "en": ("Maalem Trade: {company} accepted your quote, order #{number}",
               "{company} accepted your quote: {quantity} × {product} at {price} {currency} each. Order #{number} "
               "is placed; production starts when the deposit is received.\n{url}"),
        "ar": ("معلم للمهنيين: قبل \u2068{company}\u2069 عرضكم، الطلب رقم {number}",
               "قبل \u2068{company}\u2069 عرضكم: \u2068{quantity} × "
               "{product}\u2069 بثمن \u2068{price} {currency}\u2069 "
               "للقطعة. تم تقديم الطلب رقم {number}؛ يبدأ الصنع عند استلام التسبيق.\n{url}"),
    },
    "order_placed": {
        "fr": ("Maalem Pro : commande n° {number} enregistrée",
               "Merci pour votre commande n° {number} ({total} {currency}).\n{terms}\n"
               "La facture proforma (données douanières, acompte et solde, coordonnées bancaires) : {proforma}"),
        "en": ("Maalem Trade: order #{number} placed",
               "Thank you for your order #{number} ({total} {currency}).\n{terms}\n"
               "The proforma invoice (customs data, deposit and balance, bank details): {proforma}"),
        "ar": ("معلم للمهنيين: تم تسجيل الطلب رقم {number}",
               "شكرا على طلبكم رقم {number} (\u2068{total} {currency}\u2069).\n{terms}\n"
               "الفاتورة الأولية (البيانات الجمركية، التسبيق والباقي، المعلومات البنكية): {proforma}"),
    },
    "order_placed_artisan": {
        "fr": ("Maalem Pro : commande professionnelle n° {number} pour {artisan}",
               "{company} ({country}) a commandé : {lines}.\n{production}"
               "Votre part apparaît dans vos commandes à expédier.\n{url}"),
        "en": ("Maalem Trade: trade order #{number} for {artisan}",
               "{company} ({country}) ordered: {lines}.\n{production}Your part is in your orders to ship.\n{url}"),
        "ar": ("معلم للمهنيين: طلب مهني رقم {number} لـ \u2068{artisan}\u2069",
               "طلب \u2068{company}\u2069 (\u2068{country}\u2069): \u2068{lines}\u2069.\n{production}"
               "يظهر نصيبكم في الطلبات التي يجب شحنها.\n{url}"),
    },
}
TERMS = {
    "DEPOSIT": {
        "fr": "Acompte de {share} % ({deposit} {currency}) avant la fabrication, solde ({balance} {currency}) avant "
              "l'expédition.",
        "en": "Deposit of {share}% ({deposit} {currency}) before production, balance ({balance} {currency}) before "
              "shipping.",
        "ar": "تسبيق \u2068{share}\u2069٪ (\u2068{deposit} {currency}\u2069) قبل الصنع، والباقي "
              "(\u2068{balance} {currency}\u2069) قبل الشحن.",
    },
    "NET_30": {
        "fr": "Paiement à 30 jours après l'expédition.",
        "en": "Payment 30 days after shipping.",
        "ar": "الأداء بعد 30 يوما من الشحن.",
    },
}
PRODUCTION = {
    "fr": "À fabriquer : {items}. La fabrication commence à la réception de l'acompte.\n",
    "en": "To make: {items}. Production starts when the deposit is received.\n",
    "ar": "للصنع: \u2068{items}\u2069. يبدأ الصنع عند استلام التسبيق.\n",
}
PRODUCTION_ITEM = {"fr": "{quantity} × {product} en {weeks} semaines", "en": "{quantity} × {product} in {weeks} weeks",
                   "ar": "\u2068{quantity} × {product}\u2069 خلال \u2068{weeks}\u2069 أسابيع"}
NOTE = {"fr": "Note : {note}\n", "en": "Note: {note}\n", "ar": "ملاحظة: \u2068{note}\u2069\n"}
QUOTE_KINDS = {
    "QUANTITY": {"fr": "quantité", "en": "quantity", "ar": "الكمية"},
    "COLOUR": {"fr": "autre couleur", "en": "another colour", "ar": "لون آخر"},
    "SIZE": {"fr": "autre taille", "en": "another size", "ar": "مقاس آخر"},
    "OWN_LABEL": {"fr": "marque du client", "en": "own label", "ar": "علامة الزبون"},
    "OTHER": {"fr": "autre demande", "en": "other request", "ar": "طلب آخر"},
}


def pick(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts["en"]

# Problems of an uploaded order form that are the trade app's own (the importer words the others).
FORM_MESSAGES = {
    "NO_QUANTITY": {"fr": "Aucune ligne n'a de quantité : remplissez la colonne « Quantité ».",
                    "en": "No row has a quantity: fill in the \u201cQuantity\u201d column.",
                    "ar": "لا يحتوي أي سطر على كمية: املؤوا عمود «الكمية»."},
    "UNKNOWN_SKU": {"fr": "Référence inconnue : {sku}.", "en": "Unknown SKU: {sku}.",
                    "ar": "مرجع غير معروف: \u2068{sku}\u2069."},
    "FILE_TOO_LARGE": {"fr": "Le fichier dépasse {limit} Mo.", "en": "The file is larger than {limit} MB.",
                       "ar": "يتجاوز الملف \u2068{limit}\u2069 ميغابايت."},
    "UNAVAILABLE": {"fr": "{sku} n'est pas proposé aux professionnels sur ce marché.",
                    "en": "{sku} is not offered to trade buyers in this market.",
                    "ar": "\u2068{sku}\u2069 غير معروض على المهنيين في هذا السوق."},
    "PACK_SIZE": {"fr": "{sku} se vend par lots de {pack} : commandez un multiple de {pack}.",
                  "en": "{sku} is sold in packs of {pack}: order a multiple of {pack}.",
                  "ar": "يُباع \u2068{sku}\u2069 بحزم من \u2068{pack}\u2069: اطلبوا مضاعفا لـ \u2068{pack}\u2069."},
    "BEYOND_CAPACITY": {"fr": "{sku} : au plus {max} ({stock} en stock, {more} de plus en {weeks} semaines).",
                        "en": "{sku}: at most {max} ({stock} in stock, {more} more in {weeks} weeks).",
                        "ar": "\u2068{sku}\u2069: على الأكثر \u2068{max}\u2069 (\u2068{stock}\u2069 في المخزون، "
                              "\u2068{more}\u2069 إضافية خلال \u2068{weeks}\u2069 أسابيع)."},
    "INVALID": {"fr": "{sku} : quantité refusée.", "en": "{sku}: quantity refused.",
                "ar": "\u2068{sku}\u2069: كمية مرفوضة."},
}


def form_message(code: str, language: str, **values: object) -> str:
    texts = FORM_MESSAGES.get(code) or FORM_MESSAGES["INVALID"]
    return pick(texts, language).format(**{"sku": "", "pack": "", "max": "", "stock": "", "more": "", "weeks": "",
                                           **values})
