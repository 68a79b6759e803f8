//! What an import into a plan is checked against, read through the importer's `Visible`:
//! the plan, its commission's parties in order, the organisations and areas they may name,
//! the codes already used.

use taawun_core::import::ImportContext;
use taawun_core::{
    Action, ActionPlan, Area, Denied, Id, Kind, Organisation, Party, Principal, Target, decide,
};
use taawun_store::{StoreResult, Visible};

pub struct ImportWorld {
    pub plan: ActionPlan,
    pub parties: Vec<Party>,
    pub organisations: Vec<Organisation>,
    pub areas: Vec<Area>,
    pub existing_codes: Vec<String>,
    /// The plan's items the importer sees: those an exported sheet's rows may update.
    pub items: Vec<taawun_core::ActionItem>,
}

impl ImportWorld {
    /// The world of `plan`, or None when the reader may not see it (or its commission).
    pub async fn load(v: &Visible, plan: Id) -> StoreResult<Option<ImportWorld>> {
        let Some(plan) = v.plan(plan).await? else {
            return Ok(None);
        };
        let Some(commission) = v.commission(plan.commission_id).await? else {
            return Ok(None);
        };
        let mut parties = Vec::new();
        for id in &commission.party_ids {
            parties.extend(v.party(*id).await?);
        }
        // Codes of the items the reader may see: naming a hidden item's code in a preview
        // would tell them it exists. Should a row reuse one, the store refuses the commit.
        let items = v.items(plan.id).await?;
        let existing_codes = items.iter().map(|i| i.code.clone()).collect();
        Ok(Some(ImportWorld {
            organisations: v.organisations(None).await?,
            areas: v.areas().await?,
            parties,
            existing_codes,
            items,
            plan,
        }))
    }

    /// Whether `who` may add items to the plan, asked before any work so a reader who may
    /// not is told at once (the store asks again, item by item, when the batch is saved).
    pub fn may_add(&self, who: &Principal) -> Result<(), Denied> {
        let target = Target::new(Kind::ActionItem).in_commission(Some(self.plan.commission_id));
        decide(who, Action::Create, &target)
    }

    pub fn context(&self) -> ImportContext<'_> {
        ImportContext {
            plan: &self.plan,
            parties: &self.parties,
            organisations: &self.organisations,
            areas: &self.areas,
            existing_codes: &self.existing_codes,
            existing: &self.items,
        }
    }
}

/// The settings key under which a user's last mapping is remembered.
pub const MAPPING_KEY: &str = "import.items.mapping";
