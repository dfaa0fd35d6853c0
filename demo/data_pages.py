"""Demo catalog, the shop's own pages: returns, delivery terms per market, contact, legal identity and the
import duties note, in French, Arabic and English (editable afterwards in the admin)."""

from __future__ import annotations

TRUST = {"type": "boutique", "type_name": "Pages de la boutique"}

PAGES: list[dict] = [
    {**TRUST, "slug": "retours-et-remboursements",
     "title": {"fr": "Retours et remboursements", "ar": "الإرجاع واسترداد المبلغ", "en": "Returns and refunds"},
     "content": {
         "fr": ["Vous disposez de 14 jours après la livraison pour "
                "nous retourner une pièce, sans avoir à vous justifier.",
                "Écrivez-nous avec votre numéro de commande : nous vous envoyons "
                "l'étiquette de retour. La pièce doit revenir dans son état d'origine.",
                "Le remboursement est fait sur le moyen de paiement d'origine dans les 14 jours suivant "
                "la réception du retour ; une commande payée à la livraison est remboursée par virement.",
                "Une pièce arrivée abîmée est reprise ou remplacée à "
                "nos frais : envoyez-nous une photo dans les 48 heures."],
         "ar": ["لديكم 14 يومًا بعد التسليم لإرجاع أي قطعة دون الحاجة إلى تبرير.",
                "راسلونا برقم الطلب وسنرسل إليكم ملصق الإرجاع. يجب أن تعود القطعة بحالتها الأصلية.",
                "يُرد المبلغ بوسيلة الدفع الأصلية خلال 14 يومًا من استلام القطعة "
                "المرجعة؛ ويُرد مبلغ الطلب المدفوع عند التسليم بتحويل بنكي.",
                "القطعة التي تصل متضررة نستردها أو نستبدلها على نفقتنا: أرسلوا إلينا صورة خلال 48 ساعة."],
         "en": ["You have 14 days after delivery to send a piece back, with no reason needed.",
                "Write to us with your order number: we send you the return "
                "label. The piece must come back in its original condition.",
                "The refund goes to the original means of payment within 14 days of "
                "receiving the return; an order paid on delivery is refunded by bank transfer.",
                "A piece that arrives damaged is taken back or "
                "replaced at our cost: send us a photo within 48 hours."]}},
    {**TRUST, "slug": "livraison-maroc", "market": "maroc",
     "title": {"fr": "Livraison au Maroc", "ar": "التوصيل داخل المغرب", "en": "Delivery in Morocco"},
     "content": {
         "fr": ["Grandes villes (Casablanca, Rabat, Marrakech, Fès, "
                "Tanger, Agadir…) : 1 à 3 jours ouvrés, ou express en 24 h.",
                "Autres villes : 2 à 5 jours ouvrés. Le prix dépend du poids du colis et s'affiche avant la commande.",
                "Chaque artisan expédie sa pièce depuis son atelier : une commande de "
                "plusieurs artisans arrive en plusieurs colis, chacun avec son numéro de suivi.",
                "Paiement à la livraison ou par carte."],
         "ar": ["المدن الكبرى (الدار البيضاء، الرباط، مراكش، فاس، طنجة، "
                "أكادير…): من 1 إلى 3 أيام عمل، أو توصيل سريع خلال 24 ساعة.",
                "المدن الأخرى: من 2 إلى 5 أيام عمل. يتوقف الثمن على وزن الطرد ويظهر قبل تأكيد الطلب.",
                "يشحن كل صانع قطعته من ورشته: الطلب الذي يضم عدة صناع يصل في عدة طرود، لكل منها رقم تتبع.",
                "الدفع عند التسليم أو بالبطاقة."],
         "en": ["Large cities (Casablanca, Rabat, Marrakesh, Fez, Tangier, "
                "Agadir…): 1 to 3 working days, or 24-hour express.",
                "Other cities: 2 to 5 working days. The price depends "
                "on the parcel's weight and is shown before you order.",
                "Each artisan ships their piece from their workshop: an order from several "
                "artisans arrives in several parcels, each with its tracking number.",
                "Pay on delivery or by card."]}},
    {**TRUST, "slug": "livraison-touristes", "market": "touristes",
     "title": {"fr": "Livraison pour les voyageurs", "ar": "التوصيل للمسافرين", "en": "Delivery for travellers"},
     "content": {
         "fr": ["À votre hôtel ou riad dans les villes touristiques, "
                "en 1 à 2 jours : payez à la livraison ou par carte.",
                "Retrait gratuit à l'atelier de l'artisan ou aux stands Expo-artisan de Marrakech et de Fès.",
                "Envoi à votre domicile à l'étranger en 6 à 12 jours ; les droits "
                "et taxes d'importation de votre pays restent à votre charge."],
         "ar": ["إلى فندقكم أو رياضكم في المدن السياحية خلال يوم إلى يومين: الدفع عند التسليم أو بالبطاقة.",
                "الاستلام مجانًا من ورشة الصانع أو من أروقة معرض الصانع التقليدي بمراكش وفاس.",
                "الشحن إلى منزلكم بالخارج خلال 6 إلى 12 يومًا؛ وتبقى رسوم وضرائب الاستيراد في بلدكم على عاتقكم."],
         "en": ["To your hotel or riad in the tourist cities, in 1 to 2 days: pay on delivery or by card.",
                "Free collection at the artisan's workshop or at the Expo-artisan stands in Marrakesh and Fez.",
                "Shipping to your home abroad in 6 to 12 days; your "
                "country's import duties and taxes are yours to pay."]}},
    {**TRUST, "slug": "livraison-export", "market": "export export-usd",
     "title": {"fr": "Livraison à l'international", "ar": "التوصيل الدولي", "en": "International delivery"},
     "content": {
         "fr": ["Europe : 5 à 9 jours (express 2 à 4). Amérique du Nord : 7 "
                "à 12 jours (express 3 à 5). Reste du monde : 8 à 15 jours.",
                "Paiement par virement bancaire sur facture proforma ou "
                "par carte. Les pièces partent quand le paiement est reçu.",
                "Les prix sont hors droits et taxes d'importation : voyez notre note sur les droits et taxes."],
         "ar": ["أوروبا: من 5 إلى 9 أيام (السريع من 2 إلى 4). أمريكا الشمالية: من "
                "7 إلى 12 يومًا (السريع من 3 إلى 5). باقي العالم: من 8 إلى 15 يومًا.",
                "الدفع بتحويل بنكي على أساس فاتورة أولية أو بالبطاقة. تُشحن القطع عند توصلنا بالدفع.",
                "الأسعار لا تشمل رسوم وضرائب الاستيراد: اطلعوا على مذكرتنا حول الرسوم والضرائب."],
         "en": ["Europe: 5 to 9 days (express 2 to 4). North America: 7 to "
                "12 days (express 3 to 5). Rest of the world: 8 to 15 days.",
                "Pay by bank transfer against a proforma invoice, or "
                "by card. The pieces leave once the payment has arrived.",
                "Prices exclude import duties and taxes: see our note on duties and taxes."]}},
    {**TRUST, "slug": "droits-et-taxes", "market": "export export-usd",
     "title": {"fr": "Droits et taxes d'importation", "ar": "رسوم وضرائب الاستيراد", "en": "Import duties and taxes"},
     "content": {
         "fr": ["Les pièces partent du Maroc hors TVA marocaine. À l'arrivée, le pays de destination peut "
                "percevoir des droits de douane et sa TVA ; le transporteur vous les demande à la livraison.",
                "Union européenne : TVA du pays de livraison dès le premier euro (par "
                "exemple 20 % en France, 19 % en Allemagne), droits de douane au-delà de "
                "150 € ; l'artisanat marocain entre sans droits avec un certificat d'origine.",
                "Royaume-Uni : TVA de 20 %. Suisse : TVA de 8,1 %. États-Unis et Canada "
                ": renseignez-vous auprès de vos douanes, les règles changent souvent."],
         "ar": ["تغادر القطع المغرب دون احتساب الضريبة المغربية على القيمة المضافة. وعند الوصول قد يستوفي "
                "بلد المقصد رسومًا جمركية وضريبته على القيمة المضافة، ويطلبها منكم الناقل عند التسليم.",
                "الاتحاد الأوروبي: ضريبة بلد التسليم على القيمة المضافة من أول يورو (مثلًا 20% في فرنسا و19% في "
                "ألمانيا)، ورسوم جمركية فوق 150 يورو؛ وتدخل الصناعة التقليدية المغربية دون رسوم بشهادة المنشأ.",
                "المملكة المتحدة: ضريبة 20%. سويسرا: ضريبة 8.1%. الولايات "
                "المتحدة وكندا: استفسروا لدى جماركم، فالقواعد تتغير كثيرًا."],
         "en": ["The pieces leave Morocco without Moroccan VAT. On arrival, the destination country "
                "may charge customs duties and its VAT; the carrier asks you for them on delivery.",
                "European Union: the delivery country's VAT from the first euro (for example 20% in France, 19% in "
                "Germany), customs duties above €150; Moroccan crafts enter duty-free with a certificate of origin.",
                "United Kingdom: 20% VAT. Switzerland: 8.1% VAT. United "
                "States and Canada: ask your customs, the rules change often."]}},
    {**TRUST, "slug": "contact",
     "title": {"fr": "Nous contacter", "ar": "اتصلوا بنا", "en": "Contact us"},
     "content": {
         "fr": ["E-mail : contact@maalem.ma — nous répondons sous un jour ouvré.",
                "Téléphone et WhatsApp : +212 522 000 000 (du lundi au samedi, de 9 h à 18 h).",
                "Adresse : Maalem SARL, 25 boulevard d'Anfa, 20000 Casablanca, Maroc."],
         "ar": ["البريد الإلكتروني: contact@maalem.ma — نجيب خلال يوم عمل.",
                "الهاتف وواتساب: ‎+212 522 000 000 (من الاثنين إلى السبت، من 9 صباحًا إلى 6 مساءً).",
                "العنوان: Maalem SARL، 25 شارع أنفا، 20000 الدار البيضاء، المغرب."],
         "en": ["E-mail: contact@maalem.ma — we answer within one working day.",
                "Phone and WhatsApp: +212 522 000 000 (Monday to Saturday, 9 am to 6 pm).",
                "Address: Maalem SARL, 25 boulevard d'Anfa, 20000 Casablanca, Morocco."]}},
    {**TRUST, "slug": "mentions-legales",
     "title": {"fr": "Mentions légales", "ar": "البيانات القانونية", "en": "Legal notice"},
     "content": {
         "fr": ["Maalem SARL, société à responsabilité limitée au capital de "
                "100 000 dirhams, 25 boulevard d'Anfa, 20000 Casablanca, Maroc.",
                "Registre du commerce de Casablanca n° 512345 ; ICE 002345678000091 ; identifiant fiscal 45678912.",
                "Maalem vend au nom des artisans et coopératives dont les pièces "
                "sont présentées ; chaque fiche nomme l'artisan qui l'a faite."],
         "ar": ["Maalem SARL، شركة ذات مسؤولية محدودة رأسمالها 100000 درهم، 25 شارع أنفا، 20000 الدار البيضاء، المغرب.",
                "السجل التجاري بالدار البيضاء رقم 512345؛ التعريف الموحد "
                "للمقاولة 002345678000091؛ التعريف الضريبي 45678912.",
                "تبيع Maalem باسم الصناع والتعاونيات الذين تُعرض قطعهم؛ وتذكر كل بطاقة الصانع الذي صنع القطعة."],
         "en": ["Maalem SARL, a limited liability company with a capital of "
                "100,000 dirhams, 25 boulevard d'Anfa, 20000 Casablanca, Morocco.",
                "Casablanca trade register no. 512345; ICE 002345678000091; tax identifier 45678912.",
                "Maalem sells on behalf of the artisans and cooperatives whose "
                "pieces are shown; each page names the artisan who made the piece."]}},
]
