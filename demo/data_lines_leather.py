"""Demo catalog product lines: poufs, bags, babouches and jewellery (see ``data_lines_textiles``)."""

from __future__ import annotations

from .data_lines_textiles import t

LEATHER_MOTIFS = {
    "etoile": {
        "name": t("à étoile", "بالنجمة", "with star"),
        "desc": t("Une étoile brodée au point de chaînette rayonne au centre du dessus.",
                  "تشعّ في وسط السطح نجمةٌ مطرزة بغرزة السلسلة.",
                  "A chain-stitched star radiates from the centre of the top."),
    },
    "arcades": {
        "name": t("à arcades", "بالأقواس", "with arches"),
        "desc": t("Une ronde d'arcades surpiquées court le long des côtés.",
                  "تمتد حول الجوانب سلسلة من الأقواس المخيطة.",
                  "A ring of top-stitched arches runs around the sides."),
    },
    "losanges-ajoures": {
        "name": t("à losanges ajourés", "بمعينات مخرّمة", "with cut-out diamonds"),
        "desc": t("Des losanges ajourés laissent apparaître un cuir de couleur contrastée.",
                  "تكشف المعينات المخرّمة عن جلد بلون مغاير تحتها.",
                  "Cut-out diamonds reveal leather of a contrasting colour underneath."),
    },
    "surpiqures": {
        "name": t("à surpiqûres", "بخياطة ظاهرة", "with top-stitching"),
        "desc": t("De simples surpiqûres ton sur ton soulignent la ligne de la pièce.",
                  "تُبرز غرزٌ بسيطة بنفس اللون خطوط القطعة.",
                  "Simple tone-on-tone top-stitching highlights the shape of the piece."),
    },
    "franges": {
        "name": t("à franges", "بأهداب", "with fringe"),
        "desc": t("De longues franges de cuir découpées à la main bougent à chaque pas.",
                  "تتمايل مع كل خطوة أهدابٌ جلدية طويلة مقصوصة يدويًا.",
                  "Long hand-cut leather fringes swing with every step."),
    },
    "graves": {
        "name": t("à motifs gravés", "بنقوش محفورة", "with engraved motifs"),
        "desc": t("Les motifs sont gravés à la pointe sèche puis rehaussés de pigments naturels.",
                  "حُفرت النقوش بالإبرة الجافة ثم أُبرزت بأصباغ طبيعية.",
                  "The motifs are scored with a dry point and picked out in natural pigments."),
    },
    "broderie-fes": {
        "name": t("à broderie de Fès", "بالطرز الفاسي", "with Fez embroidery"),
        "desc": t("Une broderie au point de Fès, identique à l'endroit et à l'envers, orne le rabat.",
                  "يزيّن الغطاءَ طرزٌ فاسي يتطابق وجهه وظهره.",
                  "Fez-stitch embroidery, identical on both sides, decorates the flap."),
    },
    "pompons": {
        "name": t("à pompons", "بالشراشيب", "with tassels"),
        "desc": t("Deux pompons de cuir tressé pendent à l'attache des anses.",
                  "تتدلى شُرّابتان من الجلد المضفور عند موضع المقابض.",
                  "Two plaited leather tassels hang where the handles are attached."),
    },
}

BABOUCHE_MOTIFS = {
    "pompon": {
        "name": t("à pompon", "بشُرّابة", "with pompom"),
        "desc": t("Un petit pompon de soie, noué à la main, orne le bout de chaque babouche.",
                  "تزيّن مقدمةَ كل فردة شُرّابةٌ صغيرة من الحرير معقودة يدويًا.",
                  "A small hand-tied silk pompom decorates the toe of each slipper."),
    },
    "surpiqures": {
        "name": t("à surpiqûres", "بخياطة ظاهرة", "with top-stitching"),
        "desc": t("Une double surpiqûre ton sur ton renforce l'empeigne et souligne sa forme.",
                  "تقوّي خياطةٌ مزدوجة بنفس اللون وجهَ البلغة وتُبرز شكله.",
                  "Double tone-on-tone top-stitching strengthens the vamp and outlines its shape."),
    },
    "paillettes": {
        "name": t("à paillettes", "بالترتر", "with sequins"),
        "desc": t("Des paillettes cousues une à une scintillent sur l'empeigne.",
                  "يتلألأ على وجه البلغة ترترٌ مخيط حبةً حبة.",
                  "Sequins sewn on one by one sparkle across the vamp."),
    },
    "lisere": {
        "name": t("à liseré contrasté", "بحاشية مغايرة", "with contrast piping"),
        "desc": t("Un fin liseré de couleur contrastée souligne l'ouverture.",
                  "تحيط بالفتحة حاشيةٌ رفيعة بلون مغاير.",
                  "A fine contrast piping outlines the opening."),
    },
    "tressee": {
        "name": t("à empeigne tressée", "بوجه مضفور", "with woven vamp"),
        "desc": t("L'empeigne est faite de lanières de cuir tressées à la main.",
                  "وجه البلغة مصنوع من سيور جلدية مضفورة يدويًا.",
                  "The vamp is made of hand-plaited leather strips."),
    },
}

JEWEL_MOTIFS = {
    "tazra": {
        "name": t("« Tazra »", "«تازرا»", "“Tazra”"),
        "desc": t("Le modèle s'inspire de la tazra, le grand collier de fête des mariées du Souss.",
                  "النموذج مستوحى من «تازرا»، القلادة الكبيرة التي تتزين بها العرائس في سوس.",
                  "The design is inspired by the tazra, the great festive necklace worn by Souss brides."),
    },
    "khamsa": {
        "name": t("à la khamsa", "بالخميسة", "with khamsa"),
        "desc": t("La khamsa, main protectrice à cinq doigts, est censée éloigner le mauvais œil.",
                  "يُعتقد أن الخميسة، اليد الحامية ذات الأصابع الخمسة، تُبعد العين.",
                  "The khamsa, a protective five-fingered hand, is said to ward off the evil eye."),
    },
    "triangles": {
        "name": t("aux triangles", "بالمثلثات", "with triangles"),
        "desc": t("Des triangles gravés, symbole féminin dans l'art amazigh, se répondent tout autour.",
                  "تتقابل حول القطعة مثلثاتٌ محفورة، وهي رمز أنثوي في الفن الأمازيغي.",
                  "Engraved triangles, a feminine symbol in Amazigh art, echo one another all around."),
    },
    "etoile": {
        "name": t("à l'étoile", "بالنجمة", "with star"),
        "desc": t("Une étoile à huit branches ciselée occupe le centre de la pièce.",
                  "تتوسط القطعةَ نجمةٌ ثمانية منقوشة.",
                  "A chased eight-pointed star sits at the centre of the piece."),
    },
    "pampilles": {
        "name": t("à pampilles", "بالدلايات", "with dangles"),
        "desc": t("De petites pampilles mobiles tintent doucement à chaque mouvement.",
                  "تتدلى منها دلايات صغيرة متحركة ترنّ برفق مع كل حركة.",
                  "Small moving dangles chime softly with every movement."),
    },
    "sahraouia": {
        "name": t("« Sahraouia »", "«صحراوية»", "“Sahraouia”"),
        "desc": t("Le modèle reprend les parures des femmes sahraouies, "
                  "où l'argent s'associe aux perles d'ébène et de verre.",
                  "النموذج مستوحى من حلي النساء الصحراويات، حيث تجتمع الفضة بخرز الأبنوس والزجاج.",
                  "The design echoes the adornments of Sahrawi women, where silver meets ebony and glass beads."),
    },
    "medaillon": {
        "name": t("à médaillon", "بميدالية", "with medallion"),
        "desc": t("Un médaillon d'argent ciselé sert de pièce centrale.",
                  "تتوسطها ميدالية من الفضة المنقوشة.",
                  "A chased silver medallion forms the centrepiece."),
    },
}

JEWEL_DIMS = t("Longueur : {l} cm.", "الطول: {l} سم.", "Length: {l} cm.")

LINES: dict[str, dict] = {
    "poufs": {
        "product_type": "pouf", "render": "leather-pouf", "unique": False, "stock": (2, 10),
        "dims": t("Diamètre : {l} cm, hauteur une fois garni : {h} cm.", "القطر: {l} سم، والارتفاع بعد الحشو: {h} سم.",
                  "Diameter: {l} cm, height once stuffed: {h} cm."),
        "care": [
            t("Nourrir le cuir une fois par an avec une crème incolore ; éviter "
              "l'humidité. Livré vide, à garnir de vieux tissus ou de ouate.",
              "يُغذّى الجلد مرة في السنة بكريم عديم اللون ويُبعد عن "
              "الرطوبة. يُسلَّم فارغًا ليُحشى بأقمشة قديمة أو بالقطن.",
              "Feed the leather once a year with a colourless cream; keep away "
              "from damp. Shipped empty, to stuff with old fabric or wadding."),
            t("Le cuir tanné végétal peut garder une légère odeur "
              "naturelle les premières semaines ; le pouf est livré vide.",
              "قد يحتفظ الجلد المدبوغ نباتيًا برائحة طبيعية خفيفة خلال الأسابيع الأولى، ويُسلَّم البوف فارغًا.",
              "Vegetable-tanned leather may keep a faint natural smell "
              "for the first few weeks; the pouf is shipped empty."),
        ],
        "motifs": {k: LEATHER_MOTIFS[k] for k in ("etoile", "arcades", "losanges-ajoures", "surpiqures")},
        "models": {
            "brode": {
                "name": t("Pouf en cuir brodé {c} {m}", "بوف من الجلد المطرز {m} {c}",
                          "Embroidered leather pouf in {c} {m}"),
                "desc": t("Pouf en cuir de chèvre tanné aux tanneries de {city} "
                          "et brodé au fil de soie par les brodeuses du quartier.",
                          "بوف من جلد الماعز المدبوغ في دباغات {city}، طرّزته بخيط الحرير مطرزاتٌ من الحي.",
                          "A pouf in goatskin tanned at the {city} tanneries "
                          "and embroidered in silk thread by local needlewomen."),
                "materials": ["cuir-de-chevre", "soie"], "technique": "brode-main",
                "sizes": [(None, (50, 50, 30), 650, "1.40"), (None, (60, 60, 35), 850, "1.90")],
            },
            "sahraoui": {
                "name": t("Pouf saharien {c} {m}", "بوف صحراوي {m} {c}", "Saharan pouf in {c} {m}"),
                "desc": t("Pouf en cuir de chèvre cousu main à {city}, décoré par les femmes de motifs "
                          "incisés et de découpes appliquées, à la manière des sacs de tente sahraouis.",
                          "بوف من جلد الماعز مخيط يدويًا في {city}، زيّنته النساء بنقوش "
                          "محفورة وقطع جلدية ملصقة، على طريقة حقائب الخيمة الصحراوية.",
                          "A goatskin pouf hand-stitched in {city}, decorated by women with "
                          "incised patterns and leather appliqué in the manner of Saharan tent bags."),
                "materials": ["cuir-de-chevre"], "technique": "cousu-main",
                "sizes": [(None, (55, 55, 30), 780, "1.60"), (None, (65, 65, 35), 1050, "2.20")],
            },
            "kilim": {
                "name": t("Pouf en kilim et cuir {c} {m}", "بوف من الحنبل والجلد {m} {c}",
                          "Kilim and leather pouf in {c} {m}"),
                "desc": t("Dessus taillé dans un ancien kilim et côtés en "
                          "cuir de chèvre, assemblés et cousus main à {city}.",
                          "سطحه مقتطع من حنبل قديم وجوانبه من جلد الماعز، جُمعت وخيطت يدويًا في {city}.",
                          "The top is cut from an old kilim and the sides are "
                          "goatskin, assembled and hand-stitched in {city}."),
                "materials": ["laine", "cuir-de-chevre"], "technique": "cousu-main",
                "sizes": [(None, (55, 55, 35), 1250, "2.10")],
            },
        },
    },
    "sacs": {
        "product_type": "sac", "render": "leather-bag", "unique": False, "variant": "taille", "stock": (2, 8),
        "dims": t("Dimensions : {l} × {h} cm, soufflet de {w} cm.", "المقاس: {l} × {h} سم، بعمق {w} سم.",
                  "Size: {l} × {h} cm, {w} cm gusset."),
        "multi": t("Disponible en trois tailles : {sizes}.", "يتوفر هذا المنتج بثلاثة أحجام: {sizes}.",
                   "Available in three sizes: {sizes}."),
        "size_item": t("{label} ({l} × {h} cm)", "{label} ({l} × {h} سم)", "{label} ({l} × {h} cm)"),
        "variant_name": "{label}",
        "care": [
            t("Éviter la pluie ; appliquer un baume pour cuir deux fois par an.",
              "تُبعد عن المطر ويوضع عليها مرطّب للجلد مرتين في السنة.",
              "Keep out of the rain; apply leather balm twice a year."),
            t("Le cuir tanné végétal se patine et fonce joliment avec le temps.",
              "يكتسب الجلد المدبوغ نباتيًا مع الوقت لونًا أعمق ولمعة جميلة.",
              "Vegetable-tanned leather develops a lovely, deeper patina over time."),
        ],
        "motifs": {k: LEATHER_MOTIFS[k] for k in ("surpiqures", "franges", "graves", "broderie-fes", "pompons")},
        "models": {
            "cabas": {
                "name": t("Cabas en cuir {c} {m}", "حقيبة تسوق من الجلد {m} {c}", "Leather tote in {c} {m}"),
                "desc": t("Cabas en cuir de vachette tanné végétal à {city}, cousu "
                          "main, avec poche intérieure zippée et anses renforcées.",
                          "حقيبة تسوق من جلد البقر المدبوغ نباتيًا في {city}، "
                          "مخيطة يدويًا، بجيب داخلي بسحّاب ومقابض مقوّاة.",
                          "A tote in calfskin vegetable-tanned in {city}, hand-stitched, "
                          "with an inner zip pocket and reinforced handles."),
                "materials": ["cuir-de-vache"], "technique": "cousu-main",
                "sizes": [("s", (30, 12, 28), 550, "0.70"), ("m", (38, 14, 32), 690, "0.90"),
                          ("l", (45, 16, 36), 850, "1.15")],
            },
            "besace": {
                "name": t("Besace en cuir {c} {m}", "حقيبة كتف من الجلد {m} {c}", "Leather crossbody bag in {c} {m}"),
                "desc": t("Besace en cuir de chèvre souple, teinte et cousue à "
                          "{city}, avec bandoulière réglable et fermoir en laiton.",
                          "حقيبة كتف من جلد الماعز اللين، صُبغت وخيطت في "
                          "{city}، بحزام قابل للتعديل ومشبك من النحاس الأصفر.",
                          "A soft goatskin crossbody bag, dyed and stitched "
                          "in {city}, with an adjustable strap and brass clasp."),
                "materials": ["cuir-de-chevre", "laiton"], "technique": "cousu-main",
                "sizes": [("s", (22, 8, 18), 420, "0.45"), ("m", (28, 10, 22), 520, "0.60"),
                          ("l", (34, 12, 26), 640, "0.80")],
            },
            "sahraoui": {
                "name": t("Sac saharien {c} {m}", "حقيبة صحراوية {m} {c}", "Saharan bag in {c} {m}"),
                "desc": t("Inspiré de la tassoufra, le sac de voyage des nomades, ce modèle en "
                          "cuir de chèvre est gravé et peint à la main par les artisanes de {city}.",
                          "حقيبة مستوحاة من «التاسوفرة»، حقيبة السفر لدى الرحّل، "
                          "صُنعت من جلد الماعز ونقشتها ولوّنتها يدويًا حرفياتُ {city}.",
                          "Inspired by the tassoufra, the nomads' travelling bag, this goatskin "
                          "piece is engraved and hand-painted by the women artisans of {city}."),
                "materials": ["cuir-de-chevre"], "technique": "grave",
                "sizes": [("s", (25, 8, 20), 480, "0.50"), ("m", (32, 10, 26), 620, "0.70"),
                          ("l", (40, 12, 32), 780, "0.95")],
            },
            "pochette": {
                "name": t("Pochette en cuir {c} {m}", "محفظة يد من الجلد {m} {c}", "Leather clutch in {c} {m}"),
                "desc": t("Pochette plate en cuir de chèvre brodée au fil de soie à "
                          "{city}, doublée de coton et fermée par un bouton tressé.",
                          "محفظة يد مسطحة من جلد الماعز، مطرزة بخيط الحرير في {city}، مبطّنة بالقطن وتُغلق بزر مضفور.",
                          "A flat goatskin clutch embroidered in silk thread in "
                          "{city}, lined with cotton and closed with a plaited button."),
                "materials": ["cuir-de-chevre", "soie"], "technique": "brode-main",
                "sizes": [("m", (28, 2, 18), 320, "0.25")],
            },
        },
    },
    "babouches": {
        "product_type": "babouches", "render": "babouche", "unique": False, "variant": "pointure", "stock": (2, 6),
        "plural": True,
        "dims": t("Pointures disponibles : du {a} au {b}.", "المقاسات المتوفرة: من {a} إلى {b}.",
                  "Available in EU sizes {a} to {b}."),
        "care": [
            t("Choisir sa pointure habituelle ; le cuir se fait au pied après quelques jours.",
              "اختر مقاسك المعتاد، فالجلد يتكيّف مع القدم بعد أيام قليلة.",
              "Choose your usual size; the leather moulds to your foot within a few days."),
            t("Brosser à sec ; ne pas mouiller la semelle en cuir.",
              "تُنظَّف بفرشاة جافة، ولا يُبلَّل النعل الجلدي.",
              "Brush clean when dry; do not wet the leather sole."),
        ],
        "motifs": BABOUCHE_MOTIFS,
        "models": {
            "classique": {
                "name": t("Babouches en cuir de chèvre {c} {m}", "بلغة من جلد الماعز {m} {c}",
                          "Goatskin babouches in {c} {m}"),
                "desc": t("Babouches cousues main à {city} en cuir de chèvre tanné "
                          "végétal, avec semelle en cuir de vache et talon rabattable.",
                          "بلغة مخيطة يدويًا في {city} من جلد الماعز "
                          "المدبوغ نباتيًا، بنعل من جلد البقر وكعب يمكن طيّه.",
                          "Babouches hand-stitched in {city} from vegetable-tanned "
                          "goatskin, with a cowhide sole and fold-down heel."),
                "materials": ["cuir-de-chevre", "cuir-de-vache"], "technique": "cousu-main",
                "sizes": [(None, (29, 10, 8), 290, "0.50")],
            },
            "brodees": {
                "name": t("Babouches brodées {c} {m}", "بلغة مطرزة {m} {c}", "Embroidered babouches in {c} {m}"),
                "desc": t("Babouches pour femme (cherbil) brodées au fil de "
                          "soie et au fil doré par les brodeuses de {city}.",
                          "بلغة نسائية (شربيل) مطرزة بخيوط الحرير والخيوط الذهبية على يد مطرزات {city}.",
                          "Women's babouches (cherbil) embroidered in silk "
                          "and gold thread by the needlewomen of {city}."),
                "materials": ["cuir-de-chevre", "soie"], "technique": "brode-main",
                "sizes": [(None, (26, 9, 7), 390, "0.40")],
            },
            "pointues": {
                "name": t("Babouches fassies à bout pointu {c} {m}", "بلغة فاسية مدبّبة {m} {c}",
                          "Pointed Fez babouches in {c} {m}"),
                "desc": t("Modèle fassi traditionnel à bout pointu, coupé et monté à "
                          "{city} sur une forme en bois, avec une semelle cousue à l'alène.",
                          "طراز فاسي تقليدي بمقدمة مدبّبة، قُصّ وجُمع في {city} على قالب خشبي، بنعل مخيط بالمخرز.",
                          "A traditional pointed Fez style, cut and lasted in "
                          "{city} on a wooden form, with an awl-stitched sole."),
                "materials": ["cuir-de-chevre", "cuir-de-vache"], "technique": "cousu-main",
                "sizes": [(None, (31, 10, 8), 340, "0.55")],
            },
            "bout-rond": {
                "name": t("Babouches à bout rond {c} {m}", "بلغة بمقدمة مستديرة {m} {c}",
                          "Round-toe babouches in {c} {m}"),
                "desc": t("Babouches à bout rond, plus confortables au quotidien, "
                          "montées à {city} avec une semelle intérieure en cuir souple.",
                          "بلغة بمقدمة مستديرة أكثر راحة للاستعمال اليومي، صُنعت في {city} بنعل داخلي من الجلد اللين.",
                          "Round-toe babouches, more comfortable for everyday "
                          "wear, made in {city} with a soft leather insole."),
                "materials": ["cuir-de-chevre", "cuir-de-vache"], "technique": "cousu-main",
                "sizes": [(None, (29, 11, 8), 260, "0.50")],
            },
            "nubuck": {
                "name": t("Babouches en nubuck {c} {m}", "بلغة من النوبوك {m} {c}", "Nubuck babouches in {c} {m}"),
                "desc": t("Babouches en nubuck de chèvre au toucher velouté, teintes en petites séries à {city}.",
                          "بلغة من نوبوك الماعز ذات ملمس مخملي، صُبغت على دفعات صغيرة في {city}.",
                          "Goat-nubuck babouches with a velvety feel, dyed in small batches in {city}."),
                "materials": ["cuir-de-chevre"], "technique": "cousu-main",
                "sizes": [(None, (28, 10, 8), 320, "0.45")],
            },
        },
    },
    "bijoux-argent": {
        "product_type": "bijou", "render": "necklace", "unique": False, "stock": (1, 5),
        "dims": JEWEL_DIMS,
        "care": [
            t("Argent 925 poinçonné ; nettoyer avec une peau de chamois et ranger à l'abri de l'humidité.",
              "فضة عيار 925 مدموغة؛ تُنظَّف بقطعة من جلد الشمواه وتُحفظ بعيدًا عن الرطوبة.",
              "Hallmarked 925 silver; clean with a chamois and store away from moisture."),
            t("Livraison dans une pochette en coton brodée, prête à offrir.",
              "يأتي المنتج في كيس قطني مطرز جاهز للإهداء.",
              "Comes in an embroidered cotton pouch, ready to give."),
        ],
        "motifs": JEWEL_MOTIFS,
        "models": {
            "collier": {
                "name": t("Collier en {c} {m}", "قلادة من {c} {m}", "{c} necklace {m}"),
                "desc": t("Collier façonné à la main à {city} : chaque élément est découpé, "
                          "soudé et poli à l'atelier avant d'être monté sur un cordon de soie.",
                          "قلادة مصنوعة يدويًا في {city}: يُقطع كل عنصر منها "
                          "ويُلحم ويُصقل في الورشة قبل أن يُنظم في خيط من الحرير.",
                          "A necklace handmade in {city}: each element is cut, soldered "
                          "and polished in the workshop before being strung on a silk cord."),
                "materials": ["argent"], "technique": "cisele",
                "sizes": [(None, (45, 3, 1), 1200, "0.08"), (None, (60, 6, 1), 2400, "0.16")],
            },
            "manchette": {
                "name": t("Bracelet manchette en {c} {m}", "سوار عريض من {c} {m}", "{c} cuff bracelet {m}"),
                "desc": t("Manchette ouverte, ciselée au burin à {city} puis "
                          "noircie au soufre pour faire ressortir le décor.",
                          "سوار مفتوح نُقش بالإزميل في {city} ثم سُوّد بالكبريت لإبراز الزخرفة.",
                          "An open cuff chased with a burin in {city}, then "
                          "blackened with sulphur to bring out the decoration."),
                "materials": ["argent"], "technique": "cisele", "render": "bracelet",
                "sizes": [(None, (18, 4, 6), 950, "0.06"), (None, (18, 6, 6), 1400, "0.09")],
                "dims": t("Tour de poignet : {l} cm, largeur : {w} cm.", "محيط المعصم: {l} سم، العرض: {w} سم.",
                          "Wrist size: {l} cm, width: {w} cm."),
            },
            "fibules": {
                "name": t("Paire de fibules en {c} {m}", "زوج خلالات من {c} {m}", "Pair of {c} fibulae {m}"),
                "desc": t("Fibules triangulaires (tizerzaï) reliées par une chaîne, telles que les portent "
                          "les femmes du Souss pour fermer le haïk ; repoussé et ciselure réalisés à {city}.",
                          "خلالتان مثلثتان (تيزرزاي) تربط بينهما سلسلة، كما ترتديهما نساء "
                          "سوس لتثبيت الحايك، بنقش بارز ونقش بالإزميل أُنجزا في {city}.",
                          "Triangular fibulae (tizerzai) joined by a chain, as worn by Souss "
                          "women to fasten the haik; repoussé and chasing done in {city}."),
                "materials": ["argent"], "technique": "repousse",
                "sizes": [(None, (70, 12, 1), 2800, "0.25")],
            },
            "boucles": {
                "name": t("Boucles d'oreilles en {c} {m}", "أقراط من {c} {m}", "{c} earrings {m}"),
                "desc": t("Boucles d'oreilles légères en filigrane d'argent, travaillé "
                          "fil à fil à {city}, montées sur crochets en argent 925.",
                          "أقراط خفيفة من خيوط الفضة المشبّكة، صيغت خيطًا "
                          "خيطًا في {city}، ومثبّتة على مشابك من فضة عيار 925.",
                          "Light earrings of silver filigree, worked wire "
                          "by wire in {city}, on sterling silver hooks."),
                "materials": ["argent"], "technique": "filigrane",
                "sizes": [(None, (6, 3, 1), 380, "0.02")],
            },
            "bague": {
                "name": t("Bague en {c} {m}", "خاتم من {c} {m}", "{c} ring {m}"),
                "desc": t("Bague large coulée puis ciselée à {city}, ajustable grâce à son anneau ouvert.",
                          "خاتم عريض صُبّ ثم نُقش بالإزميل في {city}، ويمكن تعديل مقاسه بفضل حلقته المفتوحة.",
                          "A wide ring cast and then chased in {city}, adjustable thanks to its open band."),
                "materials": ["argent"], "technique": "cisele", "render": "bracelet",
                "sizes": [(None, (2, 2, 2), 420, "0.02")],
                "dims": t("Anneau ouvert, réglable du 52 au 60.", "حلقة مفتوحة قابلة للتعديل من المقاس 52 إلى 60.",
                          "Open band, adjustable from size 52 to 60 (EU)."),
            },
        },
    },
    "bijoux-ambre": {
        "product_type": "bijou", "render": "necklace", "unique": False, "stock": (1, 6),
        "dims": JEWEL_DIMS,
        "care": [
            t("Éviter le contact avec les parfums et l'eau ; l'ambre se nettoie avec un chiffon doux.",
              "يُجنَّب ملامسة العطور والماء، ويُنظَّف العنبر بقطعة قماش ناعمة.",
              "Keep away from perfume and water; clean the amber with a soft cloth."),
        ],
        "motifs": {k: JEWEL_MOTIFS[k] for k in ("tazra", "khamsa", "pampilles", "medaillon")},
        "models": {
            "sautoir": {
                "name": t("Sautoir en {c} {m}", "قلادة طويلة من {c} {m}", "Long {c} necklace {m}"),
                "desc": t("Sautoir de grosses perles d'ambre enfilées à {city} "
                          "sur un cordon tressé, avec un fermoir à coulisse.",
                          "قلادة طويلة من حبات العنبر الكبيرة نُظمت في {city} على خيط مضفور، بمشبك منزلق.",
                          "A long necklace of large amber beads strung in "
                          "{city} on a plaited cord, with a sliding clasp."),
                "materials": ["ambre"], "technique": "enfile-main",
                "sizes": [(None, (80, 3, 2), 1600, "0.35")],
            },
            "bracelet": {
                "name": t("Bracelet en {c} {m}", "سوار من {c} {m}", "{c} bracelet {m}"),
                "desc": t("Bracelet souple de perles d'ambre enfilées à "
                          "la main à {city} sur un fil élastique renforcé.",
                          "سوار ليّن من حبات العنبر نُظمت يدويًا في {city} على خيط مطاطي مقوّى.",
                          "A soft bracelet of amber beads hand-strung in {city} on reinforced elastic."),
                "materials": ["ambre"], "technique": "enfile-main", "render": "bracelet",
                "sizes": [(None, (18, 2, 2), 350, "0.05")],
            },
            "pendentif": {
                "name": t("Pendentif en {c} {m}", "دلاية من {c} {m}", "{c} pendant {m}"),
                "desc": t("Pendentif monté à {city} autour d'une pierre d'ambre polie, "
                          "sertie dans une monture d'argent gravée, sur chaîne de 50 cm.",
                          "دلاية صُنعت في {city} حول حجر عنبر مصقول، مرصّع "
                          "في إطار من الفضة المنقوشة، على سلسلة طولها 50 سم.",
                          "A pendant made in {city} around a polished piece of "
                          "amber set in an engraved silver mount, on a 50 cm chain."),
                "materials": ["ambre", "argent"], "technique": "grave",
                "sizes": [(None, (50, 4, 1), 780, "0.06")],
            },
        },
    },
}
