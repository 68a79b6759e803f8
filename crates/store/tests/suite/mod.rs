//! The store test suite: backend-independent cases that take a fresh, empty `&dyn Store`
//! and go through the trait only. Each backend's test file runs every case against its
//! own store (see `tests/sqlite.rs`); a new backend passes when it runs them all.
//! The `Visible` cases take an `Arc<dyn Store>`, as `Visible` itself does.

mod access;
mod accounts;
mod batch;
mod counters;
mod demo;
mod feeds;
mod figures;
pub mod fixtures;
mod followup;
mod notifications;
mod queries;
mod records;
mod rules;
mod search;
mod search_names;
mod settings;
mod visible;
mod writes;

pub use access::*;
pub use accounts::*;
pub use batch::*;
pub use counters::*;
pub use demo::*;
pub use feeds::*;
pub use figures::*;
pub use followup::*;
pub use notifications::*;
pub use queries::*;
pub use records::*;
pub use rules::*;
pub use search::*;
pub use search_names::*;
pub use settings::*;
pub use visible::*;
pub use writes::*;

/// Every case of the suite, handed to a backend's three macros: `$store` gets the cases
/// that take a `&dyn Store`, `$counters` those that take its counters, `$shared` those that
/// take an `Arc<dyn Store>`. Each backend's test file defines the macros (how to make a
/// fresh store) and calls this, so both engines run the same list.
#[allow(unused_macros)] // test files that take only some cases include this module too
macro_rules! every_case {
    ($store:ident, $counters:ident, $shared:ident) => {
        $store!(
            // records
            round_trip_parties_organisations_ranks_people,
            round_trip_agreements_and_clauses,
            round_trip_commission_and_full_session,
            round_trip_plans_items_progress_activities,
            localized_text_keeps_all_three_languages,
            unknown_ids_read_as_nothing,
            records_read_together_come_back_whole,
            records_of_several_kinds_read_together,
            empty_until_a_party_is_recorded,
            // writes
            each_save_increments_the_version,
            stale_version_conflicts_and_writes_nothing,
            new_record_with_a_version_conflicts,
            concurrent_updates_let_one_win,
            audit_records_each_save_with_before_and_after,
            audit_names_each_kind_of_record,
            unique_key_clash_is_a_field_error,
            dangling_references_are_unknown_fields,
            // rules
            session_ending_before_it_starts_is_refused,
            delegation_member_of_the_other_party_is_refused,
            ordinal_is_unique_within_a_commission_only,
            lead_body_of_a_party_outside_the_plan_is_refused,
            progress_above_a_hundred_percent_is_refused,
            progress_from_a_party_that_does_not_lead_is_refused,
            agreement_lifecycle_moves_only_forward,
            cancelled_item_stays_cancelled,
            clause_numbers_are_unique_within_an_agreement,
            references_across_parties_are_refused,
            // queries
            organisations_and_people_by_name,
            reference_lists_are_ordered,
            agreements_most_recently_signed_first,
            agreements_of_a_session,
            clauses_in_numeric_order,
            sessions_most_recent_first,
            sessions_of_a_person_follow_the_delegations,
            plans_by_commission_agreement_or_session,
            items_in_code_order,
            items_implementing_an_agreement,
            items_led_by_an_organisation,
            open_items_soonest_due_first,
            progress_newest_first,
            activities_by_start_date,
            // follow-up
            joint_status_follows_both_sides,
            reports_marked_above_their_item_do_not_move_it,
            cancelling_needs_a_reason_and_is_final,
            only_the_secretariat_cancels,
            item_facts_per_scope,
            open_items_of_a_commission_and_recent_progress,
            agenda_points_carry_items_that_exist,
            // batches
            a_batch_is_written_whole_with_an_audit_row_each,
            a_batch_with_a_broken_item_writes_nothing,
            a_batch_with_an_item_the_actor_may_not_create_writes_nothing,
            a_batch_creates_and_never_updates,
            a_batch_reports_its_progress,
            a_batch_names_the_item_whose_code_is_taken,
            // demo
            demo_holds_the_founding_facts,
            demo_follow_up_is_alive_on_its_day,
            // access
            secretariat_is_confined_to_its_commissions,
            party_editor_edits_only_what_its_party_leads,
            reporting_for_the_other_side_is_forbidden,
            readers_and_auditors_write_nothing,
            hidden_records_are_not_found_and_stay_out_of_reach,
            protection_is_validated_on_every_save,
            // accounts
            users_round_trip_and_are_checked,
            secrets_are_kept_apart_and_never_audited,
            recovery_codes_work_once,
            login_sessions_expire,
            calendar_feeds_work_until_revoked,
            calendar_feeds_are_their_owners_business,
            user_settings_are_kept_per_user_and_key,
            oversized_user_settings_are_refused,
            // notifications
            notifications_are_recorded_once,
            notifications_are_listed_per_user,
            // search
            search_finds_demo_records_by_their_variants,
            search_input_is_never_a_syntax_error,
            search_follows_each_save_and_its_limit,
            names_are_found_across_scripts_and_spellings,
            an_exact_code_ranks_first,
        );
        $counters!(
            login_attempts_are_limited_per_key_until_the_window_passes,
            an_address_is_limited_across_accounts,
            a_right_attempt_is_taken_back_but_failures_keep_counting,
            jobs_are_limited_per_holder_and_per_instance,
            finished_and_abandoned_jobs_are_pruned,
            the_instances_own_jobs_do_not_fill_its_limit,
            an_authenticator_step_is_spent_once,
            a_published_job_reads_back_until_its_row_goes,
        );
        $shared!(
            a_common_word_lists_the_newest_matches_first,
            an_exact_title_keeps_hidden_records_hidden,
            visible_hides_through_every_door,
            releasability_and_clearance_open_what_they_should,
            visible_tracks_the_highest_marking_returned,
            history_is_for_auditors_within_their_clearance,
            figures_count_only_what_the_reader_may_see,
            item_facts_agree_with_visible_items,
        );
    };
}
