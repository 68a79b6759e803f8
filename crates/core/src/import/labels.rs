//! The names of the fields in Arabic, French and English. They are the column headers of
//! the items export too, so an exported sheet imports back with its mapping guessed.

use super::Field;
use crate::{Id, Lang, Party};

impl Field {
    /// Column header / field name in a language: fr "Titre (arabe)", "Organisme pilote —
    /// Mali"; ar "العنوان (بالعربية)", "الجهة المكلفة — مالي".
    pub fn label(&self, lang: Lang, parties: &[Party]) -> String {
        let pick = |ar: &str, fr: &str, en: &str| {
            match lang {
                Lang::Ar => ar,
                Lang::Fr => fr,
                Lang::En => en,
            }
            .to_string()
        };
        match self {
            Field::Code => pick("الرمز", "Code", "Code"),
            Field::Title(l) => match lang {
                Lang::Ar => format!("العنوان ({})", in_language(*l, lang)),
                Lang::Fr => format!("Titre ({})", in_language(*l, lang)),
                Lang::En => format!("Title ({})", in_language(*l, lang)),
            },
            Field::Description(l) => match lang {
                Lang::Ar => format!("الوصف ({})", in_language(*l, lang)),
                Lang::Fr | Lang::En => format!("Description ({})", in_language(*l, lang)),
            },
            Field::Area => pick(
                "مجال التعاون",
                "Domaine de coopération",
                "Area of cooperation",
            ),
            Field::Lead(id) => {
                let side = party_name(*id, parties, lang);
                match lang {
                    Lang::Ar => format!("الجهة المكلفة — {side}"),
                    Lang::Fr => format!("Organisme pilote — {side}"),
                    Lang::En => format!("Lead body — {side}"),
                }
            }
            Field::StartOn => pick("تاريخ البداية", "Date de début", "Start date"),
            Field::DueOn => pick("تاريخ الاستحقاق", "Échéance", "Due date"),
        }
    }
}

/// "in Arabic" as a header qualifier: بالعربية / arabe / Arabic.
fn in_language(of: Lang, lang: Lang) -> &'static str {
    match (lang, of) {
        (Lang::Ar, Lang::Ar) => "بالعربية",
        (Lang::Ar, Lang::Fr) => "بالفرنسية",
        (Lang::Ar, Lang::En) => "بالإنجليزية",
        (Lang::Fr, Lang::Ar) => "arabe",
        (Lang::Fr, Lang::Fr) => "français",
        (Lang::Fr, Lang::En) => "anglais",
        (Lang::En, Lang::Ar) => "Arabic",
        (Lang::En, Lang::Fr) => "French",
        (Lang::En, Lang::En) => "English",
    }
}

/// A party as tables name it: its short name ("Mali"), else its formal name, else its ISO
/// code, else its id, so that a label never comes out empty.
pub(super) fn party_name(id: Id, parties: &[Party], lang: Lang) -> String {
    let Some(p) = parties.iter().find(|p| p.id == id) else {
        return id.to_string();
    };
    let name = p.short_name.pick(lang).or_else(|| p.name.pick(lang));
    match (name, &p.iso_code) {
        (Some(n), _) => n.text.to_string(),
        (None, Some(iso)) => iso.clone(),
        (None, None) => id.to_string(),
    }
}
