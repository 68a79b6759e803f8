//! The words of the rules: field labels and messages in Arabic, French and English.
//! Kept in `core` so that every caller (web form, CLI import, API) says the same thing.

use super::{Rule, RuleError};
use crate::Lang;

/// Label of a field for a reader. Paths such as `delegations.0.members.1.person_id` are named
/// by their last meaningful segment, with the position appended so the reader can find it.
pub fn field_label(field: &str, lang: Lang) -> String {
    let parts: Vec<&str> = field.split('.').collect();
    let name = parts
        .iter()
        .rev()
        .find(|p| p.parse::<usize>().is_err())
        .copied()
        .unwrap_or(field);
    let position = parts.iter().rev().find_map(|p| p.parse::<usize>().ok());
    let label = label(name, lang);
    match position {
        Some(n) => format!("{label} ({})", n + 1),
        None => label.to_string(),
    }
}

fn label(name: &str, lang: Lang) -> &str {
    let (ar, fr, en) = match name {
        "name" => ("الاسم", "nom", "name"),
        "short_name" => ("الاسم المختصر", "nom court", "short name"),
        "iso_code" => ("رمز ISO", "code ISO", "ISO code"),
        "acronym" => ("المختصر", "sigle", "acronym"),
        "parent_id" => ("الهيئة الأم", "organisme parent", "parent organisation"),
        "label" => ("التسمية", "libellé", "label"),
        "nato_code" => ("رمز الناتو", "code OTAN", "NATO code"),
        "name_ar" => ("الاسم بالعربية", "nom en arabe", "name in Arabic"),
        "name_latin" => (
            "الاسم بالحروف اللاتينية",
            "nom en caractères latins",
            "name in Latin script",
        ),
        "aliases" => ("صيغة أخرى للاسم", "autre graphie", "other spelling"),
        "function" => ("الوظيفة", "fonction", "function"),
        "organisation_id" => ("الهيئة", "organisme", "organisation"),
        "rank_id" => ("الرتبة", "grade", "rank"),
        "code" => ("الرمز", "code", "code"),
        "title" => ("العنوان", "titre", "title"),
        "summary" => ("الملخص", "résumé", "summary"),
        "renewal_terms" => (
            "شروط التجديد",
            "conditions de renouvellement",
            "renewal terms",
        ),
        "party_ids" => ("الأطراف", "parties", "parties"),
        "party_id" => ("الطرف", "partie", "party"),
        "reference" => ("المرجع", "référence", "reference"),
        "status" => ("الحالة", "statut", "status"),
        "signed_on" => ("تاريخ التوقيع", "date de signature", "date of signature"),
        "in_force_on" => (
            "تاريخ دخول حيز التنفيذ",
            "date d'entrée en vigueur",
            "date of entry into force",
        ),
        "ended_on" => ("تاريخ الانتهاء", "date de fin", "end date"),
        "links" => ("الروابط", "liens", "links"),
        "text" => ("النص", "texte", "text"),
        "heading" => ("العنوان الفرعي", "intitulé", "heading"),
        "number" => ("الرقم", "numéro", "number"),
        "mandate" => ("الولاية", "mandat", "mandate"),
        "co_chair_ids" => ("الرئيس المشارك", "coprésident", "co-chair"),
        "place" => ("المكان", "lieu", "place"),
        "ordinal" => ("رقم الدورة", "numéro de session", "session number"),
        "start_on" => ("تاريخ البداية", "date de début", "start date"),
        "end_on" => ("تاريخ النهاية", "date de fin", "end date"),
        "due_on" => ("تاريخ الاستحقاق", "échéance", "due date"),
        "host_party_id" => ("الطرف المضيف", "partie hôte", "host party"),
        "members" => (
            "أعضاء الوفد",
            "membres de la délégation",
            "delegation members",
        ),
        "person_id" => ("الشخص", "personne", "person"),
        "description" => ("الوصف", "description", "description"),
        "percent" => (
            "نسبة الإنجاز",
            "pourcentage d'avancement",
            "percent complete",
        ),
        "narrative" => ("السرد", "commentaire", "narrative"),
        "baseline" => ("القيمة المرجعية", "valeur de référence", "baseline"),
        "target" => ("القيمة المستهدفة", "cible", "target"),
        "indicator_actual" => ("القيمة المحققة", "valeur atteinte", "actual value"),
        "cancel_reason" => ("سبب الإلغاء", "motif d'annulation", "reason for cancelling"),
        "item_ids" => ("الإجراءات", "actions", "action items"),
        "notice_months" => (
            "مهلة الإشعار بالأشهر",
            "préavis en mois",
            "notice period in months",
        ),
        "email" => ("البريد الإلكتروني", "adresse électronique", "e-mail address"),
        "direction" => (
            "اتجاه التحسن",
            "sens d'amélioration",
            "direction of improvement",
        ),
        _ => return name_fallback(name),
    };
    match lang {
        Lang::Ar => ar,
        Lang::Fr => fr,
        Lang::En => en,
    }
}

// An unknown field keeps its technical name rather than vanishing from the message.
fn name_fallback(name: &str) -> &str {
    name
}

fn status_word(key: &str, lang: Lang) -> &'static str {
    let (ar, fr, en) = match key {
        "draft" => ("مسودة", "projet", "draft"),
        "signed" => ("موقعة", "signé", "signed"),
        "in_force" => ("سارية المفعول", "en vigueur", "in force"),
        "expired" => ("منتهية", "expiré", "expired"),
        "terminated" => ("ملغاة", "dénoncé", "terminated"),
        "superseded" => ("مستبدلة", "remplacé", "superseded"),
        "planned" => ("مبرمج", "prévu", "planned"),
        "in_progress" => ("قيد التنفيذ", "en cours", "in progress"),
        "on_hold" => ("معلق", "suspendu", "on hold"),
        "done" => ("منجز", "réalisé", "done"),
        "cancelled" => ("ملغى", "annulé", "cancelled"),
        _ => ("?", "?", "?"),
    };
    match lang {
        Lang::Ar => ar,
        Lang::Fr => fr,
        Lang::En => en,
    }
}

pub(super) fn message(e: &RuleError, lang: Lang) -> String {
    let f = field_label(&e.field, lang);
    use Lang::*;
    match (&e.rule, lang) {
        (Rule::Required, Ar) => format!("{f}: مطلوب بلغة واحدة على الأقل."),
        (Rule::Required, Fr) => format!("{f} : obligatoire dans au moins une langue."),
        (Rule::Required, En) => format!("{f}: required in at least one language."),
        (Rule::TooLong { max }, Ar) => format!("{f}: طويل جدًا (الحد الأقصى {max} حرف)."),
        (Rule::TooLong { max }, Fr) => format!("{f} : trop long ({max} caractères au plus)."),
        (Rule::TooLong { max }, En) => format!("{f}: too long (at most {max} characters)."),
        (Rule::TooShort { min }, Ar) => format!("{f}: قصير جدًا ({min} حرفًا على الأقل)."),
        (Rule::TooShort { min }, Fr) => format!("{f} : trop court ({min} caractères au moins)."),
        (Rule::TooShort { min }, En) => format!("{f}: too short (at least {min} characters)."),
        (Rule::EndBeforeStart, Ar) => format!("{f}: يجب ألا يسبق تاريخ البداية."),
        (Rule::EndBeforeStart, Fr) => format!("{f} : ne peut pas précéder la date de début."),
        (Rule::EndBeforeStart, En) => format!("{f}: cannot be before the start date."),
        (Rule::DueBeforeStart, Ar) => format!("{f}: يجب ألا يسبق تاريخ البداية."),
        (Rule::DueBeforeStart, Fr) => format!("{f} : ne peut pas précéder la date de début."),
        (Rule::DueBeforeStart, En) => format!("{f}: cannot be before the start date."),
        (Rule::DateBefore { other }, _) => {
            let o = field_label(other, lang);
            match lang {
                Ar => format!("{f}: يجب ألا يسبق {o}."),
                Fr => format!("{f} : ne peut pas précéder la {o}."),
                En => format!("{f}: cannot be before the {o}."),
            }
        }
        (Rule::DateMissing, Ar) => format!("{f}: مطلوب لهذه الحالة."),
        (Rule::DateMissing, Fr) => format!("{f} : obligatoire pour ce statut."),
        (Rule::DateMissing, En) => format!("{f}: required for this status."),
        (Rule::PercentOutOfRange, Ar) => format!("{f}: يجب أن تكون بين 0 و100."),
        (Rule::PercentOutOfRange, Fr) => format!("{f} : doit être compris entre 0 et 100."),
        (Rule::PercentOutOfRange, En) => format!("{f}: must be between 0 and 100."),
        (Rule::NotPositive, Ar) => format!("{f}: يجب أن يكون 1 أو أكثر."),
        (Rule::NotPositive, Fr) => format!("{f} : doit valoir 1 ou plus."),
        (Rule::NotPositive, En) => format!("{f}: must be 1 or more."),
        (Rule::OrdinalTaken, Ar) => format!("{f}: توجد دورة بهذا الرقم في هذه اللجنة."),
        (Rule::OrdinalTaken, Fr) => {
            format!("{f} : cette commission a déjà une session portant ce numéro.")
        }
        (Rule::OrdinalTaken, En) => {
            format!("{f}: this commission already has a session with this number.")
        }
        (Rule::Duplicate, Ar) => format!("{f}: مكرر."),
        (Rule::Duplicate, Fr) => format!("{f} : en double."),
        (Rule::Duplicate, En) => format!("{f}: appears twice."),
        (Rule::TooFewParties, Ar) => format!("{f}: يلزم طرفان مختلفان على الأقل."),
        (Rule::TooFewParties, Fr) => {
            format!("{f} : au moins deux parties distinctes sont requises.")
        }
        (Rule::TooFewParties, En) => format!("{f}: at least two different parties are required."),
        (Rule::MemberOfOtherParty, Ar) => format!("{f}: هذا الشخص لا ينتمي إلى طرف الوفد."),
        (Rule::MemberOfOtherParty, Fr) => {
            format!("{f} : cette personne n'appartient pas à la partie de la délégation.")
        }
        (Rule::MemberOfOtherParty, En) => {
            format!("{f}: this person does not belong to the delegation's party.")
        }
        (Rule::PartyNotInCommission, Ar) => format!("{f}: ليس طرفًا في هذه اللجنة."),
        (Rule::PartyNotInCommission, Fr) => format!("{f} : n'est pas partie à cette commission."),
        (Rule::PartyNotInCommission, En) => format!("{f}: is not a party to this commission."),
        (Rule::LeadNotOfPlanParty, Ar) => {
            format!("{f}: يجب أن تكون الهيئة المكلفة تابعة لأحد أطراف الخطة.")
        }
        (Rule::LeadNotOfPlanParty, Fr) => {
            format!("{f} : l'organisme pilote doit relever d'une partie du plan.")
        }
        (Rule::LeadNotOfPlanParty, En) => {
            format!("{f}: the lead body must belong to a party of the plan.")
        }
        (Rule::DuplicateSide, Ar) => format!("{f}: هذا الطرف مذكور مرتين."),
        (Rule::DuplicateSide, Fr) => format!("{f} : cette partie figure deux fois."),
        (Rule::DuplicateSide, En) => format!("{f}: this party is listed twice."),
        (Rule::MissingSide, Ar) => format!("{f}: يلزم تعيين هيئة مكلفة عن كل طرف."),
        (Rule::MissingSide, Fr) => {
            format!("{f} : un organisme pilote est requis pour chaque partie.")
        }
        (Rule::MissingSide, En) => format!("{f}: a lead body is required for each party."),
        (Rule::TwoHeads, Ar) => format!("{f}: للوفد رئيس واحد فقط."),
        (Rule::TwoHeads, Fr) => format!("{f} : une délégation n'a qu'un chef."),
        (Rule::TwoHeads, En) => format!("{f}: a delegation has only one head."),
        (Rule::OrganisationOfOtherParty, Ar) => format!("{f}: تابع لطرف آخر."),
        (Rule::OrganisationOfOtherParty, Fr) => format!("{f} : relève d'une autre partie."),
        (Rule::OrganisationOfOtherParty, En) => format!("{f}: belongs to another party."),
        (Rule::BadIsoCode, Ar) => format!("{f}: حرفان لاتينيان كبيران مطلوبان للدولة (مثل MA)."),
        (Rule::BadIsoCode, Fr) => {
            format!("{f} : deux lettres majuscules requises pour un État (ex. ML).")
        }
        (Rule::BadIsoCode, En) => {
            format!("{f}: two capital letters required for a state (e.g. MA).")
        }
        (Rule::LifecycleTransition { from, to }, _) => transition(&f, from.key(), to.key(), lang),
        (Rule::StatusTransition { from, to }, _) => transition(&f, from.key(), to.key(), lang),
        (Rule::NotALeadParty, Ar) => format!("{f}: هذا الطرف ليس مكلفًا بهذا الإجراء."),
        (Rule::NotALeadParty, Fr) => format!("{f} : cette partie ne pilote pas cette action."),
        (Rule::NotALeadParty, En) => format!("{f}: this party does not lead this item."),
        (Rule::OnlyWhenCancelled, Ar) => format!("{f}: لا يُذكر إلا لإجراء ملغى."),
        (Rule::OnlyWhenCancelled, Fr) => {
            format!("{f} : ne s'indique que pour une action annulée.")
        }
        (Rule::OnlyWhenCancelled, En) => format!("{f}: only for a cancelled item."),
        (Rule::CancelledBySecretariat, Ar) => {
            format!("{f}: لا يلغي الطرف الإجراء؛ الإلغاء قرار الأمانة مع ذكر السبب.")
        }
        (Rule::CancelledBySecretariat, Fr) => format!(
            "{f} : une partie ne peut pas annuler l'action ; l'annulation est décidée par le secrétariat, motif à l'appui."
        ),
        (Rule::CancelledBySecretariat, En) => format!(
            "{f}: a side cannot cancel the item; the secretariat cancels it, giving a reason."
        ),
        (Rule::Unknown, Ar) => format!("{f}: قيمة غير معروفة أو غير صالحة."),
        (Rule::Unknown, Fr) => format!("{f} : valeur inconnue ou invalide."),
        (Rule::Unknown, En) => format!("{f}: unknown or invalid value."),
    }
}

fn transition(f: &str, from: &str, to: &str, lang: Lang) -> String {
    let (a, b) = (status_word(from, lang), status_word(to, lang));
    match lang {
        Lang::Ar => format!("{f}: لا يمكن الانتقال من «{a}» إلى «{b}»."),
        Lang::Fr => format!("{f} : passage impossible de « {a} » à « {b} »."),
        Lang::En => format!("{f}: cannot move from “{a}” to “{b}”."),
    }
}
