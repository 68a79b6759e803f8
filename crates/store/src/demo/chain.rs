//! Demo commission, 1st session, memorandum of understanding and its clauses.

use super::{actors::Who, d, t};
use crate::{Actor, Store, StoreResult};
use taawun_core::*;

/// Ids of the demo's chain records, for the follow-up that hangs on them.
pub(super) struct Chain {
    pub commission: Id,
    pub session: Id,
    pub mou: Id,
    pub training: Id,
    pub expertise: Id,
    pub security: Id,
    pub education: Id,
    /// Clause ids by number.
    pub clauses: Vec<Id>,
}

pub(super) async fn load(store: &dyn Store, actor: &Actor, who: &Who) -> StoreResult<Chain> {
    let area = |code: &str, name: LocalizedText| Area {
        id: new_id(),
        code: code.into(),
        name,
        protection: Default::default(),
        version: 0,
    };
    let training = store
        .save_area(
            actor,
            &area(
                "training",
                t(
                    "التدريب العسكري",
                    "Formation militaire",
                    "Military training",
                ),
            ),
        )
        .await?
        .id;
    let expertise = store
        .save_area(
            actor,
            &area(
                "expertise",
                t(
                    "تبادل الخبرات",
                    "Échange d'expertise",
                    "Exchange of expertise",
                ),
            ),
        )
        .await?
        .id;
    let security = store
        .save_area(
            actor,
            &area(
                "counter_terrorism",
                t(
                    "التنسيق في مكافحة الإرهاب والجريمة المنظمة",
                    "Coordination contre le terrorisme et la criminalité organisée",
                    "Coordination against terrorism and organised crime",
                ),
            ),
        )
        .await?
        .id;
    let education = store
        .save_area(
            actor,
            &area(
                "education",
                t(
                    "التعليم العسكري",
                    "Enseignement militaire",
                    "Military education",
                ),
            ),
        )
        .await?
        .id;

    let commission = store
        .save_commission(
            actor,
            &Commission {
                id: new_id(),
                name: t(
                    "اللجنة العسكرية المشتركة المغربية المالية",
                    "Commission militaire mixte maroco-malienne",
                    "Morocco–Mali Joint Military Commission",
                ),
                party_ids: vec![who.morocco, who.mali],
                co_chair_ids: vec![who.mouhib, who.m_samake],
                established_on: None,
                mandate: LocalizedText::default(),
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let session = store
        .save_session(actor, &first_session(commission, who))
        .await?
        .id;

    let mou = store
        .save_agreement(
            actor,
            &Agreement {
                id: new_id(),
                kind: AgreementKind::Mou,
                reference: None,
                title: t(
                    "مذكرة تفاهم حول مبادئ التعاون العسكري بين المملكة المغربية وجمهورية مالي",
                    "Mémorandum d'entente sur les principes de la coopération militaire entre le Royaume du Maroc et la République du Mali",
                    "Memorandum of understanding on the principles of military cooperation between the Kingdom of Morocco and the Republic of Mali",
                ),
                summary: t(
                    "تحدد المبادئ الأساسية للتعاون العسكري بين البلدين، وترافقها خطة عمل مشتركة لتنفيذها.",
                    "Fixe les principes de base de la coopération militaire entre les deux pays ; un plan d'action conjoint en assure la mise en œuvre.",
                    "Sets the basic principles of military cooperation between the two countries; a joint action plan carries them out.",
                ),
                party_ids: vec![who.morocco, who.mali],
                status: Lifecycle::Signed,
                signed_on: Some(d(2025, 2, 19)),
                signed_place: t("باماكو", "Bamako", "Bamako"),
                commission_id: Some(commission),
                signatory_ids: vec![],
                session_id: Some(session),
                in_force_on: None,
                ended_on: None,
                duration_months: None,
                renewal_terms: LocalizedText::default(),
                // The MoU's real duration and notice terms are not public: none are invented.
                notice_months: None,
                links: vec![],
                protection: Default::default(),
                version: 0,
            },
        )
        .await?
        .id;

    let mut clauses = Vec::new();
    for (number, (heading, text, areas)) in clause_texts(training, expertise, security, education)
        .into_iter()
        .enumerate()
    {
        let c = Clause {
            id: new_id(),
            agreement_id: mou,
            number: number as u32 + 1,
            heading,
            text,
            area_ids: areas,
            example: true,
            protection: Default::default(),
            version: 0,
        };
        clauses.push(store.save_clause(actor, &c).await?.id);
    }

    Ok(Chain {
        commission,
        session,
        mou,
        training,
        expertise,
        security,
        education,
        clauses,
    })
}

fn first_session(commission: Id, who: &Who) -> Session {
    let member = |person_id, role| DelegationMember {
        person_id,
        role,
        precedence: 1,
    };
    let agenda = |ar: &str, fr: &str, en: &str| AgendaItem {
        title: t(ar, fr, en),
        item_ids: vec![],
        conclusions: LocalizedText::default(),
        example: true,
    };
    // What the minutes record under the signing point: the session's reported outcome.
    let mut signing = agenda(
        "دراسة مذكرات التفاهم وخطة العمل المشتركة وتوقيعها",
        "Examen et signature des mémorandums d'entente et du plan d'action conjoint",
        "Examination and signature of the memoranda of understanding and the joint action plan",
    );
    signing.conclusions = t(
        "وقّع رئيسا الوفدين مذكرات تفاهم تضع مبادئ التعاون العسكري بين البلدين، مرفقة بخطة عمل مشتركة.",
        "Les deux chefs de délégation ont signé des mémorandums d'entente fixant les principes de la coopération militaire entre les deux pays, accompagnés d'un plan d'action conjoint.",
        "The two heads of delegation signed memoranda of understanding setting the principles of military cooperation between the two countries, with a joint action plan.",
    );
    Session {
        id: new_id(),
        commission_id: commission,
        ordinal: 1,
        start_on: d(2025, 2, 17),
        end_on: d(2025, 2, 19),
        host_party_id: who.mali,
        place: t("باماكو", "Bamako", "Bamako"),
        agenda: vec![
            agenda(
                "افتتاح أشغال الدورة",
                "Ouverture des travaux",
                "Opening of the session",
            ),
            agenda(
                "استعراض آفاق التعاون العسكري",
                "Examen des perspectives de la coopération militaire",
                "Review of the prospects for military cooperation",
            ),
            signing,
            agenda("الجلسة الختامية", "Séance de clôture", "Closing session"),
        ],
        delegations: vec![
            Delegation {
                adoptions: Vec::new(),
                party_id: who.morocco,
                members: vec![member(who.mouhib, DelegationRole::Head)],
            },
            Delegation {
                adoptions: Vec::new(),
                party_id: who.mali,
                members: vec![member(who.m_samake, DelegationRole::Head)],
            },
        ],
        decisions: vec![
            Decision {
                id: new_id(),
                number: 1,
                text: t(
                    "توقيع مذكرات تفاهم تضع المبادئ الأساسية للتعاون العسكري بين البلدين.",
                    "Signer des mémorandums d'entente posant les principes de base de la coopération militaire entre les deux pays.",
                    "Sign memoranda of understanding laying down the basic principles of military cooperation between the two countries.",
                ),
                area_id: None,
                example: false,
            },
            Decision {
                id: new_id(),
                number: 2,
                text: t(
                    "اعتماد خطة عمل مشتركة لتنفيذ مذكرات التفاهم في مجالات التدريب العسكري وتبادل الخبرات والتنسيق في مكافحة الإرهاب والجريمة المنظمة والتعليم العسكري.",
                    "Adopter un plan d'action conjoint mettant en œuvre les mémorandums dans la formation militaire, l'échange d'expertise, la coordination contre le terrorisme et la criminalité organisée, et l'enseignement militaire.",
                    "Adopt a joint action plan implementing the memoranda in military training, exchange of expertise, coordination against terrorism and organised crime, and military education.",
                ),
                area_id: None,
                example: false,
            },
            Decision {
                id: new_id(),
                number: 3,
                text: t(
                    "عقد الدورة الثانية للجنة في المملكة المغربية.",
                    "Tenir la 2e session de la commission au Royaume du Maroc.",
                    "Hold the 2nd session of the commission in the Kingdom of Morocco.",
                ),
                area_id: None,
                example: true,
            },
        ],
        statements: vec![
            Statement {
                person_id: who.s_samake,
                occasion: StatementOccasion::Closing,
                on: d(2025, 2, 19),
                summary: t(
                    "نوّه بما بذله الجانبان من جهود من أجل نتائج ملموسة لصالح الشعبين، وشكر المغرب على دعمه المتواصل للعلاقات الثنائية.",
                    "A salué les efforts des deux parties en vue de résultats concrets au profit des deux peuples et remercié le Maroc pour son appui constant aux relations bilatérales.",
                    "Praised both sides' efforts towards concrete results for the two peoples and thanked Morocco for its steady support to bilateral relations.",
                ),
            },
            Statement {
                person_id: who.mouhib,
                occasion: StatementOccasion::Closing,
                on: d(2025, 2, 19),
                summary: t(
                    "أبدى ارتياحه للتقدم المحرز، معتبرًا التعاون العسكري مع الدول الإفريقية، ومالي خاصة، ركيزة من ركائز الاستراتيجية الأمنية الإقليمية للمغرب.",
                    "S'est dit satisfait des progrès accomplis ; la coopération militaire avec les pays africains, et le Mali en particulier, est un pilier de la stratégie de sécurité régionale du Maroc.",
                    "Expressed satisfaction with the progress made; military cooperation with African countries, Mali in particular, is a pillar of Morocco's regional security strategy.",
                ),
            },
            Statement {
                person_id: who.m_samake,
                occasion: StatementOccasion::Closing,
                on: d(2025, 2, 19),
                summary: t(
                    "هنّأ الخبراء على عملهم المثمر وتمنى لهم التوفيق في تنفيذ المهام المشتركة.",
                    "A félicité les experts pour leur travail fructueux et leur a souhaité plein succès dans la conduite des tâches communes.",
                    "Congratulated the experts on their fruitful work and wished them success in carrying out the joint tasks.",
                ),
            },
        ],
        side_events: vec![SideEvent {
            kind: SideEventKind::Visit,
            on: None,
            title: t(
                "زيارة الوفد المغربي للمدرسة الحربية المالية",
                "Visite de la délégation marocaine à l'École militaire du Mali",
                "Moroccan delegation's visit to Mali's military school",
            ),
            description: t(
                "اطلع الوفد على نظام التعليم العسكري وتبادل الخبرات في هذا المجال.",
                "La délégation a découvert le système d'enseignement militaire et échangé son expérience en la matière.",
                "The delegation learned about the military education system and exchanged experience in that field.",
            ),
            party_id: Some(who.morocco),
            organisation_id: Some(who.mali_school),
        }],
        minutes: Default::default(),
        protection: Default::default(),
        version: 0,
    }
}

type ClauseText = (LocalizedText, LocalizedText, Vec<Id>);

/// Example clause texts: the memorandum's real wording is not public.
fn clause_texts(training: Id, expertise: Id, security: Id, education: Id) -> Vec<ClauseText> {
    vec![
        (
            t("الغرض", "Objet", "Purpose"),
            t(
                "تحدد هذه المذكرة المبادئ التي يقوم عليها التعاون العسكري بين الطرفين.",
                "Le présent mémorandum fixe les principes sur lesquels repose la coopération militaire entre les parties.",
                "This memorandum sets the principles on which military cooperation between the parties rests.",
            ),
            vec![],
        ),
        (
            t(
                "مجالات التعاون",
                "Domaines de coopération",
                "Areas of cooperation",
            ),
            t(
                "يشمل التعاون التدريب العسكري وتبادل الخبرات والتنسيق في مكافحة الإرهاب والجريمة المنظمة والتعليم العسكري.",
                "La coopération couvre la formation militaire, l'échange d'expertise, la coordination contre le terrorisme et la criminalité organisée, et l'enseignement militaire.",
                "Cooperation covers military training, exchange of expertise, coordination against terrorism and organised crime, and military education.",
            ),
            vec![training, expertise, security, education],
        ),
        (
            t(
                "خطة العمل المشتركة",
                "Plan d'action conjoint",
                "Joint action plan",
            ),
            t(
                "ينفذ الطرفان هذه المذكرة عبر خطة عمل مشتركة تستعرضها اللجنة العسكرية المشتركة في كل دورة.",
                "Les parties mettent en œuvre le mémorandum par un plan d'action conjoint que la commission militaire mixte examine à chaque session.",
                "The parties implement this memorandum through a joint action plan reviewed by the joint military commission at each session.",
            ),
            vec![training, expertise, security, education],
        ),
        (
            t("سرية المعلومات", "Confidentialité", "Confidentiality"),
            t(
                "لا يجوز لأي طرف أن يفصح لطرف ثالث عن معلومات تم تبادلها بموجب هذه المذكرة دون موافقة كتابية من الطرف الآخر.",
                "Aucune partie ne communique à un tiers les informations échangées au titre du mémorandum sans l'accord écrit de l'autre partie.",
                "Neither party discloses to a third party information exchanged under this memorandum without the other party's written consent.",
            ),
            vec![security],
        ),
        (
            t(
                "الدخول حيز التنفيذ",
                "Entrée en vigueur",
                "Entry into force",
            ),
            t(
                "تدخل هذه المذكرة حيز التنفيذ بعد استكمال الإجراءات الداخلية لكل طرف.",
                "Le mémorandum entre en vigueur après l'accomplissement des procédures internes de chaque partie.",
                "This memorandum enters into force once each party has completed its internal procedures.",
            ),
            vec![],
        ),
    ]
}
