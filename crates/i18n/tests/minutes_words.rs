//! The minutes' wording as a secretariat officer would proofread it: ordinals in words,
//! articles before state names, dates in prose and the closing formula.

use chrono::NaiveDate;
use taawun_core::Lang;
use taawun_i18n::minutes::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn session_ordinals_are_written_as_each_language_writes_them() {
    let cases = [
        (1, "1re session", "1st session", "الدورة الأولى"),
        (2, "2e session", "2nd session", "الدورة الثانية"),
        (3, "3e session", "3rd session", "الدورة الثالثة"),
        (10, "10e session", "10th session", "الدورة العاشرة"),
        (11, "11e session", "11th session", "الدورة الحادية عشرة"),
        (12, "12e session", "12th session", "الدورة الثانية عشرة"),
        (13, "13e session", "13th session", "الدورة الثالثة عشرة"),
        (20, "20e session", "20th session", "الدورة العشرون"),
        (21, "21e session", "21st session", "الدورة الحادية والعشرون"),
        (42, "42e session", "42nd session", "الدورة الثانية والأربعون"),
        (112, "112e session", "112th session", "الدورة 112"),
    ];
    for (n, fr, en, ar) in cases {
        assert_eq!(session_ordinal(Lang::Fr, n), fr);
        assert_eq!(session_ordinal(Lang::En, n), en);
        assert_eq!(session_ordinal(Lang::Ar, n), ar);
    }
}

#[test]
fn state_names_take_the_article_their_head_noun_needs() {
    let of = [
        ("Royaume du Maroc", "du Royaume du Maroc"),
        ("République du Mali", "de la République du Mali"),
        ("État de Libye", "de l'État de Libye"),
        ("Émirats arabes unis", "des Émirats arabes unis"),
        ("Pays-Bas", "des Pays-Bas"),
        ("Mauritanie", "de la Mauritanie"),
        ("Mozambique", "du Mozambique"),
        ("Sénégal", "du Sénégal"),
        (
            "Commission militaire mixte",
            "de la Commission militaire mixte",
        ),
    ];
    for (name, want) in of {
        assert_eq!(fr_of(name), want);
    }
    assert_eq!(fr_the("Royaume du Maroc"), "le Royaume du Maroc");
    assert_eq!(fr_the("République du Mali"), "la République du Mali");
    assert_eq!(en_the("Kingdom of Morocco"), "the Kingdom of Morocco");
    assert_eq!(en_the("Mali"), "Mali");
    assert_eq!(
        en_the("Moroccan–Malian Joint Military Commission"),
        "the Moroccan–Malian Joint Military Commission"
    );
    assert_eq!(
        ar_for("اللجنة العسكرية المشتركة"),
        "للجنة العسكرية المشتركة"
    );
    assert_eq!(ar_for("جمهورية مالي"), "لجمهورية مالي");
    assert_eq!(ar_for("المملكة المغربية"), "للمملكة المغربية");
    assert_eq!(rank_title(Lang::Ar, "عميد"), "العميد");
    assert_eq!(rank_title(Lang::Ar, "اللواء"), "اللواء");
    assert_eq!(
        rank_title(Lang::Fr, "Général de brigade"),
        "Général de brigade"
    );
}

#[test]
fn the_first_of_the_month_is_an_ordinal_in_french() {
    assert_eq!(
        taawun_i18n::fmt::date(Lang::Fr, d(2026, 12, 1)),
        "1er décembre 2026"
    );
    assert_eq!(
        taawun_i18n::fmt::date(Lang::Fr, d(2026, 12, 11)),
        "11 décembre 2026"
    );
    assert_eq!(
        taawun_i18n::fmt::date(Lang::En, d(2026, 12, 1)),
        "1 December 2026"
    );
}

#[test]
fn meeting_dates_read_as_a_sentence() {
    let (a, b) = (d(2025, 2, 17), d(2025, 2, 19));
    assert_eq!(dates_in_prose(Lang::Fr, a, b), "du 17 au 19 février 2025");
    assert_eq!(
        dates_in_prose(Lang::En, a, b),
        "from 17 to 19 February 2025"
    );
    assert_eq!(dates_in_prose(Lang::Ar, a, b), "من 17 إلى 19 فبراير 2025");
    assert_eq!(
        dates_in_prose(Lang::Fr, d(2025, 2, 28), d(2025, 3, 1)),
        "du 28 février 2025 au 1er mars 2025"
    );
    assert_eq!(
        dates_in_prose(Lang::Fr, d(2025, 3, 1), d(2025, 3, 2)),
        "du 1er au 2 mars 2025"
    );
    assert_eq!(dates_in_prose(Lang::Fr, b, b), "le 19 février 2025");
}

#[test]
fn the_closing_formula_names_place_date_and_the_languages_of_the_originals() {
    let on = d(2025, 2, 19);
    assert_eq!(
        closing(Lang::Fr, "Bamako", on, &[Lang::Ar, Lang::Fr]),
        "Fait à Bamako, le 19 février 2025, en deux exemplaires originaux, en langues arabe et \
         française, les deux textes faisant également foi."
    );
    assert_eq!(
        closing(Lang::En, "Bamako", on, &[Lang::Ar, Lang::Fr]),
        "Done at Bamako on 19 February 2025, in two original copies, in the Arabic and French \
         languages, both texts being equally authentic."
    );
    assert_eq!(
        closing(Lang::Ar, "باماكو", on, &[Lang::Ar, Lang::Fr]),
        "حرر في باماكو بتاريخ 19 فبراير 2025، في نظيرين أصليين، باللغتين العربية والفرنسية، \
         وللنصين الحجية ذاتها."
    );
    let three = closing(Lang::Fr, "Rabat", on, &[Lang::Ar, Lang::Fr, Lang::En]);
    assert!(three.contains("en langues arabe, française et anglaise, les trois textes"));
    let one = closing(Lang::En, "Rabat", on, &[Lang::Fr]);
    assert!(
        one.ends_with("in two original copies, in the French language."),
        "{one}"
    );
}

#[test]
fn the_preamble_says_who_invited_which_session_where_and_when() {
    let dates = (d(2025, 2, 17), d(2025, 2, 19));
    assert_eq!(
        preamble(
            Lang::Fr,
            "République du Mali",
            1,
            "Commission militaire mixte maroco-malienne",
            "Bamako",
            dates
        ),
        "À l'invitation de la République du Mali, la 1re session de la Commission militaire \
         mixte maroco-malienne s'est tenue à Bamako du 17 au 19 février 2025."
    );
    assert_eq!(
        preamble(
            Lang::Ar,
            "جمهورية مالي",
            1,
            "اللجنة العسكرية المشتركة المغربية المالية",
            "باماكو",
            dates
        ),
        "بدعوة من جمهورية مالي، انعقدت الدورة الأولى للجنة العسكرية المشتركة المغربية المالية \
         في باماكو من 17 إلى 19 فبراير 2025."
    );
    assert_eq!(
        preamble(
            Lang::En,
            "Republic of Mali",
            2,
            "Moroccan–Malian Joint Military Commission",
            "Rabat",
            dates
        ),
        "At the invitation of the Republic of Mali, the 2nd session of the Moroccan–Malian Joint \
         Military Commission was held in Rabat from 17 to 19 February 2025."
    );
    assert_eq!(
        with_party(Lang::Fr, "minutes-head-of", "Royaume du Maroc"),
        "Chef de la délégation du Royaume du Maroc"
    );
    assert_eq!(
        between(Lang::Fr, "Royaume du Maroc", "République du Mali"),
        "Entre le Royaume du Maroc et la République du Mali"
    );
    assert_eq!(
        between(Lang::Ar, "المملكة المغربية", "جمهورية مالي"),
        "بين المملكة المغربية وجمهورية مالي"
    );
}
