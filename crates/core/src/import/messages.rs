//! The sentences of the import's problems in Arabic, French and English.

use super::labels::party_name;
use super::{Field, Problem, RowProblem};
use crate::{Lang, Party};

pub(super) fn sentence(p: &RowProblem, lang: Lang, parties: &[Party]) -> String {
    use Lang::*;
    let label = |f: &Field| f.label(lang, parties);
    let side = |id| party_name(id, parties, lang);
    match (&p.problem, lang) {
        (Problem::Unmapped(Field::Title(_)), Ar) => {
            "لم يُربط أي عمود بالعنوان، وهو مطلوب بلغة واحدة على الأقل.".into()
        }
        (Problem::Unmapped(Field::Title(_)), Fr) => {
            "Aucune colonne n'est associée au titre, obligatoire dans au moins une langue.".into()
        }
        (Problem::Unmapped(Field::Title(_)), En) => {
            "No column is mapped to the title, which is required in at least one language.".into()
        }
        (Problem::Unmapped(f), Ar) => {
            format!("لم يُربط أي عمود بالحقل «{}»، وهو حقل إلزامي.", label(f))
        }
        (Problem::Unmapped(f), Fr) => {
            format!(
                "Aucune colonne n'est associée au champ « {} », qui est obligatoire.",
                label(f)
            )
        }
        (Problem::Unmapped(f), En) => {
            format!(
                "No column is mapped to the field “{}”, which is required.",
                label(f)
            )
        }
        (Problem::Missing(Field::Title(_)), Ar) => {
            "العنوان فارغ، ويلزم إدخاله بلغة واحدة على الأقل.".into()
        }
        (Problem::Missing(Field::Title(_)), Fr) => {
            "Le titre est vide ; il doit être renseigné dans au moins une langue.".into()
        }
        (Problem::Missing(Field::Title(_)), En) => {
            "The title is empty; it is required in at least one language.".into()
        }
        (Problem::Missing(Field::Lead(party)), Ar) => {
            format!("لم تُحدَّد الجهة المكلفة عن {}.", side(*party))
        }
        (Problem::Missing(Field::Lead(party)), Fr) => {
            format!(
                "L'organisme pilote pour la partie {} n'est pas indiqué.",
                side(*party)
            )
        }
        (Problem::Missing(Field::Lead(party)), En) => {
            format!("The lead body for {} is not given.", side(*party))
        }
        (Problem::Missing(f), Ar) => format!("الخانة «{}» فارغة، وهي إلزامية.", label(f)),
        (Problem::Missing(f), Fr) => {
            format!(
                "Le champ « {} » est vide alors qu'il est obligatoire.",
                label(f)
            )
        }
        (Problem::Missing(f), En) => format!("The field “{}” is empty but required.", label(f)),
        (Problem::BadDate(v), _) => bad_date(v, p.column.as_deref(), lang),
        (Problem::UnknownOrganisation { value, party }, Ar) => {
            format!("الهيئة «{value}» غير معروفة ضمن هيئات {}.", side(*party))
        }
        (Problem::UnknownOrganisation { value, party }, Fr) => {
            format!(
                "Organisme inconnu « {value} » pour la partie {}.",
                side(*party)
            )
        }
        (Problem::UnknownOrganisation { value, party }, En) => {
            format!("Unknown organisation “{value}” for {}.", side(*party))
        }
        (Problem::OrganisationOfOtherParty { value, party }, Ar) => {
            format!(
                "الهيئة «{value}» تابعة لطرف آخر، وليست من هيئات {}.",
                side(*party)
            )
        }
        (Problem::OrganisationOfOtherParty { value, party }, Fr) => format!(
            "L'organisme « {value} » relève d'une autre partie, pas de la partie {}.",
            side(*party)
        ),
        (Problem::OrganisationOfOtherParty { value, party }, En) => format!(
            "The organisation “{value}” belongs to another party, not to {}.",
            side(*party)
        ),
        (Problem::UnknownArea(v), Ar) => format!("مجال التعاون «{v}» غير معروف."),
        (Problem::UnknownArea(v), Fr) => format!("Le domaine de coopération « {v} » est inconnu."),
        (Problem::UnknownArea(v), En) => format!("Unknown area of cooperation “{v}”."),
        (Problem::DuplicateCode(c), Ar) => format!("الرمز «{c}» مكرر في الملف."),
        (Problem::DuplicateCode(c), Fr) => {
            format!("Le code « {c} » figure plusieurs fois dans le fichier.")
        }
        (Problem::DuplicateCode(c), En) => {
            format!("The code “{c}” appears more than once in the file.")
        }
        (Problem::CodeTaken(c), Ar) => format!("الرمز «{c}» مستعمل لإجراء آخر في هذه الخطة."),
        (Problem::CodeTaken(c), Fr) => {
            format!("Le code « {c} » est déjà attribué à une action de ce plan.")
        }
        (Problem::CodeTaken(c), En) => {
            format!("The code “{c}” is already used by an item of this plan.")
        }
        (Problem::Rule(e), _) => e.message(lang),
    }
}

/// Names the column when the problem has one (it always does when `prepare` reports it).
fn bad_date(value: &str, column: Option<&str>, lang: Lang) -> String {
    match (lang, column) {
        (Lang::Ar, Some(c)) => format!(
            "التاريخ «{value}» في العمود «{c}» غير صالح؛ الصيغ المقبولة مثل 15/03/2026 أو 2026-03-15."
        ),
        (Lang::Ar, None) => {
            format!("التاريخ «{value}» غير صالح؛ الصيغ المقبولة مثل 15/03/2026 أو 2026-03-15.")
        }
        (Lang::Fr, Some(c)) => format!(
            "La date « {value} » de la colonne « {c} » n'est pas valide ; formats acceptés : 15/03/2026 ou 2026-03-15."
        ),
        (Lang::Fr, None) => format!(
            "La date « {value} » n'est pas valide ; formats acceptés : 15/03/2026 ou 2026-03-15."
        ),
        (Lang::En, Some(c)) => format!(
            "The date “{value}” in column “{c}” is not valid; accepted forms: 15/03/2026 or 2026-03-15."
        ),
        (Lang::En, None) => {
            format!("The date “{value}” is not valid; accepted forms: 15/03/2026 or 2026-03-15.")
        }
    }
}
