"""Demo catalog product lines: thuya and cedar, lanterns and trays, baskets and hats (see ``data_lines_textiles``)."""

from __future__ import annotations

from .data_lines_textiles import t

BOX_DIMS = t("Dimensions : {l} × {w} × {h} cm.", "المقاس: {l} × {w} × {h} سم.", "Size: {l} × {w} × {h} cm.")
BOWL_DIMS = t("Diamètre : {l} cm, hauteur : {h} cm.", "القطر: {l} سم، الارتفاع: {h} سم.",
              "Diameter: {l} cm, height: {h} cm.")

WOOD_CARE = [
    t("Épousseter avec un chiffon sec ; une goutte d'huile d'argan ravive le bois une fois par an.",
      "يُزال الغبار بقطعة قماش جافة، وتكفي قطرة من زيت الأركان لإنعاش الخشب مرة في السنة.",
      "Dust with a dry cloth; a drop of argan oil once a year revives the wood."),
    t("Bois issu de coupes autorisées par les Eaux et Forêts ; tenir éloigné des sources de chaleur.",
      "خشب مصدره عمليات قطع مرخّصة من المياه والغابات؛ يُحفظ بعيدًا عن مصادر الحرارة.",
      "Wood from felling licensed by the forestry service; keep away from heat sources."),
]

WOOD_MOTIFS = {
    "mogador": {
        "name": t("« Mogador »", "«موكادور»", "“Mogador”"),
        "desc": t("Le couvercle reprend le dessin des remparts de la Skala de Mogador.",
                  "يستعيد الغطاء رسمَ أسوار سقالة موكادور.",
                  "The lid echoes the ramparts of Mogador's Skala."),
    },
    "etoile": {
        "name": t("à étoile marquetée", "بنجمة مطعّمة", "with inlaid star"),
        "desc": t("Une étoile marquetée se détache sur le fond sombre du thuya.",
                  "تبرز نجمةٌ مطعّمة على خلفية العرعار الداكنة.",
                  "An inlaid star stands out against the dark thuya."),
    },
    "ronce": {
        "name": t("en loupe veinée", "بعروق بارزة", "with figured burl"),
        "desc": t("Une loupe aux ronces particulièrement riches a été choisie pour cette pièce.",
                  "اختير لهذه القطعة جذرٌ ذو عروق غنية بشكل خاص.",
                  "A burl with particularly rich figuring was chosen for this piece."),
    },
    "bord-sculpte": {
        "name": t("à bord sculpté", "بحافة منحوتة", "with carved rim"),
        "desc": t("Le bord est sculpté à la gouge d'une frise de petites feuilles.",
                  "نُحتت الحافة بالإزميل على شكل إفريز من أوراق صغيرة.",
                  "The rim is gouge-carved with a frieze of small leaves."),
    },
    "entrelacs": {
        "name": t("à entrelacs", "بزخارف متشابكة", "with interlace"),
        "desc": t("Un décor d'entrelacs géométriques court sur toute la surface.",
                  "تمتد زخارف هندسية متشابكة على كامل السطح.",
                  "Geometric interlace runs across the whole surface."),
    },
    "rosace": {
        "name": t("à rosace", "بالوريدة", "with rosette"),
        "desc": t("Une rosace à huit pétales, sculptée en relief, orne le centre.",
                  "تزيّن الوسطَ وريدةٌ ذات ثمانية فصوص منحوتة نحتًا بارزًا.",
                  "An eight-petal rosette carved in relief decorates the centre."),
    },
    "fleurs": {
        "name": t("aux fleurs", "بالأزهار", "with flowers"),
        "desc": t("Des rinceaux de fleurs courent d'un bord à l'autre.",
                  "تمتد أغصانٌ مزهرة من طرف إلى آخر.",
                  "Scrolling flowers run from edge to edge."),
    },
    "cannelures": {
        "name": t("à cannelures", "بتضليعات", "with fluting"),
        "desc": t("Des cannelures régulières, creusées à la gouge, rythment les flancs.",
                  "تُزيّن الجوانبَ تضليعاتٌ منتظمة حُفرت بالإزميل.",
                  "Regular fluting, cut with a gouge, runs around the sides."),
    },
    "losanges-zayanes": {
        "name": t("à losanges zayanes", "بمعينات زيانية", "with Zayane diamonds"),
        "desc": t("Les losanges reprennent ceux des tapis zayanes du Moyen Atlas.",
                  "تستعيد المعينات تلك التي تزيّن زرابي زيان في الأطلس المتوسط.",
                  "The diamonds echo those of the Zayane rugs of the Middle Atlas."),
    },
}

LANTERN_MOTIFS = {
    "nejma": t("Son nom signifie « étoile », d'après l'étoile à huit branches qui structure tout le décor.",
               "الاسم يعني «النجمة»، نسبةً إلى النجمة الثمانية التي ينتظم حولها الزخرف كله.",
               "Its name means “star”, after the eight-pointed star around which the whole decoration is built."),
    "hilal": t("Des croissants de lune ajourés alternent avec de fines rosaces.",
               "تتناوب أهلّةٌ مخرّمة مع وريدات دقيقة.",
               "Pierced crescent moons alternate with delicate rosettes."),
    "koutoubia": t("Le dôme et les merlons s'inspirent du lanternon qui coiffe le minaret de la Koutoubia.",
                   "القبة والشرفات مستوحاة من الجامور الذي يعلو صومعة الكتبية.",
                   "The dome and merlons are inspired by the lantern atop the Koutoubia minaret."),
    "mouassine": t("Un hommage à la fontaine Mouassine, dont les arcs polylobés sont reproduits en ajour.",
                   "تحيةٌ لسقاية المواسين، إذ تتكرر أقواسها المفصّصة في الزخارف المخرّمة.",
                   "A tribute to the Mouassine fountain, whose multifoil arches are reproduced in openwork."),
    "fassia": t("Un décor fin de palmettes, typique des dinandiers de Fès, couvre toute la surface.",
                "تغطي السطحَ كله زخرفةٌ دقيقة من السعيفات، مميّزة لصنّاع النحاس بفاس.",
                "Fine palmettes, typical of the Fez coppersmiths, cover the whole surface."),
    "zahra": t("Des fleurs à six pétales percées au poinçon dessinent un jardin de lumière.",
               "تشكّل أزهارٌ سداسية البتلات مثقوبة بالمثقب حديقةً من الضوء.",
               "Six-petalled flowers punched through the metal draw a garden of light."),
    "seffarine": t("Le nom rend hommage à la place des dinandiers de Fès, où résonne le martèlement du cuivre.",
                   "الاسم تحيةٌ لساحة الصفارين بفاس، حيث يتردد صدى طرق النحاس.",
                   "The name honours the coppersmiths' square in Fez, ringing with the sound of hammered copper."),
    "chems": t("Des rayons ciselés partent du centre comme ceux d'un soleil.",
               "تنطلق من الوسط أشعةٌ منقوشة كأشعة الشمس.",
               "Chased rays spread from the centre like those of the sun."),
    "marrakchia": t("Des motifs floraux en réserve sur fond martelé "
                    "rappellent les portes cloutées de la médina de Marrakech.",
                    "تذكّر الزخارف النباتية البارزة على الخلفية المطروقة بالأبواب المسمّرة في مدينة مراكش العتيقة.",
                    "Floral motifs left in reserve on a hammered ground "
                    "recall the studded doors of the Marrakech medina."),
    "andalouse": t("Une bordure de calligraphie stylisée et d'arcs andalous encadre le centre.",
                   "يحيط بالوسط إطارٌ من الخط العربي المحوّر والأقواس الأندلسية.",
                   "A border of stylised calligraphy and Andalusian arches frames the centre."),
}

_MOTIF_NAMES = {
    "nejma": ("Nejma", "نجمة"), "hilal": ("Hilal", "هلال"), "koutoubia": ("Koutoubia", "الكتبية"),
    "mouassine": ("Mouassine", "المواسين"), "fassia": ("Fassia", "فاسية"), "zahra": ("Zahra", "زهرة"),
    "seffarine": ("Seffarine", "الصفارين"), "chems": ("Chems", "شمس"), "marrakchia": ("Marrakchia", "مراكشية"),
    "andalouse": ("Andalouse", "أندلسية"),
}


def _named(keys: tuple[str, ...]) -> dict[str, dict]:
    return {k: {"name": t(f"« {_MOTIF_NAMES[k][0]} »", f"«{_MOTIF_NAMES[k][1]}»", f"“{_MOTIF_NAMES[k][0]}”"),
                "desc": LANTERN_MOTIFS[k]} for k in keys}


METAL_CARE = t("Laiton non verni : il se patine naturellement ; un mélange de citron et de sel lui rend son éclat.",
               "نحاس أصفر غير مطلي يكتسب عتاقة طبيعية، ويعيد إليه خليط الليمون والملح بريقه.",
               "Unlacquered brass patinates naturally; a mix of lemon and salt restores its shine.")
COPPER_CARE = t("Cuivre patiné : épousseter simplement, sans produit abrasif.",
                "نحاس أحمر معتّق: يكفي إزالة الغبار عنه دون استعمال مواد كاشطة.",
                "Patinated copper: simply dust, never use abrasives.")

BASKET_MOTIFS = {
    "bandes": {
        "name": t("à bandes", "بأشرطة", "with bands"),
        "desc": t("Des bandes de fibre teinte rythment le tressage.",
                  "تُزيّن الضفيرةَ أشرطةٌ من الألياف المصبوغة.",
                  "Bands of dyed fibre punctuate the weave."),
    },
    "pompons": {
        "name": t("à pompons", "بالشراشيب", "with pompoms"),
        "desc": t("Des pompons de laine colorée sont noués tout autour de l'ouverture.",
                  "عُقدت حول الفتحة شراشيبُ من الصوف الملوّن.",
                  "Coloured wool pompoms are tied all around the rim."),
    },
    "couvercle": {
        "name": t("à couvercle", "بغطاء", "with lid"),
        "desc": t("Un couvercle bien ajusté protège le contenu de la poussière.",
                  "يحمي غطاءٌ محكم المحتوى من الغبار.",
                  "A snug lid keeps the contents dust-free."),
    },
    "anses": {
        "name": t("à anses tressées", "بمقابض مضفورة", "with plaited handles"),
        "desc": t("Les anses, tressées dans la même fibre, sont doublées pour durer.",
                  "المقابض مضفورة من الليف نفسه ومضاعفة لتدوم طويلًا.",
                  "The handles, plaited from the same fibre, are doubled for strength."),
    },
    "chevrons": {
        "name": t("à chevrons", "بزخرفة متعرجة", "with chevrons"),
        "desc": t("Le tressage dessine un motif de chevrons en deux tons.",
                  "تشكّل الضفيرة زخرفة متعرجة بلونين.",
                  "The plaiting forms a two-tone chevron pattern."),
    },
    "broderie": {
        "name": t("à broderie de laine", "بتطريز صوفي", "with wool embroidery"),
        "desc": t("Des motifs géométriques brodés au fil de laine égaient les flancs.",
                  "تزيّن الجوانبَ زخارفُ هندسية مطرزة بخيط الصوف.",
                  "Geometric motifs embroidered in wool brighten the sides."),
    },
}

LINES: dict[str, dict] = {
    "thuya": {
        "product_type": "boite-bois", "render": "wood-box", "unique": False, "stock": (2, 10),
        "dims": BOX_DIMS, "care": WOOD_CARE,
        "motifs": {k: WOOD_MOTIFS[k] for k in ("mogador", "etoile", "ronce", "bord-sculpte", "entrelacs")},
        "models": {
            "coffret": {
                "name": t("Coffret en thuya {c} {m}", "علبة من خشب العرعار {c} {m}", "{c} thuya box {m}"),
                "desc": t("Coffret taillé à {city} dans la loupe de thuya, la racine noueuse "
                          "de l'arbre, poncé puis ciré pour révéler ses ronces et son parfum.",
                          "علبة نُحتت في {city} من جذر العرعار المعقّد، ثم صُقلت وشُمّعت لإبراز عروقها وعبيرها.",
                          "A box carved in {city} from thuya burl, the tree's knotty "
                          "root, sanded and waxed to reveal its swirling grain and scent."),
                "materials": ["bois-de-thuya"], "technique": "sculpte",
                "sizes": [(None, (20, 12, 8), 380, "0.60"), (None, (28, 18, 10), 650, "1.10")],
            },
            "echiquier": {
                "name": t("Échiquier en thuya {c} {m}", "رقعة شطرنج من خشب العرعار {c} {m}",
                          "{c} thuya chessboard {m}"),
                "desc": t("Échiquier pliant en marqueterie de thuya, assemblé à "
                          "{city}, avec un rangement intérieur pour les pièces.",
                          "رقعة شطرنج قابلة للطي من خشب العرعار المطعّم، جُمعت في {city}، بداخلها مكان لحفظ القطع.",
                          "A folding chessboard in thuya marquetry, assembled "
                          "in {city}, with storage inside for the pieces."),
                "materials": ["bois-de-thuya"], "technique": "marqueterie",
                "sizes": [(None, (40, 40, 5), 1200, "1.80")],
            },
            "bol": {
                "name": t("Bol en thuya {c} {m}", "زلافة من خشب العرعار {c} {m}", "{c} thuya bowl {m}"),
                "desc": t("Bol tourné dans une seule pièce de thuya à {city} et fini à "
                          "l'huile alimentaire, idéal pour les fruits secs ou les dattes.",
                          "زلافة خُرطت من قطعة واحدة من خشب العرعار في {city}، "
                          "ودُهنت بزيت صالح للأغذية، مثالية للفواكه الجافة أو التمر.",
                          "A bowl turned from a single piece of thuya in {city} "
                          "and finished with food-safe oil, ideal for nuts or dates."),
                "materials": ["bois-de-thuya"], "technique": "tourne-main",
                "product_type": "bol-bois", "render": "wood-bowl", "dims": BOWL_DIMS,
                "sizes": [(None, (18, 18, 8), 290, "0.40"), (None, (25, 25, 10), 450, "0.70")],
            },
            "boite-bijoux": {
                "name": t("Boîte à bijoux en thuya {c} {m}", "علبة حلي من خشب العرعار {c} {m}",
                          "{c} thuya jewellery box {m}"),
                "desc": t("Boîte à deux compartiments doublée de feutrine, assemblée "
                          "à {city} ; la loupe de thuya dégage un parfum boisé durable.",
                          "علبة بخانتين مبطّنة باللباد، جُمعت في {city}، ويفوح من جذر العرعار عبير خشبي يدوم طويلًا.",
                          "A two-compartment box lined with felt, made in "
                          "{city}; the thuya burl gives off a lasting woody scent."),
                "materials": ["bois-de-thuya"], "technique": "sculpte",
                "sizes": [(None, (16, 10, 7), 260, "0.35")],
            },
        },
    },
    "cedre": {
        "product_type": "boite-bois", "render": "wood-box", "unique": False, "stock": (2, 8),
        "dims": BOX_DIMS, "care": WOOD_CARE,
        "motifs": {k: WOOD_MOTIFS[k] for k in ("rosace", "fleurs", "cannelures", "bord-sculpte", "entrelacs",
                                               "losanges-zayanes")},
        "models": {
            "coffre-peint": {
                "name": t("Coffre en cèdre peint {c} {m}", "صندوق من خشب الأرز المزوّق {m} {c}",
                          "Painted cedar chest in {c} {m}"),
                "desc": t("Coffre en cèdre de l'Atlas assemblé à {city} et décoré au "
                          "zouak, la peinture traditionnelle aux pigments et au jaune d'œuf.",
                          "صندوق من خشب أرز الأطلس جُمع في {city} وزُيّن "
                          "بالزواق، أي الصباغة التقليدية بالأصباغ وصفار البيض.",
                          "A chest of Atlas cedar assembled in {city} and decorated "
                          "in zouak, traditional painting with pigments and egg yolk."),
                "materials": ["bois-de-cedre"], "technique": "peint-main",
                "sizes": [(None, (45, 28, 30), 1700, "6.50"), (None, (60, 35, 40), 2600, "9.80")],
            },
            "boite-sculptee": {
                "name": t("Boîte en cèdre sculpté {c} {m}", "علبة من خشب الأرز المنحوت {c} {m}",
                          "{c} carved cedar box {m}"),
                "desc": t("Boîte en cèdre massif sculptée au ciseau à {city} ; le "
                          "cèdre éloigne naturellement les mites et parfume le linge.",
                          "علبة من خشب الأرز الصلب نُحتت بالإزميل في {city}، "
                          "وخشب الأرز يُبعد العثّ بشكل طبيعي ويعطّر الملابس.",
                          "A solid cedar box chiselled in {city}; cedar naturally repels moths and scents linen."),
                "materials": ["bois-de-cedre"], "technique": "sculpte",
                "sizes": [(None, (25, 15, 10), 320, "0.90"), (None, (35, 22, 14), 520, "1.60")],
            },
            "saladier": {
                "name": t("Saladier en cèdre {c} {m}", "وعاء سلطة من خشب الأرز {c} {m}", "{c} cedar salad bowl {m}"),
                "desc": t("Saladier tourné à {city} dans une bille de cèdre de "
                          "l'Atlas séchée deux ans, fini à l'huile de lin alimentaire.",
                          "وعاء خُرط في {city} من جذع أرز أطلسي جُفّف لمدة عامين، ومُسح بزيت الكتان الصالح للأغذية.",
                          "A bowl turned in {city} from an Atlas cedar log seasoned "
                          "for two years, finished with food-safe linseed oil."),
                "materials": ["bois-de-cedre"], "technique": "tourne-main",
                "product_type": "bol-bois", "render": "wood-bowl", "dims": BOWL_DIMS,
                "sizes": [(None, (28, 28, 10), 340, "0.90"), (None, (34, 34, 12), 460, "1.30")],
            },
            "coupe": {
                "name": t("Coupe à fruits en cèdre {c} {m}", "صحن فواكه من خشب الأرز {c} {m}",
                          "{c} cedar fruit dish {m}"),
                "desc": t("Coupe basse sculptée à {city} dans une seule pièce de cèdre, "
                          "sur un pied court, pour les fruits de saison ou les pâtisseries.",
                          "صحن منخفض نُحت في {city} من قطعة واحدة من خشب "
                          "الأرز، بقاعدة قصيرة، للفواكه الموسمية أو الحلويات.",
                          "A low dish carved in {city} from a single piece of "
                          "cedar, on a short foot, for seasonal fruit or pastries."),
                "materials": ["bois-de-cedre"], "technique": "sculpte",
                "product_type": "bol-bois", "render": "wood-bowl", "dims": BOWL_DIMS,
                "sizes": [(None, (32, 32, 8), 380, "1.00")],
            },
        },
    },
    "lanternes": {
        "product_type": "lanterne", "render": "lantern", "unique": False, "stock": (2, 10),
        "dims": t("Hauteur : {h} cm, diamètre : {l} cm.", "الارتفاع: {h} سم، القطر: {l} سم.",
                  "Height: {h} cm, diameter: {l} cm."),
        "care": [METAL_CARE, t("Branchement électrique par un professionnel ; ampoule LED recommandée.",
                               "يُنصح بتوصيل الكهرباء من طرف مختص واستعمال مصباح LED.",
                               "Have it wired by an electrician; LED bulb recommended.")],
        "motifs": _named(("nejma", "hilal", "koutoubia", "mouassine", "fassia", "zahra", "seffarine", "chems")),
        "models": {
            "laiton": {
                "name": t("Lanterne ciselée en laiton {m}", "فانوس من النحاس الأصفر المنقوش {m}",
                          "Chased brass lantern {m}"),
                "desc": t("Lanterne en laiton découpée et ciselée au poinçon à {city}, dont les "
                          "ajours projettent au mur un réseau d'étoiles ; douille E27 et câble fournis.",
                          "فانوس من النحاس الأصفر قُطّع ونُقش بالمثقب في {city}، تُلقي "
                          "ثقوبه على الجدار شبكة من النجوم؛ يُسلَّم مع مقبس E27 وسلك.",
                          "A brass lantern cut and chased with a punch in {city}, whose openwork "
                          "casts a web of stars on the wall; E27 socket and cable included."),
                "materials": ["laiton"], "technique": "cisele",
                "sizes": [(None, (22, 22, 45), 890, "2.20"), (None, (30, 30, 65), 1450, "3.50"),
                          (None, (40, 40, 90), 2600, "6.00")],
            },
            "verre": {
                "name": t("Lanterne en laiton et verre coloré {m}", "فانوس من النحاس الأصفر والزجاج الملوّن {m}",
                          "Brass and coloured glass lantern {m}"),
                "desc": t("Structure en laiton soudée à {city} et vitraux de "
                          "verre coloré sertis un à un, à poser ou à suspendre.",
                          "هيكل من النحاس الأصفر لُحم في {city} وزجاج ملوّن مثبّت قطعةً قطعة، يوضع أو يُعلَّق.",
                          "A brass frame soldered in {city} with coloured "
                          "glass panes set one by one, to stand or hang."),
                "materials": ["laiton", "verre"], "technique": "cisele",
                "sizes": [(None, (18, 18, 40), 690, "1.80"), (None, (25, 25, 55), 1100, "2.90")],
            },
            "suspension": {
                "name": t("Suspension en cuivre martelé {m}", "ثريا من النحاس الأحمر المطروق {m}",
                          "Hammered copper pendant light {m}"),
                "desc": t("Suspension en cuivre rouge martelé à {city}, "
                          "ajourée de motifs floraux et patinée à l'ancienne.",
                          "ثريا من النحاس الأحمر المطروق في {city}، مخرّمة بزخارف نباتية ومعتّقة على الطريقة القديمة.",
                          "A pendant light in red copper hammered in {city}, "
                          "pierced with floral motifs and given an antique patina."),
                "materials": ["cuivre"], "technique": "martele",
                "sizes": [(None, (35, 35, 40), 1350, "2.60"), (None, (45, 45, 50), 1900, "3.80")],
                "care": [COPPER_CARE],
            },
            "applique": {
                "name": t("Applique murale en laiton {m}", "مصباح جداري من النحاس الأصفر {m}", "Brass wall sconce {m}"),
                "desc": t("Applique demi-lune en laiton ajouré, fabriquée à {city} "
                          "pour les couloirs de riad et les chambres d'hôtes.",
                          "مصباح جداري نصف دائري من النحاس الأصفر المخرّم، "
                          "صُنع في {city} لممرات الرياضات وغرف الضيافة.",
                          "A half-moon sconce in pierced brass, made in {city} for riad corridors and guest rooms."),
                "materials": ["laiton"], "technique": "cisele",
                "sizes": [(None, (25, 12, 35), 620, "1.20")],
                "dims": t("Hauteur : {h} cm, largeur : {l} cm, profondeur : {w} cm.",
                          "الارتفاع: {h} سم، العرض: {l} سم، العمق: {w} سم.",
                          "Height: {h} cm, width: {l} cm, depth: {w} cm."),
            },
            "photophore": {
                "name": t("Photophore en laiton {m}", "حامل شموع من النحاس الأصفر {m}", "Brass candle lantern {m}"),
                "desc": t("Photophore à poser, ciselé à {city} pour une bougie "
                          "chauffe-plat ; charmant sur une table de terrasse.",
                          "حامل شموع يوضع على الطاولة، نُقش في {city} لشمعة صغيرة، ويضفي سحرًا على طاولة الشرفة.",
                          "A tabletop candle lantern chased in {city} for a tealight; charming on a terrace table."),
                "materials": ["laiton"], "technique": "cisele",
                "sizes": [(None, (12, 12, 18), 180, "0.40")],
                "care": [METAL_CARE],
            },
        },
    },
    "plateaux": {
        "product_type": "plateau", "render": "brass-tray", "unique": False, "stock": (2, 8),
        "dims": t("Diamètre : {l} cm, hauteur : {h} cm.", "القطر: {l} سم، الارتفاع: {h} سم.",
                  "Diameter: {l} cm, height: {h} cm."),
        "care": [METAL_CARE, t("Ne pas laisser d'eau stagner ; sécher après lavage.",
                               "يُتجنَّب ترك الماء راكدًا، ويُجفَّف النحاس بعد الغسل.",
                               "Do not leave water standing; dry after washing.")],
        "motifs": _named(("fassia", "chems", "seffarine", "marrakchia", "andalouse", "nejma")),
        "models": {
            "plateau-the": {
                "name": t("Plateau à thé en laiton ciselé {m}", "صينية شاي من النحاس الأصفر المنقوش {m}",
                          "Chased brass tea tray {m}"),
                "desc": t("Plateau rond ciselé au burin à {city}, pour servir le thé à la menthe "
                          "avec théière et verres ; posé sur un pied en bois, il devient table basse.",
                          "صينية مستديرة نُقشت بالإزميل في {city} لتقديم شاي النعناع "
                          "بالبرّاد والكؤوس، وإذا وُضعت على حامل خشبي صارت طاولة منخفضة.",
                          "A round tray chased with a burin in {city} for serving mint tea with "
                          "teapot and glasses; set on a wooden stand, it becomes a coffee table."),
                "materials": ["laiton"], "technique": "cisele",
                "sizes": [(None, (40, 40, 3), 480, "1.40"), (None, (60, 60, 4), 950, "2.80"),
                          (None, (80, 80, 5), 1600, "4.50")],
            },
            "cuivre": {
                "name": t("Plateau en cuivre martelé {m}", "صينية من النحاس الأحمر المطروق {m}",
                          "Hammered copper tray {m}"),
                "desc": t("Plateau en cuivre rouge martelé à la main à {city} : chaque "
                          "coup de marteau laisse une facette qui accroche la lumière.",
                          "صينية من النحاس الأحمر طُرقت يدويًا في {city}، "
                          "وكل ضربة مطرقة تترك وجهًا صغيرًا يلتقط الضوء.",
                          "A red copper tray hand-hammered in {city}: each "
                          "hammer blow leaves a facet that catches the light."),
                "materials": ["cuivre"], "technique": "martele",
                "sizes": [(None, (45, 45, 4), 620, "1.90"), (None, (55, 55, 5), 880, "2.70")],
                "care": [COPPER_CARE],
            },
            "table-plateau": {
                "name": t("Table plateau en laiton sur pied pliant {m}", "صينية نحاسية على حامل قابل للطي {m}",
                          "Brass tray table on folding stand {m}"),
                "desc": t("Grand plateau en laiton repoussé à {city}, livré avec son pied pliant en cèdre sculpté.",
                          "صينية كبيرة من النحاس الأصفر المشغول بالنقش البارز في "
                          "{city}، تُسلَّم مع حاملها القابل للطي من خشب الأرز المنحوت.",
                          "A large brass tray worked in repoussé in {city}, "
                          "delivered with its folding carved cedar stand."),
                "materials": ["laiton", "bois-de-cedre"], "technique": "repousse",
                "sizes": [(None, (70, 70, 50), 2300, "7.00")],
            },
            "tass": {
                "name": t("Aiguière et bassin en laiton {m}", "طاس وإبريق من النحاس الأصفر {m}",
                          "Brass ewer and basin {m}"),
                "desc": t("Le tass et son aiguière, ciselés à {city}, "
                          "servent au lavage des mains avant le repas de fête.",
                          "يُستعمل الطاس والإبريق، المنقوشان في {city}، لغسل الأيدي قبل مائدة الولائم.",
                          "The tass basin and its ewer, chased in {city}, "
                          "are used for washing hands before a festive meal."),
                "materials": ["laiton"], "technique": "cisele",
                "sizes": [(None, (35, 35, 30), 1250, "2.50")],
                "dims": t("Diamètre du bassin : {l} cm, hauteur de l'aiguière : {h} cm.",
                          "قطر الطاس: {l} سم، وارتفاع الإبريق: {h} سم.",
                          "Basin diameter: {l} cm, ewer height: {h} cm."),
            },
        },
    },
    "paniers": {
        "product_type": "panier", "render": "basket", "unique": False, "stock": (4, 20),
        "dims": t("Hauteur : {h} cm, diamètre : {l} cm.", "الارتفاع: {h} سم، القطر: {l} سم.",
                  "Height: {h} cm, diameter: {l} cm."),
        "care": [
            t("Dépoussiérer avec une brosse souple ; éviter l'exposition prolongée à l'humidité.",
              "يُزال الغبار بفرشاة ليّنة، ويُتجنّب التعرض الطويل للرطوبة.",
              "Dust with a soft brush; avoid prolonged exposure to damp."),
            t("Fibre végétale récoltée localement et séchée au soleil, sans traitement chimique.",
              "ألياف نباتية محلية مجففة تحت الشمس، دون أي معالجة كيميائية.",
              "Locally harvested plant fibre, sun-dried with no chemical treatment."),
        ],
        "motifs": BASKET_MOTIFS,
        "models": {
            "doum": {
                "name": t("Panier en palmier doum {c} {m}", "سلة من سعف الدوم {m} {c}", "Doum palm basket in {c} {m}"),
                "desc": t("Panier tressé main à {city} en feuilles de "
                          "palmier doum séchées au soleil, cousues en spirale.",
                          "سلة مضفورة يدويًا في {city} من أوراق الدوم المجففة تحت الشمس، مخيطة على شكل حلزوني.",
                          "A basket hand-plaited in {city} from sun-dried doum palm leaves, stitched in a spiral."),
                "materials": ["palmier-doum"], "technique": "tresse",
                "sizes": [(None, (30, 30, 35), 180, "0.50"), (None, (40, 40, 45), 260, "0.80")],
            },
            "couffin": {
                "name": t("Couffin de marché {c} {m}", "قفة السوق {m} {c}", "Market basket in {c} {m}"),
                "desc": t("Le couffin des souks, tressé à {city} et muni d'anses en cuir "
                          "cousues main : solide, léger et très prisé comme sac de plage.",
                          "قفة الأسواق، ضُفرت في {city} وزُوّدت بمقابض جلدية مخيطة "
                          "يدويًا، متينة وخفيفة ويُقبل عليها الناس كحقيبة للشاطئ.",
                          "The souk basket, plaited in {city} with hand-stitched "
                          "leather handles: sturdy, light and much loved as a beach bag."),
                "materials": ["palmier-doum", "cuir-de-chevre"], "technique": "tresse",
                "sizes": [(None, (45, 20, 35), 160, "0.50")],
                "dims": t("Dimensions : {l} × {w} cm, hauteur : {h} cm.", "المقاس: {l} × {w} سم، الارتفاع: {h} سم.",
                          "Size: {l} × {w} cm, height {h} cm."),
            },
            "rangement": {
                "name": t("Panier de rangement en jonc {c} {m}", "سلة تخزين من السمار {m} {c}",
                          "Rush storage basket in {c} {m}"),
                "desc": t("Tressé à {city} en jonc des marais, la fibre des nattes "
                          "de Salé qui couvraient autrefois le sol des mosquées.",
                          "ضُفرت في {city} من السمار، وهو الليف الذي تُصنع "
                          "منه حُصر سلا التي كانت تُفرش بها أرضيات المساجد.",
                          "Plaited in {city} from marsh rush, the fibre of "
                          "the Salé mats that once covered mosque floors."),
                "materials": ["jonc"], "technique": "tresse",
                "sizes": [(None, (35, 35, 30), 220, "0.70"), (None, (45, 45, 40), 320, "1.10")],
            },
            "palme": {
                "name": t("Corbeille en palme de dattier {c} {m}", "سلة من سعف النخيل {m} {c}",
                          "Date palm basket in {c} {m}"),
                "desc": t("Tressée à {city} en folioles de palmier dattier de l'oasis, "
                          "selon un savoir-faire transmis de mère en fille dans les ksour.",
                          "ضُفرت في {city} من وريقات نخيل التمر في الواحة، "
                          "وفق مهارة تتوارثها النساء في القصور جيلًا بعد جيل.",
                          "Plaited in {city} from the leaflets of oasis date palms, "
                          "a skill handed down from mother to daughter in the ksour."),
                "materials": ["palme-de-dattier"], "technique": "tresse",
                "sizes": [(None, (30, 30, 20), 150, "0.35"), (None, (40, 40, 28), 230, "0.60")],
            },
            "osier": {
                "name": t("Panier à anse en osier {c} {m}", "سلة بمقبض من أغصان الصفصاف {m} {c}",
                          "Willow handle basket in {c} {m}"),
                "desc": t("Panier à anse tressé à {city} en osier des rives "
                          "de l'oued Martil, pour le marché ou la cueillette.",
                          "سلة بمقبض ضُفرت في {city} من أغصان الصفصاف النابتة على ضفاف وادي مرتيل، للتسوق أو الجني.",
                          "A handled basket plaited in {city} from willow "
                          "grown along the Martil river, for market or harvest."),
                "materials": ["osier"], "technique": "tresse",
                "sizes": [(None, (38, 28, 40), 210, "0.70")],
                "dims": t("Dimensions : {l} × {w} cm, hauteur avec l'anse : {h} cm.",
                          "المقاس: {l} × {w} سم، والارتفاع مع المقبض: {h} سم.",
                          "Size: {l} × {w} cm, height with handle {h} cm."),
            },
            "tbeq": {
                "name": t("Corbeille à pain « tbeq » {c} {m}", "طبق الخبز من الحلفاء {m} {c}",
                          "Tbeq bread basket in {c} {m}"),
                "desc": t("Le tbeq, corbeille à couvercle conique où l'on garde le pain de "
                          "la maison, est tressé à {city} en alfa et brodé de laine colorée.",
                          "الطبق سلة بغطاء مخروطي يُحفظ فيها خبز الدار، ضُفر في {city} من الحلفاء وطُرّز بصوف ملوّن.",
                          "The tbeq, a basket with a conical lid for keeping homemade bread, is "
                          "plaited in {city} from esparto grass and embroidered with coloured wool."),
                "materials": ["alfa", "laine"], "technique": "tresse",
                "sizes": [(None, (35, 35, 45), 240, "0.60")],
            },
        },
    },
    "chapeaux": {
        "product_type": "chapeau", "render": "hat", "unique": False, "variant": "taille", "stock": (3, 10),
        "dims": t("Diamètre du bord : {l} cm.", "قطر الحافة: {l} سم.", "Brim diameter: {l} cm."),
        "multi": t("Disponible en tailles {sizes} (tour de tête de 55, 57 et 59 cm).",
                   "متوفرة بالمقاسات {sizes} (محيط الرأس 55 و57 و59 سم).",
                   "Available in sizes {sizes} (head sizes 55, 57 and 59 cm)."),
        "size_item": t("{label}", "{label}", "{label}"),
        "variant_name": "{label}",
        "care": [
            t("Redonner forme à la vapeur si besoin ; ranger à plat.",
              "يُعاد تشكيلها بالبخار عند الحاجة وتُحفظ ممدودة.",
              "Reshape with steam if needed; store flat."),
        ],
        "motifs": {
            "pompons": {
                "name": t("à pompons", "بالشراشيب", "with pompoms"),
                "desc": t("De gros pompons de laine multicolores pendent des cordons qui tiennent le chapeau.",
                          "تتدلى شراشيب صوفية كبيرة متعددة الألوان من الحبال التي تثبّت القبعة.",
                          "Big multicoloured wool pompoms dangle from the cords that hold the hat in place."),
            },
            "ruban": {
                "name": t("à ruban", "بشريط", "with ribbon"),
                "desc": t("Un ruban de tissage jebli rayé fait le tour de la calotte.",
                          "يلتف حول التاج شريطٌ من النسيج الجبلي المخطط.",
                          "A band of striped Jebli weaving circles the crown."),
            },
            "bord-large": {
                "name": t("à larges bords", "بحافة عريضة", "with wide brim"),
                "desc": t("Ses larges bords protègent du soleil de midi, aux champs comme à la plage.",
                          "تحمي حافتها العريضة من شمس الظهيرة في الحقول كما على الشاطئ.",
                          "Its wide brim shields you from the midday sun, in the fields or on the beach."),
            },
        },
        "models": {
            "jebli": {
                "name": t("Chapeau jebli {c} {m}", "قبعة جبلية {m} {c}", "Jebli hat in {c} {m}"),
                "desc": t("Le chapeau de paille à larges bords des paysannes du Rif et des "
                          "Jbala, tressé à {city} en feuilles de doum et orné de cordons de laine.",
                          "القبعة القشية العريضة الحواف التي ترتديها قرويات الريف "
                          "وجبالة، ضُفرت في {city} من أوراق الدوم وزُيّنت بحبال من الصوف.",
                          "The wide-brimmed straw hat worn by Rif and Jbala countrywomen, "
                          "plaited in {city} from doum leaves and trimmed with wool cords."),
                "materials": ["palmier-doum", "laine"], "technique": "tresse",
                "sizes": [("s", (52, 52, 14), 220, "0.35"), ("m", (54, 54, 14), 220, "0.38"),
                          ("l", (56, 56, 15), 240, "0.40")],
            },
            "paille": {
                "name": t("Chapeau de paille {c} {m}", "قبعة من القش {m} {c}", "Straw hat in {c} {m}"),
                "desc": t("Chapeau léger tressé à {city} en fine paille de "
                          "blé, doublé d'un ruban de coton à l'intérieur.",
                          "قبعة خفيفة ضُفرت في {city} من قش القمح الرفيع، ومبطّنة بشريط قطني من الداخل.",
                          "A light hat plaited in {city} from fine wheat straw, with a cotton band inside."),
                "materials": ["paille-de-ble", "coton"], "technique": "tresse",
                "sizes": [("s", (40, 40, 12), 180, "0.20"), ("m", (42, 42, 12), 180, "0.22"),
                          ("l", (44, 44, 13), 190, "0.24")],
            },
            "raphia": {
                "name": t("Capeline en raphia {c} {m}", "قبعة عريضة من الرافية {m} {c}", "Raffia sun hat in {c} {m}"),
                "desc": t("Capeline souple en raphia tressé à {city}, qui se roule dans une valise sans se déformer.",
                          "قبعة عريضة ليّنة من الرافية المضفورة في {city}، يمكن لفّها في الحقيبة دون أن تفقد شكلها.",
                          "A soft raffia sun hat plaited in {city} that "
                          "rolls into a suitcase without losing its shape."),
                "materials": ["raphia"], "technique": "tresse",
                "sizes": [("s", (44, 44, 12), 260, "0.18"), ("m", (46, 46, 12), 260, "0.20"),
                          ("l", (48, 48, 13), 270, "0.22")],
            },
        },
    },
}
