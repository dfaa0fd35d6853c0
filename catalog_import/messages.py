"""Every message the importer prints or reports, in English and French (`--lang en|fr`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (English, French)
    "ENCODING": ("The file is neither UTF-8 nor Windows-1252 text.",
                 "Le fichier n'est ni du texte UTF-8 ni du Windows-1252."),
    "UNREADABLE": ("The file cannot be read: {detail}", "Le fichier est illisible : {detail}"),
    "UNKNOWN_FORMAT": ("Unknown file type {suffix}: use .csv, .xlsx or .json.",
                       "Type de fichier inconnu {suffix} : utilisez .csv, .xlsx ou .json."),
    "EMPTY_FILE": ("The file has no product rows.", "Le fichier ne contient aucune ligne de produit."),
    "MISSING_COLUMN": ("Missing column: {column} (accepted headers: {headers}).",
                       "Colonne manquante : {column} (en-têtes acceptés : {headers})."),
    "UNKNOWN_COLUMN": ("Unknown column {column}: it is ignored.", "Colonne inconnue {column} : elle est ignorée."),
    "DUPLICATE_COLUMN": ("Two columns mean {column}.", "Deux colonnes désignent {column}."),
    "REQUIRED": ("{column} is required.", "{column} est obligatoire."),
    "NOT_A_NUMBER": ("{value!r} is not a number.", "{value!r} n'est pas un nombre."),
    "NOT_POSITIVE": ("{value!r} must be greater than zero.", "{value!r} doit être supérieur à zéro."),
    "NEGATIVE": ("{value!r} cannot be negative.", "{value!r} ne peut pas être négatif."),
    "NOT_AN_INTEGER": ("{value!r} is not a whole number.", "{value!r} n'est pas un nombre entier."),
    "BAD_BOOLEAN": ("{value!r} is not yes/no.", "{value!r} n'est pas oui/non."),
    "BAD_DIMENSIONS": ("{value!r}: write dimensions as length x width x height in cm (e.g. 30x20x10).",
                       "{value!r} : écrivez les dimensions longueur x largeur x hauteur en cm (ex. 30x20x10)."),
    "BAD_HS_CODE": ("{value!r} is not an HS code (6 to 10 digits).",
                    "{value!r} n'est pas un code SH (6 à 10 chiffres)."),
    "BAD_ATTRIBUTES": ("{value!r}: write attributes as name: value; name: value1, value2.",
                       "{value!r} : écrivez les attributs sous la forme nom : valeur ; nom : valeur1, valeur2."),
    "TOO_LONG": ("The text is longer than {limit} characters.", "Le texte dépasse {limit} caractères."),
    "DUPLICATE_SKU": ("SKU {value} is already used on row {other}.", "Le SKU {value} est déjà utilisé ligne {other}."),
    "CONFLICT": ("{value!r} differs from row {other} of the same product ({previous!r}).",
                 "{value!r} diffère de la ligne {other} du même produit ({previous!r})."),
    "SKU_NEEDED": ("A product with several variants needs a SKU on each row.",
                   "Un produit à plusieurs variantes demande un SKU sur chaque ligne."),
    "KEY_NEEDED": ("Give a SKU or an external id.", "Indiquez un SKU ou un identifiant externe."),
    "UNKNOWN_CATEGORY": ("Unknown category {value!r}.", "Catégorie inconnue {value!r}."),
    "UNKNOWN_PRODUCT_TYPE": ("Unknown product type {value!r}.", "Type de produit inconnu {value!r}."),
    "UNKNOWN_ARTISAN": ("Unknown artisan {value!r}.", "Artisan inconnu {value!r}."),
    "UNKNOWN_ATTRIBUTE": ("Attribute {value!r} does not belong to product type {other!r}.",
                          "L'attribut {value!r} n'appartient pas au type de produit {other!r}."),
    "UNKNOWN_CHANNEL": ("Unknown market {value!r}.", "Marché inconnu {value!r}."),
    "UNKNOWN_WAREHOUSE": ("Unknown warehouse {value!r} (or not one your account may stock).",
                          "Entrepôt inconnu {value!r} (ou que votre compte ne peut pas approvisionner)."),
    "PRICE_WITHOUT_MARKET": ("A price is given for market {value!r}, which the product is not listed in.",
                             "Un prix est donné pour le marché {value!r}, où le produit n'est pas proposé."),
    "PHOTO_MISSING": ("Photo {value!r} not found.", "Photo {value!r} introuvable."),
    "PHOTO_FOLDER_MISSING": ("Photo folder {value!r} not found.", "Dossier de photos {value!r} introuvable."),
    "PHOTO_TOO_LARGE": ("Photo {value!r} is {size}; the limit is {limit}.",
                        "La photo {value!r} pèse {size} ; la limite est {limit}."),
    "PHOTO_EMPTY": ("Photo {value!r} is empty.", "La photo {value!r} est vide."),
    "PHOTO_NOT_IMAGE": ("{value!r} is not a JPEG, PNG, WebP or HEIC photo.",
                        "{value!r} n'est pas une photo JPEG, PNG, WebP ou HEIC."),
    "API": ("The API refused it: {value}", "L'API a refusé : {value}"),
    # summary and progress
    "SUMMARY": ("{created} created, {updated} updated, {unchanged} unchanged, {failed} failed",
                "{created} créés, {updated} mis à jour, {unchanged} inchangés, {failed} en échec"),
    "ALL_UNCHANGED": ("Nothing to do: every product is already up to date.",
                      "Rien à faire : tous les produits sont déjà à jour."),
    "VALID": ("{products} products ({rows} rows) are valid.", "{products} produits ({rows} lignes) sont valides."),
    "INVALID": ("{count} problems in the file: nothing was imported.",
                "{count} problèmes dans le fichier : rien n'a été importé."),
    "DRY_RUN": ("Dry run: nothing was written.", "Essai à blanc : rien n'a été écrit."),
    "RESUMING": ("Resuming an interrupted run: {done} products already done.",
                 "Reprise d'un import interrompu : {done} produits déjà traités."),
    "PREVIEW": ("Contact sheet: {path} ({ok} photos processed, {rejected} rejected).",
                "Planche contact : {path} ({ok} photos traitées, {rejected} refusées)."),
    "ROW": ("row", "ligne"),
    "PRODUCTS": ("products", "produits"),
}


def message(code: str, lang: str = "en", **params: object) -> str:
    english, french = MESSAGES.get(code, (code, code))
    template = french if lang == "fr" else english
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
