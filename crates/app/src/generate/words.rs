//! The words the generated texts are made of, each list written in its own script: Arabic,
//! French and English side by side where a text exists in the three languages, and person
//! names in Arabic and Latin letters. The benchmark searches three of them: «تعاون» (in
//! many titles), «hydrographie» (in a handful of descriptions, see `plans.rs`) and «محمد»
//! (the commonest first name).

/// One phrase in Arabic, French and English.
pub(super) type Tri = (&'static str, &'static str, &'static str);

/// The host state: the ministry running the instance.
pub(super) const HOST: (&str, Tri, Tri) = (
    "MA",
    ("المملكة المغربية", "Royaume du Maroc", "Kingdom of Morocco"),
    ("المغرب", "Maroc", "Morocco"),
);

/// The host's cities, where its sessions and activities take place.
pub(super) const HOST_CITIES: &[Tri] = &[
    ("الرباط", "Rabat", "Rabat"),
    ("الدار البيضاء", "Casablanca", "Casablanca"),
    ("مراكش", "Marrakech", "Marrakesh"),
    ("فاس", "Fès", "Fez"),
    ("طنجة", "Tanger", "Tangier"),
    ("أكادير", "Agadir", "Agadir"),
    ("مكناس", "Meknès", "Meknes"),
    ("القنيطرة", "Kénitra", "Kenitra"),
];

/// Real partner states: ISO code, name, capital.
pub(super) const STATES: &[(&str, Tri, Tri)] = &[
    (
        "ML",
        ("مالي", "Mali", "Mali"),
        ("باماكو", "Bamako", "Bamako"),
    ),
    (
        "SN",
        ("السنغال", "Sénégal", "Senegal"),
        ("داكار", "Dakar", "Dakar"),
    ),
    (
        "CI",
        ("كوت ديفوار", "Côte d'Ivoire", "Côte d'Ivoire"),
        ("أبيدجان", "Abidjan", "Abidjan"),
    ),
    (
        "GN",
        ("غينيا", "Guinée", "Guinea"),
        ("كوناكري", "Conakry", "Conakry"),
    ),
    (
        "NE",
        ("النيجر", "Niger", "Niger"),
        ("نيامي", "Niamey", "Niamey"),
    ),
    (
        "BF",
        ("بوركينا فاسو", "Burkina Faso", "Burkina Faso"),
        ("واغادوغو", "Ouagadougou", "Ouagadougou"),
    ),
    (
        "MR",
        ("موريتانيا", "Mauritanie", "Mauritania"),
        ("نواكشوط", "Nouakchott", "Nouakchott"),
    ),
    (
        "TD",
        ("تشاد", "Tchad", "Chad"),
        ("نجامينا", "N'Djamena", "N'Djamena"),
    ),
    (
        "GA",
        ("الغابون", "Gabon", "Gabon"),
        ("ليبرفيل", "Libreville", "Libreville"),
    ),
    (
        "CM",
        ("الكاميرون", "Cameroun", "Cameroon"),
        ("ياوندي", "Yaoundé", "Yaoundé"),
    ),
    (
        "BJ",
        ("بنين", "Bénin", "Benin"),
        ("كوتونو", "Cotonou", "Cotonou"),
    ),
    ("TG", ("توغو", "Togo", "Togo"), ("لومي", "Lomé", "Lomé")),
    (
        "CG",
        ("الكونغو", "Congo", "Congo"),
        ("برازافيل", "Brazzaville", "Brazzaville"),
    ),
    (
        "RW",
        ("رواندا", "Rwanda", "Rwanda"),
        ("كيغالي", "Kigali", "Kigali"),
    ),
    (
        "NG",
        ("نيجيريا", "Nigeria", "Nigeria"),
        ("أبوجا", "Abuja", "Abuja"),
    ),
    ("GH", ("غانا", "Ghana", "Ghana"), ("أكرا", "Accra", "Accra")),
    (
        "ET",
        ("إثيوبيا", "Éthiopie", "Ethiopia"),
        ("أديس أبابا", "Addis-Abeba", "Addis Ababa"),
    ),
    (
        "KE",
        ("كينيا", "Kenya", "Kenya"),
        ("نيروبي", "Nairobi", "Nairobi"),
    ),
    (
        "EG",
        ("مصر", "Égypte", "Egypt"),
        ("القاهرة", "Le Caire", "Cairo"),
    ),
    (
        "TN",
        ("تونس", "Tunisie", "Tunisia"),
        ("تونس", "Tunis", "Tunis"),
    ),
    (
        "JO",
        ("الأردن", "Jordanie", "Jordan"),
        ("عمان", "Amman", "Amman"),
    ),
    (
        "SA",
        ("السعودية", "Arabie saoudite", "Saudi Arabia"),
        ("الرياض", "Riyad", "Riyadh"),
    ),
    (
        "AE",
        ("الإمارات", "Émirats arabes unis", "United Arab Emirates"),
        ("أبوظبي", "Abou Dabi", "Abu Dhabi"),
    ),
    ("QA", ("قطر", "Qatar", "Qatar"), ("الدوحة", "Doha", "Doha")),
    (
        "KW",
        ("الكويت", "Koweït", "Kuwait"),
        ("الكويت", "Koweït", "Kuwait City"),
    ),
    (
        "BH",
        ("البحرين", "Bahreïn", "Bahrain"),
        ("المنامة", "Manama", "Manama"),
    ),
    (
        "OM",
        ("عمان", "Oman", "Oman"),
        ("مسقط", "Mascate", "Muscat"),
    ),
    (
        "FR",
        ("فرنسا", "France", "France"),
        ("باريس", "Paris", "Paris"),
    ),
    (
        "ES",
        ("إسبانيا", "Espagne", "Spain"),
        ("مدريد", "Madrid", "Madrid"),
    ),
    (
        "PT",
        ("البرتغال", "Portugal", "Portugal"),
        ("لشبونة", "Lisbonne", "Lisbon"),
    ),
    (
        "IT",
        ("إيطاليا", "Italie", "Italy"),
        ("روما", "Rome", "Rome"),
    ),
    (
        "DE",
        ("ألمانيا", "Allemagne", "Germany"),
        ("برلين", "Berlin", "Berlin"),
    ),
    (
        "BE",
        ("بلجيكا", "Belgique", "Belgium"),
        ("بروكسل", "Bruxelles", "Brussels"),
    ),
    (
        "NL",
        ("هولندا", "Pays-Bas", "Netherlands"),
        ("أمستردام", "Amsterdam", "Amsterdam"),
    ),
    (
        "GB",
        ("المملكة المتحدة", "Royaume-Uni", "United Kingdom"),
        ("لندن", "Londres", "London"),
    ),
    (
        "US",
        ("الولايات المتحدة", "États-Unis", "United States"),
        ("واشنطن", "Washington", "Washington"),
    ),
    (
        "CA",
        ("كندا", "Canada", "Canada"),
        ("أوتاوا", "Ottawa", "Ottawa"),
    ),
    (
        "BR",
        ("البرازيل", "Brésil", "Brazil"),
        ("برازيليا", "Brasilia", "Brasília"),
    ),
    (
        "CN",
        ("الصين", "Chine", "China"),
        ("بكين", "Pékin", "Beijing"),
    ),
    (
        "JP",
        ("اليابان", "Japon", "Japan"),
        ("طوكيو", "Tokyo", "Tokyo"),
    ),
    (
        "KR",
        ("كوريا", "Corée", "Korea"),
        ("سيول", "Séoul", "Seoul"),
    ),
    (
        "IN",
        ("الهند", "Inde", "India"),
        ("نيودلهي", "New Delhi", "New Delhi"),
    ),
    (
        "TR",
        ("تركيا", "Turquie", "Türkiye"),
        ("أنقرة", "Ankara", "Ankara"),
    ),
    (
        "PK",
        ("باكستان", "Pakistan", "Pakistan"),
        ("إسلام أباد", "Islamabad", "Islamabad"),
    ),
    (
        "ID",
        ("إندونيسيا", "Indonésie", "Indonesia"),
        ("جاكرتا", "Jakarta", "Jakarta"),
    ),
    (
        "MY",
        ("ماليزيا", "Malaisie", "Malaysia"),
        ("كوالالمبور", "Kuala Lumpur", "Kuala Lumpur"),
    ),
];

/// Syllables of invented partner names (past the real states above), Latin and Arabic.
pub(super) const SYLLABLES: &[(&str, &str)] = &[
    ("ka", "كا"),
    ("la", "لا"),
    ("ma", "ما"),
    ("na", "نا"),
    ("ra", "را"),
    ("sa", "سا"),
    ("ta", "تا"),
    ("ba", "با"),
    ("da", "دا"),
    ("lo", "لو"),
    ("mo", "مو"),
    ("no", "نو"),
    ("ri", "ري"),
    ("si", "سي"),
    ("ti", "تي"),
    ("ku", "كو"),
    ("du", "دو"),
    ("bi", "بي"),
    ("za", "زا"),
    ("fa", "فا"),
];

/// A party's organisations; the first three exist in every party.
pub(super) const ORGANISATIONS: &[(Tri, &str)] = &[
    (
        (
            "وزارة الدفاع",
            "Ministère de la Défense",
            "Ministry of Defence",
        ),
        "MD",
    ),
    (
        ("الأركان العامة", "État-major général", "General Staff"),
        "EMG",
    ),
    (
        ("المدرسة العسكرية", "École militaire", "Military School"),
        "EM",
    ),
    (
        (
            "مصلحة الصحة العسكرية",
            "Service de santé des armées",
            "Military Health Service",
        ),
        "SSA",
    ),
    (
        (
            "المفتشية العامة",
            "Inspection générale",
            "General Inspectorate",
        ),
        "IG",
    ),
    (
        (
            "مديرية الهندسة العسكرية",
            "Direction du génie",
            "Engineering Directorate",
        ),
        "DG",
    ),
    (
        (
            "مديرية الإمداد",
            "Direction de la logistique",
            "Logistics Directorate",
        ),
        "DL",
    ),
    (
        ("مركز الخرائط", "Centre de cartographie", "Mapping Centre"),
        "CC",
    ),
    (
        ("الحماية المدنية", "Protection civile", "Civil Protection"),
        "PC",
    ),
    (
        ("مركز التكوين", "Centre de formation", "Training Centre"),
        "CF",
    ),
    (
        (
            "مديرية الاتصالات",
            "Direction des transmissions",
            "Signals Directorate",
        ),
        "DT",
    ),
    (
        (
            "مركز الأمن السيبراني",
            "Centre de cybersécurité",
            "Cyber Security Centre",
        ),
        "CCY",
    ),
];

/// NATO rank codes and their labels.
pub(super) const RANKS: &[(&str, Tri)] = &[
    ("OF-1", ("ملازم", "Lieutenant", "Lieutenant")),
    ("OF-2", ("نقيب", "Capitaine", "Captain")),
    ("OF-3", ("رائد", "Commandant", "Major")),
    ("OF-4", ("مقدم", "Lieutenant-colonel", "Lieutenant Colonel")),
    ("OF-5", ("عقيد", "Colonel", "Colonel")),
    ("OF-6", ("عميد", "Général de brigade", "Brigadier General")),
    ("OF-7", ("لواء", "Général de division", "Major General")),
];

/// The areas of cooperation: code and name.
pub(super) const AREAS: &[(&str, Tri)] = &[
    (
        "training",
        (
            "التكوين العسكري",
            "formation militaire",
            "military training",
        ),
    ),
    (
        "health",
        ("الصحة العسكرية", "santé militaire", "military health"),
    ),
    (
        "mapping",
        ("الخرائط والمسح", "cartographie", "mapping and survey"),
    ),
    ("logistics", ("الإمداد", "logistique", "logistics")),
    (
        "cyber",
        ("الأمن السيبراني", "cybersécurité", "cyber security"),
    ),
    (
        "engineering",
        (
            "الهندسة العسكرية",
            "génie militaire",
            "military engineering",
        ),
    ),
    (
        "demining",
        (
            "نزع الألغام",
            "déminage humanitaire",
            "humanitarian demining",
        ),
    ),
    (
        "civil-protection",
        ("الحماية المدنية", "protection civile", "civil protection"),
    ),
    (
        "search-rescue",
        (
            "البحث والإنقاذ",
            "recherche et sauvetage",
            "search and rescue",
        ),
    ),
    (
        "education",
        (
            "التعليم العسكري",
            "enseignement militaire",
            "military education",
        ),
    ),
    (
        "counter-terrorism",
        (
            "مكافحة الإرهاب",
            "lutte contre le terrorisme",
            "counter-terrorism",
        ),
    ),
    (
        "maritime",
        ("الأمن البحري", "sécurité maritime", "maritime security"),
    ),
];

/// What an action item does (a verb)…
pub(super) const ACTIONS: &[Tri] = &[
    ("تعزيز", "Renforcer", "Strengthen"),
    ("تطوير", "Développer", "Develop"),
    ("تنظيم", "Organiser", "Organise"),
    ("إعداد", "Préparer", "Prepare"),
    ("تبادل", "Échanger", "Exchange"),
    ("إنشاء", "Mettre en place", "Establish"),
    ("دعم", "Soutenir", "Support"),
    ("تحديث", "Moderniser", "Modernise"),
    ("تقييم", "Évaluer", "Assess"),
    ("متابعة", "Suivre", "Monitor"),
];

/// …and on what. The first object holds the common Arabic word of the benchmark.
pub(super) const OBJECTS: &[Tri] = &[
    (
        "التعاون الثنائي",
        "la coopération bilatérale",
        "bilateral cooperation",
    ),
    ("القدرات", "les capacités", "capacities"),
    ("الخبرات", "l'expertise", "expertise"),
    (
        "برامج التكوين",
        "les programmes de formation",
        "training programmes",
    ),
    ("الدورات التدريبية", "les stages", "courses"),
    ("الزيارات الدراسية", "les visites d'étude", "study visits"),
    ("المعدات", "les équipements", "equipment"),
    (
        "الوثائق المرجعية",
        "la documentation de référence",
        "reference documentation",
    ),
    (
        "الإجراءات المشتركة",
        "les procédures communes",
        "joint procedures",
    ),
    ("الشراكة", "le partenariat", "partnership"),
    ("البنية التحتية", "les infrastructures", "infrastructure"),
    (
        "التمارين المشتركة",
        "les exercices conjoints",
        "joint exercises",
    ),
];

/// Sentences of descriptions, progress narratives and clause texts.
pub(super) const SENTENCES: &[Tri] = &[
    (
        "يتم التنفيذ وفق الجدول المتفق عليه بين الطرفين.",
        "La mise en œuvre suit le calendrier convenu entre les parties.",
        "Implementation follows the schedule agreed between the parties.",
    ),
    (
        "عقد اجتماع تنسيقي لتحديد الاحتياجات.",
        "Une réunion de coordination a précisé les besoins.",
        "A coordination meeting set out the needs.",
    ),
    (
        "تم تعيين نقاط الاتصال لدى كل طرف.",
        "Les points de contact de chaque partie ont été désignés.",
        "Each party has named its points of contact.",
    ),
    (
        "تأخر التنفيذ بسبب إجراءات إدارية.",
        "L'exécution a pris du retard pour des raisons administratives.",
        "Implementation was delayed by administrative procedures.",
    ),
    (
        "تم إنجاز المرحلة الأولى بنجاح.",
        "La première phase a été menée à bien.",
        "The first phase was completed successfully.",
    ),
    (
        "يلتزم الطرفان بتبادل المعلومات في إطار التعاون.",
        "Les parties s'engagent à échanger les informations utiles.",
        "The parties undertake to exchange relevant information.",
    ),
    (
        "تتحمل الجهة المستضيفة تكاليف الإقامة.",
        "La partie hôte prend en charge les frais de séjour.",
        "The host party bears the cost of accommodation.",
    ),
    (
        "يتم تقييم النتائج في الدورة المقبلة للجنة.",
        "Les résultats seront évalués à la prochaine session de la commission.",
        "Results will be assessed at the commission's next session.",
    ),
];

/// A few descriptions name a rare French word, which the benchmark searches.
pub(super) const RARE: Tri = (
    "إنجاز مسح بحري للسواحل.",
    "Réaliser des levés d'hydrographie côtière.",
    "Carry out coastal hydrographic surveys.",
);

/// Headings of an agreement's articles.
pub(super) const HEADINGS: &[Tri] = &[
    ("الهدف", "Objet", "Purpose"),
    (
        "مجالات التعاون",
        "Domaines de coopération",
        "Areas of cooperation",
    ),
    (
        "أشكال التعاون",
        "Formes de coopération",
        "Forms of cooperation",
    ),
    ("اللجنة المشتركة", "Commission mixte", "Joint commission"),
    ("التمويل", "Financement", "Funding"),
    (
        "حماية المعلومات",
        "Protection des informations",
        "Protection of information",
    ),
    (
        "الوضع القانوني للأفراد",
        "Statut des personnels",
        "Status of personnel",
    ),
    (
        "تسوية الخلافات",
        "Règlement des différends",
        "Settlement of disputes",
    ),
    ("التعديل", "Amendement", "Amendment"),
    (
        "الدخول حيز التنفيذ",
        "Entrée en vigueur",
        "Entry into force",
    ),
];

/// Kinds of agreement as titles begin.
pub(super) const AGREEMENT_TITLES: &[Tri] = &[
    (
        "مذكرة تفاهم في مجال",
        "Mémorandum d'entente dans le domaine de la",
        "Memorandum of understanding on",
    ),
    (
        "اتفاقية تعاون في مجال",
        "Accord de coopération en matière de",
        "Cooperation agreement on",
    ),
    (
        "بروتوكول تعاون في مجال",
        "Protocole de coopération relatif à la",
        "Cooperation protocol on",
    ),
    (
        "خارطة طريق في مجال",
        "Feuille de route pour la",
        "Roadmap for",
    ),
    (
        "اتفاقية في مجال",
        "Convention relative à la",
        "Convention on",
    ),
];

/// What the delegates of a session are, by function.
pub(super) const FUNCTIONS: &[Tri] = &[
    (
        "رئيس قسم التعاون",
        "Chef de la division de la coopération",
        "Head of the cooperation division",
    ),
    ("مستشار", "Conseiller", "Adviser"),
    ("ضابط اتصال", "Officier de liaison", "Liaison officer"),
    ("مدير", "Directeur", "Director"),
    ("خبير", "Expert", "Expert"),
    ("ملحق عسكري", "Attaché de défense", "Defence attaché"),
];

/// First names, Arabic and Latin, with the Latin spellings people also use. «محمد» comes
/// first and is drawn far more often than the others.
pub(super) const FIRST_NAMES: &[(&str, &str, &[&str])] = &[
    ("محمد", "Mohamed", &["Mohammed", "Muhammad", "Mahamadou"]),
    ("أحمد", "Ahmed", &["Ahmad"]),
    ("يوسف", "Youssef", &["Yusuf"]),
    ("عبد الله", "Abdellah", &["Abdallah"]),
    ("عمر", "Omar", &[]),
    ("حسن", "Hassan", &["Hasan"]),
    ("إبراهيم", "Brahim", &["Ibrahim"]),
    ("خالد", "Khalid", &["Khaled"]),
    ("سعيد", "Said", &["Saïd"]),
    ("رشيد", "Rachid", &["Rashid"]),
    ("مصطفى", "Mustapha", &["Moustapha"]),
    ("عثمان", "Ousmane", &["Othmane"]),
    ("فاطمة", "Fatima", &["Fatoumata"]),
    ("خديجة", "Khadija", &[]),
    ("مريم", "Meryem", &["Mariam"]),
    ("نادية", "Nadia", &[]),
    ("سلمى", "Salma", &[]),
    ("أمينة", "Amina", &["Aminata"]),
];

/// Family names, Arabic and Latin.
pub(super) const FAMILY_NAMES: &[(&str, &str)] = &[
    ("العلوي", "Alaoui"),
    ("بناني", "Bennani"),
    ("التازي", "Tazi"),
    ("الإدريسي", "Idrissi"),
    ("الفاسي", "El Fassi"),
    ("برادة", "Berrada"),
    ("الشرقاوي", "Cherkaoui"),
    ("المنصوري", "Mansouri"),
    ("الزياني", "Ziani"),
    ("القادري", "Kadiri"),
    ("ديالو", "Diallo"),
    ("تراوري", "Traoré"),
    ("كوليبالي", "Coulibaly"),
    ("كامارا", "Camara"),
    ("سيسي", "Cissé"),
    ("ندياي", "Ndiaye"),
    ("كيتا", "Keïta"),
    ("توري", "Touré"),
    ("سانغاري", "Sangaré"),
    ("بلحاج", "Belhaj"),
];
