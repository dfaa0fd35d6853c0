"""The preset reasons a curator picks to reject a listing, each with what the artisan can do about it, in
French, Arabic and English (the artisan reads them in the atelier's language; a free note may be added)."""

from __future__ import annotations

LANGUAGES = ("fr", "ar", "en")

# code: (label, advice), each {"fr", "ar", "en"}.
REJECTION_REASONS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "PHOTO_UNCLEAR": (
        {"fr": "Photo floue ou trop sombre", "ar": "الصورة غير واضحة أو مظلمة", "en": "Photo unclear or too dark"},
        {"fr": "Reprenez la photo de jour, la pièce seule devant un mur clair, sans bouger.",
         "ar": "أعد التقاط الصورة في ضوء النهار، والقطعة وحدها أمام حائط فاتح، دون أن تتحرك.",
         "en": "Take the photo again in daylight, the piece alone in front of a light wall, holding still."}),
    "PHOTO_NOT_THE_PIECE": (
        {"fr": "La photo ne montre pas la pièce en entier", "ar": "الصورة لا تظهر القطعة كاملة",
         "en": "The photo does not show the whole piece"},
        {"fr": "Cadrez toute la pièce, et ajoutez une photo de près des détails.",
         "ar": "أظهر القطعة كاملة في الصورة، وأضف صورة قريبة للتفاصيل.",
         "en": "Get the whole piece in the frame, and add a close-up of the details."}),
    "PRICE_INCONSISTENT": (
        {"fr": "Prix incohérent", "ar": "الثمن غير مناسب", "en": "Price inconsistent"},
        {"fr": "Vérifiez le prix en dirhams : il doit correspondre à la pièce et à ses dimensions.",
         "ar": "راجع الثمن بالدرهم: يجب أن يناسب القطعة وأبعادها.",
         "en": "Check the price in dirhams: it must match the piece and its size."}),
    "NOT_HANDMADE": (
        {"fr": "Pièce qui ne semble pas faite à la main", "ar": "القطعة لا تبدو مصنوعة يدويًا",
         "en": "The piece does not look handmade"},
        {"fr": "Montrez le travail à la main (traces d'outil, atelier) ou contactez l'équipe du ministère.",
         "ar": "أظهر العمل اليدوي (آثار الأدوات، الورشة) أو اتصل بفريق الوزارة.",
         "en": "Show the handwork (tool marks, the workshop) or contact the ministry's team."}),
    "MISSING_DIMENSIONS": (
        {"fr": "Dimensions manquantes", "ar": "الأبعاد ناقصة", "en": "Missing dimensions"},
        {"fr": "Indiquez les dimensions en centimètres dans l'écran « À propos de la pièce ».",
         "ar": "أدخل الأبعاد بالسنتيمتر في شاشة «عن القطعة».",
         "en": "Enter the sizes in centimetres on the “About the piece” screen."}),
    "NAME_OR_DESCRIPTION": (
        {"fr": "Nom ou description à revoir", "ar": "الاسم أو الوصف يحتاج إلى مراجعة",
         "en": "Name or description to review"},
        {"fr": "Donnez un nom simple qui dit ce qu'est la pièce, et décrivez comment vous l'avez faite.",
         "ar": "أعط القطعة اسمًا بسيطًا يقول ما هي، وصف كيف صنعتها.",
         "en": "Give a plain name that says what the piece is, and describe how you made it."}),
    "WRONG_KIND": (
        {"fr": "Type de pièce ou métier erroné", "ar": "نوع القطعة أو الحرفة غير صحيح",
         "en": "Wrong kind of piece or craft"},
        {"fr": "Choisissez le bon type de pièce : supprimez ce brouillon et ajoutez la pièce à nouveau.",
         "ar": "اختر النوع الصحيح للقطعة: احذف هذه المسودة وأضف القطعة من جديد.",
         "en": "Choose the right kind of piece: delete this draft and add the piece again."}),
    "DUPLICATE": (
        {"fr": "Pièce déjà en vente", "ar": "القطعة معروضة للبيع من قبل", "en": "Piece already on sale"},
        {"fr": "Modifiez le stock de la pièce déjà en vente au lieu d'en ajouter une nouvelle.",
         "ar": "غيّر المخزون في القطعة المعروضة بدل إضافة قطعة جديدة.",
         "en": "Change the stock of the piece already on sale instead of adding a new one."}),
    "OTHER": (
        {"fr": "Autre raison (voir la note)", "ar": "سبب آخر (انظر الملاحظة)", "en": "Other reason (see the note)"},
        {"fr": "Lisez la note du ministère.", "ar": "اقرأ ملاحظة الوزارة.", "en": "Read the ministry's note."}),
}


def text(code: str, language: str, *, advice: bool = False) -> str:
    label, how = REJECTION_REASONS[code]
    chosen = how if advice else label
    return chosen.get(language) or chosen["en"]
