"""Every message the importer prints or reports, in English, French and Arabic (`--lang en|fr|ar`).

A template is a string, or a dict of plural forms chosen by the count (CLDR rules through Babel: Arabic has
six). Values quoted in English and French messages are shown as Python reprs ('1,200'); in Arabic they are
put between « » and isolated (FSI … PDI), so a Latin value keeps its own direction inside an Arabic line.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from catalog_import.text import isolate

LANGUAGES = ("en", "fr", "ar")

MESSAGES: dict[str, dict[str, Any]] = {
    # --- the file ------------------------------------------------------------------------------------
    "ENCODING": {
        "en": "The file is not text in UTF-8, Windows-1252 or Windows-1256: save it as \"CSV UTF-8\".",
        "fr": "Le fichier n'est pas du texte UTF-8, Windows-1252 ou Windows-1256 : enregistrez-le en « CSV UTF-8 ».",
        "ar": "الملف ليس نصًا بترميز UTF-8 أو Windows-1252 أو Windows-1256: احفظه بصيغة «CSV UTF-8».",
    },
    "ENCODING_UNSURE": {
        "en": "The file's encoding cannot be recognised with confidence (it is not UTF-8, and it does not read "
              "clearly as Windows-1252 or Windows-1256): save it as \"CSV UTF-8\" so that no letter is garbled.",
        "fr": "L'encodage du fichier ne peut pas être reconnu avec certitude (ce n'est pas de l'UTF-8, et il ne se "
              "lit clairement ni en Windows-1252 ni en Windows-1256) : enregistrez-le en « CSV UTF-8 » pour "
              "qu'aucune lettre ne soit déformée.",
        "ar": "تعذّر التعرّف على ترميز الملف بثقة (ليس UTF-8، ولا يُقرأ بوضوح بترميز Windows-1252 أو Windows-1256): "
              "احفظه بصيغة «CSV UTF-8» حتى لا يتشوّه أي حرف.",
    },
    "LOST_CHARACTERS": {
        "en": "{count} cells hold \"?\" where letters were (row {row}: {value!r}): the file was saved in an "
              "encoding that cannot hold them (Arabic in Windows-1252). Save it as \"CSV UTF-8\" from the original.",
        "fr": "{count} cellules contiennent « ? » à la place de lettres (ligne {row} : {value!r}) : le fichier a été "
              "enregistré dans un encodage qui ne peut pas les contenir (de l'arabe en Windows-1252). Enregistrez "
              "l'original en « CSV UTF-8 ».",
        "ar": "عدد الخانات التي تحتوي على «?» مكان الحروف: {count} (السطر {row}: {value}): حُفظ الملف بترميز لا يمكنه "
              "حملها (العربية في Windows-1252). احفظ الملف الأصلي بصيغة «CSV UTF-8».",
    },
    "UNREADABLE": {"en": "The file cannot be read: {detail}", "fr": "Le fichier est illisible : {detail}",
                   "ar": "تعذّرت قراءة الملف: {detail}"},
    "UNKNOWN_FORMAT": {"en": "Unknown file type {suffix}: use .csv, .xlsx or .json.",
                       "fr": "Type de fichier inconnu {suffix} : utilisez .csv, .xlsx ou .json.",
                       "ar": "نوع ملف غير معروف {suffix}: استعمل ‎.csv أو ‎.xlsx أو ‎.json."},
    "EMPTY_FILE": {"en": "The file has no product rows.", "fr": "Le fichier ne contient aucune ligne de produit.",
                   "ar": "لا يحتوي الملف على أي سطر منتج."},
    "MISSING_COLUMN": {"en": "Missing column: {label} (accepted headers: {headers}).",
                       "fr": "Colonne manquante : {label} (en-têtes acceptés : {headers}).",
                       "ar": "عمود ناقص: {label} (العناوين المقبولة: {headers})."},
    "UNKNOWN_COLUMN": {"en": "Unknown column {column}: it is ignored.",
                       "fr": "Colonne inconnue {column} : elle est ignorée.",
                       "ar": "عمود غير معروف {column}: سيتم تجاهله."},
    "DUPLICATE_COLUMN": {"en": "Two columns mean {column}.", "fr": "Deux colonnes désignent {column}.",
                         "ar": "عمودان يدلّان على {column}."},
    "HEADER_ROW": {"en": "The column headers are on this row; the rows above are ignored.",
                   "fr": "Les en-têtes de colonnes sont sur cette ligne ; les lignes au-dessus sont ignorées.",
                   "ar": "عناوين الأعمدة في هذا السطر؛ ويتم تجاهل الأسطر التي فوقه."},
    "SHEET_USED": {"en": "Sheet {sheet} read; the other sheets are ignored ({others}).",
                   "fr": "Feuille {sheet} lue ; les autres feuilles sont ignorées ({others}).",
                   "ar": "قُرئت الورقة {sheet}؛ ويتم تجاهل الأوراق الأخرى ({others})."},
    "FORMULA_WITHOUT_VALUE": {
        "en": "A formula without a computed value: open and save the file in Excel or LibreOffice.",
        "fr": "Formule sans valeur calculée : ouvrez et enregistrez le fichier dans Excel ou LibreOffice.",
        "ar": "صيغة بدون قيمة محسوبة: افتح الملف واحفظه في Excel أو LibreOffice.",
    },
    # --- a row ---------------------------------------------------------------------------------------
    "REQUIRED": {"en": "A value is required.", "fr": "Une valeur est obligatoire.", "ar": "القيمة إلزامية."},
    "NAME_REQUIRED": {"en": "The product needs a name ({headers}).", "fr": "Le produit doit avoir un nom ({headers}).",
                      "ar": "يجب أن يكون للمنتج اسم ({headers})."},
    "NOT_A_NUMBER": {"en": "{value!r} is not a number.", "fr": "{value!r} n'est pas un nombre.",
                     "ar": "{value} ليس عددًا."},
    "AMBIGUOUS_NUMBER": {
        "en": "{value!r} is ambiguous (a decimal comma or a thousands separator?): write it without the comma "
              "or with two decimals, e.g. 1200 or 1,20.",
        "fr": "{value!r} est ambigu (virgule décimale ou séparateur de milliers ?) : écrivez-le sans virgule ou "
              "avec deux décimales, par ex. 1200 ou 1,20.",
        "ar": "{value} غامض (فاصلة عشرية أم فاصل للآلاف؟): اكتبه بدون فاصلة أو برقمين عشريين، مثلًا 1200 أو 1,20.",
    },
    "NOT_POSITIVE": {"en": "{value!r} must be greater than zero.", "fr": "{value!r} doit être supérieur à zéro.",
                     "ar": "{value} يجب أن يكون أكبر من الصفر."},
    "NEGATIVE": {"en": "{value!r} cannot be negative.", "fr": "{value!r} ne peut pas être négatif.",
                 "ar": "{value} لا يمكن أن يكون سالبًا."},
    "NOT_AN_INTEGER": {"en": "{value!r} is not a whole number.", "fr": "{value!r} n'est pas un nombre entier.",
                       "ar": "{value} ليس عددًا صحيحًا."},
    "BAD_BOOLEAN": {"en": "{value!r} is not yes/no (oui/non, yes/no, نعم/لا, 1/0, x or empty).",
                    "fr": "{value!r} n'est pas oui/non (oui/non, yes/no, نعم/لا, 1/0, x ou vide).",
                    "ar": "{value} ليس نعم/لا (نعم/لا، oui/non، yes/no، 1/0، x أو فارغ)."},
    "BAD_DIMENSIONS": {
        "en": "{value!r}: write dimensions as length x width x height in cm (e.g. 30x20x10).",
        "fr": "{value!r} : écrivez les dimensions longueur x largeur x hauteur en cm (ex. 30x20x10).",
        "ar": "{value}: اكتب الأبعاد بالشكل الطول x العرض x الارتفاع بالسنتيمتر (مثلًا 30x20x10).",
    },
    "BAD_HS_CODE": {"en": "{value!r} is not an HS code (6 to 10 digits).",
                    "fr": "{value!r} n'est pas un code SH (6 à 10 chiffres).",
                    "ar": "{value} ليس رمزًا جمركيًا (من 6 إلى 10 أرقام)."},
    "BAD_ATTRIBUTES": {
        "en": "{value!r}: write attributes as name: value; name: value1, value2.",
        "fr": "{value!r} : écrivez les attributs sous la forme nom : valeur ; nom : valeur1, valeur2.",
        "ar": "{value}: اكتب الخصائص بالشكل الاسم: القيمة؛ الاسم: القيمة1، القيمة2.",
    },
    "TOO_LONG": {"en": "The text is longer than {limit} characters.", "fr": "Le texte dépasse {limit} caractères.",
                 "ar": "النص أطول من {limit} حرفًا."},
    "DUPLICATE_SKU": {"en": "SKU {value} is already used on row {other}.",
                      "fr": "Le SKU {value} est déjà utilisé ligne {other}.",
                      "ar": "رمز المنتج {value} مستعمل من قبل في السطر {other}."},
    "CONFLICT": {"en": "{value!r} differs from row {other} of the same product ({previous!r}).",
                 "fr": "{value!r} diffère de la ligne {other} du même produit ({previous!r}).",
                 "ar": "{value} يختلف عمّا في السطر {other} لنفس المنتج ({previous})."},
    "SKU_NEEDED": {"en": "A product with several variants needs a SKU on each row.",
                   "fr": "Un produit à plusieurs variantes demande un SKU sur chaque ligne.",
                   "ar": "المنتج ذو المتغيرات المتعددة يحتاج إلى رمز منتج في كل سطر."},
    "KEY_NEEDED": {"en": "Give a SKU or an external id.", "fr": "Indiquez un SKU ou un identifiant externe.",
                   "ar": "أدخل رمز المنتج أو المرجع الخارجي."},
    "CURRENCY_MISMATCH": {"en": "{value!r} is in {currency}, but this column is in {expected}.",
                          "fr": "{value!r} est en {currency}, mais cette colonne est en {expected}.",
                          "ar": "{value} بعملة {currency}، لكن هذا العمود بعملة {expected}."},
    "NO_CATEGORY": {
        "en": "No category: the product will be in no category of the shop (was the cell merged in the spreadsheet? "
              "A CSV keeps a merged cell's value on its first row only).",
        "fr": "Pas de catégorie : le produit ne sera dans aucune catégorie de la boutique (la cellule était-elle "
              "fusionnée dans le tableur ? Un CSV ne garde la valeur "
              "d'une cellule fusionnée que sur sa première ligne).",
        "ar": "لا توجد فئة: لن يظهر المنتج في أي فئة من فئات المتجر (هل كانت الخانة مدمجة في الجدول؟ ملف CSV يحتفظ "
              "بقيمة الخانة المدمجة في سطرها الأول فقط).",
    },
    "BASE_NAME": {
        "en": "No French name: the {language} name is the product's main name, shown wherever it has no translation.",
        "fr": "Pas de nom en français : le nom en {language} est le nom principal du produit, affiché partout où "
              "il n'a pas de traduction.",
        "ar": "لا يوجد اسم بالفرنسية: الاسم {language} هو الاسم الرئيسي للمنتج، ويظهر حيثما لا توجد ترجمة.",
    },
    # --- against the API's reference data ------------------------------------------------------------
    "UNKNOWN_CATEGORY": {"en": "Unknown category {value!r}.", "fr": "Catégorie inconnue {value!r}.",
                         "ar": "فئة غير معروفة {value}."},
    "UNKNOWN_PRODUCT_TYPE": {"en": "Unknown product type {value!r}.", "fr": "Type de produit inconnu {value!r}.",
                             "ar": "نوع منتج غير معروف {value}."},
    "AMBIGUOUS_REFERENCE": {
        "en": "{value!r} matches several: {choices}; write the slug of the one you mean.",
        "fr": "{value!r} correspond à plusieurs : {choices} ; écrivez l'identifiant (slug) de celui voulu.",
        "ar": "{value} يطابق أكثر من واحد: {choices}؛ اكتب المعرّف (slug) المقصود.",
    },
    "UNKNOWN_ARTISAN": {"en": "Unknown artisan {value!r}.", "fr": "Artisan inconnu {value!r}.",
                        "ar": "حرفي غير معروف {value}."},
    "UNKNOWN_ATTRIBUTE": {"en": "Attribute {value!r} does not belong to product type {other!r}.",
                          "fr": "L'attribut {value!r} n'appartient pas au type de produit {other!r}.",
                          "ar": "الخاصية {value} لا تنتمي إلى نوع المنتج {other}."},
    "UNKNOWN_CHANNEL": {"en": "Unknown market {value!r}.", "fr": "Marché inconnu {value!r}.",
                        "ar": "سوق غير معروف {value}."},
    "UNKNOWN_WAREHOUSE": {"en": "Unknown warehouse {value!r} (or not one your account may stock).",
                          "fr": "Entrepôt inconnu {value!r} (ou que votre compte ne peut pas approvisionner).",
                          "ar": "مستودع غير معروف {value} (أو لا يحق لحسابك تزويده)."},
    "PRICE_WITHOUT_MARKET": {
        "en": "A price is given for market {value!r}, which the product is not listed in.",
        "fr": "Un prix est donné pour le marché {value!r}, où le produit n'est pas proposé.",
        "ar": "أُعطي ثمن للسوق {value}، والمنتج غير معروض فيه.",
    },
    "IMPLAUSIBLE_PRICE": {
        "en": "{value} MAD is unusually low for this product type ({type}): check the price (a thousands "
              "separator read as a decimal point?).",
        "fr": "{value} MAD est anormalement bas pour ce type de produit ({type}) : vérifiez le prix (un "
              "séparateur de milliers lu comme une virgule ?).",
        "ar": "{value} درهم ثمن منخفض بشكل غير عادي لهذا النوع من المنتجات ({type}): تحقّق من الثمن (هل قُرئ "
              "فاصل الآلاف كفاصلة عشرية؟).",
    },
    "IMPLAUSIBLE_HIGH_PRICE": {
        "en": "{value} MAD is unusually high: check the price.",
        "fr": "{value} MAD est anormalement élevé : vérifiez le prix.",
        "ar": "{value} درهم ثمن مرتفع بشكل غير عادي: تحقّق من الثمن.",
    },
    "IMPLAUSIBLE_EXPORT_PRICE": {
        "en": "{value} {currency} is more than the MAD price ({mad} MAD): check the column.",
        "fr": "{value} {currency} dépasse le prix en MAD ({mad} MAD) : vérifiez la colonne.",
        "ar": "{value} {currency} أكثر من الثمن بالدرهم ({mad} درهم): تحقّق من العمود.",
    },
    "UNPRICED_MARKET": {
        "en": "Market {value!r} has no price column ({column}): on Saleor the product is not listed there.",
        "fr": "Le marché {value!r} n'a pas de colonne de prix ({column}) : sur Saleor, le produit n'y est pas proposé.",
        "ar": "السوق {value} ليس له عمود ثمن ({column}): على Saleor لن يُعرض المنتج فيه.",
    },
    "REFERENCE_UNAVAILABLE": {
        "en": "The checks against the API (categories, product types, markets…) were not run: {value}",
        "fr": "Les vérifications auprès de l'API (catégories, types "
              "de produit, marchés…) n'ont pas été faites : {value}",
        "ar": "لم تُجرَ عمليات التحقق مع الواجهة البرمجية (الفئات، أنواع المنتجات، الأسواق…): {value}",
    },
    # --- photos --------------------------------------------------------------------------------------
    "PHOTO_MISSING": {"en": "Photo {value!r} not found.", "fr": "Photo {value!r} introuvable.",
                      "ar": "الصورة {value} غير موجودة."},
    "PHOTO_FOLDER_MISSING": {"en": "Photo folder {value!r} not found.",
                             "fr": "Dossier de photos {value!r} introuvable.",
                             "ar": "مجلد الصور {value} غير موجود."},
    "PHOTO_TOO_LARGE": {"en": "Photo {value!r} is {size}; the limit is {limit}.",
                        "fr": "La photo {value!r} pèse {size} ; la limite est {limit}.",
                        "ar": "حجم الصورة {value} هو {size}؛ والحد الأقصى {limit}."},
    "PHOTO_EMPTY": {"en": "Photo {value!r} is empty.", "fr": "La photo {value!r} est vide.",
                    "ar": "الصورة {value} فارغة."},
    "PHOTO_NOT_IMAGE": {"en": "{value!r} is not a JPEG, PNG, WebP or HEIC photo.",
                        "fr": "{value!r} n'est pas une photo JPEG, PNG, WebP ou HEIC.",
                        "ar": "{value} ليس صورة JPEG أو PNG أو WebP أو HEIC."},
    "PHOTO_CORRUPT": {"en": "Photo {value!r} is damaged or incomplete: it cannot be opened (copy it again from "
                            "the camera or phone).",
                      "fr": "La photo {value!r} est endommagée ou incomplète : elle ne peut pas être ouverte "
                            "(copiez-la de nouveau depuis l'appareil ou le téléphone).",
                      "ar": "الصورة {value} تالفة أو ناقصة: لا يمكن فتحها (انسخها من جديد من آلة التصوير أو الهاتف)."},
    "PHOTO_TOO_MANY_PIXELS": {"en": "Photo {value!r} has too many pixels ({pixels} "
                                    "million; the limit is {limit} million).",
                              "fr": "La photo {value!r} a trop de pixels ({pixels} millions ; la limite est de {limit} "
                                    "millions).",
                              "ar": "الصورة {value} فيها عدد كبير جدًا من البكسلات "
                                    "({pixels} مليون؛ والحد {limit} مليون)."},
    "PHOTO_NOT_ON_SALEOR": {
        "en": "Photo {value!r} is HEIC, which Saleor does not accept: it will be refused (convert it to JPEG).",
        "fr": "La photo {value!r} est en HEIC, que Saleor n'accepte pas : elle sera refusée (convertissez-la en JPEG).",
        "ar": "الصورة {value} بصيغة HEIC التي لا يقبلها Saleor: سيتم رفضها (حوّلها إلى JPEG).",
    },
    "PHOTO_FAILED": {"en": "Photo {value!r} was refused: {reason}",
                     "fr": "La photo {value!r} a été refusée : {reason}",
                     "ar": "رُفضت الصورة {value}: {reason}"},
    "API": {"en": "The API refused it: {value}", "fr": "L'API a refusé : {value}",
            "ar": "رفضت الواجهة البرمجية: {value}"},
    # --- the command line ---------------------------------------------------------------------------
    "NO_SUCH_FILE": {"en": "{value}: no such file", "fr": "{value} : fichier introuvable",
                     "ar": "{value}: الملف غير موجود"},
    "CHUNK_SIZE": {"en": "--chunk-size must be at least 1", "fr": "--chunk-size doit valoir au moins 1",
                   "ar": "يجب أن تكون قيمة ‎--chunk-size‎ على الأقل 1"},
    "CREDENTIALS": {"en": "give --token (or MAALEM_TOKEN) or --email and --password",
                    "fr": "indiquez --token (ou MAALEM_TOKEN) ou --email et --password",
                    "ar": "أدخل ‎--token‎ (أو MAALEM_TOKEN) أو ‎--email‎ و‎--password‎"},
    # --- summary and progress ------------------------------------------------------------------------
    "SUMMARY": {"en": "{created} created, {updated} updated, {unchanged} unchanged, {failed} failed",
                "fr": "créés : {created}, mis à jour : {updated}, inchangés : {unchanged}, en échec : {failed}",
                "ar": "أُنشئ: {created}، حُدّث: {updated}، دون تغيير: {unchanged}، فشل: {failed}"},
    "ALL_UNCHANGED": {"en": "Nothing to do: every product is already up to date.",
                      "fr": "Rien à faire : tous les produits sont déjà à jour.",
                      "ar": "لا شيء للقيام به: كل المنتجات محدّثة."},
    "VALID": {
        "en": {"one": "{products} product ({rows} rows) is valid.",
               "other": "{products} products ({rows} rows) are valid."},
        "fr": {"one": "{products} produit ({rows} lignes) est valide.",
               "other": "{products} produits ({rows} lignes) sont valides."},
        "ar": {"other": "عدد المنتجات الصالحة: {products} (عدد الأسطر: {rows})."},
    },
    "INVALID": {
        "en": {"one": "1 problem in the file: nothing was imported.",
               "other": "{count} problems in the file: nothing was imported."},
        "fr": {"one": "1 problème dans le fichier : rien n'a été importé.",
               "other": "{count} problèmes dans le fichier : rien n'a été importé."},
        "ar": {"zero": "لا مشكلة في الملف.", "one": "مشكلة واحدة في الملف: لم يُستورد أي شيء.",
               "two": "مشكلتان في الملف: لم يُستورد أي شيء.", "few": "{count} مشاكل في الملف: لم يُستورد أي شيء.",
               "many": "{count} مشكلة في الملف: لم يُستورد أي شيء.",
               "other": "{count} مشكلة في الملف: لم يُستورد أي شيء."},
    },
    "DRY_RUN": {"en": "Dry run: nothing was written.", "fr": "Essai à blanc : rien n'a été écrit.",
                "ar": "تجربة بدون كتابة: لم يُكتب أي شيء."},
    "RESUMING": {"en": "Resuming an interrupted run: {done} products already done.",
                 "fr": "Reprise d'un import interrompu : {done} produits déjà traités.",
                 "ar": "استئناف استيراد متوقف: عدد المنتجات المنجزة من قبل {done}."},
    "INTERRUPTED": {
        "en": "Interrupted: the API now holds what is counted above; run the same command again to continue.",
        "fr": "Interrompu : l'API contient ce qui est compté ci-dessus ; relancez la même commande pour continuer.",
        "ar": "توقّف الاستيراد: الواجهة البرمجية تحتوي الآن ما هو محسوب أعلاه؛ أعد تشغيل الأمر نفسه للمتابعة.",
    },
    "NOT_STARTED": {"en": "{count} products not reached yet.", "fr": "Produits pas encore traités : {count}.",
                    "ar": "منتجات لم تُعالج بعد: {count}."},
    "PHOTOS_UPLOADED": {"en": "Photos uploaded: {count}.", "fr": "Photos envoyées : {count}.",
                        "ar": "الصور المرفوعة: {count}."},
    "PREVIEW": {"en": "Contact sheet: {path} ({ok} photos processed, {rejected} rejected).",
                "fr": "Planche contact : {path} ({ok} photos traitées, {rejected} refusées).",
                "ar": "ورقة المعاينة: {path} (الصور المعالجة: {ok}، المرفوضة: {rejected})."},
    "ROW": {"en": "row", "fr": "ligne", "ar": "السطر"},
    "FILE": {"en": "file", "fr": "fichier", "ar": "الملف"},
    "WARNING": {"en": "warning", "fr": "avertissement", "ar": "تنبيه"},
    "PRODUCTS": {"en": "products", "fr": "produits", "ar": "منتجات"},
    "PHOTOS": {"en": "photos", "fr": "photos", "ar": "صور"},
}

# What a column holds, for "missing column" messages (the user's words, not the internal key).
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "product_type": {"en": "the product type", "fr": "le type de produit", "ar": "نوع المنتج"},
    "price_mad": {"en": "the price in MAD", "fr": "le prix en MAD", "ar": "الثمن بالدرهم"},
    "name_fr": {"en": "the product's name", "fr": "le nom du produit", "ar": "اسم المنتج"},
    "sku": {"en": "the SKU (or an external id)", "fr": "le SKU (ou un identifiant externe)",
            "ar": "رمز المنتج (أو مرجع خارجي)"},
    "artisan": {"en": "the artisan", "fr": "l'artisan", "ar": "الحرفي"},
}
LANGUAGE_NAMES = {"fr": {"en": "French", "fr": "français", "ar": "بالفرنسية"},
                  "en": {"en": "English", "fr": "anglais", "ar": "بالإنجليزية"},
                  "ar": {"en": "Arabic", "fr": "arabe", "ar": "بالعربية"}}


@cache
def _plural_form(lang: str, count: int) -> str:
    from babel import Locale

    return Locale.parse(lang).plural_form(count)


def _arabic(params: dict[str, object]) -> dict[str, object]:
    return {k: f"«{isolate(v)}»" if k in ("value", "previous", "other", "column", "sheet") and isinstance(v, str)
            else isolate(v) if isinstance(v, str) else v for k, v in params.items()}


def message(code: str, lang: str = "en", **params: object) -> str:
    forms = MESSAGES.get(code)
    if forms is None:
        return code
    template = forms.get(lang) or forms["en"]
    if isinstance(template, dict):
        count = params.get("count", params.get("products", 0))
        template = template.get(_plural_form(lang, int(count or 0)), template["other"])  # type: ignore[call-overload]
    params = _localised(code, lang, params)
    if lang == "ar":
        params = _arabic(params)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _localised(code: str, lang: str, params: dict[str, object]) -> dict[str, object]:
    """Parameters that are words, put in the message's language (a column's description, a language)."""
    from catalog_import.columns import headers_for

    if code == "MISSING_COLUMN" and isinstance(params.get("column"), str):
        key = str(params["column"])
        params = {**params, "label": column_label(key, lang), "headers": headers_for(key, lang)}
    if params.get("language") in LANGUAGE_NAMES:
        params = {**params, "language": LANGUAGE_NAMES[str(params["language"])][lang]}
    return params


def column_label(key: str, lang: str) -> str:
    labels = COLUMN_LABELS.get(key)
    return labels.get(lang, labels["en"]) if labels else key
