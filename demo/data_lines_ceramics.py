"""Demo catalog product lines: Safi pottery, tagines, tableware and zellige (see ``data_lines_textiles``)."""

from __future__ import annotations

from .data_lines_textiles import t

ROUND_DIMS = t("Hauteur : {h} cm, diamètre : {l} cm.", "الارتفاع: {h} سم، القطر: {l} سم.",
               "Height: {h} cm, diameter: {l} cm.")

DECOR_CARE = [
    t("Pièce décorative : nettoyer avec un chiffon humide, ne pas passer au lave-vaisselle.",
      "قطعة للزينة: تُنظَّف بقطعة قماش مبللة ولا توضع في آلة غسل الأواني.",
      "Decorative piece: wipe with a damp cloth, not dishwasher safe."),
    t("Expédition dans un emballage renforcé de paille et de carton double cannelure.",
      "يتم الشحن في تغليف مقوّى من القش والكرتون المزدوج.",
      "Shipped in reinforced packaging of straw and double-wall cardboard."),
]

TABLE_CARE = [
    t("Émail alimentaire sans plomb ; lavage à la main conseillé, éviter les chocs thermiques.",
      "مينا صالحة للأغذية وخالية من الرصاص؛ يُنصح بالغسل باليد وتجنّب التغيرات الحرارية المفاجئة.",
      "Lead-free, food-safe glaze; hand-washing recommended, avoid thermal shock."),
    t("Pour le service quotidien, pas pour la cuisson sur le feu.",
      "للاستعمال اليومي على المائدة، لا للطهي على النار.",
      "For everyday table use, not for cooking on the hob."),
]

PAINTED_MOTIFS = {
    "arabesques": {
        "name": t("aux arabesques", "بالتوريق", "with arabesques"),
        "desc": t("Des arabesques végétales tracées au pinceau fin s'enroulent tout autour de la pièce.",
                  "تلتف حول القطعة زخارف نباتية (توريق) مرسومة بفرشاة دقيقة.",
                  "Plant arabesques drawn with a fine brush curl all around the piece."),
    },
    "poissons": {
        "name": t("aux poissons", "بزخرفة الأسماك", "with fish"),
        "desc": t("Les poissons, clin d'œil au port sardinier de Safi, nagent en frise sur le pourtour.",
                  "تسبح الأسماك في إفريز حول القطعة، في إشارة إلى ميناء آسفي الشهير بالسردين.",
                  "Fish, a nod to Safi's sardine harbour, swim in a frieze around the piece."),
    },
    "entrelacs": {
        "name": t("à entrelacs", "بالتشبيك", "with interlace"),
        "desc": t("Un réseau d'entrelacs géométriques, hérité de l'art hispano-mauresque, couvre la pièce.",
                  "تغطي القطعةَ شبكةٌ من الزخارف الهندسية المتشابكة الموروثة عن الفن الأندلسي.",
                  "A web of geometric interlace, inherited from Hispano-Moorish art, covers the piece."),
    },
    "flamme": {
        "name": t("à émail flammé", "بطلاء متدرج", "with flambé glaze"),
        "desc": t("L'émail flammé, dont les coulures varient à chaque cuisson, rend la pièce unique.",
                  "يجعل الطلاءُ المتدرج، الذي يختلف انسيابه من طهية إلى أخرى، القطعةَ فريدة.",
                  "The flambé glaze, whose drips vary with every firing, makes each piece unique."),
    },
    "rosace": {
        "name": t("à rosace", "بالوريدة", "with rosette"),
        "desc": t("Une rosace à seize pétales, tracée au compas puis peinte à main levée, occupe le centre.",
                  "تتوسطها وريدة بستة عشر فصًّا، رُسمت بالبركار ثم لُوّنت بيد حرة.",
                  "A sixteen-petal rosette, laid out with compasses and painted freehand, fills the centre."),
    },
    "epis": {
        "name": t("aux épis de blé", "بسنابل القمح", "with wheat ears"),
        "desc": t("Des épis de blé stylisés, symbole d'abondance, rayonnent depuis le centre.",
                  "تنطلق من الوسط سنابلُ قمح محوّرة، رمزًا للوفرة.",
                  "Stylised ears of wheat, a symbol of plenty, radiate from the centre."),
    },
    "coulures": {
        "name": t("à coulures", "بسيلان الطلاء", "with glaze drips"),
        "desc": t("L'émail coule librement sur la terre et forme les larmes vert sombre propres à Tamegroute.",
                  "تنساب المينا بحرية على الطين مشكّلةً قطرات خضراء داكنة تميّز خزف تمكروت.",
                  "The glaze runs freely over the clay, forming the dark green drips typical of Tamegroute."),
    },
    "fleurs": {
        "name": t("aux fleurs", "بالأزهار", "with flowers"),
        "desc": t("Une couronne de fleurs stylisées, peinte à main levée, fait le tour de la pièce.",
                  "يحيط بالقطعة إكليل من الأزهار المحوّرة مرسوم بيد حرة.",
                  "A wreath of stylised flowers, painted freehand, circles the piece."),
    },
}

ZELLIGE_MOTIFS = {
    "khatem": {
        "name": t("« Khatem Soulaymane »", "«خاتم سليمان»", "“Khatem Soulaymane”"),
        "desc": t("La composition rayonne autour du sceau de Salomon, "
                  "l'étoile à huit branches emblématique du zellige de Fès.",
                  "يتمحور التكوين حول خاتم سليمان، النجمة الثمانية التي تُعدّ رمزًا لزليج فاس.",
                  "The design radiates from Solomon's seal, the eight-pointed star emblematic of Fez zellige."),
    },
    "chebka": {
        "name": t("à résille « chebka »", "بزخرفة «الشبكة»", "with chebka lattice"),
        "desc": t("Un réseau de losanges imbriqués, la chebka, donne à la composition un rythme régulier.",
                  "تمنح «الشبكة»، وهي شبكة من المعينات المتداخلة، التكوينَ إيقاعًا منتظمًا.",
                  "A network of interlocking diamonds, the chebka, gives the design a steady rhythm."),
    },
    "rosace-16": {
        "name": t("à rosace à seize pointes", "بنجمة ذات ستة عشر رأسًا", "with sixteen-point rosette"),
        "desc": t("La rosace à seize pointes, l'une des figures les plus "
                  "exigeantes du métier, demande plusieurs centaines de tesselles.",
                  "تتطلب النجمة ذات الستة عشر رأسًا، وهي من أصعب أشكال الحرفة، عدة مئات من القطع.",
                  "The sixteen-point rosette, one of the most demanding "
                  "figures of the craft, takes several hundred tesserae."),
    },
    "damier": {
        "name": t("en damier", "على شكل رقعة شطرنج", "with checkerboard pattern"),
        "desc": t("Un damier de carreaux taillés en biais, sobre et graphique, s'accorde aux intérieurs contemporains.",
                  "رقعةٌ من المربعات المقطوعة بشكل مائل، بسيطة وأنيقة، تلائم الديكورات المعاصرة.",
                  "A checkerboard of bias-cut tiles, simple and graphic, suits contemporary interiors."),
    },
    "arc": {
        "name": t("en arc outrepassé", "على شكل قوس حدوي", "with horseshoe arch"),
        "desc": t("La forme en arc outrepassé reprend le dessin des portes des médersas.",
                  "يستعيد الشكل المقوّس على هيئة حدوة الفرس تصميمَ أبواب المدارس العتيقة.",
                  "The horseshoe-arch shape echoes the doorways of the old medersas."),
    },
}

ZELLIGE_CARE = [
    t("Se nettoie à l'eau savonneuse ; une cire incolore ravive l'éclat de l'émail.",
      "يُنظَّف الزليج بالماء والصابون، ويُعيد الشمع الشفاف للمينا بريقها.",
      "Clean with soapy water; a clear wax revives the glaze."),
    t("Livraison en caisse bois avec les fixations ; pose conseillée par un professionnel.",
      "يتم التسليم في صندوق خشبي مع أدوات التثبيت، ويُنصح بأن يتولى التركيبَ مختص.",
      "Delivered in a wooden crate with fixings; professional installation recommended."),
]

LINES: dict[str, dict] = {
    "poterie-safi": {
        "product_type": "poterie", "render": "pottery", "unique": False, "stock": (2, 8),
        "dims": ROUND_DIMS, "care": DECOR_CARE, "motifs": PAINTED_MOTIFS,
        "models": {
            "vase": {
                "name": t("Vase de Safi {c} {m}", "مزهرية آسفي {m} {c}", "Safi vase in {c} {m}"),
                "desc": t("Tourné à la main sur la colline des potiers de {city}, ce vase en "
                          "argile rouge est peint au pinceau, émaillé puis cuit au four à bois.",
                          "شُكّلت هذه المزهرية من الطين الأحمر على الدولاب في تل الفخارين "
                          "بمدينة {city}، ثم رُسمت بالفرشاة وطُليت بالمينا وطُهيت في فرن الحطب.",
                          "Hand-thrown on the potters' hill of {city}, this red-clay "
                          "vase is brush-painted, glazed and fired in a wood kiln."),
                "materials": ["argile", "emaux"], "technique": "peint-main",
                "sizes": [(None, (22, 22, 35), 480, "2.40"), (None, (28, 28, 45), 780, "3.90")],
            },
            "jarre": {
                "name": t("Jarre de Safi {c} {m}", "جرة آسفي {m} {c}", "Safi jar in {c} {m}"),
                "desc": t("Grande jarre à couvercle montée au colombin et tournée à {city}, "
                          "couverte à main levée d'un émail épais aux reflets profonds.",
                          "جرة كبيرة بغطاء، شُكّلت بالحبال الطينية ثم سُوّيت على الدولاب "
                          "في {city}، وغُطّيت يدويًا بطلاء مينا سميك ذي بريق عميق.",
                          "A large lidded jar coil-built and thrown in {city}, "
                          "covered freehand in a thick, deep-toned glaze."),
                "materials": ["argile", "emaux"], "technique": "emaille",
                "sizes": [(None, (35, 35, 55), 1600, "9.50"), (None, (40, 40, 70), 2400, "14.00")],
            },
            "lampe": {
                "name": t("Pied de lampe en céramique de Safi {c} {m}", "قاعدة مصباح من خزف آسفي {m} {c}",
                          "Safi ceramic lamp base in {c} {m}"),
                "desc": t("Pied de lampe tourné à {city}, percé pour le passage du fil "
                          "et livré sans abat-jour, avec un émail posé en deux cuissons.",
                          "قاعدة مصباح سُوّيت على الدولاب في {city}، مثقوبة لتمرير "
                          "السلك وتُسلَّم دون غطاء، بطلاء مينا على مرحلتين من الطهي.",
                          "A lamp base thrown in {city}, drilled for the cord "
                          "and sold without a shade, glazed over two firings."),
                "materials": ["argile", "emaux"], "technique": "tourne-main",
                "sizes": [(None, (20, 20, 38), 650, "2.80")],
            },
            "cache-pot": {
                "name": t("Cache-pot de Safi {c} {m}", "أصيص آسفي {m} {c}", "Safi planter in {c} {m}"),
                "desc": t("Cache-pot tourné à {city} en argile locale, émaillé dedans "
                          "comme dehors pour accueillir plantes de patio et agrumes.",
                          "أصيص سُوّي على الدولاب في {city} من طين محلي، مطلي بالمينا "
                          "من الداخل والخارج ليحتضن نباتات الفناء وأشجار الحوامض.",
                          "A planter thrown in {city} from local clay, glazed "
                          "inside and out for patio plants and citrus trees."),
                "materials": ["argile", "emaux"], "technique": "peint-main",
                "sizes": [(None, (25, 25, 22), 420, "2.60"), (None, (35, 35, 30), 690, "4.70")],
            },
        },
    },
    "tajines": {
        "product_type": "tajine", "render": "tagine", "unique": False, "stock": (4, 20),
        "dims": t("Diamètre : {l} cm, hauteur avec couvercle : {h} cm.", "القطر: {l} سم، والارتفاع مع الغطاء: {h} سم.",
                  "Diameter: {l} cm, height with lid: {h} cm."),
        "care": [
            t("Avant la première utilisation, faire tremper 12 heures puis culotter "
              "à l'huile d'olive ; chauffer progressivement sur un diffuseur.",
              "قبل الاستعمال الأول، يُنقع الطاجين في الماء 12 ساعة ثم "
              "يُدهن بزيت الزيتون، ويُسخَّن تدريجيًا فوق موزّع للحرارة.",
              "Before first use, soak for 12 hours and season with olive oil; heat gradually over a diffuser."),
        ],
        "motifs": {
            **{k: PAINTED_MOTIFS[k] for k in ("fleurs", "coulures")},
            "etoile": {
                "name": t("à l'étoile", "بالنجمة", "with star"),
                "desc": t("Une étoile à huit branches orne le sommet du couvercle conique.",
                          "تزيّن نجمةٌ ثمانية قمة الغطاء المخروطي.",
                          "An eight-pointed star crowns the conical lid."),
            },
            "strie": {
                "name": t("à couvercle strié", "بغطاء مخطط", "with ridged lid"),
                "desc": t("Le couvercle strié au tour favorise la condensation et la cuisson lente.",
                          "يساعد الغطاء المخطط على الدولاب على تكاثف البخار والطهي البطيء.",
                          "The wheel-ridged lid encourages condensation and slow cooking."),
            },
            "emaille-int": {
                "name": t("émaillé à l'intérieur", "مطلي من الداخل", "with glazed interior"),
                "desc": t("L'intérieur est émaillé sans plomb pour faciliter "
                          "le nettoyage, l'extérieur reste en terre nue.",
                          "طُلي داخله بمينا خالية من الرصاص لتسهيل تنظيفه، بينما بقي خارجه من الطين العاري.",
                          "The inside is glazed lead-free for easy cleaning, while the outside is left as bare clay."),
            },
        },
        "models": {
            "safi-service": {
                "name": t("Tajine de service de Safi {c} {m}", "طاجين تقديم من آسفي {m} {c}",
                          "Safi serving tagine in {c} {m}"),
                "desc": t("Tajine de présentation tourné et peint à la main à {city}, émaillé "
                          "sans plomb, pour servir couscous, tajines et salades à table.",
                          "طاجين للتقديم سُوّي على الدولاب ورُسم يدويًا في {city}، مطلي "
                          "بمينا خالية من الرصاص، لتقديم الكسكس والطواجن والسلطات على المائدة.",
                          "A presentation tagine thrown and hand-painted in {city} with "
                          "lead-free glaze, for bringing couscous, stews and salads to the table."),
                "materials": ["argile", "emaux"], "technique": "peint-main",
                "sizes": [(None, (30, 30, 28), 390, "2.30"), (None, (35, 35, 32), 520, "3.10")],
                "care": [t("Tajine de service : ne pas mettre sur le feu ; lavage à la main recommandé.",
                           "طاجين للتقديم فقط: لا يوضع على النار، ويُنصح بغسله باليد.",
                           "Serving tagine only: not for use on the hob; hand-washing recommended.")],
            },
            "tamegroute": {
                "name": t("Tajine de Tamegroute {c} {m}", "طاجين تمكروت {m} {c}", "Tamegroute tagine in {c} {m}"),
                "desc": t("Façonné à {city} dans l'argile de l'oued Drâa et couvert de l'émail "
                          "vert à l'oxyde de cuivre qui a fait la renommée de la zaouïa.",
                          "شُكّل في {city} من طين وادي درعة وغُطّي بالمينا "
                          "الخضراء القائمة على أكسيد النحاس التي صنعت شهرة الزاوية.",
                          "Shaped in {city} from Drâa valley clay and coated with "
                          "the copper-oxide green glaze that made the zaouia famous."),
                "materials": ["argile", "emaux"], "technique": "emaille",
                "sizes": [(None, (28, 28, 26), 320, "2.10"), (None, (34, 34, 30), 480, "3.00")],
            },
            "cuisson": {
                "name": t("Tajine de cuisson de Salé {c} {m}", "طاجين طهي من سلا {m} {c}",
                          "Salé cooking tagine in {c} {m}"),
                "desc": t("Tajine de cuisson tourné à l'Oulja de {city} en terre "
                          "cuite naturelle, adapté au gaz, au kanoun et au four.",
                          "طاجين للطهي سُوّي على الدولاب في الولجة بمدينة {city} من الطين "
                          "المشوي الطبيعي، صالح للاستعمال على الغاز والكانون وفي الفرن.",
                          "A cooking tagine thrown at the Oulja potteries of {city} in natural "
                          "terracotta, suitable for gas, kanoun charcoal stove and oven."),
                "materials": ["terre-cuite"], "technique": "tourne-main",
                "sizes": [(None, (26, 26, 24), 150, "1.80"), (None, (30, 30, 27), 190, "2.30"),
                          (None, (35, 35, 30), 240, "3.00")],
            },
        },
    },
    "vaisselle": {
        "product_type": "vaisselle", "render": "plate", "unique": False, "stock": (4, 16),
        "dims": t("Diamètre : {l} cm, hauteur : {h} cm.", "القطر: {l} سم، الارتفاع: {h} سم.",
                  "Diameter: {l} cm, height: {h} cm."),
        "care": TABLE_CARE, "motifs": PAINTED_MOTIFS,
        "models": {
            "plat-couscous": {
                "name": t("Plat à couscous {c} {m}", "قصعة كسكس {m} {c}", "Couscous platter in {c} {m}"),
                "desc": t("Grand plat creux tourné à {city}, peint à la main puis émaillé, "
                          "pour présenter le couscous du vendredi ou une salade composée.",
                          "طبق عميق كبير سُوّي على الدولاب في {city}، رُسم يدويًا "
                          "ثم طُلي بالمينا، لتقديم كسكس الجمعة أو السلطات المشكّلة.",
                          "A large, deep platter thrown in {city}, hand-painted "
                          "and glazed, for serving Friday couscous or a mixed salad."),
                "materials": ["argile", "emaux"], "technique": "peint-main",
                "sizes": [(None, (40, 40, 9), 420, "2.60"), (None, (45, 45, 10), 560, "3.40")],
            },
            "assiettes": {
                "name": t("Service de 6 assiettes {c} {m}", "طقم من 6 صحون {m} {c}", "Set of 6 plates in {c} {m}"),
                "desc": t("Six assiettes plates de 26 cm tournées et peintes une à une "
                          "à {city} : le décor varie légèrement d'une pièce à l'autre.",
                          "ستة صحون مسطحة قطرها 26 سم، سُوّي كل منها على الدولاب ورُسم "
                          "على حدة في {city}، لذا تختلف الزخرفة قليلًا من صحن إلى آخر.",
                          "Six 26 cm dinner plates, each thrown and painted individually in "
                          "{city}, so the decoration varies slightly from one to the next."),
                "materials": ["argile", "emaux"], "technique": "peint-main",
                "sizes": [(None, (26, 26, 3), 540, "4.20")],
            },
            "bols": {
                "name": t("Lot de 4 bols {c} {m}", "طقم من 4 زلافات {m} {c}", "Set of 4 bowls in {c} {m}"),
                "desc": t("Quatre bols tournés à {city}, parfaits pour la harira du ftour "
                          "ou le petit-déjeuner ; l'émail est alimentaire et sans plomb.",
                          "أربع زلافات سُوّيت على الدولاب في {city}، مثالية لحريرة "
                          "الفطور أو لوجبة الصباح، بمينا صالحة للأغذية وخالية من الرصاص.",
                          "Four bowls thrown in {city}, perfect for harira at ftour "
                          "or for breakfast; the glaze is food-safe and lead-free."),
                "materials": ["argile", "emaux"], "technique": "emaille",
                "sizes": [(None, (15, 15, 7), 260, "1.60")],
            },
            "pichet": {
                "name": t("Pichet {c} {m}", "إبريق {m} {c}", "Pitcher in {c} {m}"),
                "desc": t("Pichet à anse tourné à {city}, pour l'eau fraîche "
                          "ou le lben, d'une contenance d'environ 1,2 litre.",
                          "إبريق بمقبض سُوّي على الدولاب في {city}، للماء البارد أو اللبن، وسعته نحو 1.2 لتر.",
                          "A handled pitcher thrown in {city} for cold water "
                          "or buttermilk (lben), holding about 1.2 litres."),
                "materials": ["argile", "emaux"], "technique": "tourne-main",
                "sizes": [(None, (14, 14, 24), 240, "1.10")],
                "dims": ROUND_DIMS,
            },
            "plat-decoratif": {
                "name": t("Plat décoratif {c} {m}", "طبق زينة {m} {c}", "Decorative platter in {c} {m}"),
                "desc": t("Grand plat d'apparat tourné à {city}, muni d'une attache "
                          "au dos pour être accroché au mur d'un salon ou d'un riad.",
                          "طبق كبير للزينة سُوّي على الدولاب في {city}، مزوّد "
                          "بمعلاق في ظهره ليُعلَّق على جدار صالون أو رياض.",
                          "A large display platter thrown in {city}, fitted with "
                          "a hanger on the back for a living-room or riad wall."),
                "materials": ["argile", "emaux"], "technique": "peint-main",
                "sizes": [(None, (50, 50, 7), 890, "4.10")],
                "care": DECOR_CARE,
            },
            "coupelles": {
                "name": t("Trio de coupelles à olives {c} {m}", "ثلاثة صحون صغيرة للزيتون {m} {c}",
                          "Trio of olive dishes in {c} {m}"),
                "desc": t("Trois petites coupelles tournées à {city} pour les "
                          "olives, l'huile d'argan ou l'amlou du petit-déjeuner.",
                          "ثلاثة صحون صغيرة سُوّيت على الدولاب في {city} "
                          "لتقديم الزيتون أو زيت الأركان أو أملو في الفطور.",
                          "Three small dishes thrown in {city} for olives, argan oil or breakfast amlou."),
                "materials": ["argile", "emaux"], "technique": "emaille",
                "sizes": [(None, (12, 12, 4), 150, "0.70")],
            },
        },
    },
    "zellige-panneaux": {
        "product_type": "panneau-zellige", "render": "zellige", "unique": True,
        "dims": t("Dimensions : {l} × {w} cm, épaisseur : {h} cm.", "المقاس: {l} × {w} سم، السمك: {h} سم.",
                  "Size: {l} × {w} cm, {h} cm deep."),
        "care": ZELLIGE_CARE, "motifs": ZELLIGE_MOTIFS,
        "models": {
            "panneau": {
                "name": t("Panneau de zellige {c} {m}", "لوحة زليج {m} {c}", "Zellige panel in {c} {m}"),
                "desc": t("Panneau de zellige assemblé à {city} par un maâlem : chaque "
                          "tesselle de terre cuite émaillée est taillée au menqach, puis "
                          "posée face contre terre avant que le mortier ne soit coulé.",
                          "لوحة زليج جمعها معلّم في {city}: تُقطَّع كل قطعة من الطين المشوي "
                          "المطلي بالمينا بالمنقاش، ثم تُرصّ مقلوبة قبل صبّ الملاط عليها.",
                          "A zellige panel assembled in {city} by a maâlem: each glazed terracotta tessera "
                          "is cut with a menqach hammer, then laid face down before the mortar is poured."),
                "materials": ["terre-cuite", "emaux"], "technique": "taille-main",
                "sizes": [(None, (60, 60, 3), 2800, "18.00"), (None, (80, 80, 3), 4600, "30.00"),
                          (None, (100, 60, 3), 4200, "27.00")],
            },
            "fontaine": {
                "name": t("Fontaine murale en zellige {c} {m}", "نافورة جدارية من الزليج {m} {c}",
                          "Zellige wall fountain in {c} {m}"),
                "desc": t("Fontaine murale en zellige taillé main à {city}, avec "
                          "vasque et bec en laiton, pour un patio ou la cour d'un riad.",
                          "نافورة جدارية من الزليج المقطّع يدويًا في {city}، "
                          "بحوض وصنبور من النحاس الأصفر، لفناء رياض أو حديقة.",
                          "A wall fountain of hand-cut zellige made in {city}, with "
                          "basin and brass spout, for a riad courtyard or patio."),
                "materials": ["terre-cuite", "emaux", "laiton"], "technique": "taille-main",
                "sizes": [(None, (90, 50, 30), 9800, "62.00")],
            },
            "miroir": {
                "name": t("Miroir encadré de zellige {c} {m}", "مرآة بإطار من الزليج {m} {c}",
                          "Zellige-framed mirror in {c} {m}"),
                "desc": t("Miroir dont le cadre est serti de tesselles de zellige "
                          "taillées à {city} et jointoyées au ciment blanc.",
                          "مرآة رُصّع إطارها بقطع زليج قُطّعت يدويًا في {city} ورُبطت بالإسمنت الأبيض.",
                          "A mirror whose frame is set with zellige tesserae "
                          "cut in {city} and grouted with white cement."),
                "materials": ["terre-cuite", "emaux", "verre"], "technique": "taille-main",
                "sizes": [(None, (70, 50, 4), 1900, "12.00"), (None, (90, 60, 4), 2700, "16.50")],
            },
        },
    },
    "tables-zellige": {
        "product_type": "table", "render": "zellige", "unique": True,
        "dims": t("Dimensions : {l} × {w} cm, hauteur : {h} cm.", "المقاس: {l} × {w} سم، الارتفاع: {h} سم.",
                  "Size: {l} × {w} cm, height {h} cm."),
        "care": [
            t("Usage intérieur ou extérieur abrité ; à rentrer à l'abri du gel en hiver.",
              "للاستعمال الداخلي أو الخارجي المحمي، وتُحفظ في الشتاء بعيدًا عن الصقيع.",
              "For indoor or sheltered outdoor use; keep away from frost in winter."),
            ZELLIGE_CARE[0],
        ],
        "motifs": {k: ZELLIGE_MOTIFS[k] for k in ("khatem", "chebka", "rosace-16", "damier")},
        "models": {
            "table-basse": {
                "name": t("Table basse ronde en zellige {c} {m}", "طاولة منخفضة مستديرة من الزليج {m} {c}",
                          "Round zellige coffee table in {c} {m}"),
                "desc": t("Plateau de zellige taillé main à {city}, serti dans un cerclage en fer "
                          "forgé et posé sur un piètement martelé par un ferronnier du quartier.",
                          "سطح من الزليج المقطّع يدويًا في {city}، مثبّت داخل إطار "
                          "من الحديد المطروق وموضوع على قوائم طرقها حدّاد من الحي.",
                          "A tabletop of zellige hand-cut in {city}, set in a wrought-iron "
                          "rim on a hammered base made by a neighbourhood blacksmith."),
                "materials": ["terre-cuite", "emaux", "fer-forge"], "technique": "taille-main",
                "sizes": [(None, (80, 80, 40), 3400, "32.00"), (None, (100, 100, 40), 4900, "45.00")],
                "dims": t("Diamètre : {l} cm, hauteur : {h} cm.", "القطر: {l} سم، الارتفاع: {h} سم.",
                          "Diameter: {l} cm, height {h} cm."),
            },
            "table-bistrot": {
                "name": t("Table bistrot en zellige {c} {m}", "طاولة مقهى من الزليج {m} {c}",
                          "Zellige bistro table in {c} {m}"),
                "desc": t("Petite table de patio au plateau de zellige taillé à {city}, "
                          "à hauteur de repas, idéale pour le thé à la menthe au jardin.",
                          "طاولة فناء صغيرة بسطح من الزليج المقطّع في {city}، "
                          "بارتفاع مناسب للأكل، مثالية لشاي النعناع في الحديقة.",
                          "A small patio table with a zellige top cut in {city}, "
                          "at dining height, ideal for mint tea in the garden."),
                "materials": ["terre-cuite", "emaux", "fer-forge"], "technique": "taille-main",
                "sizes": [(None, (60, 60, 75), 2600, "24.00")],
            },
            "table-repas": {
                "name": t("Table de salle à manger en zellige {c} {m}", "مائدة طعام من الزليج {m} {c}",
                          "Zellige dining table in {c} {m}"),
                "desc": t("Grande table rectangulaire pour six couverts, au plateau de zellige "
                          "taillé à {city} sur une structure en fer forgé traitée antirouille.",
                          "مائدة مستطيلة كبيرة تتسع لستة أشخاص، بسطح من الزليج المقطّع "
                          "في {city} فوق هيكل من الحديد المطروق المعالج ضد الصدأ.",
                          "A large rectangular table seating six, with a zellige "
                          "top cut in {city} on a rust-treated wrought-iron frame."),
                "materials": ["terre-cuite", "emaux", "fer-forge"], "technique": "taille-main",
                "sizes": [(None, (180, 90, 76), 11500, "95.00")],
            },
        },
    },
}
