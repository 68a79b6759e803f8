//! Which column fills which field: stable keys, labels in the three languages, guessing from
//! headers, and a saved mapping with the user's own headers reused on the next file.

mod import_world;

use import_world::*;
use taawun_core::import::{Field, Mapping, SavedMapping, fields};
use taawun_core::search::normalise;
use taawun_core::*;
use taawun_i18n::{FieldLabel, guess_mapping};

#[test]
fn keys_are_stable_and_read_back() {
    let world = World::new();
    let keys: Vec<String> = fields(&world.parties)
        .iter()
        .map(|f| f.key(&world.parties))
        .collect();
    assert_eq!(
        keys,
        [
            "code",
            "title_ar",
            "title_fr",
            "title_en",
            "description_ar",
            "description_fr",
            "description_en",
            "area",
            "lead_ma",
            "lead_ml",
            "start_on",
            "due_on",
            "id",
            "version",
        ]
    );
    for f in fields(&world.parties) {
        assert_eq!(
            Field::from_key(&f.key(&world.parties), &world.parties),
            Some(f)
        );
    }
    assert_eq!(Field::from_key("lead_dz", &world.parties), None);
    assert_eq!(Field::from_key("title_de", &world.parties), None);

    // A party without an ISO code (an international organisation) is keyed by its id.
    let mut parties = world.parties.clone();
    parties[1].iso_code = None;
    let key = Field::Lead(MALI).key(&parties);
    assert_eq!(key, format!("lead_{MALI}"));
    assert_eq!(Field::from_key(&key, &parties), Some(Field::Lead(MALI)));
}

#[test]
fn labels_in_the_three_languages() {
    let world = World::new();
    let p = &world.parties;
    let cases = [
        (Field::Title(Lang::Ar), Lang::Fr, "Titre (arabe)"),
        (Field::Title(Lang::Ar), Lang::Ar, "العنوان (بالعربية)"),
        (Field::Title(Lang::En), Lang::En, "Title (English)"),
        (Field::Description(Lang::Fr), Lang::Ar, "الوصف (بالفرنسية)"),
        (Field::Lead(MALI), Lang::Fr, "Chef de file — Mali"),
        (Field::Lead(MALI), Lang::Ar, "الهيئة المكلّفة — مالي"),
        (Field::Lead(MOROCCO), Lang::En, "Lead body — Morocco"),
        (Field::Area, Lang::Ar, "مجال التعاون"),
        (Field::DueOn, Lang::Fr, "Échéance"),
        (Field::StartOn, Lang::Ar, "تاريخ البداية"),
    ];
    for (field, lang, want) in cases {
        assert_eq!(field.label(lang, p), want);
    }
}

#[test]
fn no_two_fields_share_a_name_so_guessing_is_unambiguous() {
    let world = World::new();
    let all = fields(&world.parties);
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            for la in Lang::ALL {
                for lb in Lang::ALL {
                    let (na, nb) = (a.label(la, &world.parties), b.label(lb, &world.parties));
                    assert_ne!(
                        normalise(&na),
                        normalise(&nb),
                        "{a:?} {la:?} / {b:?} {lb:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn exported_headers_of_each_language_are_guessed_fully() {
    let world = World::new();
    let all = fields(&world.parties);
    let everything = Mapping(all.iter().cloned().map(Some).collect());
    for lang in Lang::ALL {
        let headers: Vec<String> = all.iter().map(|f| f.label(lang, &world.parties)).collect();
        assert_eq!(
            guess_mapping(&headers, &world.parties, None),
            everything,
            "{lang:?}"
        );
    }
    // Keys, other case and accents, and the article all still match.
    let loose = [
        "TITLE_FR",
        "titre (francais)",
        "عنوان (بالعربية)",
        "echeance",
        "Notes",
    ]
    .map(String::from);
    assert_eq!(
        guess_mapping(&loose, &world.parties, None),
        Mapping(vec![
            Some(Field::Title(Lang::Fr)),
            None,
            Some(Field::Title(Lang::Ar)),
            Some(Field::DueOn),
            None
        ])
    );
}

#[test]
fn each_field_fills_one_column_the_first() {
    let world = World::new();
    let headers = ["Code", "code", "Date de début", "Start date"].map(String::from);
    assert_eq!(
        guess_mapping(&headers, &world.parties, None),
        Mapping(vec![Some(Field::Code), None, Some(Field::StartOn), None])
    );
}

#[test]
fn a_saved_mapping_of_the_users_own_headers_is_reused() {
    let world = World::new();
    let p = &world.parties;
    let headers = [
        "Réf.",
        "Intitulé FR",
        "Intitulé AR",
        "Domaine",
        "Pilote Maroc",
        "Pilote Mali",
        "Début",
        "Fin prévue",
        "Observations",
    ]
    .map(String::from);
    // Nothing of these headers is a label: the user maps them by hand the first time.
    assert_eq!(guess_mapping(&headers, p, None), Mapping(vec![None; 9]));
    let chosen = Mapping(vec![
        Some(Field::Code),
        Some(Field::Title(Lang::Fr)),
        Some(Field::Title(Lang::Ar)),
        Some(Field::Area),
        Some(Field::Lead(MOROCCO)),
        Some(Field::Lead(MALI)),
        Some(Field::StartOn),
        Some(Field::DueOn),
        None,
    ]);
    let saved = SavedMapping::from_mapping(&headers, &chosen, p);
    assert_eq!(
        saved.0.get("intitule fr").map(String::as_str),
        Some("title_fr")
    );
    assert_eq!(saved.0.get("debut").map(String::as_str), Some("start_on"));
    assert_eq!(saved.0.len(), 8, "the ignored column is not remembered");

    // Stored as JSON and read back, then met again on next quarter's file: other order,
    // other case and accents.
    let json = serde_json::to_string(&saved).unwrap();
    let saved: SavedMapping = serde_json::from_str(&json).unwrap();
    let next = [
        "DEBUT",
        "Observations",
        "intitule fr",
        "Pilote Mali",
        "Pilote Maroc",
        "Domaine",
        "Réf",
        "Fin prévue",
    ]
    .map(String::from);
    assert_eq!(
        guess_mapping(&next, p, Some(&saved)),
        Mapping(vec![
            Some(Field::StartOn),
            None,
            Some(Field::Title(Lang::Fr)),
            Some(Field::Lead(MALI)),
            Some(Field::Lead(MOROCCO)),
            Some(Field::Area),
            Some(Field::Code),
            Some(Field::DueOn),
        ])
    );
}

#[test]
fn a_saved_entry_wins_over_a_label() {
    let world = World::new();
    let p = &world.parties;
    // This secretariat's "Code" column holds the French title's reference, and its code is
    // in "N°": the saved choice beats the label, and the label's field is not used twice.
    let mut saved = SavedMapping::default();
    saved.0.insert("Code".into(), "description_fr".into());
    saved.0.insert("n".into(), "code".into());
    let headers = ["Code", "N°", "Titre (français)"].map(String::from);
    assert_eq!(
        guess_mapping(&headers, p, Some(&saved)),
        Mapping(vec![
            Some(Field::Description(Lang::Fr)),
            Some(Field::Code),
            Some(Field::Title(Lang::Fr))
        ])
    );
    // A saved key of another commission's party is no field here.
    saved.0.insert("pilote algerie".into(), "lead_dz".into());
    let other = ["Pilote Algérie"].map(String::from);
    assert_eq!(guess_mapping(&other, p, Some(&saved)), Mapping(vec![None]));
}
