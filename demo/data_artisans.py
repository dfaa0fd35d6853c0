"""Demo catalog, part 2: the artisans (individual craftspeople, cooperatives and small firms).

Each story is written by hand in the three languages. ``CITY_NAMES`` gives the workshop towns
in Arabic and English for the product descriptions; ``SKU_CODES`` the three-letter code used in
variant SKUs (``MAA-<CODE>-<NNNN>``).
"""

from __future__ import annotations

CITY_NAMES: dict[str, dict[str, str]] = {
    "Azilal": {"fr": "Azilal", "ar": "أزيلال", "en": "Azilal"},
    "Immouzer Marmoucha": {"fr": "Immouzer Marmoucha", "ar": "إيموزار مرموشة", "en": "Immouzer Marmoucha"},
    "Taznakht": {"fr": "Taznakht", "ar": "تازناخت", "en": "Taznakht"},
    "Khémisset": {"fr": "Khémisset", "ar": "الخميسات", "en": "Khemisset"},
    "Oujda": {"fr": "Oujda", "ar": "وجدة", "en": "Oujda"},
    "Figuig": {"fr": "Figuig", "ar": "فجيج", "en": "Figuig"},
    "Safi": {"fr": "Safi", "ar": "آسفي", "en": "Safi"},
    "Fès": {"fr": "Fès", "ar": "فاس", "en": "Fez"},
    "Tamegroute": {"fr": "Tamegroute", "ar": "تمكروت", "en": "Tamegroute"},
    "Meknès": {"fr": "Meknès", "ar": "مكناس", "en": "Meknes"},
    "Marrakech": {"fr": "Marrakech", "ar": "مراكش", "en": "Marrakech"},
    "Guelmim": {"fr": "Guelmim", "ar": "كلميم", "en": "Guelmim"},
    "Laâyoune": {"fr": "Laâyoune", "ar": "العيون", "en": "Laayoune"},
    "Dakhla": {"fr": "Dakhla", "ar": "الداخلة", "en": "Dakhla"},
    "Tiznit": {"fr": "Tiznit", "ar": "تزنيت", "en": "Tiznit"},
    "Aït Baha": {"fr": "Aït Baha", "ar": "آيت باها", "en": "Ait Baha"},
    "Essaouira": {"fr": "Essaouira", "ar": "الصويرة", "en": "Essaouira"},
    "Azrou": {"fr": "Azrou", "ar": "أزرو", "en": "Azrou"},
    "Khénifra": {"fr": "Khénifra", "ar": "خنيفرة", "en": "Khenifra"},
    "Salé": {"fr": "Salé", "ar": "سلا", "en": "Salé"},
    "Tétouan": {"fr": "Tétouan", "ar": "تطوان", "en": "Tetouan"},
    "Azemmour": {"fr": "Azemmour", "ar": "أزمور", "en": "Azemmour"},
}


def _artisan(slug: str, name: str, kind: str, region: str, city: str, crafts: list[str], member: tuple[str, str],
             phone: str, commission: str, seed: int, story: tuple[str, str, str], *, labels: list[str],
             languages: tuple[str, ...] = ("ar", "fr"), verification: str = "VERIFIED") -> dict:
    fr, ar, en = story
    return {
        "slug": slug, "name": name, "kind": kind, "region": region, "city": city, "crafts": crafts,
        "story": {"fr": fr, "ar": ar, "en": en}, "verification": verification, "labels": labels,
        "languages": list(languages), "phone": phone,
        "member": {"email": f"{slug}@demo.maalem.ma", "first_name": member[0], "last_name": member[1]},
        "commission_rate": commission, "seed": seed,
    }


ARTISANS: list[dict] = [
    _artisan(
        "cooperative-tifaout", "Coopérative féminine Tifaout", "COOPERATIVE", "beni-mellal-khenifra", "Azilal",
        ["tapis-textiles"], ("Fadma", "Aït Ali"), "+212661482317", "0.10", 101,
        ("Fondée en 2009 par quatorze tisserandes de la vallée des Aït Bouguemez, la coopérative "
         "Tifaout (« lumière du matin » en tamazight) réunit aujourd'hui une quarantaine de femmes. "
         "Chacune tisse chez elle, sur le métier vertical familial, entre les travaux des champs. "
         "La laine est lavée à la rivière, cardée et filée à la main "
         "avant d'être teinte au henné, à la garance ou au safran. "
         "Les revenus de la coopérative financent des cours d'alphabétisation pour ses membres.",
         "تأسست تعاونية تيفاوت («نور الصباح» بالأمازيغية) سنة 2009 على يد "
         "أربع عشرة نسّاجة من وادي آيت بوكماز، وهي تضم اليوم نحو أربعين امرأة. "
         "تنسج كل واحدة منهن في بيتها على المنسج العمودي العائلي، بين أشغال الحقول. "
         "يُغسل الصوف في النهر ويُمشَّط ويُغزل يدويًا قبل أن يُصبغ بالحناء أو الفوة أو الزعفران. "
         "وتموّل مداخيل التعاونية دروسًا لمحو الأمية لفائدة عضواتها.",
         "Founded in 2009 by fourteen weavers from the Aït Bouguemez valley, the Tifaout "
         "cooperative ('morning light' in Tamazight) now brings together some forty women. "
         "Each weaves at home on the family's upright loom, between work in the fields. "
         "The wool is washed in the river, carded and hand-spun before being dyed with henna, madder or saffron. "
         "The cooperative's income pays for literacy classes for its members."),
        labels=["cooperative", "femmes-artisanes", "label-qualite", "commerce-equitable"]),
    _artisan(
        "fatima-ouchen", "Fatima Ouchen", "MONO_ARTISAN", "fes-meknes", "Immouzer Marmoucha",
        ["tapis-textiles"], ("Fatima", "Ouchen"), "+212662917405", "0.12", 102,
        ("Fatima Ouchen a appris à nouer auprès de sa grand-mère, dans "
         "un douar des Beni Ouarain au-dessus d'Immouzer Marmoucha. "
         "Elle ne travaille que la laine de ses propres brebis et de celles "
         "de ses voisins, jamais teinte, du blanc crème au brun naturel. "
         "Un grand tapis lui demande trois à quatre mois de travail, à raison de plusieurs milliers de nœuds par jour. "
         "Distinguée à l'Expo artisan de Marrakech en 2025, elle forme désormais deux jeunes femmes de son village.",
         "تعلّمت فاطمة أوشن عقد الزرابي على يد جدتها في دوار من دواوير بني وراين فوق إيموزار مرموشة. "
         "ولا تشتغل إلا بصوف نعاجها ونعاج جيرانها، دون صباغة، من الأبيض الكريمي إلى البني الطبيعي. "
         "وتتطلب منها الزربية الكبيرة ثلاثة إلى أربعة أشهر من العمل، بآلاف العقد في اليوم الواحد. "
         "وبعد تتويجها في معرض الصانع التقليدي بمراكش سنة 2025، أصبحت تكوّن شابتين من قريتها.",
         "Fatima Ouchen learned to knot from her grandmother in a Beni Ouarain hamlet above Immouzer Marmoucha. "
         "She works only with wool from her own ewes and her "
         "neighbours', never dyed, from creamy white to natural brown. "
         "A large rug takes her three to four months, at several thousand knots a day. "
         "Honoured at the Marrakech Artisan Expo in 2025, she now trains two young women from her village."),
        labels=["label-qualite", "expo-artisan-2025", "femmes-artisanes"]),
    _artisan(
        "cooperative-tamazirt", "Coopérative Tamazirt", "COOPERATIVE", "draa-tafilalet", "Taznakht",
        ["tapis-textiles"], ("Aïcha", "Id Brahim"), "+212668230954", "0.10", 103,
        ("À Taznakht, au pied du Siroua, la coopérative Tamazirt "
         "rassemble les tisserandes des tribus Ouzguita et Glaoua. "
         "Les femmes teignent elles-mêmes leur laine avec des plantes de la montagne "
         ": garance, henné, écorce de grenade et fleur de safran de Taliouine. "
         "Le souk aux tapis du lundi reste le cœur de leur vie économique, mais "
         "la vente directe leur permet de garder une part bien plus juste du prix. "
         "La coopérative a ouvert en 2022 un petit atelier de teinture partagé.",
         "في تازناخت، عند سفح جبل سيروا، تجمع تعاونية تمازيرت نسّاجات قبائل أوزكيتة وكلاوة. "
         "تصبغ النساء صوفهن بأنفسهن بنباتات الجبل: الفوة والحناء وقشر الرمان وزهر زعفران تالوين. "
         "ويبقى سوق الزرابي يوم الاثنين قلب حياتهن الاقتصادية، غير "
         "أن البيع المباشر يتيح لهن الاحتفاظ بحصة أعدل من الثمن. "
         "وقد افتتحت التعاونية سنة 2022 ورشة صغيرة مشتركة للصباغة.",
         "In Taznakht, at the foot of Mount Siroua, the Tamazirt cooperative "
         "brings together weavers from the Ouzguita and Glaoua tribes. "
         "The women dye their own wool with mountain plants: madder, "
         "henna, pomegranate rind and saffron flowers from Taliouine. "
         "The Monday rug souk is still the heart of their economic life, but "
         "selling directly lets them keep a much fairer share of the price. "
         "In 2022 the cooperative opened a small shared dye workshop."),
        labels=["cooperative", "femmes-artisanes", "commerce-equitable"]),
    _artisan(
        "cooperative-nour-zemmour", "Coopérative Nour Zemmour", "COOPERATIVE", "rabat-sale-kenitra", "Khémisset",
        ["tapis-textiles"], ("Rkia", "El Ghazi"), "+212661750382", "0.11", 104,
        ("Installée à Khémisset, la coopérative Nour Zemmour perpétue le tissage plat des "
         "tribus Zemmour, réputé pour ses rouges profonds et ses bandes serrées de motifs. "
         "Ses vingt-six membres travaillent sur de grands métiers "
         "verticaux installés dans un local prêté par la commune. "
         "Rkia El Ghazi, la présidente, tient à ce que chaque kilim porte "
         "un petit motif propre à sa tisserande, comme une signature. "
         "La coopérative confectionne aussi des coussins en kilim et en soie de cactus.",
         "تواصل تعاونية نور زمور، التي يوجد مقرها بالخميسات، تقاليد النسيج المسطح "
         "لدى قبائل زمور، المعروف بألوانه الحمراء القانية وأشرطته الكثيفة بالزخارف. "
         "تعمل عضواتها الست والعشرون على مناسج عمودية كبيرة داخل مقر وضعته الجماعة رهن إشارتهن. "
         "وتحرص الرئيسة رقية الغازي على أن يحمل كل حنبل زخرفة صغيرة خاصة بنسّاجته كأنها توقيع. "
         "كما تصنع التعاونية وسائد من الحنبل ومن حرير الصبار.",
         "Based in Khémisset, the Nour Zemmour cooperative carries on the flat-weaving "
         "of the Zemmour tribes, known for its deep reds and tight bands of pattern. "
         "Its twenty-six members work on large upright looms in premises lent by the municipality. "
         "Rkia El Ghazi, its president, insists that every kilim "
         "carries a small motif unique to its weaver, like a signature. "
         "The cooperative also makes kilim and cactus-silk cushions."),
        labels=["cooperative", "femmes-artisanes", "label-qualite"]),
    _artisan(
        "zahra-bensaid", "Zahra Bensaïd", "MONO_ARTISAN", "oriental", "Oujda",
        ["tapis-textiles"], ("Zahra", "Bensaïd"), "+212667304518", "0.12", 105,
        ("Zahra Bensaïd est née à Tendrara, sur les hauts plateaux où les Beni Guil élèvent leurs moutons. "
         "Installée à Oujda depuis son mariage, elle a transformé une "
         "pièce de sa maison en atelier et y tisse avec sa fille Imane. "
         "Ses tapis épais, presque sans motif, mettent en valeur la laine lustrée de la race Beni Guil. "
         "Elle vend en ligne pour la première fois : son dossier est en cours de vérification.",
         "وُلدت زهرة بنسعيد في تندرارة، على الهضاب العليا حيث يربي بنو كيل أغنامهم. "
         "واستقرت في وجدة منذ زواجها، فحوّلت غرفة من بيتها إلى ورشة تنسج فيها رفقة ابنتها إيمان. "
         "وتُبرز زرابيها السميكة، شبه الخالية من الزخارف، صوفَ سلالة بني كيل اللامع. "
         "وهي تبيع عبر الإنترنت لأول مرة، وملفها قيد التحقق.",
         "Zahra Bensaïd was born in Tendrara, on the high plateaus where the Beni Guil raise their sheep. "
         "Settled in Oujda since her marriage, she turned a room of her "
         "house into a workshop where she weaves with her daughter Imane. "
         "Her thick, almost unpatterned rugs show off the lustrous wool of the Beni Guil breed. "
         "She is selling online for the first time: her application is being verified."),
        labels=[], verification="PENDING"),
    _artisan(
        "cooperative-ennakhil", "Coopérative Ennakhil", "COOPERATIVE", "oriental", "Figuig",
        ["vannerie"], ("Mimouna", "Belhaj"), "+212650287461", "0.09", 106,
        ("Dans l'oasis de Figuig, à quelques kilomètres de la frontière, les femmes de la "
         "coopérative Ennakhil (« les palmiers ») tressent les palmes de dattier depuis l'enfance. "
         "Les folioles sont récoltées lors de la taille des palmiers, "
         "blanchies au soleil puis parfois teintes au henné ou à l'indigo. "
         "Les corbeilles servaient autrefois à conserver les dattes et le grain dans les ksour. "
         "Créée en 2014, la coopérative compte trente-deux membres répartis dans quatre ksour.",
         "في واحة فجيج، على بعد كيلومترات من الحدود، تضفر نساء تعاونية النخيل سعف التمر منذ طفولتهن. "
         "تُجنى الوريقات أثناء تقليم النخيل، وتُبيَّض تحت الشمس ثم تُصبغ أحيانًا بالحناء أو النيلة. "
         "وكانت السلال تُستعمل قديمًا لحفظ التمر والحبوب في القصور. "
         "وتضم التعاونية، التي تأسست سنة 2014، اثنتين وثلاثين عضوة موزعات على أربعة قصور.",
         "In the oasis of Figuig, a few kilometres from the border, the women of the Ennakhil "
         "('the palm trees') cooperative have plaited date palm leaves since childhood. "
         "The leaflets are gathered when the palms are pruned, "
         "bleached in the sun and sometimes dyed with henna or indigo. "
         "The baskets were once used to store dates and grain in the ksour. "
         "Founded in 2014, the cooperative has thirty-two members spread across four ksour."),
        labels=["cooperative", "femmes-artisanes", "commerce-equitable"]),
    _artisan(
        "poterie-serghini", "Poterie Serghini", "PME", "marrakech-safi", "Safi",
        ["poterie-ceramique"], ("Abdellah", "Serghini"), "+212661093728", "0.13", 107,
        ("L'atelier Serghini est installé depuis quatre générations "
         "sur la colline des potiers de Safi, face à l'océan. "
         "L'argile rouge est extraite à quelques kilomètres, foulée "
         "aux pieds puis tournée par Abdellah et ses deux fils. "
         "Le décor est peint à main levée par une équipe de six peintres, "
         "avant une seconde cuisson dans le four à bois familial. "
         "L'entreprise emploie aujourd'hui dix-huit personnes et exporte vers l'Europe depuis 2018.",
         "تستقر ورشة السرغيني منذ أربعة أجيال على تل الفخارين بآسفي، قبالة المحيط. "
         "يُستخرج الطين الأحمر على بعد كيلومترات قليلة، ويُعجن بالأقدام ثم يُشكَّل على الدولاب بيد عبد الله وابنيه. "
         "ويرسم فريق من ستة رسامين الزخارف بيد حرة قبل طهي ثانٍ في فرن الحطب العائلي. "
         "وتشغّل المقاولة اليوم ثمانية عشر شخصًا وتصدّر نحو أوروبا منذ 2018.",
         "The Serghini workshop has stood on Safi's potters' hill, facing the ocean, for four generations. "
         "The red clay is dug a few kilometres away, trodden underfoot and thrown by Abdellah and his two sons. "
         "The decoration is painted freehand by a team of six "
         "painters before a second firing in the family's wood kiln. "
         "The business now employs eighteen people and has exported to Europe since 2018."),
        labels=["label-qualite", "expo-artisan-2025"], languages=("ar", "fr", "en")),
    _artisan(
        "faiencerie-bennani", "Faïencerie Bennani", "PME", "fes-meknes", "Fès",
        ["poterie-ceramique", "zellige"], ("Hamza", "Bennani"), "+212663847120", "0.13", 108,
        ("Dans le quartier d'Aïn Nokbi, à l'est de la médina de Fès, la faïencerie "
         "Bennani fabrique depuis 1952 la céramique au célèbre bleu de cobalt. "
         "Hamza Bennani, petit-fils du fondateur, a repris l'atelier après "
         "des études d'ingénieur et y a installé un four à gaz moins polluant. "
         "L'atelier produit aussi des panneaux de zellige, taillés par "
         "trois maâlems formés à l'école des arts traditionnels de Fès. "
         "Chaque pièce porte au revers le poinçon de l'atelier.",
         "في حي عين النقبي شرق المدينة العتيقة بفاس، يصنع مصنع بناني للخزف منذ 1952 الخزفَ ذا الأزرق الكوبالتي الشهير. "
         "وقد تسلّم حمزة بناني، حفيد المؤسس، الورشة بعد دراسته للهندسة، وجهّزها بفرن يعمل بالغاز أقل تلويثًا. "
         "وتنتج الورشة أيضًا لوحات من الزليج يقطّعها ثلاثة معلّمين تكوّنوا في مدرسة الفنون التقليدية بفاس. "
         "وتحمل كل قطعة على ظهرها دمغة الورشة.",
         "In the Aïn Nokbi district east of the Fez medina, the Bennani "
         "pottery has made ceramics in the famous cobalt blue since 1952. "
         "Hamza Bennani, the founder's grandson, took over the workshop "
         "after training as an engineer and installed a cleaner gas kiln. "
         "The workshop also makes zellige panels, cut by three maâlems trained at the Fez school of traditional arts. "
         "Every piece bears the workshop's stamp on the back."),
        labels=["label-qualite", "expo-artisan-2026"], languages=("ar", "fr", "en")),
    _artisan(
        "cooperative-tamegroute", "Coopérative des potiers de Tamegroute", "COOPERATIVE", "draa-tafilalet",
        "Tamegroute",
        ["poterie-ceramique"], ("Mbarek", "Bourhim"), "+212666519834", "0.10", 109,
        ("À Tamegroute, au sud de Zagora, la poterie est liée depuis le XVIIe siècle "
         "à la zaouïa Naciria, dont la bibliothèque attire encore les visiteurs. "
         "Les douze potiers de la coopérative travaillent dans des "
         "ateliers semi-enterrés, creusés pour rester frais en été. "
         "Leur émail vert, obtenu à partir de cuivre et de manganèse, coule "
         "différemment à chaque cuisson dans les fours alimentés aux palmes sèches. "
         "La coopérative a obtenu en 2021 le Label qualité du ministère.",
         "في تمكروت، جنوب زاكورة، ارتبطت صناعة الفخار منذ القرن السابع "
         "عشر بالزاوية الناصرية التي ما تزال خزانتها تستقطب الزوار. "
         "ويشتغل الخزّافون الاثنا عشر في التعاونية داخل ورشات نصف مطمورة حُفرت لتبقى باردة في الصيف. "
         "أما المينا الخضراء، المستخلصة من النحاس والمنغنيز، فتنساب "
         "بشكل مختلف في كل طهية داخل أفران تُوقد بالسعف اليابس. "
         "وقد حصلت التعاونية سنة 2021 على علامة الجودة التي تمنحها الوزارة.",
         "In Tamegroute, south of Zagora, pottery has been linked since the 17th "
         "century to the Naciria zaouia, whose library still draws visitors. "
         "The cooperative's twelve potters work in half-buried workshops dug out to stay cool in summer. "
         "Their green glaze, made from copper and manganese, runs "
         "differently at every firing in kilns fuelled with dry palm fronds. "
         "In 2021 the cooperative was awarded the ministry's Quality Label."),
        labels=["cooperative", "label-qualite", "commerce-equitable"]),
    _artisan(
        "driss-lahlou", "Driss Lahlou", "MONO_ARTISAN", "fes-meknes", "Fès",
        ["zellige"], ("Driss", "Lahlou"), "+212661278405", "0.12", 110,
        ("Maâlem Driss Lahlou taille le zellige depuis l'âge de douze ans, "
         "quand il est entré comme apprenti dans un atelier de Bab Ftouh. "
         "Il travaille encore au menqach, le petit marteau tranchant avec lequel il "
         "découpe chaque tesselle selon des gabarits hérités de son propre maître. "
         "Ses panneaux ornent des riads de Fès, un hôtel à Tanger et la salle d'honneur d'une mosquée de Dakar. "
         "Il enseigne le tracé géométrique aux apprentis du centre de formation de la ville.",
         "يقطّع المعلّم إدريس لحلو الزليج منذ سن الثانية عشرة، حين التحق متعلّمًا بورشة في باب الفتوح. "
         "وما يزال يعمل بالمنقاش، تلك المطرقة الصغيرة الحادة التي يقطع بها كل قطعة وفق قوالب ورثها عن معلّمه. "
         "وتزيّن لوحاته رياضات في فاس وفندقًا في طنجة وقاعة الشرف في مسجد بداكار. "
         "كما يدرّس الرسم الهندسي لمتعلّمي مركز التكوين بالمدينة.",
         "Maâlem Driss Lahlou has been cutting zellige since he was "
         "twelve, when he started as an apprentice in a Bab Ftouh workshop. "
         "He still works with the menqach, the small sharp hammer he uses "
         "to cut each tessera from templates inherited from his own master. "
         "His panels adorn riads in Fez, a hotel in Tangier and the reception hall of a mosque in Dakar. "
         "He teaches geometric layout to apprentices at the city's training centre."),
        labels=["label-qualite", "expo-artisan-2025"]),
    _artisan(
        "zellige-bab-mansour", "Zellige Bab Mansour", "PME", "fes-meknes", "Meknès",
        ["zellige"], ("Karim", "Alaoui"), "+212664902317", "0.14", 111,
        ("Fondée en 1998 par les frères Alaoui, cette entreprise de Meknès tire son nom "
         "de la plus monumentale des portes de la ville, couverte de zellige vert et noir. "
         "Une trentaine d'artisans y façonnent les carreaux, les émaillent "
         "puis les taillent sur place, de la terre crue à la pièce posée. "
         "L'atelier s'est fait une spécialité des tables en zellige "
         "montées sur fer forgé, très demandées par les maisons d'hôtes. "
         "Karim Alaoui veille à ce que chaque apprenti suive une formation de trois ans.",
         "أسس الإخوة العلوي هذه المقاولة المكناسية سنة 1998، واستمدت "
         "اسمها من أضخم أبواب المدينة المكسو بالزليج الأخضر والأسود. "
         "ويصنع فيها نحو ثلاثين صانعًا المربعات ويطلونها بالمينا ثم "
         "يقطّعونها في عين المكان، من الطين الخام إلى القطعة المركّبة. "
         "وتخصصت الورشة في طاولات الزليج المثبتة على الحديد المطروق، التي تُقبل عليها دور الضيافة كثيرًا. "
         "ويحرص كريم العلوي على أن يتابع كل متعلّم تكوينًا مدته ثلاث سنوات.",
         "Founded in 1998 by the Alaoui brothers, this Meknes firm is named "
         "after the city's most monumental gate, clad in green and black zellige. "
         "Some thirty craftsmen shape, glaze and cut the tiles on site, from raw clay to finished piece. "
         "The workshop specialises in zellige tables on wrought-iron bases, much sought after by guesthouses. "
         "Karim Alaoui makes sure every apprentice follows a three-year training."),
        labels=["label-qualite", "expo-artisan-2026"], languages=("ar", "fr", "en")),
    _artisan(
        "maroquinerie-chouara", "Maroquinerie Chouara", "PME", "fes-meknes", "Fès",
        ["cuir"], ("Mehdi", "Berrada"), "+212662305891", "0.13", 112,
        ("À deux pas des cuves de la tannerie Chouara, la plus ancienne de Fès, l'atelier de la famille Berrada "
         "travaille des peaux tannées à l'écorce de mimosa et teintes au coquelicot, à l'indigo ou au safran. "
         "Mehdi Berrada dessine les modèles, tandis qu'une quinzaine d'artisans coupent et cousent à la main. "
         "Les poufs sont brodés par des femmes du quartier, qui travaillent chez elles "
         "et sont payées à la pièce au tarif fixé par la coopérative des brodeuses. "
         "L'atelier a réduit de moitié sa consommation d'eau depuis 2020.",
         "على بعد خطوات من أحواض دار الدباغة شوارة، أقدم دباغات فاس، تشتغل ورشة عائلة "
         "برادة بجلود مدبوغة بلحاء الميموزا ومصبوغة بشقائق النعمان أو النيلة أو الزعفران. "
         "يصمم مهدي برادة النماذج، بينما يقص نحو خمسة عشر صانعًا الجلد ويخيطونه يدويًا. "
         "وتطرّز البوفاتِ نساءٌ من الحي يعملن في بيوتهن ويتقاضين "
         "أجرهن عن كل قطعة وفق التسعيرة التي تحددها تعاونية المطرزات. "
         "وقد خفّضت الورشة استهلاكها للماء إلى النصف منذ 2020.",
         "A stone's throw from the vats of the Chouara tannery, the oldest in Fez, the Berrada "
         "family workshop works hides tanned with mimosa bark and dyed with poppy, indigo or saffron. "
         "Mehdi Berrada designs the pieces while some fifteen craftsmen cut and stitch by hand. "
         "The poufs are embroidered by women from the neighbourhood, who work from "
         "home and are paid per piece at the rate set by the embroiderers' cooperative. "
         "The workshop has halved its water use since 2020."),
        labels=["label-qualite", "expo-artisan-2025"], languages=("ar", "fr", "en")),
    _artisan(
        "youssef-amrani", "Youssef Amrani", "MONO_ARTISAN", "marrakech-safi", "Marrakech",
        ["cuir"], ("Youssef", "Amrani"), "+212669174620", "0.12", 113,
        ("Youssef Amrani tient une échoppe de deux mètres carrés dans le "
         "souk des babouchiers de Marrakech, près de la place Rahba Kedima. "
         "Fils et petit-fils de babouchier, il coupe ses empeignes au tranchet "
         "et coud les semelles à l'alène, assis en tailleur comme son père. "
         "Il propose les modèles classiques pour hommes et des couleurs plus "
         "audacieuses, safran, rose ou bleu Majorelle, très appréciées des visiteurs. "
         "Il fabrique entre douze et quinze paires par semaine.",
         "يملك يوسف العمراني دكانًا لا تتجاوز مساحته مترين مربعين في سوق البلاغجية بمراكش، قرب رحبة قديمة. "
         "وهو ابن بلاغجي وحفيد بلاغجي، يقص وجوه البلغة بالشفرة "
         "ويخيط النعال بالمخرز، جالسًا متربعًا كما كان يفعل والده. "
         "ويقترح النماذج الرجالية الكلاسيكية إلى جانب ألوان أكثر جرأة، "
         "كالزعفراني والوردي وأزرق ماجوريل، التي يحبها الزوار كثيرًا. "
         "ويصنع ما بين اثني عشر وخمسة عشر زوجًا في الأسبوع.",
         "Youssef Amrani keeps a two-square-metre stall in the "
         "babouche-makers' souk of Marrakech, near Rahba Kedima square. "
         "Son and grandson of babouche makers, he cuts his uppers with a paring knife "
         "and stitches the soles with an awl, sitting cross-legged like his father. "
         "He offers the classic men's styles alongside bolder colours, "
         "saffron, pink and Majorelle blue, which visitors love. "
         "He makes twelve to fifteen pairs a week."),
        labels=["expo-artisan-2025"], languages=("ar", "fr", "en")),
    _artisan(
        "cooperative-tighmert", "Coopérative Tighmert", "COOPERATIVE", "guelmim-oued-noun", "Guelmim",
        ["cuir"], ("Mbarka", "El Bouhali"), "+212652806173", "0.10", 114,
        ("Dans l'oasis de Tighmert, près de Guelmim, porte du Sahara, les femmes "
         "de la coopérative perpétuent le travail du cuir des grandes caravanes. "
         "Elles tannent les peaux de chèvre avec des gousses d'acacia, puis les "
         "teignent et les décorent de motifs incisés ou brodés de fines lanières. "
         "Jadis, sacs et coussins de cuir accompagnaient les familles nomades lors des transhumances. "
         "La coopérative vend aussi ses pièces au moussem annuel de Guelmim, l'ancienne foire aux chameaux.",
         "في واحة تغمرت قرب كلميم، باب الصحراء، تواصل نساء التعاونية صناعة الجلد التي عرفتها القوافل الكبرى. "
         "يدبغن جلود الماعز بقرون الطلح، ثم يصبغنها ويزيّنّها بنقوش محفورة أو مطرزة بسيور رفيعة. "
         "وكانت الحقائب والوسائد الجلدية ترافق قديمًا الأسر الرحّالة في تنقلاتها. "
         "كما تبيع التعاونية قطعها في الموسم السنوي لكلميم، سوق الإبل القديم.",
         "In the oasis of Tighmert near Guelmim, the gateway to the Sahara, the "
         "cooperative's women keep alive the leatherwork of the great caravans. "
         "They tan goatskins with acacia pods, then dye them and decorate "
         "them with incised patterns or embroidery in fine thongs. "
         "Leather bags and cushions once travelled with nomad families on their seasonal migrations. "
         "The cooperative also sells at Guelmim's annual moussem, the old camel fair."),
        labels=["cooperative", "femmes-artisanes", "commerce-equitable"]),
    _artisan(
        "cooperative-sakia-el-hamra", "Coopérative Sakia El Hamra", "COOPERATIVE", "laayoune-sakia-el-hamra",
        "Laâyoune",
        ["cuir", "bijoux"], ("Ghalia", "Bouh"), "+212653417092", "0.10", 115,
        ("Créée en 2016 à Laâyoune par des femmes issues de familles nomades, la coopérative "
         "Sakia El Hamra marie deux savoir-faire sahraouis : le cuir décoré et la parure d'argent. "
         "Les artisanes reprennent les motifs des coffres et des sacs de tente de "
         "leurs grands-mères, qu'elles ont relevés au crayon dans un carnet commun. "
         "Les bijoux, montés avec des perles d'ébène, de verre et "
         "d'argent, s'inspirent des parures portées lors des mariages. "
         "La coopérative partage ses locaux avec une garderie pour les enfants des membres.",
         "أسست نساء ينحدرن من أسر رحّالة تعاونيةَ الساقية الحمراء بالعيون سنة "
         "2016، وهي تجمع بين مهارتين صحراويتين: الجلد المزخرف والحلي الفضية. "
         "تستعيد الحرفيات زخارف صناديق جداتهن وحقائب خيامهن، بعد أن نقلنها بالقلم في دفتر مشترك. "
         "أما الحلي، المنظومة بخرز الأبنوس والزجاج والفضة، فمستوحاة من زينة الأعراس. "
         "وتتقاسم التعاونية مقرها مع روض لأطفال العضوات.",
         "Founded in Laâyoune in 2016 by women from nomad families, the Sakia El Hamra "
         "cooperative combines two Sahrawi skills: decorated leather and silver adornment. "
         "The artisans revive the motifs of their grandmothers' chests and "
         "tent bags, which they have traced in pencil into a shared notebook. "
         "The jewellery, strung with ebony, glass and silver beads, is inspired by wedding finery. "
         "The cooperative shares its premises with a nursery for members' children."),
        labels=["cooperative", "femmes-artisanes"]),
    _artisan(
        "cooperative-oued-eddahab", "Coopérative Oued Eddahab", "COOPERATIVE", "dakhla-oued-ed-dahab", "Dakhla",
        ["tapis-textiles", "cuir"], ("Mahjouba", "Lemrabet"), "+212654290781", "0.09", 116,
        ("À Dakhla, entre lagune et désert, la coopérative Oued Eddahab réunit des femmes qui tissent encore "
         "le flij, les longues bandes de poil de chameau et de chèvre qui forment la khaïma, la tente nomade. "
         "Elles ont adapté ce tissage robuste à des kilims et à des coussins, "
         "et cousent aussi des poufs en cuir à la manière sahraouie. "
         "Les matières premières viennent des éleveurs de la région d'Aousserd. "
         "Créée en 2023, la coopérative finalise son dossier de vérification sur Maalem.",
         "في الداخلة، بين البحيرة والصحراء، تجمع تعاونية وادي الذهب نساءً ما زلن ينسجن "
         "«الفليج»، أي الأشرطة الطويلة من وبر الإبل وشعر الماعز التي تتكون منها الخيمة. "
         "وقد كيّفن هذا النسيج المتين لصنع الحنابل والوسائد، كما يخطن بوفات جلدية على الطريقة الصحراوية. "
         "وتأتي المواد الأولية من مربي الماشية في منطقة أوسرد. "
         "وتستكمل التعاونية، التي تأسست سنة 2023، ملف التحقق الخاص بها على منصة معلّم.",
         "In Dakhla, between lagoon and desert, the Oued Eddahab cooperative brings together women who "
         "still weave flij, the long bands of camel and goat hair that make up the khaima, the nomad tent. "
         "They have adapted this sturdy weave into kilims and "
         "cushions, and also sew leather poufs in the Sahrawi manner. "
         "The raw materials come from herders in the Aousserd area. "
         "Founded in 2023, the cooperative is completing its verification on Maalem."),
        labels=["cooperative", "femmes-artisanes"], verification="PENDING"),
    _artisan(
        "bijouterie-ait-baamrane", "Bijouterie Aït Baamrane", "PME", "souss-massa", "Tiznit",
        ["bijoux"], ("Brahim", "Ouchaou"), "+212661630548", "0.14", 117,
        ("Tiznit est depuis des siècles la capitale de l'argent du Souss, et la "
         "bijouterie Aït Baamrane y travaille près de la grande place du Méchouar. "
         "Brahim Ouchaou, troisième génération de bijoutiers, emploie huit artisans qui maîtrisent "
         "le filigrane, la ciselure, le nielle et l'émail vert et jaune typique de la région. "
         "Les modèles reprennent les fibules, les colliers tazra et "
         "les bracelets des tribus Aït Baamrane et Ida Ou Semlal. "
         "L'atelier a reçu le Label qualité et expose chaque année à Marrakech.",
         "تُعدّ تزنيت منذ قرون عاصمة الفضة في سوس، وتشتغل فيها مجوهرات آيت باعمران قرب ساحة المشور الكبرى. "
         "ويشغّل إبراهيم أوشاو، وهو من الجيل الثالث من الصاغة، ثمانية صناع يتقنون "
         "التشبيك والنقش بالإزميل والنيلو والمينا الخضراء والصفراء المميزة للمنطقة. "
         "وتستعيد النماذج الخلالات وقلائد «تازرا» وأساور قبائل آيت باعمران وإداوسملال. "
         "وقد نالت الورشة علامة الجودة وتعرض منتجاتها كل سنة في مراكش.",
         "Tiznit has been the silver capital of the Souss for centuries, and the "
         "Aït Baamrane jewellery workshop stands near its great Méchouar square. "
         "Brahim Ouchaou, a third-generation jeweller, employs eight craftsmen skilled in "
         "filigree, chasing, niello and the green and yellow enamel typical of the region. "
         "The designs revive the fibulae, tazra necklaces and bracelets of the Aït Baamrane and Ida Ou Semlal tribes. "
         "The workshop holds the Quality Label and exhibits in Marrakech every year."),
        labels=["label-qualite", "expo-artisan-2025", "expo-artisan-2026"], languages=("ar", "fr", "en")),
    _artisan(
        "cooperative-tafoukt", "Coopérative Tafoukt", "COOPERATIVE", "souss-massa", "Aït Baha",
        ["vannerie", "bijoux"], ("Khadija", "Aït Oufkir"), "+212658713240", "0.09", 118,
        ("Au cœur de l'arganeraie d'Aït Baha, les femmes de la coopérative Tafoukt (« "
         "soleil » en tamazight) ont longtemps vécu du concassage des noix d'argan. "
         "Depuis 2017, elles ont ajouté à leur activité la vannerie en palmier doum, "
         "qui pousse en abondance sur les collines, et l'enfilage de colliers d'ambre. "
         "Le travail suit la saison de l'argan : on tresse l'été, on enfile les perles l'hiver. "
         "Les bénéfices ont permis d'acheter un minibus qui conduit les filles des membres au collège.",
         "في قلب غابة الأركان بآيت باها، عاشت نساء تعاونية تافوكت («الشمس» بالأمازيغية) طويلًا من تكسير ثمار الأركان. "
         "ومنذ 2017، أضفن إلى نشاطهن ضفر سعف الدوم الذي ينبت بوفرة على التلال، ونظم قلائد العنبر. "
         "ويُنظَّم العمل حسب موسم الأركان: يضفرن في الصيف وينظمن الخرز في الشتاء. "
         "وقد مكّنت الأرباح من شراء حافلة صغيرة تنقل بنات العضوات إلى الإعدادية.",
         "In the heart of the Aït Baha argan forest, the women of the Tafoukt "
         "('sun' in Tamazight) cooperative long lived from cracking argan nuts. "
         "Since 2017 they have added basketry in doum palm, which grows "
         "abundantly on the hills, and the stringing of amber necklaces. "
         "Work follows the argan season: plaiting in summer, beading in winter. "
         "The profits paid for a minibus that takes members' daughters to secondary school."),
        labels=["cooperative", "femmes-artisanes", "commerce-equitable", "expo-artisan-2026"]),
    _artisan(
        "abdellah-ait-lhaj", "Abdellah Aït Lhaj", "MONO_ARTISAN", "marrakech-safi", "Essaouira",
        ["bois"], ("Abdellah", "Aït Lhaj"), "+212662489017", "0.12", 119,
        ("Abdellah Aït Lhaj travaille le thuya dans l'une des voûtes de la Skala "
         "d'Essaouira, les anciens magasins d'artillerie adossés aux remparts. "
         "Il achète la loupe de thuya auprès des coopératives forestières "
         "autorisées, car l'arbre est protégé et chaque souche est précieuse. "
         "Formé par son oncle, il est l'un des derniers à pratiquer "
         "la marqueterie fine de citronnier, d'ébène et de nacre. "
         "Son atelier embaume le bois résineux jusque dans la ruelle.",
         "يشتغل عبد الله آيت الحاج بخشب العرعار في أحد أقبية سقالة "
         "الصويرة، مخازن المدفعية القديمة المستندة إلى الأسوار. "
         "ويقتني جذور العرعار من التعاونيات الغابوية المرخّصة، لأن الشجرة محمية وكل جذع منها ثمين. "
         "وقد تكوّن على يد عمه، وهو من آخر من يتقنون التطعيم الدقيق بخشب الليمون والأبنوس والصدف. "
         "وتفوح رائحة الخشب الراتنجي من ورشته حتى الزقاق.",
         "Abdellah Aït Lhaj works thuya in one of the vaults of the Skala "
         "in Essaouira, the old artillery stores built against the ramparts. "
         "He buys thuya burl from licensed forestry cooperatives, "
         "since the tree is protected and every stump is precious. "
         "Trained by his uncle, he is one of the last to practise "
         "fine marquetry in lemonwood, ebony and mother-of-pearl. "
         "His workshop fills the alley with the scent of resinous wood."),
        labels=["label-qualite", "expo-artisan-2025"], languages=("ar", "fr", "en")),
    _artisan(
        "cooperative-arz-azrou", "Coopérative Arz Azrou", "COOPERATIVE", "fes-meknes", "Azrou",
        ["bois"], ("Mohamed", "Amhaouch"), "+212667935402", "0.11", 120,
        ("Au pied de la forêt de cèdres de l'Atlas, entre Azrou et Ifrane, la "
         "coopérative Arz (« cèdre » en arabe) réunit quatorze menuisiers et sculpteurs. "
         "Ils ne travaillent que du bois issu des coupes sanitaires "
         "contrôlées par les Eaux et Forêts, séché deux ans sous abri. "
         "Les pièces sont tournées, sculptées puis parfois peintes au zouak par Naïma, la seule femme de l'atelier. "
         "La coopérative participe au programme de replantation de cèdres de la province d'Ifrane.",
         "عند سفح غابة أرز الأطلس، بين أزرو وإفران، تجمع تعاونية أرز أربعة عشر نجارًا ونحّاتًا. "
         "ولا يشتغلون إلا بالخشب الناتج عن عمليات القطع الصحي التي تراقبها المياه والغابات، بعد تجفيفه سنتين تحت سقف. "
         "وتُخرط القطع وتُنحت ثم تُزوَّق أحيانًا على يد نعيمة، المرأة الوحيدة في الورشة. "
         "وتشارك التعاونية في برنامج إعادة تشجير الأرز بإقليم إفران.",
         "At the foot of the Atlas cedar forest, between Azrou and Ifrane, the Arz "
         "('cedar' in Arabic) cooperative brings together fourteen joiners and carvers. "
         "They work only with wood from sanitary felling supervised by "
         "the forestry service, air-dried under cover for two years. "
         "The pieces are turned, carved and sometimes painted in zouak by Naïma, the only woman in the workshop. "
         "The cooperative takes part in the cedar replanting programme of Ifrane province."),
        labels=["cooperative", "label-qualite"]),
    _artisan(
        "mohamed-ouhammou", "Mohamed Ouhammou", "MONO_ARTISAN", "beni-mellal-khenifra", "Khénifra",
        ["bois"], ("Mohamed", "Ouhammou"), "+212660148396", "0.12", 121,
        ("Mohamed Ouhammou a grandi dans un village zayane des environs de "
         "Khénifra, où son père fabriquait les coffres de mariage en cèdre. "
         "Après vingt ans comme menuisier à Casablanca, il est revenu au pays pour reprendre l'établi familial. "
         "Il sculpte à la main des boîtes et des coupes ornées des motifs des tapis zayanes de sa mère. "
         "Il a rejoint Maalem en 2026 et son dossier est en cours d'examen par la direction régionale de l'artisanat.",
         "نشأ محمد أوحمو في قرية زيانية بضواحي خنيفرة، حيث كان والده يصنع صناديق العرس من خشب الأرز. "
         "وبعد عشرين سنة من العمل نجارًا في الدار البيضاء، عاد إلى بلدته ليستأنف العمل على منضدة العائلة. "
         "وينحت يدويًا علبًا وصحونًا تحمل زخارف زرابي والدته الزيانية. "
         "وقد انضم إلى منصة معلّم سنة 2026، وملفه قيد الدراسة لدى المديرية الجهوية للصناعة التقليدية.",
         "Mohamed Ouhammou grew up in a Zayane village near Khénifra, where his father made cedar wedding chests. "
         "After twenty years as a joiner in Casablanca, he came home to take over the family workbench. "
         "He hand-carves boxes and dishes with the motifs of his mother's Zayane rugs. "
         "He joined Maalem in 2026 and his application is being reviewed by the regional crafts directorate."),
        labels=[], verification="PENDING"),
    _artisan(
        "dinanderie-mouassine", "Dinanderie Mouassine", "PME", "marrakech-safi", "Marrakech",
        ["cuivre-luminaires"], ("Hicham", "Belkadi"), "+212661907254", "0.15", 122,
        ("Dans une ruelle du quartier Mouassine, à Marrakech, l'atelier fondé "
         "par Si Ahmed Belkadi en 1979 fait résonner le métal du matin au soir. "
         "Son fils Hicham y dirige onze dinandiers qui découpent, "
         "ciselent et soudent le laiton à la main, sans découpe laser. "
         "Les lanternes de l'atelier éclairent des riads, des restaurants et même le hall d'un hôtel à Dubaï. "
         "Chaque apprenti commence par deux ans de ciselure sur de "
         "petits photophores avant de toucher aux grandes pièces.",
         "في زقاق من حي المواسين بمراكش، يتردد صدى المعدن من الصباح "
         "إلى المساء في الورشة التي أسسها سي أحمد بلقاضي سنة 1979. "
         "ويدير فيها ابنه هشام أحد عشر صانعًا يقطّعون النحاس الأصفر وينقشونه ويلحمونه يدويًا، دون قطع بالليزر. "
         "وتضيء فوانيس الورشة رياضات ومطاعم، بل وبهو فندق في دبي. "
         "ويبدأ كل متعلّم بسنتين من النقش على حوامل شموع صغيرة قبل أن يلمس القطع الكبيرة.",
         "In an alley of the Mouassine quarter of Marrakech, the workshop founded "
         "by Si Ahmed Belkadi in 1979 rings with metal from morning to night. "
         "His son Hicham now leads eleven metalworkers who cut, chase and solder brass by hand, with no laser cutting. "
         "The workshop's lanterns light riads, restaurants and even a hotel lobby in Dubai. "
         "Every apprentice starts with two years chasing small candle lanterns before touching the large pieces."),
        labels=["label-qualite", "expo-artisan-2025", "expo-artisan-2026"], languages=("ar", "fr", "en")),
    _artisan(
        "hassan-tazi", "Hassan Tazi", "MONO_ARTISAN", "fes-meknes", "Fès",
        ["cuivre-luminaires"], ("Hassan", "Tazi"), "+212665382019", "0.11", 123,
        ("Hassan Tazi martèle le cuivre sur la place Seffarine, au "
         "cœur de la médina de Fès, face à la bibliothèque Qaraouiyine. "
         "Son atelier, ouvert sur la place, appartient à sa famille depuis 1932. "
         "Il façonne à froid plateaux, bassins et aiguières, qu'il cisèle de motifs floraux appris de son père. "
         "Les clients peuvent commander un plateau gravé d'un prénom ou d'une date, livré en trois semaines.",
         "يطرق حسن التازي النحاس في ساحة الصفارين، في قلب المدينة العتيقة بفاس، قبالة خزانة القرويين. "
         "وتملك عائلته ورشته المفتوحة على الساحة منذ 1932. "
         "ويشكّل على البارد صوانيَ وطسوسًا وأباريق، ينقشها بزخارف نباتية تعلّمها من والده. "
         "ويمكن للزبناء طلب صينية منقوش عليها اسم أو تاريخ، تُسلَّم في غضون ثلاثة أسابيع.",
         "Hassan Tazi hammers copper on Seffarine square, in the "
         "heart of the Fez medina, opposite the Qaraouiyine library. "
         "His workshop, open onto the square, has belonged to his family since 1932. "
         "He cold-forms trays, basins and ewers, which he chases with floral motifs learned from his father. "
         "Customers can order a tray engraved with a name or date, delivered within three weeks."),
        labels=["label-qualite"]),
    _artisan(
        "cooperative-oulja", "Coopérative des artisans de l'Oulja", "COOPERATIVE", "rabat-sale-kenitra", "Salé",
        ["vannerie", "poterie-ceramique"], ("Saïd", "Chraïbi"), "+212663058174", "0.10", 124,
        ("Le complexe artisanal de l'Oulja, sur la rive du Bouregreg "
         "à Salé, abrite depuis des décennies potiers et vanniers. "
         "La coopérative y regroupe dix-neuf artisans qui tournent des tajines de "
         "cuisson en terre rouge et tressent le jonc et le doum en paniers et en nattes. "
         "Les tajines sont cuits dans un four collectif, rénové en 2019 pour réduire les fumées. "
         "Les visiteurs venus de Rabat peuvent voir les artisans au travail chaque matin.",
         "يحتضن المركّب الحرفي بالولجة، على ضفة أبي رقراق بسلا، منذ عقود خزّافين وصناع سلال. "
         "وتضم التعاونية هناك تسعة عشر حرفيًا يصنعون على الدولاب طواجين "
         "الطهي من الطين الأحمر، ويضفرون السمار والدوم سلالًا وحُصرًا. "
         "وتُطهى الطواجين في فرن جماعي جُدّد سنة 2019 للحد من الدخان. "
         "ويمكن للزوار القادمين من الرباط مشاهدة الحرفيين وهم يعملون كل صباح.",
         "The Oulja craft complex, on the banks of the Bouregreg in "
         "Salé, has housed potters and basket makers for decades. "
         "The cooperative there brings together nineteen craftspeople who throw "
         "red-clay cooking tagines and plait rush and doum into baskets and mats. "
         "The tagines are fired in a shared kiln, renovated in 2019 to cut smoke. "
         "Visitors from Rabat can watch the artisans at work every morning."),
        labels=["cooperative", "commerce-equitable"]),
    _artisan(
        "cooperative-nisaa-al-jabal", "Coopérative Nisaa Al Jabal", "COOPERATIVE", "tanger-tetouan-al-hoceima",
        "Tétouan",
        ["vannerie", "tapis-textiles"], ("Amina", "El Khamlichi"), "+212655903681", "0.09", 125,
        ("La coopérative Nisaa Al Jabal (« les femmes de la montagne ») rassemble "
         "à Tétouan des artisanes venues des villages jbala de la région. "
         "Elles tressent les chapeaux de paille à pompons que portent les paysannes du "
         "Rif et des Jbala les jours de marché, ainsi que des paniers en osier et en doum. "
         "Les rayures rouges et blanches de leurs tissages reprennent celles du mendil, le tablier traditionnel. "
         "La coopérative a été sélectionnée pour l'Expo artisan Marrakech 2026.",
         "تجمع تعاونية نساء الجبل بتطوان حرفيات قدمن من قرى جبالة بالمنطقة. "
         "يضفرن القبعات القشية ذات الشراشيب التي ترتديها قرويات الريف "
         "وجبالة في أيام السوق، إلى جانب سلال من أغصان الصفصاف والدوم. "
         "وتستعيد الخطوط الحمراء والبيضاء في منسوجاتهن خطوط المنديل، المئزر التقليدي. "
         "وقد وقع عليها الاختيار للمشاركة في معرض الصانع التقليدي بمراكش 2026.",
         "Based in Tétouan, the Nisaa Al Jabal ('women of the mountain') cooperative "
         "brings together artisans from the Jbala villages of the region. "
         "They plait the pompom-trimmed straw hats worn by Rif and Jbala "
         "countrywomen on market days, as well as willow and doum baskets. "
         "The red and white stripes of their weaving echo those of the mendil, the traditional apron. "
         "The cooperative has been selected for the 2026 Marrakech Artisan Expo."),
        labels=["cooperative", "femmes-artisanes", "expo-artisan-2026"]),
    _artisan(
        "cooperative-dar-trez-azemmour", "Coopérative Dar Trez Azemmour", "COOPERATIVE", "casablanca-settat",
        "Azemmour",
        ["tapis-textiles"], ("Naïma", "Chakir"), "+212668472095", "0.11", 126,
        ("Azemmour, petite ville blanche à l'embouchure de l'Oum Er-Rbia, a donné son nom à une broderie "
         "unique, où le motif est laissé en réserve et le fond entièrement rempli au fil de soie. "
         "La coopérative Dar Trez réunit vingt brodeuses qui ont appris ce "
         "point presque disparu auprès des dernières anciennes de la médina. "
         "Leurs oiseaux affrontés et leurs arbres de vie proviennent de pièces anciennes conservées dans les familles. "
         "Une housse de coussin demande jusqu'à trois semaines de travail.",
         "أعطت أزمور، المدينة البيضاء الصغيرة عند مصب نهر أم الربيع، اسمها لطرز "
         "فريد تبقى فيه الزخارف بلون القماش بينما تُملأ الخلفية كلها بخيط الحرير. "
         "وتجمع تعاونية دار الطرز عشرين مطرزة تعلّمن هذه الغرزة "
         "التي كادت تندثر على يد آخر المسنّات في المدينة العتيقة. "
         "وتُستقى زخارفهن، من طيور متقابلة وأشجار حياة، من قطع قديمة تحتفظ بها العائلات. "
         "ويتطلب غطاء الوسادة الواحد ما يصل إلى ثلاثة أسابيع من العمل.",
         "Azemmour, a small white town at the mouth of the Oum Er-Rbia, gave its name to a unique "
         "embroidery in which the motif is left in reserve and the ground entirely filled with silk thread. "
         "The Dar Trez cooperative brings together twenty embroiderers who learned this "
         "almost-vanished stitch from the last elderly practitioners of the medina. "
         "Their facing birds and trees of life come from old pieces kept in local families. "
         "A single cushion cover can take up to three weeks."),
        labels=["cooperative", "femmes-artisanes", "label-qualite"]),
]

SKU_CODES: dict[str, str] = {
    "cooperative-tifaout": "TIF",
    "fatima-ouchen": "OUC",
    "cooperative-tamazirt": "TMZ",
    "cooperative-nour-zemmour": "ZEM",
    "zahra-bensaid": "ZBS",
    "cooperative-ennakhil": "NAK",
    "poterie-serghini": "SER",
    "faiencerie-bennani": "BNN",
    "cooperative-tamegroute": "TMG",
    "driss-lahlou": "LAH",
    "zellige-bab-mansour": "BMZ",
    "maroquinerie-chouara": "CHO",
    "youssef-amrani": "AMR",
    "cooperative-tighmert": "TGM",
    "cooperative-sakia-el-hamra": "SAK",
    "cooperative-oued-eddahab": "ODB",
    "bijouterie-ait-baamrane": "ABM",
    "cooperative-tafoukt": "TFK",
    "abdellah-ait-lhaj": "ALH",
    "cooperative-arz-azrou": "ARZ",
    "mohamed-ouhammou": "OHM",
    "dinanderie-mouassine": "MOU",
    "hassan-tazi": "HTZ",
    "cooperative-oulja": "OUL",
    "cooperative-nisaa-al-jabal": "NJB",
    "cooperative-dar-trez-azemmour": "AZM",
}
