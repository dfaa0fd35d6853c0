"""Demo catalog product lines: rugs, kilims and cushions.

A *line* is one category child. Its ``models`` give the name pattern and the first sentence of
the description in the three languages; ``{c}`` is the colourway phrase, ``{m}`` the motif
phrase and ``{city}`` the workshop town. ``motifs`` add a name fragment and a sentence each;
``dims``/``care`` complete the description. Sizes are ``(variant key, (l, w, h) cm, MAD price,
weight kg)``. See ``data_products`` for how lines and per-artisan plans become products.
"""

from __future__ import annotations


def t(fr: str, ar: str, en: str) -> dict[str, str]:
    return {"fr": fr, "ar": ar, "en": en}


RUG_CARE = [
    t("Aspirer sans brosse rotative et secouer régulièrement ; confier le lavage à l'eau froide à un professionnel.",
      "تُنظَّف الزربية بالمكنسة الكهربائية دون فرشاة دوّارة وتُنفَض بانتظام، ويُعهد بغسلها بالماء البارد إلى مختص.",
      "Vacuum without a beater bar and shake out regularly; have it washed in cold water by a specialist."),
    t("Éviter l'exposition prolongée au soleil direct et tourner le tapis deux fois par an pour une usure régulière.",
      "يُستحسن تجنيب الزربية أشعة الشمس المباشرة لمدة طويلة، وتدويرها مرتين في السنة ليكون تآكلها متساويًا.",
      "Avoid prolonged direct sunlight and turn the rug twice a year so it wears evenly."),
]

LINES: dict[str, dict] = {
    "tapis-berberes": {
        "product_type": "tapis", "render": "rug", "unique": True,
        "dims": t("Dimensions : {l} × {w} cm, épaisseur d'environ {h} cm.", "المقاس: {l} × {w} سم، بسمك يقارب {h} سم.",
                  "Size: {l} × {w} cm, about {h} cm thick."),
        "care": RUG_CARE,
        "models": {
            "beni-ouarain": {
                "name": t("Tapis Beni Ouarain {c} {m}", "زربية بني وراين {m} {c}", "Beni Ouarain rug in {c} {m}"),
                "desc": t("Tapis épais à poils longs, noué main à {city} en laine de mouton vierge "
                          "non teinte, selon la tradition des tribus Beni Ouarain du Moyen Atlas.",
                          "زربية سميكة بوبر طويل، معقودة يدويًا في {city} من صوف الغنم "
                          "الخالص غير المصبوغ، وفق تقاليد قبائل بني وراين في الأطلس المتوسط.",
                          "A thick, long-pile rug hand-knotted in {city} from undyed virgin sheep's "
                          "wool, in the tradition of the Beni Ouarain tribes of the Middle Atlas."),
                "materials": ["laine"], "technique": "noue-main",
                "sizes": [(None, (200, 150, 3), 5200, "7.50"), (None, (240, 170, 3), 7400, "10.00"),
                          (None, (300, 200, 3), 11800, "14.50"), (None, (350, 250, 3), 17500, "21.00")],
            },
            "azilal": {
                "name": t("Tapis Azilal {c} {m}", "زربية أزيلال {m} {c}", "Azilal rug in {c} {m}"),
                "desc": t("Noué main à {city}, au cœur du Haut Atlas, sur un fond de laine écrue "
                          "parsemé de motifs vifs teints au henné, à la garance et au safran.",
                          "معقودة يدويًا في {city} بقلب الأطلس الكبير، على أرضية من الصوف "
                          "العاجي تتخللها زخارف زاهية مصبوغة بالحناء والفوة والزعفران.",
                          "Hand-knotted in {city}, in the heart of the High Atlas, on an ecru wool "
                          "ground scattered with bright motifs dyed with henna, madder and saffron."),
                "materials": ["laine"], "technique": "noue-main",
                "sizes": [(None, (180, 120, 2), 3400, "4.80"), (None, (230, 160, 2), 5600, "7.20"),
                          (None, (280, 180, 2), 7900, "9.60")],
            },
            "boucherouite": {
                "name": t("Tapis Boucherouite {c} {m}", "زربية بوشرويط {m} {c}", "Boucherouite rag rug in {c} {m}"),
                "desc": t("Tapis de récupération noué main à {city} avec des bandes de coton et de "
                          "tissus recyclés, une tradition née de l'ingéniosité des femmes de l'Atlas.",
                          "زربية معقودة يدويًا في {city} من شرائط القطن والأقمشة المعاد "
                          "تدويرها، وهو تقليد وُلد من براعة نساء الأطلس وحسن تدبيرهن.",
                          "A rag rug hand-knotted in {city} from strips of cotton and recycled "
                          "fabric, a tradition born of the resourcefulness of Atlas women."),
                "materials": ["coton"], "technique": "noue-main",
                "sizes": [(None, (150, 90, 2), 1500, "2.60"), (None, (200, 120, 2), 2300, "4.10")],
            },
            "glaoua": {
                "name": t("Tapis Glaoua de Taznakht {c} {m}", "زربية كلاوة من تازناخت {m} {c}",
                          "Glaoua rug from Taznakht in {c} {m}"),
                "desc": t("Ce tapis associe des bandes tissées à plat et des zones nouées à poils ras, une technique "
                          "propre aux Glaoua ; la laine est filée au fuseau et teinte aux colorants naturels à {city}.",
                          "تجمع هذه الزربية بين أشرطة منسوجة نسجًا مسطحًا ومساحات معقودة بوبر قصير، وهي "
                          "تقنية خاصة بقبائل كلاوة؛ ويُغزل صوفها بالمغزل ويُصبغ بأصباغ طبيعية في {city}.",
                          "This rug combines flat-woven bands with short knotted pile, a technique typical of "
                          "the Glaoua; the wool is hand-spun on a spindle and dyed with natural colours in {city}."),
                "materials": ["laine"], "technique": "noue-main",
                "sizes": [(None, (200, 130, 1), 4200, "5.20"), (None, (250, 150, 1), 6200, "7.40"),
                          (None, (300, 200, 1), 9500, "11.80")],
            },
            "beni-guil": {
                "name": t("Tapis Beni Guil {c} {m}", "زربية بني كيل {m} {c}", "Beni Guil rug in {c} {m}"),
                "desc": t("Tapis des hauts plateaux de l'Oriental, noué main à {city} en laine "
                          "de mouton Beni Guil, réputée pour sa finesse et son lustre naturel.",
                          "زربية من الهضاب العليا للجهة الشرقية، معقودة يدويًا في "
                          "{city} من صوف أغنام بني كيل المعروف بنعومته ولمعانه الطبيعي.",
                          "A rug from the high plateaus of the Oriental, hand-knotted in {city} "
                          "from Beni Guil sheep's wool, prized for its fineness and natural sheen."),
                "materials": ["laine"], "technique": "noue-main",
                "sizes": [(None, (190, 130, 2), 4300, "6.20"), (None, (250, 170, 2), 6900, "10.40")],
            },
        },
        "motifs": {
            "losanges": {
                "name": t("à losanges", "بزخرفة المعينات", "with diamonds"),
                "desc": t("Les losanges, symbole de protection et de fertilité "
                          "dans l'art amazigh, rythment tout le champ du tapis.",
                          "تتوزع المعينات، رمز الحماية والخصوبة في الفن الأمازيغي، على كامل مساحة الزربية.",
                          "Diamonds, symbols of protection and fertility in Amazigh art, run across the whole field."),
            },
            "treillis": {
                "name": t("à treillis", "بزخرفة شبكية", "with lattice pattern"),
                "desc": t("Un fin treillis de lignes tracées à main levée "
                          "donne au tapis une allure graphique et contemporaine.",
                          "تمنح شبكةٌ من الخطوط الدقيقة المرسومة بيد حرة الزربيةَ طابعًا هندسيًا معاصرًا.",
                          "A fine lattice of freehand lines gives the rug a graphic, contemporary look."),
            },
            "chevrons": {
                "name": t("à chevrons", "بزخرفة متعرجة", "with chevrons"),
                "desc": t("Des chevrons superposés évoquent les crêtes de "
                          "l'Atlas et le chemin de l'eau dans la vallée.",
                          "تستحضر الخطوط المتعرجة المتراكبة قمم الأطلس ومجرى الماء في الوادي.",
                          "Stacked chevrons evoke the Atlas ridges and the path of water through the valley."),
            },
            "dessin-libre": {
                "name": t("à dessin libre", "بزخارف حرة", "with freeform design"),
                "desc": t("Le dessin, asymétrique et improvisé, est propre à "
                          "chaque tisserande : aucun tapis ne ressemble à un autre.",
                          "الرسم غير متناظر ومرتجل، وهو خاص بكل نسّاجة، فلا تشبه زربيةٌ أخرى.",
                          "The asymmetric, improvised design is unique to each weaver: no two rugs are alike."),
            },
            "uni": {
                "name": t("uni", "سادة", "with plain field"),
                "desc": t("Sans aucun motif, le champ uni met en valeur la "
                          "texture moelleuse et les nuances naturelles de la laine.",
                          "يُبرز الحقل الخالي من الزخارف ملمس الصوف الناعم وتدرجاته الطبيعية.",
                          "With no pattern at all, the plain field shows off "
                          "the soft texture and natural shades of the wool."),
            },
            "frises": {
                "name": t("à frises", "بأشرطة زخرفية", "with banded friezes"),
                "desc": t("Des frises horizontales de petits motifs, l'œil de "
                          "perdrix et le peigne, encadrent le champ central.",
                          "تحيط أشرطة أفقية من الزخارف الصغيرة، مثل «عين الحجلة» والمشط، بالحقل الأوسط.",
                          "Horizontal friezes of small motifs, the 'partridge "
                          "eye' and the comb, frame the central field."),
            },
            "medaillon": {
                "name": t("à médaillon", "بزخرفة مركزية", "with central medallion"),
                "desc": t("Un grand médaillon central, hérité des tapis de tribu, structure toute la composition.",
                          "تتوسط الزربيةَ زخرفةٌ كبيرة موروثة عن زرابي القبائل، تنتظم حولها بقية العناصر.",
                          "A large central medallion, inherited from tribal rugs, anchors the composition."),
            },
        },
    },
    "kilims": {
        "product_type": "kilim", "render": "kilim", "unique": True,
        "dims": t("Dimensions : {l} × {w} cm, tissage réversible.", "المقاس: {l} × {w} سم، نسيج بوجهين.",
                  "Size: {l} × {w} cm, reversible weave."),
        "care": [
            t("Secouer à l'extérieur et passer l'aspirateur des deux côtés ; nettoyage à sec pour les taches.",
              "يُنفض الحنبل في الهواء الطلق ويُنظَّف بالمكنسة الكهربائية "
              "من الجهتين، ويُنظَّف تنظيفًا جافًا عند وجود بقع.",
              "Shake outdoors and vacuum both sides; dry-clean any stains."),
            t("Léger et réversible, il se pose au sol, sur un banc ou en tenture murale.",
              "خفيف وذو وجهين، يُفرش على الأرض أو على أريكة أو يُعلَّق على الجدار.",
              "Light and reversible, it works on the floor, over a bench or as a wall hanging."),
        ],
        "models": {
            "zemmour": {
                "name": t("Kilim Zemmour {c} {m}", "حنبل زمور {m} {c}", "Zemmour kilim in {c} {m}"),
                "desc": t("Tissé à plat à {city} sur un métier vertical, ce kilim des Zemmour "
                          "superpose des bandes denses de motifs géométriques en laine teinte.",
                          "نُسج هذا الحنبل نسجًا مسطحًا في {city} على منسج عمودي، "
                          "وتتراكب فيه أشرطة كثيفة من الزخارف الهندسية بالصوف المصبوغ.",
                          "Flat-woven in {city} on an upright loom, this Zemmour "
                          "kilim stacks dense bands of geometric motifs in dyed wool."),
                "materials": ["laine"], "technique": "tisse-main",
                "sizes": [(None, (200, 120, 1), 2400, "3.20"), (None, (250, 160, 1), 3900, "5.10"),
                          (None, (300, 180, 1), 5200, "6.80")],
            },
            "ouzguita": {
                "name": t("Kilim Ouzguita {c} {m}", "حنبل أوزكيتة {m} {c}", "Ouzguita kilim in {c} {m}"),
                "desc": t("Les tisserandes Ouzguita de {city} travaillent une laine épaisse, "
                          "teinte au henné et à l'écorce de grenade, pour ce kilim réversible.",
                          "تنسج نسّاجات أوزكيتة في {city} هذا الحنبل ذا الوجهين من صوف سميك مصبوغ بالحناء وقشر الرمان.",
                          "The Ouzguita weavers of {city} use thick wool dyed with "
                          "henna and pomegranate rind for this reversible kilim."),
                "materials": ["laine"], "technique": "tisse-main",
                "sizes": [(None, (180, 110, 1), 2200, "2.90"), (None, (240, 150, 1), 3600, "4.80")],
            },
            "hanbel-beni-guil": {
                "name": t("Hanbel Beni Guil {c} {m}", "حنبل بني كيل {m} {c}", "Beni Guil hanbel in {c} {m}"),
                "desc": t("Grand tissage plat des pasteurs de l'Oriental, réalisé à {city} en laine "
                          "à trame serrée, autrefois utilisé comme couverture ou tenture de tente.",
                          "نسيج مسطح كبير من تراث رعاة الجهة الشرقية، صُنع في {city} من "
                          "صوف محكم اللُّحمة، وكان يُستعمل قديمًا غطاءً أو ستارًا للخيمة.",
                          "A large flat-weave of the Oriental's herders, made in {city} from "
                          "tightly wefted wool and once used as a blanket or tent hanging."),
                "materials": ["laine"], "technique": "tisse-main",
                "sizes": [(None, (220, 140, 1), 2900, "4.40")],
            },
            "sahraoui": {
                "name": t("Kilim sahraoui {c} {m}", "حنبل صحراوي {m} {c}", "Saharan kilim in {c} {m}"),
                "desc": t("Tissé à {city} en poil de chameau et laine de chèvre, selon "
                          "la technique des bandes de tente (flij) des nomades du Sahara.",
                          "نُسج في {city} من وبر الإبل وشعر الماعز، على طريقة أشرطة الخيمة (الفليج) لدى رحّل الصحراء.",
                          "Woven in {city} from camel hair and goat wool, using "
                          "the tent-band (flij) technique of Saharan nomads."),
                "materials": ["poil-de-chameau", "laine"], "technique": "tisse-main",
                "sizes": [(None, (200, 120, 1), 2600, "3.60"), (None, (260, 140, 1), 3800, "5.20")],
            },
        },
        "motifs": {
            "bandes": {
                "name": t("à bandes", "بأشرطة متوازية", "with bands"),
                "desc": t("Des bandes de largeurs inégales alternent aplats de couleur et fines lignes de motifs.",
                          "تتناوب أشرطة متفاوتة العرض بين مساحات لونية وخطوط دقيقة من الزخارف.",
                          "Bands of uneven width alternate between solid colour and fine lines of pattern."),
            },
            "losanges-crochetes": {
                "name": t("à losanges crochetés", "بمعينات معقوفة", "with hooked diamonds"),
                "desc": t("Les losanges crochetés, motif protecteur, s'enchaînent en colonnes régulières.",
                          "تتتابع المعينات المعقوفة، وهي زخرفة واقية، في أعمدة منتظمة.",
                          "Hooked diamonds, a protective motif, follow one another in regular columns."),
            },
            "triangles": {
                "name": t("à triangles", "بزخرفة المثلثات", "with triangles"),
                "desc": t("Des triangles en dents de scie, inspirés des bijoux amazighs, bordent chaque registre.",
                          "تحفّ كلَّ شريط مثلثاتٌ مسننة مستوحاة من الحلي الأمازيغية.",
                          "Saw-tooth triangles inspired by Amazigh jewellery edge each register."),
            },
            "fibule": {
                "name": t("à motif de fibule", "بزخرفة الخلالة", "with fibula motif"),
                "desc": t("Le motif de la fibule (tizerzaï), qui retient le drapé des femmes, se répète en frise.",
                          "تتكرر على شكل إفريز زخرفةُ الخلالة (تيزرزاي) التي تثبّت لباس النساء.",
                          "The fibula (tizerzai) motif, which fastens women's draped garments, repeats as a frieze."),
            },
        },
    },
    "coussins-textiles": {
        "product_type": "coussin", "render": "cushion", "unique": False, "variant": "taille", "stock": (3, 12),
        "dims": t("Format : {l} × {w} cm, garnissage inclus.", "المقاس: {l} × {w} سم، مع الحشوة.",
                  "Size: {l} × {w} cm, insert included."),
        "multi": t("Disponible en trois formats : {sizes}.", "يتوفر هذا المنتج بثلاثة مقاسات: {sizes}.",
                   "Available in three sizes: {sizes}."),
        "size_item": t("{l} × {w} cm", "{l} × {w} سم", "{l} × {w} cm"),
        "variant_name": "{l} × {w} cm",
        "care": [
            t("Housse lavable à la main à l'eau froide ; ne pas essorer, sécher à plat.",
              "يُغسل الغطاء باليد بالماء البارد دون عصر، ويُجفَّف ممدودًا.",
              "Hand-wash the cover in cold water; do not wring, dry flat."),
            t("Garnissage en fibre fourni ; un coup de brosse douce ravive le tissage.",
              "تُسلَّم مع حشوة من الألياف، وتكفي فرشاة ناعمة لإنعاش النسيج.",
              "Fibre insert included; a soft brush revives the weave."),
        ],
        "models": {
            "kilim": {
                "name": t("Coussin en kilim {c} {m}", "وسادة من الحنبل {m} {c}", "Kilim cushion in {c} {m}"),
                "desc": t("Housse tissée à plat à {city} en laine, doublée de coton au dos et fermée par un zip caché.",
                          "غطاء وسادة منسوج نسجًا مسطحًا في {city} من الصوف، مبطّن بالقطن من الخلف ويُغلق بسحّاب مخفي.",
                          "A cushion cover flat-woven in wool in {city}, "
                          "backed with cotton and closed with a hidden zip."),
                "materials": ["laine", "coton"], "technique": "tisse-main",
                "sizes": [("s", (40, 40, 12), 280, "0.60"), ("m", (50, 50, 14), 360, "0.85"),
                          ("l", (60, 60, 15), 450, "1.10")],
            },
            "pompons": {
                "name": t("Coussin berbère à pompons {c} {m}", "وسادة أمازيغية بشراشيب {m} {c}",
                          "Berber pompom cushion in {c} {m}"),
                "desc": t("Coussin noué main à {city} avec les restes de laine des "
                          "tapis, orné de pompons et de paillettes cousus un à un.",
                          "وسادة معقودة يدويًا في {city} من بقايا صوف الزرابي، "
                          "مزيّنة بشراشيب وترتر مخيطة واحدة تلو الأخرى.",
                          "A cushion hand-knotted in {city} from leftover rug wool, "
                          "trimmed with pompoms and sequins sewn on one by one."),
                "materials": ["laine"], "technique": "noue-main",
                "sizes": [("s", (40, 40, 12), 320, "0.70"), ("m", (50, 50, 14), 410, "0.95"),
                          ("l", (60, 60, 15), 520, "1.25")],
            },
            "azemmour": {
                "name": t("Coussin brodé d'Azemmour {c} {m}", "وسادة بطرز أزمور {m} {c}",
                          "Azemmour embroidered cushion in {c} {m}"),
                "desc": t("Brodé main à {city} selon le « trez » d'Azemmour : les motifs restent "
                          "en réserve sur un fond de lin entièrement couvert de fil de soie.",
                          "مطرزة يدويًا في {city} بطرز أزمور، حيث تظهر الزخارف "
                          "بلون القماش وسط خلفية من الكتان مغطاة كليًا بخيط الحرير.",
                          "Hand-embroidered in {city} in the Azemmour style: the motifs are "
                          "left in reserve on a linen ground entirely covered in silk thread."),
                "materials": ["lin", "soie"], "technique": "brode-main",
                "sizes": [("s", (40, 40, 10), 650, "0.55"), ("m", (50, 50, 12), 850, "0.75"),
                          ("l", (60, 40, 12), 980, "0.80")],
                "care": [t("Nettoyage à sec recommandé pour préserver la broderie de soie.",
                           "يُنصح بالتنظيف الجاف للحفاظ على التطريز الحريري.",
                           "Dry cleaning recommended to protect the silk embroidery.")],
            },
            "sabra": {
                "name": t("Coussin en soie de cactus {c} {m}", "وسادة من حرير الصبار {m} {c}",
                          "Cactus silk cushion in {c} {m}"),
                "desc": t("Tissé main à {city} en fil de sabra, la « soie végétale » "
                          "tirée des feuilles d'agave, dont l'éclat change avec la lumière.",
                          "منسوجة يدويًا في {city} من خيط الصبرة، أي «الحرير "
                          "النباتي» المستخرج من أوراق الصبار، ويتغير بريقها مع الضوء.",
                          "Hand-woven in {city} from sabra, the 'vegetable silk' "
                          "drawn from agave leaves, whose sheen shifts with the light."),
                "materials": ["soie-de-cactus", "coton"], "technique": "tisse-main",
                "sizes": [("s", (40, 40, 12), 320, "0.55"), ("m", (50, 50, 14), 420, "0.80"),
                          ("l", (60, 60, 15), 520, "1.05")],
            },
            "jebli": {
                "name": t("Coussin en tissage jebli {c} {m}", "وسادة من النسيج الجبلي {m} {c}",
                          "Jebli woven cushion in {c} {m}"),
                "desc": t("Taillé dans le tissage rayé de coton et de laine des mendils, "
                          "les tabliers des femmes du Rif et des Jbala, tissé à {city}.",
                          "مصنوعة من النسيج المخطط من القطن والصوف الذي تُصنع منه "
                          "المناديل، مآزر نساء الريف وجبالة، وقد نُسج في {city}.",
                          "Cut from the striped cotton-and-wool weave of the mendil "
                          "aprons worn by Rif and Jbala women, woven in {city}."),
                "materials": ["coton", "laine"], "technique": "tisse-main",
                "sizes": [("s", (40, 40, 12), 240, "0.55"), ("m", (50, 50, 14), 310, "0.80"),
                          ("l", (60, 60, 15), 390, "1.05")],
            },
        },
        "motifs": {
            "losanges": {
                "name": t("à losanges", "بالمعينات", "with diamonds"),
                "desc": t("Un losange central encadré de lignes fines anime la face avant.",
                          "يزيّن وجهَ الوسادة معينٌ مركزي تحيط به خطوط دقيقة.",
                          "A central diamond framed by fine lines enlivens the front."),
            },
            "rayures": {
                "name": t("à rayures", "بخطوط", "with stripes"),
                "desc": t("Les rayures, tissées à la navette, alternent fils mats et fils brillants.",
                          "تتناوب في الخطوط المنسوجة بالمكوك خيوطٌ مطفأة وأخرى لامعة.",
                          "The shuttle-woven stripes alternate matte and glossy yarns."),
            },
            "oiseaux": {
                "name": t("aux oiseaux affrontés", "بطيور متقابلة", "with facing birds"),
                "desc": t("Deux oiseaux affrontés autour d'un arbre de vie "
                          "reprennent un dessin ancien du répertoire d'Azemmour.",
                          "يستعيد طائران متقابلان حول شجرة الحياة رسمًا قديمًا من ذخيرة طرز أزمور.",
                          "Two birds facing a tree of life revive an old design from the Azemmour repertoire."),
            },
            "arbre": {
                "name": t("à l'arbre de vie", "بشجرة الحياة", "with tree of life"),
                "desc": t("L'arbre de vie, brodé au centre, déploie ses branches jusqu'aux bords du coussin.",
                          "تمتد أغصان شجرة الحياة المطرزة في الوسط حتى حواف الوسادة.",
                          "The tree of life embroidered at the centre spreads its branches to the edges."),
            },
            "etoile": {
                "name": t("à étoile", "بنجمة", "with star"),
                "desc": t("Une étoile à huit branches, motif cher à l'artisanat marocain, occupe le centre.",
                          "تتوسطها نجمة ثمانية، وهي زخرفة أثيرة في الصناعة التقليدية المغربية.",
                          "An eight-pointed star, a favourite motif of Moroccan craft, takes centre stage."),
            },
            "franges": {
                "name": t("à franges", "بأهداب", "with fringes"),
                "desc": t("De longues franges nouées terminent deux côtés du coussin.",
                          "تنتهي جهتان من الوسادة بأهداب طويلة معقودة.",
                          "Long knotted fringes finish two sides of the cushion."),
            },
        },
    },
}
